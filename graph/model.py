"""The graph model shared by every stage and every store: plain, validated, typed.

A *mention* (in `extract`) is evidence in a text; a *document* is a node. Every node and relation
holds the evidence that states it: the source, the sentence, and character offsets into the source
as it was read (before cleaning).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .vocab import _rows, fold_lower, name_base, vocabulary

# The relation types are declared once, in ontology/relations.tsv (read by `graph.vocab` as `RelationType`s): the
# tuples, the pydantic enum, the API's enum and the verbs of questions (`relation_verbs`) are derived from it.
RELATION_TYPES: tuple[str, ...] = tuple(vocabulary().relation_types)  # in the order of the table
AGENCY_RELATIONS: tuple[str, ...] = tuple(  # the relations whose target is an agency: ISSUED_BY, PROPOSED_BY
    t for t, r in vocabulary().relation_types.items() if r.range == "Agency")
DOCUMENT_RELATIONS: tuple[str, ...] = tuple(t for t in RELATION_TYPES if t not in AGENCY_RELATIONS)
if TYPE_CHECKING:
    RelationType = str
else:  # Literal["ISSUED_BY", "PROPOSED_BY", "REPLACES", …]: what pydantic validates and the OpenAPI lists
    RelationType = Literal[RELATION_TYPES]


@functools.cache
def relation_verbs() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The words a question names each relation by, Vietnamese and English, folded (no diacritics, lower case)
    and longest first: ontology/relations.tsv's columns verbs_vi and verbs_en ('thay thế|…'), every form written
    out. Relation types without such words (ISSUED_BY, PROPOSED_BY) are left out; table order is kept (the first
    relation a question matches is the one asked about)."""
    out = {}
    for r in _rows("relations.tsv"):
        vi, en = (tuple(sorted({" ".join(re.sub(r"[?!.,;:]", " ", fold_lower(w)).split())
                                for w in r.get(col, "").split("|") if w.strip()}, key=lambda w: (-len(w), w)))
                  for col in ("verbs_vi", "verbs_en"))
        if vi or en:
            out[r["id"]] = (vi, en)
    return out


MAX_EVIDENCE = 20  # evidence kept per node or relation; the count of all sightings is kept beside it


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """Where a fact is stated: source path, the sentence, and its offsets in the source as read."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EffectiveClaim(_Model):
    """A date a text gives for a document (or a part of it) taking effect, with the sentence that says so."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    date: dt.date | None = None  # None: the text names no date that can be computed
    part: str | None = None  # None: the whole document; else the part, as written ('khoản 3 Điều 5')
    rule: str = "date"  # date | on_signing | after_days:N | as_reported | until (the last day it is in force)
    evidence: Evidence

    @property
    def ends(self) -> bool:
        """A statement of the last day in force ('… có hiệu lực … đến hết ngày 31 tháng 12 năm 2027')."""
        return self.rule == "until"


class Document(_Model):
    """A legal or administrative document: a node of the graph, keyed by its canonical number."""

    key: str
    number: str | None = None  # as the issuer writes it: 42/2022/NĐ-CP
    name: str | None = None  # for laws cited by name: Luật Tổ chức Chính phủ
    type: str  # Vietnamese type name from the ontology: Nghị định
    type_id: str  # ontology id: NghiDinh
    issuer: str | None = None  # agency id: CP
    co_issuers: list[str] = Field(default_factory=list)  # joint circulars
    date: dt.date | None = None  # date of issue
    year: int | None = None
    title: str | None = None  # trích yếu
    evidence: list[Evidence] = Field(default_factory=list)
    mentions: int = 0  # how many times the sources mention it
    effective: dt.date | None = None  # date it takes effect (hiệu lực thi hành), as the texts state it
    expires: dt.date | None = None  # the last day in force, when the text names one for itself (a term)
    effective_claims: list[EffectiveClaim] = Field(default_factory=list)  # every statement seen: whole and parts
    effective_conflicts: list[EffectiveClaim] = Field(default_factory=list)  # claims that contradict `effective`

    @property
    def label(self) -> str:
        return self.number or self.name or self.key

    @property
    def typed_label(self) -> str:
        """Its type and label as a person writes them: 'Nghị định 42/2022/NĐ-CP'; a name that opens with its type word
        alone ('Bộ luật ISPS', 'Luật Du lịch': not 'Bộ luật Bộ luật ISPS')."""
        label = self.label
        return label if label.lower().startswith(self.type.lower() + " ") else f"{self.type} {label}"

    @property
    def name_base(self) -> str | None:
        """The key its law name gives, without a year ('LUAT/giao-dich-dien-tu'), also for a law keyed by its
        number (20/2023/QH15): what finds a law asked for by name; None for a document without a name."""
        return name_base(self.type_id, self.name) if self.name else None

    def brief(self) -> Document:
        """The document without its evidence and statements of effect (its dates of effect kept): what a list,
        a label or a replacement chain shows, and what stores read without decoding those sentences."""
        if not (self.evidence or self.effective_claims or self.effective_conflicts):
            return self
        return self.model_copy(update={"evidence": [], "effective_claims": [], "effective_conflicts": []})

    def effect_claim(self) -> EffectiveClaim | None:
        """The first statement of the whole document taking effect on `effective` (None when no text gives it)."""
        if self.effective is None:
            return None
        return next((c for c in self.effective_claims if c.part is None and not c.ends and c.date == self.effective), None)

    def term_claim(self) -> EffectiveClaim | None:
        """The first statement of the term its own text names, ending on `expires` (None when there is none)."""
        if self.expires is None:
            return None
        return next((c for c in self.effective_claims if c.ends and c.part is None and c.date == self.expires), None)


class Agency(_Model):
    """An issuing body."""

    id: str
    name: str
    name_en: str


# The kinds of effect a text has on (a part of) another, from the formula that states it (issue 25): bãi bỏ, sửa đổi,
# bổ sung, thay thế (a part), thay thế cụm từ / bỏ cụm từ, đình chỉ / tạm ngưng, quy định chi tiết, hướng dẫn.
EFFECT_KINDS: tuple[str, ...] = ("repealed", "amended", "inserted", "replaced", "words_substituted", "words_removed",
                                 "suspended", "detailed", "guided")
if TYPE_CHECKING:
    EffectKind = str
else:
    EffectKind = Literal[EFFECT_KINDS]


class PartEffect(_Model):
    """What one sentence of the acting text does to the target: the kind of effect, the parts of the target it
    touches (ids relative to the target, ELI style: 'dieu_8/khoan_2/diem_a', 'phu_luc_1'; none: the whole text), the
    parts as written ('khoản 2 Điều 8'), the part of the acting text that states it (when that text is read in full),
    the date the effect takes hold and the last day it holds when a text states them, and the sentence."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: EffectKind
    parts: list[str] = Field(default_factory=list)
    written: str | None = None
    by_part: str | None = None
    date: dt.date | None = None
    until: dt.date | None = None  # the last day it holds, when the text names one ('… đến ngày 15 tháng 9 năm 2022')
    evidence: Evidence


class Relation(_Model):
    """A typed, directed relation; `source` acts on `target` (the newer text acts on the older). `effects` keeps
    what each stating sentence does, part by part (empty when no sentence names a kind or a part)."""

    type: RelationType
    source: str  # document key
    target: str  # document key, or agency id for ISSUED_BY / PROPOSED_BY
    evidence: list[Evidence] = Field(default_factory=list)
    effects: list[PartEffect] = Field(default_factory=list)

    @property
    def id(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)


class PartNode(_Model):
    """A part of a document read in full (`graph.structure`): its id relative to the document ('dieu_8/khoan_2'), its
    kind (phan, chuong, muc, dieu, khoan, diem, phu_luc), its label as written, number, heading, the id of the part
    that holds it, and its span in the source as read."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    kind: str
    label: str
    number: str | None = None
    heading: str | None = None
    parent: str | None = None
    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


_M = TypeVar("_M", bound=BaseModel)
_PART_FIELDS = set(PartNode.model_fields)  # shared, never changed: model_copy copies it first
_new = object.__new__
_set = object.__setattr__


def _unchecked(cls: type[_M], values: dict[str, object], given: set[str]) -> _M:
    """`cls.model_construct(**values)` for values known valid that give every field (defaults too), in the order the
    model declares them: the same object, with pydantic's attributes set as `model_construct` sets them, a fifth of
    its time; `given` is the set of fields the caller named (`model_fields_set`)."""
    m = _new(cls)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", given)
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


def part_unchecked(values: dict[str, object]) -> PartNode:
    """`PartNode(**values)` for values known valid and giving every field (the structure parser's own), unchecked
    (51,702 parts on the corpus); every such part shares one set of the fields given. Tested against
    `PartNode(**values)`."""
    return _unchecked(PartNode, values, _PART_FIELDS)


_EVIDENCE_FIELDS = set(Evidence.model_fields)  # shared, never changed (frozen): model_copy copies it first


def evidence_unchecked(source: str, sentence: str, start: int, end: int) -> Evidence:
    """`Evidence(source=…, sentence=…, start=…, end=…)` unchecked, for the resolver's own values (offsets in the text
    as read, never negative). Tested against the model's constructor."""
    return _unchecked(Evidence, {"source": source, "sentence": sentence, "start": start, "end": end}, _EVIDENCE_FIELDS)


_DOC_GIVEN = ("key", "number", "name", "type", "type_id", "issuer", "co_issuers", "date", "year", "title", "evidence",
              "mentions")


def document_unchecked(key: str, number: str | None, name: str | None, type: str, type_id: str, issuer: str | None,
                       co_issuers: list[str], date: dt.date | None, year: int | None, title: str | None,
                       evidence: list[Evidence], mentions: int) -> Document:
    """`Document(key=…, …, mentions=…)` unchecked, for the resolver's own values (one per mention: 25,124 on the
    corpus), with a set of its own of the fields given (a document changes as the texts naming it are merged).
    Tested against the model's constructor."""
    return _unchecked(Document, {
        "key": key, "number": number, "name": name, "type": type, "type_id": type_id, "issuer": issuer,
        "co_issuers": co_issuers, "date": date, "year": year, "title": title, "evidence": evidence, "mentions": mentions,
        "effective": None, "expires": None, "effective_claims": [], "effective_conflicts": []}, set(_DOC_GIVEN))


class SourceInfo(_Model):
    """One input file and the legal document it is (None for a news article)."""

    path: str
    document: str | None = None  # document key
    error: str | None = None


class Ambiguity(_Model):
    """A mention that names several documents and was not guessed."""

    mention: str
    candidates: list[str]
    evidence: Evidence


class Rejected(_Model):
    """A relation the clause grammar read but the graph does not hold, and why (e.g. it points back in time)."""

    type: str
    source: str
    target: str
    reason: str
    evidence: list[Evidence] = Field(default_factory=list)


class Conflict(_Model):
    """Texts that state one document with contradicting facts: 59-NQ/TW of 24 January 2025, written '… ngày 24 tháng 01
    năm 2024' in one text (same day and month, issuer and subject: one resolution, its year miswritten)."""

    document: str  # the document's key
    field: str  # 'date'
    values: list[str]  # the value kept first, then the others
    evidence: list[Evidence]  # a statement of each


class Graph(_Model):
    """A whole graph, or the part one source contributes."""

    documents: dict[str, Document] = Field(default_factory=dict)
    agencies: dict[str, Agency] = Field(default_factory=dict)
    relations: dict[str, Relation] = Field(default_factory=dict)  # keyed 'TYPE|source|target'
    sources: list[SourceInfo] = Field(default_factory=list)
    ambiguities: list[Ambiguity] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    parts: dict[str, list[PartNode]] = Field(default_factory=dict)  # document key -> its parts, in text order

    @staticmethod
    def rel_key(type_: str, source: str, target: str) -> str:
        return f"{type_}|{source}|{target}"

    def named_agencies(self) -> dict[str, Agency]:
        """The graph's agencies, and those its ISSUED_BY / PROPOSED_BY relations name from the vocabulary: the
        agencies every store and export writes."""
        v = vocabulary()
        out = dict(self.agencies)
        for r in self.relations.values():
            if r.type in AGENCY_RELATIONS and r.target not in out and r.target in v.agencies:
                va = v.agencies[r.target]
                out[va.id] = Agency(id=va.id, name=va.name, name_en=va.name_en)
        return out

    def add_evidence(self, type_: str, source: str, target: str, ev: Evidence) -> None:
        """`add_relation(Relation(type=type_, source=source, target=target, evidence=[ev]))`, the relation made only
        when the graph lacks it (a text names a document and its issuer in many sentences)."""
        k = self.rel_key(type_, source, target)
        cur = self.relations.get(k)
        if cur is None:
            self.relations[k] = Relation(type=type_, source=source, target=target, evidence=[ev])  # type: ignore[arg-type]
        else:
            merge_evidence(cur.evidence, [ev])

    def add_relation(self, rel: Relation) -> None:
        k = self.rel_key(rel.type, rel.source, rel.target)
        cur = self.relations.get(k)
        if cur is None:
            self.relations[k] = rel
        else:
            merge_evidence(cur.evidence, rel.evidence)
            merge_effects(cur.effects, rel.effects)


def merge_evidence(into: list[Evidence], new: list[Evidence]) -> None:
    """Append evidence not already held, up to MAX_EVIDENCE items."""
    if len(into) >= MAX_EVIDENCE or not new:
        return  # full, or nothing to add: the set of what is held is not needed
    seen = {(e.source, e.start, e.end) for e in into}
    for e in new:
        if len(into) >= MAX_EVIDENCE:
            return
        if (e.source, e.start, e.end) not in seen:
            into.append(e)
            seen.add((e.source, e.start, e.end))


def merge_effects(into: list[PartEffect], new: list[PartEffect]) -> None:
    """Append effects not already held (the same kind on the same parts, stated at the same place), up to
    5 * MAX_EVIDENCE per relation (an amending decree's list of items may touch many parts)."""
    if not new:
        return
    seen = {(e.kind, tuple(e.parts), e.evidence.source, e.evidence.start) for e in into}
    for e in new:
        k = (e.kind, tuple(e.parts), e.evidence.source, e.evidence.start)
        if k not in seen and len(into) < 5 * MAX_EVIDENCE:
            into.append(e)
            seen.add(k)


def merge_document(into: Document, new: Document, additive: bool = True) -> None:
    """Fold what another sighting of the same document adds: missing attributes, more evidence.

    Within one extraction mention counts add up; a store keeps the larger count (`additive=False`) so
    that building from the same texts twice changes nothing."""
    merge_sighting(into, new, new.evidence, new.mentions, additive)
    merge_effective(into, new.effective_claims)


class Sighting(Protocol):
    """What a sighting of a document says of it (a `Document`, or what the resolver reads of a mention)."""

    @property
    def number(self) -> str | None: ...
    @property
    def name(self) -> str | None: ...
    @property
    def issuer(self) -> str | None: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def year(self) -> int | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def type(self) -> str: ...
    @property
    def type_id(self) -> str: ...
    @property
    def co_issuers(self) -> Sequence[str]: ...


def merge_sighting(into: Document, new: Sighting, evidence: list[Evidence], mentions: int, additive: bool = True) -> None:
    """`merge_document` but for the dates of effect, from a sighting that need not be a document: the resolver takes
    most mentions into a document already held without making one for each (25,124 mentions, 2,582 documents on the
    corpus)."""
    for attr in ("number", "name", "issuer", "date", "year", "title"):
        value = getattr(new, attr)
        if getattr(into, attr) in (None, "") and value not in (None, ""):
            setattr(into, attr, value)
    if into.type_id == "CongVan" and new.type_id != "CongVan":
        into.type, into.type_id = new.type, new.type_id
    for c in new.co_issuers:
        if c not in into.co_issuers:
            into.co_issuers.append(c)
    merge_evidence(into.evidence, evidence)
    into.mentions = into.mentions + mentions if additive else max(into.mentions, mentions)


@dataclass(slots=True)
class EffectiveDates:
    """A document's dates of effect as `merge_effective` folds them, apart from the document."""

    date: dt.date | None
    effective: dt.date | None = None
    expires: dt.date | None = None
    effective_claims: list[EffectiveClaim] = dc_field(default_factory=list)
    effective_conflicts: list[EffectiveClaim] = dc_field(default_factory=list)


def folded_effective(doc: Document) -> EffectiveDates:
    """The dates of effect of a document not yet stored, folded from its statements alone (the same rule, the
    same order, in every store)."""
    fresh = EffectiveDates(doc.date)
    merge_effective(fresh, doc.effective_claims)
    return fresh


def fresh_effective(doc: Document) -> Document:
    """A copy of a document not yet stored, with its `folded_effective` dates of effect."""
    e = folded_effective(doc)
    return doc.model_copy(update={"effective": e.effective, "expires": e.expires, "effective_claims": e.effective_claims,
                                  "effective_conflicts": e.effective_conflicts})


def merge_effective(into: Document | EffectiveDates, claims: list[EffectiveClaim]) -> None:
    """Take in statements of when a document takes effect, or until when. The first dated statement for the
    whole document sets `effective` (or `expires`, for a term the text names); one that contradicts it (or the
    date of issue, or ends before the start) is kept in `effective_conflicts`, with its evidence, not silently
    resolved."""
    for c in claims:
        if c in into.effective_claims or len(into.effective_claims) >= MAX_EVIDENCE:
            continue
        into.effective_claims.append(c)
        if c.part is not None or c.date is None:
            continue
        if c.ends:
            if (into.date is not None and c.date < into.date) or (into.effective is not None and c.date < into.effective):
                into.effective_conflicts.append(c)  # ends before it began
            elif into.expires is None:
                into.expires = c.date
            elif c.date != into.expires and c not in into.effective_conflicts:
                into.effective_conflicts.append(c)
        elif into.date is not None and c.date < into.date:
            into.effective_conflicts.append(c)  # takes effect before it was issued: a misreading or a typo
        elif into.effective is None:
            into.effective = c.date
        elif c.date != into.effective and c not in into.effective_conflicts:
            into.effective_conflicts.append(c)
