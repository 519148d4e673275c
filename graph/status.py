"""In force, and since when: a document's status on any date, and its timeline, from what the texts state.

A document is in force from its date of effect (or, when no text gives one, from its date of issue, said
so); it stops being in force on the day the text that replaces or repeals it takes effect, or the day after
the last day of a term its own text names ('… có hiệu lực … đến hết ngày 31 tháng 12 năm 2027': expired). Amendments are
listed with the day they take effect. Where the texts do not say, the answer says that, not a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .model import Document, EffectiveClaim, Evidence, PartEffect, PartNode

if TYPE_CHECKING:
    from .stores.base import ChainStep, RelationView, Store

# partly_in_force: some parts repealed or suspended by effects that name them (`StatusAt.parts`), the rest in force;
# suspended: the whole text suspended ('Ngưng hiệu lực thi hành Thông tư số …') from the day the suspension takes hold
State = Literal["not_yet_in_force", "in_force", "partly_in_force", "amended", "suspended", "replaced", "repealed",
                "expired", "unknown"]


@dataclass
class Change:
    """Another text acting on this one: how, and from which day (None: the texts do not say)."""

    type: str  # REPLACES, REPEALS, AMENDS; CITES: a citation that carries a suspension (`PartEffect.kind` suspended)
    by: str  # key of the acting text
    label: str
    since: dt.date | None
    basis: str  # 'effective' (its date of effect), 'issued' (only its date of issue is known), 'unknown'
    evidence: list[Evidence] = field(default_factory=list)
    effects: list[PartEffect] = field(default_factory=list)  # what it does part by part (`Relation.effects`)

    @property
    def scoped(self) -> bool:
        """Whether every sentence that states it names the parts it acts on: it acts on those parts, not the whole."""
        return bool(self.effects) and all(e.parts for e in self.effects)


@dataclass
class StatusAt:
    state: State
    at: dt.date
    effective: dt.date | None  # when the document took effect, if a text says
    since: dt.date | None  # when the state began, if known
    changes: list[Change]  # replacements, repeals and amendments in force on `at`
    reasons: list[str]  # plain sentences: what the texts say, and what they do not
    evidence: list[Evidence]
    parts: list[str] = field(default_factory=list)  # partly_in_force: the ids of the parts repealed or suspended
    until: dt.date | None = None  # suspended: the last day of the suspension, when the text names it


PartState = Literal["not_yet_in_force", "in_force", "amended", "repealed", "suspended", "replaced", "expired",
                    "unknown"]


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
    kind: str  # issued, in_force, part_in_force, term_ends, amended, suspended, replaced, repealed, conflict; part_<kind>
    text: str
    other: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    part: str | None = None  # the part an effect acts on (kind part_repealed, part_amended …: `PartEffect.kind`)


def _start(d: Document) -> tuple[dt.date | None, str]:
    if d.effective:
        return d.effective, "effective"
    if d.date:
        return d.date, "issued"
    return None, "unknown"


ACTING = ("REPLACES", "REPEALS", "AMENDS")  # the relations by which a text ends or changes another's force
# what the status of one document reads: ACTING, and the citations, of which those carrying a suspension count
# ('Ngưng hiệu lực thi hành Thông tư số …' has no relation type of its own: a CITES with a `suspended` effect)
STATUS_TYPES = (*ACTING, "CITES")


def _suspends(r: RelationView) -> bool:
    return r.type == "CITES" and any(e.kind == "suspended" for e in r.effects)


def changes(incoming: Iterable[RelationView], docs: Mapping[str, Document]) -> list[Change]:
    """Replacements, repeals and amendments of a document (from its incoming relations, and the briefs of the texts
    acting: `docs`), each dated by the acting text's date of effect, in that order; a citation counts when it carries a
    suspension (with its suspensions only)."""
    out = []
    for r in incoming:
        o = docs.get(r.other) if (r.type in ACTING or _suspends(r)) and r.direction == "in" else None
        if o is None:
            continue
        since, basis = _start(o)
        effects = [e for e in r.effects if e.kind == "suspended"] if r.type == "CITES" else list(r.effects)
        out.append(Change(r.type, o.key, o.label, since, basis, list(r.evidence), effects))
    out.sort(key=lambda c: (c.since or dt.date.max, c.by))
    return out


def read_changes(store: Store, key: str) -> tuple[Document, list[Change]]:
    """A document and its `changes`, by key (three reads; the service reads them at once with the document:
    `Store.document_relations(ref, STATUS_TYPES, "in")`). KeyError for a key the store does not hold."""
    d = store.get(key)
    if d is None:
        raise KeyError(key)
    incoming = store.relations_of([key], STATUS_TYPES, "in")[key]
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
    ends = [c for c in all_changes if c.type in ("REPLACES", "REPEALS") and not c.scoped]
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
    held = _suspended(d, all_changes, at, reasons, evidence)
    if held is not None:
        return held
    partly = _parts_ended(all_changes, at)
    if partly:
        return _partly(d, at, start, basis, partly, all_changes, reasons, evidence)
    if amended:
        reasons.append("Amended by " + ", ".join(f"{c.label} (from {c.since.isoformat() if c.since else '?'})"
                                                 for c in amended) + ".")
        for c in amended:
            evidence.extend(c.evidence[:1])
        return StatusAt("amended", at, d.effective, amended[-1].since, amended, reasons, evidence)
    reasons.append(f"No text read replaces or repeals it by {at.isoformat()}: in force, as far as the texts say.")
    return StatusAt("in_force", at, d.effective, start if basis != "year" else None, [], reasons, evidence)


_ENDING_KINDS = ("repealed", "suspended")


def _suspended(d: Document, all_changes: list[Change], at: dt.date, reasons: list[str],
               evidence: list[Evidence]) -> StatusAt | None:
    """Suspended: an effect that suspends the whole text (no parts named) has taken hold by `at` (its own date, else
    the acting text's date of effect, else its date of issue: said so) and, when the text names its last day ('… đến
    ngày 15 tháng 9 năm 2022': `PartEffect.until`), has not ended; with no end read ('cho đến khi …'), the reasons say
    so and the text stays suspended from that day. A suspension no text dates leaves the status unknown."""
    held: list[tuple[dt.date, Change, PartEffect]] = []
    undated: list[tuple[Change, PartEffect]] = []
    for c in all_changes:
        whole = [e for e in c.effects if e.kind == "suspended" and not e.parts]
        # a sentence that gives the period ('… từ ngày 01 tháng 8 năm 2022 đến ngày 15 tháng 9 năm 2022') says more
        # than the title that names the suspension: the dated statements of a text are taken over its undated ones
        whole = [e for e in whole if e.date is not None] or whole
        for e in whole:
            since, _ = _effect_since(e, c)
            if since is None:
                undated.append((c, e))
            elif since > at:
                reasons.append(f"It is suspended by {c.label} from {since.isoformat()}, after that day.")
            elif e.until is not None and e.until < at:
                reasons.append(f"It was suspended by {c.label} from {since.isoformat()} to {e.until.isoformat()}, "
                               "before that day.")
            else:
                held.append((since, c, e))
    if held:
        held.sort(key=lambda x: (x[0], x[1].by))
        since, c, e = held[0]
        how = ("the date the text gives for it" if e.date else f"the date {c.label} takes effect" if c.basis == "effective"
               else f"the date of issue of {c.label}: no text read gives its date of effect")
        if e.until is not None:
            reasons.append(f"It is suspended by {c.label} from {since.isoformat()} ({how}) to {e.until.isoformat()}.")
        else:
            reasons.append(f"It was suspended by {c.label} from {since.isoformat()} ({how}).")
            reasons.append("The texts read give no end date of the suspension that lexgraph reads: suspended from that "
                           "day on, as far as they say.")
        after = [x for x in all_changes if x.type in ACTING and x.since is not None and since < x.since <= at]
        if after:
            reasons.append("Texts act on it after the suspension began: " + ", ".join(
                f"{x.label} (from {x.since.isoformat() if x.since else '?'})" for x in after)
                + "; whether the suspension had ended by then is not read (its parts follow those effects).")
        evidence.append(e.evidence)
        return StatusAt("suspended", at, d.effective, since, [c for _, c, _ in held], reasons, evidence, until=e.until)
    if undated:
        c, e = undated[0]
        reasons.append(f"It was suspended by {c.label}, but no text read dates {c.label}: whether that had happened "
                       f"by {at.isoformat()} is not known.")
        evidence.append(e.evidence)
        return StatusAt("unknown", at, d.effective, None, [c], reasons, evidence)
    return None


def _effect_since(e: PartEffect, c: Change) -> tuple[dt.date | None, str]:
    """The day an effect takes hold: its own date when a text states one; else the acting text's (`Change.since`)."""
    return (e.date, "stated") if e.date is not None else (c.since, c.basis)


def _natural(pid: str) -> list[tuple[int, str]]:
    """A part id's sort key in reading order: 'dieu_2' before 'dieu_17', 'khoan_2' before 'khoan_2a'."""
    return [(int(x), "") if x.isdigit() else (-1, x) for x in re.split(r"(\d+)", pid) if x]


def _label_of(pid: str) -> str:
    from .provisions import label_of  # provisions reads status: imported when used

    return label_of(pid)


def part_words(e: PartEffect) -> str:
    """The parts an effect names, as a person reads them: a part of an article by its full label from its id
    ('khoản 1 Điều 7', where the sentence wrote 'khoản 1' under 'Điều 7', or 'khoản 2a vào sau khoản 2'); others
    (chapters, annexes, forms) as written ('Chương III', 'Mẫu số 05 Phụ lục I'), else by their ids' labels."""
    if len(e.parts) == 1 and e.parts[0].startswith("dieu_"):
        return _label_of(e.parts[0])
    return e.written or ", ".join(_label_of(p) for p in e.parts)


def _parts_ended(all_changes: list[Change], at: dt.date) -> list[tuple[dt.date, Change, PartEffect]]:
    """The effects that repeal or suspend named parts by `at`, each with its day, in date order."""
    out = []
    for c in all_changes:
        for e in c.effects:
            since, _ = _effect_since(e, c)
            if e.parts and e.kind in _ENDING_KINDS and since is not None and since <= at:
                out.append((since, c, e))
    out.sort(key=lambda x: (x[0], x[1].by))
    return out


def _partly(d: Document, at: dt.date, start: dt.date, basis: str, partly: list[tuple[dt.date, Change, PartEffect]],
            all_changes: list[Change], reasons: list[str], evidence: list[Evidence]) -> StatusAt:
    """Partly in force: some parts repealed or suspended by effects that name them, no end of the whole."""
    parts = list(dict.fromkeys(p for _, _, e in partly for p in e.parts))
    said: dict[str, None] = {}
    for since, c, e in partly:  # one line for the same effect read in several texts (consolidated texts restate it)
        said[f"{part_words(e)} {e.kind} by {c.label} from {since.isoformat()}"
             f"{' (the date the text gives for it)' if e.date else ''}."] = None
        if e.evidence not in evidence:
            evidence.append(e.evidence)
    reasons.extend(said)
    reasons.append(f"The rest of {d.label} is in force, as far as the texts say: partly in force.")
    acting = [c for c in all_changes if c.since is not None and c.since <= at]
    return StatusAt("partly_in_force", at, d.effective, partly[0][0], acting, reasons, evidence, parts)


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
        kind = {"REPLACES": "replaced", "REPEALS": "repealed", "AMENDS": "amended"}.get(ch.type, "suspended")
        when = "" if ch.basis == "effective" else " (date of issue; its date of effect is not stated)" \
            if ch.basis == "issued" else " (undated)"
        if not ch.scoped:  # a change of named parts only: listed part by part below
            events.append(Event(ch.since, kind, f"{kind} by {ch.label}{when}", other=ch.by, evidence=ch.evidence[:1]))
        events.extend(_part_events(ch))
    # dedupe identical events (the same claim read in several texts)
    seen = set()
    out = []
    for e in events:
        k = (e.date, e.kind, e.text, e.part)
        if k not in seen:
            seen.add(k)
            out.append(e)
    order = ("issued", "in_force", "part_in_force", "amended", "suspended", "replaced", "repealed", "term_ends",
             "conflict")
    out.sort(key=lambda e: (e.date or dt.date.max, order.index(e.kind) if e.kind in order else len(order),
                            _natural(e.part or "")))
    return out


def _part_events(ch: Change) -> list[Event]:
    """One event per part an effect of the change names: 'khoản 2 Điều 8 repealed by …', on the effect's day."""
    out = []
    for e in ch.effects:
        since, basis = _effect_since(e, ch)
        when = "" if basis in ("effective", "stated") else " (date of issue; its date of effect is not stated)" \
            if basis == "issued" else " (undated)"
        for p in e.parts:
            what = part_words(e) if len(e.parts) == 1 else _label_of(p)
            out.append(Event(since, f"part_{e.kind}", f"{what} {e.kind.replace('_', ' ')} by {ch.label}{when}",
                             other=ch.by, evidence=[e.evidence], part=p))
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


# in force, part by part (issue 25 §3) -----------------------------------------------------------------------------
_PART_STATE = {"repealed": "repealed", "suspended": "suspended", "replaced": "replaced", "amended": "amended",
               "inserted": "amended", "words_substituted": "amended", "words_removed": "amended"}
_WHOLE = {"not_yet_in_force": "not_yet_in_force", "replaced": "replaced", "repealed": "repealed", "expired": "expired",
          "unknown": "unknown"}


def _holders(pid: str, parent: Mapping[str, str | None]) -> list[str]:
    """The part and every part that holds it: by the structure read ('dieu_8' holds 'dieu_8/khoan_2'; 'chuong_2'
    holds 'dieu_8'), and by its id for a part the structure lacks."""
    out = [pid]
    cur: str | None = pid
    while cur is not None and (cur := parent.get(cur)) is not None:
        out.append(cur)
    bits = pid.split("/")
    out.extend("/".join(bits[:i]) for i in range(len(bits) - 1, 0, -1))
    return list(dict.fromkeys(out))


def own_dates(d: Document, parts: list[PartNode] | None = None) -> dict[str, EffectiveClaim]:
    """The parts a document's own text gives a date of effect apart ('riêng khoản 3 Điều 5 có hiệu lực từ ngày …',
    `EffectiveClaim.part`), by id: the first dated statement for each part it names (a list names several)."""
    from .extract.effects import read_parts  # the reader of lists of parts (extraction's, no import at load)
    from .vocab import fold_lower

    out: dict[str, EffectiveClaim] = {}
    for c in d.effective_claims:
        if c.part is None or c.date is None or c.ends:
            continue
        low = fold_lower(c.part)
        ids, _ = read_parts(low, c.part, 0, len(c.part)) if len(low) == len(c.part) else ([], None)
        if not ids:
            from .provisions import part_id

            one = part_id(parts or [], c.part)
            ids = [one] if one else []
        for pid in ids:
            out.setdefault(pid, c)
    return out


def part_status_on(d: Document, parts: list[PartNode], incoming: Iterable[RelationView], others: Mapping[str, Document],
                   at: dt.date | None = None) -> dict[str, PartStatusAt]:
    """The status on `at` (default: today) of each part of a document (`parts`, as `Store.parts` gives them), and of
    each part an effect names that the structure read lacks (after those, by id), from its incoming relations with
    their effects and the briefs of the texts acting (`others`): a part is repealed, suspended, replaced or amended
    from the day the effect takes hold (the day the text gives for it, else the acting text's date of effect, else its
    date of issue: said so), and takes the effects on the parts that hold it; an inserted part is in force from the
    day its insertion takes hold and not before; a part the document's own text gives a date of effect apart
    (`EffectiveClaim.part`: 'riêng khoản 3 Điều 5 có hiệu lực từ …'), and the parts it holds, is in force from that
    day and not before; a part takes the status of the document when that ends the whole (or it is not yet in force,
    or unknown), and else is in force where no effect names it."""
    at = at or dt.date.today()
    all_changes = changes(incoming, others)
    whole = status_on(d, all_changes, at)
    parent = {p.id: p.parent for p in parts}
    by_part: dict[str, list[tuple[Change, PartEffect]]] = {}
    for c in all_changes:
        for e in c.effects:
            for pid in e.parts:
                by_part.setdefault(pid, []).append((c, e))
    own = own_dates(d, parts)
    ids = [p.id for p in parts] + sorted(set(by_part) - set(parent))
    out = {}
    for pid in ids:
        held = _holders(pid, parent)
        claim = next((own[h] for h in held if h in own), None)
        out[pid] = _part_status(pid, whole, [x for h in held for x in by_part.get(h, ())], at, claim)
    return out


def _part_status(pid: str, whole: StatusAt, effects: list[tuple[Change, PartEffect]], at: dt.date,
                 claim: EffectiveClaim | None = None) -> PartStatusAt:
    """One part's status from the document's (`whole`), the date of effect its own text gives it or a part holding it
    (`claim`), and the effects on it and on the parts holding it."""
    early = claim is not None and claim.date is not None and claim.date <= at and whole.state == "not_yet_in_force"
    if whole.state in _WHOLE and not early:
        return PartStatusAt(pid, _WHOLE[whole.state], at, whole.since, [c.by for c in whole.changes],  # type: ignore[arg-type]
                            [f"The whole document: {whole.state.replace('_', ' ')}.", *whole.reasons], whole.evidence)
    start: dt.date | None = None
    if claim is not None and claim.date is not None:
        if claim.date > at:
            return PartStatusAt(pid, "not_yet_in_force", at, None, [], [
                f"Its own text gives {claim.part} a date of effect of its own, {claim.date.isoformat()}: on "
                f"{at.isoformat()} it was not yet in force."], [claim.evidence])
        start = claim.date
    dated: list[tuple[dt.date, Change, PartEffect]] = []
    reasons: list[str] = []
    if whole.state == "suspended" and whole.since is not None and whole.changes:
        # the whole text suspended: an effect on every part from that day, which a later effect on the part (a
        # repeal, an amendment) follows in date order, up to the suspension's last day when the text names one
        c0 = whole.changes[0]
        suspends = [e for e in c0.effects if e.kind == "suspended" and not e.parts]
        e0 = next((e for e in suspends if e.date is not None), suspends[0] if suspends else None)
        if e0 is not None:
            dated.append((whole.since, c0, e0))
            end = f"to {e0.until.isoformat()}" if e0.until else "no end date read"
            reasons.append(f"The whole text suspended by {c0.label} from {whole.since.isoformat()} ({end}).")
    if start is not None and claim is not None:
        reasons.append(f"Its own text gives {claim.part} a date of effect of its own: in force from {start.isoformat()}.")
    undated: list[tuple[Change, PartEffect]] = []
    later: list[str] = []
    for c, e in effects:
        if e.kind not in _PART_STATE:
            continue
        since, basis = _effect_since(e, c)
        what = f"{part_words(e)} {e.kind.replace('_', ' ')} by {c.label}"
        if since is None:
            undated.append((c, e))
            reasons.append(f"{what}, but no text read dates {c.label}: from when is not known.")
        elif since > at:
            later.append(f"{what} from {since.isoformat()}")
            if e.kind == "inserted":
                return PartStatusAt(pid, "not_yet_in_force", at, None, [c.by], [f"{what} from {since.isoformat()}: "
                                    f"on {at.isoformat()} it was not yet in force."], [e.evidence])
        else:
            dated.append((since, c, e))
            how = {"stated": "the date the text gives for it", "effective": f"the date {c.label} takes effect",
                   "issued": f"the date of issue of {c.label}: no text read gives its date of effect"}.get(basis, basis)
            reasons.append(f"{what} from {since.isoformat()} ({how}).")
    dated.sort(key=lambda x: (x[0], x[1].by))
    st = _fold_part(pid, whole, dated, undated, reasons, at, start, claim, later)
    return st


def _fold_part(pid: str, whole: StatusAt, dated: list[tuple[dt.date, Change, PartEffect]],
               undated: list[tuple[Change, PartEffect]], reasons: list[str], at: dt.date,
               start: dt.date | None = None, claim: EffectiveClaim | None = None,
               later: list[str] | None = None) -> PartStatusAt:
    """The state the dated effects leave a part in (in date order; a repeal is final; an insertion puts the part in
    force from its day), or unknown when an undated effect could have ended it; `start`: the part's own date of
    effect; `later`: the changes that take hold after `at`, said in the reasons."""
    state: PartState = "in_force"
    since: dt.date | None = start or (whole.effective if whole.state != "unknown" else None)
    used: list[tuple[Change, PartEffect]] = []
    for day, c, e in dated:
        used.append((c, e))
        state, since = ("in_force" if e.kind == "inserted" else _PART_STATE[e.kind]), day  # type: ignore[assignment]
        if state == "repealed":
            break
    if state != "repealed" and any(e.kind in ("repealed", "suspended", "replaced") for _, e in undated):
        state, since = "unknown", None
        used.extend(undated)
    if state != "suspended" and whole.state == "suspended":  # a later effect follows the suspension of the whole
        used = [(c, e) for c, e in used if e.parts]
    for x in later or ():
        reasons.append(f"A change comes later: {x}, after {at.isoformat()}.")
    if not dated and not undated:
        if later:
            reasons.append(f"Until then it is in force, as the document is on {at.isoformat()} "
                           f"({_state_words(whole.state)}).")
        elif start is None:
            reasons.append("No text read names it or a part holding it: in force, as the document is on "
                           f"{at.isoformat()} ({_state_words(whole.state)}).")
    evidence = [e.evidence for _, e in used]
    if claim is not None and start is not None:
        evidence.insert(0, claim.evidence)
    return PartStatusAt(pid, state, at, since, list(dict.fromkeys(c.by for c, _ in used)), reasons, evidence)


def _state_words(state: str) -> str:
    """A document's state as words: 'amended' is said 'in force, amended' (not a day it was amended on)."""
    return "in force, amended" if state == "amended" else state.replace("_", " ")


def part_status_at(store: Store, key: str, at: dt.date | None = None) -> dict[str, PartStatusAt]:
    """`part_status_on` from the store, in two reads: the parts, and the document with its incoming acting relations
    and the briefs of the texts acting. KeyError for a key the store does not hold."""
    from .errors import NotFound

    try:
        view = store.document_relations(key, STATUS_TYPES, "in")
    except NotFound:
        raise KeyError(key) from None
    return part_status_on(view.document, store.parts(view.document.key), view.relations, view.others, at)
