"""Questions in Vietnamese or English, answered from the graph with the sentence that states each fact.

No language model: the question is folded (no diacritics, lower case), the document or body it names is
found with the same number parser and vocabulary as extraction and replaced by a placeholder, and what is
left is matched against the forms these questions take:

    Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?       what replaced decree 43/2011?
    Nghị định 43/2011 bị thay thế bởi văn bản nào?      what did decree 42/2022 replace?
    Quyết định 749/QĐ-TTg thực hiện nghị quyết nào?     what implements resolution 52-NQ/TW?
    Bộ TT&TT ban hành những văn bản nào?                what did the Government issue?
    Nghị định 42/2022 còn hiệu lực không?               is decree 42/2022 in force?
    Ai ban hành Quyết định 749/QĐ-TTg?                  who issued decision 749/QĐ-TTg?
    Ai trình / Cơ quan nào tham mưu Quyết định 749?     who proposed (drafted) decision 749/QĐ-TTg?
    Chỉ thị 16/CT-TTg năm 2026 (ngày 23/4/2026) …       directive 16/CT-TTg of 2026 …
    Quyết định 505 do ai ban hành?                      who issued decision 505?
    Nghị định 158/2025 làm hết hiệu lực văn bản nào?    what did decree 158/2025 end the force of?
    Những nghị định nào của Chính phủ còn hiệu lực      which decrees of the Government are in force on
      vào ngày 1/7/2026? (… đã hết hiệu lực?)             1 July 2026? (… no longer in force?)
    Những văn bản nào có hiệu lực từ ngày 1/7/2026?     which documents take effect on 1 July 2026?
    Nghị định nào quy định mức lương cơ sở năm 2026?    which decree is about "mức lương cơ sở"?

A number written without its year ('16/CT-TTg') takes the year or the day of issue written after it ('… năm 2026',
'… 2026', '… ngày 23/4/2026', '… of 2026'), or the one year the question gives elsewhere; a type word with a bare
number ('Quyết định 505', 'Chỉ thị 21 của Thủ tướng Chính phủ') the one document of that type and number (of that
year and body), else the question lists them. A question naming no document asks about many: a list in force (of a
body, a type, a year, about a subject, on a day), or a subject, answered by a search of titles (the store's search,
diacritics or none, ranked here: the words as written, of the year asked for, the newest first), and said to be one.

The verbs come from the relation vocabulary (ontology/relations.tsv, columns verbs_vi and verbs_en); the direction
from where the document stands against the verb ("X thực hiện … nào" looks outward, "… nào thực hiện X" and the
passive "X được thực hiện bởi" inward). What the question asks is settled before the graph is read, so each kind of
question reads the store once (`Store.document_relations`, `Store.document_chain`, `Store.document`), a bare number
twice (its candidates, then the one document), a body's documents twice (the page, then their ISSUED_BY evidence in
one call), a list in force three times (the documents, what acts on them, the texts that act) and the texts taking
effect on a day twice (those of that year and of the year before). Facts of one document asked together ('… do ai
ban hành và có hiệu lực từ khi nào?') are each answered, in the question's order, from one read.

`graph.ask(store, question)` is this module's `ask`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from .errors import AmbiguousReference, NotFound, NumberError
from .model import RELATION_TYPES, Document, Evidence, relation_verbs
from .numbers import NUMBER_RE, parse, scan
from .provisions import CHANGING, EffectRow, PartsView, article_range, find_part_phrase, label_of, part_id
from .status import ACTING, STATUS_TYPES, Change, changes, status_on
from .stores.base import DocumentRelations, Lookup, Store, parse_ref
from .vocab import DocType, fold, fold_lower, vocabulary

MAX_QUESTION = 500

Language = Literal["vi", "en"]

# each relation's verbs (ontology/relations.tsv), Vietnamese and English, folded, longest first; in the table's
# order, which matters: the first relation whose verb the question holds is the one asked about
VERBS: dict[str, tuple[str, ...]] = {t: vi + en for t, (vi, en) in relation_verbs().items()}
_VERB_RE = [(t, re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                           + r")(?![a-z])")) for t, words in VERBS.items()]
_PASSIVE = re.compile(r"(?<![a-z])(?:bi|duoc|da bi|da duoc|is|was|been|are|were)(?![a-z])")
_BY = re.compile(r"(?<![a-z])(?:boi|bang|by)(?![a-z])")
_SINCE_WHEN = re.compile(r"(?<!het\s)(?<!het)hieu\s+luc\s+(?:thi\s+hanh\s+)?(?:tu\s+|ke\s+tu\s+)?(?:khi\s+nao|bao\s+gio|ngay\s+nao|luc\s+nao)|"
                         r"(?<![a-z])(?:khi\s+nao|bao\s+gio|tu\s+ngay\s+nao|ngay\s+nao|tu\s+khi\s+nao|luc\s+nao)\s+"
                         r"(?:\S+\s+){0,8}?(?:co|bat\s+dau\s+co)\s+hieu\s+luc(?!\s+den)|"
                         r"(?<![a-z])(?:ngay|thoi\s+diem)\s+(?:co\s+|bat\s+dau\s+co\s+)?hieu\s+luc(?!\s+den)|"
                         r"(?:take|takes|took|taken)\s+effect|come\s+into\s+force|came\s+into\s+force|in\s+force\s+since|"
                         r"effective\s+(?:date|since|from)|date\s+of\s+effect|since\s+when")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = "|".join(_MONTHS)
_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)|"
                  r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+((?:19|20)\d\d)|"
                  r"(?<!\d)((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)|"
                  rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\s*,?\s+((?:19|20)\d\d)(?!\d)|"
                  rf"(?<![a-z])({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+((?:19|20)\d\d)(?!\d)")


def _day_in(f: str) -> dt.date | None:
    """A day the question asks about: 1/1/2020, ngày 1 tháng 1 năm 2020, 2020-01-01, 1 January 2020, January 1, 2020."""
    m = _DAY.search(f)
    if m is None:
        return None
    y, mo, d = _ymd(m)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _ymd(m: re.Match[str]) -> tuple[int, int, int]:
    """The year, month and day a match of `_DAY` writes, whether or not they make a real day."""
    g = m.groups()
    if g[0]:
        return int(g[2]), int(g[1]), int(g[0])
    if g[3]:
        return int(g[5]), int(g[4]), int(g[3])
    if g[6]:
        return int(g[6]), int(g[7]), int(g[8])
    if g[9]:
        return int(g[11]), _MONTHS.index(g[10]) + 1, int(g[9])
    return int(g[14]), _MONTHS.index(g[12]) + 1, int(g[13])


def _impossible_day(q: str, f: str, ref: _Ref | None, lang: Language) -> str | None:
    """What to say of a date written in the question that is no real day ('31/2/2026', '2026-13-01', '30 February
    2026'), outside the number of the document it names; None when every date written is real. Answering for
    another day (today) would answer a question not asked."""
    for m in _DAY.finditer(f):
        if ref is not None and ref.start <= m.start() and m.end() <= ref.end:  # within the number named
            continue
        y, mo, d = _ymd(m)
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            continue
        written = q[m.start() : m.end()]
        if lang == "vi":
            why = (f"không có tháng {mo}" if not 1 <= mo <= 12 else
                   f"tháng {mo} năm {y} chỉ có {calendar.monthrange(y, mo)[1]} ngày" if d else "không có ngày 0")
            return f"«{written}» không phải là một ngày có thật ({why}). Hãy hỏi lại với một ngày đúng."
        why = (f"there is no month {mo}" if not 1 <= mo <= 12 else
               f"{_MONTHS[mo - 1].capitalize()} {y} has {calendar.monthrange(y, mo)[1]} days" if d else "there is no day 0")
        return f"«{written}» is not a real date ({why}). Please ask again with a real date."
    return None


# what a text ends the force of: 'làm hết hiệu lực', 'chấm dứt hiệu lực', 'hết hiệu lực bởi / do văn bản nào'
_ENDS_FORCE = re.compile(r"(?<![a-z])(?:lam\s+(?:cho\s+)?(?:\S+\s+){0,6}?het\s+hieu\s+luc|cham\s+dut\s+hieu\s+luc"
                         r"|het\s+hieu\s+luc\s+(?P<by>boi|do|theo)\s)")
_STATUS = re.compile(r"hieu luc|in force|still valid|valid|effective|repealed\?|status|tinh trang")
_ISSUE = re.compile(r"ban hanh|thong qua|issue[sd]?|published|passed|adopted|documents? (?:of|from|by)")
_WHO = re.compile(r"(?<![a-z])(?:ai|co quan nao|who|which (?:body|agency|authority))(?![a-z])")
# who drafted or proposed a text (PROPOSED_BY): 'Ai trình …', 'cơ quan nào soạn thảo / chủ trì / tham mưu …', 'who
# proposed / drafted …'; 'trình' the verb, not the noun in 'chương trình', 'quy trình', 'tờ trình', 'trình độ'
_PROPOSE_VERB = re.compile(
    r"(?<![a-z])(?:(?<!chuong )(?<!quy )(?<!to )(?<!lo )(?<!tien )(?<!cong )trinh(?! (?:do|tu|bay|dien)(?![a-z]))"
    r"|soan thao|du thao|chu tri|tham muu|de xuat|de nghi|xay dung du thao"
    r"|propos(?:e|ed|es|ing|al)|draft(?:s|ed|ing)?|submit(?:s|ted)?|prepared)(?![a-z])")
_WHICH_BODY = re.compile(r"(?<![a-z])(?:bo nao|don vi nao|co quan|whom|which (?:ministry|body|agency|authority|organ)"
                         r"|by which)(?![a-z])")
_PROPOSER = re.compile(r"(?<![a-z])(?:co quan (?:chu tri|soan thao|tham muu|trinh|de xuat)|drafting (?:body|agency)"
                       r"|proposer|drafter)(?![a-z])")
# when a text was issued: 'ban hành ngày nào', 'ngày ban hành', 'khi nào … ban hành', 'when was … issued'
_ISSUED_ON = re.compile(r"(?<![a-z])(?:(?:ban\s+hanh|ky)\s+(?:vao\s+)?(?:ngay\s+nao|khi\s+nao|luc\s+nao|bao\s+gio|nam\s+nao"
                        r"|thoi\s+gian\s+nao)|ngay\s+(?:ban\s+hanh|ky)|(?:khi\s+nao|ngay\s+nao|bao\s+gio|nam\s+nao)\s+"
                        r"(?:\S+\s+){0,8}?(?:duoc\s+)?(?:ban\s+hanh|ky)|when\s+(?:was|were|did)\s+(?:\S+\s+){0,8}?"
                        r"(?:issued?|sign(?:ed)?|adopt(?:ed)?|pass(?:ed)?|promulgated)|date\s+of\s+(?:issue|signature)|issue\s+date"
                        r"|issued\s+on\s+what|what\s+date)(?![a-z])")
_QUESTION_WORD = re.compile(r"(?<![a-z])(?:nao|gi|what|which|nhung|cac)(?![a-z])")
_VI_HINT = re.compile(r"(?<![a-z])(?:nao|gi|khong|con|bi|duoc|van ban|nhung|ai)(?![a-z])")

EXAMPLES_VI = [
    "Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?",
    "Quyết định 749/QĐ-TTg thực hiện nghị quyết nào?",
    "Bộ TT&TT ban hành những văn bản nào?",
    "Nghị định 42/2022 còn hiệu lực không?",
]
EXAMPLES_EN = ["what replaced decree 43/2011?", "what implements resolution 52-NQ/TW?", "is decree 42/2022 in force?"]


@dataclass
class AnswerItem:
    """One fact of an answer: a document (or body), how it relates, and the sentence that says so."""

    key: str
    label: str
    kind: Literal["document", "agency"] = "document"
    relation: str | None = None
    direction: Literal["out", "in"] | None = None
    document: Document | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Answer:
    question: str
    understood: bool
    language: Language
    text: str
    intent: str | None = None
    subject: Document | None = None
    agency: str | None = None
    items: list[AnswerItem] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class _Ref:
    start: int
    end: int  # the end of the reference and of the year or day of issue written after it
    text: str  # the reference as written, without that year or day
    kind: Literal["document", "agency"]
    agency_id: str | None = None  # a body's; for a number without its code, the body named after it
    query: str | None = None  # what to look the document up by, when not `text` (a law asked for in English)
    year: int | None = None  # the year of issue written after it ('… năm 2026', '… (2026)', '… ngày 23/4/2026')
    day: dt.date | None = None  # the day of issue written after it
    ordinal: int | None = None  # a type word and a number alone ('Quyết định 505'): that number
    type_ids: tuple[str, ...] | None = None  # … and the types the word names


def _type_word_before(f: str, start: int) -> int:
    """Extend a number's span back over the type word in front of it ('nghi dinh so 43/2011')."""
    v = vocabulary()
    head = f[max(0, start - 40) : start]
    best = start
    for m in v.type_word_re.finditer(head):
        tail = head[m.end() :]
        if re.fullmatch(r"\s*(?:so\s*)?", tail):
            best = start - len(head) + m.start()
    if best == start:
        for t in v.doc_types.values():
            en = fold_lower(t.name_en)
            m2 = re.search(rf"(?<![a-z]){re.escape(en)}\s*(?:no\.?\s*|number\s*)?$", head)
            if m2:
                best = min(best, start - len(head) + m2.start())
    return best


_LAW_WORD = re.compile(r"(?<![a-z])(?:(?:bo\s+luat|luat|phap\s+lenh)\s+(?=[a-z\d])|hien\s+phap(?![a-z]))")
# the words of a question that end a law's name not in the list of laws ('Luật X có hiệu lực …', '… bị thay thế')
_NAME_ENDS = frozenset("co con het hieu duoc bi da thay sua bai nao gi khong vao ban do huong quy thuc la the "
                       "nam hay".split())
_NAME_WORD = re.compile(r"\s*([a-z]+)")
_NAME_TAIL = re.compile(r"\s*\(\s*sua\s+doi\s*\)|\s*sua\s+doi(?=\s*(?:nam\s+)?(?:19|20)\d\d)")
_NAME_YEAR = re.compile(r"\s*\(?\s*(?:nam\s+)?(?:19|20)\d\d(?!\d)\s*\)?")


def _law_name(f: str) -> tuple[int, int] | None:
    """The span of a law asked for by its name in the folded question: 'Luật Giao dịch điện tử (năm 2023)',
    'Luật NSNN', 'Bộ luật Lao động 2019' — the longest name of the list of laws written there, else the words up
    to the question's own ('có hiệu lực', 'được thay thế', 'nào', '?'). A law word that names no law ('Luật nào
    thay thế Luật Du lịch?': the type asked for; 'về luật sư': a subject) is passed over for the next."""
    for m in _LAW_WORD.finditer(f):
        span = _law_name_from(f, m)
        if span is not None:
            return span
    return None


def _law_name_from(f: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the law named from the law word `m` on; None when the word names none ('luật nào', 'luật về')."""
    at = vocabulary().law_name_at(f, m.start())
    if at is not None:
        end = at[0]
    else:
        if re.search(r"(?<![a-z])ve\s+$", f[: m.start()]):  # 'về luật sư', not a listed law: a subject
            return None
        end, n = m.end(), 0
        first = _NAME_WORD.match(f, end)
        if first is not None and first.group(1) in ("ve", "quy", "huong", "lien"):  # 'Luật về đất đai': a subject
            return None
        while n < 12 and (w := _NAME_WORD.match(f, end)) is not None and w.group(1) not in _NAME_ENDS:
            end, n = w.end(), n + 1
        if n == 0:
            return None
    for rx in (_NAME_TAIL, _NAME_YEAR):
        t = rx.match(f, end)
        if t is not None:
            end = t.end()
    return m.start(), len(f[:end].rstrip())


_WORD_START = re.compile(r"(?<![a-z0-9])[a-z]")
_NAME_YEAR_EN = re.compile(r"\s*\(?\s*(?:of\s+|in\s+|nam\s+)?((?:19|20)\d\d)(?!\d)\s*\)?")


def _law_name_en(f: str) -> tuple[int, int, str] | None:
    """A law asked for by its English name in the folded question: 'the Law on Electronic Transactions (2023)',
    'Labour Code of 2019' -> its span and the Vietnamese reference to look up ('Luật Giao dịch điện tử 2023')."""
    v = vocabulary()
    for m in _WORD_START.finditer(f):
        if f.startswith("the", m.start()) and not f[m.start() + 3 : m.start() + 4].isalpha():
            continue
        at = v.law_name_en_at(f, m.start())
        if at is None:
            continue
        end, law = at
        y = _NAME_YEAR_EN.match(f, end)
        if y is not None:
            return m.start(), y.end(), f"{law.name} {y.group(1)}"
        return m.start(), end, law.name
    return None


_PARTIAL = re.compile(r"(?<![\d/])0*\d{1,6}/(?:19|20)\d\d(?![\d/])")
_AGENCY_EN: re.Pattern[str] | None = None


def _agency_en() -> re.Pattern[str]:
    global _AGENCY_EN
    if _AGENCY_EN is None:
        names = sorted({fold_lower(a.name_en) for a in vocabulary().agencies.values()}, key=len, reverse=True)
        _AGENCY_EN = re.compile(r"(?<![a-z])(?:the\s+)?(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z])")
    return _AGENCY_EN


@functools.cache
def _asked_type_re() -> re.Pattern[str]:
    """'những thông tư', 'các nghị định', 'nghị quyết nào', 'which circulars', 'what decrees': the kind of document a
    question asks for (the generic 'văn bản' / 'documents' asks for any)."""
    v = vocabulary()
    vi = sorted({w for w, t in v.type_by_name.items() if t.id != "VanBan"}, key=len, reverse=True)
    en = sorted({t.name_en.lower() for t in v.doc_types.values() if t.id != "VanBan" and t.name_en}, key=len, reverse=True)
    words_vi = "|".join(r"\s+".join(map(re.escape, w.split())) for w in vi)
    words_en = "|".join(r"\s+".join(map(re.escape, w.split())) for w in en)
    return re.compile(rf"(?<![a-z])(?:(?:nhung|cac)\s+(?P<vi>{words_vi})(?![a-z])|(?P<vi2>{words_vi})\s+nao(?![a-z])"
                      rf"|(?:which|what)\s+(?P<en>{words_en})s?(?![a-z]))")


_ASKED_YEAR = re.compile(r"(?<![a-z])(?:nam|in|trong\s+nam|of)\s+((?:19|20)\d\d)(?!\d)")


def _asked(t: str) -> tuple[DocType | None, int | None]:
    """The document type and the year a question asks for, outside the document or body it names (X in t)."""
    v = vocabulary()
    m = _asked_type_re().search(t)
    dtype = None
    if m is not None:
        if m.group("en"):
            word = " ".join(m.group("en").split())
            dtype = next((d for d in v.doc_types.values() if d.name_en.lower() == word), None)
        else:
            dtype = v.type_for_word(m.group("vi") or m.group("vi2"))
    y = _ASKED_YEAR.search(t)
    return dtype, int(y.group(1)) if y else None


_DATE_FORMS = (r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d|\d{1,2}\s+thang\s+\d{1,2}\s*,?\s*nam\s+(?:19|20)\d\d"
               rf"|(?:19|20)\d\d-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\s*,?\s+(?:19|20)\d\d"
               rf"|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+(?:19|20)\d\d")
# the year or day of issue written right after a reference: '16/CT-TTg năm 2026', '… 2026', '… (2026)', '… ngày
# 23/4/2026', '… ban hành ngày 23 tháng 4 năm 2026', '… of 2026', '… dated 2026-04-23', '… issued in 2026'
_ISSUE_HINT = re.compile(
    r"\s*,?\s*\(?\s*(?:(?:(?:duoc\s+)?(?:ban\s+hanh|ky)|issued|signed|dated|adopted)\s+)?"
    rf"(?:(?:ngay|nam|on|in|of)\s+)?(?:(?P<day>{_DATE_FORMS})|(?P<year>(?:19|20)\d\d))(?![\d/])\s*\)?")


def _issue_hint(f: str, end: int) -> tuple[int, int | None, dt.date | None]:
    """The year or day of issue written right after a reference ending at `end` of the folded question: where the
    words end, the year and the day (None, None when there are none)."""
    m = _ISSUE_HINT.match(f, end)
    if m is None:
        return end, None, None
    if m.group("year"):
        return m.end(), int(m.group("year")), None
    day = _day_in(m.group("day"))
    if day is None:
        return end, None, None
    return m.end(), day.year, day


def _with_hint(f: str, ref: _Ref) -> _Ref:
    """The reference with the year or day of issue written after it, when the number does not hold another year."""
    end, year, day = _issue_hint(f, ref.end)
    if year is None:
        return ref
    try:
        own = parse(ref.query or ref.text).year
    except NumberError:
        own = None
    if own is not None and own != year:  # '43/2011/NĐ-CP … 2020': not its year (a day the question asks about)
        return ref
    ref.end, ref.year, ref.day = end, year, day
    return ref


@functools.cache
def _ordinal_re() -> re.Pattern[str]:
    """A type word and a number with neither code nor year: 'quyết định 505', 'chỉ thị số 21', 'decree no. 161'."""
    v = vocabulary()
    vi = sorted((w for w, t in v.type_by_name.items() if t.id != "VanBan"), key=len, reverse=True)
    en = sorted({fold_lower(t.name_en) for t in v.doc_types.values() if t.id != "VanBan" and t.name_en},
                key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in [*vi, *en])
    return re.compile(rf"(?<![a-z0-9])(?P<type>{words})\s+(?:so\s+|no\.?\s*|number\s+)?0*(?P<n>[1-9]\d{{0,5}})"
                      r"(?!\d|\s*/|-|[.,]\d|\s+thang)")


def _types_of(word: str) -> tuple[str, ...] | None:
    """The types a type word names (Vietnamese or English), with the joint texts of that type ('thông tư': circulars
    and joint circulars)."""
    v = vocabulary()
    w = " ".join(word.split())
    t = v.type_for_word(w) or next((x for x in v.doc_types.values() if fold_lower(x.name_en) == w), None)
    if t is None:
        return None
    return tuple(sorted({t.id} | {x.id for x in v.doc_types.values() if x.joint_of == t.id}))


_OF_BODY = re.compile(r"\s*,?\s*(?:cua|do|of|by|from)\s+(?:the\s+)?")


def _ordinal(question: str, f: str) -> _Ref | None:
    """'Quyết định 505', 'Chỉ thị 21 của Thủ tướng Chính phủ', 'decree 161 of 2026': a type word with a bare number,
    the body named right after it ('của …', 'of the …') and the year of issue."""
    m = _ordinal_re().search(f)
    if m is None:
        return None
    ids = _types_of(m.group("type"))
    if ids is None:
        return None
    ref = _Ref(m.start(), m.end(), question[m.start() : m.end()], "document", ordinal=int(m.group("n")), type_ids=ids)
    _of_body(f, ref)
    _with_hint(f, ref)
    if ref.agency_id is None:  # 'Thông tư số 7 năm 2026 của Bộ Nội vụ'
        _of_body(f, ref)
    return ref


def _of_body(f: str, ref: _Ref) -> None:
    """The body named right after a bare number ('… của Thủ tướng Chính phủ', '… of the Ministry of Finance')."""
    by = _OF_BODY.match(f, ref.end)
    if by is None:
        return
    v = vocabulary()
    for rx in (v.agency_name_re, _agency_en()):
        ma = rx.match(f, by.end())
        if ma is not None:
            a = v.agency_for_name(ma.group()) or next(
                (x for x in v.agencies.values() if fold_lower(x.name_en) == ma.group()), None)
            if a is not None:
                ref.agency_id, ref.end = a.id, ma.end()
                return


def find_reference(question: str) -> _Ref | None:
    """The document (number, partial number, a type word with a bare number) or body a question names, with its
    span in the folded text (and the year or day of issue written after it)."""
    f = fold_lower(question)
    upper = fold(question).upper()
    for m in scan(upper):
        start = _type_word_before(f, m.start)
        return _with_hint(f, _Ref(start, m.end, question[start : m.end], "document"))
    m2 = NUMBER_RE.search(upper)
    if m2 is not None and "-" in m2.group(0):  # 52-NQ/TW written oddly, or a code scan rejected
        start = _type_word_before(f, m2.start())
        return _with_hint(f, _Ref(start, m2.end(), question[start : m2.end()], "document"))
    m3 = _PARTIAL.search(f)
    if m3 is not None:
        start = _type_word_before(f, m3.start())
        return _Ref(start, m3.end(), question[start : m3.end()], "document")
    ordinal = _ordinal(question, f)
    span = _law_name(f)
    law_en = _law_name_en(f)
    if ordinal is not None and not any(s is not None and s[0] <= ordinal.start < s[1] for s in (span, law_en)):
        return ordinal  # not the type word and year of a law's name ('the Labor Code 2019': its year, no number)
    if span is not None:  # 'Luật Giao dịch điện tử (năm 2023)': a law asked for by its name
        return _with_hint(f, _Ref(span[0], span[1], question[span[0] : span[1]], "document"))
    if law_en is not None:  # 'the Law on Electronic Transactions': by its English name
        a0, a1, query = law_en
        return _with_hint(f, _Ref(a0, a1, question[a0:a1].strip(), "document", query=query))
    v = vocabulary()
    for rx in (v.agency_name_re, _agency_en()):
        ma = rx.search(f)
        if ma is not None:
            name = question[ma.start() : ma.end()]
            a = v.agency_for_name(name)
            if a is None:
                en = re.sub(r"^the\s+", "", fold_lower(name))
                a = next((x for x in v.agencies.values() if fold_lower(x.name_en) == en), None)
            if a is not None:
                return _Ref(ma.start(), ma.end(), name, "agency", a.id)
    return None


def _not_understood(q: str, lang: Language, why: str | None = None) -> Answer:
    if lang == "vi":
        text = (why or "Chưa hiểu câu hỏi.") + " Hãy thử: " + " | ".join(EXAMPLES_VI)
    else:
        text = (why or "Question not understood.") + " Try: " + " | ".join(EXAMPLES_EN)
    return Answer(q, False, lang, text, examples=EXAMPLES_VI + EXAMPLES_EN)


def _summary(d: Document, lang: Language = "vi") -> str:
    """'Nghị định 42/2022/NĐ-CP'; a law by its name, with its number when known: 'Luật Giao dịch điện tử
    (20/2023/QH15)'; in English with the law's English title: 'Luật Giao dịch điện tử (Law on Electronic
    Transactions, 20/2023/QH15)'."""
    if d.name:
        en = vocabulary().english_name(d.name) if lang == "en" else ""
        tail = ", ".join(x for x in (en, d.number or (str(d.year) if d.year else "")) if x)
        return f"{d.name} ({tail})" if tail else d.name
    return f"{d.type} {d.number}" if d.number else d.key


LIST_SHOWN = 10  # the documents a list answer names in its text (its items hold them all)
SEARCH_SHOWN = 5  # … a search of titles, each with its title


def _cut(labels: list[str], lang: Language, total: int | None = None, shown: int | None = None, sep: str = ", ") -> str:
    """A list answer's names as its text gives them, the one place every list is cut: the first `shown`
    (`LIST_SHOWN`), then '…' and how many there are in all (`total`: when the list holds fewer than were found)."""
    total = len(labels) if total is None else total
    head = labels[: LIST_SHOWN if shown is None else shown]
    text = sep.join(head)
    if total > len(head):
        text += (f" … (và {total - len(head)} văn bản khác, tổng cộng {total})" if lang == "vi"
                 else f" … (and {total - len(head)} more, {total} in all)")
    return text


def ask(store: Store, question: str) -> Answer:
    """Answer one question from the graph. Never raises for any input string."""
    q = unicodedata.normalize("NFC", question if isinstance(question, str) else "")
    q = "".join(ch if ch.isprintable() else " " for ch in q).strip()
    f0 = fold_lower(q)
    lang: Language = "vi" if (f0 != q.lower() or _VI_HINT.search(f0)) else "en"
    if not q:
        return _not_understood(q, lang, "Câu hỏi trống." if lang == "vi" else "Empty question.")
    if len(q) > MAX_QUESTION:
        return _not_understood(q[:80], lang, f"Question longer than {MAX_QUESTION} characters.")
    ref = find_reference(q)
    if ref is not None:  # the language of the words around the number, not of the number ('QĐ-TTg')
        rest = q[: ref.start] + " " + q[ref.end :]
        f1 = fold_lower(rest)
        lang = "vi" if (f1 != rest.lower() or _VI_HINT.search(f1)) else "en"
    f = fold_lower(q)
    bad_day = _impossible_day(q, f, ref, lang)
    if bad_day is not None:  # not answered for another day
        return Answer(q, False, lang, bad_day, intent="invalid_date")
    if ref is None or ref.kind == "agency":
        return _about_many(store, q, lang, f, ref)
    rest = f[: ref.start] + " X " + f[ref.end :]
    at = _day_in(rest)  # a day asked about ('… còn hiệu lực vào ngày 1/1/2020'), not the day of issue
    t = _clean(rest)
    x = t.index("X")
    asked_type, _ = _asked(_clean(_DAY.sub(" ", rest)))
    intent = _intent(t, x)
    asks = _asks(t, x, intent)
    year = ref.year
    if year is None and _needs_year(ref):  # 'Chỉ thị 16/CT-TTg do ai ban hành năm 2026?', 'the 2020 directive 16/CT-TTg'
        years = set(_LONE_YEAR.findall(_DAY.sub(" ", rest)))
        year = int(years.pop()) if len(years) == 1 else None
    written = ref.text + (f" ({ref.day.strftime('%d/%m/%Y') if lang == 'vi' else ref.day.isoformat()})" if ref.day
                          else f" ({year})" if year and _needs_year(ref) else "")
    part = _part_asked(q, ref, intent)
    try:
        query = _ordinal_key(store, ref, year) if ref.ordinal is not None else _with_year(ref.query or ref.text, year)
        if part is not None:
            return _about_part(store, q, lang, query, part, intent, at)
        if len(asks) > 1:
            return _facts(store, q, lang, query, asks, at)
        return _about_document(store, q, lang, query, intent, at, asked_type)
    except AmbiguousReference as e:
        ask_for = ("Hãy nêu số hiệu đầy đủ." if lang == "vi" else "Give the full number.") if year else \
            ("Hãy nêu năm." if lang == "vi" else "Give the year.")
        listed = _cut(e.candidates, lang, sep="; ")
        msg = (f"{written} ứng với nhiều văn bản: {listed}. {ask_for}" if lang == "vi"
               else f"{written} names several documents: {listed}. {ask_for}")
        return Answer(q, True, lang, msg, intent="ambiguous", candidates=e.candidates)
    except NotFound as e:
        msg = (f"Đồ thị chưa có văn bản {written}." if lang == "vi" else f"The graph holds no document {written}.")
        if e.suggestions:
            msg += (" Gần giống: " if lang == "vi" else " Close: ") + "; ".join(e.suggestions) + "."
        return Answer(q, True, lang, msg, intent="not_found", candidates=e.suggestions)


# the parts of a text a question may ask about, and the kinds of effect each relation's verb asks for (issue 25 §4):
# 'Điều 8 … đã được sửa đổi chưa?', 'văn bản nào quy định chi tiết Điều 24 …?', 'what changed article 8 of …?'
_PART_KINDS: dict[str, tuple[str, ...]] = {
    "AMENDS": ("amended", "inserted", "replaced", "words_substituted", "words_removed"), "REPEALS": ("repealed",),
    "REPLACES": ("replaced",), "GUIDES": ("detailed", "guided"), "": CHANGING}
_KIND_VI = {"repealed": "bãi bỏ", "amended": "sửa đổi", "inserted": "bổ sung", "replaced": "thay thế",
            "words_substituted": "thay thế cụm từ", "words_removed": "bỏ cụm từ", "suspended": "đình chỉ thi hành",
            "detailed": "quy định chi tiết", "guided": "hướng dẫn"}
_PART_STATE_VI = {"in_force": "còn hiệu lực theo các văn bản đã đọc", "amended": "còn hiệu lực, đã được sửa đổi",
                  "repealed": "đã bị bãi bỏ", "suspended": "bị đình chỉ thi hành", "replaced": "đã được thay thế",
                  "not_yet_in_force": "chưa có hiệu lực", "unknown": "không rõ (các văn bản đã đọc không đủ để biết)"}


def _part_asked(q: str, ref: _Ref, intent: _Intent | None) -> str | None:
    """The part of the document a question asks about, as written ('khoản 2 Điều 8', 'article 8'), when it asks what
    parts answer (its status, or what amends, repeals, replaces or guides it, or what changed it); else None."""
    if intent is not None and not (intent.kind in ("status", "overview") or (
            intent.kind == "related" and intent.direction == "in" and intent.rel in _PART_KINDS)):
        return None
    span = find_part_phrase(q[: ref.start] + " " * (ref.end - ref.start) + q[ref.end :])
    return q[span[0] : span[1]] if span else None


def _about_part(store: Store, q: str, lang: Language, ref: str, part: str, intent: _Intent | None,
                at: dt.date | None) -> Answer:
    """A part's status on a day, or the effects of other texts on it (and on the parts holding it, and within it)
    with their sentences: two reads of the store (the document with what acts on it, then its parts)."""
    pv = PartsView.read(store, ref, at)
    d = pv.document
    pid = part_id(pv.parts if pv.read_in_full else [], part)
    whole = _summary(d, lang)
    if pid is None:
        arts = article_range(pv.parts)
        text = (f"{whole} không có {part} (các điều của văn bản: {arts.replace(' to ', ' đến ')})." if lang == "vi"
                else f"{whole} has no {part} (its articles: {arts}).")
        return Answer(q, True, lang, text, intent="part_not_found", subject=d.brief())
    name = f"{label_of(pid)} {whole}"
    if intent is not None and intent.kind == "status":
        return _part_status_answer(q, lang, pv, pid, name)
    kinds = _PART_KINDS[intent.rel if intent is not None and intent.kind == "related" else ""]
    rows = [(r, sc) for r, sc in pv.effects_on(pid) if r.effect.kind in kinds]
    items = [AnswerItem(r.source, _part_effect_line(r, pv.labels, lang), relation=r.relation, direction="in",
                        document=pv.others.get(r.source), evidence=[r.effect.evidence]) for r, _ in rows]
    if lang == "vi":
        what = " hoặc ".join(dict.fromkeys(_KIND_VI[k] for k in kinds[:2]))
        text = (f"{name}: " + _cut([i.label for i in items], lang, sep="; ") + "." if items
                else f"Các văn bản đã đọc không nêu văn bản nào {what} {name}.")
    else:
        text = (f"{name}: " + _cut([i.label for i in items], lang, sep="; ") + "." if items
                else f"No text read states an effect on {name} ({', '.join(k.replace('_', ' ') for k in kinds)}).")
    if not pv.read_in_full:
        text += (f" ({whole} chưa được đọc toàn văn: trả lời theo các văn bản tác động đến nó.)" if lang == "vi" else
                 f" ({whole} was not read in full: this is what other texts say of it.)")
    return Answer(q, True, lang, text, intent="part_effects", subject=d.brief(), items=items,
                  evidence=[r.effect.evidence for r, _ in rows])


def _part_effect_line(r: EffectRow, labels: dict[str, str], lang: Language) -> str:
    """'sửa đổi khoản 1 Điều 8 bởi Nghị định 999/2023/NĐ-CP (khoản 1 Điều 1), từ 15/04/2023'."""
    what = r.effect.written or ", ".join(label_of(p) for p in r.parts)
    by = labels.get(r.source, r.source) + (f" ({label_of(r.effect.by_part)})" if r.effect.by_part else "")
    if lang == "vi":
        when = f", từ {r.since.strftime('%d/%m/%Y')}" if r.since else ""
        return f"{_KIND_VI[r.effect.kind]} {what} bởi {by}{when}"
    when = f", from {r.since.isoformat()}" if r.since else ""
    return f"{what} {r.effect.kind.replace('_', ' ')} by {by}{when}"


def _part_status_answer(q: str, lang: Language, pv: PartsView, pid: str, name: str) -> Answer:
    st = pv.part(pid)
    by = ", ".join(pv.labels.get(k, k) for k in st.by)
    if lang == "vi":
        day = st.at.strftime("%d/%m/%Y")
        text = f"Ngày {day}, {name} {_PART_STATE_VI[st.state]}"
        if st.state == "in_force" and by:  # an inserted part: in force since its insertion, by the inserting text
            text += f" (được bổ sung bởi {by}" + (f" từ {st.since.strftime('%d/%m/%Y')})." if st.since else ").")
        else:
            text += (f" bởi {by}" if by and st.state != "not_yet_in_force" else "") + (
                f" từ {st.since.strftime('%d/%m/%Y')}." if st.since and st.state != "in_force" else ".")
    else:
        text = f"On {st.at.isoformat()}, {name} is {st.state.replace('_', ' ')}"
        if st.state == "in_force" and by:
            text += f" (inserted by {by}" + (f" from {st.since.isoformat()})." if st.since else ").")
        else:
            text += (f" by {by}" if by and st.state != "not_yet_in_force" else "") + (
                f" since {st.since.isoformat()}." if st.since and st.state != "in_force" else ".")
        text += " " + " ".join(st.reasons)
    items = [AnswerItem(k, pv.labels.get(k, k), direction="in", document=pv.others.get(k)) for k in st.by]
    return Answer(q, True, lang, text, intent="part_status", subject=pv.document.brief(), items=items,
                  evidence=st.evidence)


_LONE_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])")


def _clean(t: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[?!.,;:()\"“”«»]", " ", t)).strip()


def _needs_year(ref: _Ref) -> bool:
    """Whether the reference is a number written without its year (a bare number, or a code with no year)."""
    if ref.ordinal is not None:
        return True
    try:
        return parse(ref.query or ref.text).year is None
    except NumberError:
        return False


def _with_year(query: str, year: int | None) -> str:
    """The reference to look up: with the year of issue the question gives, for a number written without its year
    ('Chỉ thị 16/CT-TTg' and 2026 -> 'Chỉ thị 16/CT-TTg 2026': that year's directive)."""
    if year is None:
        return query
    try:
        if parse(query).year is not None:
            return query
    except NumberError:
        if parse_ref(query)[1] is not None:  # a law's name with its year
            return query
    return f"{query} {year}"


def _brief_label(d: Document, lang: Language = "vi") -> str:
    """'Nghị định 161/2026/NĐ-CP (15/05/2026)', 'Luật Đất đai (31/2024/QH15, 2024)': a document with its day of issue."""
    day = d.date.strftime("%d/%m/%Y") if d.date and lang == "vi" else d.date.isoformat() if d.date else str(d.year or "?")
    s = _summary(d, lang)
    return f"{s[:-1]}, {day})" if d.name and s.endswith(")") else f"{s} ({day})"


def _ordinal_key(store: Store, ref: _Ref, year: int | None) -> str:
    """The key of the one document of the type and number a bare number names ('Quyết định 505'), of the year and
    body given; NotFound, or AmbiguousReference listing them. One read of the store."""
    assert ref.ordinal is not None
    docs = store.candidates(Lookup(ref.text, prefix=f"{ref.ordinal}/", type_ids=ref.type_ids, year=year))
    docs = [d for d in docs if (year is None or d.key.endswith(f"@{year}") or d.year == year)
            and (ref.agency_id is None or ref.agency_id in (d.issuer, *d.co_issuers))]
    if not docs:
        raise NotFound(ref.text)
    if len(docs) > 1:
        docs.sort(key=lambda d: (d.date or dt.date(d.year or 1, 1, 1), d.key))
        raise AmbiguousReference(ref.text, [f"{_summary(d)} ({d.date.isoformat() if d.date else d.year or '?'})"
                                            for d in docs])
    return docs[0].key


@dataclass(frozen=True)
class _Intent:
    """What a question about a document asks: when it took effect, its status, who issued it, the documents on
    the other end of a relation (`rel`, looking `direction` from the document), or an overview."""

    kind: Literal["effective", "status", "issued_on", "issuer", "proposer", "related", "ends", "overview"]
    rel: str = ""
    direction: Literal["out", "in"] = "out"


def _intent(t: str, x: int) -> _Intent | None:
    """What a question asks of the document it names (`t`: the question folded, the document replaced by 'X' at
    `x`), from its words alone: settled before the graph is read. None: not understood."""
    ends = _ENDS_FORCE.search(t)
    if ends is not None:  # 'X làm hết hiệu lực những văn bản nào', 'văn bản nào làm X hết hiệu lực'
        return _Intent("ends", direction="out" if x < ends.start() and not ends.group("by") else "in")
    if _SINCE_WHEN.search(t):
        return _Intent("effective")
    if _STATUS.search(t):
        return _Intent("status")
    if _ISSUED_ON.search(t):
        return _Intent("issued_on")
    if _PROPOSER.search(t) or (_PROPOSE_VERB.search(t) and (_WHO.search(t) or _WHICH_BODY.search(t))):
        return _Intent("proposer")
    if _WHO.search(t) and _ISSUE.search(t) and not any(rx.search(t) for _, rx in _VERB_RE):
        return _Intent("issuer")  # (with a relation too, the related documents come with their issuers)
    for rel, rx in _VERB_RE:
        m = rx.search(t)
        if m is None:
            continue
        between = t[min(x, m.start()) : max(x, m.start())]
        if x < m.start():
            passive = bool(_PASSIVE.search(between)) or bool(_BY.search(t[m.end() :][:12]))
            return _Intent("related", rel, "in" if passive else "out")
        return _Intent("related", rel, "in")
    if _QUESTION_WORD.search(t) or t.strip() == "X":
        return _Intent("overview")
    return None


# the facts of one document a question may ask together ('… do ai ban hành và có hiệu lực từ khi nào?'), and the
# relations each is answered from: out of the document (its issuer, proposer) or into it (what acts on it)
_FACTS: dict[str, tuple[tuple[str, ...], Literal["out", "in"] | None]] = {
    "issuer": (("ISSUED_BY",), "out"), "proposer": (("PROPOSED_BY", "ISSUED_BY"), "out"),
    "status": (STATUS_TYPES, "in"), "effective": ((), None), "issued_on": ((), None)}
_AND = re.compile(r"\s+(?:va|and|and also|cung nhu|dong thoi)\s+")


def _asks(t: str, x: int, intent: _Intent | None) -> list[str]:
    """The facts of the document a question asks for, in its order, when it asks for more than one, joined by 'và',
    'and' ('Who issued X and when did it take effect?'): each part read as a question of its own. Else [] (one)."""
    if intent is None or intent.kind not in _FACTS:
        return []
    kinds: list[str] = []
    at = 0
    for piece in _AND.split(t):
        i = _intent(piece, x - at if at <= x < at + len(piece) else -1)
        at += len(piece)
        if i is not None and i.kind in _FACTS and i.kind not in kinds:
            kinds.append(i.kind)
    if "issuer" in kinds and ("proposer" in kinds or "issued_on" in kinds):  # their answers name the issuer
        kinds.remove("issuer")
    return kinds if len(kinds) > 1 else []


def _facts(store: Store, q: str, lang: Language, ref: str, kinds: list[str], at: dt.date | None) -> Answer:
    """A question asking several facts of one document: each answered as if asked alone, in the question's order,
    from one read of the store (the relations all of them need)."""
    types = sorted({t for k in kinds for t in _FACTS[k][0]})
    ways = {w for k in kinds if (w := _FACTS[k][1]) is not None}
    if types:
        view = store.document_relations(ref, types, ways.pop() if len(ways) == 1 else "both")
        doc = view.document
    else:
        doc = store.document(ref)
        view = DocumentRelations(doc, [], {})

    def part(k: str) -> DocumentRelations:
        want, way = _FACTS[k]
        return DocumentRelations(doc, [r for r in view.relations if r.type in want and r.direction == way], view.others)

    answers = []
    for k in kinds:
        if k == "issuer":
            answers.append(_issuer_of(q, lang, part(k)))
        elif k == "proposer":
            answers.append(_proposer_of(q, lang, part(k)))
        elif k == "status":
            answers.append(_status(q, lang, part(k), at))
        elif k == "effective":
            answers.append(_since_when(q, lang, doc))
        else:
            answers.append(_issued_on(q, lang, doc))
    return Answer(q, True, lang, " ".join(a.text for a in answers), intent="+".join(kinds), subject=doc,
                  items=[i for a in answers for i in a.items], evidence=[e for a in answers for e in a.evidence])


_OVERVIEW = tuple(t for t in RELATION_TYPES if t != "CITES")  # an overview leaves out what merely cites


def _about_document(store: Store, q: str, lang: Language, ref: str, intent: _Intent | None, at: dt.date | None,
                    asked_type: DocType | None) -> Answer:
    """The answer to a question about the document `ref` names, from one read of the store: NotFound or
    AmbiguousReference when the reference names no document or several."""
    if intent is None:
        store.document(ref)  # a document the graph lacks, or a reference naming several, is said so first
        return _not_understood(q, lang)
    if intent.kind == "effective":
        return _since_when(q, lang, store.document(ref))
    if intent.kind == "issued_on":
        return _issued_on(q, lang, store.document(ref))
    if intent.kind == "status":
        return _status(q, lang, store.document_relations(ref, STATUS_TYPES, "in"), at)
    if intent.kind == "issuer":
        return _issuer_of(q, lang, store.document_relations(ref, ("ISSUED_BY",), "out"))
    if intent.kind == "proposer":
        return _proposer_of(q, lang, store.document_relations(ref, ("PROPOSED_BY", "ISSUED_BY"), "out"))
    if intent.kind == "overview":
        return _overview(q, lang, store.document_relations(ref, _OVERVIEW))
    if intent.kind == "ends":
        return _ends(q, lang, store.document_relations(ref, ("REPLACES", "REPEALS"), intent.direction), intent.direction)
    if intent.rel == "REPLACES":  # the chain of replacements, followed to the text in force
        doc, steps = store.document_chain(ref, intent.direction)
        items = [AnswerItem(s.document.key, _summary(s.document, lang), relation="REPLACES", direction=intent.direction,
                            document=s.document, evidence=s.evidence) for s in steps]
        if asked_type is not None:  # 'Luật nào thay thế Luật …': the steps of that type
            kept = [i for i in items if i.document is not None and i.document.type_id == asked_type.id]
            last = bool(kept) and kept[-1] is items[-1]  # the text in force is among them
            return _related(q, lang, doc, "REPLACES", intent.direction, kept, asked_type, chain_end=last)
        return _related(q, lang, doc, "REPLACES", intent.direction, items)
    # what repealed a text, or what a text repealed: also what replaced it (the texts say 'hết hiệu lực' of both)
    types = (intent.rel, "REPLACES") if intent.rel == "REPEALS" else (intent.rel,)
    view = store.document_relations(ref, types, intent.direction)
    items = []
    for r in view.relations:  # of the type asked for ('Nghị định nào hướng dẫn …'), if one is
        d = view.others.get(r.other)
        if asked_type is not None and (d is None or d.type_id != asked_type.id):
            continue
        items.append(AnswerItem(r.other, _summary(d, lang) if d else r.other, relation=r.type,
                                direction=intent.direction, document=d, evidence=r.evidence))
    asked = [i for i in items if i.relation == intent.rel]
    if intent.rel == "REPEALS" and not asked and items:  # none repealed, some replaced: say that
        none = _related(q, lang, view.document, intent.rel, intent.direction, [], asked_type)
        replaced = _related(q, lang, view.document, "REPLACES", intent.direction, items, asked_type)
        replaced.text = none.text.rstrip(".") + ("; nhưng " if lang == "vi" else "; but ") + replaced.text
        replaced.intent = none.intent
        return replaced
    return _related(q, lang, view.document, intent.rel, intent.direction, asked, asked_type)


def _related(q: str, lang: Language, doc: Document, rel: str, direction: Literal["out", "in"], items: list[AnswerItem],
             asked_type: DocType | None = None, chain_end: bool = True) -> Answer:
    """The answer naming the documents on the other end of a relation (`items`), in the relation's words
    (ontology/relations.tsv); `asked_type`: the type of document asked for; `chain_end`: whether the last of a chain
    of replacements is the last of the chain read (the text in force), not only the last of the type asked for."""
    v = vocabulary()
    label = v.relation_types[rel]

    def with_issuer(i: AnswerItem) -> str:  # 'Quyết định 749/QĐ-TTg (Thủ tướng Chính phủ)': who issued each
        a = v.agencies.get(i.document.issuer) if i.document is not None and i.document.issuer else None
        return i.label if a is None else f"{i.label} ({a.name if lang == 'vi' else 'the ' + a.name_en})"

    names = _cut([with_issuer(i) for i in items], lang)
    intent = {("REPLACES", "in"): "replaced_by", ("REPLACES", "out"): "replaces"}.get((rel, direction),
                                                                                         f"{rel.lower()}_{direction}")
    what_vi = asked_type.name.lower() if asked_type is not None else "văn bản"
    nothing_en = f"no {asked_type.name_en.lower()}" if asked_type is not None else "nothing"
    if lang == "vi":
        if not items:
            text = f"Các văn bản đã đọc không nêu {what_vi} nào {label.label_vi} {_summary(doc, lang)}." if direction == "in" \
                else f"Các văn bản đã đọc không nêu {_summary(doc, lang)} {label.label_vi} {what_vi} nào."
        elif rel == "REPLACES" and direction == "in":
            text = f"{_summary(doc, lang)} đã được thay thế bởi {names}" + (
                f"; văn bản còn hiệu lực theo đồ thị: {items[-1].label}." if len(items) > 1 and chain_end else ".")
        elif direction == "in":
            text = f"{names} {label.label_vi} {_summary(doc, lang)}."
        else:
            text = f"{_summary(doc, lang)} {label.label_vi} {names}."
    else:
        if not items:
            text = f"The texts read so far state {nothing_en} that {_verb_en(label.label_en)} {_summary(doc, lang)}." \
                if direction == "in" else \
                f"The texts read so far state {nothing_en} that {_summary(doc, lang)} {_verb_en(label.label_en)}."
        elif rel == "REPLACES" and direction == "in":
            text = f"{_summary(doc, lang)} was replaced by {names}" + (
                f"; in force as far as the graph knows: {items[-1].label}." if len(items) > 1 and chain_end else ".")
        elif direction == "in":
            text = f"{names} {_verb_en(label.label_en, plural=len(items) > 1)} {_summary(doc, lang)}."
        else:
            text = f"{_summary(doc, lang)} {_verb_en(label.label_en)} {names}."
    return Answer(q, True, lang, text, intent=intent, subject=doc, items=items)


def _ends(q: str, lang: Language, view: DocumentRelations, direction: Literal["out", "in"]) -> Answer:
    """The texts whose force a document ended ('out': replaced or repealed by it), or that ended its force ('in');
    `view`: the document with its REPLACES and REPEALS relations that way."""
    doc = view.document
    items = [AnswerItem(r.other, _summary(d, lang) if d else r.other, relation=r.type, direction=direction, document=d,
                        evidence=r.evidence) for r in view.relations for d in [view.others.get(r.other)]]

    def how(i: AnswerItem) -> str:
        if lang == "vi":
            return f"{i.label} ({'thay thế' if i.relation == 'REPLACES' else 'bãi bỏ'})"
        return f"{i.label} ({'replaced' if i.relation == 'REPLACES' else 'repealed'})"

    names, s = _cut([how(i) for i in items], lang), _summary(doc, lang)
    if lang == "vi":
        text = (f"{s} làm hết hiệu lực: {names}." if items else f"Các văn bản đã đọc không nêu {s} làm hết hiệu lực "
                "văn bản nào.") if direction == "out" else (
            f"{s} hết hiệu lực do: {names}." if items else f"Các văn bản đã đọc không nêu văn bản nào làm {s} hết hiệu lực.")
    else:
        text = (f"{s} ended the force of: {names}." if items else f"The texts read state no text whose force {s} "
                "ended.") if direction == "out" else (
            f"{s} ceased to be in force by: {names}." if items else f"The texts read state no text that ended {s}.")
    return Answer(q, True, lang, text, intent=f"ends_{direction}", subject=doc, items=items)


def _verb_en(label: str, plural: bool = False) -> str:
    """A relation's English label as the verb of a sentence: 'guides' / 'guide' (several subjects), 'is based on'."""
    if label.endswith((" on", " by", " in")):  # 'based on', 'issued by': a participle
        return ("are " if plural else "is ") + label
    if plural and label.endswith("s"):
        return label[:-1]
    return label


def _status(q: str, lang: Language, view: DocumentRelations, at: dt.date | None) -> Answer:
    """In force on a day (today by default), with what the texts say and what they do not; `view`: the document
    with the relations by which other texts act on it."""
    doc = view.document
    st = status_on(doc, changes(view.relations, view.others), at)
    items = [AnswerItem(c.by, c.label, relation=c.type, direction="in", document=view.others.get(c.by),
                        evidence=c.evidence) for c in st.changes]
    s = _summary(doc, lang)
    day = st.at.strftime("%d/%m/%Y") if lang == "vi" else st.at.isoformat()
    since = (st.since.strftime("%d/%m/%Y") if lang == "vi" else st.since.isoformat()) if st.since else None
    by = _cut([i.label for i in items], lang)
    end = st.changes[0] if st.state in ("replaced", "repealed") and st.changes else None
    gone_parts = _cut([label_of(p) for p in st.parts], "vi") \
        + " đã bị bãi bỏ hoặc đình chỉ thi hành"
    gone_parts_en = _cut([label_of(p) for p in st.parts], "en") \
        + " repealed or suspended"
    if since and end is not None and end.basis == "issued":  # the acting text's date of issue, not of effect
        since += (f" (ngày ban hành {end.label}; các văn bản đã đọc không nêu ngày {end.label} có hiệu lực)"
                  if lang == "vi" else f" (the day {end.label} was issued; no text read gives its date of effect)")
    if lang == "vi":
        text = {
            "not_yet_in_force": f"Ngày {day}, {s} chưa có hiệu lực"
                                + (f" (có hiệu lực từ {st.effective.strftime('%d/%m/%Y')})." if st.effective else "."),
            "in_force": f"Ngày {day}, {s} còn hiệu lực theo các văn bản đã đọc"
                        + (f" (có hiệu lực từ {st.effective.strftime('%d/%m/%Y')}" if st.effective else "")
                        + (f"{' ' if st.effective else ' ('}đến hết ngày {doc.expires.strftime('%d/%m/%Y')})."
                           if doc.expires else ")." if st.effective else "."),
            "amended": f"Ngày {day}, {s} còn hiệu lực, đã được sửa đổi, bổ sung bởi {by}.",
            "partly_in_force": f"Ngày {day}, {s} hết hiệu lực một phần: {gone_parts}"
                               + (f" (từ {since})." if since else "."),
            "suspended": f"Ngày {day}, {s} bị ngưng hiệu lực thi hành bởi {by}" + (f" từ {since}" if since else "")
                         + (f" đến hết ngày {st.until.strftime('%d/%m/%Y')}." if st.until else
                            "; các văn bản đã đọc không cho biết ngày kết thúc việc ngưng hiệu lực (lexgraph không đọc được)."),
            "replaced": f"{s} hết hiệu lực: đã được thay thế bởi {by}" + (f" từ {since}." if since else "."),
            "repealed": f"{s} hết hiệu lực: đã bị bãi bỏ bởi {by}" + (f" từ {since}." if since else "."),
            "expired": f"{s} hết hiệu lực từ {since}: văn bản chỉ có hiệu lực đến hết ngày "
                       f"{doc.expires.strftime('%d/%m/%Y') if doc.expires else '?'}.",
            "unknown": f"Các văn bản đã đọc không đủ để biết {s} có hiệu lực vào ngày {day} hay không.",
        }[st.state]
    else:
        text = {
            "not_yet_in_force": f"On {day}, {s} was not yet in force"
                                + (f" (in force from {st.effective.isoformat()})." if st.effective else "."),
            "in_force": f"On {day}, {s} is in force as far as the texts say"
                        + (f" (in force since {st.effective.isoformat()}" if st.effective else "")
                        + (f"{', ' if st.effective else ' ('}until the end of {doc.expires.isoformat()})."
                           if doc.expires else ")." if st.effective else "."),
            "amended": f"On {day}, {s} is in force, amended by {by}.",
            "partly_in_force": f"On {day}, {s} is partly in force: {gone_parts_en}"
                               + (f" (since {since})." if since else "."),
            "suspended": f"On {day}, {s} is suspended by {by}" + (f" since {since}" if since else "")
                         + (f" until {st.until.isoformat()} inclusive." if st.until else "."),
            "replaced": f"{s} is no longer in force: replaced by {by}" + (f" from {since}." if since else "."),
            "repealed": f"{s} is no longer in force: repealed by {by}" + (f" from {since}." if since else "."),
            "expired": f"{s} is no longer in force: its term ended on "
                       f"{doc.expires.isoformat() if doc.expires else '?'}.",
            "unknown": f"The texts read do not say whether {s} was in force on {day}.",
        }[st.state]
    if lang == "en":
        text += " " + " ".join(st.reasons)
    return Answer(q, True, lang, text, intent="status", subject=doc, items=items, evidence=st.evidence)


def _since_when(q: str, lang: Language, doc: Document) -> Answer:
    """When a document took effect, from its own clause or a text that reports it."""
    s = _summary(doc, lang)
    claim = doc.effect_claim()
    parts = [c for c in doc.effective_claims if c.part is not None]
    if doc.effective and claim:
        text = (f"{s} có hiệu lực từ ngày {doc.effective.strftime('%d/%m/%Y')}." if lang == "vi"
                else f"{s} took effect on {doc.effective.isoformat()}.")
        for c in parts:
            text += (f" Riêng {c.part}: từ {c.date.strftime('%d/%m/%Y')}." if lang == "vi" and c.date
                     else f" Except {c.part}: from {c.date.isoformat()}." if c.date else "")
        term = doc.term_claim()
        if doc.expires and term is not None:
            text += (f" Văn bản có hiệu lực đến hết ngày {doc.expires.strftime('%d/%m/%Y')}." if lang == "vi"
                     else f" It is in force until the end of {doc.expires.isoformat()}.")
        ev = [claim.evidence] + [c.evidence for c in parts] + ([term.evidence] if term and term.evidence != claim.evidence
                                                                 else [])
    else:
        ev = []
        text = (f"Các văn bản đã đọc không nêu ngày có hiệu lực của {s}"
                + (f"; văn bản được ban hành ngày {doc.date.strftime('%d/%m/%Y')}." if doc.date else ".")
                if lang == "vi" else
                f"No text read states when {s} took effect" + (f"; it was issued on {doc.date.isoformat()}." if doc.date else "."))
    return Answer(q, True, lang, text, intent="effective", subject=doc, evidence=ev)


def _issued_on(q: str, lang: Language, doc: Document) -> Answer:
    """When a document was issued (and by whom), as the texts read date it."""
    s = _summary(doc, lang)
    a = vocabulary().agencies.get(doc.issuer or "")
    if lang == "vi":
        by = f" ({a.name})" if a else ""
        text = (f"{s} được ban hành ngày {doc.date.strftime('%d/%m/%Y')}{by}." if doc.date else
                f"Các văn bản đã đọc không nêu ngày ban hành {s}" + (f"; số hiệu ghi năm {doc.year}." if doc.year else "."))
    else:
        by = f" by the {a.name_en}" if a else ""
        text = (f"{s} was issued on {doc.date.isoformat()}{by}." if doc.date else
                f"No text read gives the date of issue of {s}" + (f"; its number says {doc.year}." if doc.year else "."))
    return Answer(q, True, lang, text, intent="issued_on", subject=doc.brief(), evidence=doc.evidence[:1])


def _agency_name(aid: str, lang: Language) -> str:
    """A body's name in the answer's language ('the Ministry of Finance'); its id when the vocabulary lacks it."""
    a = vocabulary().agencies.get(aid)
    return aid if a is None else (a.name if lang == "vi" else f"the {a.name_en}")


def _issuer_of(q: str, lang: Language, view: DocumentRelations) -> Answer:
    """Who issued a document; `view`: the document with its ISSUED_BY relations."""
    doc = view.document

    items = [AnswerItem(r.other, _agency_name(r.other, lang), kind="agency", relation=r.type, direction="out", evidence=r.evidence)
             for r in view.relations]
    names = ", ".join(i.label for i in items)
    if lang == "vi":
        text = f"{_summary(doc, lang)} do {names} ban hành." if items else f"Chưa rõ cơ quan ban hành {_summary(doc, lang)}."
    else:
        text = f"{_summary(doc, lang)} was issued by {names}." if items else f"The issuer of {_summary(doc, lang)} is not known."
    return Answer(q, True, lang, text, intent="issuer", subject=doc, items=items)


def _proposer_of(q: str, lang: Language, view: DocumentRelations) -> Answer:
    """Who drafted or proposed a document (PROPOSED_BY), and who issued it; `view`: the document with both."""
    doc = view.document

    items = [AnswerItem(r.other, _agency_name(r.other, lang), kind="agency", relation=r.type, direction="out", evidence=r.evidence)
             for r in view.relations if r.type == "PROPOSED_BY"]
    issuers = ", ".join(_agency_name(r.other, lang) for r in view.relations if r.type == "ISSUED_BY")
    names = ", ".join(i.label for i in items)
    s = _summary(doc, lang)
    if lang == "vi":
        text = (f"{s} do {names} tham mưu, trình ban hành" if items else
                f"Các văn bản đã đọc không nêu cơ quan trình, chủ trì soạn thảo {s}")
        text += f" ({issuers} ban hành)." if issuers else "."
    else:
        text = (f"{s} was proposed (drafted and submitted) by {names}" if items else
                f"No text read names the body that proposed or drafted {s}")
        text += f" (issued by {issuers})." if issuers else "."
    return Answer(q, True, lang, text, intent="proposer", subject=doc, items=items)


def _issued_by(store: Store, q: str, lang: Language, ref: _Ref, asked_type: DocType | None = None,
               year: int | None = None, subject: str = "") -> Answer:
    """What a body issued: of the type, the year and the subject asked for, if the question names them ('Bộ Tài chính
    ban hành những thông tư nào năm 2026?', '… về phí?')."""
    v = vocabulary()
    assert ref.agency_id is not None
    a = v.agencies[ref.agency_id]
    docs, n = store.documents(issuer=a.id, type=asked_type.id if asked_type else None, year=year,
                              q=_query_words(subject) or None, limit=SEARCH_READ if subject else 100)
    written = _written(q, subject)
    if subject:  # as words, not letters: 'phí', not 'phía'
        docs = _matching(docs, subject, written)
        n = len(docs)
        docs = docs[:100]
    docs.sort(key=lambda d: (d.date is None, -(d.date.toordinal() if d.date else 0), d.key))
    issued = store.relations_of([d.key for d in docs], ("ISSUED_BY",), "out") if docs else {}  # one read for all
    items = []
    for d in docs:
        ev = [e for r in issued.get(d.key, []) if r.other == a.id for e in r.evidence][:1]
        items.append(AnswerItem(d.key, _summary(d, lang), relation="ISSUED_BY", direction="in", document=d, evidence=ev))
    head = _cut([i.label for i in items], lang, total=n)
    what_vi = (asked_type.name.lower() if asked_type else "văn bản") + (f" năm {year}" if year else "") + (
        f" có «{written}» trong tiêu đề" if subject else "")
    what_en = (asked_type.name_en.lower() + "s" if asked_type else "documents") + (f" of {year}" if year else "") + (
        f" with «{written}» in their titles" if subject else "")
    if lang == "vi":
        text = f"{a.name} đã ban hành {n} {what_vi} trong đồ thị: {head}." if n else f"Đồ thị chưa có {what_vi} nào của {a.name}."
    else:
        text = f"The {a.name_en} issued {n} {what_en} in the graph: {head}." if n else f"The graph holds no {what_en} of the {a.name_en}."
    return Answer(q, True, lang, text, intent="issued_by", agency=a.id, items=items)


# questions about many documents: a list in force, a search of titles -------------------------------------------------

# 'còn hiệu lực', 'hết hiệu lực', 'in force', 'no longer in force': the state a list asks for
_LIST_STATUS = re.compile(r"(?<![a-z])(?:hieu luc|hien hanh|in force|still valid|valid|effective|no longer|repealed"
                          r"|expired|superseded)(?![a-z])")
_ENDED = re.compile(r"(?<![a-z])(?:het hieu luc|khong con hieu luc|bi (?:thay the|bai bo|huy bo)|da bi|no longer"
                    r"|not in force|repealed|expired|superseded|replaced)(?![a-z])")
_LIST = re.compile(r"(?<![a-z])(?:nao|gi|nhung|cac|what|which|list|liet ke|danh sach|bao nhieu|how many)(?![a-z])")
# words after which a question names a subject: 'quy định (về) …', 'hướng dẫn …', 'về …', 'liên quan đến …'
_SUBJECT_MARK = re.compile(r"(?<![a-z])(?:quy dinh chi tiet|quy dinh|huong dan thi hanh|huong dan|lien quan (?:den|toi)"
                           r"|ve viec|noi dung|tieu de|trich yeu|ve)(?![a-z])")
_QUOTED = re.compile(r"[\"“«‘']([^\"”»’']{3,})[\"”»’']")
_YEAR_WORDS = re.compile(r"(?<![a-z\d])(?:(?:trong\s+)?nam|in|of|from)?\s*(?:19|20)\d\d(?!\d)")
_ANY_TYPE = r"(?:van ban|documents?|texts?|" + "|".join(
    sorted((w for w in vocabulary().type_by_name if w != "van ban"), key=len, reverse=True)) + ")"
# what a question about a subject says besides the subject, at its start or its end
_SUBJECT_HEAD = re.compile(r"^(?:(?:co|tim|hay|cho biet|xin|liet ke|nhung|cac|X|" + _ANY_TYPE + r"|nao|gi|la|duoc|da"
                           r"|ban hanh|do|cua|hien nay|hien hanh|moi nhat|quy dinh chi tiet|quy dinh"
                           r"|huong dan thi hanh|huong dan|lien quan den|lien quan toi|ve viec|noi dung|tieu de"
                           r"|trich yeu|ve)\s+)+")
_SUBJECT_TAIL = re.compile(r"(?:\s+(?:la|thuoc|nao|gi|khong|chua|vay|a|nhi|duoc|da|ban hanh|do|cua|X|co|hay"
                           r"|(?:con|dang|van con|dang co|co|het)?\s*hieu luc(?: thi hanh)?|hien hanh|hien nay"
                           r"|hien tai|moi nhat|nhung|cac|ngay|vao|tai thoi diem|" + _ANY_TYPE + r"))+$")
_FUNCTION_WORDS = frozenset("va cua cho doi voi trong tai tu den cac nhung mot la ve".split())


def _subject(t: str, q: str, marked: bool) -> str:
    """The subject a question asks about, folded: the words after 'quy định (về)', 'về', 'hướng dẫn' … without what
    the question says besides ('… là nghị định nào', '… còn hiệu lực không', the year); or, unless `marked`, what is
    left of the whole question. In quotes, whatever the language ('about “lương cơ sở”')."""
    quoted = _QUOTED.search(q)
    if quoted is not None:
        return _clean(fold_lower(quoted.group(1)))
    m = _SUBJECT_MARK.search(t)
    if m is None and marked:
        return ""
    after = _strip_subject(t[m.start() :] if m is not None else t)
    if m is not None and not (set(after.split()) - _FUNCTION_WORDS - {"tai", "o", "trong", "in", "by"}):
        # '(Mức lương cơ sở hiện nay được) quy định tại văn bản nào?': the subject before the words
        return _strip_subject(t[: m.start()])
    return after


def _strip_subject(text: str) -> str:
    text = _YEAR_WORDS.sub(" ", text)
    text = " " + re.sub(r"\s+", " ", text).strip()
    for _ in range(8):
        before = text
        text = " " + _SUBJECT_HEAD.sub("", text.strip())
        text = _SUBJECT_TAIL.sub("", text)
        if text == before:
            break
    return text.strip()


def _written(q: str, subject: str) -> str:
    """The subject as the question writes it, in lower case with its diacritics ('mức lương cơ sở'); the folded
    subject when the question does not write it in one piece."""
    words = subject.split()
    if not words:
        return subject
    m = re.search(r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(map(re.escape, words)) + r"(?![a-z0-9])", fold_lower(q))
    if m is None:
        return subject
    return " ".join(_WORD.findall(unicodedata.normalize("NFC", q[m.start() : m.end()]).lower()))


_WORD = re.compile(r"\w+")


def _title_words(d: Document) -> tuple[str, str]:
    """A document's title (and name) as words: folded, and in lower case with diacritics."""
    low = unicodedata.normalize("NFC", " ".join(x for x in (d.title, d.name) if x)).lower()
    words = " ".join(_WORD.findall(low))
    return fold_lower(words), words


def _has_words(text: str, words: list[str]) -> bool:
    have = set(text.split())
    return all(w in have for w in words)


def _has_phrase(text: str, phrase: str) -> bool:
    return bool(phrase) and f" {phrase} " in f" {text} "


def _matching(docs: list[Document], subject: str, written: str) -> list[Document]:
    """The documents whose titles hold every word of the subject as a word (with its diacritics when the question
    writes them): not those that merely hold its letters ('lương' is not in 'chất lượng')."""
    accented = written != subject
    out = []
    for d in docs:
        folded, low = _title_words(d)
        if _has_words(low, written.split()) if accented else _has_words(folded, subject.split()):
            out.append(d)
    return out


def _query_words(subject: str) -> str:
    """The words a store's search is asked for (every one must be there): the subject without its function words."""
    words = subject.split()
    return " ".join(w for w in words if w not in _FUNCTION_WORDS) or subject


_ISSUER_BEFORE = re.compile(r"(?<![a-z])(?:cua|do|boi|by|of|from)\s+(?:the\s+)?$")
_ISSUER_AFTER = re.compile(r"^\s*(?:da\s+|co\s+)?(?:ban hanh|ky|issue|issued|signed|has|have|did)(?![a-z])")


def _in_subject(f: str, ref: _Ref) -> bool:
    """Whether the body a question names is part of the subject it asks about ('… về cho vay của ngân sách trung
    ương cho chính phủ nước ngoài'), not the issuer: after 'về', 'quy định' …, and neither after 'của', 'do', 'of',
    'by' nor before 'ban hành', 'issued'."""
    m = _SUBJECT_MARK.search(f)
    if m is None or m.start() > ref.start:
        return False
    return not (_ISSUER_BEFORE.search(f[: ref.start]) or _ISSUER_AFTER.match(f[ref.end :]))


def _about_many(store: Store, q: str, lang: Language, f: str, ref: _Ref | None) -> Answer:
    """A question about many documents: which of a body's, of a type, of a year (about a subject) are in force on a
    day, or no longer; what a body issued; which documents' titles speak of a subject."""
    if ref is not None and _in_subject(f, ref):  # 'nghị định về cho vay … cho chính phủ nước ngoài': not its issuer
        ref = None
    rest = f if ref is None else f[: ref.start] + " X " + f[ref.end :]
    at = _day_in(rest)
    t = _clean(_DAY.sub(" ", rest))
    asked_type, year = _asked(t)
    if asked_type is None:  # 'Nghị định quy định …', 'Tìm thông tư hướng dẫn …': the type word it starts with
        lead = re.match(r"(?:(?:co|tim|hay|cho biet|xin|liet ke|nhung|cac|find|list|the|a)\s+)*", t)
        m = vocabulary().type_word_re.match(t, lead.end() if lead else 0)
        asked_type = vocabulary().type_for_word(m.group()) if m is not None else None
    if asked_type is not None and asked_type.id == "VanBan":
        asked_type = None
    agency = ref.agency_id if ref is not None else None
    english = lang == "en"
    if at is not None and _TAKES_EFFECT.search(t) and _LIST.search(t):
        subject = "" if english and not _QUOTED.search(q) else _subject(t, q, marked=True)
        return _taking_effect(store, q, lang, agency, asked_type, at, subject)
    if _LIST_STATUS.search(t) and _LIST.search(t):
        subject = "" if english and not _QUOTED.search(q) else _subject(t, q, marked=True)
        return _in_force_list(store, q, lang, agency, asked_type, year, at, bool(_ENDED.search(t)), subject)
    if ref is not None:
        if _ISSUE.search(t) or _LIST.search(t):
            subject = "" if english and not _QUOTED.search(q) else _subject(t, q, marked=True)
            return _issued_by(store, q, lang, ref, asked_type, year, subject)
        return _not_understood(q, lang)
    cue = asked_type is not None or re.search(r"(?<![a-z])(?:van ban|documents?|regulations?)(?![a-z])", t)
    subject = "" if english and not _QUOTED.search(q) else _subject(t, q, marked=False)
    if cue and re.search(r"[a-z]{2}", subject):  # words, not a number alone ('Chỉ thị 0')
        return _search(store, q, lang, subject, asked_type, year)
    return _not_understood(q, lang, "Không thấy số văn bản hay cơ quan nào trong câu hỏi."
                           if lang == "vi" else "No document number or body found in the question.")


_TAKES_EFFECT = re.compile(r"(?<![a-z])(?:(?:co|bat dau co|se co|duoc ap dung|ap dung)\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+"
                           r"(?:tu|ke tu|vao|ngay)|(?:take|takes|took|taking)\s+effect|(?:come|comes|came|coming)\s+"
                           r"into\s+force|effective\s+(?:from|on|as\s+of))(?![a-z])")


def _taking_effect(store: Store, q: str, lang: Language, agency: str | None, asked_type: DocType | None,
                   day: dt.date, subject: str) -> Answer:
    """The documents (of a body, a type, about a subject) that take effect on a day, as the texts read state: those
    issued that year or the year before (two reads), their dates of effect compared."""
    type_id = asked_type.id if asked_type else None
    words = _query_words(subject) if subject else None
    found: list[Document] = []
    total = 0
    for year in (day.year, day.year - 1):
        docs, n = store.documents(issuer=agency, type=type_id, year=year, q=words, limit=LIST_READ)
        total += n
        found += [d for d in docs if d.effective == day]
    written = _written(q, subject)
    if subject:
        found = _matching(found, subject, written)
    found.sort(key=lambda d: (d.date or dt.date.min, d.key), reverse=True)
    items = [AnswerItem(d.key, _summary(d, lang), document=d) for d in found[:100]]
    head = _cut([i.label for i in items], lang, total=len(found))
    a = vocabulary().agencies.get(agency) if agency else None
    if lang == "vi":
        what = (asked_type.name.lower() if asked_type else "văn bản") + (f" của {a.name}" if a else "") + (
            f" có «{written}» trong tiêu đề" if subject else "")
        text = (f"Theo các văn bản đã đọc, {len(found)} {what} trong đồ thị có hiệu lực từ ngày "
                f"{day.strftime('%d/%m/%Y')}" + (f": {head}." if found else ".")
                + f" (Đã xét các {what} ban hành năm {day.year - 1} và {day.year}.)")
    else:
        what = (asked_type.name_en.lower() + "s" if asked_type else "documents") + (
            f" of the {a.name_en}" if a else "") + (f" with «{written}» in their titles" if subject else "")
        text = (f"As far as the texts read say, {len(found)} {what} in the graph take effect on {day.isoformat()}"
                + (f": {head}." if found else ".") + f" ({what.capitalize()} issued in {day.year - 1} and {day.year} "
                "were read.)")
    return Answer(q, True, lang, text, intent="taking_effect", agency=agency, items=items)


LIST_READ = 1000  # the documents a list in force reads at most (their statuses are worked out one by one)


def _in_force_list(store: Store, q: str, lang: Language, agency: str | None, asked_type: DocType | None,
                   year: int | None, at: dt.date | None, ended: bool, subject: str) -> Answer:
    """The documents of a body, a type, a year (whose titles speak of a subject) in force on a day (today by
    default) or no longer, as the texts read say: three reads (the documents, what acts on them, those texts)."""
    v = vocabulary()
    words = _query_words(subject) if subject else None
    docs, n = store.documents(issuer=agency, type=asked_type.id if asked_type else None, year=year, q=words,
                              limit=LIST_READ)
    written = _written(q, subject)
    if subject:  # as words, not letters: 'lương', not 'chất lượng'
        docs = _matching(docs, subject, written)
        n = len(docs) if n <= LIST_READ else n
    acting = store.relations_of([d.key for d in docs], ACTING, "in") if docs else {}
    others = sorted({r.other for rels in acting.values() for r in rels})
    briefs = store.briefs(others) if others else {}
    day = at or dt.date.today()
    states: dict[str, int] = {}
    chosen: list[tuple[Document, list[Change]]] = []
    for d in docs:
        st = status_on(d, changes(acting.get(d.key, []), briefs), day)
        states[st.state] = states.get(st.state, 0) + 1
        if (st.state in ("replaced", "repealed", "expired")) if ended else (st.state in ("in_force", "amended",
                                                                                         "partly_in_force")):
            chosen.append((d, st.changes))
    chosen.sort(key=lambda x: (x[0].date is None, -(x[0].date.toordinal() if x[0].date else 0), x[0].key))
    items = [AnswerItem(d.key, _summary(d, lang), relation=cs[0].type if cs else None, direction="in" if cs else None,
                        document=d, evidence=[e for c in cs[:1] for e in c.evidence[:1]]) for d, cs in chosen[:100]]
    head = _cut([i.label for i in items], lang, total=len(chosen))
    a = v.agencies.get(agency) if agency else None
    k = len(chosen)
    in_force = states.get("in_force", 0) + states.get("amended", 0) + states.get("partly_in_force", 0)
    gone = sum(states.get(x, 0) for x in ("replaced", "repealed", "expired"))
    unknown = states.get("unknown", 0)
    later = states.get("not_yet_in_force", 0)
    if lang == "vi":
        what = (asked_type.name.lower() if asked_type else "văn bản") + (f" của {a.name}" if a else "") + (
            f" năm {year}" if year else "") + (f" có «{written}» trong tiêu đề" if subject else "")
        state = "đã hết hiệu lực" if ended else "còn hiệu lực"
        read = f"{len(docs)} {what}" + (f" (đã xét {len(docs)} văn bản đầu tiên trong {n})" if n > len(docs) else "")
        text = (f"Ngày {day.strftime('%d/%m/%Y')}, theo các văn bản đã đọc, {k} trong {read} trong đồ thị {state}"
                + (f": {head}." if k else ".") if docs else f"Đồ thị chưa có {what} nào.")
        if docs:
            text += (f" Còn hiệu lực: {in_force}; hết hiệu lực: {gone}; chưa có hiệu lực: {later}; "
                     f"không đủ căn cứ để biết: {unknown}.")
    else:
        what = (asked_type.name_en.lower() + "s" if asked_type else "documents") + (
            f" of the {a.name_en}" if a else "") + (f" of {year}" if year else "") + (
            f" with «{written}» in their titles" if subject else "")
        state = "no longer in force" if ended else "in force"
        read = f"{len(docs)} {what}" + (f" (the first {len(docs)} of {n} read)" if n > len(docs) else "")
        text = (f"On {day.isoformat()}, as far as the texts read say, {k} of the {read} in the graph "
                f"{'are' if k != 1 else 'is'} {state}" + (f": {head}." if k else ".") if docs
                else f"The graph holds no {what}.")
        if docs:
            text += f" In force: {in_force}; no longer in force: {gone}; not yet in force: {later}; not known: {unknown}."
    return Answer(q, True, lang, text, intent="no_longer_in_force" if ended else "in_force", agency=agency, items=items)


SEARCH_READ = 500  # the documents whose titles a search of titles reads at most, before ranking them


def _rank(docs: list[Document], subject: str, written: str, year: int | None) -> tuple[list[Document], bool]:
    """The documents a search found, the best first: of the year asked for; the subject written as it is in the title,
    then its words all there as words (with the diacritics the question writes), then their pairs; the newest first.
    Only those as good as the best on the year and on how the subject is written, not those that merely hold its
    letters; and whether the best holds the subject as it is written."""
    words, accented = subject.split(), written != subject
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]

    def score(d: Document) -> tuple[int, ...]:
        folded, low = _title_words(d)
        exact = (int(_has_phrase(low, written)), int(_has_words(low, written.split()))) if accented else (0, 0)
        return (int(year is not None and d.year == year), int(_has_phrase(folded, subject)),
                int(_has_words(folded, words)), *exact, sum(_has_phrase(folded, p) for p in pairs),
                sum(w in folded.split() for w in words))

    scored = [(score(d), d) for d in docs]
    scored.sort(key=lambda x: (x[0], x[1].date or dt.date(x[1].year or 1, 1, 1), x[1].key), reverse=True)
    if not scored:
        return [], False
    best = scored[0][0]
    keep = 5 if accented and best[4] else 3  # with the question's diacritics, all its words as written when any has
    found = [d for sc, d in scored if sc[:3] == best[:3] and (keep == 3 or sc[4])]
    return found, bool(best[1])


def _search(store: Store, q: str, lang: Language, subject: str, asked_type: DocType | None, year: int | None) -> Answer:
    """The documents whose titles speak of a subject, of the type asked for, ranked (`_rank`): one read of the
    store (its search of numbers, names and titles, diacritics or none), said to be a search of titles."""
    written = _written(q, subject)
    docs, n = store.documents(q=_query_words(subject), type=asked_type.id if asked_type else None, limit=SEARCH_READ)
    found, whole = _rank(docs, subject, written, year)
    more = n - len(docs)  # found by the store past what was read and ranked
    if not whole:
        found = _matching(found, subject, written) or found
    items = [AnswerItem(d.key, _summary(d, lang), document=d) for d in found[:20]]

    def line(d: Document) -> str:
        title = f": {d.title.strip().rstrip('.')}" if d.title else ""
        return f"{_brief_label(d, lang)}{title}"

    what_vi = asked_type.name.lower() if asked_type else "văn bản"
    what_en = asked_type.name_en.lower() + "s" if asked_type else "documents"
    in_year = year is not None and bool(found) and found[0].year == year
    listed = _cut([line(d) for d in found], lang, shown=SEARCH_SHOWN, sep="; ") + "."
    if more > 0:
        listed += (f" (Đã xếp hạng {len(docs)} trong {n} văn bản tìm được.)" if lang == "vi"
                   else f" ({len(docs)} of the {n} found were ranked.)")
    if lang == "vi":
        how = f"có «{written}» trong tiêu đề" if whole else f"có đủ các từ của «{written}» trong tiêu đề"
        head = f"Tìm trong tiêu đề văn bản: các {what_vi}" + (f" năm {year}" if in_year else "") + f" {how}"
        text = f"{head}: {len(found)} {what_vi}" + (f" (không có văn bản nào năm {year})" if year and not in_year
                                                   else "") + f". {listed}" if found else \
            f"Tìm trong tiêu đề văn bản: không có {what_vi} nào có «{written}» trong tiêu đề."
    else:
        how = f"with «{written}» in their titles" if whole else f"with every word of «{written}» in their titles"
        head = f"A search of titles: the {what_en}" + (f" of {year}" if in_year else "") + f" {how}"
        text = f"{head}: {len(found)} found" + (f" (none of {year})" if year and not in_year else "") + f". {listed}" \
            if found else f"A search of titles: no {what_en} with «{written}» in their titles."
    return Answer(q, True, lang, text, intent="search", items=items)


def _overview(q: str, lang: Language, view: DocumentRelations) -> Answer:
    """A document's relations but those that merely cite; `view`: the document with them."""
    items = []
    v = vocabulary()
    doc = view.document
    for r in view.relations:
        d = view.others.get(r.other)  # agencies are not documents: named below
        label = _summary(d, lang) if d else (v.agencies[r.other].name if r.other in v.agencies else r.other)
        items.append(AnswerItem(r.other, label, kind="document" if d else "agency", relation=r.type,
                                direction=r.direction, document=d, evidence=r.evidence))
    date = doc.date.isoformat() if doc.date else "?"
    title = f" {doc.title.strip().rstrip('.')}." if doc.title else ""
    text = (f"{_summary(doc, lang)} ({date}):{title} {len(items)} quan hệ." if lang == "vi"
            else f"{_summary(doc, lang)} ({date}):{title} {len(items)} relations.")
    return Answer(q, True, lang, text, intent="overview", subject=doc, items=items)
