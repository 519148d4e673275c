"""What the service (and `lexgraph ask --json`) shows: the response models built from what the store read.

Nothing here reads the store: each presenter takes what one store call returned (`DocumentRelations`, a chain,
an `Answer`), so an endpoint's reads are the calls its router makes, and no more.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from graph.errors import NoSuchPart, NotAPart
from graph.model import AGENCY_RELATIONS, Document, EffectiveClaim
from graph.provisions import (
    EffectRow,
    PartsView,
    PartTree,
    Scope,
    article_range,
    effect_rows,
    english_to_vi,
    holders,
    label_of,
    part_id,
)
from graph.questions import Answer
from graph.status import Change, Event, StatusAt, chain_on, changes, status_on
from graph.stores.base import ChainStep, DocumentRelations, RelationView
from graph.structure import parse_reference
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
    EffectOut,
    EventOut,
    EvidenceOut,
    PartDetailOut,
    PartOut,
    PartsOut,
    PartStatusOut,
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


# parts and effects (issue 25 §4) ---------------------------------------------------------------------------------
def _tree_out(t: PartTree) -> PartOut:
    n, s = t.node, t.status
    return PartOut(id=n.id, kind=n.kind, label=n.label, number=n.number, heading=n.heading, parent=n.parent,
                   start=n.start, end=n.end, state=s.state, since=s.since, by=s.by,
                   children=[_tree_out(c) for c in t.children])


def parts_out(pv: PartsView) -> PartsOut:
    """A document's tree of parts, each with its status on the day (`GET /documents/{ref}/parts`)."""
    return PartsOut(document=DocumentBrief.of(pv.document), at=pv.status.at, read_in_full=pv.read_in_full,
                    state=pv.status.state, ended_parts=[PartStatusOut.of(e) for e in pv.ended()],
                    parts=[_tree_out(t) for t in pv.trees()], count=len(pv.parts))


def effect_out(r: EffectRow, labels: dict[str, str], scope: Scope | None = None) -> EffectOut:
    e = r.effect
    return EffectOut(target=r.target, target_label=labels.get(r.target, r.target), parts=e.parts,
                     part_labels=[label_of(p) for p in e.parts], written=e.written, kind=e.kind, relation=r.relation,
                     by=r.source, by_label=labels.get(r.source, r.source), by_part=e.by_part, since=r.since,
                     since_basis=r.basis, scope=scope, evidence=EvidenceOut.of(e.evidence))


def part_detail_out(pv: PartsView, ref: str) -> PartDetailOut:
    """One part: its span, the effects on it (and on the parts holding it, and within it) with their sentences, its
    status on the day (`GET /documents/{ref}/parts/{part}`). NoSuchPart for a part a text read in full lacks."""
    d = pv.document
    pid = part_id(pv.parts if pv.read_in_full else [], ref)
    if pid is None and not parse_reference(english_to_vi(ref)):
        raise NotAPart(f"{ref!r} names no part: write it 'khoản 2 Điều 8', 'Điều 8 khoản 2', 'd8k2' or "
                       "'dieu_8/khoan_2'.")
    if pid is None:
        raise NoSuchPart(d.label, ref, article_range(pv.parts))
    node = next((p for p in pv.parts if p.id == pid), None)
    labels = {**pv.labels, d.key: d.label}
    return PartDetailOut(
        document=DocumentBrief.of(d), id=pid, kind=node.kind if node else pid.rsplit("/", 1)[-1].rsplit("_", 1)[0],
        label=node.label if node else label_of(pid), heading=node.heading if node else None,
        source=node.source if node and node.source else None,
        start=node.start if node and node.source else None, end=node.end if node and node.source else None,
        read_in_full=pv.read_in_full, holders=holders(pid), children=[p.id for p in pv.parts if p.parent == pid],
        status=PartStatusOut.of(pv.part(pid)),
        effects=[effect_out(r, labels, s) for r, s in pv.effects_on(pid)])


def effects_table_out(view: DocumentRelations) -> list[EffectOut]:
    """Every effect of a document's relations (`direction` as read: on it, or by it), in the order they take hold
    (`GET /documents/{ref}/effects`)."""
    d = view.document
    labels = {**{k: o.label for k, o in view.others.items()}, d.key: d.label}
    return [effect_out(r, labels) for r in effect_rows(d, view.relations, view.others)]
