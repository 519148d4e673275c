"""The text's own identity from its header: its number (Số: …), place and date, type line and title; for a
consolidated text (văn bản hợp nhất), the document it consolidates."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..vocab import Vocabulary, fold_lower
from .context import _DATE_WORDS, _Ctx, _date, _squash
from .types import Mention

_HEADER_NO = re.compile(r"(?m)^[ \t]*(?:(?:bo\s+luat|luat|phap\s+lenh|nghi\s+quyet)\s+)?so\s*[:.]\s*")


_PLACE_DATE = re.compile(r"(?m)^[^\n]{0,60}?,\s*ngay\s+" + _DATE_WORDS)


_CONTINUED = re.compile(r"\(\s{0,3}tiep\s+theo\s+cong\s+bao\s+so(?![a-z])")


_TYPE_LINE = re.compile(r"(?m)^[ \t]*([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{1,30}?)[ \t]*\d?[ \t]*$")


def _line_before(low: str, pos: int) -> str:
    """What stands before `pos` on its line, stripped: a citation that opens a line has at most a word there."""
    return low[low.rfind("\n", 0, pos) + 1 : pos].strip()


# a consolidated text says so: 'VĂN BẢN HỢP NHẤT', 'được hợp nhất từ'; looked for only where 'hợp nhất' stands (a
# literal the regex engine skips to: 0.07 s over the Gazette corpus, where the whole pattern takes 0.18 s)
_CONSOLIDATED_WORDS = re.compile(r"van\s+ban\s+hop\s+nhat|duoc\s+hop\s+nhat\s+tu")

_HOP_NHAT = re.compile(r"hop\s+nhat")

_ZONE = 4000  # the header stands in the first characters of a text


def _header(ctx: _Ctx, mentions: list[Mention]) -> tuple[Mention | None, Mention | None]:
    """The document a Gazette text is, and for a consolidated text the document it consolidates."""
    low = ctx.low
    zone = min(len(low), _ZONE)
    by_start = {m.start: m for m in mentions if m.number is not None}

    def number_at(pos: int) -> Mention | None:
        for m in mentions:
            if m.number is not None and pos <= m.end - len(m.written) <= pos + 3:
                return m
        return by_start.get(pos)

    self_m: Mention | None = None
    base_m: Mention | None = None
    if (_HOP_NHAT.search(low) and _CONSOLIDATED_WORDS.search(low)) or any(
            m.number is not None and m.start < zone and _consolidated_code(ctx.v, m.number.code) for m in mentions):
        self_m, base_m = _consolidated(ctx, mentions, number_at)  # (a text numbered '22/VBHN-VPQH' is one)
    if self_m is None:
        for h in _HEADER_NO.finditer(low, 0, zone):
            hit = number_at(h.end())
            if hit is not None:
                self_m = hit
                break
    if self_m is None and (cont := _CONTINUED.search(low, 0, zone)) is not None:
        # a part of a text the Gazette continues from an earlier issue (its annexes): the header names the text
        # on a line of its own, above '(Tiếp theo Công báo số 201 + 202)' ('Thông tư số 102/2018/TT-BTC ngày …')
        self_m = next((m for m in mentions if m.number is not None and m.start < cont.start()
                       and re.fullmatch(r"[a-z ]{0,30}", _line_before(low, m.start))), None)
    if self_m is None:
        return None, None
    if self_m.date is None:
        d = _PLACE_DATE.search(low, 0, zone)
        if d:
            self_m.date = _date(d)
    if base_m is None:
        _type_and_title(ctx, self_m, zone)
    if self_m.issuer is None:
        for ln in ctx.text[:zone].splitlines()[:20]:
            s = ln.strip().rstrip("-").strip()
            if s.isupper():
                ag = ctx.v.agency_for_name(s)
                if ag:
                    self_m.issuer = ag.id
                    break
    return self_m, base_m


def _consolidated(ctx: _Ctx, mentions: list[Mention],
                  number_at: Callable[[int], Mention | None]) -> tuple[Mention | None, Mention | None]:
    """A consolidated text (văn bản hợp nhất): its own number, in the authentication block, and the document it
    consolidates."""
    low = ctx.low
    self_m: Mention | None = None
    for h in _HEADER_NO.finditer(low):
        hit = number_at(h.end())
        if hit and hit.number and _consolidated_code(ctx.v, hit.number.code):
            self_m = hit
    if self_m is None:
        return None, None
    # the consolidated document is the one whose citation opens a line of the authentication block
    # ('Thông tư số 35/2013/TT-BLĐTBXH ngày …, có hiệu lực …, được sửa đổi, bổ sung bởi:'), not one named
    # in the title above it ('Hướng dẫn thi hành … Nghị định số 09/2013/NĐ-CP')
    cands = [m for m in mentions
             if m.number is not None and m is not self_m and m.start < min(len(low), _ZONE)
             and not _consolidated_code(ctx.v, m.number.code)]
    opening = [m for m in cands  # at most a type word before it ('Thông tư liên lịch số 21/2016/…', a typo)
               if re.fullmatch(r"[^\d\n,;.]{0,25}", _line_before(low, m.start))]
    base_m = (opening or cands)[0] if cands else None
    # the consolidated text's own date is in the authentication block beside its number
    d = _PLACE_DATE.search(low, self_m.end, self_m.end + 400)
    if d and self_m.date is None:
        self_m.date = _date(d)
    self_m.type_id = ctx.v.role("consolidated")
    return self_m, base_m


def _consolidated_code(v: Vocabulary, code: tuple[str, ...]) -> bool:
    """Whether a number's code holds the code of a consolidated text ('05/VBHN-BTC')."""
    return any(c in code for c in v.doc_types[v.role("consolidated")].codes)


def _type_and_title(ctx: _Ctx, self_m: Mention, zone: int) -> None:
    """The type line ('NGHỊ ĐỊNH') gives the text's type where its number does not, and the lines under it its title."""
    for tl in _TYPE_LINE.finditer(ctx.text, 0, zone):
        t = ctx.v.type_for_word(tl.group(1))
        if t is None:
            continue
        if self_m.type_id is None or not self_m.type_from_code:
            self_m.type_id = t.id
        lines: list[str] = []
        pos = tl.end()
        for ln in ctx.text[pos : pos + 800].splitlines()[1:10]:
            f = fold_lower(ln).strip()
            if not f or re.match(r"^[_\-–—]+$", f):
                if lines:
                    break
                continue
            # the legal bases, or the enacting formula ('Bộ trưởng … ban hành …'), end the title; a title may
            # itself open with 'Ban hành' ('Ban hành Kế hoạch hành động thực hiện Chỉ thị số 52-CT/TW …')
            if re.match(r"(can\s+cu|chuong\s|dieu\s+1|(?!ban\s+hanh\b)[a-z ]+\sban hanh|theo\s+de\s+nghi)", f) or (
                ln.strip().isupper() and ctx.v.agency_for_name(ln.strip())):
                break
            lines.append(ln.strip().strip("_").strip())
        if lines and not self_m.title:
            self_m.title = _squash(" ".join(lines))
            if self_m.title.isupper():
                self_m.title = self_m.title.capitalize()
        break


_ENACTING = re.compile(r"(?:quoc\s+hoi|uy\s+ban\s+thuong\s+vu\s+quoc\s+hoi)\s+ban\s+hanh\s+$")


def _without_enacting(ctx: _Ctx, self_doc: Mention | None, mentions: list[Mention]) -> list[Mention]:
    """The mentions without the law the enacting formula names, which is the text itself, or the law a consolidated
    text consolidates ('Quốc hội ban hành Luật Người lao động Việt Nam …' in that law)."""
    if self_doc is None or self_doc.type_id not in ctx.v.legislative_types:
        return mentions
    enacting = [m for m in mentions if m.name and m.number is None and _ENACTING.search(ctx.low, max(0, m.start - 40), m.start)]
    return [m for m in mentions if m not in enacting]


def own_number_without_year(self_doc: Mention | None, mentions: list[Mention]) -> None:
    """The text's own number written inside it without its year ('Ban hành kèm theo Thông tư số 29/TT-BLĐTBXH ngày 28
    tháng 12 năm 2022' inside 29/2022/TT-BLĐTBXH) is the text itself: those mentions take its number."""
    own = self_doc.number if self_doc is not None else None
    if own is None or own.year is None:
        return
    for m in mentions:
        n = m.number
        if (n is not None and n.year is None and not n.party and n.code == own.code
                and n.ordinal.lstrip("0") == own.ordinal.lstrip("0") and (m.date is None or m.date.year == own.year)):
            m.number = own
