"""Quoted passages and who wrote them: a provision another text wrote, or wording a text changes.

A consolidated text reproduces, in its footnotes, the articles of the texts that amended it ('Điều 3 của Thông tư số
06/2024/…, có hiệu lực từ … quy định như sau: “Điều 3. … bãi bỏ …”'); such a quote is read with the text its lead
names as the doer. Other quotes are words, not read for relations.
"""

from __future__ import annotations

import bisect
import re

from ..vocab import occurrences
from .context import _Ctx
from .formulas import (
    _BASIS_LINE,
    _EFFECT_CLAUSE,
    _EFFECT_SENTENCE,
    _ENACTING_LINE,
    _OTHER_FORMULA,
    _PAGE_BREAK_BEFORE,
    _QUOTE_LEAD,
    _QUOTE_LEAD_TAIL,
)
from .sentences import _LIST_MARKER
from .types import Mention

# straight quotes open after a space, '(' or ':' and close after a word ('quy định như sau: "Điều 10. … ./."')
_QUOTE_MARKS = "“”\""  # a straight one counts where _is_quote_mark says


def _marks(text: str) -> list[tuple[int, str]]:
    """Where each quote mark stands, in order (found by str.find, one mark at a time: a character class run by the
    regex engine tests every character of the text)."""
    return sorted((i, c) for c in _QUOTE_MARKS for i in occurrences(text, c))


def _is_quote_mark(text: str, i: int) -> bool:
    """A straight quote that opens (at the start, or after a space, '(' or ':', before a non-space) or closes
    (after a non-space); one between two spaces is neither."""
    if i > 0 and not text[i - 1].isspace():
        return True  # closes, or opens after '(' or ':'
    return i + 1 < len(text) and not text[i + 1].isspace()


# the rest of a short quote on one or two lines, up to its closing mark, with no other quote mark in it
_INNER_CLOSE = re.compile(r"[^“”\"\n]{1,160}(?:\n[^“”\"\n]{1,160})?”")


def quote_spans(ctx: _Ctx) -> list[tuple[int, int]]:
    """`_quotes` of the context's text, read once per text (the relations and the structure both read them)."""
    if ctx.quote_spans is None:
        ctx.quote_spans = _quotes(ctx.text)
    return ctx.quote_spans


def _quotes(text: str) -> list[tuple[int, int]]:
    """The spans of quoted text longer than a few words: a provision another text wrote, or wording it changes.
    Inside straight quotes, curly ones are the quoted text's own ('"Điều 10. … b) “Đã hội chẩn …” trong điểm a …"')
    and the other way round."""
    out = []
    start: int | None = None
    kind = ""  # the mark that opened the span: '“' or '"'
    inner_end = -1  # the closing mark of a short quote inside a curly one, skipped
    for at, g in _marks(text):
        if at <= inner_end:
            continue
        straight = g == '"'
        if straight and not _is_quote_mark(text, at):
            continue
        opening = g == "“" or (straight and (at == 0 or text[at - 1] in " \t\n(:"))
        if start is None:
            if opening:
                start, kind = at, ('"' if straight else "“")
        elif g == "“" and kind == "“":
            # a short quote inside a curly one: the words a quoted article changes ('“Điều 23. … c) Bỏ cụm từ “lệ phí
            # tuyển sinh” tại Điều 101 … ”'); its closing mark does not close the outer quote
            close = _INNER_CLOSE.match(text, at + 1)
            if close is not None:
                inner_end = close.end() - 1
        elif not opening and (kind == '"') == straight:
            if at - start > 40:
                out.append((start, at))
            start = None
    return out



# an article's heading on the line before a position: 'Điều 25. Hiệu lực thi hành\n'
_HEADING_BEFORE = re.compile(r"\n[ \t]*dieu\s+\d{1,3}[a-z]?\s*[.:][^\n]{0,80}\n[ \t]*(?:\d{1,3}\.[ \t]*)?$")

_NOBODY = Mention(start=-1, end=-1, ext_end=-1)  # the doer of a quoted passage whose writer is not known


class _Quotes:
    """The quotes of a text, each with the document that wrote it when its lead names one (`owners`), and the quotes
    inside such a quoted provision (`inner`: the wording it changes)."""

    def __init__(self, ctx: _Ctx, sentences: list[tuple[int, int]], mentions: list[Mention]) -> None:
        self.ctx = ctx
        self.sentences = sentences
        self.all_mentions = mentions  # every mention, in text order
        # a quoted provision whose lead names the text that wrote it ('Điều 3 của Thông tư số 06/2024/…, có hiệu lực
        # từ … quy định như sau: “Điều 3. … Kể từ ngày Thông tư này có hiệu lực thi hành, bãi bỏ …”'): read with
        # that text as the doer; other quotes are words, not read
        self.owners: dict[tuple[int, int], Mention] = {}
        self.inner: dict[tuple[int, int], list[tuple[int, int]]] = {}  # the quotes inside an owned quote
        split: list[tuple[int, int]] = []
        for q in [self._basis_block(q) for q in quote_spans(ctx)]:
            owner = self._quote_owner(q[0])
            if owner is not None:
                # a quoted final article states once when its text takes effect: a second statement is another
                # text's ('“Điều 5. … 1. Nghị định này có hiệu lực kể từ ngày ký ban hành.', a page break and no closing
                # mark, '1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2016.'); whose, the layout
                # does not say (the consolidated text's, or the footnote going on after the next page's text), so
                # from there on the quote is not read
                cut = self._second_effect(q)
                if cut is not None:
                    # the consolidated text's own article on its effect, after a page break ('Điều 25. Hiệu lực thi
                    # hành' / '1. Thông tư này có hiệu lực …'): the body, from its heading
                    heading = _HEADING_BEFORE.search(ctx.low, max(q[0], cut - 120), cut)
                    if heading is not None and _PAGE_BREAK_BEFORE.search(ctx.text, max(q[0], heading.start() - 12),
                                                                         heading.start() + 1):
                        cut = heading.start() + 1
                    rest = (cut, q[1])
                    if not _PAGE_BREAK_BEFORE.search(ctx.text, max(q[0], cut - 12), cut):
                        split.append(rest)
                        self.owners[rest] = _NOBODY  # read for what it states of named texts, no doer of its own
                        self.inner[rest] = []
                    q = (q[0], cut)
                self.owners[q] = owner
                self.inner[q] = [(a + q[0] + 1, b + q[0] + 1) for a, b in _quotes(ctx.text[q[0] + 1 : q[1]])]
            split.append(q)
        self.spans = sorted(split)

    def _basis_block(self, q: tuple[int, int]) -> tuple[int, int]:
        """A quote of legal bases ('… có căn cứ ban hành như sau: “Căn cứ …; Căn cứ …; Chính phủ ban hành …') ends
        with them: a closing mark a page break lost must not swallow the consolidated text that follows."""
        low = self.ctx.low
        if not re.match(r"[“\"\s]*can\s+cu\b", low[q[0] : q[0] + 30]):
            return q
        sents = self.sentences
        i = bisect.bisect_right(sents, (q[0], 10**12)) - 1
        end = None
        while 0 <= i < len(sents) and sents[i][0] < q[1]:
            body = _LIST_MARKER.sub("", low[max(sents[i][0], q[0]) : sents[i][1]].lstrip("“\" \n"), count=1)
            if _BASIS_LINE.match(body):
                end = sents[i][1]
            elif _ENACTING_LINE.match(body):
                end = sents[i][1]
                break
            else:
                break
            i += 1
        if end is None or end + 3 >= q[1]:
            return q
        return (q[0], end)

    def _second_effect(self, q: tuple[int, int]) -> int | None:
        """Where a second 'X này có hiệu lực …' sentence starts inside q."""
        sents, low = self.sentences, self.ctx.low
        seen = False
        for k in range(bisect.bisect_left(sents, (q[0], -1)), len(sents)):
            a, b = sents[k]
            if a >= q[1]:
                break
            if _EFFECT_SENTENCE.match(low, a, b):
                if seen:
                    return a
                seen = True
        return None

    def _quote_owner(self, qa: int) -> Mention | None:
        """The document a quote's lead says wrote it: '[footnote] [Điều 3 (của)] Thông tư số X …, có hiệu lực …
        quy định như sau:' or '… X … có căn cứ ban hành như sau:'."""
        low = self.ctx.low
        i = bisect.bisect_left(self.sentences, (qa, -1)) - 1
        if i < 0:
            return None
        ls = self.sentences[i][0]
        if qa - ls > 700:
            return None
        # the lead opens the sentence, or a line of it (a footnote under the heading its mark follows)
        for start in [ls] + [k + 1 for k in range(ls, qa) if low[k] == "\n"]:
            lead = _QUOTE_LEAD.match(low, start, qa)
            if lead is None:
                continue
            j = bisect.bisect_left(self.all_mentions, lead.end(), key=lambda m: m.start)
            m = self.all_mentions[j] if j < len(self.all_mentions) else None
            if m is None or m.start - lead.end() > 3 or m.self_ref or m.nested or (m.number is None and m.name is None):
                continue
            rest = low[max(m.end, m.ext_end, m.title_end) : qa]
            tail = _QUOTE_LEAD_TAIL.search(rest)
            if tail is None or _OTHER_FORMULA.search(_EFFECT_CLAUSE.sub(" ", rest[: tail.start()])):
                return None
            return m
        return None

    def at(self, pos: int) -> tuple[int, int] | None:
        """The quote pos is in, if any."""
        i = bisect.bisect_right(self.spans, (pos, 10**12)) - 1
        return self.spans[i] if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1] else None

    def holds(self, pos: int, speaking: tuple[int, int] | None) -> bool:
        """Whether pos is in quoted words: in a quote, or, while the quoted provision `speaking` is read, in a quote
        inside it."""
        q = self.at(pos)
        if q is None:
            return False
        if q != speaking:
            return True
        return any(a <= pos < b for a, b in self.inner[q])
