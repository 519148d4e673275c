"""From one cleaned text to mentions, the document the text itself is, and the relations it states.

Stages inside a text:
  sentences   split on punctuation, blank lines and list markers (Gazette texts wrap every line)
  mentions    spans citing a document: type word, number, date, issuer phrase, subject (trích yếu);
              laws cited by name ("Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"); self references
              ("Nghị định này") that mean the text itself
  header      the text's own number, type, date, issuer and title (Số: …, place and date, type line)
  relations   a clause grammar of Vietnamese drafting formulas decides type and direction

Every pattern runs on the ASCII-folded, lower-cased twin of the clean text (`vocab.fold_lower`), which
has the same length, so spans found there are spans in the clean text and, through the offset map,
in the raw file. Nothing here guesses: a relation needs a trigger formula *and* both documents in the
roles the formula gives them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .clean import CleanText
from .numbers import Number, scan
from .vocab import LawName, Vocabulary, fold, fold_lower, name_base, name_words, vocabulary

# --------------------------------------------------------------------------------------------------------
# result types


@dataclass
class Mention:
    """A span of text that cites one document."""

    start: int
    end: int  # end of the type word + number (or name)
    ext_end: int  # end including the date and issuer phrase that follow
    number: Number | None = None
    name: str | None = None  # a law cited by name
    type_id: str | None = None
    type_from_code: bool = False
    date: dt.date | None = None
    year: int | None = None  # issue year when only the year is known (laws by name)
    issuer: str | None = None  # agency id the text states
    title: str | None = None
    title_end: int = -1  # where the subject phrase ends: mentions inside it are nested
    self_ref: bool = False  # "Nghị định này"
    written: str = ""
    nested: bool = False
    parent_title: tuple[int, int] | None = None  # the subject phrase this mention sits in
    # a law's name ended by what always follows a name ('ngày', 'số …', a mark), not by a word that may belong to
    # a longer phrase; the resolver shortens an open name to the longest closed name it starts with
    name_closed: bool = True
    # the vocabulary knows the name, or what always follows a name ended it ('ngày', 'số …'), not only a mark (a name
    # ended by a mark may be a phrase that ran on: 'theo Luật X nộp hồ sơ.'; the resolver shortens it to a sure name)
    name_sure: bool = True

    @property
    def base(self) -> str:
        """The key without the issue year, for resolving mentions that lack it."""
        if self.number is not None:
            return self.number.base
        return self.name_base

    @property
    def name_base(self) -> str:
        """The key a law's name gives, whether or not it also has a number."""
        return name_base(self.type_id, self.name or "")

    def key(self) -> str | None:
        """The canonical key when the mention alone determines it; None when it needs resolving."""
        if self.number is not None:
            if self.number.year is None:
                y = self.date.year if self.date else None
                return self.number.key(y) if y else None
            return self.number.base
        if self.year is not None:
            return f"{self.base}@{self.year}"
        return None


@dataclass
class RawRelation:
    type: str
    source: Mention
    target: Mention
    sentence: tuple[int, int]


@dataclass
class RawEffective:
    """'… có hiệu lực (thi hành) từ ngày …': when a document, or a part of it, takes effect."""

    mention: Mention
    date: dt.date | None
    part: str | None
    rule: str  # date | on_signing | after_days:N | as_reported | until (the last day in force)
    sentence: tuple[int, int]


@dataclass
class Extraction:
    """Everything one text states."""

    text: CleanText
    mentions: list[Mention] = field(default_factory=list)
    self_doc: Mention | None = None  # the document the text is
    base_doc: Mention | None = None  # for a consolidated text: the document it consolidates
    relations: list[RawRelation] = field(default_factory=list)
    proposers: list[tuple[Mention, str, tuple[int, int]]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    effective: list[RawEffective] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------------
# shared patterns (on the folded, lower-cased text)

_DATE_NUM = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)"
_DATE_WORDS = r"(\d{1,2})\s+thang\s+(\d{1,2})\s*[,.]?\s*nam\s+((?:19|20)\d\d)"
DATE_RE = re.compile(rf"(?:{_DATE_NUM}|{_DATE_WORDS})")
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
    r";|\.\s|\.$|\(|\)|:|\n\s*\n|\s(?:da\s+duoc|duoc\s+sua\s+doi|duoc\s+thay\s+the|het\s+hieu\s+luc|co\s+hieu\s+luc|"
    r"bi\s+thay\s+the|bi\s+bai\s+bo|va\s+cac\s+van\s+ban|trinh\s+quoc\s+hoi|lam\s+co\s+so|nham|de\s+huong\s+dan)\b"
    r"|,\s(?=(?:co\s+hieu\s+luc|duoc|da|trong\s+do|theo\s+do|nhu|dong\s+thoi|sau|tao)\b)"
    r"|,\s+(?=(?:bo|chinh\s+phu|thu\s+tuong|uy\s+ban|quoc\s+hoi|ban\s+chap\s+hanh)\s)"
    r"|\s(?:da|vua|se)\s+(?:ban\s+hanh|ky|xay\s+dung|tham\s+muu|trinh|co)\b"
    r"|\s(?:va|hoac)\s+(?:(?:bai\s+bo|thay\s+the)\s+)?(?:cac\s+)?"  # '… và bãi bỏ các Quyết định số N': the outer clause
    r"(?:nghi\s+dinh|quyet\s+dinh|thong\s+tu(?:\s+lien\s+tich)?|nghi\s+quyet|chi\s+thi|bo\s+luat|luat)\s+(?:so\s+)?\d"
)
_SELF_RE = re.compile(
    r"(?<![a-z])(nghi\s+dinh|thong\s+tu\s+lien\s+tich|thong\s+tu|quyet\s+dinh|nghi\s+quyet|bo\s+luat|luat|"
    r"phap\s+lenh|chi\s+thi|van\s+ban\s+hop\s+nhat|ke\s+hoach)\s+nay(?![a-z])"
)
_NAMED_LAW = re.compile(r"(?<![a-z])(bo\s+luat|luat|phap\s+lenh|hien\s+phap)\s+(?=\S)")
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
_LAW_LIST_SEP = re.compile(r"\s{0,3}(?:,|va|hoac)\s{0,3}(?:,\s{0,3})?(?=(?:bo\s+luat|luat|phap\s+lenh)\b)")
# where an amending law's title ends: what always ends a name, or what begins the rest of the sentence ('về', 'quy
# định', 'hướng dẫn') — but a title may say what it amends before whose it is: 'Luật sửa đổi, bổ sung Điều 6 và Phụ
# lục 4 về Danh mục ngành, nghề … của Luật Đầu tư': its 'về' does not end it when 'của Luật …' follows before a hard stop
_SUA_DOI_HARD_STOP = re.compile(r"\s(?:ngay|so(?=\s*[:.]?\s*\d)|nam\s+(?:19|20)\d\d)\b|[;:()]|\.\s|\n\s*\n")
_SUA_DOI_SOFT_STOP = re.compile(r"\s(?:ve|quy\s+dinh|huong\s+dan)\b")
_SUA_DOI_NAME_STOP = re.compile(_SUA_DOI_HARD_STOP.pattern + "|" + _SUA_DOI_SOFT_STOP.pattern)
_IN_A_BASIS = re.compile(r"(?:(?<![a-z])can\s+cu|;)\s*$")  # searched before a law's name, up to it
_SMALL_NAME_DATED = re.compile(r"[\s,]{0,4}(?:ngay\s+\d|nam\s+(?:19|20)\d\d(?!\d))")
_OF_A_LAW = re.compile(r"(?<![a-z])cua\s+(?:cac\s+)?(?:bo\s+luat|luat|phap\s+lenh)\s")


def _amending_stop(ctx: _Ctx, s: int, limit: int) -> re.Match[str] | None:
    """Where the title of an amending law that begins at s ends, read on past what it amends to whose it is."""
    stop = _name_stop(ctx, _SUA_DOI_NAME_STOP, s, limit)
    if stop is None or not _SUA_DOI_SOFT_STOP.match(ctx.low, stop.start()) or _OF_THE_LAWS.search(ctx.low, s, stop.start()):
        return stop
    hard = _SUA_DOI_HARD_STOP.search(ctx.low, stop.start(), limit)
    of = _OF_A_LAW.search(ctx.low, stop.start(), hard.start() if hard else limit)
    return stop if of is None else _name_stop(ctx, _SUA_DOI_NAME_STOP, of.start(), limit)


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


def _longer_name(low: str, known_end: int, end: int, closed: bool) -> bool:
    """Whether the word a text writes after a known name ('Luật Đầu tư' + 'công;') is more of one name the
    vocabulary does not know: only one word on the same line, followed by what always ends a name, and not a word
    that begins the rest of the sentence ('Luật Đầu tư và …', 'Luật Bảo vệ môi trường hoạt động trước ngày …')."""
    ext = low[known_end:end]
    return closed and len(name_words(ext)) == 1 and "\n" not in ext and _AFTER_NAME.match(low, known_end) is None


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


def _amending_name(ctx: _Ctx, mention: Mention, sent_end: int) -> str | None:
    """The name of an amending law cited by its number with its title after it, when where the title ends can be told:
    after the known laws it lists, or at what always follows a title ('có hiệu lực', 'được', 'ngày', a mark)."""
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
    return "Luật " + title[:1].lower() + title[1:]  # 'Sửa đổi, bổ sung …' in a table: 'Luật sửa đổi, bổ sung …'


_PARTIAL = re.compile(
    r"(?<![a-z])(?:dieu|khoan|diem|cum\s+tu|phu\s+luc|mau\s+so|mau|muc|chuong|tiet|bieu|so\s+thu\s+tu|"
    r"noi\s+dung|quy\s+dinh\s+tai|quy\s+dinh\s+sau\s+(?:day\s+)?(?:trong|cua|tai)|mot\s+so\s+dieu|mot\s+phan|danh\s+muc|"
    r"bang)(?![a-z])"
)
# a reference to parts of a document written right before it: 'khoản 2 Điều 9', 'khoản 2 và 4 Điều 11', 'điểm a'
_PART_ID = r"(?:\d{1,3}[a-zđ]?|[a-zđ])"
_PART_REF = re.compile(
    r"(?:(?:dieu|khoan|diem|muc|chuong|tiet|phu\s+luc|mau(?:\s+so)?)\s+" + _PART_ID
    + r"(?:\s*(?:,|va)\s*" + _PART_ID + r")*[\s,]*)+"
)
# parts named right before a document: 'khoản 2 Điều 8 Nghị định số …', 'Phụ lục 1 ban hành kèm theo Thông tư số …'
_PARTS_ENDING = re.compile(r"(?<![a-z])(?<!danh\s)(?:" + _PART_REF.pattern + r")\s*$")  # 'Danh mục 14' is not 'Mục 14'
_PARTS_BEFORE = re.compile(
    _PARTS_ENDING.pattern + "|" + _PARTIAL.pattern + r"[^.;:\n]{0,40}(?:kem\s+theo|cua|tai|thuoc)\s*$"
)
# a thing placed in a document, right before the document: '… quy định tại Điều 26 ', '… tại khoản 2 Điều 11 của '
# 'Điều 4, Điều 5, …, Điều 8 và Điều 9': one level of repetition (a repetition of _PART_REF would nest two and
# backtrack exponentially on a long list that does not end as asked); each identifier ends at a word's end
_PART_LIST = (r"(?:(?:dieu|khoan|diem|muc|chuong|tiet|phu\s+luc|mau(?:\s+so)?)\s+" + _PART_ID
              + r"(?![a-z0-9])(?:\s*(?:,|va)\s*" + _PART_ID + r"(?![a-z0-9])){0,20}[\s,]*(?:va\s+)?){1,40}")
_PLACED_IN = re.compile(r"(?<![a-z])(?:quy\s+dinh\s+tai\s+(?:" + _PART_LIST + r")?|tai\s+" + _PART_LIST + r")(?:cua\s+)?\s*$")
_BASIS_LINE = re.compile(r"(?:can\s+cu|theo\s+de\s+nghi|xet\s+de\s+nghi|theo\s+to\s+trinh)\b")
_ENACTING_LINE = re.compile(r"[^.;:]{0,120}?(?<![a-z])ban\s+hanh\b")
_EFFECT_SENTENCE = re.compile(r"[\s“\"]{0,6}(?:\d{1,3}\.\s*)?(?:[a-z]+\s+){1,3}nay\s+co\s+hieu\s+luc\b")
_ARTICLE_HEADING = re.compile(r"(?:^|\n)[ \t\"“]*dieu\s+\d{1,3}[a-z]?\s*[.:]([^\n]{0,80})")
_EFFECT_HEADING = re.compile(
    r"[\s.:]{0,6}(?:hieu\s+luc\b|dieu\s+khoan\s+thi\s+hanh|(?:to\s+chuc\s+thuc\s+hien|trach\s+nhiem\s+thi\s+hanh)\s+va\s+hieu\s+luc)")
# what ends an article before the next one: the signature block, an appendix
_ARTICLE_END = re.compile(r"\n[ \t]*(?:noi\s+nhan|phu\s+luc\b|danh\s+muc\b|mau\s+so\b|bieu\s+mau\b)")
# '… đến ngày / cho đến khi … hết hiệu lực': a term, not an act
_UNTIL = re.compile(r"(?<![a-z])(?:den|truoc|sau|khi)\s+(?:ngay|khi|thoi\s+diem)(?![a-z])|(?<![a-z])khi(?![a-z])")
_ALREADY = re.compile(r"(?<![a-z])(?:da|cung\s+da|van)\s*$")
# 'Kể từ ngày 01 tháng 01 năm 2024,' opening the sentence, before what expires
_FROM_DATE_OPENS = re.compile(r"[\s\-–]{0,4}(?:[a-zđ]\)|\d{1,3}\.)?\s{0,3}(?:ke\s+)?tu\s+ngay\s+" + DATE_RE.pattern + r"\s*,")
_PARTS_OF = re.compile(r"\s{0,4}(?:cac\s+)?" + _PART_LIST + r"(?:cua|tai)\s+")
# the object's own name before its number: 'Sửa đổi, bổ sung Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở
# số 30/2023/QH15' (the mention is the number)
_NAMED_BEFORE_NUMBER = re.compile(r"\s{0,4}(?:bo\s+luat|luat|phap\s+lenh)\s[^.;:]{0,120}?(?<![a-z])so\s*")
# what leads from a text's scope to the document it details: 'của', 'tại', '(theo) quy định tại', 'ban hành kèm theo',
# 'thuộc', with the parts named before the document ('tại khoản 6 Điều 13 Luật Quản lý thuế')
_SCOPE_LEAD = re.compile(
    r"(?<![a-z])(?:cua|tai|thuoc|kem\s+theo|theo\s+quy\s+dinh\s+(?:tai|cua))\s+(?:" + _PART_LIST + r")?(?:cua\s+)?$")
_PASSIVE_NEXT = re.compile(r"[\s,]{0,3}(?:da\s+|cung\s+)?(?:duoc|bi)\s+(?:sua\s+doi|bo\s+sung|thay\s+the|bai\s+bo)")
# the lead of a quoted provision: '[footnote number] [Điều 3 / Các điều 10, 11 / Điều 3 và Điều 4 (của)] <document> …'
_QUOTE_LEAD = re.compile(
    r"\s*(?:\d{1,3}\s+)?(?:(?:cac\s+)?(?:dieu|khoan|diem|chuong|muc)\s+[\da-z]{1,4}"
    r"(?:\s*(?:,|va)\s*(?:(?:dieu|khoan|diem|chuong|muc)\s+)?[\da-z]{1,4}|\s+(?:dieu|khoan|diem|chuong|muc)\s+[\da-z]{1,4})*"
    r"\s+(?:cua\s+|tai\s+)?)?")
# … and its end: 'quy định như sau:', 'có căn cứ ban hành như sau:'
_QUOTE_LEAD_TAIL = re.compile(r"(?:(?:co\s+)?can\s+cu\s+ban\s+hanh|quy\s+dinh|co\s+noi\s+dung)\s+nhu\s+sau\s*:?\s*$")
# ', có hiệu lực (thi hành) (kể) từ ngày …' between the document and the lead's end
_EFFECT_CLAUSE = re.compile(r"co\s+hieu\s+luc(?:\s+thi\s+hanh)?")
_COORD = re.compile(r"^[\s,;]*(?:va|hoac)?[\s,;]*(?:cac\s+|tai\s+|o\s+)?$")
_AGENCY_BEFORE_VERB = re.compile(r"(?:da\s+|vua\s+|se\s+|cung\s+)*(?:ky\s+ban\s+hanh|ban\s+hanh|ky)\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:[a-z]\)|\d{1,3}(?:\.\d{1,3})*\.(?=\s)|[-+•]\s|dieu\s+\d+[a-z]?\.)\s*")
_POLICY_TYPES = {"NghiQuyet", "ChiThi", "KetLuan", "QuyetDinh", "KeHoach"}


_PART_WORDS = frozenset(("dieu", "khoan", "diem", "mau", "so", "phu", "luc", "chuong", "muc", "va", "cac", "-", "–"))


def _parts_only(text: str) -> bool:
    """Whether folded text names parts of a document and nothing else: 'khoản 2, khoản 3 điều 25 - mẫu số 01 …
    phụ lục' (words, numbers, single letters: no regular expression to backtrack). Wider than `_PART_REF`, which
    other clauses rely on: a dash between items, 'Phụ lục' with no number."""
    words = text.replace(",", " ").split()
    return bool(words) and all(w in _PART_WORDS or w.isdigit() or (len(w) == 1 and w.isalpha())
                               or (w[:-1].isdigit() and w[-1].isalpha()) for w in words)


def _date(m: re.Match[str], offset: int = 1) -> dt.date | None:
    g = m.groups()[offset - 1 :]
    vals = [x for x in g if x is not None][:3]
    if len(vals) < 3:
        return None
    d, mo, y = (int(x) for x in vals)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------------------
# sentences


# a line that opens a new sentence after a single newline in a Gazette text: a list mark, an article, a chapter, a
# section, a legal basis
_LINE_OPENS = (r"[ \t]*(?:[a-z]\)\s|\d{1,3}(?:\.\d{1,3})*\.\s|[-+•]\s|dieu\s+\d+[a-z]?\.|chuong\s+[ivxlc\d]+\b|muc\s+\d+"
               r"|can\s+cu\s)")


def _boundary(after_newline: str) -> re.Pattern[str]:
    """A sentence boundary: a stop mark and the white space after it; or the spaces before a newline, the newline
    and what must follow it (after_newline: '' is any newline) and the white space after. Written to begin with one
    character class, so that the regex engine skips from mark to mark; a run of spaces is tried only where it
    starts (not after another space), so that a long run costs one pass, not n²/2."""
    tail = f"(?:{after_newline})" if after_newline else ""
    return re.compile(r"[.;!?: \t\r\n](?:(?<=[.;!?:])\s+"
                      rf"|(?<=[ \t\r])(?<![ \t\r][ \t\r])[ \t\r]*\n{tail}\s*"
                      rf"|(?<=\n)(?<![ \t\r]\n){tail}\s*)")


_BOUND_WRAPPED = _boundary(rf"[ \t]*\n|(?={_LINE_OPENS})")  # Gazette texts: a single newline is a wrap
_BOUND_NEWS = _boundary("")  # news: a newline ends a paragraph


def split_sentences(low: str, wrapped: bool, cased: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans. In Gazette texts a single newline is a wrap; in news it ends a paragraph. With `cased` (the
    text before lowering, same offsets), a wrapped line that begins 'căn cứ' in small letters goes on the sentence
    before ('… có\ncăn cứ ban hành như sau:'); a legal basis opens with a capital."""
    out: list[tuple[int, int]] = []
    start = len(low) - len(low.lstrip())
    for m in (_BOUND_WRAPPED if wrapped else _BOUND_NEWS).finditer(low, start):
        end = m.start() + 1 if low[m.start()] in ".;!?:" else m.start()
        if (wrapped and cased is not None and end == m.start() and low.startswith("can", m.end())
                and cased[m.end()] == "c" and low[m.start() : m.end()].count("\n") == 1):
            continue  # not a boundary: the sentence goes on where it started
        if end > start:
            out.append((start, end))
        start = m.end()
    end = len(low.rstrip())
    if end > start:
        out.append((start, end))
    return out


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    seg = s[a:b]
    a2 = a + (len(seg) - len(seg.lstrip()))
    b2 = b - (len(seg) - len(seg.rstrip()))
    return (a2, b2) if a2 < b2 else (a, a)


def _is_wrapped(text: str) -> bool:
    """Gazette texts break every line (~80 characters); news paragraphs are one long line each."""
    n = text.count("\n")
    return n >= 3 and len(text) / (n + 1) < 90


# --------------------------------------------------------------------------------------------------------
# mentions


_NOT_A_DOCUMENT = re.compile(
    r"(?:^|[^a-z])(?:mau|bieu|bieu mau|ky hieu|ma so|ma hieu|qcvn|tcvn|tccs|qcdp|tcn|iso)\s*(?:so\s*)?[:.]?\s*$")
_TOKEN_RE = re.compile(r"[^\s<>\"]+")
_A_FORM = re.compile(r"(?:^|[^a-z])(?:bieu\s+)?(?:mau|bieu)\s*(?:so\s*)?[:.]?\s*$")
_URLISH = re.compile(r"https?://|www\.|%[0-9A-Fa-f]{2}")


def _blank_urls(text: str) -> str:
    """Web addresses and percent-encoded tokens replaced by spaces of the same length. Only the lines that hold
    a web-address mark are split into tokens (each line once: linear; most texts have none)."""
    m = _URLISH.search(text)
    if m is None:
        return text
    parts: list[str] = []
    done = 0
    while m is not None:
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        b = len(text) if b < 0 else b
        parts.append(text[done:a])
        parts.append(_TOKEN_RE.sub(lambda t: " " * len(t.group(0)) if _URLISH.search(t.group(0)) else t.group(0),
                                   text[a:b]))
        done = b
        m = _URLISH.search(text, b)
    parts.append(text[done:])
    return "".join(parts)


class _Ctx:
    """The text in its three views and the vocabulary, shared by the helpers below."""

    def __init__(self, ct: CleanText, vocab: Vocabulary) -> None:
        self.ct = ct
        self.text = ct.text
        # web addresses and percent-encoded text are blanked out (same length): 'S%E1%BB%91%2031/2015/N%C4%90-CP'
        # in a link is not a document 2031/2015/N
        self.folded = _blank_urls(fold(ct.text))
        low = self.folded.lower()  # ASCII after folding, so lower() keeps the length (checked)
        self.low = low if len(low) == len(self.folded) else _blank_urls(fold_lower(ct.text))
        self.v = vocab


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
                   type_id="HienPhap", year=year)


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
_LAW_BEFORE_NUMBER = re.compile(r"(?<![a-z])(bo\s+luat|luat|phap\s+lenh)\s+([^;:()\n]{2,120}?)\s+so\s*[:.]?\s*$")
# an amending law's title before its number, which a Gazette line may break ('… Luật Tiếp công dân, Luật\nKhiếu nại')
_AMENDING_BEFORE_NUMBER = re.compile(r"(?<![a-z])(bo\s+luat|luat|phap\s+lenh)\s+(sua\s+doi(?:[^;:()\n]|\n(?![ \t]*\n)){2,380}?)"
                                     r"\s+so\s*[:.]?\s*$")


def _after_last_period(window: str) -> int:
    """Where the last sentence in `window` begins: after its last '. ' (or 0)."""
    return max(window.rfind(". "), window.rfind(".\n")) + 1


def _type_word_before(ctx: _Ctx, start: int) -> tuple[str | None, int, str | None]:
    """The type word written right before a number ('Nghị định số'), its start, and a law's name if any."""
    a = max(0, start - 160)
    window = ctx.low[a:start]
    m = _type_before_re(ctx.v).search(window)
    if m:
        t = ctx.v.type_for_word(m.group(1))
        return (t.id if t else None), a + m.start(1), None
    # a law by name with its number: "Luật Bảo hiểm y tế số 25/2008/QH12" (in this sentence: 'Luật Đất đai đã có hiệu
    # lực. Luật Ngân sách nhà nước số 83/2015/QH13' is not one name from the first 'Luật')
    aw = max(0, start - 400)  # an amending law's title may list ten laws
    wide = ctx.low[aw:start]
    m = _AMENDING_BEFORE_NUMBER.search(wide, _after_last_period(wide))
    of = _OF_THE_LAWS.search(m.group(2)) if m else None
    if m and of and len(_LAW_WORD_IN_LIST.findall(m.group(2), of.end())) >= 2:
        # an amending law's title, then its number: 'Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật
        # Khiếu nại, Luật Tố cáo số 136/2025/QH15' — its name when the laws it lists run up to the number (the
        # number ends it; only when the known laws it lists end before it is the title not all read). With one law
        # listed, the number may as well be that law's ('… của Luật Bảo hiểm y tế số 25/2008/QH12'): no name
        # The mention begins at 'số', so the laws its title lists stay mentions of their own, as they do after
        # 'Luật số N sửa đổi, bổ sung … của Luật A, Luật B'.
        end, _ = _amended_laws_end(ctx, aw + m.start(2), aw + m.end(2), True)
        if end == aw + m.end(2):
            t = ctx.v.type_for_word(m.group(1))
            tail = wide[m.end(2) :]
            so_at = aw + m.end(2) + len(tail) - len(tail.lstrip())
            return (t.id if t else None), so_at, _squash(ctx.text[aw + m.start(1) : aw + m.end(2)])
    m = _LAW_BEFORE_NUMBER.search(window, _after_last_period(window))
    if m and ctx.folded[a + m.start(2)].isupper():
        at = ctx.v.law_name_at(ctx.low, a + m.start(1))
        if at is not None and at[0] > a + m.end(2) and not ctx.low[at[0] : start].strip(" \t\n:."):
            return at[1].type_id, a + m.start(1), at[1].name  # 'Luật Chuyển đổi số 148/2025/QH15': 'số' ends its name
        if at is not None and at[0] == a + m.end(2):  # a known name, stop words and all: 'Luật Đầu tư theo phương thức …'
            return at[1].type_id, a + m.start(1), at[1].name
        if not _NAME_STOP.search(" " + m.group(2)):
            t = ctx.v.type_for_word(m.group(1))
            name = _squash(ctx.text[a + m.start(1) : a + m.end(2)])
            return (t.id if t else None), a + m.start(1), name
    m = re.search(r"(?:so|so\s*:)\s*$", window)
    return None, (a + m.start() if m else start), None


_TB_CACHE: dict[int, re.Pattern[str]] = {}


def _type_before_re(v: Vocabulary) -> re.Pattern[str]:
    rx = _TB_CACHE.get(id(v))
    if rx is None:
        rx = re.compile(r"(?:(?<![a-z])(" + v.type_word_re.pattern + r"))\s*(?:so\s*[:.]?\s*|\(\s*)?$")
        _TB_CACHE[id(v)] = rx
    return rx


_CO_ISSUER = re.compile(r"[ \t\r\n]{0,3}(?:,|va)\s{0,3}" + _ROLE)


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" ,;")


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
    m = re.compile(r"[ \t\r\n]{0,3},?\s{0,3}(?:cua|do)\s+" + _ROLE).match(low, pos, min(limit_end, pos + 60))
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


def _issuer_before(ctx: _Ctx, mention: Mention, sent_start: int) -> None:
    """'Bộ Chính trị ban hành Nghị quyết số 52-NQ/TW', 'Thừa ủy quyền của Chính phủ, Bộ trưởng … đã ký …'."""
    low = ctx.low
    a = max(sent_start, mention.start - 200)
    seg = low[a : mention.start]
    auth = list(re.finditer(r"thua\s+(?:uy|u?y)\s+quyen\s+(?:cua\s+)?", seg))
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
    if last is not None and len(head) - last.end() <= 30 and not re.search(r"[.;]", head[last.end() :]):
        ag = ctx.v.agency_for_name(last.group())
        if ag and mention.issuer is None:
            mention.issuer = ag.id


def _date_before(ctx: _Ctx, mention: Mention, sent_start: int, first_in_sentence: bool) -> None:
    """'Ngày 20/5/2022, Bộ trưởng Bộ TT&TT đã ban hành Quyết định số 922/QĐ-BTTTT'."""
    if mention.date is not None or not first_in_sentence:
        return
    seg = ctx.low[sent_start : mention.start]
    m = re.match(r"\s*(?:[a-z ]{0,20},\s*)?ngay\s+" + "(?:" + _DATE_NUM + "|" + _DATE_WORDS + r")\s*,", seg)
    if m and re.search(r"\b(?:ban\s+hanh|ky)\s*$", seg[m.end() :]) and len(seg) - m.end() < 120:
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
    """All mentions, in text order, each tagged with the sentence it sits in."""
    v = ctx.v
    out: list[Mention] = []
    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 else (0, len(ctx.low))

    # numbered
    numbered_spans: list[tuple[int, int]] = []
    for nm in scan(ctx.folded, v):
        n = nm.number
        type_id, start, name = _type_word_before(ctx, nm.start)
        written = ctx.text[nm.start : nm.end]
        tc = n.type_code
        code_type = v.type_by_code.get(tc) if tc else None
        if n.party:
            code_type = v.type_by_code.get(n.code[0])
        if n.year is None and type_id is None and _A_FORM.search(ctx.low, max(0, nm.start - 20), nm.start):
            continue  # a form, even with a type's code: 'Thông báo … mẫu số 27/TB-ĐKT ban hành kèm theo Thông tư này'
        mention = Mention(start=start, end=nm.end, ext_end=nm.end, number=n, written=written, name=name)
        if code_type is not None:
            mention.type_id = code_type.id
            mention.type_from_code = True
        elif type_id is not None and type_id not in ("CongVan", "VanBan"):
            mention.type_id = type_id
        elif n.year is not None and v.default_type_for_code.get(re.sub(r"\d+$", "", n.code[-1])):
            mention.type_id = v.default_type_for_code[re.sub(r"\d+$", "", n.code[-1])].id
        elif n.year is None and (v.agency_for_code(n.code[0]) is not None or type_id == "CongVan"):
            mention.type_id = "CongVan"  # a number with no type code: an administrative letter
        elif type_id is None and _NOT_A_DOCUMENT.search(ctx.low[max(0, nm.start - 30) : nm.start]):
            continue  # a form, a technical standard, a table code: 'Mẫu số 41/UQ-ĐKT', 'QCVN 01/2008/BLĐTBXH'
        elif type_id is None and not re.search(r"(?:^|[^a-z])so\s*[:.]?\s*$", ctx.low[max(0, nm.start - 8) : nm.start]):
            continue  # a bare code with neither a type (word or code) nor 'số' in front is not cited as a document
        else:
            mention.type_id = type_id or "VanBan"
        s0, s1 = sentence_of(nm.start)
        _after(ctx, mention, s1)
        if mention.name is None and mention.type_id == "Luat":
            mention.name = _amending_name(ctx, mention, s1)
        out.append(mention)
        numbered_spans.append((start, nm.end))

    # laws cited by name
    covered = _merged(numbered_spans)
    covered_starts = [a for a, _ in covered]
    for m in _NAMED_LAW.finditer(ctx.low):
        s = m.end()
        k = bisect.bisect_right(covered_starts, m.start()) - 1
        if k >= 0 and m.start() < covered[k][1]:
            continue  # part of a numbered mention: 'Luật Bảo hiểm y tế số 25/2008/QH12'
        if m.group(1).startswith("hien"):
            c = _constitution(ctx, m.start())
            if c is not None:
                out.append(c)
            continue
        # older texts write a name in small letters ('Căn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;'): taken
        # in a legal basis, where a date ends it (below); elsewhere small letters are the law in general ('luật sư')
        small = not ctx.folded[s : s + 1].isupper() and not ctx.low.startswith("sua doi", s)
        if small and not _IN_A_BASIS.search(ctx.low, max(0, m.start() - 12), m.start()):
            continue
        if not ctx.folded[m.start()].isupper():
            continue  # 'pháp luật Việt Nam', 'luật sư': the law in general, not a law's name
        if re.search(r"(?<![a-z])(?:phap|ky|hoa)\s+$", ctx.low[max(0, m.start() - 8) : m.start()]) or re.match(
                r"su(?![a-z])", ctx.low[s : s + 3]):
            continue  # 'VĂN BẢN PHÁP LUẬT KHÁC', 'KỶ LUẬT LAO ĐỘNG', 'LĨNH VỰC LUẬT SƯ', 'Hòa Luật Nam': not a law
        if _CONVENTION_ON.search(ctx.low, max(0, m.start() - 90), m.start()):
            continue  # 'Công ước Liên hợp quốc về Luật Biển': an international convention's subject, not a Vietnamese law
        word = ctx.folded[m.start() : m.end(1)]
        if word.isupper() and not ctx.folded[m.end(1) : ctx.folded.find("\n", m.end(1)) % (len(ctx.folded) + 1)].strip():
            continue  # 'LUẬT' alone on its line: the type line of the text's own header, its title below
        sent = sentence_of(m.start())
        amending = ctx.low.startswith("sua doi", s)
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
            at = v.law_name_at(ctx.low, m.start())
            if at is not None and (at[0] >= e or not _longer_name(ctx.low, at[0], e, closed)):
                e, known, closed, sure = at[0], at[1], True, True  # the known name, whatever words follow it
            elif at is None and len(name_words(ctx.low[s:e])) > _MAX_NAME_WORDS:
                closed = False
        if small and known is None and not _SMALL_NAME_DATED.match(ctx.low, e):
            continue  # a name in small letters that no date ends: where it ends cannot be told
        name = _squash(ctx.text[m.start() : e])
        if len(name) - len(m.group()) < 3 or re.fullmatch(r"(?i)(bộ luật|luật|pháp lệnh|hiến pháp) nay", fold_lower(name)):
            continue
        if re.search(r"\bnay$", fold_lower(name)):
            continue
        # "(sửa đổi)" belongs to the name: Luật Giao dịch điện tử (sửa đổi); so does 'Luật Nhà ở sửa đổi năm 2023'
        tail = re.match(r"\s*(?:\(\s*sua\s+doi(?:,\s*bo\s+sung)?\s*\)|sua\s+doi(?=\s*(?:[,;.)]|nam\s+\d|$)))",
                        ctx.low[e : e + 30])
        end = e + tail.end() if tail else e
        if tail:
            name = _squash(ctx.text[m.start() : end])
            closed = sure = True
        if re.match(r"\s*so\s*[:.]?\s*\d", ctx.low[end : end + 12]):
            continue  # numbered: the number scanner has it
        t = v.type_for_word(m.group(1))
        if known is not None:  # the name the vocabulary gives it, and a revision stays a revision: 'Luật Thủ đô (sửa đổi)'
            name, written = known.name + (" (sửa đổi)" if tail else ""), name
        else:
            written = name
        mention = Mention(start=m.start(), end=end, ext_end=end, name=name, written=written,
                          type_id=known.type_id if known else t.id if t else "Luat", name_closed=closed, name_sure=sure)
        _after(ctx, mention, sent[1])
        if mention.date is not None:
            mention.year = mention.date.year
        out.append(mention)

    # self references
    for m in _SELF_RE.finditer(ctx.low):
        t = v.type_for_word(m.group(1))
        out.append(Mention(start=m.start(), end=m.end(), ext_end=m.end(), self_ref=True,
                           type_id=t.id if t else None, written=ctx.text[m.start() : m.end()]))

    out.sort(key=lambda x: (x.start, -x.end))
    # drop named-law mentions inside another mention (the name of an amending law holds the laws it amends)
    kept: list[Mention] = []
    for mt in out:
        if kept and mt.start < kept[-1].end and not mt.self_ref:
            if mt.number is not None and kept[-1].number is None:
                kept[-1] = mt  # a number wins over a name overlapping it
            continue
        kept.append(mt)
    out = kept
    # nesting: a mention inside another's subject phrase is part of that title
    for i, mt in enumerate(out):
        for prev in out[max(0, i - 6) : i]:
            if prev.title_end > mt.start >= prev.ext_end and not prev.self_ref:
                mt.nested = True
                mt.parent_title = (prev.ext_end, prev.title_end)
                break
    # issuers and dates stated before a mention
    for i, mt in enumerate(out):
        if mt.self_ref:
            continue
        s0, _ = sentence_of(mt.start)
        _issuer_before(ctx, mt, s0)
        first = not any(o.start >= s0 and o.start < mt.start and not o.self_ref for o in out[max(0, i - 8) : i])
        _date_before(ctx, mt, s0, first)
    return out


# --------------------------------------------------------------------------------------------------------
# the header of a full legal text


_HEADER_NO = re.compile(r"(?m)^[ \t]*(?:(?:bo\s+luat|luat|phap\s+lenh|nghi\s+quyet)\s+)?so\s*[:.]\s*")
_PLACE_DATE = re.compile(r"(?m)^[^\n]{0,60}?,\s*ngay\s+" + _DATE_WORDS)
_CONTINUED = re.compile(r"\(\s{0,3}tiep\s+theo\s+cong\s+bao\s+so(?![a-z])")
_TYPE_LINE = re.compile(r"(?m)^[ \t]*([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{1,30}?)[ \t]*\d?[ \t]*$")


def _line_before(low: str, pos: int) -> str:
    """What stands before `pos` on its line, stripped: a citation that opens a line has at most a word there."""
    return low[low.rfind("\n", 0, pos) + 1 : pos].strip()


def _header(ctx: _Ctx, mentions: list[Mention]) -> tuple[Mention | None, Mention | None]:
    """The document a Gazette text is, and for a consolidated text the document it consolidates."""
    low = ctx.low
    zone = min(len(low), 4000)
    by_start = {m.start: m for m in mentions if m.number is not None}

    def number_at(pos: int) -> Mention | None:
        for m in mentions:
            if m.number is not None and pos <= m.end - len(m.written) <= pos + 3:
                return m
        return by_start.get(pos)

    consolidated = bool(re.search(r"van\s+ban\s+hop\s+nhat|duoc\s+hop\s+nhat\s+tu", low))
    self_m: Mention | None = None
    base_m: Mention | None = None
    if consolidated:
        for h in _HEADER_NO.finditer(low):
            hit = number_at(h.end())
            if hit and hit.number and "VBHN" in hit.number.code:
                self_m = hit
        if self_m is not None:
            # the consolidated document is the one whose citation opens a line of the authentication block
            # ('Thông tư số 35/2013/TT-BLĐTBXH ngày …, có hiệu lực …, được sửa đổi, bổ sung bởi:'), not one named
            # in the title above it ('Hướng dẫn thi hành … Nghị định số 09/2013/NĐ-CP')
            cands = [m for m in mentions
                     if m.number is not None and m is not self_m and m.start < zone and "VBHN" not in m.number.code]
            opening = [m for m in cands  # at most a type word before it ('Thông tư liên lịch số 21/2016/…', a typo)
                       if re.fullmatch(r"[^\d\n,;.]{0,25}", _line_before(low, m.start))]
            base_m = (opening or cands)[0] if cands else None
            # the consolidated text's own date is in the authentication block beside its number
            d = _PLACE_DATE.search(low, self_m.end, self_m.end + 400)
            if d and self_m.date is None:
                self_m.date = _date(d)
            self_m.type_id = "VanBanHopNhat"
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
        # type line ("NGHỊ ĐỊNH") and title lines under it
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
    if self_m.issuer is None:
        for ln in ctx.text[:zone].splitlines()[:20]:
            s = ln.strip().rstrip("-").strip()
            if s.isupper():
                ag = ctx.v.agency_for_name(s)
                if ag:
                    self_m.issuer = ag.id
                    break
    return self_m, base_m


# --------------------------------------------------------------------------------------------------------
# relations


@dataclass
class _Trigger:
    type: str
    passive: bool
    start: int
    end: int


# 'sửa đổi', 'sửa đổi, bổ sung', 'bổ sung', and changes of parts that also repeal or replace some: 'sửa đổi, bổ sung,
# bãi bỏ' (a text that amends some articles and repeals others amends it; each word once at most)
_AMENDED_S = r"sua\s+doi(?:\s*,?\s*bo\s+sung)?"
_AMENDED_B = r"bo\s+sung"
_AMENDED_TAIL = r"(?:\s*,\s*(?:thay\s+the\s*,\s*)?bai\s+bo|\s*,\s*thay\s+the(?:\s*,\s*bai\s+bo)?|\s+va\s+bai\s+bo)?"
_AMENDED = f"(?:{_AMENDED_S}|{_AMENDED_B}){_AMENDED_TAIL}"
_BY = r"\s+(?:boi|bang|tai|theo)"


def _word_start(letter: str) -> str:
    """'(?<![a-z])x', written with the letter first ('x(?<![a-z]x)'): the same matches. When every formula of the
    combined pattern below begins with a literal character, the regex engine tries at each character only the
    formulas that begin with it, instead of all of them (8× faster on the Gazette corpus)."""
    return letter + r"(?<![a-z]" + letter + ")"


# The relation formulas, in order: where two match at the same place, the one listed first wins ('được thay thế bằng'
# over 'thay thế', 'hướng dẫn thực hiện' over 'thực hiện'). Each is (type, passive, pattern, offset of the formula in
# the match); each pattern begins with a literal character (checked by a test).
_TRIGGERS: list[tuple[str, bool, str, int]] = [
    # passive, and so without 'được' when 'bởi' follows: 'khoản 2 Điều 8 Nghị định số 83/2014/NĐ-CP sửa đổi, bổ sung
    # bởi Nghị định số 08/2018/NĐ-CP' (the decree of 2014 did not amend the one of 2018)
    ("REPLACES", True, r"duoc\s+thay\s+the\s+(?:boi|bang)", 0),
    ("REPLACES", True, r"bi\s+thay\s+the\s+(?:boi|bang)", 0),
    ("REPLACES", True, _word_start("t") + r"hay\s+the\s+boi(?![a-z])", 0),
    ("REPLACES", False, _word_start("t") + r"hay\s+the(?:\s+cho)?(?!\s+(?:bang|boi)\b)", 0),
    ("REPEALS", True, r"duoc\s+bai\s+bo" + _BY, 0),
    ("REPEALS", True, r"bi\s+bai\s+bo" + _BY, 0),
    ("REPEALS", True, _word_start("b") + r"ai\s+bo\s+boi(?![a-z])", 0),
    ("REPEALS", False, _word_start("b") + r"ai\s+bo(?![a-z])", 0),
    ("AMENDS", True, r"duoc\s+" + _AMENDED + r"(?:\s+(?:mot\s+so\s+dieu|nam\s+(?:19|20)\d\d))?" + _BY, 0),
    ("AMENDS", True, r"bi\s+" + _AMENDED + r"(?:\s+(?:mot\s+so\s+dieu|nam\s+(?:19|20)\d\d))?" + _BY, 0),
    ("AMENDS", True, _word_start("s") + _AMENDED_S[1:] + _AMENDED_TAIL + r"\s+boi(?![a-z])", 0),
    ("AMENDS", True, _word_start("b") + _AMENDED_B[1:] + _AMENDED_TAIL + r"\s+boi(?![a-z])", 0),
    # in brackets, the amending texts right after it, without 'bởi': 'Nghị định số 37/2017/NĐ-CP (được sửa đổi, bổ
    # sung Nghị định số 147/2018/NĐ-CP, …)'; the formula begins after the bracket
    ("AMENDS", True, r"\([ \t]{0,2}(?:da\s+)?duoc\s+" + _AMENDED
     + r"(?=\s+(?:nghi\s+dinh|thong\s+tu|quyet\s+dinh|luat|nghi\s+quyet)\s+so)", 1),
    ("AMENDS", False, _word_start("s") + r"ua\s+doi(?:\s*,?\s*bo\s+sung)?(?![a-z])", 0),
    ("GUIDES", True, r"duoc\s+(?:quy\s+dinh\s+chi\s+tiet|huong\s+dan(?:\s+thi\s+hanh)?)" + _BY, 0),
    ("GUIDES", False, _word_start("h") + r"(?:uong\s+dan\s+to\s+chuc\s+thuc\s+hien|uong\s+dan\s+thi\s+hanh"
     r"|uong\s+dan\s+thuc\s+hien|uong\s+dan)(?![a-z])", 0),
    ("GUIDES", False, _word_start("q") + r"uy\s+dinh\s+(?:chi\s+tiet(?:\s+(?:va\s+huong\s+dan\s+)?thi\s+hanh)?"
     r"|va\s+huong\s+dan\s+thi\s+hanh)(?![a-z])", 0),
    ("IMPLEMENTS", False, _word_start("t") + r"(?:rien\s+khai\s+thuc\s+hien|rien\s+khai|o\s+chuc\s+thuc\s+hien"
     r"|huc\s+hien)(?![a-z])", 0),
    ("IMPLEMENTS", False, _word_start("c") + r"u\s+the\s+hoa(?![a-z])", 0),
]
_OTHER_FORMULA = re.compile(
    r"(?<![a-z])(?:duoc|bi|sua\s+doi|thay\s+the|bai\s+bo|het\s+hieu\s+luc|huong\s+dan|quy\s+dinh\s+chi\s+tiet)(?![a-z])"
)
_PASSIVE_AMEND_TAIL = re.compile(
    r"(?:da\s+)?duoc\s+" + _AMENDED + r"(?:\s+mot\s+so\s+dieu)?\s+(?:boi|bang|tai|theo)\s*:?\s*$"
)
# what may stand between "sửa đổi" / "hướng dẫn" and the document when it is not right after:
# "một số điều của", "khoản 9 Điều 3 và mẫu số 01 kèm theo", "thi hành một số nội dung tại"
_OBJECT_LEAD = re.compile(r"(?<![a-z])(?:cua|tai|theo|thuoc|kem\s+theo|doi\s+voi)\s*$")
# … and, after 'quy định chi tiết', the measures to apply a text: 'quy định chi tiết một số điều và biện pháp thi hành
# Luật Viễn thông', 'quy định chi tiết và biện pháp thi hành Pháp lệnh …'
_GUIDE_LEAD = re.compile(r"(?<![a-z])(?:bien\s+phap|viec)\s+(?:de\s+)?(?:to\s+chuc\s+)?thi\s+hanh\s*$")
# what may open a clause whose doer is the text itself: an item mark, 'Điều 3.', and 'Kể từ ngày Thông tư này
# có hiệu lực (thi hành),' ('… bãi bỏ Thông tư số 02/2019/TT-BLĐTBXH')
_SELF_CLAUSE_HEAD = re.compile(
    r"\s*(?:[a-z]\)\s*)?(?:dieu\s+\d+[a-z]?\.\s*)?"
    r"(?:(?:ke\s+)?tu\s+ngay\s+(?:[a-z]+\s+){1,3}nay\s+co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s*,\s*)?"
    r"(?:(?:sua\s+doi|bo\s+sung|thay\s+the|bai\s+bo)\s*,\s*)*"  # 'Thay thế, bãi bỏ một số cụm từ … của Nghị định …'
)
# what may stand between the text's own name and its formula: 'Thông tư này có hiệu lực từ ngày 01/01/2026, thay thế …'
_EFFECT_BEFORE_FORMULA = re.compile(
    r"[ \t\r\n]{0,6}co\s+hieu\s+luc(?:\s+thi\s+hanh)?(?:\s+ke)?\s+tu\s+(?:(?:ngay\s+)?" + DATE_RE.pattern
    + r"|ngay\s+(?:ky(?:\s+ban\s+hanh)?|ban\s+hanh|thong\s+qua|cong\s+bo))\s*[,;]?\s*(?:va\s+)?"
)
_AND_BEFORE = re.compile(r"(?<![a-z])va\s*$")  # the folded 'và' right before a formula
_EXPIRES = re.compile(r"(?<![a-z])(?:het|cham\s+dut)\s+hieu\s+luc(?:\s+thi\s+hanh)?(?![a-z])")
# 'Kể từ ngày Thông tư này có hiệu lực thi hành, Thông tư số X … hết hiệu lực': the text that takes effect opens
# the clause (matched at the sentence start, after a list marker; the mention is checked where it ends)
_FROM_DAY_OPENS = re.compile(r"[\s\-–]{0,4}(?:[a-zđ]\)|\d{1,3}\.)?\s{0,3}(?:ke\s+)?tu\s+ngay\s+")
_OPENS_EFFECT = re.compile(r"\s{0,3}(?:chinh\s+thuc\s+)?co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s{0,3},")
# '… hết hiệu lực (thi hành) kể từ ngày / kể từ thời điểm / kể từ khi Thông tư này có hiệu lực'
_FROM_DAY_DOC_EFFECTIVE = re.compile(r"^\s*(?:thi\s+hanh\s+)?(?:ke\s+)?tu\s+(?:ngay|thoi\s+diem|khi)\s+")


_ALL_TRIGGERS = re.compile("|".join(f"{p}(?P<t{i}>)" for i, (_, _, p, _) in enumerate(_TRIGGERS)))


def find_triggers(low: str, a: int, b: int) -> list[_Trigger]:
    """The relation formulas in low[a:b]; where two overlap the one listed first in _TRIGGERS wins
    ('được thay thế bằng' over 'thay thế', 'hướng dẫn thực hiện' over 'thực hiện')."""
    out: list[_Trigger] = []
    for m in _ALL_TRIGGERS.finditer(low, a, b):
        type_, passive, _, skip = _TRIGGERS[int(m.lastgroup[1:]) if m.lastgroup else 0]
        if type_ == "AMENDS" and not passive and _AMENDING_LAW_TITLE.search(low, max(0, m.start() - 12), m.start()):
            continue  # '… thi hành một số điều của Luật sửa đổi, bổ sung …': an amending law's title, not an act
        out.append(_Trigger(type_, passive, m.start() + skip, m.end()))
    return out


_AMENDING_LAW_TITLE = re.compile(r"(?<![a-z])cua\s+luat\s+$")


_NOBODY = Mention(start=-1, end=-1, ext_end=-1)  # the doer of a quoted passage whose writer is not known


class _Relator:
    def __init__(self, ctx: _Ctx, ex: Extraction, quotes: list[tuple[int, int]], mentions: list[Mention]) -> None:
        self.ctx = ctx
        self.ex = ex
        self.quotes = [self._basis_block(q) for q in quotes]
        self.self_doc = ex.base_doc or ex.self_doc  # what "Nghị định này" means
        self.seen: set[tuple[str, int, int]] = set()
        self.item_start: dict[int, int] = {}  # id(mention) -> start of the list item it opens
        self.all_mentions = mentions  # every mention, in text order
        self.self_refs = [m for m in mentions if m.self_ref]  # the 'X này' mentions
        # a repeal or replacement whose sentence ended in ';': the next sentence may name one more object
        # ('Bãi bỏ Thông tư số 17/2016/… ;' / 'Thông tư số 10/2024/… sửa đổi …')
        self.carry: tuple[str, Mention, int, int] | None = None  # type, doer, sentence start and end
        # a quoted provision whose lead names the text that wrote it ('Điều 3 của Thông tư số 06/2024/…, có hiệu lực
        # từ … quy định như sau: “Điều 3. … Kể từ ngày Thông tư này có hiệu lực thi hành, bãi bỏ …”'): read with
        # that text as the doer; other quotes are words, not read
        self.owners: dict[tuple[int, int], Mention] = {}
        self.inner: dict[tuple[int, int], list[tuple[int, int]]] = {}  # the quotes inside an owned quote
        split: list[tuple[int, int]] = []
        for q in self.quotes:
            owner = self._quote_owner(q[0])
            if owner is not None:
                # a quoted final article states once when its text takes effect: a second statement is another
                # text's ('“Điều 5. … 1. Nghị định này có hiệu lực kể từ ngày ký ban hành.', a page break and no closing
                # mark, '1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2016.'); whose, the layout
                # does not say (the consolidated text's, or the footnote going on after the next page's text), so
                # from there on the quote is not read
                cut = self._second_effect(q)
                if cut is not None:
                    rest = (cut, q[1])
                    if not _PAGE_BREAK_BEFORE.search(ctx.text, max(q[0], cut - 12), cut):
                        split.append(rest)
                        self.owners[rest] = _NOBODY  # read for what it states of named texts, no doer of its own
                        self.inner[rest] = []
                    q = (q[0], cut)
                self.owners[q] = owner
                self.inner[q] = [(a + q[0] + 1, b + q[0] + 1) for a, b in _quotes(ctx.text[q[0] + 1 : q[1]])]
            split.append(q)
        self.quotes = sorted(split)
        # the articles on when the text takes effect ('Điều 10. Hiệu lực thi hành', 'Điều 27. Điều khoản thi hành')
        self.articles = [(m.start(), bool(_EFFECT_HEADING.match(m.group(1))))
                         for m in _ARTICLE_HEADING.finditer(ctx.low)]
        self.speaker: Mention | None = None  # the owner of the quote being read
        self.speaking: tuple[int, int] | None = None

    def _basis_block(self, q: tuple[int, int]) -> tuple[int, int]:
        """A quote of legal bases ('… có căn cứ ban hành như sau: “Căn cứ …; Căn cứ …; Chính phủ ban hành …') ends
        with them: a closing mark a page break lost must not swallow the consolidated text that follows."""
        low = self.ctx.low
        if not re.match(r"[“\"\s]*can\s+cu\b", low[q[0] : q[0] + 30]):
            return q
        sents = self.ex.sentences
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

    def in_effect_article(self, pos: int) -> bool:
        """Whether pos is in the text's article on when it takes effect (up to the signature or an appendix)."""
        i = bisect.bisect_right(self.articles, (pos, True)) - 1
        if i < 0 or not self.articles[i][1] or pos - self.articles[i][0] > 4000:
            return False
        return _ARTICLE_END.search(self.ctx.low, self.articles[i][0], pos) is None

    def _second_effect(self, q: tuple[int, int]) -> int | None:
        """Where a second 'X này có hiệu lực …' sentence starts inside q."""
        sents, low = self.ex.sentences, self.ctx.low
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
        i = bisect.bisect_left(self.ex.sentences, (qa, -1)) - 1
        if i < 0:
            return None
        ls = self.ex.sentences[i][0]
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

    def triggers_in(self, a: int, b: int) -> list[_Trigger]:
        """The formulas in one sentence; scanned only for the sentences that hold a citation (most do not), as
        one pass of the combined pattern over the whole text cost a third of the extraction."""
        # from a little before the sentence, as a formula that begins in the previous line ('quy định chi tiết và
        # hướng dẫn thi hành …') must still hide the shorter one inside it
        return [t for t in find_triggers(self.ctx.low, max(0, a - 80), b) if t.start >= a]

    def writer_at(self, pos: int) -> Mention | None:
        """Who wrote the words at pos: the writer of the quoted provision they are in, else the text itself (for a
        consolidated text, the document it consolidates, whose words it reproduces); None when not known."""
        q = self.quote_at(pos)
        if q is not None:
            owner = self.owners.get(q)
            return None if owner is None or owner is _NOBODY else owner
        return self.ex.base_doc or self.ex.self_doc

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.quotes, (pos, 10**12)) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1] else None

    def in_quote(self, pos: int) -> bool:
        """Whether pos is in quoted words: in a quote, or, while a quoted provision is read, in a quote inside it."""
        q = self.quote_at(pos)
        if q is None:
            return False
        if q != self.speaking:
            return True
        return any(a <= pos < b for a, b in self.inner[q])

    def resolve(self, m: Mention) -> Mention | None:
        if m.self_ref:
            if self.speaker is _NOBODY:
                return None
            return (self.speaker or self.self_doc) if self._is_own(m) else None
        return m

    def _is_own(self, m: Mention) -> bool:
        """Whether 'Nghị định này' means the text's own document: not when it names another type. A consolidated
        text of a circular quotes, in its footnotes, the decree that amended it: there 'Nghị định này' is that
        decree, whose number the clause does not give; a decision listing expired texts quotes 'Thông tư này'."""
        own = self.speaker or self.ex.base_doc or self.self_doc  # the consolidated document, or the text's own
        if own is None or m.type_id is None or own.type_id is None:
            return True
        # a table of a decision quoting '… hết hiệu lực kể từ ngày Thông tư này có hiệu lực': another text's words
        kinds = {"ThongTuLienTich": "ThongTu"}
        return kinds.get(m.type_id, m.type_id) == kinds.get(own.type_id, own.type_id)

    def own_at(self, pos: int) -> Mention | None:
        """The doer of a clause that opens with its formula ('Bãi bỏ …'): the text itself, unless it is a
        consolidated text and the nearest 'X này' before names another type (the clause is quoted from the
        amending text)."""
        if self.speaker is not None:
            return None if self.speaker is _NOBODY else self.speaker
        if self.ex.base_doc is None or not self.self_refs:
            return self.self_doc  # (outside a consolidated text, a clause quoted from another text names it)
        i = bisect.bisect_left(self.self_refs, pos, key=lambda x: x.start) - 1
        if i >= 0 and pos - self.self_refs[i].start < 3000 and not self._is_own(self.self_refs[i]):
            return None
        return self.self_doc

    def add(self, type_: str, src: Mention | None, dst: Mention | None, sent: tuple[int, int]) -> None:
        if src is None or dst is None or src is dst:
            return
        if src.number is not None and dst.number is not None and src.number.base == dst.number.base:
            # the same number: the same document, unless both are dated to different years (749/QĐ-TTg of
            # 2020 amending 749/QĐ-TTg of 2019: a number without a year is one document per year)
            ys, yd = (src.date.year if src.date else None), (dst.date.year if dst.date else None)
            if src.number.year is not None or ys is None or yd is None or ys == yd:
                return
        k = (type_, id(src), id(dst))
        if k in self.seen:
            return
        self.seen.add(k)
        self.ex.relations.append(RawRelation(type_, src, dst, sent))

    def other_formula(self, gap: str, at: int) -> bool:
        """Whether another formula stands in `gap` (the low text from `at`): 'được' and 'dược' both fold to 'duoc',
        and 'thuốc tân dược' (pharmacy) is none."""
        text = self.ctx.text
        return any(m.group() != "duoc" or text[at + m.start()] not in "dD" for m in _OTHER_FORMULA.finditer(gap))

    # roles -------------------------------------------------------------------------------------------
    def after(self, ms: list[Mention], pos: int, max_gap: int, whole: bool = False) -> list[Mention]:
        """The mention right after a trigger, and those coordinated with it ('X, Y và Z'); with whole, only
        documents named whole (those that amend, not parts of one: '… theo Luật số 44/2009/QH12, Điều 64 và Điều 65
        của Luật … số 08/2012/QH13' lists another object)."""
        low = self.ctx.low
        out: list[Mention] = []
        cands = [
            m for m in ms
            if m.start >= pos and (not m.nested or (m.parent_title and m.parent_title[0] <= pos < m.parent_title[1]))
            and not self.in_quote(m.start)  # 'Bãi bỏ cụm từ “Nghị định số 68/2010/NĐ-CP …”': words, not an object
        ]
        if not cands:
            return out
        first = cands[0]
        gap = low[pos : first.start]
        if len(gap) > max_gap or re.search(r"[.;:]\s", gap) or self.other_formula(gap, pos):
            return out
        out.append(first)
        prev = first
        joined = False  # an item was joined by 'và' / 'hoặc'
        for m in cands[1:]:
            if prev.title_end > m.start and not re.search(r"(?:,|(?<![a-z])va|(?<![a-z])hoac)\s{0,3}$", low[m.start - 8 : m.start]):
                # in the title of the one before, not listed after it: 'hướng dẫn Nghị định Y quy định chi tiết … của
                # Luật Z' (Z is Y's), a table's next row ('… Được bãi bỏ bởi Quyết định X … 17 Quyết định số Z')
                continue
            between = low[max(prev.ext_end, prev.title_end) : m.start]
            if joined and not re.search(r"(?<![a-z])(?:va|hoac)(?![a-z])", between):
                break  # 'A và B, C': the list ended at its last item, after 'và'
            if whole and ((m.name is not None and first.name is None) or _PASSIVE_NEXT.match(low, max(m.end, m.ext_end))):
                # '… theo Luật số 08/2017/QH14, Luật Đất đai số 45/2013/QH13, …, Luật Điện ảnh số 62/2006/QH11 đã được
                # sửa đổi …': the laws that amend are named by their numbers; a law named by its name, or one a
                # formula of its own follows, is the next thing amended
                break
            if _COORD.match(between) or (not whole and len(between) <= 40
                                         and _COORD.match(re.sub(_PARTIAL.pattern + r"[^,;]*", "", between))):
                out.append(m)
                prev = m
                joined = joined or bool(re.search(r"(?<![a-z])(?:va|hoac)(?![a-z])", between))
            else:
                break
        if re.search(r"(?<![a-z])cac\s*$", gap) and first.type_id is not None:
            # 'bãi bỏ các Quyết định số A … ban hành Quy chế …, Quyết định số B …': after a plural the next ones of
            # that type, each right after a comma or 'và', are the list's even where A's title seems to run on
            for m in ms:
                if (m.start > prev.start and m.type_id == first.type_id and m.number is not None and not m.self_ref
                        and not self.in_quote(m.start) and re.search(r"(?:,|(?<![a-z])va)\s*$", low[max(0, m.start - 8) : m.start])):
                    out.append(m)
                    prev = m
        return out

    def before_semicolon(self, s0: int, pos: int) -> Mention | None:
        """The document a passive formula opening a sentence is about when a ';' inside that document's title ended
        the sentence before: a table row 'Thông tư số 03/2017/… quy định … chương trình; tổ chức … Được thay thế
        bởi Thông tư số 01/2024/…'."""
        cut_by_semicolon = self.ctx.low[:s0].rstrip()[-1:] == ";"
        if not cut_by_semicolon and not self.ctx.low[s0:pos].lstrip().startswith("-"):
            return None
        i = bisect.bisect_left(self.all_mentions, s0, key=lambda m: m.start)
        prior = [m for m in self.all_mentions[max(0, i - 6) : i] if not m.nested and not m.self_ref]
        if not prior:
            return None
        m = prior[-1]
        gap = self.ctx.low[max(m.ext_end, m.end) : pos]
        if len(gap) > 600 or self.other_formula(gap, max(m.ext_end, m.end)) or re.search(r"\.\s", gap):
            return None
        # one ';' (in the title), or the parts of the document listed in a cell: 'Điều 7; Điều 8; khoản 2 Điều 18;
        # khoản 2, khoản 3 Điều 25 - Mẫu số 01 … Phụ lục Được sửa đổi, bổ sung, bãi bỏ bởi Nghị định số 04/2023/…'
        # (the sentence then starts at a ';' or at the '-' of a line)
        segments = gap.split(";")
        if len(segments) < 2:
            return None
        if (len(segments) > 2 or not cut_by_semicolon) and not all(_parts_only(seg) for seg in segments[1:]):
            # … or a legal basis whose title has several ';' ('Căn cứ Nghị định số 63/2019/… quy định xử phạt … tài sản
            # công; thực hành tiết kiệm, chống lãng phí; dự trữ quốc gia; kho bạc nhà nước được sửa đổi, bổ sung bởi …')
            opens = _LIST_MARKER.sub("", self.ctx.low[self.sentence_start(m.start) : m.start], count=1).lstrip()
            if not (cut_by_semicolon and _CAN_CU.match(opens) and all(
                    len(seg) < 150 and not _BASIS_LINE.match(seg.lstrip()) for seg in segments[1:])):
                return None
        return m

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.ex.sentences, (pos, 10**12)) - 1
        return self.ex.sentences[i][0] if i >= 0 else 0

    def leading(self, a: int, b: int) -> Mention | None:
        """The document a sentence opens with, after an item mark ('b) Thông tư số …')."""
        head = _LIST_MARKER.match(self.ctx.low, a, b)
        start = head.end() if head else a
        i = bisect.bisect_left(self.all_mentions, start, key=lambda m: m.start)
        for m in self.all_mentions[i : i + 3]:
            if m.start - start > 4 or m.start >= b:
                break
            if not m.nested and not m.self_ref:
                return m
        return None

    def joined_before(self, s0: int) -> list[Mention]:
        """The documents of the sentences before s0 that one list joins to it with ';', including items a page
        break cut ('2. Thông tư liên tịch số 29/2014/… hướng' / 'dẫn … bảo trợ xã hội;' / 'Thông tư liên tịch số
        06/2015/… hết hiệu lực kể từ ngày …'), nearest last."""
        sents = self.ex.sentences
        low = self.ctx.low
        out: list[Mention] = []
        j = bisect.bisect_left(sents, (s0, -1)) - 1
        while j >= 0 and len(out) < 12:
            a, b = sents[j]
            end = low[a:b].rstrip()[-1:]
            if end in ("", ".", ":", "!", "?"):
                break  # a sentence that ends the list, or a bare mark ('2.')
            lead = self.leading(a, b)
            if lead is not None:
                out.insert(0, lead)
            elif j == 0 or low[sents[j - 1][0] : sents[j - 1][1]].rstrip()[-1:] in ("", ".", ";", ":", "!", "?"):
                break  # neither an item nor the rest of one a page break cut
            j -= 1
        return out

    def parts_of(self, ms: list[Mention], pos: int) -> list[Mention]:
        """The documents whose parts a formula names before naming the document, further than after() looks:
        'Bãi bỏ Mẫu số 01, Mẫu số 02, …, Mẫu số 05 ban hành kèm theo Thông tư số 24/2009/…', 'Bãi bỏ nội dung
        “…” tại điểm b khoản 2 Điều 10 của Thông tư số 57/2015/…'. Quoted words are skipped, not read."""
        low = self.ctx.low
        first = next((m for m in ms if m.start >= pos and not m.nested and not self.in_quote(m.start)), None)
        if first is None or first.start - pos > 400:
            return []
        gap = "".join(" " if self.in_quote(pos + i) else c for i, c in enumerate(low[pos : first.start]))
        if re.search(r"[.;:]\s", gap) or self.other_formula(gap, pos):
            return []
        if re.fullmatch(r"\s*" + _PART_LIST + r"(?:cua\s+|tai\s+)?", gap):  # 'Bãi bỏ Điều 2, …, Điều 16 và Điều 19 <doc>'
            return self.after(ms, first.start, 0)
        # what is repealed is a part: it opens with a part's word and leads to the document ('… của', '… tại'), or,
        # whatever it is, it is placed in the document ('Bãi bỏ điều kiện cấp Giấy phép … quy định tại Điều 26 Nghị
        # định số 67/2013/…', 'Bãi bỏ thủ tục … quy định tại khoản 2 Điều 11 Nghị định số …')
        # (or names one on the way: 'Bãi bỏ tên các thuốc quy định tại số thứ tự 636, 1039 … thuộc Danh mục thuốc …
        # ban hành kèm theo Thông tư số 40/2014/…')
        opens_with_part = re.match(r"\s*(?:toan\s+bo\s+|mot\s+so\s+|cac\s+)?(?:quy\s+dinh\s|" + _PARTIAL.pattern + ")", gap)
        if not (((opens_with_part or _PARTIAL.search(gap)) and _OBJECT_LEAD.search(gap)) or _PLACED_IN.search(gap)):
            return []
        return self.after(ms, first.start, 0)

    def scope_objects(self, ms: list[Mention], pos: int, s1: int) -> list[Mention]:
        """What the text's own scope says it details or guides, further than after() looks: 'Nghị định này quy định
        chi tiết một số nội dung về phát triển kỹ năng nghề tại khoản 4 Điều 22, …, khoản 2 Điều 26 của Luật Việc
        làm số 74/2025/QH15', 'Thông tư này hướng dẫn … theo quy định tại Nghị định số 45/2021/…'."""
        low = self.ctx.low
        first = next((m for m in ms if m.start >= pos and not m.nested and not m.self_ref and not self.in_quote(m.start)), None)
        if first is None or first.start - pos > 400 or first.start >= s1:
            return []
        gap = low[pos : first.start]
        if re.search(r"[.;:]\s", gap) or self.other_formula(gap, pos) or not _SCOPE_LEAD.search(gap):
            return []
        return self.after(ms, first.start, 0)

    def before(self, ms: list[Mention], pos: int, max_gap: int) -> Mention | None:
        """The mention the trigger's clause is about: the last non-nested one before it, near enough."""
        low = self.ctx.low
        cands = [m for m in ms if m.end <= pos and not m.nested]
        if not cands:
            return None
        m = cands[-1]
        if m.title_end > pos:  # the trigger is inside this mention's subject phrase
            return m
        gap = low[max(m.ext_end, m.end) : pos]
        if len(gap) > max_gap or re.search(r"[;]\s|\.\s", gap):
            return None
        return m

    def doer_before(self, ms: list[Mention], trig: _Trigger, sent: tuple[int, int],
                    title_and: bool = False) -> Mention | None:
        """Who acts in an active clause: a mention right before the trigger, or the text itself."""
        low = self.ctx.low
        if _TASK_GIVEN.search(low[sent[0] : trig.start]):
            return None  # 'Giao Bộ Lao động - Thương binh và Xã hội căn cứ … Nghị định số 60/2022/… hướng dẫn …': a task
        # inside a title, the document named there right before the formula: 'Thông tư liên tịch số 33/2013/… hướng
        # dẫn tổ chức thực hiện Quyết định số 14/2012/QĐ-TTg … sửa đổi, bổ sung … Quyết định số 139/2002/QĐ-TTg'
        inner = [m for m in ms if m.end <= trig.start and m.nested and m.parent_title and m.number is not None
                 and m.parent_title[0] <= trig.start < m.parent_title[1]]
        gap = low[max(inner[-1].ext_end, inner[-1].end) : trig.start] if inner else ""
        if inner and (re.fullmatch(r"[\s,]*(?:(?:da|duoc|cung|ve\s+viec|ve)\s*[,]?\s*)*", gap) or (
                # the second half of one formula: '… Nghị định số 320/2025/… quy định chi tiết một số điều và biện pháp
                # để tổ chức, hướng dẫn thi hành Luật …' (the decree's, not the title's owner's)
                trig.type == "GUIDES" and re.match(r"[\s,]{0,3}quy\s+dinh\s+chi\s+tiet\b[^.;:]{0,80}$", gap))):
            return inner[-1]
        cands = [m for m in ms if m.end <= trig.start and (not m.nested or m.self_ref)]
        if title_and and cands and _AND_BEFORE.search(low, max(0, trig.start - 8), trig.start):
            # '… Thông tư số 96/2015/… hướng dẫn … tại Nghị định số 12/2015/… quy định chi tiết thi hành Luật …, và sửa
            # đổi, bổ sung một số điều của Thông tư số 119/2014/…': a formula joined by 'và' right after the title (with
            # the titles of what it names) is the title's document's
            owner = cands[-1]
            reach = max([owner.title_end] + [m.title_end for m in ms if m.nested and m.parent_title
                                             and owner.end <= m.parent_title[0] and m.parent_title[1] <= owner.title_end])
            if owner.title_end > 0 and reach >= trig.start - 8 and not re.search(r"[.;:]\s", low[owner.end : trig.start]):
                return self.resolve(owner)
        if cands:
            m = cands[-1]
            if m.title_end >= trig.start and m.title_end != -1 and m.ext_end <= trig.start:
                return self.resolve(m)
            gap = low[max(m.ext_end, m.end) : trig.start]
            # (news: 'Nghị định 168/2024/NĐ-CP chính thức thay thế …', 'Nghị định 100/2019/NĐ-CP (thay thế …)'; not
            # '(được sửa đổi, bổ sung Nghị định số …)', a passive without its 'bởi')
            if re.fullmatch(r"[\s,]*\(\s*", gap) or re.fullmatch(
                    r"[\s,]*(?:(?:da|se|duoc|vua|con|cung|chinh\s+thuc|nhu\s+sau|ban\s+hanh|de|nham|ve\s+viec|ve)"
                    r"\s*[,]?\s*)*", gap) or (
                    # 'Thông tư này quy định chi tiết, hướng dẫn thi hành …': one doer for the two formulas
                    trig.type == "GUIDES" and re.fullmatch(r"\s*quy\s+dinh\s+chi\s+tiet\s*(?:,|va)\s*", gap)):
                return self.resolve(m)
            if m.self_ref and _EFFECT_BEFORE_FORMULA.fullmatch(gap):
                return self.resolve(m)
        # the text itself, when the clause opens with the formula ("Điều 1. Sửa đổi, bổ sung …")
        if (self.speaker or self.self_doc) is not None:
            head = low[sent[0] : trig.start]
            head = _LIST_MARKER.sub("", head)
            if _SELF_CLAUSE_HEAD.fullmatch(head):
                return self.own_at(trig.start)
        return None

    # sentence ------------------------------------------------------------------------------------------
    def sentence(self, sent: tuple[int, int], ms: list[Mention], list_items: list[list[Mention]]) -> None:
        """The relations one sentence states; inside a quote, only when the quote's writer is known."""
        q = self.quote_at(sent[0])
        if q is not None:
            if q not in self.owners:
                return
            self.speaker, self.speaking = self.owners[q], q
            try:
                self._sentence(sent, ms, list_items)
            finally:
                self.speaker = self.speaking = None
            return
        self._sentence(sent, ms, list_items)

    def _sentence(self, sent: tuple[int, int], ms: list[Mention], list_items: list[list[Mention]]) -> None:
        low, v = self.ctx.low, self.ctx.v
        s0, s1 = sent
        text = low[s0:s1]
        triggers = self.triggers_in(s0, s1)
        items_first = [it[0] for it in list_items if it]
        carry, self.carry = self.carry, None
        if carry is not None and not low[carry[3] : s0].strip():
            firsts = [m for m in ms if not m.nested and not m.self_ref]
            if (firsts and (firsts[0].start - s0 <= 4 or _PART_REF.fullmatch(low[s0 : firsts[0].start].strip()))
                    and not _LIST_MARKER.match(text)
                    and not any(t.start < firsts[0].start for t in triggers)):
                c_type, c_doer, c0, _ = carry
                o = firsts[0]
                self.add("AMENDS" if _PARTIAL.search(low, s0, o.start) else c_type, c_doer, o, (c0, s1))
                if low[s1 - 1 : s1] == ";":
                    self.carry = (c_type, c_doer, c0, s1)
        shared_doer: Mention | None = None  # the doer of the last active formula with objects in this sentence
        passive_before: tuple[int, Mention | None] | None = None  # the last passive formula here, and its subject
        for trig in triggers:
            if self.in_quote(trig.start):
                continue
            if trig.passive:
                patient = self.before(ms, trig.start, 260)
                head = low[s0 : trig.start]
                if (patient is None and not any(m.start < trig.start for m in ms)
                        and (not _PARTIAL.search(head) or _parts_only(head))  # parts listed: of the one before
                        and not re.search(r"(?<![a-z])nay(?![a-z])", head)):
                    patient = self.before_semicolon(s0, trig.start)  # not 'Khoản 4 Điều này được sửa đổi …'
                if (passive_before is not None and (patient is None or passive_before[0] < patient.start)
                        and _AND_BEFORE.search(low, max(s0, trig.start - 8), trig.start)):
                    # '[Điểm này] được sửa đổi theo … Nghị định số 140/2018/… và được sửa đổi theo … Nghị định số
                    # 04/2023/…': the second formula has the first one's subject, not the document named in between
                    patient = passive_before[1]
                passive_before = (trig.start, patient)

                doers = self.after(ms, trig.end, 60, whole=True)
                if not doers and low[s1 - 1 : s1] == ":":
                    doers = items_first
                if patient is not None and self.ctx.text[trig.start : trig.start + 1].isupper():
                    # a table's cell ('Được …', capitalised) after the object of the title of the row's document: 'Thông
                    # tư số 02/2023/… sửa đổi, bổ sung Điều 1 của Thông tư số 09/2022/… | Được bãi bỏ bởi …' is about
                    # 02/2023 (in running text, '… của Nghị định số 209/2013/… đã được sửa đổi … bởi' is about 209/2013)
                    owner = next((r.source for r in reversed(self.ex.relations) if r.target is patient
                                  and r.type == "AMENDS" and not r.source.self_ref and s0 <= r.source.start < patient.start
                                  and patient.start - max(r.source.end, r.source.ext_end) < 150), None)
                    patient = owner or patient
                type_ = trig.type
                if patient is not None and type_ in ("REPLACES", "REPEALS") and (
                        _PARTS_BEFORE.search(low, max(s0, patient.start - 60), patient.start)
                        or _PARTS_ENDING.search(low, max(patient.end, trig.start - 60), trig.start)):
                    # parts of it: 'Phụ lục 1 ban hành kèm theo Thông tư số 15/2026/… được bãi bỏ …', or a table's
                    # column of the parts right before the formula ('… | Khoản 1 Điều 3 | Được bãi bỏ bởi …')
                    type_ = "AMENDS"
                for d in doers:
                    target = patient
                    if patient is not None and _legislative(d, v) and not _legislative(patient, v):
                        # a law amends a law: '… Nghị định số 85/2024/… quy định chi tiết … Luật Giá số 16/2023/QH15
                        # được sửa đổi, bổ sung bởi Luật số 44/2024/QH15': the law named in the decree's title
                        laws = [m for m in ms if patient.start < m.start and m.end <= trig.start and _legislative(m, v)]
                        target = laws[-1] if laws else None
                    elif patient is not None and not _legislative(d, v) and _legislative(patient, v) and type_ == "AMENDS":
                        # and only a law amends a law: '… Nghị định số 100/2024/… quy định chi tiết … của Luật Nhà ở …,
                        # đã được sửa đổi, bổ sung tại Nghị định số 261/2025/…': the decree whose title names the law
                        # (or that the law follows: '… Nghị định số 63/2023/… quy định chi tiết … Luật Tần số vô tuyến
                        # điện …, được sửa đổi … theo Luật số 09/2022/QH15, được sửa đổi, bổ sung bởi Nghị định số …')
                        texts = [m for m in ms if s0 <= m.start and m.end <= patient.start and not m.self_ref
                                 and not _legislative(m, v) and ";" not in low[m.end : patient.start]]
                        target = texts[-1] if texts else None
                    self.add(type_, self.resolve(d), self.resolve(target) if target else None, sent)
                continue
            # active voice
            if trig.type == "IMPLEMENTS":
                doer = self.doer_before(ms, trig, sent)
                objs = [m for m in self.after(ms, trig.end, 12) if m.type_id in _POLICY_TYPES]
                gap_ok = not re.match(r"\s*theo\b", low[trig.end : trig.end + 8])
                if gap_ok:
                    for o in objs:
                        self.add("IMPLEMENTS", doer, self.resolve(o), sent)
                continue
            # 'và sửa đổi …' after a title is the title's, unless a formula before it in this sentence took objects
            # ('Nghị định này thay thế A … và sửa đổi B': B is this text's)
            title_and = shared_doer is None and trig.type in ("AMENDS", "GUIDES")
            doer = self.doer_before(ms, trig, sent, title_and)
            if doer is None and shared_doer is not None and _AND_BEFORE.search(low, max(s0, trig.start - 12), trig.start):
                doer = shared_doer  # "Thông tư này thay thế Thông tư số A … và bãi bỏ Quyết định số B": one doer
            if doer is None:
                continue
            max_gap = 120 if trig.type in ("AMENDS", "GUIDES") else 60
            objs = self.after(ms, trig.end, max_gap)
            if objs and trig.type in ("AMENDS", "GUIDES"):
                gap = low[trig.end : objs[0].start]
                if trig.type == "GUIDES" and len(gap.strip()) > 12 and _GUIDE_LEAD.search(gap):
                    # the measures to apply laws and ordinances: not what a list goes on with ('… thi hành Luật Phòng,
                    # chống tham nhũng và Nghị định số 134/2021/NĐ-CP …' lists the next basis)
                    objs = [o for o in objs if _legislative(o, v)]
                elif (len(gap.strip()) > 12 and not _OBJECT_LEAD.search(gap) and not _PART_REF.fullmatch(gap.strip())
                        and not _NAMED_BEFORE_NUMBER.fullmatch(gap)):
                    objs = []
            if not objs and trig.type in ("AMENDS", "GUIDES") and (pl := _PARTS_OF.match(low, trig.end)) is not None:
                # a long list of the parts before the document: 'hướng dẫn thi hành khoản 4 Điều 24, khoản 3 Điều 26,
                # …, khoản 6 Điều 84 của Luật Thi đua, khen thưởng'
                objs = self.after(ms, pl.end(), 2)
            if (not objs and trig.type == "GUIDES" and doer is self.self_doc and self.speaker is None
                    and any(m.self_ref and m.end <= trig.start and not low[m.end : trig.start].strip() for m in ms)):
                objs = self.scope_objects(ms, trig.end, s1)  # 'Thông tư này hướng dẫn …', not a task 'hướng dẫn, …
            partial = False
            if not objs and trig.type in ("REPLACES", "REPEALS"):
                objs = self.parts_of(ms, trig.end)
                partial = bool(objs)
            if not objs and low[s1 - 1 : s1] == ":" and trig.type in ("REPLACES", "REPEALS", "AMENDS"):
                objs = items_first
            for oi, o in enumerate(objs):
                type_ = trig.type
                if type_ in ("REPLACES", "REPEALS"):
                    # what stands right before this object: the formula for the first, the conjunction after
                    # the previous object for the others ("Bãi bỏ Nghị định A …; Nghị định B")
                    lead_from = trig.end if oi == 0 else max(objs[oi - 1].ext_end, objs[oi - 1].title_end, objs[oi - 1].end)
                    gap = low[lead_from : o.start]
                    if o in items_first:  # a list item: the lead ('Bãi bỏ một số điều của …:', 'thay thế quy định
                        # về … tại các Nghị định sau:') and what opens the item ('b) Điều 3 Nghị định số …')
                        lead = low[trig.end : s1]
                        gap = lead + " " + low[self.item_start.get(id(o), o.start) : o.start]
                        partial = partial or bool(re.search(r"(?<![a-z])quy\s+dinh(?![a-z])", lead))
                    if partial or _PARTIAL.search(gap):
                        type_ = "AMENDS"  # a partial repeal or replacement amends the parts
                    elif type_ == "REPLACES" and re.search(r"\bbang\b", low[o.ext_end : o.ext_end + 20]):
                        continue  # "thay thế X bằng Y": a wording change, not a replacement of X
                self.add(type_, doer, self.resolve(o), sent)
            if objs and trig.type in ("REPLACES", "REPEALS", "AMENDS"):
                shared_doer = doer
            if objs:
                # what follows ';' continues the last formula that took objects: a repeal or replacement ('the last
                # object's type: 'thay thế nội dung … tại A; B' is partial); after another formula, say in a title
                # ('bãi bỏ Điều 2 Thông tư A sửa đổi Thông tư B …; Thông tư C'), it is not the repeal's
                self.carry = (type_, doer, s0, s1) if trig.type in ("REPLACES", "REPEALS") and low[s1 - 1 : s1] == ";" else None
        # "A hết hiệu lực kể từ ngày B có hiệu lực"
        for m in _EXPIRES.finditer(text):
            pos = s0 + m.start()
            if self.in_quote(pos):
                continue
            after = low[s0 + m.end() : s1]
            doer = None
            fm = _FROM_DAY_DOC_EFFECTIVE.match(after)
            if fm:
                later = [x for x in ms if x.start >= s0 + m.end() + fm.end() and x.start <= s0 + m.end() + fm.end() + 4]
                if later:
                    doer = self.resolve(later[0])
            opened = 0  # where the clause names what expires, after 'Kể từ ngày B có hiệu lực,'
            if doer is None and fm is None and (op := _FROM_DAY_OPENS.match(low, s0)) is not None:
                opener = next((x for x in ms if x.start >= op.end()), None)
                if opener is not None and opener.start - op.end() <= 4 and (
                        eff := _OPENS_EFFECT.match(low, max(opener.end, opener.ext_end))) is not None and eff.end() <= pos:
                    doer, opened = self.resolve(opener), eff.end()
            if (doer is None and fm is None and self.in_effect_article(s0) and not _ALREADY.search(low, max(s0, pos - 12), pos)
                    and not _UNTIL.search(low, s0, pos)):
                # the text's own article on when it takes effect ends what it names: 'Kể từ ngày 01 tháng 01 năm 2024,
                # Thông tư 08/2022/… và Thông tư số 10/2015/… hết hiệu lực thi hành.' (elsewhere a date alone does not
                # say what ended it; 'đã hết hiệu lực' tells, not decides)
                doer = self.own_at(pos)
                if (op := _FROM_DATE_OPENS.match(low, s0)) is not None:
                    opened = op.end()
            if doer is None:
                continue
            patients = [x for x in ms if opened <= x.start and x.end <= pos and not x.nested and not x.self_ref
                        and not self.alias_of_before(ms, x)]
            if not patients and low[s1 - 1 : s1] == ":":
                patients = items_first
            elif patients:
                # the documents listed before the formula, coordinated
                def listed_up_to(last: int, patients: list[Mention] = patients) -> list[Mention]:
                    chosen = [patients[last]]
                    for x in reversed(patients[:last]):
                        if _COORD.match(low[max(x.ext_end, x.title_end) : chosen[0].start]):
                            chosen.insert(0, x)
                        else:
                            break
                    return chosen

                chosen = listed_up_to(len(patients) - 1)
                first_idx = patients.index(chosen[0])
                if first_idx > 0:
                    x = patients[first_idx - 1]
                    if _PASSIVE_AMEND_TAIL.search(low[max(x.ext_end, x.end) : chosen[0].start]):
                        chosen = [x]  # the listed documents amended X; X is what expires
                    elif any(r.source is x and r.target is chosen[0] for r in self.ex.relations):
                        # 'A … và B sửa đổi, bổ sung … A hết hiệu lực': the second A is in B's title; A and B expire
                        chosen = listed_up_to(first_idx - 1)
                patients = chosen
                if patients[0] is next((x for x in ms if not x.nested and not x.self_ref), None):
                    patients = self.joined_before(s0) + patients
            for p in patients:
                # the parts named before it ('… tại Mục 3 Chương III, …, các điều 104, 105, 106, 107, 116 và 117 của
                # Luật …'), back to the document before it in the sentence
                k = bisect.bisect_left(self.all_mentions, p.start, key=lambda x: x.start)
                before = [x for x in self.all_mentions[max(0, k - 4) : k] if x is not p and x.end <= p.start]
                from_ = max(self.sentence_start(p.start), p.start - 150,
                            max((max(x.end, x.ext_end, x.title_end) for x in before), default=0))
                type_ = "AMENDS" if _PARTIAL.search(low, from_, p.start) else "REPLACES"
                self.add(type_, doer, self.resolve(p), sent)

        # "Sau khi Bộ Chính trị ban hành Nghị quyết A …, … ban hành Quyết định B": B implements A
        sk = re.search(r"(?<![a-z])sau\s+khi\b", text)
        if sk:
            first = [x for x in ms if x.start > s0 + sk.end() and not x.nested and not x.self_ref]
            if first and first[0].type_id in ("NghiQuyet", "ChiThi", "KetLuan") and re.search(
                r"ban\s+hanh\s*$", low[s0 + sk.end() : first[0].start]
            ):
                a = first[0]
                rest = [x for x in first[1:] if re.search(r"ban\s+hanh\s*$", low[a.ext_end : x.start])]
                if rest:
                    self.add("IMPLEMENTS", rest[0], a, sent)

    def alias_of_before(self, ms: list[Mention], x: Mention) -> bool:
        """'Nghị định số 55/2023/NĐ-CP … (Nghị định số 55/2023/NĐ-CP)', '(sau đây gọi là Thông tư số 115/2017/…)':
        the short name a text gives a document it has just named, not another mention of it."""
        if x.number is None or not re.search(r"\(\s{0,3}(?:sau\s+day\s+(?:goi|viet)\s+(?:tat\s+)?(?:la\s+)?)?$",
                                             self.ctx.low[max(0, x.start - 30) : x.start]):
            return False
        return any(m.number is not None and m.number.base == x.number.base and m.end <= x.start for m in ms)

    def based_on(self, sent: tuple[int, int], ms: list[Mention], subject: Mention | None) -> None:
        for m in ms:
            if not m.nested and not m.self_ref:
                self.add("BASED_ON", subject, m, sent)


def _legislative(m: Mention, v: Vocabulary) -> bool:
    """A text of the legislature (a law, a code, the Constitution, or numbered with a legislature's code, QH15,
    UBTVQH14: `Vocabulary.legislature_codes`): only such a text amends another such text."""
    if m.type_id in ("Luat", "BoLuat", "HienPhap", "PhapLenh"):
        return True
    code = re.fullmatch(r"([A-Z]+)\d*", fold(m.number.code[-1]).upper()) if m.number is not None else None
    return code is not None and code.group(1) in v.legislature_codes


# straight quotes open after a space, '(' or ':' and close after a word ('quy định như sau: "Điều 10. … ./."')
_QUOTE_MARKS = re.compile(r"[“”\"]")  # a straight one counts where _is_quote_mark says


def _is_quote_mark(text: str, i: int) -> bool:
    """A straight quote that opens (at the start, or after a space, '(' or ':', before a non-space) or closes
    (after a non-space); one between two spaces is neither."""
    if i > 0 and not text[i - 1].isspace():
        return True  # closes, or opens after '(' or ':'
    return i + 1 < len(text) and not text[i + 1].isspace()


def _quotes(text: str) -> list[tuple[int, int]]:
    """The spans of quoted text longer than a few words: a provision another text wrote, or wording it changes.
    Inside straight quotes, curly ones are the quoted text's own ('"Điều 10. … b) “Đã hội chẩn …” trong điểm a …"')
    and the other way round."""
    out = []
    start: int | None = None
    kind = ""  # the mark that opened the span: '“' or '"'
    for m in _QUOTE_MARKS.finditer(text):
        g = m.group()
        straight = g == '"'
        if straight and not _is_quote_mark(text, m.start()):
            continue
        opening = g == "“" or (straight and (m.start() == 0 or text[m.start() - 1] in " \t\n(:"))
        if start is None:
            if opening:
                start, kind = m.start(), ('"' if straight else "“")
        elif not opening and (kind == '"') == straight:
            if m.start() - start > 40:
                out.append((start, m.start()))
            start = None
    return out


def _proposers(ctx: _Ctx, ex: Extraction, sent: tuple[int, int], ms: list[Mention]) -> None:
    """'Bộ TT&TT đã xây dựng, tham mưu Thủ tướng ban hành Quyết định X': X PROPOSED_BY Bộ TT&TT."""
    low = ctx.low
    text = low[sent[0] : sent[1]]
    if "tham" not in text and "tri" not in text and "xuat" not in text:
        return  # none of the verbs below can be there (a substring test is cheaper than the pattern)
    # 'trình' the verb ('trình Thủ tướng'), not the noun in 'Khung trình độ', 'chương trình', 'quy trình', 'trình tự'
    for tm in re.finditer(r"(?:tham\s+muu|chu\s+tri\s+xay\s+dung|de\s+xuat|(?<!chuong\s)(?<!quy\s)(?<!cong\s)"
                          r"(?<!lo\s)(?<!tien\s)(?<!khung\s)(?<!to\s)trinh(?!\s+(?:do|tu|bay|dien)\b))\b", text):
        pos = sent[0] + tm.start()
        head = low[max(sent[0], pos - 80) : pos]
        ag = None
        for am in ctx.v.agency_name_re.finditer(head):
            ag = am
        if ag is None:
            continue
        agency = ctx.v.agency_for_name(ag.group())
        tail_docs = [m for m in ms if m.start > pos and not m.nested and not m.self_ref]
        if not tail_docs or agency is None:
            continue
        d = tail_docs[0]
        if re.search(r"ban\s+hanh\b[^.;]{0,30}$", low[pos : d.start]) and d.start - pos < 120 and d.issuer != agency.id:
            ex.proposers.append((d, agency.id, sent))


def _marker_kind(sentence: str) -> str | None:
    """The kind of list mark a sentence opens with: '2.' (number), 'a)' (letter), '-' (dash), or none."""
    m = _MARKER_KIND.match(sentence)
    if m is None:
        return None
    return "number" if m.group(1) else "letter" if m.group(2) else "dash"


def extract(ct: CleanText, vocab: Vocabulary | None = None) -> Extraction:
    """Everything a cleaned text states."""
    v = vocab or vocabulary()
    ctx = _Ctx(ct, v)
    ex = Extraction(text=ct)
    sentences = split_sentences(ctx.low, _is_wrapped(ct.text), ctx.folded)
    ex.sentences = sentences
    mentions = find_mentions(ctx, sentences)
    ex.mentions = [m for m in mentions if not m.self_ref]
    ex.self_doc, ex.base_doc = _header(ctx, mentions)
    if ex.self_doc is not None and ex.self_doc.type_id in _ENACTED:
        # 'Quốc hội ban hành Luật Người lao động Việt Nam …': the enacting formula names the text itself
        enacting = [m for m in mentions if m.name and m.number is None and _ENACTING.search(ctx.low, max(0, m.start - 40), m.start)]
        mentions = [m for m in mentions if m not in enacting]
        ex.mentions = [m for m in ex.mentions if m not in enacting]
    rel = _Relator(ctx, ex, _quotes(ct.text), mentions)
    for m in mentions:  # 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;': the one that applied that day
        if m.type_id == "HienPhap" and m.year is None and m.date is None and not m.self_ref:
            m.year = _constitution_year(v, rel.writer_at(m.start))
    # group mentions by sentence
    starts = [s for s, _ in sentences]
    per: list[list[Mention]] = [[] for _ in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0:
            per[i].append(m)
    based_subject: Mention | None = None
    basis_open = False  # a "Căn cứ …;" line continues after ';' with more bases
    header_end = ex.self_doc.end if ex.self_doc else 0
    # the legal bases open a text, before its first article: a 'Căn cứ …' in the body ('Căn cứ theo quy định tại
    # … Luật X thì …', 'Căn cứ tiêu chuẩn quy định tại Điều 18 …') applies a text, it is not this text's basis
    first_article = re.search(r"(?:^|\n)[ \t]*dieu\s+1\s*[.:]", ctx.low)
    body_start = first_article.start() if first_article else len(ctx.low)
    for i, sent in enumerate(sentences):
        ms = per[i]
        low = ctx.low[sent[0] : sent[1]]
        if not ms and not low.endswith(":"):
            if "can cu" not in low:
                based_subject = None
            if basis_open and not _CAN_CU.match(_LIST_MARKER.sub("", low, count=1)):
                basis_open = False  # 'Theo đề nghị của …;' closes the legal bases
            continue
        body = _LIST_MARKER.sub("", low, count=1).lstrip("“\"' ")  # a quoted basis: “Căn cứ …
        opens_basis = bool(_CAN_CU.match(body))
        # list items that follow a sentence ending in ':' ("Các Nghị định sau hết hiệu lực …:")
        items: list[list[Mention]] = []
        item_start: dict[int, int] = rel.item_start
        if low.endswith(":"):
            marker_alone = False  # '1.' split off as a sentence of its own: the item is the next one
            line_head = ctx.low[ctx.low.rfind("\n", 0, sent[0]) + 1 : sent[0]]  # '2. ' when split off the sentence
            lead_kind = _marker_kind(line_head + low)
            first_kind: str | None = None  # how the first item is marked
            cut = False  # an item was cut by a page break and its rest skipped
            for j in range(i + 1, min(i + 40, len(sentences))):
                nxt = ctx.low[sentences[j][0] : sentences[j][1]]
                if lead_kind is not None and _marker_kind(nxt) == lead_kind:
                    break  # '3. Bãi bỏ …' after the items of '2. … hết hiệu lực …:' is the next point, not an item
                nb = _LIST_MARKER.sub("", nxt, count=1)
                alone = bool(_MARKER_ALONE.fullmatch(nxt.strip()))
                is_item = (bool(_LIST_MARKER.match(nxt)) or alone or marker_alone) and not _ARTICLE_AT.match(nxt)
                marker_alone = alone and not per[j]
                if marker_alone:
                    continue
                starts_with_doc = bool(per[j]) and per[j][0].start - sentences[j][0] <= 3 + (len(nxt) - len(nb))
                if _LIST_ENDS.match(nb):
                    break
                if not (is_item or starts_with_doc):
                    prev = ctx.low[sentences[j - 1][0] : sentences[j - 1][1]].rstrip()
                    if items and first_kind is not None and prev and prev[-1] not in ".;:!?":
                        cut = True
                        continue  # the rest of an item a page break cut ('… ngày 17 tháng 10' / 'năm 2018 …;')
                    break
                kind = _marker_kind(nxt)
                if not items:
                    first_kind = kind
                elif cut and kind != first_kind:
                    break  # after a cut item only an item marked like the first ones ('c)') goes on with the list
                # not a document named in quoted words ('Sửa đổi, bổ sung Điều 1 như sau: “Điều 1. … Luật Việc làm …”'
                # is the new wording, not a list of what is amended), unless the lead is quoted with it
                firsts = [m for m in per[j] if not m.nested and not m.self_ref
                          and rel.quote_at(m.start) in (None, rel.quote_at(sent[0]))][:1]
                for m in firsts:
                    item_start[id(m)] = sentences[j][0]
                items.append(firsts)
        in_basis = False
        if ms or items:
            in_basis = opens_basis or (basis_open and not _BASES_CLOSED.match(body))
            if in_basis and ex.self_doc is not None and (sent[0] < body_start or based_subject is not None):
                rel.based_on(sent, ms, based_subject or rel.self_doc)
                rel.sentence(sent, ms, [])  # "Luật X được sửa đổi, bổ sung bởi Luật Y" inside a basis line
                basis_open = low.endswith(";") or low.endswith(",")
            else:
                basis_open = False
                based_subject = None
                rel.sentence(sent, ms, items)
            _proposers(ctx, ex, sent, ms)
        # "Nghị định số 359/2025/NĐ-CP … có căn cứ ban hành như sau:" — the next Căn cứ lines are its own
        if _OWN_BASES_FOLLOW.search(low):
            firsts = [m for m in ms if not m.nested and not m.self_ref]
            based_subject = firsts[0] if firsts else None
        elif not in_basis:  # a basis goes on after ';' ('Căn cứ Luật A …; Luật B …;'): still the same text's
            based_subject = None if not _AS_FOLLOWS.search(low) else based_subject
    # the title of the text itself states relations too: "Sửa đổi, bổ sung một số điều của Nghị định số 38/…"
    if ex.self_doc is not None and ex.self_doc.title and ex.base_doc is None:
        _title_relations(ctx, ex, rel, mentions, header_end)
    if ex.self_doc is not None and ex.base_doc is not None:
        rel.add("CONSOLIDATES", ex.self_doc, ex.base_doc, (ex.base_doc.start, ex.base_doc.ext_end))
        for r in list(ex.relations):
            if r.type == "AMENDS" and r.target is ex.base_doc and r.source.start < 4000:
                rel.add("CONSOLIDATES", ex.self_doc, r.source, r.sentence)
    ex.effective = find_effective(ctx, ex, mentions, sentences)
    return ex


_TASK_GIVEN = re.compile(r"(?:^|\n)[ \t]*(?:[a-zđ]\)\s*|\d{1,3}\.\s*|[-+]\s*)?giao\s+(?:cho\s+)?(?:bo|uy\s+ban|ngan\s+hang|co\s+quan|thu\s+truong|bo\s+truong|cac\s+bo)\b")
_PAGE_BREAK_BEFORE = re.compile(r"\n[ \t]*\n[ \t\n]*(?:\d{1,3}\.[ \t]*)?$")  # blank lines: where the cleaner took a Gazette page header out
_MARKER_ALONE = re.compile(r"(?:\d{1,3}|[a-zđ])[.)]")  # fullmatch on the stripped sentence
_MARKER_KIND = re.compile(r"^\s*(?:(\d{1,3}\.)(?=\s|$)|([a-zđ]\))|([-+•])\s)")
_CAN_CU = re.compile(r"can\s+cu\b")
_ARTICLE_AT = re.compile(r"^\s*dieu\s+\d")
_LIST_ENDS = re.compile(r"^\s*(?:can\s+cu|chuong|dieu\s+\d+[a-z]?\s*\.)")
_BASES_CLOSED = re.compile(r"(?:theo|xet|thuc\s+hien|chinh\s+phu|bo\s+truong|[a-z ]{0,30}ban\s+hanh)\b")
_OWN_BASES_FOLLOW = re.compile(r"co\s+can\s+cu\s+ban\s+hanh\s+nhu\s+sau\s*:?$")
_AS_FOLLOWS = re.compile(r"nhu\s+sau\s*:?$")
_ENACTED = ("Luat", "BoLuat", "PhapLenh", "HienPhap")
_ENACTING = re.compile(r"(?:quoc\s+hoi|uy\s+ban\s+thuong\s+vu\s+quoc\s+hoi)\s+ban\s+hanh\s+$")
_LEGAL_BASIS = re.compile(r"(?<![a-z])can\s+cu(?![a-z])")


def _words_at(low: str, pos: int, words: list[str]) -> int | None:
    """Where the words, in order and apart by any white space, end if they are written at pos (what matching
    'w1\\s+w2\\s+…' does, without compiling a pattern per title)."""
    i = pos
    for k, w in enumerate(words):
        if k:
            j = i
            while j < len(low) and low[j].isspace():
                j += 1
            if j == i:
                return None
            i = j
        if not low.startswith(w, i):
            return None
        i += len(w)
    return i


def _find_words(low: str, words: list[str], start: int, end: int) -> int | None:
    """Where the words first stand in low[start:end], in order and apart by any white space."""
    if not words:
        return start
    i = low.find(words[0], start, end)
    while i >= 0:
        e = _words_at(low, i, words)
        if e is not None and e <= end:
            return i
        i = low.find(words[0], i + 1, end)
    return None


def _title_relations(ctx: _Ctx, ex: Extraction, rel: _Relator, mentions: list[Mention], header_end: int) -> None:
    """Relations a full text's title states, with the text itself as the actor."""
    assert ex.self_doc is not None
    title_low = fold_lower(ex.self_doc.title or "")
    if not title_low:
        return
    # the title's first words as printed, whatever the line breaks between them ('… thực hiện \nChỉ thị số …')
    words = title_low.split()
    found = _find_words(ctx.low, words[:7], header_end, len(ctx.low))
    if found is None:
        found = _find_words(ctx.low, words[:7], 0, header_end)  # 'Số: …' under the title
    if found is None:
        return
    pos = found
    whole = _words_at(ctx.low, pos, words)
    end = whole + 1 if whole is not None else pos + len(title_low) + 20
    cc = _LEGAL_BASIS.search(ctx.low, pos + len(title_low) // 2, end)
    if cc is not None:  # the title ends where the legal bases begin: 'Căn cứ Nghị định …' is not in it
        end = cc.start()
    ms = [m for m in mentions if pos <= m.start < end and not m.self_ref]
    for trig in find_triggers(ctx.low, pos, min(end, pos + 200)):
        if trig.passive or trig.start - pos > 60:
            continue
        doer: Mention = ex.self_doc
        named = [m for m in ms if m.end <= trig.start]
        if named:  # 'Về việc đính chính Thông tư số 138/2025/TT-BTC sửa đổi … Thông tư 95/2020 …': the one named acts
            last = named[-1]
            if not re.fullmatch(r"[\s,]{0,3}", ctx.low[max(last.end, last.ext_end) : trig.start]):
                break
            doer = last
        for o in rel.after(ms, trig.end, 120):
            if trig.type == "IMPLEMENTS" and o.type_id not in _POLICY_TYPES:
                continue
            t = trig.type
            if t in ("REPLACES", "REPEALS") and _PARTIAL.search(ctx.low[trig.end : o.start]):
                t = "AMENDS"
            rel.add(t, doer, o, (pos, min(len(ctx.low), end)))
        break


# --------------------------------------------------------------------------------------------------------
# effective dates

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
    out: list[RawEffective] = []
    starts = [a for a, _ in sentences]

    def sentence(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 else (pos, min(len(ctx.low), pos + 200))

    own = ex.base_doc or ex.self_doc  # in a consolidated text, 'Thông tư này' is the consolidated document
    # search after the header; a consolidated text's own header (the VBHN block) stands at its end
    header_end = ex.self_doc.ext_end if ex.self_doc is not None and ex.base_doc is None else 0
    main: re.Match[str] | None = None
    # 'Nghị định này …' after the header: the clauses on the text's own effect are tried where one is named (anchored
    # there: no search of the whole text for each); mentions are in text order
    selves = [m.start for m in mentions if m.self_ref and m.start >= header_end] if own is not None else []
    for pos in selves:
        main = _SELF_EFFECT.match(ctx.low, pos)
        if main is not None:
            break
    if own is not None and main is not None:
        issued = own.date
        if main.group("date"):
            d, rule = _first_date(main.group("date")), "date"
        elif main.group("signing"):
            d, rule = issued, "on_signing"
        else:
            n = int(main.group("days"))
            d, rule = (issued + dt.timedelta(days=n) if issued else None), f"after_days:{n}"
        if ex.base_doc is not None and (issued is None or d is None or not issued <= d <= issued + dt.timedelta(days=731)):
            # a consolidated text also quotes the clauses of the texts that amended it: take the first only when
            # it fits the consolidated document's own date of issue
            return out
        out.append(RawEffective(own, d, None, rule, sentence(main.start())))
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
    if own is not None and ex.base_doc is None and not any(e.rule == "until" for e in out):
        until_end = 0
        for pos in selves:
            um = _SELF_UNTIL.match(ctx.low, pos) if pos >= until_end else None
            if um is None:
                continue
            until_end = um.end()
            # the text itself must be the sentence's subject: not 'Kể từ ngày Thông tư này có hiệu lực đến hết
            # ngày …, mức thu phí …' (a period in a provision) nor '… tại Điều 3 Nghị định này hết hiệu lực …'
            if _LIST_MARK.fullmatch(ctx.low[sentence(um.start())[0] : um.start()]):
                out.append(RawEffective(own, _last_day(um), None, "until", sentence(um.start())))
                break
    # '… Nghị định số 42/2022/NĐ-CP … có hiệu lực từ ngày 01/8/2022': the subject of the sentence, when nothing
    # stands between it and the clause that makes another text the one acted upon
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
                lead + " " + between):
            continue
        out.append(RawEffective(subject, _first_date(em.group("date")), None, "as_reported", sentence(em_start)))
    return out
