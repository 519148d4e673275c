"""Document numbers (số hiệu): find them in text, read them from user input, key them canonically.

Forms (all of them are in real texts):
  with a year      42/2022/NĐ-CP, 20/2023/QH15, 01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH, 66.16/2026/NQ-CP
  without a year   749/QĐ-TTg, 28/CĐ-TTg, 793/BTTTT-THH (a letter: no type code), 5/VBHN-BTC
  Party documents  52-NQ/TW
  older forms      25/CP, 45/HĐBT, 875/TTg (one code: an issuer's), 15-CP, 45-HĐBT, 33-TC/CN, 999-TC/QĐ/CĐKT (a dash
                   after the ordinal), 12/TTLT/BTC-BNV and 213/2013/TTLT/BTC-BLĐTBXH (a slash where the dash belongs),
                   30a/2008/NQ-CP (an ordinal with a letter)

A number without a year names one document per year (749/QĐ-TTg of 2020 and of 2021 are two
documents), so its key carries the year of issue when it is known: `749/QD-TTG@2020`.

Scanning runs on the ASCII-folded text (`vocab.fold`), which has the same offsets as the clean text,
so one pattern serves Vietnamese, NFD-decomposed-then-NFC and ASCII-folded writing alike. The pattern
is linear: bounded repetitions and no nested quantifiers over the same characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from .errors import NumberError
from .prefilter import Gate
from .vocab import Vocabulary, fold, vocabulary

_PART = r"[A-Za-z]{1,12}\d{0,3}"
_DASH = r"[ \t]{0,2}-[ \t]{0,3}(?:\r?\n[ \t]{0,3})?"
_SLASH = r"[ \t]{0,2}/[ \t]{0,2}"
_SLASH_BREAK = r"[ \t]{0,2}/[ \t]{0,3}(?:\r?\n[ \t]{0,3})?"  # after the year the line may break: '01/2024/\nTT-BNV'
# between the parts of a code, a dash; a slash where the dash belongs is read as one ('213/2013/TTLT/BTC-BLĐTBXH')
_SEP = rf"(?:{_DASH}|[ \t]{{0,2}}/[ \t]{{0,2}}(?=[A-Za-z]))"
_CODE = rf"{_PART}(?:{_SEP}{_PART}){{0,7}}"

# The ordinal's first digit comes before the look-behind that no word, dot, slash or dash is before it: written
# '(?<![\w./\-])0{0,3}\d{1,5}' the pattern begins with a look-behind and the regex engine tries it at every position;
# written so, it tries only where a digit stands (a pass over the Gazette corpus: 1.07 s that way, 0.73 s this way).
# The same matches and groups: the look-behind puts the ordinal at the start of a run of digits, and only the whole
# run can be followed by what comes after an ordinal (neither a digit), so both read the whole run: at most eight
# digits, all but the last five zeros.
NUMBER_RE = re.compile(
    rf"""
    (?P<ord>(?:0(?<![\w./\-]0)0{{0,2}}\d{{1,5}}|\d(?<![\w./\-]\d)\d{{0,4}})(?:\.\d{{1,3}}|[a-zA-Z](?=[ \t]{{0,2}}/))?)
    (?:
        {_SLASH}(?P<year>(?:19|20)\d\d){_SLASH_BREAK}(?P<ycode>{_CODE})
      | -(?P<ptype>[A-Z]{{1,4}}[a-z]?){_SLASH}(?P<party>TW|TU|Tw)
      | {_SLASH}(?P<ncode>{_CODE})
      | -(?P<dcode>{_PART}(?:{_SLASH}{_PART}){{0,3}})
    )
    (?![\w/])
    """,
    re.VERBOSE,
)

# Every match of NUMBER_RE holds its ordinal's last digit followed by the slash or dash after the ordinal (a letter
# between: '30a/2008/NQ-CP'): Hyperscan finds those places in one pass, and NUMBER_RE is tried only at the ordinals
# that end there. '?' stands for any character past ASCII in the gate's text (`prefilter`), a digit of another
# script among them.
_NUMBER_GATE = Gate(rb"[0-9?][a-zA-Z]?[ \t]{0,2}(?:/[ \t]{0,2}(?:[A-Za-z]|(?:19|20)[0-9?]{2}[ \t]{0,2}/)|-[A-Za-z])")


def number_matches(folded: str) -> Iterator[re.Match[str]]:
    """The matches of `NUMBER_RE.finditer(folded)`, the same ones (tests/test_scans.py), found faster: the pattern is
    tried only at the start of the ordinals the gate points to, instead of at every digit of the text."""
    last_digits = _NUMBER_GATE.starts(folded)  # where the gate's matches begin: at an ordinal's last digit
    if last_digits is None:
        yield from NUMBER_RE.finditer(folded)
        return
    starts: list[int] = []
    for i in last_digits:  # the ordinal begins where its run of digits does, or, read '66.16', one run before
        if not folded[i].isdecimal():
            continue
        while i and folded[i - 1].isdecimal():
            i -= 1
        if i >= 2 and folded[i - 1] == "." and folded[i - 2].isdecimal():
            j = i - 2
            while j and folded[j - 1].isdecimal():
                j -= 1
            starts.append(j)
        starts.append(i)
    done = 0  # as finditer: the next match is the leftmost one at or after the end of the last
    match = NUMBER_RE.match
    for s in sorted(set(starts)):
        if s >= done and (m := match(folded, s)) is not None:
            done = m.end()
            yield m


_PROPER_PART = re.compile(r"[A-Z]+[a-z]?[A-Z]*\d{0,3}")


@dataclass(frozen=True)
class Number:
    """A parsed document number."""

    ordinal: str  # as written, leading zeros kept: '01', '66.16'
    year: int | None  # the year inside the number, if any
    code: tuple[str, ...]  # code parts, folded upper: ('ND', 'CP')
    party: bool = False  # 52-NQ/TW

    @cached_property  # (kept in the instance's __dict__, beside the frozen fields; equality and hash read the fields)
    def base(self) -> str:
        """Canonical key without the issue year: '42/2022/ND-CP', '749/QD-TTG', '52-NQ/TW'; '15-CP' and '15/CP' are
        one ('15/CP')."""
        o = _strip_zeros(self.ordinal).lower()
        if self.party:
            return f"{o}-{self.code[0]}/{self.code[1]}"
        if self.year is not None:
            return f"{o}/{self.year}/{'-'.join(self.code)}"
        return f"{o}/{'-'.join(self.code)}"

    @property
    def needs_year(self) -> bool:
        """A number without a year is one document per year: its key needs the date's year."""
        return self.year is None

    def key(self, issue_year: int | None) -> str:
        """The document key: the base, plus '@year' for numbers without a year when the year is known."""
        if self.year is None and issue_year is not None:
            return f"{self.base}@{issue_year}"
        return self.base

    def display(self, vocab: Vocabulary | None = None, written: str | None = None) -> str:
        """The number as the issuer writes it: '42/2022/NĐ-CP', '749/QĐ-TTg', '52-NQ/TW'."""
        v = vocab or vocabulary()
        parts = [_display_part(p, v, written) for p in self.code]
        if self.party:
            return f"{self.ordinal}-{parts[0]}/{parts[1]}"
        if self.year is not None:
            return f"{self.ordinal}/{self.year}/{'-'.join(parts)}"
        return f"{self.ordinal}/{'-'.join(parts)}"

    @property
    def type_code(self) -> str | None:
        return self.code[0] if self.code else None


def _strip_zeros(ordinal: str) -> str:
    """'01' -> '1', '066.16' -> '66.16', '030a' -> '30a'."""
    head, dot, tail = ordinal.partition(".")
    head = head.lstrip("0") or "0"
    return head + dot + tail


def _display_part(part: str, v: Vocabulary, written: str | None) -> str:
    if part in v.code_display:
        return v.code_display[part]
    m = re.fullmatch(r"([A-Z]+)(\d+)", part)
    if m and m.group(1) in v.code_display:
        return v.code_display[m.group(1)] + m.group(2)
    if written:
        # keep the issuer's own letters (with Đ) for codes the vocabulary does not know
        for w in re.split(r"[-/\s]+", written):
            if fold(w).upper() == part:
                return w.upper() if w.islower() else w
    return part


def _code_parts(code: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"\s*[-/]\s*", re.sub(r"\s+", " ", code.strip())) if p)


def plausible(parts: tuple[str, ...], raw_parts: tuple[str, ...], v: Vocabulary) -> bool:
    """Is a code real? Either written like a code (capitals, 'TTg'), or made of known codes (any case)."""
    if all(_PROPER_PART.fullmatch(p) for p in raw_parts):
        return True
    return all(p in v.code_display or v.agency_for_code(p) is not None for p in parts)


@dataclass(frozen=True)
class NumberMatch:
    number: Number
    start: int
    end: int


def scan(folded: str, vocab: Vocabulary | None = None) -> list[NumberMatch]:
    """Every document number in an ASCII-folded text, with its span."""
    v = vocab or vocabulary()
    out: list[NumberMatch] = []
    read: dict[tuple[str | None, ...], Number | None] = {}  # a text cites a number many times: read it once
    cuts: dict[tuple[str | None, ...], tuple[int, int, int]] = {}  # … and cut it once (the cuts read only the groups)
    for m in number_matches(folded):
        if _STANDARD_BEFORE.search(folded, max(0, m.start() - 4), m.start()):
            continue  # a technical standard's year: 'QCVN 06:2012/BLĐTBXH', 'QTKĐ:06- 2021/BLĐTBXH'
        # a word glued after the code ('142/2025/NĐ-Cpngày') or a footnote's digit ('140/NQ-CP2'); failing the whole,
        # a word after the code ('51/2010/QH12 - Luật Người khuyết tật'): the number ends with the known code
        k = m.groups()
        if k not in cuts:
            cuts[k] = (_glued_tail(m, v), 0, _last_word(m))
        for cut in cuts[k]:
            shorter = NUMBER_RE.match(m.string, m.start(), m.end() - cut) if cut else m
            n = _read_once(read, shorter, v) if shorter is not None and shorter.end() == m.end() - cut else None
            if n is not None:
                out.append(NumberMatch(n, m.start(), m.end() - cut))
                break
    return out


def _read_once(read: dict[tuple[str | None, ...], Number | None], m: re.Match[str], v: Vocabulary) -> Number | None:
    """_from_match(m, v, strict=True), which reads nothing but the match's groups (a Number is frozen: one serves
    every citation of it)."""
    k = m.groups()
    if k not in read:
        read[k] = _from_match(m, v, strict=True)
    return read[k]


_STANDARD_BEFORE = re.compile(r"(?:\d[ \t]{0,2}[:\-]|[A-Z]{2}[ \t]{0,2}:)[ \t]{0,2}$")


def _last_word(m: re.Match[str]) -> int:
    """How many characters the last part of a code and the separator before it take, when that part is a word
    written in small letters ('Luat' in '51/2010/QH12 - Luat …'); 0 otherwise."""
    group = next((g for g in ("ycode", "ncode", "dcode") if m.group(g)), None)
    if group is None:
        return 0
    code = m.group(group)
    last = re.search(r"[-/\s]+([A-Za-z]+\d*)$", code)
    if last is None or _PROPER_PART.fullmatch(last.group(1)):
        return 0
    return len(code) - last.start()


def _glued_tail(m: re.Match[str], v: Vocabulary) -> int:
    """How many characters glued after the last code of a match are not the number's: a lower-case word after a
    known code ('Cpngay': CP, then 'ngày'), or a footnote's one or two digits after a code that takes no number
    ('CP2'; not 'QH15'). 0 when none."""
    group = next((g for g in ("ycode", "ncode", "dcode") if m.group(g)), None)
    if group is None:
        return 0
    last = re.split(r"[-/\s]+", m.group(group))[-1]
    if last.upper() in v.code_display or v.agency_for_code(last) is not None:
        return 0  # a code as it is: 'TTg', 'QH15'
    for i in range(1, len(last)):
        head, tail = last[:i], last[i:]
        if not (tail.isdigit() and len(tail) <= 2) and not (tail.isalpha() and tail.islower() and len(tail) >= 2):
            continue
        if len(head) >= 2 and (head.upper() in v.code_display or v.agency_for_code(head) is not None):
            return len(tail)
    return 0


def _split_glued(parts: tuple[str, ...], v: Vocabulary) -> tuple[str, ...]:
    """A type code written against the issuer's code, the hyphen left out: '27/2016/TTBLĐTBXH' is
    27/2016/TT-BLĐTBXH (one document, one key). Only a known type code followed by a known issuer code."""
    first = parts[0]
    if first in v.code_display or v.agency_for_code(first) is not None:
        return parts
    for n in range(len(first) - 1, 1, -1):
        head, rest = first[:n], first[n:]
        if head in v.type_by_code and v.agency_for_code(rest) is not None:
            return (head, rest, *parts[1:])
    return parts


def _from_match(m: re.Match[str], v: Vocabulary, strict: bool) -> Number | None:
    ordinal = m.group("ord")
    if m.group("party"):
        ptype = m.group("ptype").upper()
        return Number(ordinal, None, (ptype, "TW"), party=True)
    year = int(m.group("year")) if m.group("year") else None
    raw = m.group("ycode") or m.group("ncode") or m.group("dcode")
    raw_parts = _code_parts(raw)
    parts = tuple(p.upper() for p in raw_parts)
    if year is not None and parts:
        parts = _split_glued(parts, v)
        raw_parts = raw_parts if len(raw_parts) == len(parts) else parts
    if strict and not plausible(parts, raw_parts, v):
        return None
    if year is None:
        # a number without a year needs a type code or an issuer code in front: 749/QĐ-TTg, 793/BTTTT-THH
        if parts[0] not in v.type_by_code and v.agency_for_code(parts[0]) is None and not strict:
            return None
        if m.group("dcode") and len(parts) == 2 and parts[0] in v.type_by_code:
            # the Party's way, the type then the body: 'Báo cáo số 04-BC/ĐU', 'Kế hoạch số 01-KH/BCĐTW'
            return Number(ordinal, None, parts, party=True)
        # one code alone ('25/CP', '45/HĐBT', '875/TTg'), or a dash after the ordinal ('15-CP', '33-TC/CN'): the code of
        # an issuer the vocabulary knows ('24/7', '1/L', 'A-B' are not numbers)
        if (len(parts) == 1 or m.group("dcode")) and v.agency_for_code(parts[0]) is None:
            return None
    return Number(ordinal, year, parts)


_REF_PREFIX = re.compile(r"^\s*(?:so|s[oố])\s*[:.]?\s*", re.IGNORECASE)


def parse(text: str, vocab: Vocabulary | None = None) -> Number:
    """Read one number from user input, in any written form; raise NumberError if there is none.

    Accepts 'Nghị định số 42/2022/NĐ-CP', '42/2022/nd-cp', 'số 01/2011/TT-BNV', '64/2025/TT-\\nBTC',
    '52-NQ/TW', and the slash written as '_' for clients that cannot encode it ('42_2022_ND-CP').
    """
    v = vocab or vocabulary()
    if not isinstance(text, str) or not text.strip():
        raise NumberError("empty document number")
    if len(text) > 500:
        raise NumberError("a document number is at most a few dozen characters")
    s = fold(unicodedata.normalize("NFC", text))
    s = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in s)
    s = s.replace("_", "/")
    s = re.sub(r"(?i)^.*?\b(?:so|s)\b\s*[:.]?\s*(?=\d)", "", s.strip()) or s
    s = s.upper()  # user input: any case (codes are keyed upper-case anyway)
    m = NUMBER_RE.search(s)
    if m is None and "/" not in s:
        # slashes written as '-': 42-2022-ND-CP, 749-QD-TTG
        s2 = re.sub(r"^(0{0,3}\d{1,5}(?:\.\d{1,3})?)-((?:19|20)\d\d)-", r"\1/\2/", s.strip())
        if s2 == s.strip():
            s2 = re.sub(r"^(0{0,3}\d{1,5}(?:\.\d{1,3})?)-(?=[A-Za-z])", r"\1/", s.strip())
        m = NUMBER_RE.search(s2)
    if m is None:
        raise NumberError(f"{text[:80]!r} is not a document number (expected e.g. 42/2022/NĐ-CP or 749/QĐ-TTg)")
    # what extraction accepts (strict: every code part known) is always accepted back, and more
    n = _from_match(m, v, strict=True) or _from_match(m, v, strict=False)
    if n is None:
        raise NumberError(f"{text[:80]!r} is not a document number (expected e.g. 42/2022/NĐ-CP or 749/QĐ-TTg)")
    return n


def canonical_key(text: str, issue_year: int | None = None) -> str:
    """The canonical key of a written number: '42/2022/nđ-cp' -> '42/2022/ND-CP'."""
    return parse(text).key(issue_year)
