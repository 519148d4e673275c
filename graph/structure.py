"""The structure of a legal text: Phần, Chương, Mục, Điều, Khoản, Điểm and Phụ lục, as a tree with offsets.

    s = parse_structure(clean(raw).text)      # over the cleaned text the pipeline reads (page headers removed)
    lookup(s, "khoản 2 Điều 8")                # also "Điều 8 khoản 2", "d8k2", "điểm a khoản 2 Điều 8", "dieu_8/khoan_2"

Each part has an identifier relative to the document, in the style of ELI: the path of the article, since a
Vietnamese text numbers its articles through the whole text whatever the chapter (`dieu_8/khoan_2/diem_a`), so an
article's id does not change when a chapter is split or moved; a chapter is `chuong_3`, a section (numbered again in
each chapter) `chuong_3/muc_2`, a part `phan_1`. An annex or a text issued with this one (a regulation "ban hành kèm
theo") numbers its articles again from 1: its parts are under it (`phu_luc_1/dieu_3/khoan_2`, `kem_theo_1/dieu_2`),
and so does a form in an annex whose model articles start at 1 again (`phu_luc/mau_14b/dieu_1`). The rules, the
figures on the corpus and their limits: docs/provisions.md.

What is read, and how:
- headings open a line (page headers are already gone: `graph.clean`), outside quoted text: an amending article's
  “Điều 3. …” belongs to the text it amends (listed in `Structure.quoted`, not a part of this text);
- a khoản is "1." opening a line inside an article, an điểm "a)" opening a line inside a khoản (or an article that has
  no khoản), each in sequence: "3." after khoản 1 is khoản 2's missing neighbour only when it follows within one
  number, else it is a numbered list, not a khoản; "1a."/"1b." (a khoản a consolidated text adds) follow "1.";
- in a consolidated text (Văn bản hợp nhất), the footnotes at the foot of each page (a line "3 Khoản này được bổ sung
  …" after a blank line, to the next blank line) hold no parts, and a footnote mark glued to a heading or to a khoản's
  number ("1b.3", "Phạm vi điều chỉnh2") is not read as part of it;
- an annex opens at "Phụ lục …" (or "PHỤ LỤC") over "(Kèm theo …)" / "(Ban hành kèm theo …)"; an attached regulation
  ("QUY CHẾ …" over "(Ban hành kèm theo …)") is an attachment when articles follow it;
- the text's articles end where its signature or "Nơi nhận:" begins;
- a text the Gazette continues from an earlier issue ("(Tiếp theo Công báo số …)") starts inside an article: that
  span is `Structure.lead`, and the first article read need not be "Điều 1".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .vocab import fold_lower, occurrences

KINDS = ("phan", "chuong", "muc", "dieu", "khoan", "diem", "phu_luc", "kem_theo", "mau")
# the rank of each kind: a part holds parts of a higher rank only
RANK = {"kem_theo": 0, "phu_luc": 0, "mau": 1, "phan": 2, "chuong": 3, "muc": 4, "dieu": 5, "khoan": 6, "diem": 7}
# how each kind's label is written ("Điều 5a", "khoản 2", "điểm a", "Chương III", "Phụ lục I")
LABEL_WORD = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều", "khoan": "khoản", "diem": "điểm",
              "phu_luc": "Phụ lục", "kem_theo": "Kèm theo", "mau": "Mẫu"}

_ROMAN = r"[ivxlc]{1,7}"
_ORDINAL_WORDS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
                  "muoi": 10}

# The headings, one row a kind: the pattern on the folded, lower-cased text (it opens a line, after spaces) and whether
# a heading's title follows it. Each number group is `n`; what follows the number is checked by _heading_rest.
HEADINGS: dict[str, re.Pattern[str]] = {
    "phan": re.compile(rf"(phan)[ \t]+(?P<n>thu[ \t]+[a-z]{{2,4}}(?:[ \t]+[a-z]{{2,4}})?|{_ROMAN}|\d{{1,2}})\b"),
    "chuong": re.compile(rf"(chuong)[ \t]+(?P<n>{_ROMAN}|\d{{1,2}})\b"),
    "muc": re.compile(rf"(muc)[ \t]+(?P<n>{_ROMAN}|\d{{1,2}})\b"),
    "dieu": re.compile(r"(dieu)[ \t]+(?P<n>\d{1,3}[a-z]?)[ \t]*[.:](?P<fn>\d{1,3}(?=[ \t\n]))?"),
    "phu_luc": re.compile(rf"(phu[ \t]+luc)(?:[ \t]+(?:so[ \t]+)?(?P<n>{_ROMAN}[a-z]?|\d{{1,3}}[a-z]?)\b)?"),
}
_KHOAN = re.compile(r"(?P<n>\d{1,3}[a-z]?)\.(?P<fn>\d{1,3})?(?=[ \t\n])")
_DIEM = re.compile(r"(?P<n>[a-z])\)(?P<fn>\d{1,3})?(?=[ \t\n])")
# what opens an attached text or annex: '(Kèm theo Nghị định số …' / '(Ban hành kèm theo …'
_ATTACHED = re.compile(r"(?:\([ \t]*)?(?:ban[ \t]+hanh[ \t]+)?kem[ \t]+theo\b")
# where the text's own provisions end: its signature, the list of recipients, the consolidated text's authentication
_SIGN_OFF = re.compile(r"(?:noi[ \t]+nhan[ \t]*:|(?:tm|kt|tl|tuq|q)\.[ \t]*[a-z]|t/m[ \t]|xac[ \t]+thuc[ \t]+van"
                       r"[ \t]+ban[ \t]+hop[ \t]+nhat)")
# a page's footnote in a consolidated text: '3 Khoản này được bổ sung …' on a line after a blank one
_FOOTNOTE = re.compile(r"\n[ \t]*\n[ \t]*(\d{1,3})[ \t]+(?=\S)")
# a consolidated text: its own number ('Số: 111/VBHN-VPQH'), looked for only where '/vbhn-' is, or its authentication
# (two patterns: the second opens with a literal, which the regex engine finds fast, where one alternation would try
# every position of the text)
_CONSOLIDATED_NO = re.compile(r"\bso[ \t]*:[ \t]*\d{1,5}/vbhn-")
_CONSOLIDATED = re.compile(r"xac[ \t]+thuc[ \t]+van[ \t]+ban[ \t]+hop[ \t]+nhat")
# a form (Mẫu) whose articles are numbered from 1 again: 'Mẫu số 02C. Mẫu Quyết định …', 'Mẫu I.02'
_FORM = re.compile(r"^[ \t]*(mau)[ \t]+(?:so[ \t]*)?(?P<n>[0-9ivx]{1,4}(?:[.\-][0-9a-z]{1,3})?[a-z]?)\b[^\n]*", re.MULTILINE)
_CONTINUED = re.compile(r"(?:\([ \t]*)?tiep[ \t]+theo[ \t]+cong[ \t]+bao")
_CLOSES_QUOTE = re.compile(r"[”\"][.;,]?(?:/\.)?[ \t]*$")  # a line that ends a quote: '…”.', '…".', '…”./.'
# an article that opens with its body, not a heading: 'Điều 3. Quyết định này có hiệu lực …' (a heading names a
# subject, never 'X này')
_SELF = re.compile(r"\b(?:quyet dinh|nghi dinh|thong tu|nghi quyet|luat|chi thi|phap lenh|quy che|quy dinh|van ban)"
                   r" nay\b")
_GLUED_MARK = re.compile(r"(?<=[^\W\d_])\d{1,3}$")  # a footnote mark glued to a heading's last word
_SPACES = re.compile(r"\s+")

_INDENT = re.compile(r"[ \t]+")
# the lines a heading may open (the first word of a pattern of HEADINGS, after at most 11 spaces or 10 and a quote mark:
# what `_Reader.heading_at` reads) and those a khoản or an điểm may open ('1.', 'a)'): only those are read, not every line
_HEAD_LINE = re.compile(r"\n(?=[ \t]{0,11}(?:dieu|chuong|muc|phan|phu)|[ \t]{0,10}[“\"](?:dieu|chuong|muc|phan|phu))")
# the patterns of HEADINGS a line's first letter may open, in their order
_BY_LETTER = {c: [(k, p) for k, p in HEADINGS.items() if k[0] == c] for c in "dcmp"}
# (after its indent, what _KHOAN or _DIEM asks of a line: a line opening with a digit that is no khoản's, a wrapped
# '2024 …', is left out)
_ITEM_LINE = re.compile(r"\n(?=[ \t]*(?:\d{1,3}[a-z]?\.|[a-z]\))\d{0,3}[ \t\n])")
_NUMBER_LETTER = re.compile(r"(\d+)([a-z]?)")  # '5', '5a'
_DIGITS = re.compile(r"\d+")


def _at(s: str, pos: int) -> int:
    """Where a line's text starts after its indent (the patterns above are matched there: a pattern that opened with
    spaces would cost the square of a long run of them in a search)."""
    m = _INDENT.match(s, pos)
    return m.end() if m else pos


# the điểm letters in order: Vietnamese has đ after d, and no f, j, w, z
DIEM_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


@dataclass
class Part:
    """One part of a text: its kind, the label as written, the number normalised, the heading (for Phần, Chương,
    Mục, Điều, Phụ lục), offsets into the text parsed (from its heading to the start of the next part of its rank or
    higher), its id relative to the document, and its parts."""

    kind: str
    label: str
    number: str | None
    start: int
    end: int
    id: str = ""
    heading: str | None = None
    children: list[Part] = field(default_factory=list)

    def walk(self) -> list[Part]:
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out


@dataclass
class Structure:
    """The tree of a text's parts (`parts`, in text order), the parts quoted from other texts (`quoted`: an amending
    article's “Điều 3. …”, flat, with ids relative to the amended text and `start`/`end` in this one), the span before
    the first part when the Gazette continues a text from an earlier issue (`lead`), whether the text is a
    consolidated one (its footnotes were skipped), and where an article heading went back in the text's numbering
    (`out_of_sequence`: read as quoted, since a page break lost the quote marks around it; a duplicate the text
    itself prints is there too)."""

    parts: list[Part] = field(default_factory=list)
    quoted: list[Part] = field(default_factory=list)
    lead: tuple[int, int] | None = None
    consolidated: bool = False
    out_of_sequence: list[int] = field(default_factory=list)
    _index: dict[str, Part] = field(default_factory=dict, repr=False)

    def walk(self) -> list[Part]:
        out: list[Part] = []
        for p in self.parts:
            out.extend(p.walk())
        return out

    def get(self, part_id: str) -> Part | None:
        if not self._index:
            self._index = {p.id: p for p in self.walk()}
        return self._index.get(part_id)

    def articles(self) -> list[Part]:
        return [p for p in self.walk() if p.kind == "dieu"]

    def scopes(self) -> dict[str, list[Part]]:
        """The articles of each numbering: the text's own ('') and each annex's or attachment's (its id)."""
        out: dict[str, list[Part]] = {"": []}
        for p in self.walk():
            if p.kind == "dieu":
                scope = p.id.rsplit("/dieu_", 1)[0] if "/" in p.id else ""
                out.setdefault(scope, []).append(p)
        return out

    def numbering(self) -> dict[str, dict[str, list[str]]]:
        """Per numbering scope: its gaps (the numbers missing between two articles read) and duplicates."""
        out: dict[str, dict[str, list[str]]] = {}
        for scope, arts in self.scopes().items():
            gaps: list[str] = []
            dups: list[str] = []
            seen: set[str] = set()
            last: int | None = None
            for a in arts:
                n = a.number or ""
                if n in seen:
                    dups.append(n)
                seen.add(n)
                digits = _leading_int(n)
                if digits is not None and last is not None and digits > last + 1:
                    gaps.extend(str(k) for k in range(last + 1, min(digits, last + 50)))
                if digits is not None:
                    last = max(last, digits) if last is not None else digits
            if gaps or dups:
                out[scope] = {"gaps": gaps, "duplicates": dups}
        return out


# ---------------------------------------------------------------------------------------------------------------
def _roman(s: str) -> int | None:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    if not s or any(ch not in vals for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def normalise_number(kind: str, written: str) -> str | None:
    """'III' -> '3', 'thứ hai' -> '2', '05' -> '5', '5a' -> '5a', 'IA' (an annex) -> '1a'."""
    w = fold_lower(written).strip()
    if not w:
        return None
    if w.startswith("thu"):
        words = w.split()[1:]
        if not words:
            return None
        if words[0] == "muoi":
            rest = _ORDINAL_WORDS.get(words[1], 0) if len(words) > 1 else 0
            if len(words) > 1 and words[1] in ("mot",):
                rest = 1
            return str(10 + rest)
        n = _ORDINAL_WORDS.get(words[0])
        return str(n) if n else None
    m = _NUMBER_LETTER.fullmatch(w)
    if m:
        return f"{int(m.group(1))}{m.group(2)}"
    if kind in ("phan", "chuong", "muc", "phu_luc"):
        for cut in (len(w), len(w) - 1):
            r = _roman(w[:cut])
            if r is not None:
                return f"{r}{w[cut:]}"
    return w


@dataclass
class _Heading:
    kind: str
    start: int  # the line's start
    body: int  # where the body after the heading starts
    number: str | None
    label: str
    heading: str | None


def _matches_at_any(low: str, rx: re.Pattern[str], first: str) -> bool:
    """Whether rx, a pattern that begins with the literal `first`, matches anywhere in low: `rx.search(low)`, tried only
    where str.find finds `first` (faster than the regex engine's own scan for it)."""
    return any(rx.match(low, i) is not None for i in occurrences(low, first))


def _numbered_consolidated(low: str) -> bool:
    """Whether a consolidated text's number stands in low ('Số: 05/VBHN-BTC'): `_CONSOLIDATED_NO.search(low)`, tried
    only on the line of each '/vbhn-' (a match holds no newline and ends with one), not at every position."""
    return any(_CONSOLIDATED_NO.search(low, low.rfind("\n", 0, q) + 1, q + 6) is not None
               for q in occurrences(low, "/vbhn-"))


class _Reader:
    def __init__(self, text: str, low: str | None = None, quotes: list[tuple[int, int]] | None = None) -> None:
        from .extract.quotes import _quotes  # read-only: the quote spans the extraction reads

        self.text = text
        self.low = low if low is not None and len(low) == len(text) else fold_lower(text)
        self.quotes = _quotes(text) if quotes is None else list(quotes)  # a copy: a quote may be cut or split here
        self.q_starts = [a for a, _ in self.quotes]
        self.consolidated = _numbered_consolidated(self.low) or _matches_at_any(self.low, _CONSOLIDATED, "xac")
        self.footnotes = self._footnotes() if self.consolidated else []
        self.f_starts = [a for a, _ in self.footnotes]
        self.head_lines = [0] + [m.end() for m in _HEAD_LINE.finditer(self.low)]
        self.item_lines = [m.end() for m in _ITEM_LINE.finditer(self.low)]

    def line_starts(self, a: int, b: int | None = None) -> Iterator[int]:
        """Where the lines that start in [a, b) start (to the end without `b`): 0, and one past each newline."""
        text = self.text
        limit = len(text) + 1 if b is None else b
        if a <= 0:
            if limit > 0:
                yield 0
            i = text.find("\n")
        else:
            i = text.find("\n", a - 1)  # a line starts at a when the newline before it is at a - 1
        while i >= 0 and i + 1 < limit:
            yield i + 1
            i = text.find("\n", i + 1)

    # -- where not to look ----------------------------------------------------------------------------------------
    def in_quote(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.q_starts, pos) - 1
        if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def opens_quote(self, line: int) -> bool:
        return self.text[line : line + 12].lstrip(" \t")[:1] in "“\""

    def cut_quote(self, q: tuple[int, int], at: int) -> None:
        """A quote that ends before `at` (its closing mark was lost)."""
        i = self.quotes.index(q)
        self.quotes[i] = (q[0], at)

    def add_quote(self, q: tuple[int, int]) -> None:
        i = bisect.bisect_right(self.q_starts, q[0])
        self.quotes.insert(i, q)
        self.q_starts.insert(i, q[0])

    def cut_footnote(self, at: int) -> None:
        """The footnote holding `at` ends there (a page break joined it to the next page's text)."""
        i = bisect.bisect_right(self.f_starts, at) - 1
        if i >= 0 and self.footnotes[i][0] <= at < self.footnotes[i][1]:
            self.footnotes[i] = (self.footnotes[i][0], at)

    def quoted_line(self, line: int) -> bool:
        """Whether the line at `line` is another text's words: it opens with a quote mark, or it is inside a quote
        that did not close on the line before."""
        if self.text[line : line + 12].lstrip(" \t")[:1] in "“\"":
            return True
        return self.in_quote(line) is not None and not self.closed_before(line)

    def closed_before(self, line: int) -> bool:
        """Whether the line before `line` ends a quote ('… 01 tỷ đồng.".' / '… như sau.”'): a heading after it opens
        this text's part even when the quote marks do not pair (a curly one opened, a straight one closed)."""
        prev = self.text[max(0, line - 300) : line].rstrip()
        return _CLOSES_QUOTE.search(prev) is not None

    def in_footnote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.f_starts, pos) - 1
        return i >= 0 and self.footnotes[i][0] <= pos < self.footnotes[i][1]

    def _footnotes(self) -> list[tuple[int, int]]:
        """Footnote blocks: from a line '3 Khoản này …' after a blank line to the next blank line."""
        out: list[tuple[int, int]] = []
        for m in _FOOTNOTE.finditer(self.low):
            start = m.start(1)
            if out and start < out[-1][1]:
                continue
            nxt = re.compile(r"\n[ \t]*\n").search(self.low, m.end())
            out.append((start, nxt.start() + 1 if nxt else len(self.low)))
        return out

    def line_end(self, pos: int) -> int:
        e = self.text.find("\n", pos)
        return len(self.text) if e < 0 else e

    # -- headings --------------------------------------------------------------------------------------------------
    def _title_lines(self, pos: int, upper: bool, max_lines: int = 4) -> tuple[str, int]:
        """The title lines from pos: with `upper`, lines in capitals (a chapter's 'NHỮNG QUY ĐỊNH CHUNG'); else lines
        that go on in small letters (an article's heading wrapped). Returns the title and where the body starts."""
        parts: list[str] = []
        end = pos
        for _ in range(max_lines):
            if end >= len(self.text):
                break
            le = self.line_end(end)
            line = self.text[end:le].strip()
            if not line:
                if parts or upper:
                    end = le + 1
                    if parts:
                        break
                    continue
                break
            if upper:
                letters = [c for c in line if c.isalpha()]
                if not letters or not all(c.isupper() for c in letters if c.isalpha()) or HEADINGS["dieu"].match(
                        self.low, _at(self.low, end)):
                    break
            elif not line[0].islower():
                break
            parts.append(line)
            end = le + 1
        return " ".join(parts), end

    def heading_at(self, line: int) -> _Heading | None:
        """The heading that opens the line at `line`, if any."""
        low, text = self.low, self.text
        head = low[line : line + 12].lstrip(" \t")
        at = line
        if head[:1] in ("“", '"'):  # a quoted heading ('“Điều 4. Rút tố cáo'): read, to be listed as quoted
            at = low.index(head[0], line) + 1
            head = head[1:]
        if head[:1] not in ("d", "c", "m", "p"):
            return None
        pos = _at(low, at)
        for kind, pat in _BY_LETTER[head[0]]:
            m = pat.match(low, pos)
            if m is None:
                continue
            written_no = text[m.start("n") : m.end("n")] if m.group("n") else ""
            label = _SPACES.sub(" ", text[m.start(1) : m.end(1)]) + (f" {written_no}" if written_no else "")
            number = normalise_number(kind, written_no) if written_no else None
            after = m.end()
            le = self.line_end(after)
            rest = text[after:le].strip()
            if kind == "dieu":
                if self.consolidated is False and m.group("fn"):
                    return None
                if not rest and not self._sentence_ended(line):
                    return None  # '… tại khoản 1' / 'Điều 6.' : a reference the line wrapped, not a heading
                title = rest
                body = le + 1
                if title:
                    more, body2 = self._title_lines(le + 1, upper=False, max_lines=2)
                    if more and len(title) > 50:
                        title, body = f"{title} {more}", body2
                    if title[-1:] in ".;:" and len(title) > 20 or len(title) > 300 or _SELF.search(fold_lower(title)):
                        title, body = "", after  # an article without a heading: 'Điều 1. Ban hành kèm theo …'
                title = _GLUED_MARK.sub("", title) if self.consolidated else title
                return _Heading(kind, line, body, number, label, title.strip() or None)
            # Phần, Chương, Mục, Phụ lục: nothing after the number, or a mark and a title, or a title in capitals
            rest_cut = rest.lstrip(".:-–— \t")
            letters = [c for c in rest_cut if c.isalpha()]
            if rest_cut and not rest_cut[0].isupper() and not rest_cut[0].isdigit():
                return None
            if kind != "phu_luc" and rest_cut and len(letters) > 3 and not all(c.isupper() for c in letters) \
                    and rest_cut == rest:
                return None  # 'Chương II Nghị định này …' wrapped onto a line: a reference, not a heading
            title = rest_cut
            more, body = self._title_lines(le + 1, upper=True)
            if kind == "phu_luc":
                more, body = self._annex_title(le + 1)
            if more:
                title = f"{title} {more}".strip()
            if kind == "phu_luc" and not self._annex(line, m, rest_cut):
                return None
            if kind == "phan" and number is None:
                return None
            title = _GLUED_MARK.sub("", title) if self.consolidated else title
            return _Heading(kind, line, body, number, label, title or None)
        return None

    def _annex_title(self, pos: int) -> tuple[str, int]:
        """An annex's title: the lines after its label, up to '(Kèm theo …)' (4 at most), any case."""
        parts: list[str] = []
        p = pos
        for _ in range(4):
            if p >= len(self.text) or _ATTACHED.match(self.low, _at(self.low, p)) and "(" in self.text[p : p + 6]:
                break
            le = self.line_end(p)
            line = self.text[p:le].strip()
            if line:
                parts.append(line)
            p = le + 1
        if p < len(self.text) and _ATTACHED.match(self.low, _at(self.low, p)):
            close = self.text.find(")", p)
            return " ".join(parts), (self.line_end(close) + 1 if 0 <= close < p + 400 else self.line_end(p) + 1)
        return self._title_lines(pos, upper=True)

    def after_colon(self, line: int) -> bool:
        """Whether the line before `line` ends with ':' ('… quy định như sau:'): what follows is what that sentence
        announces (or a chapter's first article, after its lead: '… được quy định chi tiết như sau:')."""
        prev = self.text[max(0, line - 300) : line].rstrip()
        if not prev.endswith(":"):
            return False
        last = prev[prev.rfind("\n") + 1 :]
        letters = [c for c in last if c.isalpha()]
        return not all(c.isupper() for c in letters)  # 'QUYẾT ĐỊNH:' (the enacting word) opens the articles

    def _sentence_ended(self, line: int) -> bool:
        """Whether the line before `line` ends a sentence, a title in capitals, or is blank."""
        prev = self.text[max(0, line - 400) : line].rstrip()
        last = prev[prev.rfind("\n") + 1 :].strip()
        if not last or last[-1] in ".;:!?”\"":
            return True
        letters = [c for c in last if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)

    def _annex(self, line: int, m: re.Match[str], rest: str) -> bool:
        """'Phụ lục I' opens an annex when '(Kèm theo …)' follows within a few lines, or in capitals as a line alone."""
        if _ATTACHED.search(self.low[m.end() : m.end() + 400]) and self._attached_line(m.end(), 6):
            return True
        written = self.text[m.start(1) : m.end(1)]
        return written.isupper() and (not rest or all(c.isupper() for c in rest if c.isalpha()))

    def _attached_line(self, pos: int, lines: int) -> int | None:
        """The start of a '(Kèm theo …' line within `lines` lines after pos."""
        p = pos
        for _ in range(lines):
            le = self.line_end(p)
            if le >= len(self.text):
                return None
            p = le + 1
            if _ATTACHED.match(self.low, _at(self.low, p)) and "(" in self.text[p : p + 6]:
                return p
        return None

    def attachments(self) -> list[tuple[int, int, str]]:
        """Attached texts that are not annexes: a title in capitals ('QUY CHẾ' / 'Tổ chức và hoạt động …') over
        '(Ban hành kèm theo …)': (where the title starts, where the body starts, the title)."""
        out = []
        for m in re.finditer(r"\n[ \t]*\([ \t]*(?:ban[ \t]+hanh[ \t]+)?kem[ \t]+theo\b", self.low):
            at = m.start() + 1
            if self.in_quote(at) or self.in_footnote(at):
                continue
            # the title: the lines above it, up to a blank line (4 at most), one of them in capitals ('QUY CHẾ' /
            # 'Làm việc của Chính phủ')
            start = at
            p = at
            caps = False
            for _ in range(4):
                if p <= 0:
                    break
                prev = self.text.rfind("\n", 0, p - 1) + 1
                line = self.text[prev : p - 1].strip()
                if not line or HEADINGS["dieu"].match(self.low, _at(self.low, prev)) or line[-1:] in ".;:":
                    break
                letters = [c for c in line if c.isalpha()]
                caps = caps or (len(letters) >= 3 and all(c.isupper() for c in letters))
                start = p = prev
            if start == at or not caps:
                continue
            close = self.text.find(")", at)
            body = self.line_end(close) + 1 if 0 <= close < at + 400 else self.line_end(at) + 1
            out.append((start, body, _SPACES.sub(" ", self.text[start:at]).strip()))
        return out


def _restart(r: _Reader, after: int, line: int) -> _Heading | None:
    """What opens a numbering again before `line`: the last 'Mẫu …' line after `after`, else the line after the last
    sign-off (an attached text whose heading was not read), else nothing."""
    form = None
    for m in _FORM.finditer(r.low, after, line):
        if not r.quoted_line(m.start()):
            form = m
    if form is not None:
        written = r.text[form.start("n") : form.end("n")]
        rest = r.text[form.end("n") : form.end()].strip(" .:-–\t")
        number = fold_lower(written).replace("-", ".").strip(".")
        label = r.text[form.start(1) : form.start("n")].strip() + " " + written
        return _Heading("mau", form.start(), form.end() + 1, number, _SPACES.sub(" ", label), rest or None)
    stop = None
    for ls in r.line_starts(after, line):
        if _SIGN_OFF.match(r.low, _at(r.low, ls)) or _UPPER_SIGNER.match(r.text, _at(r.text, ls)):
            stop = ls
    if stop is None:
        return None
    nxt = r.line_end(stop) + 1
    return _Heading("kem_theo", nxt, nxt, None, LABEL_WORD["kem_theo"], None)


def _leading_int(number: str | None) -> int | None:
    m = _DIGITS.match(number or "")
    return int(m.group()) if m else None


def _kind_rank(kind: str) -> int:
    return RANK[kind]


def parse_structure(text: str, low: str | None = None, quotes: list[tuple[int, int]] | None = None) -> Structure:
    """The tree of parts of a cleaned text (`graph.clean.clean(raw).text`). Never raises on any string. `low`: the
    text folded and lower-cased (`vocab.fold_lower`), and `quotes`, its quotes (`extract.quotes._quotes`), when the
    caller has them already."""
    r = _Reader(text, low, quotes)
    heads: list[_Heading] = []
    quoted: list[_Heading] = []
    own_last: int | None = None  # the number of this text's last article, in the numbering read
    quoted_last: dict[tuple[int, int], int] = {}  # the last article number quoted in each quote
    unmarked: list[int] = []  # the quoted articles without quote marks (indexes into `quoted`)
    out_of_sequence: list[int] = []  # where an article heading goes back in this text's numbering
    in_annex = False  # past the first annex or attached text
    attachments = r.attachments()
    attach_starts = [a[0] for a in attachments]
    for line in r.head_lines:
        if line >= len(text):
            break
        h = r.heading_at(line)
        if h is None:
            continue
        if heads and bisect.bisect_right(attach_starts, line) > bisect.bisect_right(attach_starts, heads[-1].start):
            own_last = None  # an attached text ('QUY CHẾ …' over '(Ban hành kèm theo …)') numbers from 1 again
            in_annex = True
        n = _leading_int(h.number) if h.kind == "dieu" else None
        foot = r.in_footnote(line)
        if foot and h.kind == "phu_luc" and not r.in_quote(line):
            r.cut_footnote(line)  # an annex after a footnote the page break joined to it
            foot = False
        if h.kind == "phu_luc" and not foot and not r.quoted_line(line):
            own_last = None
            in_annex = True
        q = r.in_quote(line)
        opens = r.opens_quote(line)
        restart = None
        if n == 1 and own_last is not None and not foot and q is None and not opens:
            # 'Điều 1.' again, with no annex heading since: a form (Mẫu) or an attached text numbers from 1 again
            restart = _restart(r, heads[-1].start if heads else 0, line)
        if (restart is None and h.kind == "dieu" and not foot and q is None and not opens and own_last is not None
                and n != own_last + 1
                and (r.after_colon(line) or r.closed_before(line))):
            # '… Điều 3 của Luật số 51/2024/QH15 … quy định như sau:' / 'Điều 3. Điều khoản thi hành' (a consolidated
            # text's closing provisions, the quote marks left out), or after a quote a second quoted article whose
            # opening mark was left out ('… chứng minh …”.' / 'Điều 28b. …' in an amending decree at its Điều 12):
            # another text's article, to the next heading
            quoted.append(h)
            unmarked.append(len(quoted) - 1)
            continue
        if foot or opens or (q is not None and (n is not None or not r.closed_before(line))):
            # the next article of this text inside a quote or a footnote: the quote lost its closing mark, or a page
            # break joined the footnote to the next page's text; it is this text's unless it goes on the quote's own
            # numbering ('“Điều 4. …' then 'Điều 5. …')
            rescue = (n is not None and not opens and own_last is not None and n == own_last + 1
                      and not (q is not None and quoted_last.get(q) == n - 1))
            if not rescue:
                if h.kind == "dieu" and not foot:
                    quoted.append(h)
                    if q is not None and n is not None:
                        quoted_last[q] = n
                continue
            if foot:
                r.cut_footnote(line)
            if q is not None:
                r.cut_quote(q, line)
        if n is not None and own_last is None and in_annex and n != 1 and not foot and q is None and not opens:
            # an annex's articles start at 1: 'Điều 33. …' in an annex's table names another text's article
            quoted.append(h)
            out_of_sequence.append(h.start)
            continue
        if (restart is None and n is not None and own_last is not None and n <= own_last
                and not (h.number or "")[-1:].isalpha()):
            # a number this text's articles have passed ('Điều 3.' after 'Điều 20.', a quote whose marks a page
            # break lost): another text's article, listed as out of sequence
            quoted.append(h)
            out_of_sequence.append(h.start)
            continue
        if restart is not None:
            heads.append(restart)
            own_last = None
        if n is not None:
            own_last = n
        heads.append(h)
    # an attached regulation: a title over '(Ban hành kèm theo …)' with articles after it, not inside an annex heading
    annex_spans = {h.start for h in heads if h.kind == "phu_luc"}
    for start, body, title in attachments:
        nxt = next((h for h in heads if h.start >= body), None)
        if nxt is None or nxt.kind not in ("chuong", "dieu", "phan", "muc") or any(
                s <= start < s + 600 for s in annex_spans):
            continue
        if nxt.kind == "dieu" and nxt.number not in ("1",):
            continue
        first = text[start : r.line_end(start)].strip()
        heads.append(_Heading("kem_theo", start, body, None, first, title or first))
    heads.sort(key=lambda h: h.start)
    # a quoted article without quote marks runs to the next heading of this text: its lines are not this text's
    starts = [h.start for h in heads]
    for i in unmarked:
        qh = quoted[i]
        j = bisect.bisect_right(starts, qh.start)
        r.add_quote((qh.start, starts[j] if j < len(starts) else len(text)))
    heads = _drop_nested_annex_headings(heads)
    # where the text's own provisions end: its signature after its last article (and each attachment's)
    ends = _sign_offs(r, heads)
    st = Structure(consolidated=r.consolidated)
    _build(r, heads, ends, st)
    first_part = st.parts[0].start if st.parts else len(text)
    if _CONTINUED.search(r.low, 0, min(first_part, 3000)) and first_part > 0:
        lead_start = _CONTINUED.search(r.low, 0, 3000)
        assert lead_start is not None
        st.lead = (r.line_end(lead_start.start()) + 1, first_part)
    st.quoted = _quoted_parts(r, quoted)
    st.out_of_sequence = out_of_sequence
    return st


def _drop_nested_annex_headings(heads: list[_Heading]) -> list[_Heading]:
    """A 'Phụ lục' heading right after an attachment's title is the same attachment's (kept once, as the annex)."""
    out: list[_Heading] = []
    for h in heads:
        if out and h.kind == "phu_luc" and out[-1].kind == "kem_theo" and h.start < out[-1].body:
            out[-1] = h
            continue
        if out and h.kind == "kem_theo" and out[-1].kind == "phu_luc" and h.start < out[-1].body + 10:
            continue
        out.append(h)
    return out


def _sign_offs(r: _Reader, heads: list[_Heading]) -> list[int]:
    """For each top-level scope (the text, each attachment), where its provisions end: the first sign-off line after
    its last article."""
    out: list[int] = []
    bounds = [0] + [h.start for h in heads if h.kind in ("phu_luc", "kem_theo")] + [len(r.text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        last = max((h.body for h in heads if h.kind == "dieu" and a <= h.start < b), default=None)
        if last is None:
            continue
        for line_start in r.line_starts(last, b):
            if _SIGN_OFF.match(r.low, _at(r.low, line_start)) and not r.in_quote(line_start) and not r.in_footnote(line_start):
                out.append(line_start)
                break
            if _UPPER_SIGNER.match(r.text, _at(r.text, line_start)) and not r.in_quote(line_start):
                out.append(line_start)
                break
    return out


# a signer's title alone on its line, in capitals: 'TM. CHÍNH PHỦ' is caught above; 'CHỦ TỊCH QUỐC HỘI', 'BỘ TRƯỞNG'
_UPPER_SIGNER = re.compile(r"(?:CHỦ TỊCH|THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG|"
                           r"TỔNG KIỂM TOÁN|THỐNG ĐỐC|PHÓ THỐNG ĐỐC|CHỦ NHIỆM)[A-ZÀ-Ỹ ,\t]*$",
                           re.MULTILINE)


def _build(r: _Reader, heads: list[_Heading], ends: list[int], st: Structure) -> None:
    """Nest the headings by rank, read khoản and điểm inside each article, give every part its end and id."""
    text = r.text
    stack: list[Part] = []
    scope = ""  # the id prefix of the numbering scope: '' or 'phu_luc_1/', 'phu_luc_1/mau_2/' …
    attach_scope = ""  # the annex's or attached text's
    chapter = ""
    attach_no = 0
    ids: set[str] = set()
    end_marks = sorted(ends)

    def close_to(rank: int, pos: int) -> None:
        while stack and _kind_rank(stack[-1].kind) >= rank:
            p = stack.pop()
            p.end = min(p.end, pos) if p.end else pos

    def unique(pid: str) -> str:
        k, out = 2, pid
        while out in ids:
            out = f"{pid}.{k}"
            k += 1
        ids.add(out)
        return out

    for i, h in enumerate(heads):
        rank = _kind_rank(h.kind)
        # a sign-off between the previous heading and this one closes the provisions
        prev = heads[i - 1].start if i else 0
        for e in end_marks:
            if prev < e <= h.start:
                close_to(RANK["mau"], e)
        close_to(rank if rank > 0 else 0, h.start)
        if h.kind in ("phu_luc", "kem_theo"):
            if h.kind == "kem_theo":
                attach_no += 1
            base = f"{h.kind}_{h.number}" if h.number else ("phu_luc" if h.kind == "phu_luc" else f"kem_theo_{attach_no}")
            pid = unique(base)
            scope = attach_scope = pid + "/"
            chapter = ""
            label = h.label if h.kind == "phu_luc" else LABEL_WORD["kem_theo"]
        elif h.kind == "mau":
            pid = unique(f"{attach_scope}mau_{h.number}")
            scope = pid + "/"
            chapter = ""
            label = h.label
        elif h.kind == "phan":
            pid = unique(f"{scope}phan_{h.number}")
            label = h.label
        elif h.kind == "chuong":
            chapter = f"{scope}chuong_{h.number}"
            pid = unique(chapter)
            label = h.label
        elif h.kind == "muc":
            pid = unique(f"{chapter or scope.rstrip('/')}/muc_{h.number}".lstrip("/"))
            label = h.label
        else:
            pid = unique(f"{scope}dieu_{h.number}")
            label = h.label
        part = Part(h.kind, label, h.number, h.start, 0, pid, h.heading)
        (stack[-1].children if stack else st.parts).append(part)
        stack.append(part)
        if h.kind == "dieu":
            part.end = _article_end(heads, i, end_marks, len(text))
            _read_items(r, part, h.body, ids)
    close_to(0, len(text))
    for p in st.walk():
        if p.end == 0:
            p.end = len(text)
        # a part does not run past its parent's end nor its last child's into trailing blanks
        if p.end > p.start:
            e = p.end
            while e > 0 and text[e - 1].isspace():
                e -= 1
            p.end = e
        if p.end < p.start:
            p.end = p.start


def _article_end(heads: list[_Heading], i: int, ends: list[int], n: int) -> int:
    nxt = heads[i + 1].start if i + 1 < len(heads) else n
    stop = next((e for e in ends if heads[i].start < e <= nxt), None)
    return stop if stop is not None else nxt


def _read_items(r: _Reader, art: Part, body: int, ids: set[str]) -> None:
    """The khoản and điểm of an article, in sequence, outside quotes and footnotes."""
    text, low = r.text, r.low
    lines = r.item_lines  # the lines that open as a khoản or an điểm does ('1.', 'a)'): no other line opens one
    k = bisect.bisect_left(lines, body)
    khoan: Part | None = None
    last_k: tuple[int, str] | None = None  # (number, letter) of the last khoản
    last_d = -1  # index of the last điểm letter in DIEM_LETTERS, in the current holder
    while k < len(lines) and lines[k] < art.end:
        ls = lines[k]
        k += 1
        if r.in_quote(ls) or r.in_footnote(ls):
            continue
        m = _KHOAN.match(low, _at(low, ls))
        if m is not None and (r.consolidated or not m.group("fn")):
            nm = _NUMBER_LETTER.fullmatch(m.group("n"))
            assert nm is not None
            num, letter = int(nm.group(1)), nm.group(2)
            ok = False
            if last_k is None:
                ok = num == 1 and not letter
            elif letter:
                ok = num == last_k[0] and letter > last_k[1]  # '1a.' after '1.', '1b.' after '1a.'
            else:
                ok = last_k[0] < num <= last_k[0] + 2
            if ok:
                last_k = (num, letter)
                if khoan is not None:
                    khoan.end = ls
                pid = _unique(ids, f"{art.id}/khoan_{num}{letter}")
                khoan = Part("khoan", f"khoản {num}{letter}", f"{num}{letter}", m.start(), art.end, pid)
                art.children.append(khoan)
                last_d = -1
                continue
        d = _DIEM.match(low, _at(low, ls))
        if d is not None and (r.consolidated or not d.group("fn")):
            if khoan is None and last_k is not None:
                continue
            written = text[d.start("n")]
            letter = "đ" if written in "đĐ" else written.lower()
            idx = DIEM_LETTERS.index(letter) if letter in DIEM_LETTERS else -2
            if idx >= 0 and (idx == last_d + 1 or (last_d >= 0 and idx == last_d + 2)):
                holder = khoan if khoan is not None else art
                if holder.children:
                    holder.children[-1].end = ls
                last_d = idx
                pid = _unique(ids, f"{holder.id}/diem_{_letter_id(letter)}")
                start = d.start()
                holder.children.append(Part("diem", f"điểm {letter}", letter, start, holder.end, pid))
    # each điểm of a khoản ends with it
    for kh in art.children:
        for dm in kh.children:
            dm.end = min(dm.end, kh.end)


def _letter_id(letter: str) -> str:
    return "dd" if letter == "đ" else letter


def _unique(ids: set[str], pid: str) -> str:
    k, out = 2, pid
    while out in ids:
        out = f"{pid}.{k}"
        k += 1
    ids.add(out)
    return out


def _quoted_parts(r: _Reader, quoted: list[_Heading]) -> list[Part]:
    """The articles quoted from another text (an amending article's “Điều 3. …”): each to the next quoted article
    of the same quote, or the quote's end."""
    out: list[Part] = []
    for i, h in enumerate(quoted):
        q = r.in_quote(h.start) or r.in_quote(h.start + 1) or (h.start, r.line_end(h.start))
        end = q[1]
        if i + 1 < len(quoted) and quoted[i + 1].start < end:
            end = quoted[i + 1].start
        out.append(Part("dieu", h.label, h.number, h.start, end, f"dieu_{h.number}", h.heading))
    return out


# ---------------------------------------------------------------------------------------------------------------
# lookup: what people write for a part
_REF_WORDS = [("phu_luc", r"phu[ \t]*luc|pl"), ("kem_theo", r"kem[ \t_]*theo"), ("phan", r"phan"),
              ("chuong", r"chuong|ch"), ("muc", r"muc"), ("dieu", r"dieu|d"), ("khoan", r"khoan|k"),
              ("diem", r"diem|p")]
_REF_TOKEN = re.compile(r"(?P<w>" + "|".join(f"(?P<{k}>{w})" for k, w in _REF_WORDS) +
                        rf")[ \t_.]*(?P<n>\d{{1,3}}[a-z]?|{_ROMAN}[a-z]?|dd|[a-z])(?![a-z0-9])")
_COMPACT = re.compile(r"d(\d{1,3}[a-z]?)k(\d{1,3})(?:p?(dd|[a-z]))?|d(\d{1,3}[a-z]?)")


def parse_reference(ref: str) -> dict[str, str]:
    """What a written reference names, kind by kind: 'điểm a khoản 2 Điều 8' -> {'diem': 'a', 'khoan': '2',
    'dieu': '8'}; also 'Điều 8 khoản 2', 'd8k2', 'd8k2a', 'dieu_8/khoan_2/diem_a', 'Phụ lục II'."""
    low = fold_lower(ref).strip()
    # 'đ' folds to 'd': keep the letter of 'điểm đ' apart
    written = ref.strip()
    out: dict[str, str] = {}
    c = _COMPACT.fullmatch(low.replace(" ", ""))
    if c is not None:
        if c.group(4):
            return {"dieu": normalise_number("dieu", c.group(4)) or ""}
        out = {"dieu": normalise_number("dieu", c.group(1)) or "", "khoan": normalise_number("khoan", c.group(2)) or ""}
        if c.group(3):
            out["diem"] = "đ" if c.group(3) == "dd" else c.group(3)
        return out
    for m in _REF_TOKEN.finditer(low.replace("/", " ")):
        kind = next(k for k, _ in _REF_WORDS if m.group(k))
        n = m.group("n")
        if kind == "diem":
            letter = written[m.start("n") : m.end("n")] if len(written) == len(low) else n
            out[kind] = "đ" if n == "dd" or letter in ("đ", "Đ") else n
        else:
            num = normalise_number(kind, n)
            if num is not None:
                out[kind] = num
    return out


def lookup(structure: Structure, ref: str) -> Part | None:
    """The part a reference names, as people write it ('khoản 2 Điều 8', 'Điều 8 khoản 2', 'd8k2', 'điểm a khoản 2
    Điều 8', 'Chương III', 'Điều 3 Phụ lục II', or the id 'dieu_8/khoan_2/diem_a'); None when the text has no such
    part."""
    direct = structure.get(ref.strip().strip("/"))
    if direct is not None:
        return direct
    if re.fullmatch(r"phu[ \t]*luc|pl", fold_lower(ref).strip()):  # 'Phụ lục': the text's one annex
        annexes = [p for p in structure.parts if p.kind == "phu_luc"]
        return annexes[0] if len(annexes) == 1 else None
    want = parse_reference(ref)
    found = _lookup(structure, want)
    if found is None and "diem" in want and "khoan" in want and want["diem"] != "đ":
        # 'd8k1a': khoản 1 điểm a, or khoản 1a (a khoản a consolidated text added)
        found = _lookup(structure, {k: v for k, v in want.items() if k != "diem"} | {"khoan": want["khoan"] + want["diem"]})
    return found


def _lookup(structure: Structure, want: dict[str, str]) -> Part | None:
    pid = reference_id(want)
    return structure.get(pid) if pid else None


def reference_id(want: dict[str, str]) -> str | None:
    """The id a parsed reference (`parse_reference`) names: {'dieu': '8', 'khoan': '2'} -> 'dieu_8/khoan_2'; an
    annex's or attached text's prefix before it ('phu_luc_2/dieu_3'); None when it names no part."""
    prefix = [f"{k}_{want[k]}" for k in ("phu_luc", "kem_theo") if k in want][-1:]
    path: list[str] = []
    if "dieu" in want:
        path.append(f"dieu_{want['dieu']}")
        if "khoan" in want:
            path.append(f"khoan_{want['khoan']}")
        if "diem" in want:
            path.append(f"diem_{_letter_id(want['diem'])}")
    elif "chuong" in want:
        path += [f"chuong_{want['chuong']}"] + ([f"muc_{want['muc']}"] if "muc" in want else [])
    elif "phan" in want:
        path.append(f"phan_{want['phan']}")
    ids = prefix + path
    return "/".join(ids) if ids else None
