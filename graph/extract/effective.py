"""Dates of effect and terms: when a text takes effect ('… có hiệu lực thi hành kể từ ngày …', '… kể từ ngày ký',
'… sau 45 ngày'), parts that take effect apart, a term it names for itself, and, in any text, a date of effect
reported for a document it names."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator

from .context import _SELF_RE, DATE_RE, _Ctx, _date
from .types import Extraction, Mention, RawEffective

_EFFECT = r"co\s+hieu\s+luc(?:\s+thi\s+hanh)?(?:\s+ke)?\s+tu\s+"


_SIGNING = r"ngay\s+(?:ky(?:\s+ban\s+hanh)?|ban\s+hanh|thong\s+qua|cong\s+bo)"


_SELF_EFFECT = re.compile(
    _SELF_RE.pattern + r"\s+(?:se\s+|chinh\s+thuc\s+)?(?:"
    + _EFFECT + r"(?:(?P<signing>" + _SIGNING + r")|(?:ngay\s+)?(?P<date>" + DATE_RE.pattern + r"))"
    + r"|co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+sau\s+(?P<days>\d{1,3})\s+ngay,?\s+(?:ke\s+)?tu\s+" + _SIGNING + r")"
)


_PART_EFFECT = re.compile(
    r"(?<![a-z])(?:rieng|tru)\s+(?P<part>[^;:\n]{3,160}?)\s*,?\s+(?:thi\s+|se\s+)?" + _EFFECT
    + r"(?:ngay\s+)?(?P<date>" + DATE_RE.pattern + r")"
)


# an item of the article of effect that gives parts of this text their own date: '3. Khoản 8 Điều 69 của Nghị định này
# có hiệu lực từ ngày 01 tháng 7 năm 2025', '2. Các điều từ Điều 1 đến Điều 11, … của Nghị định này có hiệu lực từ …'
_PART_OWN = re.compile(
    r"\n[ \t]*(?:\d{1,2}\.|[a-z]\))[ \t]*(?P<part>(?:cac\s+)?(?:khoan|dieu|diem|phu\s+luc|chuong|muc|phan)\b[^;:]{0,400}?)"
    r"\s+(?:cua\s+)?(?:nghi\s+dinh|thong\s+tu(?:\s+lien\s+tich)?|bo\s+luat|luat|nghi\s+quyet|quyet\s+dinh|phap\s+lenh)"
    r"\s+nay\s+(?:se\s+)?" + _EFFECT + r"(?:ngay\s+)?(?P<date>" + DATE_RE.pattern + r")"
)


# a term the text names for itself: '… có hiệu lực … kể từ ngày ký đến hết ngày 31 tháng 12 năm 2027' (right
# after the clause of effect), or 'Nghị quyết này có hiệu lực đến hết ngày …' / '… hết hiệu lực kể từ ngày …'
_UNTIL_TAIL = re.compile(r"[ \t\r\n]{0,3},?[ \t\r\n]{0,3}(?:cho\s+)?den\s+(?P<last>het\s+)?ngay\s+(?P<date>" + DATE_RE.pattern + r")")


_SELF_UNTIL = re.compile(
    _SELF_RE.pattern + r"\s+(?:(?:chi\s+)?co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+den\s+(?P<last>het\s+)?ngay"
    + r"|(?P<off>het\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+(?:ke\s+tu\s+|tu\s+|vao\s+)?ngay))\s+(?P<date>"
    + DATE_RE.pattern + r")"
)


_LIST_MARK = re.compile(r"\s{0,3}(?:(?:\d{1,2}|[a-zđ])[.)]\s{0,3})?")


# '(đã |sẽ |chính thức )có hiệu lực … từ (ngày) DATE': the clause is searched from its first word, a literal, which
# the regex engine finds fast; the optional word before it is read backwards (_mention_effects)
_MENTION_EFFECT = re.compile(_EFFECT + r"(?:ngay\s+)?(?P<date>" + DATE_RE.pattern + r")")


def _mention_effects(low: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Each '… có hiệu lực từ DATE' with where it starts, an 'đã', 'sẽ' or 'chính thức' right before it included."""
    last = 0
    for m in _MENTION_EFFECT.finditer(low):
        start = m.start()
        j = _space_before(low, start)
        if j < start:
            if low.endswith(("da", "se"), 0, j):
                start = j - 2
            elif low.endswith("thuc", 0, j):
                k = _space_before(low, j - 4)
                if k < j - 4 and low.endswith("chinh", 0, k):
                    start = k - 5
        yield (start if start >= last else m.start()), m
        last = m.end()


def _space_before(low: str, pos: int) -> int:
    """Where the run of white space that ends at pos begins (pos when there is none)."""
    while pos > 0 and low[pos - 1].isspace():
        pos -= 1
    return pos


# words that make the sentence's first document the one acted upon, or another text's date the one given
_NOT_SUBJECT = re.compile(
    r"(?<![a-z])(?:duoc\s+(?:sua|bo\s+sung|thay|dinh\s+chinh|bai)|bi\s+|theo\s+quy\s+dinh\s+tai|rieng|tru|"
    r"khoan|dieu|diem|truoc|den|khi|neu|cac\s+quy\s+dinh)(?![a-z])")


# a title's 'một số điều' ('Luật số 46/2014/QH13 … sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế, có hiệu lực …')
# names no article of its own: not the 'điều' of _NOT_SUBJECT
_SOME_ARTICLES = re.compile(r"(?<![a-z])mot\s+so\s+dieu(?![a-z])")


def _first_date(text: str) -> dt.date | None:
    m = DATE_RE.search(text)
    return _date(m) if m else None


def _last_day(m: re.Match[str]) -> dt.date | None:
    """The last day in force: 'đến hết ngày D' / 'đến ngày D' keep D; 'hết hiệu lực từ ngày D' ends the day before."""
    d = _first_date(m.group("date"))
    if d is not None and "off" in m.re.groupindex and m.group("off"):
        return d - dt.timedelta(days=1)
    return d


def find_effective(ctx: _Ctx, ex: Extraction, mentions: list[Mention],
                   sentences: list[tuple[int, int]]) -> list[RawEffective]:
    """When documents take effect: the text's own clause ('Nghị định này có hiệu lực thi hành kể từ ngày …',
    '… kể từ ngày ký', '… sau 45 ngày kể từ ngày ký'), parts that take effect apart ('riêng khoản 3 Điều 5 có
    hiệu lực từ …'), and, in any text, a document named right before '… có hiệu lực từ ngày …'."""
    starts = [a for a, _ in sentences]

    def sentence(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 else (pos, min(len(ctx.low), pos + 200))

    own = ex.base_doc or ex.self_doc  # in a consolidated text, 'Thông tư này' is the consolidated document
    # search after the header; a consolidated text's own header (the VBHN block) stands at its end
    header_end = ex.self_doc.ext_end if ex.self_doc is not None and ex.base_doc is None else 0
    # 'Nghị định này …' after the header: the clauses on the text's own effect are tried where one is named (anchored
    # there: no search of the whole text for each); mentions are in text order
    selves = [m.start for m in mentions if m.self_ref and m.start >= header_end] if own is not None else []
    main = next((m for m in (_SELF_EFFECT.match(ctx.low, pos) for pos in selves) if m is not None), None)
    out: list[RawEffective] = []
    own_effect = _own_effect(ctx, ex, own, main, sentence) if own is not None and main is not None else []
    # None: a consolidated text quoting the clause of a text that amended it (the first is taken only when it fits
    # the consolidated document's own date of issue): no own date nor term; what it reports of others still stands
    # ('Luật số 46/2014/QH13 …, có hiệu lực kể từ ngày 01 tháng 01 năm 2015;' in its opening list)
    out.extend(own_effect or [])
    if own is not None and own_effect is not None and ex.base_doc is None and not any(e.rule == "until" for e in out):
        out.extend(_own_term(ctx, own, selves, sentence))
    out.extend(_reported(ctx, mentions, main, sentence))
    return out


def _own_effect(ctx: _Ctx, ex: Extraction, own: Mention, main: re.Match[str],
                sentence: Callable[[int], tuple[int, int]]) -> list[RawEffective] | None:
    """The text's own clause of effect (with the term right after it, and the parts that take effect apart in the
    same article); None for a consolidated text whose first clause does not fit its own date of issue."""
    issued = own.date
    if main.group("date"):
        d, rule = _first_date(main.group("date")), "date"
    elif main.group("signing"):
        d, rule = issued, "on_signing"
    else:
        n = int(main.group("days"))
        d, rule = (issued + dt.timedelta(days=n) if issued else None), f"after_days:{n}"
    if ex.base_doc is not None and (issued is None or d is None or not issued <= d <= issued + dt.timedelta(days=731)):
        return None
    out = [RawEffective(own, d, None, rule, sentence(main.start()))]
    tail = _UNTIL_TAIL.match(ctx.low, main.end())
    if tail is not None:
        out.append(RawEffective(own, _last_day(tail), None, "until", sentence(main.start())))
    # parts taking effect apart, in the same article (up to the next 'Điều')
    nxt = re.compile(r"\n\s*dieu\s+\d+[a-z]?\.").search(ctx.low, main.end())
    end = min(nxt.start() if nxt else len(ctx.low), main.end() + 2500)
    a = sentence(main.start())[0]
    for pm in _PART_EFFECT.finditer(ctx.low, a, end):
        part = " ".join(ctx.text[pm.start("part") : pm.end("part")].split())
        out.append(RawEffective(own, _first_date(pm.group("date")), part, "date", sentence(pm.start())))
    for pm in _PART_OWN.finditer(ctx.low, main.end(), end):
        part = " ".join(ctx.text[pm.start("part") : pm.end("part")].split())
        if not any(r.part == part for r in out):
            out.append(RawEffective(own, _first_date(pm.group("date")), part, "date", sentence(pm.start("part"))))
    return out


def _own_term(ctx: _Ctx, own: Mention, selves: list[int],
              sentence: Callable[[int], tuple[int, int]]) -> list[RawEffective]:
    """A term the text names for itself: 'Nghị quyết này có hiệu lực đến hết ngày …', '… hết hiệu lực kể từ ngày …'."""
    until_end = 0
    for pos in selves:
        um = _SELF_UNTIL.match(ctx.low, pos) if pos >= until_end else None
        if um is None:
            continue
        until_end = um.end()
        # the text itself must be the sentence's subject: not 'Kể từ ngày Thông tư này có hiệu lực đến hết
        # ngày …, mức thu phí …' (a period in a provision) nor '… tại Điều 3 Nghị định này hết hiệu lực …'
        if _LIST_MARK.fullmatch(ctx.low[sentence(um.start())[0] : um.start()]):
            return [RawEffective(own, _last_day(um), None, "until", sentence(um.start()))]
    return []


# the date first, in news: 'Từ ngày 01/7/2026, Nghị định số 170/2026/NĐ-CP chính thức có hiệu lực'
_DATE_LEADS = re.compile(r"[\s\-–]{0,4}(?:ke\s+)?tu\s+ngay\s+(?P<date>" + DATE_RE.pattern + r")\s*,\s*")
_THEN_IN_EFFECT = re.compile(r"\s{0,3}(?:(?:da|se|chinh\s+thuc|cung)\s+){0,2}co\s+hieu\s+luc(?![a-z])")


def _reported(ctx: _Ctx, mentions: list[Mention], main: re.Match[str] | None,
              sentence: Callable[[int], tuple[int, int]]) -> list[RawEffective]:
    """'… Nghị định số 42/2022/NĐ-CP … có hiệu lực từ ngày 01/8/2022': the subject of the sentence, when nothing
    stands between it and the clause that makes another text the one acted upon."""
    out = []
    ordered = sorted((m for m in mentions if not m.self_ref), key=lambda m: m.start)
    first_starts = [m.start for m in ordered]
    for em_start, em in _mention_effects(ctx.low):
        if main is not None and main.start() <= em_start < main.end():
            continue
        s0, _ = sentence(em_start)
        j = bisect.bisect_left(first_starts, s0)
        if j >= len(ordered) or ordered[j].start >= em_start:
            continue
        subject = ordered[j]
        lead = ctx.low[s0 : subject.start]
        between = ctx.low[subject.ext_end : em_start]
        if len(lead) > 40 or em_start - subject.ext_end > 200 or _SELF_RE.search(between) or _NOT_SUBJECT.search(
                _SOME_ARTICLES.sub(" ", lead + " " + between)):
            continue
        out.append(RawEffective(subject, _first_date(em.group("date")), None, "as_reported", sentence(em_start)))
    # the date first, in news: 'Từ ngày 01/7/2026, Nghị định số 170/2026/NĐ-CP chính thức có hiệu lực, …'
    for m in ordered:
        dated = _DATE_LEADS.fullmatch(ctx.low, sentence(m.start)[0], m.start)
        if dated is not None and _THEN_IN_EFFECT.match(ctx.low, max(m.end, m.ext_end)) and (
                main is None or not main.start() <= m.start < main.end()):
            out.append(RawEffective(m, _first_date(dated.group("date")), None, "as_reported", sentence(m.start)))
    return out
