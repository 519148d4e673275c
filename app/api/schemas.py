"""The service's response schemas: what clients see, kept apart from the core model."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Document, EffectKind, Evidence
from graph.provisions import label_of
from graph.status import PartState, PartStatusAt, State, StatusAt
from graph.stores.base import ChainStep, RelationView
from graph.vocab import vocabulary

T = TypeVar("T")


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceOut(Out):
    source: str
    sentence: str
    start: int
    end: int

    @classmethod
    def of(cls, e: Evidence) -> EvidenceOut:
        return cls(source=e.source, sentence=e.sentence, start=e.start, end=e.end)


class AgencyRef(Out):
    id: str
    name: str
    name_en: str


class DocumentBrief(Out):
    key: str = Field(description="Canonical key: 42/2022/ND-CP; a number without a year has '@year'.")
    number: str | None = Field(None, description="As the issuer writes it: 42/2022/NĐ-CP")
    name: str | None = None
    type: str
    type_id: str
    issuer: AgencyRef | None = None
    date: dt.date | None = None
    year: int | None = None
    title: str | None = None

    @classmethod
    def of(cls, d: Document) -> DocumentBrief:
        return cls(key=d.key, number=d.number, name=d.name, type=d.type, type_id=d.type_id, issuer=agency_ref(d.issuer),
                   date=d.date, year=d.year, title=d.title)


class DocumentFound(DocumentBrief):
    state: State | None = Field(None, description="Its status today (`GET /documents/{ref}`'s `status.state`), "
                                                  "given when the search asks for it (`state=true`)")


def agency_ref(aid: str | None) -> AgencyRef | None:
    if aid is None:
        return None
    a = vocabulary().agencies.get(aid)
    return AgencyRef(id=aid, name=a.name, name_en=a.name_en) if a else AgencyRef(id=aid, name=aid, name_en=aid)


class Status(Out):
    """The status in short. `state` is `in_force.state`: the status on the day asked for (default today), one
    model of seven states. The lists: every replacement, repeal and amendment known, whatever its date."""

    state: State = Field(description="The state on `at` (default today), as `in_force.state`")
    replaced_by: list[str] = Field(description="Keys of every document stated to replace it, whatever its date")
    repealed_by: list[str] = Field(description="Keys of every document stated to repeal it, whatever its date")
    amended_by: list[str] = Field(description="Keys of every document stated to amend it, whatever its date")


class RelationOut(Out):
    type: str
    direction: Literal["out", "in"]
    other: str = Field(description="Key of the other document, or the body's id")
    other_kind: Literal["document", "agency"]
    other_label: str
    other_type: str | None = Field(None, description="The other document's type ('Nghị định')")
    other_date: dt.date | None = Field(None, description="The other document's date of issue")
    other_title: str | None = Field(None, description="The other document's title")
    evidence: list[EvidenceOut]

    @classmethod
    def of(cls, r: RelationView, label: str, kind: Literal["document", "agency"],
           other: Document | None = None) -> RelationOut:
        return cls(type=r.type, direction=r.direction, other=r.other, other_kind=kind, other_label=label,
                   other_type=other.type if other else None, other_date=other.date if other else None,
                   other_title=other.title if other else None,
                   evidence=[EvidenceOut.of(e) for e in r.evidence])


class EffectiveOut(Out):
    date: dt.date | None
    part: str | None = Field(None, description="The part taking effect apart ('khoản 3 Điều 5'); null: the whole")
    rule: str = Field(description="date | on_signing | after_days:N | as_reported | until (the last day in force)")
    evidence: EvidenceOut


class ChangeOut(Out):
    type: str
    by: str
    label: str
    since: dt.date | None
    basis: str = Field(description="effective: the acting text's date of effect; issued: only its date of issue is known")
    evidence: list[EvidenceOut]


class StatusAtOut(Out):
    state: State
    at: dt.date
    effective: dt.date | None
    since: dt.date | None
    changes: list[ChangeOut]
    reasons: list[str] = Field(description="What the texts say, and what they do not, in plain sentences")
    evidence: list[EvidenceOut]
    parts: list[str] = Field(default_factory=list, description="partly_in_force: the ids of the parts repealed or "
                                                               "suspended ('dieu_8/khoan_2'; GET …/parts/{part})")
    until: dt.date | None = Field(None, description="suspended: the last day of the suspension, when the text names it")

    @classmethod
    def of(cls, st: StatusAt) -> StatusAtOut:
        return cls(state=st.state, at=st.at, effective=st.effective, since=st.since,
                   changes=[ChangeOut(type=c.type, by=c.by, label=c.label, since=c.since, basis=c.basis,
                                      evidence=[EvidenceOut.of(e) for e in c.evidence]) for c in st.changes],
                   reasons=st.reasons, evidence=[EvidenceOut.of(e) for e in st.evidence], parts=st.parts,
                   until=st.until)


class EventOut(Out):
    date: dt.date | None
    kind: str
    text: str
    other: str | None = None
    evidence: list[EvidenceOut]


class DocumentOut(DocumentBrief):
    co_issuers: list[AgencyRef] = Field(default_factory=list)
    status: Status = Field(description="In short: the state on `at` (as `in_force.state`) and who replaced, repealed "
                                       "or amended it")
    relations: list[RelationOut]
    evidence: list[EvidenceOut] = Field(description="Where the document is named (up to 5 sentences)")
    mentions: int
    effective: dt.date | None = Field(None, description="Date it took effect, as a text states it")
    expires: dt.date | None = Field(None, description="The last day in force of a term its own text names "
                                                      "('… có hiệu lực … đến hết ngày …')")
    effective_statements: list[EffectiveOut] = Field(default_factory=list)
    effective_conflicts: list[EffectiveOut] = Field(default_factory=list, description="Contradicting statements, not used")
    in_force: StatusAtOut = Field(description="Its status on `at` (default today), with reasons and evidence")


class ChainStepOut(Out):
    document: DocumentBrief
    evidence: list[EvidenceOut]
    alternatives: list[str] = Field(default_factory=list, description="Other documents stated to act on the same one")

    @classmethod
    def of(cls, s: ChainStep) -> ChainStepOut:
        return cls(document=DocumentBrief.of(s.document), evidence=[EvidenceOut.of(e) for e in s.evidence],
                   alternatives=s.alternatives)


class ChainOut(Out):
    document: DocumentBrief
    at: dt.date | None = Field(None, description="The chain as it stood on this day")
    chain: list[ChainStepOut]
    in_force: DocumentBrief | None = Field(None, description="The last of the chain: in force as far as the graph knows")


class Page(Out, Generic[T]):
    data: list[T]
    count: int = Field(description="All matches, not only this page")


class AgencyOut(AgencyRef):
    documents: int


class GraphNode(Out):
    id: str
    kind: Literal["document", "agency"]
    label: str
    type: str | None = None
    type_id: str | None = None
    date: str | None = None
    title: str | None = None


class GraphEdge(Out):
    source: str
    target: str
    type: str
    evidence: str | None = None


class GraphOut(Out):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    start: str | None = Field(None, description="The id of the node drawn from: the document's key or the body's id")
    truncated: bool = Field(False, description="True when `limit` cut the drawing: more nodes lie within `depth`")
    limit: int | None = Field(None, description="The most nodes the answer holds")


class RelationTypeOut(Out):
    id: str
    label_vi: str
    label_en: str
    inverse_en: str
    domain: str
    range: str
    acting: bool = Field(description="It changes or ends the other's force, or guides or implements it: drawn at once "
                                     "(legal bases and citations are folded into counts until asked for)")
    heading_out_vi: str = Field(description="The heading of what this text acts on ('Văn bản bị thay thế'), as the "
                                            "official portals' 'Lược đồ' writes it")
    heading_in_vi: str = Field(description="The heading of what acts on this text ('Văn bản thay thế')")
    heading_out_en: str
    heading_in_en: str


class DocumentTypeOut(Out):
    id: str
    name: str
    name_en: str
    colour: str


class VocabularyOut(Out):
    relations: list[RelationTypeOut] = Field(description="In the order of ontology/relations.tsv")
    document_types: list[DocumentTypeOut]
    agency_colour: str


class AnswerItemOut(Out):
    key: str
    label: str
    kind: Literal["document", "agency"]
    relation: str | None = None
    direction: Literal["out", "in"] | None = None
    document: DocumentBrief | None = None
    evidence: list[EvidenceOut]


class AnswerOut(Out):
    question: str
    understood: bool
    language: Literal["vi", "en"]
    answer: str
    intent: str | None = None
    subject: DocumentBrief | None = None
    agency: AgencyRef | None = None
    items: list[AnswerItemOut]
    candidates: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    evidence: list[EvidenceOut] = Field(default_factory=list, description="Sentences behind a status or a date")


class IngestText(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=10_000_000, description="Plain text of an article or legal document")
    name: str | None = Field(None, max_length=200, description="A name for the source (shown in evidence)")


class IngestSource(Out):
    name: str
    document: str | None = None
    error: str | None = None


class IngestOut(Out):
    sources: list[IngestSource]
    documents: list[str] = Field(description="Keys of the documents the texts name")
    relations: int = Field(description="Relations the texts state")
    added: dict[str, int] = Field(description="What the store did not hold before: documents, relations, agencies")


class Health(Out):
    status: Literal["ok", "ready"]
    store: str | None = None
    documents: int | None = None


class Problem(Out):
    """RFC 9457 problem details."""

    model_config = ConfigDict(extra="allow")
    type: str = "about:blank"
    title: str
    status: int
    detail: str


def problem_response(description: str) -> dict[str, object]:
    """An OpenAPI response entry for an error answered as problem+json."""
    return {"description": description, "model": Problem, "content": {"application/problem+json": {}}}


# parts and effects (issue 25 §4) ---------------------------------------------------------------------------------
class PartStatusOut(Out):
    """A part's status on a day: from the effects on it and on the parts holding it, or its document's."""

    part: str = Field(description="The part's id, relative to the document: 'dieu_8/khoan_2'")
    label: str = Field(description="As a sentence writes it: 'khoản 2 Điều 8'")
    state: PartState
    at: dt.date
    since: dt.date | None = Field(None, description="When the state began, if the texts say")
    by: list[str] = Field(description="Keys of the texts whose effects made it so, oldest first")
    reasons: list[str] = Field(description="What the texts say, and what they do not, in plain sentences")
    evidence: list[EvidenceOut]

    @classmethod
    def of(cls, st: PartStatusAt) -> PartStatusOut:
        return cls(part=st.part, label=label_of(st.part), state=st.state, at=st.at, since=st.since, by=st.by,
                   reasons=st.reasons, evidence=[EvidenceOut.of(e) for e in st.evidence])


class PartOut(Out):
    id: str = Field(description="Relative to the document, ELI style: 'dieu_8/khoan_2/diem_a', 'phu_luc_1'")
    kind: str = Field(description="phan, chuong, muc, dieu, khoan, diem, phu_luc, kem_theo, mau")
    label: str = Field(description="As written: 'Điều 8', 'khoản 2', 'Phụ lục I'")
    number: str | None = None
    heading: str | None = None
    parent: str | None = None
    start: int = Field(description="Offset of its first character in the source as read (0 when not read in full)")
    end: int
    state: PartState = Field(description="Its status on `at`")
    since: dt.date | None = None
    by: list[str] = Field(default_factory=list, description="Keys of the texts whose effects made it so")
    children: list[PartOut] = Field(default_factory=list)


class PartsOut(Out):
    document: DocumentBrief
    at: dt.date
    read_in_full: bool = Field(description="False: no text of the document was read in full; `parts` then holds "
                                           "only the parts other texts' effects name (no heading, no offsets)")
    state: State = Field(description="The document's state on `at`: `partly_in_force` when parts of it are "
                                             "repealed or suspended")
    ended_parts: list[PartStatusOut] = Field(description="The parts repealed or suspended on `at` (what makes it "
                                                         "partly in force)")
    parts: list[PartOut] = Field(description="The tree, in text order")
    count: int = Field(description="Parts in the tree, at every level")


class EffectOut(Out):
    """One row of a table of effects: the part affected, the effect, by which text and which part of it, since
    when, and the sentence."""

    target: str = Field(description="Key of the text affected")
    target_label: str
    parts: list[str] = Field(description="Ids of the parts affected ('dieu_8/khoan_2'); empty: the whole text")
    part_labels: list[str] = Field(description="The same, as sentences write them ('khoản 2 Điều 8')")
    written: str | None = Field(None, description="The parts as the acting text writes them")
    kind: EffectKind
    relation: str = Field(description="The document-level relation it belongs to: AMENDS, REPEALS, GUIDES …")
    by: str = Field(description="Key of the acting text")
    by_label: str
    by_part: str | None = Field(None, description="The part of the acting text that states it ('dieu_1/khoan_3')")
    since: dt.date | None = Field(None, description="The day it takes hold")
    since_basis: Literal["stated", "effective", "issued", "unknown"] = Field(
        description="stated: the text gives the day for this effect; effective / issued: the acting text's date of "
                    "effect / of issue; unknown: no text read dates it")
    scope: Literal["self", "holder", "within", "whole"] | None = Field(
        None, description="For a part's effects: on the part itself, on a part holding it, on a part within it")
    evidence: EvidenceOut


class PartDetailOut(Out):
    document: DocumentBrief
    id: str
    kind: str
    label: str
    heading: str | None = None
    source: str | None = Field(None, description="The source the offsets are into (null when not read in full)")
    start: int | None = None
    end: int | None = None
    read_in_full: bool = Field(description="False: the document's text was not read; the part is known from the "
                                           "effects other texts state on it")
    holders: list[str] = Field(description="Ids of the parts holding it, nearest first")
    children: list[str] = Field(description="Ids of the parts it holds directly")
    status: PartStatusOut = Field(description="Its status on `at` (default today)")
    effects: list[EffectOut] = Field(description="The effects on it, on the parts holding it and within it")
