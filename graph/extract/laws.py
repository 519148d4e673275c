"""Laws, codes and ordinances named by their name ('Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015'), the titles of
amending laws ('Luật sửa đổi, bổ sung một số điều của Luật …'), and the Constitution."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator

from ..vocab import LawName, Vocabulary, fold, fold_lower, matches_at, name_words, occurrences
from .context import _Ctx, _squash, at_word_start
from .types import Mention

_NAMED_LAW = re.compile("(" + at_word_start(r"bo\s+luat", r"luat", r"phap\s+lenh", r"hien\s+phap") + r")\s+(?=\S)")


def _named_law_matches(low: str) -> Iterator[re.Match[str]]:
    """`_NAMED_LAW.finditer(low)`, tried only where a match may start: at each 'luat' and 'phap' (every match holds
    one), or at the 'bo' / 'hien' before it across white space; the engine's own scan would try each b, l, p and h."""
    starts: set[int] = set()
    for word, before in (("luat", "bo"), ("phap", "hien")):
        for q in occurrences(low, word):
            starts.add(q)
            i = q
            while i > 0 and low[i - 1].isspace():  # what '\s+' takes before the word
                i -= 1
            if i < q and low.startswith(before, i - len(before)):
                starts.add(i - len(before))
    return matches_at(_NAMED_LAW, low, sorted(starts))


_NAME_STOP = re.compile(
    r"\s(?:ngay|so(?=\s*[:.]?\s*\d)|duoc|da|nam\s+(?:19|20)\d\d|va\s+(?:bo\s+)?luat|quy\s+dinh|thi|co\s+hieu\s+luc|hien\s+hanh|"
    r"va\s+cac|ve|tai|theo|cua\s+quoc\s+hoi|nay|ban\s+hanh|sau\s+day|de|trong|do|nhu|la|voi|thong\s+qua|"
    r"va\s+van\s+ban|hoac|cho|bao\s+gom|gom|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|dieu\s+\d|"
    r"khoan\s+\d|diem\s+[a-zđ]\b|chuong\s+[ivxlc\d])\b|\s\d|[;:.()\[\]“”\"]|"
    r",\s*(?:(?:bo\s+)?luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet)\b|"
    r",\s(?=(?:ngay|so|duoc|da|co|va|theo|tai|trong|sau|ke|thi|nhung|con|nhu|bao|tru|la|khi|neu|cac|mot|do|ve)\b)|"
    r"\n\s*\n"
)


# a stop word of a law's name is the word written with its marks, not another that folds the same: 'Luật Bảo vệ
# môi trường' (vệ, not về), 'Luật Thủ đô' (đô, not do), 'Luật Đê điều' (đê, not để), 'Luật Đa dạng sinh học'
_STOP_AS_WRITTEN = {"ve": "về", "do": "do", "da": "đã", "de": "để", "tai": "tại", "la": "là", "trong": "trong",
                    "thi": "thì", "nhu": "như", "cho": "cho", "ngay": "ngày", "duoc": "được", "nay": "này",
                    "gom": "gồm", "hoac": "hoặc", "theo": "theo", "voi": "với", "so": "số", "sau": "sau",
                    "con": "còn", "khi": "khi", "neu": "nếu", "mot": "một", "bao": "bao", "co": "có", "ke": "kể",
                    "tru": "trừ", "nhung": "nhưng", "cac": "các"}


# what always ends a law's name ('ngày', 'số 31/…', 'năm 2019', 'được sửa đổi', the next law of a list, a mark),
# matched where a stop begins; not a word that may as well go on a phrase ('được giao', 'quy định', a comma): a name
# the vocabulary does not know is taken only when one of these ends it. Bounded space: a search cannot backtrack.
_DOC_WORD = r"(?:bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet)"


_NAME_DEFINED = re.compile(  # words that follow a law's name and nothing else: the name is sure
    r"[\s,]{0,4}(?:ngay|so\s*[:.]?\s*\d|nam\s+(?:19|20)\d\d|(?:19|20)\d\d(?!\d)|(?:da\s+)?duoc\s+sua\s+doi|"
    r"co\s+hieu\s+luc|hien\s+hanh|cua\s+quoc\s+hoi|thong\s+qua|(?:(?:va|hoac)\s+(?:cac\s+)?)?" + _DOC_WORD + r")\b"
)


_NAME_CLOSED = re.compile(  # … or a mark, which ends a name, or a phrase that ran on ('Luật X nộp hồ sơ.')
    _NAME_DEFINED.pattern + r"|[\s,]{0,4}[;:.()\[\]“”\"]|\n[ \t]{0,8}\n"
)


# a name the vocabulary does not know has at most this many words after its type word (the longest law title has 18,
# and every one that long is known); a longer one ran on into the sentence
_MAX_NAME_WORDS = 12


# the words after a known name that begin the rest of the sentence, not a longer name: 'Luật Đầu tư và mẫu báo cáo'
_AFTER_NAME = re.compile(
    r"\s{0,3},|\s{1,3}(?:sua\s+doi|so|ke|tren|duoi|thanh|va|hoac|cua|ve|theo|tai|cho|voi|de|o|tu|den|khi|ma|thi|la|co|duoc|da|nhung|cac|mot|sau|truoc|"
    r"trong|ngoai|bang|nham|phai|khong|nay|do|nhu|dong\s+thoi|ke\s+ca|tru)\b"
)


_OF_THE_LAWS = re.compile(r"(?<![a-z])cua\s+(?:cac\s+)?")  # '… một số điều của (các) Luật …'


_LAW_LIST_SEP = re.compile(r"\s{0,3}(?:,|va|hoac)\s{0,40}(?:,\s{0,3})?(?=(?:bo\s+luat|luat|phap\s+lenh)\b)")  # (a line padded with spaces: ",      \\nLuật")


# where an amending law's title ends: what always ends a name, or what begins the rest of the sentence ('về', 'quy
# định', 'hướng dẫn') — but a title may say what it amends before whose it is: 'Luật sửa đổi, bổ sung Điều 6 và Phụ
# lục 4 về Danh mục ngành, nghề … của Luật Đầu tư': its 'về' does not end it when 'của Luật …' follows before a hard stop
_SUA_DOI_HARD_STOP = re.compile(r"\s(?:ngay|so(?=\s*[:.]?\s*\d)|nam\s+(?:19|20)\d\d)\b|[;:()]|\.\s|\n\s*\n")


_SUA_DOI_SOFT_STOP = re.compile(r"\s(?:ve|quy\s+dinh|huong\s+dan)\b")


_SUA_DOI_NAME_STOP = re.compile(_SUA_DOI_HARD_STOP.pattern + "|" + _SUA_DOI_SOFT_STOP.pattern)


_IN_A_BASIS = re.compile(r"(?:(?<![a-z])can\s+cu|;)\s*$")  # searched before a law's name, up to it


_SMALL_NAME_DATED = re.compile(r"[\s,]{0,4}(?:ngay\s+\d|nam\s+(?:19|20)\d\d(?!\d))")


_OF_A_LAW = re.compile(r"(?<![a-z])cua\s+(?:cac\s+)?(?:bo\s+luat|luat|phap\s+lenh)\s")


def _name_stop(ctx: _Ctx, rx: re.Pattern[str], s: int, end: int) -> re.Match[str] | None:
    """Where a law's name ends: the first stop of rx in low[s:end] that is written as the stop word."""
    pos = s
    while (m := rx.search(ctx.low, pos, end)) is not None:
        w = re.match(r"[\s,]*([a-z]+)", ctx.low[m.start() : m.start() + 12])
        want = _STOP_AS_WRITTEN.get(w.group(1)) if w else None
        if w is not None and want is not None:
            a = m.start() + w.start(1)
            if ctx.text[a : a + len(want)].lower() != want:
                pos = m.start() + 1
                continue
        return m
    return None


def _amending_stop(ctx: _Ctx, s: int, limit: int) -> re.Match[str] | None:
    """Where the title of an amending law that begins at s ends, read on past what it amends to whose it is."""
    stop = _name_stop(ctx, _SUA_DOI_NAME_STOP, s, limit)
    if stop is None or not _SUA_DOI_SOFT_STOP.match(ctx.low, stop.start()) or _OF_THE_LAWS.search(ctx.low, s, stop.start()):
        return stop
    hard = _SUA_DOI_HARD_STOP.search(ctx.low, stop.start(), limit)
    of = _OF_A_LAW.search(ctx.low, stop.start(), hard.start() if hard else limit)
    return stop if of is None else _name_stop(ctx, _SUA_DOI_NAME_STOP, of.start(), limit)


# words that lead the rest of a sentence, not more of a name: 'Luật Bảo vệ môi trường hoạt động trước ngày …'
_FUNCTION_WORDS = frozenset("truoc sau tai cua theo ve tu den khi de cho voi va hoac thi la co duoc da se nay do".split())


def _longer_name(low: str, known_end: int, end: int, closed: bool, sure: bool) -> bool:
    """Whether the words a text writes after a known name ('Luật Đầu tư' + 'công;') are more of one name the
    vocabulary does not know, on the same line and not beginning the rest of the sentence ('Luật Đầu tư và …', 'Luật
    Bảo vệ môi trường hoạt động trước ngày …'): one word followed by what always ends a name, or, before what only
    follows a name, up to two words none of which leads the rest of a sentence ('Luật Phá sản doanh nghiệp ngày
    30 tháng 12 năm 1993' is not 'Luật Phá sản'; 'Luật Đầu tư nước ngoài ngày 12 tháng 11 năm 1996' is not 'Luật Đầu
    tư')."""
    ext = low[known_end:end]
    words = name_words(ext)
    return ((closed and len(words) == 1) or (sure and 1 <= len(words) <= 2 and not _FUNCTION_WORDS.intersection(words))) \
        and "\n" not in ext and _AFTER_NAME.match(low, known_end) is None



def _written_as_listed(ctx: _Ctx, start: int, end: int, law: LawName) -> bool:
    """Whether a listed name read at text[start:end] has its stop words as written: 'Luật được …' (the passive) is
    not 'Luật Dược' (pharmacy), though both fold to 'luat duoc'."""
    listed = {w for n in (law.name, *law.aliases) for w in n.lower().split()}
    for w in ctx.text[start:end].lower().split():
        want = _STOP_AS_WRITTEN.get(fold(w))
        if want is not None and w == want and w not in listed:
            return False
    return True


def _amended_laws_end(ctx: _Ctx, s: int, e: int, closed: bool) -> tuple[int, bool]:
    """Where the name of an amending law ends: after the known laws it lists ('Luật sửa đổi, bổ sung một số điều
    của Luật Tần số vô tuyến điện' and not '… hồ sơ đề nghị cấp giấy phép'), or as read when it lists none or one
    the vocabulary does not know."""
    low = ctx.low
    c = _OF_THE_LAWS.search(low, s, e)
    if c is None:
        return e, closed
    pos, last = c.end(), -1
    while (at := ctx.v.law_name_at(low, pos)) is not None:
        last = at[0]
        sep = _LAW_LIST_SEP.match(low, last)
        if sep is None:
            break
        pos = sep.end()
    if last < 0:
        return e, closed
    if last < e and re.match(r"[\s,]{0,6}(?:(?:va|hoac)\s{1,3})?(?:bo\s+luat|luat|phap\s+lenh)\s+(?!sua\s+doi)", low[last:e]):
        return e, closed  # a law further in the list that the vocabulary does not know
    return last, True


def _without_trailing_conjunction(low: str, s: int, e: int) -> int:
    """Where a name in low[s:e] ends without the commas and 'và' / 'hoặc' it was cut after ('Luật Doanh nghiệp và
    quy định …' -> 'Luật Doanh nghiệp'). For the bounded span of a name only."""
    return s + len(re.sub(r"(?:\s*,|\s+(?:va|hoac))+\s*$", "", low[s:e]))


# 'Luật số 46/2014/QH13 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế, có hiệu lực …': the number, then the
# amending law's title, which is its name ('Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế')
_AMENDING_AFTER_NUMBER = re.compile(r"[ \t\r\n]{0,3}(?=sua\s+doi\s*,?\s+bo\s+sung\s+mot\s+so\s+dieu\s)")


_AMENDING_NAME_END = re.compile(r"[ \t]{0,3},\s{0,3}(?:co\s+hieu\s+luc|duoc|da|co\s+can\s+cu|ke\s+tu|thi)(?![a-z])|"
                                r"\s(?:co\s+hieu\s+luc|co\s+can\s+cu|duoc|da)(?![a-z])|"
                                r"[ \t]{0,3}\n[ \t]{0,3}\d{1,2}/\d{1,2}/(?:19|20)\d\d")  # a table's next cell, a date


def _amending_name(ctx: _Ctx, mention: Mention, sent_end: int) -> tuple[str, int, int] | None:
    """The name of an amending law cited by its number with its title after it, and where that title begins and ends,
    when where it ends can be told: after the known laws it lists, or at what always follows a title ('có hiệu lực',
    'được', 'ngày', a mark)."""
    at = _AMENDING_AFTER_NUMBER.match(ctx.low, mention.ext_end) or _AMENDING_AFTER_NUMBER.match(ctx.low, mention.end)
    if at is None:
        return None
    s = at.end()
    limit = min(sent_end, s + 300)
    stop = _amending_stop(ctx, s, limit)
    e = stop.start() if stop else limit
    end = _AMENDING_NAME_END.search(ctx.low, s, e)
    e = end.start() if end else e
    # (the end of the sentence is no end: a table row runs on into the next cells, '… quy hoạch 01/01/2019 Nội dung')
    e, closed = _amended_laws_end(ctx, s, e, stop is not None or end is not None)
    e = _without_trailing_conjunction(ctx.low, s, e)
    if not closed or not _OF_THE_LAWS.search(ctx.low, s, e):
        return None
    title = _squash(ctx.text[s:e])
    return "Luật " + title[:1].lower() + title[1:], s, e  # 'Sửa đổi, bổ sung …' in a table: 'Luật sửa đổi, bổ sung …'


# 'Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam (năm 2013)', 'Hiến pháp năm 1992', 'Hiến pháp 2013'
_CONSTITUTION = re.compile(r"hien\s+phap(\s+nuoc\s+cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam)?"
                           r"(?:[ \t\r\n]{0,3}\(?[ \t]{0,3}(?:nam\s+)?((?:19|20)\d\d)(?![\d/.-]\d))?")


def _constitution(ctx: _Ctx, start: int) -> Mention | None:
    """The Constitution, when a text names it: with a capital ('hiến pháp và pháp luật' is the law in general) and
    either the country or the year of a Constitution; a mention without a year takes it from the text's date later."""
    m = _CONSTITUTION.match(ctx.low, start)
    if m is None or ctx.folded[start] != "H" or not (m.group(1) or m.group(2)):
        return None
    law = ctx.v.law_name_at("hien phap", 0)
    year = int(m.group(2)) if m.group(2) else None
    if law is None or (year is not None and year not in dict(ctx.v.constitutions)):
        return None
    return Mention(start=start, end=m.end(), ext_end=m.end(), name=law[1].name, written=_squash(ctx.text[start : m.end()]),
                   type_id=ctx.v.role("constitution"), year=year)


def _constitution_year(v: Vocabulary, writer: Mention | None) -> int | None:
    """The Constitution that applied when a text was written: on its date, or through all of its year; None when
    that is not known (a text without a date, one of 2013 without its day)."""
    if writer is None:
        return None
    if writer.date is not None:
        return v.constitution_on(writer.date)
    year = writer.number.year if writer.number is not None and writer.number.year else writer.year
    if year is None:
        return None
    first, last = v.constitution_on(dt.date(year, 1, 1)), v.constitution_on(dt.date(year, 12, 31))
    return first if first == last else None


_CONVENTION_ON = re.compile(r"(?<![a-z])cong\s+uoc(?:[^.;:\n]|\n(?![ \t]*\n)){0,70}?\sve\s+$")


_LAW_WORD_IN_LIST = re.compile(r"(?<![a-z])(?:bo\s+luat|luat|phap\s+lenh)\s")


# what stands between a law's name and its number: 'số', '(sửa đổi) số', or nothing ('Luật Thống kê 04/2003/QH11')
_NUMBER_LEAD = re.compile(r"(?:[ \t]*\(\s*sua\s+doi(?:,\s*bo\s+sung)?\s*\))?(?:\s+so\s*[:.]?)?\s*$")
_LAW_TYPE_WORD = re.compile(r"(?<![a-z])(?:bo\s+luat|luat|phap\s+lenh)(?=\s+\S)")


# an amending law's title before its number, which a Gazette line may break ('… Luật Tiếp công dân, Luật\nKhiếu nại')
_AMENDING_BEFORE_NUMBER = re.compile(r"(?<![a-z])(bo\s+luat|luat|phap\s+lenh)\s+(sua\s+doi(?:[^;:()\n]|\n(?![ \t]*\n)){2,380}?)"
                                     r"\s+so\s*[:.]?\s*$")


_AMENDS_LAW = re.compile(r"sua\s+doi(?:\s*,?\s*bo\s+sung)?\s+(?=(?:bo\s+luat|luat|phap\s+lenh)\s)")
_AMENDING_TITLE_OPENS = re.compile(r"(?<![a-z])(?:bo\s+luat|luat|phap\s+lenh)\s+sua\s+doi")


def _legislative(m: Mention, v: Vocabulary) -> bool:
    """A text of the legislature (a law, a code, the Constitution, or numbered with a legislature's code, QH15,
    UBTVQH14: `Vocabulary.legislature_codes`): only such a text amends another such text."""
    if m.type_id in v.legislative_types:
        return True
    code = re.fullmatch(r"([A-Z]+)\d*", fold(m.number.code[-1]).upper()) if m.number is not None else None
    return code is not None and code.group(1) in v.legislature_codes


def named_laws(ctx: _Ctx, sentence_of: Callable[[int], tuple[int, int]],
               covered: list[tuple[int, int]]) -> Iterator[tuple[Mention, int | None]]:
    """Laws, codes, ordinances and the Constitution cited by name, outside the numbered mentions' spans (`covered`,
    merged and in order), each with the end of its sentence, up to which what follows it is read (None for the
    Constitution)."""
    covered_starts = [a for a, _ in covered]
    for m in _named_law_matches(ctx.low):
        k = bisect.bisect_right(covered_starts, m.start()) - 1
        if k >= 0 and m.start() < covered[k][1]:
            continue  # part of a numbered mention: 'Luật Bảo hiểm y tế số 25/2008/QH12'
        if m.group(1).startswith("hien"):
            c = _constitution(ctx, m.start())
            if c is not None:
                yield c, None
            continue
        if not _may_be_named(ctx, m):
            continue
        sent = sentence_of(m.start())
        mention = _named_law(ctx, m, sent)
        if mention is not None:
            yield mention, sent[1]


_SUA_DOI_AT = re.compile(r"sua\s+doi(?![a-z])")


def _small(ctx: _Ctx, m: re.Match[str]) -> bool:
    """Whether a name is written in small letters after its type word ('Luật tổ chức Chính phủ')."""
    s = m.end()
    return not ctx.folded[s : s + 1].isupper() and not _SUA_DOI_AT.match(ctx.low, s)


def _lawyer(ctx: _Ctx, s: int) -> bool:
    """Whether 'sư' is written at s ('luật sư', a lawyer: no law's name), as written: 'Luật Sử dụng năng lượng tiết
    kiệm và hiệu quả' folds to the same letters."""
    return bool(re.match(r"su(?![a-z])", ctx.low[s : s + 3])) and ctx.text[s : s + 2].lower() == "sư"


def _may_be_named(ctx: _Ctx, m: re.Match[str]) -> bool:
    """Whether the type word at m may begin a law's name, not the law in general or a heading."""
    s = m.end()
    # older texts write a name in small letters ('Căn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;', 'Luật này
    # thay thế Luật tổ chức Hội đồng Chính phủ ngày 14 tháng 7 năm 1960'): taken where a date ends it (below), or when
    # the list of laws knows it ('theo quy định của Luật kinh doanh bảo hiểm'); a type word in small letters is the law
    # in general ('luật sư', 'pháp luật')
    if not ctx.folded[m.start()].isupper():
        return False  # 'pháp luật Việt Nam', 'luật sư': the law in general, not a law's name
    if re.search(r"(?<![a-z])(?:phap|ky|hoa)\s+$", ctx.low[max(0, m.start() - 8) : m.start()]) or _lawyer(ctx, s):
        return False  # 'VĂN BẢN PHÁP LUẬT KHÁC', 'KỶ LUẬT LAO ĐỘNG', 'LĨNH VỰC LUẬT SƯ', 'Hòa Luật Nam': not a law
    if _CONVENTION_ON.search(ctx.low, max(0, m.start() - 90), m.start()):
        return False  # 'Công ước Liên hợp quốc về Luật Biển': an international convention's subject, not a Vietnamese law
    word = ctx.folded[m.start() : m.end(1)]
    # 'LUẬT' alone on its line: the type line of the text's own header, its title below
    return not (word.isupper() and not ctx.folded[m.end(1) : ctx.folded.find("\n", m.end(1)) % (len(ctx.folded) + 1)].strip())


def _name_end(ctx: _Ctx, m: re.Match[str], sent: tuple[int, int]) -> tuple[int, bool, bool, LawName | None]:
    """Where the name that begins at m ends; whether what always follows a name ends it (closed) or what only a name
    is followed by (sure); and the listed law it is, if any."""
    s = m.end()
    amending = bool(_SUA_DOI_AT.match(ctx.low, s))  # (a line may break it: 'Luật sửa \nđổi, bổ sung …')
    limit = min(sent[1], s + (300 if amending else 120))
    # "Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y ngày 22 tháng 11 năm 2019"
    stop = _amending_stop(ctx, s, limit) if amending else _name_stop(ctx, _NAME_STOP, s, limit)
    e = stop.start() if stop else limit
    # whether something that always follows a name ends it ('ngày', 'số 31/…', 'năm 2019', a mark, …), or only
    # a word that may as well go on a longer phrase ('Luật Bảo hiểm xã hội nộp hồ sơ …', 'Luật Trồng trọt, Cơ quan')
    closed = (stop is None and e == sent[1]) or (stop is not None and bool(_NAME_CLOSED.match(ctx.low, stop.start())))
    sure = stop is not None and bool(_NAME_DEFINED.match(ctx.low, stop.start()))
    # 'Luật Doanh nghiệp và quy định …': the conjunction before the stop is not part of the name
    e = _without_trailing_conjunction(ctx.low, m.start(), e)
    e = m.start() + len(re.sub(r"(?<=[a-z])\d{1,2}$", "", ctx.low[m.start() : e]))  # a footnote mark: 'động1'
    known: LawName | None = None
    if amending:
        e, closed = _amended_laws_end(ctx, s, e, closed)
        sure = sure or closed
    else:
        at = ctx.v.law_name_at(ctx.low, m.start())
        if at is not None and not _written_as_listed(ctx, m.start(), at[0], at[1]):
            at = None
        if at is not None and (at[0] >= e or not _longer_name(ctx.low, at[0], e, closed, sure)):
            e, known, closed, sure = at[0], at[1], True, True  # the known name, whatever words follow it
        elif at is None and len(name_words(ctx.low[s:e])) > _MAX_NAME_WORDS:
            closed = False
    return e, closed, sure, known


_NOT_A_NAME_START = re.compile(r"(?:nay|moi|hien\s+hanh|do|da|duoc|se|co|quy\s+dinh)(?![a-z])")
_MAX_SMALL_NAME_WORDS = 8  # 'Luật tổ chức Hội đồng Chính phủ' has 5


def _named_law(ctx: _Ctx, m: re.Match[str], sent: tuple[int, int]) -> Mention | None:
    """The mention of the law named at m, or None when where its name ends cannot be told or a number follows."""
    e, closed, sure, known = _name_end(ctx, m, sent)
    if _small(ctx, m) and known is None and (not _SMALL_NAME_DATED.match(ctx.low, e) or _NOT_A_NAME_START.match(
            ctx.low, m.end()) or len(name_words(ctx.low[m.end() : e])) > _MAX_SMALL_NAME_WORDS):
        # a name in small letters that no date ends: where it ends cannot be told; nor is 'Luật này thực hiện … từ
        # ngày …' (the text itself) a name, nor a long phrase before a date
        return None
    name = _squash(ctx.text[m.start() : e])
    if len(name) - len(m.group()) < 3 or re.fullmatch(r"(?i)(bộ luật|luật|pháp lệnh|hiến pháp) nay", fold_lower(name)):
        return None
    if re.search(r"\bnay$", fold_lower(name)):
        return None
    # "(sửa đổi)" belongs to the name: Luật Giao dịch điện tử (sửa đổi); so does 'Luật Nhà ở sửa đổi năm 2023'
    tail = re.match(r"\s*(?:\(\s*sua\s+doi(?:,\s*bo\s+sung)?\s*\)|sua\s+doi(?=\s*(?:[,;.)]|nam\s+\d|$)))",
                    ctx.low[e : e + 30])
    end = e + tail.end() if tail else e
    if tail:
        name = _squash(ctx.text[m.start() : end])
        closed = sure = True
    if re.match(r"\s*so\s*[:.]?\s*\d", ctx.low[end : end + 12]):
        return None  # numbered: the number scanner has it
    t = ctx.v.type_for_word(m.group(1))
    if known is not None:  # the name the vocabulary gives it, and a revision stays a revision: 'Luật Thủ đô (sửa đổi)'
        name, written = known.name + (" (sửa đổi)" if tail else ""), name
    else:
        written = name
    return Mention(start=m.start(), end=end, ext_end=end, name=name, written=written,
                   type_id=known.type_id if known else t.id if t else ctx.v.role("law"), name_closed=closed, name_sure=sure)


_NUMBER_WORD_NEXT = re.compile(r"[ \t\n]{1,4}số[ \t\n]")


def law_named_before(ctx: _Ctx, start: int) -> tuple[str | None, int, str | None, int] | None:
    """The law, code or ordinance named right before a number that begins at `start`, as (type, start of the name,
    name): 'Luật Ngân sách nhà nước số 01/2002/QH11', 'Pháp lệnh Bảo vệ và Kiểm dịch thực vật số 36/2001/PL-UBTVQH10'
    ('vệ' is not 'về'), 'Luật Ban hành văn bản quy phạm pháp luật số 17/2008/QH12', 'Luật Giao dịch điện tử (sửa đổi) số
    20/2023/QH15', 'Luật A, Luật B số N' (B's), 'Luật Thống kê 04/2003/QH11'; the number ends the name, so it may be
    written in small letters. An amending law's title names the number when it lists two laws or more ('Luật sửa
    đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo số 136/2025/QH15'); with one, the
    number may be that law's: (None, where 'số' begins, None). The fourth item is where an amending law's title, written
    before the number, begins (-1 for other names, which begin where the mention does). None when no law is named
    there."""
    amending = _amending_named_before(ctx, start)
    if amending is not None:
        return amending
    a = max(0, start - 160)
    window = ctx.low[a:start]
    lead = _NUMBER_LEAD.search(window)
    name_end = a + (lead.start() if lead else len(window))
    if name_end == start or not ctx.low[name_end - 1 : name_end].isalnum():
        # ('Luật Thống kê 04/2003/QH11': a number with neither 'số' nor '(sửa đổi)' before it only after a word)
        if lead is None or not lead.group().strip() or not ctx.low[name_end - 1 : name_end].strip():
            return None
    # the nearest law's type word in this sentence whose name reaches the number ('Luật Đất đai đã có hiệu lực. Luật
    # Ngân sách nhà nước số 83/2015/QH13' is not one name from the first 'Luật'); 'pháp luật', 'luật sư' are no names
    words = list(_LAW_TYPE_WORD.finditer(ctx.low, a + _after_last_period(window), name_end))
    tw = next((w for w in reversed(words) if ctx.folded[w.start()].isupper() and name_end - w.end() > 2
               and not _lawyer(ctx, w.end() + len(ctx.low[w.end() : w.end() + 4]) - len(ctx.low[w.end() : w.end() + 4].lstrip()))),
              None)  # 'Luật Luật sư số …': not 'Luật sư'
    # 'Luật số Luật số 32/2013/QH13' (a word written twice): 'số' opens a number, never a name (read with its
    # diacritics: 'Luật Sở hữu trí tuệ' folds to 'so' too)
    if tw is None or _NUMBER_WORD_NEXT.match(ctx.text, tw.end()):
        return None
    at = ctx.v.law_name_at(ctx.low, tw.start())
    if at is not None and at[0] > name_end and not ctx.low[at[0] : start].strip(" \t\n:."):
        return at[1].type_id, tw.start(), at[1].name, -1  # 'Luật Chuyển đổi số 148/2025/QH15': 'số' ends its name
    if at is not None and at[0] == name_end:  # a known name, stop words and all: 'Luật Đầu tư theo phương thức …'
        return at[1].type_id, tw.start(), at[1].name, -1
    if _name_stop(ctx, _NAME_STOP, tw.end(), name_end) is not None:
        return None
    t = ctx.v.type_for_word(tw.group())
    name = _squash(ctx.text[tw.start() : name_end])
    return (t.id if t else None), tw.start(), name, -1


def _amending_named_before(ctx: _Ctx, start: int) -> tuple[str | None, int, str | None, int] | None:
    """An amending law's title right before a number (see `law_named_before`)."""
    aw = max(0, start - 400)  # an amending law's title may list ten laws
    wide = ctx.low[aw:start]
    # the nearest amending title that reaches the number ('Luật sửa đổi … số 46/2014/QH13 … và Luật sửa đổi … của Luật Bảo
    # hiểm y tế số 51/2024/QH15': the second's)
    starts = [x.start() for x in _AMENDING_TITLE_OPENS.finditer(wide, _after_last_period(wide))]
    m = next((x for x in (_AMENDING_BEFORE_NUMBER.match(wide, p) for p in reversed(starts)) if x is not None), None)
    if m is not None and re.search(r"\d\s*[/-]\s*[\da-z]", m.group(2)):
        return None  # another number stands in it: the title is that number's ('… của Luật X số 20/2017/QH14 đã được …')
    # the laws it amends, after 'của (các)' or right after the formula ('Luật sửa đổi Luật Doanh nghiệp số 76/2025/QH15')
    of = (_OF_THE_LAWS.search(m.group(2)) or _AMENDS_LAW.match(m.group(2))) if m else None
    if m is None or of is None:
        return None
    tail = wide[m.end(2) :]
    so_at = aw + m.end(2) + len(tail) - len(tail.lstrip())
    if len(_LAW_WORD_IN_LIST.findall(m.group(2), of.end())) < 2:
        return None, so_at, None, aw + m.start(1)
    # its name when the laws it lists run up to the number (the number ends it; only when the known laws it lists
    # end before it is the title not all read). The mention begins at 'số', so the laws its title lists stay mentions
    # of their own, as they do after 'Luật số N sửa đổi, bổ sung … của Luật A, Luật B'.
    end, _ = _amended_laws_end(ctx, aw + m.start(2), aw + m.end(2), True)
    if end != aw + m.end(2):
        return None
    t = ctx.v.type_for_word(m.group(1))
    return (t.id if t else None), so_at, _squash(ctx.text[aw + m.start(1) : aw + m.end(2)]), aw + m.start(1)


def _after_last_period(window: str) -> int:
    """Where the last sentence in `window` begins: after its last '. ' (or 0)."""
    return max(window.rfind(". "), window.rfind(".\n")) + 1
