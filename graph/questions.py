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

The verbs come from the relation vocabulary (ontology/relations.tsv, columns verbs_vi and verbs_en); the direction
from where the document stands against the verb ("X thực hiện … nào" looks outward, "… nào thực hiện X" and the
passive "X được thực hiện bởi" inward). What the question asks is settled before the graph is read, so each kind of
question reads the store once (`Store.document_relations`, `Store.document_chain`, `Store.document`), and a body's
documents twice (the page, then their ISSUED_BY evidence in one call).

`graph.ask(store, question)` is this module's `ask`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from .errors import AmbiguousReference, NotFound
from .model import RELATION_TYPES, Document, Evidence, relation_verbs
from .numbers import NUMBER_RE, scan
from .status import ACTING, changes, status_on
from .stores.base import DocumentRelations, Store
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
_SINCE_WHEN = re.compile(r"hieu\s+luc\s+(?:thi\s+hanh\s+)?(?:tu\s+|ke\s+tu\s+)?(?:khi\s+nao|bao\s+gio|ngay\s+nao|luc\s+nao)|"
                         r"(?:take|takes|took|taken)\s+effect|come\s+into\s+force|came\s+into\s+force|in\s+force\s+since|"
                         r"effective\s+(?:date|since|from)|since\s+when")
_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)|"
                  r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+((?:19|20)\d\d)|"
                  r"(?<!\d)((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)")


def _day_in(f: str) -> dt.date | None:
    """A day the question asks about: 1/1/2020, ngày 1 tháng 1 năm 2020, 2020-01-01."""
    m = _DAY.search(f)
    if m is None:
        return None
    g = m.groups()
    try:
        if g[0]:
            return dt.date(int(g[2]), int(g[1]), int(g[0]))
        if g[3]:
            return dt.date(int(g[5]), int(g[4]), int(g[3]))
        return dt.date(int(g[6]), int(g[7]), int(g[8]))
    except ValueError:
        return None


_STATUS = re.compile(r"hieu luc|in force|still valid|valid|effective|repealed\?|status|tinh trang")
_ISSUE = re.compile(r"ban hanh|issue[sd]?|published|documents? (?:of|from|by)")
_WHO = re.compile(r"(?<![a-z])(?:ai|co quan nao|who|which (?:body|agency|authority))(?![a-z])")
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
    end: int
    text: str
    kind: Literal["document", "agency"]
    agency_id: str | None = None
    query: str | None = None  # what to look the document up by, when not `text` (a law asked for in English)


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
    to the question's own ('có hiệu lực', 'được thay thế', 'nào', '?')."""
    m = _LAW_WORD.search(f)
    if m is None:
        return None
    at = vocabulary().law_name_at(f, m.start())
    if at is not None:
        end = at[0]
    else:
        end, n = m.end(), 0
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


def find_reference(question: str) -> _Ref | None:
    """The document (number, partial number) or body a question names, with its span in the folded text."""
    f = fold_lower(question)
    upper = fold(question).upper()
    for m in scan(upper):
        start = _type_word_before(f, m.start)
        return _Ref(start, m.end, question[start : m.end], "document")
    m2 = NUMBER_RE.search(upper)
    if m2 is not None and "-" in m2.group(0):  # 52-NQ/TW written oddly, or a code scan rejected
        start = _type_word_before(f, m2.start())
        return _Ref(start, m2.end(), question[start : m2.end()], "document")
    m3 = _PARTIAL.search(f)
    if m3 is not None:
        start = _type_word_before(f, m3.start())
        return _Ref(start, m3.end(), question[start : m3.end()], "document")
    span = _law_name(f)
    if span is not None:  # 'Luật Giao dịch điện tử (năm 2023)': a law asked for by its name
        return _Ref(span[0], span[1], question[span[0] : span[1]], "document")
    law_en = _law_name_en(f)
    if law_en is not None:  # 'the Law on Electronic Transactions': by its English name
        a0, a1, query = law_en
        return _Ref(a0, a1, question[a0:a1].strip(), "document", query=query)
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
    if ref is None:
        return _not_understood(q, lang, "Không thấy số văn bản hay cơ quan nào trong câu hỏi."
                               if lang == "vi" else "No document number or body found in the question.")
    f = fold_lower(q)
    at = _day_in(f)
    t = f[: ref.start] + " X " + f[ref.end :]
    t = re.sub(r"\s+", " ", re.sub(r"[?!.,;:]", " ", t)).strip()
    x = t.index("X")

    asked_type, asked_year = _asked(t)
    if ref.kind == "agency":
        if _ISSUE.search(t):
            return _issued_by(store, q, lang, ref, asked_type, asked_year)
        return _not_understood(q, lang)
    try:
        return _about_document(store, q, lang, ref.query or ref.text, _intent(t, x), at, asked_type)
    except AmbiguousReference as e:
        msg = (f"{ref.text} ứng với nhiều văn bản: {'; '.join(e.candidates)}. Hãy nêu năm." if lang == "vi"
               else f"{ref.text} names several documents: {'; '.join(e.candidates)}. Give the year.")
        return Answer(q, True, lang, msg, intent="ambiguous", candidates=e.candidates)
    except NotFound as e:
        msg = (f"Đồ thị chưa có văn bản {ref.text}." if lang == "vi" else f"The graph holds no document {ref.text}.")
        if e.suggestions:
            msg += (" Gần giống: " if lang == "vi" else " Close: ") + "; ".join(e.suggestions) + "."
        return Answer(q, True, lang, msg, intent="not_found", candidates=e.suggestions)


@dataclass(frozen=True)
class _Intent:
    """What a question about a document asks: when it took effect, its status, who issued it, the documents on
    the other end of a relation (`rel`, looking `direction` from the document), or an overview."""

    kind: Literal["effective", "status", "issuer", "related", "overview"]
    rel: str = ""
    direction: Literal["out", "in"] = "out"


def _intent(t: str, x: int) -> _Intent | None:
    """What a question asks of the document it names (`t`: the question folded, the document replaced by 'X' at
    `x`), from its words alone: settled before the graph is read. None: not understood."""
    if _SINCE_WHEN.search(t):
        return _Intent("effective")
    if _STATUS.search(t):
        return _Intent("status")
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
    if intent.kind == "status":
        return _status(q, lang, store.document_relations(ref, ACTING, "in"), at)
    if intent.kind == "issuer":
        return _issuer_of(q, lang, store.document_relations(ref, ("ISSUED_BY",), "out"))
    if intent.kind == "overview":
        return _overview(q, lang, store.document_relations(ref, _OVERVIEW))
    if intent.rel == "REPLACES":  # the chain of replacements, followed to the text in force
        doc, steps = store.document_chain(ref, intent.direction)
        items = [AnswerItem(s.document.key, _summary(s.document, lang), relation="REPLACES", direction=intent.direction,
                            document=s.document, evidence=s.evidence) for s in steps]
        return _related(q, lang, doc, "REPLACES", intent.direction, items)
    view = store.document_relations(ref, (intent.rel,), intent.direction)
    items = []
    for r in view.relations:  # of the type asked for ('Nghị định nào hướng dẫn …'), if one is
        d = view.others.get(r.other)
        if asked_type is not None and (d is None or d.type_id != asked_type.id):
            continue
        items.append(AnswerItem(r.other, _summary(d, lang) if d else r.other, relation=intent.rel,
                                direction=intent.direction, document=d, evidence=r.evidence))
    return _related(q, lang, view.document, intent.rel, intent.direction, items, asked_type)


def _related(q: str, lang: Language, doc: Document, rel: str, direction: Literal["out", "in"], items: list[AnswerItem],
             asked_type: DocType | None = None) -> Answer:
    """The answer naming the documents on the other end of a relation (`items`), in the relation's words
    (ontology/relations.tsv); `asked_type`: the type of document asked for (not for a chain of replacements)."""
    v = vocabulary()
    label = v.relation_types[rel]

    def with_issuer(i: AnswerItem) -> str:  # 'Quyết định 749/QĐ-TTg (Thủ tướng Chính phủ)': who issued each
        a = v.agencies.get(i.document.issuer) if i.document is not None and i.document.issuer else None
        return i.label if a is None else f"{i.label} ({a.name if lang == 'vi' else 'the ' + a.name_en})"

    names = ", ".join(with_issuer(i) for i in items)
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
                f"; văn bản còn hiệu lực theo đồ thị: {items[-1].label}." if len(items) > 1 else ".")
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
                f"; in force as far as the graph knows: {items[-1].label}." if len(items) > 1 else ".")
        elif direction == "in":
            text = f"{names} {_verb_en(label.label_en, plural=len(items) > 1)} {_summary(doc, lang)}."
        else:
            text = f"{_summary(doc, lang)} {_verb_en(label.label_en)} {names}."
    return Answer(q, True, lang, text, intent=intent, subject=doc, items=items)


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
    by = ", ".join(i.label for i in items)
    if lang == "vi":
        text = {
            "not_yet_in_force": f"Ngày {day}, {s} chưa có hiệu lực"
                                + (f" (có hiệu lực từ {st.effective.strftime('%d/%m/%Y')})." if st.effective else "."),
            "in_force": f"Ngày {day}, {s} còn hiệu lực theo các văn bản đã đọc"
                        + (f" (có hiệu lực từ {st.effective.strftime('%d/%m/%Y')})." if st.effective else "."),
            "amended": f"Ngày {day}, {s} còn hiệu lực, đã được sửa đổi, bổ sung bởi {by}.",
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
                        + (f" (in force since {st.effective.isoformat()})." if st.effective else "."),
            "amended": f"On {day}, {s} is in force, amended by {by}.",
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


def _issuer_of(q: str, lang: Language, view: DocumentRelations) -> Answer:
    """Who issued a document; `view`: the document with its ISSUED_BY relations."""
    v = vocabulary()
    doc = view.document

    def name(aid: str) -> str:
        a = v.agencies.get(aid)
        return aid if a is None else (a.name if lang == "vi" else f"the {a.name_en}")

    items = [AnswerItem(r.other, name(r.other), kind="agency", relation=r.type, direction="out", evidence=r.evidence)
             for r in view.relations]
    names = ", ".join(i.label for i in items)
    if lang == "vi":
        text = f"{_summary(doc, lang)} do {names} ban hành." if items else f"Chưa rõ cơ quan ban hành {_summary(doc, lang)}."
    else:
        text = f"{_summary(doc, lang)} was issued by {names}." if items else f"The issuer of {_summary(doc, lang)} is not known."
    return Answer(q, True, lang, text, intent="issuer", subject=doc, items=items)


def _issued_by(store: Store, q: str, lang: Language, ref: _Ref, asked_type: DocType | None = None,
               year: int | None = None) -> Answer:
    """What a body issued: of the type and the year asked for, if the question names them ('Bộ Tài chính ban hành
    những thông tư nào năm 2026?')."""
    v = vocabulary()
    assert ref.agency_id is not None
    a = v.agencies[ref.agency_id]
    docs, n = store.documents(issuer=a.id, type=asked_type.id if asked_type else None, year=year, limit=100)
    docs.sort(key=lambda d: (d.date is None, -(d.date.toordinal() if d.date else 0), d.key))
    issued = store.relations_of([d.key for d in docs], ("ISSUED_BY",), "out") if docs else {}  # one read for all
    items = []
    for d in docs:
        ev = [e for r in issued.get(d.key, []) if r.other == a.id for e in r.evidence][:1]
        items.append(AnswerItem(d.key, _summary(d, lang), relation="ISSUED_BY", direction="in", document=d, evidence=ev))
    head = ", ".join(i.label for i in items[:10]) + (" …" if n > 10 else "")
    what_vi = (asked_type.name.lower() if asked_type else "văn bản") + (f" năm {year}" if year else "")
    what_en = (asked_type.name_en.lower() + "s" if asked_type else "documents") + (f" of {year}" if year else "")
    if lang == "vi":
        text = f"{a.name} đã ban hành {n} {what_vi} trong đồ thị: {head}." if n else f"Đồ thị chưa có {what_vi} nào của {a.name}."
    else:
        text = f"The {a.name_en} issued {n} {what_en} in the graph: {head}." if n else f"The graph holds no {what_en} of the {a.name_en}."
    return Answer(q, True, lang, text, intent="issued_by", agency=a.id, items=items)


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
    text = (f"{_summary(doc, lang)} ({date}): {len(items)} quan hệ." if lang == "vi"
            else f"{_summary(doc, lang)} ({date}): {len(items)} relations.")
    return Answer(q, True, lang, text, intent="overview", subject=doc, items=items)
