"""In force, and since when: a document's status on any date, and its timeline, from what the texts state.

A document is in force from its date of effect (or, when no text gives one, from its date of issue, said
so); it stops being in force on the day the text that replaces or repeals it takes effect, or the day after
the last day of a term its own text names ('… có hiệu lực … đến hết ngày 31 tháng 12 năm 2027': expired). Amendments are
listed with the day they take effect. Where the texts do not say, the answer says that, not a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .model import Document, Evidence

if TYPE_CHECKING:
    from .stores.base import ChainStep, RelationView, Store

State = Literal["not_yet_in_force", "in_force", "amended", "replaced", "repealed", "expired", "unknown"]


@dataclass
class Change:
    """Another text acting on this one: how, and from which day (None: the texts do not say)."""

    type: str  # REPLACES, REPEALS, AMENDS
    by: str  # key of the acting text
    label: str
    since: dt.date | None
    basis: str  # 'effective' (its date of effect), 'issued' (only its date of issue is known), 'unknown'
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class StatusAt:
    state: State
    at: dt.date
    effective: dt.date | None  # when the document took effect, if a text says
    since: dt.date | None  # when the state began, if known
    changes: list[Change]  # replacements, repeals and amendments in force on `at`
    reasons: list[str]  # plain sentences: what the texts say, and what they do not
    evidence: list[Evidence]


PartState = Literal["not_yet_in_force", "in_force", "amended", "repealed", "suspended", "replaced", "unknown"]


@dataclass
class PartStatusAt:
    """A part's status on a day (issue 25 §3): in force, amended since D (by whom), repealed or suspended since D,
    not yet in force, or unknown where the texts do not say; the effects that made it so, with their evidence. A
    part takes the status of the document when no effect names it or a part holding it."""

    part: str  # the part's id ('dieu_8/khoan_2')
    state: PartState
    at: dt.date
    since: dt.date | None
    by: list[str]  # keys of the acting texts, oldest effect first
    reasons: list[str]
    evidence: list[Evidence]


@dataclass
class Event:
    date: dt.date | None
    kind: str  # issued, in_force, part_in_force, term_ends, amended, replaced, repealed, conflict
    text: str
    other: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


def _start(d: Document) -> tuple[dt.date | None, str]:
    if d.effective:
        return d.effective, "effective"
    if d.date:
        return d.date, "issued"
    return None, "unknown"


ACTING = ("REPLACES", "REPEALS", "AMENDS")  # the relations by which a text ends or changes another's force


def changes(incoming: Iterable[RelationView], docs: Mapping[str, Document]) -> list[Change]:
    """Replacements, repeals and amendments of a document (from its incoming relations, and the briefs of the texts
    acting: `docs`), each dated by the acting text's date of effect, in that order."""
    out = []
    for r in incoming:
        o = docs.get(r.other) if r.type in ACTING and r.direction == "in" else None
        if o is None:
            continue
        since, basis = _start(o)
        out.append(Change(r.type, o.key, o.label, since, basis, list(r.evidence)))
    out.sort(key=lambda c: (c.since or dt.date.max, c.by))
    return out


def read_changes(store: Store, key: str) -> tuple[Document, list[Change]]:
    """A document and its `changes`, by key (three reads; the service reads them at once with the document:
    `Store.document_relations(ref, ACTING, "in")`). KeyError for a key the store does not hold."""
    d = store.get(key)
    if d is None:
        raise KeyError(key)
    incoming = store.relations_of([key], ACTING, "in")[key]
    return d, changes(incoming, store.briefs(sorted({r.other for r in incoming})) if incoming else {})


def status_at(store: Store, key: str, at: dt.date | None = None) -> StatusAt:
    """The status on `at` (default: today) of the document with this key, from the store (`status_on`)."""
    return status_on(*read_changes(store, key), at)


def _own_statements(d: Document, at: dt.date) -> tuple[dt.date | None, str, list[str], list[Evidence]]:
    """What a document's own dates say of its force on `at`: the day it began (and on what basis: its date of
    effect, of issue, or the end of the year after its number's year), with the reasons and evidence, and the
    contradicting statements set aside."""
    start, basis = _start(d)
    reasons: list[str] = []
    evidence: list[Evidence] = []
    eff_claim = d.effect_claim()
    if d.effective and eff_claim:
        reasons.append(f"{d.label} took effect on {d.effective.isoformat()}.")
        evidence.append(eff_claim.evidence)
    elif d.date:
        reasons.append(f"No text read says when {d.label} took effect; it was issued on {d.date.isoformat()}.")
    elif d.year:
        reasons.append(f"No text read gives the date of issue or of effect of {d.label}; its number says it was "
                       f"issued in {d.year}.")
        if at.year >= d.year + 2:  # whatever its day of effect, it had come by then
            start, basis = dt.date(d.year + 1, 12, 31), "year"
    else:
        reasons.append(f"No text read gives the date of issue or of effect of {d.label}.")
    for claim in d.effective_conflicts:
        when = claim.date.isoformat() if claim.date else "another date"
        if claim.ends:
            why = "before it took effect" if (d.effective or d.date) and claim.date and claim.date < (
                d.effective or d.date or claim.date) else "contradicts the first"
            reasons.append(f"Another statement ends its term on {when} (not used: {why}).")
        else:
            why = "before the date of issue" if d.date and claim.date and claim.date < d.date else "contradicts the first"
            reasons.append(f"Another statement gives {when} (not used: {why}).")
        evidence.append(claim.evidence)
    return start, basis, reasons, evidence


def status_on(d: Document, all_changes: list[Change], at: dt.date | None = None) -> StatusAt:
    """The document's status on `at` (default: today), with the reasons and evidence, from the document and every
    change made to it (`changes`): the one status model of lexgraph."""
    at = at or dt.date.today()
    start, basis, reasons, evidence = _own_statements(d, at)
    ends = [c for c in all_changes if c.type in ("REPLACES", "REPEALS")]
    ended = [c for c in ends if c.since is not None and c.since <= at]
    term_claim = d.term_claim()
    lapsed = d.expires + dt.timedelta(days=1) if d.expires else None  # the first day no longer in force
    undated_ends = [c for c in ends if c.since is None]
    amended = [c for c in all_changes if c.type == "AMENDS" and c.since is not None and c.since <= at]

    def word(c: Change) -> str:
        return "replaced" if c.type == "REPLACES" else "repealed"

    if start is not None and at < start:
        state: State = "not_yet_in_force"
        since = None
        reasons.append(f"On {at.isoformat()} it was not yet in force.")
        return StatusAt(state, at, d.effective, since, [], reasons, evidence)
    if lapsed is not None and lapsed <= at and not (ended and ended[0].since and ended[0].since < lapsed):
        reasons.append(f"Its own text sets its term: in force until the end of {d.expires.isoformat() if d.expires else '?'}.")
        if term_claim is not None:
            evidence.append(term_claim.evidence)
        return StatusAt("expired", at, d.effective, lapsed, [], reasons, evidence)
    if ended:
        c = ended[0]
        state = "replaced" if c.type == "REPLACES" else "repealed"
        how = "takes effect" if c.basis == "effective" else "was issued (no text read gives its date of effect)"
        reasons.append(f"It was {word(c)} by {c.label}, which {how} on {c.since.isoformat() if c.since else '?'}.")
        evidence.extend(c.evidence[:1])
        return StatusAt(state, at, d.effective, c.since, [c], reasons, evidence)
    if undated_ends:
        c = undated_ends[0]
        reasons.append(f"It was {word(c)} by {c.label}, but no text read dates {c.label}: whether that had happened "
                       f"by {at.isoformat()} is not known.")
        evidence.extend(c.evidence[:1])
        return StatusAt("unknown", at, d.effective, None, [c], reasons, evidence)
    later = [c for c in ends if c.since is not None and c.since > at]
    for c in later:
        reasons.append(f"It is {word(c)} by {c.label} from {c.since.isoformat() if c.since else '?'}, after that day.")
    if d.expires is not None:
        reasons.append(f"Its own text sets its term: in force until the end of {d.expires.isoformat()}.")
        if term_claim is not None:
            evidence.append(term_claim.evidence)
    if start is None:
        reasons.append("Whether it was in force on that day is not known.")
        return StatusAt("unknown", at, None, None, amended, reasons, evidence)
    if amended:
        reasons.append("Amended by " + ", ".join(f"{c.label} (from {c.since.isoformat() if c.since else '?'})"
                                                 for c in amended) + ".")
        for c in amended:
            evidence.extend(c.evidence[:1])
        return StatusAt("amended", at, d.effective, amended[-1].since, amended, reasons, evidence)
    reasons.append(f"No text read replaces or repeals it by {at.isoformat()}: in force, as far as the texts say.")
    return StatusAt("in_force", at, d.effective, start if basis != "year" else None, [], reasons, evidence)


def timeline(store: Store, key: str) -> list[Event]:
    """The timeline of the document with this key, from the store (`events`)."""
    return events(*read_changes(store, key))


def events(d: Document, all_changes: list[Change]) -> list[Event]:
    """Issue, effect (whole and parts), each amendment, replacement or repeal, in date order."""
    events: list[Event] = []
    if d.date:
        events.append(Event(d.date, "issued", f"{d.label} issued", evidence=d.evidence[:1]))
    eff, term = d.effect_claim(), d.term_claim()
    if eff is not None:
        events.append(Event(eff.date, "in_force", f"{d.label} takes effect", evidence=[eff.evidence]))
    if term is not None:
        events.append(Event(term.date, "term_ends", f"{d.label} is in force until the end of this day (its term)",
                            evidence=[term.evidence]))
    for c in d.effective_claims:
        if c.part is not None:
            events.append(Event(c.date, "part_in_force", f"{c.part} takes effect", evidence=[c.evidence]))
    for c in d.effective_conflicts:
        events.append(Event(c.date, "conflict", "a contradicting " + ("end of term" if c.ends else "date of effect")
                            + " (not used)", evidence=[c.evidence]))
    for ch in all_changes:
        kind = {"REPLACES": "replaced", "REPEALS": "repealed", "AMENDS": "amended"}[ch.type]
        when = "" if ch.basis == "effective" else " (date of issue; its date of effect is not stated)" \
            if ch.basis == "issued" else " (undated)"
        events.append(Event(ch.since, kind, f"{kind} by {ch.label}{when}", other=ch.by, evidence=ch.evidence[:1]))
    # dedupe identical events (the same claim read in several texts)
    seen = set()
    out = []
    for e in events:
        k = (e.date, e.kind, e.text)
        if k not in seen:
            seen.add(k)
            out.append(e)
    order = ("issued", "in_force", "part_in_force", "amended", "replaced", "repealed", "term_ends", "conflict")
    out.sort(key=lambda e: (e.date or dt.date.max, order.index(e.kind) if e.kind in order else len(order)))
    return out


def chain_at(store: Store, key: str, at: dt.date) -> list[ChainStep]:
    """The replacement chain of the document with this key as it stood on `at` (`chain_on`)."""
    return chain_on(store.chain(key, "in"), at)


def chain_on(steps: list[ChainStep], at: dt.date) -> list[ChainStep]:
    """A replacement chain ('in': what replaced a document) as it stood on `at`: only replacements in effect by then."""
    out = []
    for step in steps:
        start, _ = _start(step.document)
        if start is None or start > at:
            break
        out.append(step)
    return out
