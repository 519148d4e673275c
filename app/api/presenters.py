"""What the service (and `lexgraph ask --json`) shows: the response models built from what the store read.

Nothing here reads the store: each presenter takes what one store call returned (`DocumentRelations`, a chain,
an `Answer`), so an endpoint's reads are the calls its router makes, and no more.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from graph.model import AGENCY_RELATIONS, Document, EffectiveClaim
from graph.questions import Answer
from graph.status import Change, Event, StatusAt, chain_on, changes, status_on
from graph.stores.base import ChainStep, DocumentRelations, RelationView
from graph.vocab import vocabulary

from .schemas import (
    AgencyRef,
    AnswerItemOut,
    AnswerOut,
    ChainOut,
    ChainStepOut,
    DocumentBrief,
    DocumentOut,
    EffectiveOut,
    EventOut,
    EvidenceOut,
    RelationOut,
    Status,
    StatusAtOut,
    agency_ref,
)


def relations_out(rels: list[RelationView], docs: dict[str, Document]) -> list[RelationOut]:
    """Relations with the other end's label: a body's name, or the label of a document's brief (`docs`)."""
    v = vocabulary()
    out = []
    for r in rels:
        if r.type in AGENCY_RELATIONS:
            a = v.agencies.get(r.other)
            out.append(RelationOut.of(r, a.name if a else r.other, "agency"))
        else:
            d = docs.get(r.other)
            out.append(RelationOut.of(r, d.label if d else r.other, "document", d))
    return out


def status_out(st: StatusAt, all_changes: list[Change]) -> Status:
    """The status in short: the state on the day asked for (`StatusAt.state`, the same as `in_force.state`) and
    every replacement, repeal and amendment known, whatever its date."""
    def by(t: str) -> list[str]:
        return sorted(c.by for c in all_changes if c.type == t)

    return Status(state=st.state, replaced_by=by("REPLACES"), repealed_by=by("REPEALS"), amended_by=by("AMENDS"))


def _effective(claims: list[EffectiveClaim]) -> list[EffectiveOut]:
    return [EffectiveOut(date=c.date, part=c.part, rule=c.rule, evidence=EvidenceOut.of(c.evidence)) for c in claims]


def document_out(view: DocumentRelations, at: dt.date | None = None) -> DocumentOut:
    """A document's page: what it is, its status on `at` (default today) computed once, its relations with evidence;
    `view`: the document with all its relations (`Store.document_relations(ref)`)."""
    d = view.document
    all_changes = changes(view.relations, view.others)
    st = status_on(d, all_changes, at)
    return DocumentOut(
        key=d.key, number=d.number, name=d.name, type=d.type, type_id=d.type_id, issuer=agency_ref(d.issuer),
        co_issuers=[a for a in (agency_ref(x) for x in d.co_issuers) if a is not None],
        date=d.date, year=d.year, title=d.title,
        status=status_out(st, all_changes),
        relations=relations_out(view.relations, view.others),
        evidence=[EvidenceOut.of(e) for e in d.evidence[:5]], mentions=d.mentions,
        effective=d.effective, expires=d.expires,
        effective_statements=_effective(d.effective_claims), effective_conflicts=_effective(d.effective_conflicts),
        in_force=StatusAtOut.of(st),
    )


def chain_out(doc: Document, steps: list[ChainStep], which: Literal["replaced_by", "replaces"],
              at: dt.date | None = None) -> ChainOut:
    """A replacement chain (`Store.document_chain`); for what replaced a document, as it stood on `at` if given,
    with the one in force at its end."""
    if at is not None and which == "replaced_by":
        steps = chain_on(steps, at)
    in_force = (DocumentBrief.of(steps[-1].document) if steps else DocumentBrief.of(doc)) if which == "replaced_by" else None
    return ChainOut(document=DocumentBrief.of(doc), at=at, chain=[ChainStepOut.of(s) for s in steps], in_force=in_force)


def events_out(events: list[Event]) -> list[EventOut]:
    return [EventOut(date=e.date, kind=e.kind, text=e.text, other=e.other, evidence=[EvidenceOut.of(x) for x in e.evidence])
            for e in events]


def answer_out(a: Answer) -> AnswerOut:
    ag: AgencyRef | None = agency_ref(a.agency)
    return AnswerOut(
        question=a.question, understood=a.understood, language=a.language, answer=a.text, intent=a.intent,
        subject=DocumentBrief.of(a.subject) if a.subject else None, agency=ag,
        items=[AnswerItemOut(key=i.key, label=i.label, kind=i.kind, relation=i.relation, direction=i.direction,
                             document=DocumentBrief.of(i.document) if i.document else None,
                             evidence=[EvidenceOut.of(e) for e in i.evidence]) for i in a.items],
        candidates=a.candidates, examples=a.examples, evidence=[EvidenceOut.of(e) for e in a.evidence])
