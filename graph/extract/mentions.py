"""Mentions: the spans that cite a document, and what reads around a number — the type word before it, its date,
issuer and subject (trích yếu) after it, who issued it and when, said before it; what is not a document (a form, a
technical standard, a table code)."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterator

from ..errors import NumberError
from ..numbers import NumberMatch, parse, scan
from ..vocab import Vocabulary
from .context import _DATE_NUM, _DATE_WORDS, _Ctx, _date, _squash, at_word_start, self_references
from .laws import _amending_name, law_named_before, named_laws
from .types import Mention

# 'ngày14/5/2013': the space after 'ngày' is sometimes left out
_AFTER_DATE = re.compile(rf"[ \t\r\n]{{0,3}},?\s{{0,3}}(?:ban\s+hanh\s+|ky\s+)?ngay\s*(?:{_DATE_NUM}|{_DATE_WORDS})")


# the year after a law's name: 'năm 2023', '(năm 2023)', and, on the same line, '2023', '(2023)' — not a range
# ('2021 - 2025') nor a date or number ('2023/…')
_AFTER_YEAR = re.compile(r"[ \t\r\n]{0,3}(?:\(\s*)?nam\s+((?:19|20)\d\d)(?!\s*[/.-]\d)|"
                         r"[ \t]{1,3}(?:\(\s*)?((?:19|20)\d\d)(?!\d)(?!\s*[/.-]\s*\d)")


_ROLE = r"(?:(?:bo\s+truong|thu\s+truong|chu\s+tich|pho\s+chu\s+tich|thong\s+doc|tong\s+giam\s+doc|chanh\s+an|vien\s+truong|tong\s+kiem\s+toan)\s+)?"


_SUBJECT_START = re.compile(
    r"[ \t\r\n]{0,3},?\s{0,3}(?=(?:ve\s+viec|ve|quy\s+dinh|phe\s+duyet|huong\s+dan|ban\s+hanh|sua\s+doi|bai\s+bo|"
    r"thanh\s+lap|kien\s+toan|giao|cong\s+bo|lay|thuc\s+hien|trien\s+khai|phan\s+cong|chuyen|cat\s+giam|"
    r"bo\s+sung|dieu\s+chinh|quy\s+dinh\s+chi\s+tiet)\b)"
)


_SUBJECT_STOP = re.compile(
    r";|\.\s|\.$|\(|\)|:|\n\s*\n|\s(?:da\s+duoc|duoc\s+sua\s+doi|duoc\s+thay\s+the|duoc\s+bai\s+bo|het\s+hieu\s+luc|co\s+hieu\s+luc|"
    r"bi\s+thay\s+the|bi\s+bai\s+bo|va\s+cac\s+van\s+ban|trinh\s+quoc\s+hoi|lam\s+co\s+so|nham|de\s+huong\s+dan)\b"
    r"|,\s(?=(?:co\s+hieu\s+luc|duoc|da|trong\s+do|theo\s+do|nhu|dong\s+thoi|sau|tao)\b)"
    r"|,\s+(?=(?:bo|chinh\s+phu|thu\s+tuong|uy\s+ban|quoc\s+hoi|ban\s+chap\s+hanh)\s)"
    r"|\s(?:da|vua|se)\s+(?:ban\s+hanh|ky|xay\s+dung|tham\s+muu|trinh|co)\b"
    r"|\s(?:va|hoac)\s+(?:(?:bai\s+bo|thay\s+the)\s+)?(?:cac\s+)?"  # '… và bãi bỏ các Quyết định số N': the outer clause
    r"(?:nghi\s+dinh|quyet\s+dinh|thong\s+tu(?:\s+lien\s+tich)?|nghi\s+quyet|chi\s+thi|bo\s+luat|luat)\s+(?:so\s+)?\d"
    # a table's next row: its number on a line of its own, then the document it is about ('… 30/12/2022 \n14 \nNghị định
    # số 108/2021/NĐ-CP …')
    r"|\n[ \t]*\d{1,3}[ \t]*\n(?=[ \t]*(?:nghi\s+dinh|quyet\s+dinh|thong\s+tu|nghi\s+quyet|chi\s+thi|bo\s+luat|luat|phap\s+lenh)\s)"
)


_NOT_A_DOCUMENT = re.compile(
    r"(?:^|[^a-z])(?:mau|bieu|bieu mau|ky hieu|ma so|ma hieu|qcvn|tcvn|tccs|qcdp|tcn|iso)\s*(?:so\s*)?[:.]?\s*$")


_A_FORM = re.compile(r"(?:^|[^a-z])(?:bieu\s+)?(?:mau|bieu)\s*(?:so\s*)?[:.]?\s*$")


_SO_AT_END = re.compile(r"(?:so|so\s*:)\s*$")  # '… số', '… số:' right before a number


def _type_word_before(ctx: _Ctx, start: int) -> tuple[str | None, int, str | None, int]:
    """The type word written right before a number ('Nghị định số'), its start, a law's name if any, and where an
    amending law's title written before the number begins (-1 if none)."""
    a = max(0, start - 160)
    window = ctx.low[a:start]
    m = _type_before(ctx.v, window)
    t = ctx.v.type_for_word(m.group(1)) if m else None
    if m and (t is None or t.id not in ctx.v.legislative_types):
        return (t.id if t else None), a + m.start(1), None, -1
    # a law by name with its number ('Luật Bảo hiểm y tế số 25/2008/QH12'): the name, not the type word alone that
    # may end it ('Luật Ban hành văn bản quy phạm pháp luật số 17/2008/QH12')
    named = law_named_before(ctx, start)
    if named is not None:
        return named
    if m:
        return (t.id if t else None), a + m.start(1), None, -1
    m = _SO_AT_END.search(window)
    if m is not None and (issued := _type_word_before_issuers(ctx, a, a + m.start())) is not None:
        return issued
    return None, (a + m.start() if m else start), None, -1


def _type_word_before_issuers(ctx: _Ctx, a: int, so_at: int) -> tuple[str | None, int, str | None, int] | None:
    """The type word written before the issuers, then 'số': 'Nghị định của Chính phủ số 132/2008/NĐ-CP', 'Thông tư
    Liên tịch Bộ Y tế-Bộ Nông nghiệp và Phát triển nông thôn-Bộ Công Thương số 13/2014/TTLT-…'."""
    low, pos = ctx.low, so_at
    for _ in range(6):  # at most a few bodies
        pos = a + len(low[a:pos].rstrip(" \t\n,-–"))
        last = None
        for am in ctx.v.agency_name_re.finditer(low, max(a, pos - 90), pos):
            last = am
        if last is None or last.end() != pos:
            break
        pos = last.start()
        j = re.search(r"(?:cua|va|lien)\s*$", low[max(a, pos - 8) : pos])
        if j is not None:
            pos -= len(low[max(a, pos - 8) : pos]) - j.start()
    else:
        return None
    if pos == so_at:
        return None
    tb = _type_before_re(ctx.v).search(low, max(a, pos - 40), pos + 1)
    t = ctx.v.type_for_word(tb.group(1)) if tb else None
    return ((t.id, tb.start(1), None, -1) if t is not None and tb is not None and
            not low[tb.end(1) : pos].strip(" \t\n") else None)


_TB_CACHE: dict[int, re.Pattern[str]] = {}


def _type_before_re(v: Vocabulary) -> re.Pattern[str]:
    rx = _TB_CACHE.get(id(v))
    if rx is None:
        rx = re.compile(r"(?:(?<![a-z])(" + v.type_word_re.pattern + r"))\s*(?:so\s*[:.]?\s*|\(\s*)?$")
        _TB_CACHE[id(v)] = rx
    return rx


_RUNS_CACHE: dict[int, re.Pattern[str] | None] = {}


def _type_before(v: Vocabulary, window: str) -> re.Match[str] | None:
    """`_type_before_re(v).search(window)`, begun where a match may begin: a match is a type word, each of whose
    words is a run of letters of its own, then at most 'số' and marks to the end. So it begins at one of the last
    (the most words of a type word) + 1 runs of letters of the window, found by a pattern read on the window reversed,
    which never looks back; the search engine would try all 160 positions. (Type words written otherwise than in
    letters and spaces: the plain search.)"""
    if id(v) not in _RUNS_CACHE:
        names = list(v.type_by_name)
        most = max((len(n.split()) for n in names), default=0)
        _RUNS_CACHE[id(v)] = None if any(re.fullmatch(r"[a-z]+(?: [a-z]+)*", n) is None for n in names) \
            else re.compile(r"[^a-z]*(?:[a-z]+[^a-z]*){0," + str(most + 1) + "}")
    runs = _RUNS_CACHE[id(v)]
    rx = _type_before_re(v)
    if runs is None:
        return rx.search(window)
    back = runs.match(window[::-1])
    return rx.search(window, len(window) - back.end() if back is not None else 0)


_ISSUER_AFTER = re.compile(r"[ \t\r\n]{0,3},?\s{0,3}(?:cua|do)\s+" + _ROLE)  # '… của (Bộ trưởng) Bộ Tài chính'


_CO_ISSUER = re.compile(r"[ \t\r\n]{0,3}(?:,|va)\s{0,3}" + _ROLE)


def _after(ctx: _Ctx, mention: Mention, limit_end: int) -> None:
    """Read the date, the issuer phrase and the subject that follow a mention."""
    low = ctx.low
    pos = mention.end
    m = _AFTER_DATE.match(low, pos, min(limit_end, pos + 60))
    if m:
        mention.date = _date(m)
        pos = m.end()
    elif mention.number is None:
        m = _AFTER_YEAR.match(low, pos, min(limit_end, pos + 20))
        if m:
            mention.year = int(m.group(1) or m.group(2))
            pos = m.end()
            if low[pos : pos + 1] == ")":
                pos += 1
    m = _ISSUER_AFTER.match(low, pos, min(limit_end, pos + 60))
    if m:
        a = ctx.v.agency_name_re.match(low, m.end(), min(limit_end, m.end() + 80))
        if a:
            ag = ctx.v.agency_for_name(ctx.low[a.start() : a.end()])
            if ag:
                mention.issuer = ag.id
                pos = a.end()
                # the other issuers of a joint text: '… của Bộ Lao động - Thương binh và Xã hội và Bộ Tài chính'
                while (j := _CO_ISSUER.match(low, pos, min(limit_end, pos + 30))) is not None:
                    a = ctx.v.agency_name_re.match(low, j.end(), min(limit_end, j.end() + 80))
                    if a is None or ctx.v.agency_for_name(ctx.low[a.start() : a.end()]) is None:
                        break
                    pos = a.end()
    if mention.date is None:  # "… của Chính phủ ngày 24/6/2022"
        m = _AFTER_DATE.match(low, pos, min(limit_end, pos + 60))
        if m:
            mention.date = _date(m)
            pos = m.end()
    mention.ext_end = pos
    m = _SUBJECT_START.match(low, pos, limit_end)
    if m:
        s = m.end()
        stop = _SUBJECT_STOP.search(low, s, min(limit_end, s + 400))
        e = stop.start() if stop else min(limit_end, s + 400)
        if e - s >= 6:
            mention.title = _squash(ctx.text[s:e])
            mention.title_end = e


_ON_BEHALF = re.compile(r"thua\s+(?:uy|u?y)\s+quyen\s+(?:cua\s+)?")  # 'Thừa ủy quyền (của) …'


_AGENCY_BEFORE_VERB = re.compile(r"(?:da\s+|vua\s+|se\s+|cung\s+)*(?:ky\s+ban\s+hanh|ban\s+hanh|ky)\s*$")


_STOP = re.compile(r"[.;]")


def _issuer_before(ctx: _Ctx, mention: Mention, sent_start: int) -> None:
    """'Bộ Chính trị ban hành Nghị quyết số 52-NQ/TW', 'Thừa ủy quyền của Chính phủ, Bộ trưởng … đã ký …'."""
    low = ctx.low
    a = max(sent_start, mention.start - 200)
    seg = low[a : mention.start]
    auth = list(_ON_BEHALF.finditer(seg)) if "thua" in seg else []
    if auth:
        am = ctx.v.agency_name_re.match(seg, auth[-1].end())
        if am:
            ag = ctx.v.agency_for_name(am.group())
            if ag:
                mention.issuer = mention.issuer or ag.id
                return
    # anchored at the end: search only the last words, or a long run of spaces makes it quadratic
    verb = _AGENCY_BEFORE_VERB.search(seg, max(0, len(seg.rstrip()) - 50))
    if not verb:
        return
    head = seg[: verb.start()]
    last = None
    for am in ctx.v.agency_name_re.finditer(head):
        last = am
    if last is not None and len(head) - last.end() <= 30 and not _STOP.search(head, last.end()):
        ag = ctx.v.agency_for_name(last.group())
        if ag and mention.issuer is None:
            mention.issuer = ag.id


# 'Ngày 20/5/2022,' opening a sentence (bounded runs of spaces: searched over one, the pattern stays linear)
_DATE_OPENS = re.compile(r"\s{0,40}(?:[a-z ]{0,20},\s{0,40})?ngay\s{1,40}" + "(?:" + _DATE_NUM + "|" + _DATE_WORDS + r")\s{0,40},")

_ISSUED_AT_END = re.compile(r"\b(?:ban\s+hanh|ky)\s*$")  # '… đã ban hành', '… đã ký'


def _date_before(ctx: _Ctx, mention: Mention, sent_start: int, first_in_sentence: bool) -> None:
    """'Ngày 20/5/2022, Bộ trưởng Bộ TT&TT đã ban hành Quyết định số 922/QĐ-BTTTT'."""
    if mention.date is not None or not first_in_sentence:
        return
    seg = ctx.low[sent_start : mention.start]
    m = _DATE_OPENS.match(seg)
    if m and _ISSUED_AT_END.search(seg[m.end() :]) and len(seg) - m.end() < 120:
        mention.date = _date(m)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans joined where they overlap, in order: whether a position is inside one is a bisection."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def find_mentions(ctx: _Ctx, sentences: list[tuple[int, int]]) -> list[Mention]:
    """All mentions, in text order: numbers, laws by name, self references ('Nghị định này'); a mention inside
    another's subject phrase is nested in it; issuers and dates stated before a mention are read."""
    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 else (0, len(ctx.low))

    out = _numbered(ctx, sentence_of)
    for mention, sent_end in named_laws(ctx, sentence_of, _merged([(m.start, m.end) for m in out])):
        if sent_end is not None:
            _after(ctx, mention, sent_end)
            if mention.date is not None:
                mention.year = mention.date.year
        out.append(mention)
    out.extend(_short_references(ctx, _merged([(m.start, m.end) for m in out]), sentence_of))
    out.extend(_self_references(ctx))
    out.sort(key=lambda x: (x.start, -x.end))
    out = _without_overlaps(out)
    _nest(out)
    _title_dates_to_their_laws(out)
    # issuers and dates stated before a mention
    for i, mt in enumerate(out):
        if mt.self_ref:
            continue
        s0, _ = sentence_of(mt.start)
        _issuer_before(ctx, mt, s0)
        first = not any(o.start >= s0 and o.start < mt.start and not o.self_ref for o in out[max(0, i - 8) : i])
        _date_before(ctx, mt, s0, first)
    return out


def _numbered(ctx: _Ctx, sentence_of: Callable[[int], tuple[int, int]]) -> list[Mention]:
    """The numbers cited as documents, with what follows each (date, issuer, subject; an amending law's title)."""
    out: list[Mention] = []
    for nm in scan(ctx.folded, ctx.v):
        mention = _numbered_mention(ctx, nm)
        if mention is None:
            continue
        _, s1 = sentence_of(nm.start)
        _after(ctx, mention, s1)
        if mention.name is None and mention.type_id == ctx.v.role("law"):
            _amending_title(ctx, mention, s1)
        out.append(mention)
    return out


def _amending_title(ctx: _Ctx, mention: Mention, sent_end: int) -> None:
    """'Luật số 67/2020/QH14 sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm 2020':
    the title after the number is the amending law's name and subject, and the date after the title is its date."""
    got = _amending_name(ctx, mention, sent_end)
    if got is None:
        return
    mention.name, s, e = got
    mention.title = _squash(ctx.text[s:e])
    mention.title_end = e
    d = _AFTER_DATE.match(ctx.low, e, min(sent_end, e + 60))
    if d is not None and mention.date is None:
        mention.date = _date(d)
        mention.title_dated = True


def _title_dates_to_their_laws(out: list[Mention]) -> None:
    """The date after an amending law's title is not the last law the title names: that one is named undated."""
    dated = {(m.ext_end, m.title_end) for m in out if m.title_dated}
    for mt in out:
        if mt.number is None and mt.date is not None and mt.parent_title in dated:
            mt.date, mt.year, mt.ext_end = None, None, mt.end


_SO_BEFORE = re.compile(r"(?:^|[^a-z])so\s*[:.]?\s*$")  # 'số', 'số:' in the last characters before a number

_TRAILING_DIGITS = re.compile(r"\d+$")  # 'QH15' -> 'QH'


def _numbered_mention(ctx: _Ctx, nm: NumberMatch) -> Mention | None:
    """A number as a mention with its type — from the number's code, the type word before it, the default of its
    issuer's code — or None when it is not cited as a document (a form, a technical standard, a table code)."""
    v = ctx.v
    n = nm.number
    type_id, start, name, title_before = _type_word_before(ctx, nm.start)
    written = ctx.text[nm.start : nm.end]
    tc = n.type_code
    code_type = v.type_by_code.get(tc) if tc else None
    if n.party:
        code_type = v.type_by_code.get(n.code[0])
    if n.year is None and type_id is None and _A_FORM.search(ctx.low, max(0, nm.start - 20), nm.start):
        return None  # a form, even with a type's code: 'Thông báo … mẫu số 27/TB-ĐKT ban hành kèm theo Thông tư này'
    if (n.year is None and type_id is None and not n.party and v.agency_for_code(n.code[-1]) is None
            and not _SO_BEFORE.search(ctx.low[max(0, nm.start - 8) : nm.start])):
        return None  # a form's code in a table, no type word, no 'số', no known issuer: '805/TTr-Sở'
    mention = Mention(start=start, end=nm.end, ext_end=nm.end, number=n, written=written, name=name,
                      title_before=title_before)
    if code_type is not None:
        mention.type_id = code_type.id
        mention.type_from_code = True
    elif type_id is not None and type_id not in (v.role("letter"), v.role("unknown")):
        mention.type_id = type_id
    elif n.year is not None and v.default_type_for_code.get(_TRAILING_DIGITS.sub("", n.code[-1])):
        mention.type_id = v.default_type_for_code[_TRAILING_DIGITS.sub("", n.code[-1])].id
    elif n.year is None and (v.agency_for_code(n.code[0]) is not None or type_id == v.role("letter")):
        mention.type_id = v.role("letter")  # a number with no type code: an administrative letter
    elif type_id is None and _NOT_A_DOCUMENT.search(ctx.low[max(0, nm.start - 30) : nm.start]):
        return None  # a form, a technical standard, a table code: 'Mẫu số 41/UQ-ĐKT', 'QCVN 01/2008/BLĐTBXH'
    elif type_id is None and not _SO_BEFORE.search(ctx.low[max(0, nm.start - 8) : nm.start]):
        return None  # a bare code with neither a type (word or code) nor 'số' in front is not cited as a document
    else:
        mention.type_id = type_id or v.role("unknown")
    return mention


# a type word and a bare ordinal: 'Điều 21 Nghị định số 59', 'khoản 2 Điều 26 … Nghị định 85', 'Thông tư 108' (not a
# number with a code, a date, a year, an amount: '… số 59/2011/…', 'Nghị định 2020', 'Nghị quyết 18 tháng …')
_SHORT_WORDS = (r"nghi\s+dinh", r"thong\s+tu", r"quyet\s+dinh", r"nghi\s+quyet", r"chi\s+thi")
_SHORT_REF = re.compile("(" + at_word_start(*_SHORT_WORDS) + r")[ \t]+(?:so[ \t]*)?"
                        r"(\d{1,4}[a-z]?)(?![\d/.,\-]|[ \t]*[/\-][ \t]*[\da-z])(?![ \t]+(?:thang|nam|ngay|%|lan)\b)")


def _any_case(word: str) -> str:
    """A folded type word's letters matched in either case: r'thong\\s+tu' -> r'[Tt][Hh][Oo][Nn][Gg]\\s+[Tt][Uu]'."""
    return r"\s+".join("".join(f"[{c.upper()}{c}]" for c in part) for part in word.split(r"\s+"))


# where a short reference may begin in the folded text: its type word's first letter written as a capital, the rest of
# the word in either case, then white space, 'số' perhaps, and a digit: what every match of _SHORT_REF holds (the
# folded text's letters are the lower-cased text's in their case; white space and digits are the same in both). One
# pattern per capital, each opening with it as a literal, which the engine skips to faster than to any of a class
# (0.31 s to 0.09 s over the corpus); a match is the capital alone, so every capital where one holds is a match.
_SHORT_START = tuple(re.compile(rf"{c}(?=(?:" + "|".join(_any_case(w[1:]) for w in _SHORT_WORDS if w[0].upper() == c)
                                + r")[ \t]+(?:[Ss][Oo][ \t]*)?\d)")
                     for c in dict.fromkeys(w[0].upper() for w in _SHORT_WORDS))


_A_YEAR = re.compile(r"(?:19|20)\d\d")


def _short_refs(ctx: _Ctx) -> Iterator[re.Match[str]]:
    """The matches of _SHORT_REF in ctx.low whose type word is written with a capital: _SHORT_REF tried at each capital
    N, T, Q and C of the folded text (the only characters that are upper case there and whose lower case is n, t, q or
    c), but only where a pattern of _SHORT_START finds one (trying every capital cost 1.0 s over the corpus, which
    holds 11 short references; this way 0.2 s). _SHORT_START, zero-width after the capital, asks only what _SHORT_REF
    asks of the folded text in either case, so it leaves out no capital where _SHORT_REF matches. (Each capital is
    tried on its own, not after the match before it ends: 'nghị định 59NGHỊ ĐỊNH 59' gives the capital one.)"""
    for at in sorted(c.start() for rx in _SHORT_START for c in rx.finditer(ctx.folded)):
        m = _SHORT_REF.match(ctx.low, at)
        if m is not None:
            yield m


# older texts write the ordinal and the issuer's code apart: 'Quyết định số 167 HĐ/CTN', 'Thông tư số 43 TC/QLCS',
# 'Quyết định số 150 CP' (167-HĐ/CTN, 43-TC/QLCS, 150/CP); the code in capitals, a part of it a known body's
_SPACED_CODE = re.compile(r"[ \t]{1,3}([A-Z][A-Z&]{0,7}(?:/[A-Z][A-Z&]{0,9}){0,3})(?![A-Za-z0-9/&-])")


def _spaced_number(ctx: _Ctx, m: re.Match[str], type_id: str | None,
                   sentence_of: Callable[[int], tuple[int, int]]) -> Mention | None:
    """The number of an older text written with a space between its ordinal and its code, with what follows it."""
    c = _SPACED_CODE.match(ctx.folded, m.end())
    if c is None or not any(ctx.v.agency_for_code(part) for part in c.group(1).split("/")):
        return None
    written = ctx.text[m.start(2) : m.end(2)] + "-" + ctx.text[c.start(1) : c.end(1)]
    try:
        n = parse(written)
    except NumberError:
        try:
            n = parse(written.replace("-", "/", 1))
        except NumberError:
            return None
    mention = Mention(start=m.start(), end=c.end(), ext_end=c.end(), number=n, type_id=type_id,
                      written=ctx.text[m.start(2) : c.end()])
    _after(ctx, mention, sentence_of(m.start())[1])
    return mention


def _short_references(ctx: _Ctx, covered: list[tuple[int, int]],
                      sentence_of: Callable[[int], tuple[int, int]]) -> list[Mention]:
    """A type word written with a capital, then a bare ordinal: a document the text names in full elsewhere, read as it
    in `resolve_short` ('… theo quy định tại khoản 1 Điều 24 Nghị định số 59 …'); or, with an issuer's code after a
    space, an older text's number ('Quyết định số 167 HĐ/CTN')."""
    starts = [a for a, _ in covered]
    out = []
    for m in _short_refs(ctx):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < covered[k][1]:
            continue
        if _A_YEAR.fullmatch(m.group(2)):
            continue  # a year: 'Nghị quyết 2024'
        t = ctx.v.type_for_word(m.group(1))
        spaced = _spaced_number(ctx, m, t.id if t else None, sentence_of)
        if spaced is not None:
            out.append(spaced)
            continue
        out.append(Mention(start=m.start(), end=m.end(), ext_end=m.end(), type_id=t.id if t else None,
                           written=ctx.text[m.start() : m.end()], short=m.group(2).lstrip("0") or "0"))
    return out


def resolve_short(mentions: list[Mention]) -> list[tuple[Mention, list[Mention]]]:
    """A short reference is the text's document of its type and ordinal named in full ('Nghị định số 59/2011/NĐ-CP …
    Điều 21 Nghị định số 59'): it takes that number and date. Those the text names in full nowhere, or under several
    documents, are returned with their candidates (and are not read as documents)."""
    full: dict[tuple[str | None, str], dict[str, Mention]] = {}
    for m in mentions:
        if m.number is not None and not m.number.party:
            full.setdefault((m.type_id, m.number.ordinal.lstrip("0").lower() or "0"), {})[m.number.base] = m
    unresolved = []
    for m in mentions:
        if m.short is None:
            continue
        cands = list(full.get((m.type_id, m.short), {}).values())
        if len(cands) == 1:
            m.number, m.date, m.issuer = cands[0].number, cands[0].date, cands[0].issuer
        else:
            unresolved.append((m, cands))
    return unresolved


# the type word of a document taken up again, before what it does: 'Nghị định có hiệu lực …', 'Luật mới thay thế …',
# 'Văn bản này …' (and, in news, 'Nghị định này')
_ANAPHOR = re.compile(
    "(" + at_word_start(r"nghi\s+dinh", r"thong\s+tu(?:\s+lien\s+tich)?", r"quyet\s+dinh", r"nghi\s+quyet", r"chi\s+thi",
                        r"bo\s+luat", r"luat", r"phap\s+lenh", r"van\s+ban")
    + r")(?:\s+(?:moi|nay))?(?=\s+(?:(?:da|se|cung|van|chinh\s+thuc|chi)\s+)?(?:co\s+hieu\s+luc|het\s+hieu\s+luc|"
    r"thay\s+the|bai\s+bo|sua\s+doi|bo\s+sung|quy\s+dinh|huong\s+dan|duoc|gom|bao\s+gom|ap\s+dung)\b)")


def resolve_anaphors(ctx: _Ctx, mentions: list[Mention]) -> list[Mention]:
    """In a text that is not itself a legal document (news), a type word taken up again ('Nghị định có hiệu lực từ
    …', 'Luật mới thay thế …', 'văn bản này') is the last document of that type (any, for 'văn bản') named before it in
    the same paragraph: a copy of that mention written as the type word. None named there: no mention."""
    out = [m for m in mentions if not m.self_ref]
    named = [m for m in out if m.number is not None or m.name is not None]
    starts = [m.start for m in out]
    for a in _ANAPHOR.finditer(ctx.low):
        if not ctx.folded[a.start()].isupper() and not ctx.low.startswith("nay", a.end() - 3):
            continue  # 'quyết định có …' (to decide), not 'Quyết định …'
        k = bisect.bisect_right(starts, a.start()) - 1
        if k >= 0 and a.start() < out[k].end and not out[k].self_ref:
            continue  # a word of a mention ('Luật Đất đai có hiệu lực')
        para = ctx.low.rfind("\n", 0, a.start()) + 1
        t = ctx.v.type_for_word(a.group(1))
        kinds = {ctx.v.kind_of(t.id)} if t is not None and t.id != ctx.v.role("unknown") else None
        before = [m for m in named if para <= m.start < a.start() and (kinds is None or ctx.v.kind_of(m.type_id) in kinds)]
        if before:
            ante = before[-1]
            out.append(dataclasses.replace(ante, start=a.start(), end=a.end(), ext_end=a.end(), title=None,
                                           title_end=-1, nested=False, parent_title=None, anaphor=True,
                                           written=ctx.text[a.start() : a.end()], title_before=-1))
    out.sort(key=lambda x: (x.start, -x.end))
    return out


def _self_references(ctx: _Ctx) -> list[Mention]:
    """'Nghị định này', 'Thông tư này': the text itself, or, in a quote, the text that wrote it."""
    out = []
    for start, words_end, end in self_references(ctx.low):  # the matches of _SELF_RE, found faster
        t = ctx.v.type_for_word(ctx.low[start:words_end])
        out.append(Mention(start=start, end=end, ext_end=end, self_ref=True,
                           type_id=t.id if t else None, written=ctx.text[start:end]))
    return out


def _without_overlaps(out: list[Mention]) -> list[Mention]:
    """Mentions in text order without named-law mentions inside another mention (the name of an amending law holds
    the laws it amends); a number wins over a name overlapping it."""
    kept: list[Mention] = []
    for mt in out:
        if kept and mt.start < kept[-1].end and not mt.self_ref:
            if mt.number is not None and kept[-1].number is None:
                kept[-1] = mt
            continue
        kept.append(mt)
    return kept


def _nest(out: list[Mention]) -> None:
    """A mention inside another's subject phrase is part of that title, and so is one inside the title of an amending
    law written before its number ('Luật sửa đổi, bổ sung một số điều của Luật A, Luật B số N')."""
    for i, mt in enumerate(out):
        for prev in out[max(0, i - 6) : i]:
            if prev.title_end > mt.start >= prev.ext_end and not prev.self_ref:
                mt.nested = True
                mt.parent_title = (prev.ext_end, prev.title_end)
                break
    for i, mt in enumerate(out):
        if mt.title_before < 0:
            continue
        for inner in reversed(out[max(0, i - 12) : i]):
            if inner.start < mt.title_before:
                break
            if not inner.self_ref and not inner.nested:
                inner.nested = True
                inner.parent_title = (mt.title_before, mt.start)
