"""Mentions to documents: one canonical key per document, ambiguity reported, never guessed.

A number without a year (749/QĐ-TTg) names one document per year. A mention with a date gets the key
of that year's document. A mention without a date means the one known document with that number; with
several known, it is reported as ambiguous and takes part in no relation. Laws cited by name without a
year are resolved the same way.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .errors import NumberError
from .extract import Extraction, Mention
from .gcpause import gc_paused
from .model import (
    AGENCY_RELATIONS,
    Agency,
    Ambiguity,
    Conflict,
    Document,
    EffectiveClaim,
    Evidence,
    Graph,
    PartEffect,
    PartNode,
    Rejected,
    Relation,
    SourceInfo,
    document_unchecked,
    evidence_unchecked,
    merge_document,
    merge_effective,
    merge_sighting,
    part_unchecked,
)
from .numbers import parse
from .vocab import Vocabulary, fold_lower, vocabulary


@dataclass
class SourceResult:
    """One source's extraction, ready for resolution."""

    path: str
    extraction: Extraction | None = None
    error: str | None = None
    # the extraction as a store keeps it (`graph.incremental.dump_source`), made where it was read (a build's reading
    # workers send back a tenth of the bytes, encoded in parallel); with it, `extraction` is None or its decoding
    kept: bytes | None = None
    # what resolving this source computes from it alone (`Alone`), kept for the next build that reads it
    alone: Alone | None = field(default=None, repr=False, compare=False)


def close_names(results: Sequence[SourceResult]) -> None:
    """Shorten each law name a text did not end for sure to the longest name it starts with that some text does
    end for sure: 'Luật Bảo hiểm xã hội nộp hồ sơ …' (open: nothing that always ends a name ended it, and the
    vocabulary does not know it) or '… theo Luật Khuyến nông nộp hồ sơ.' (ended by a mark only) become 'Luật Khuyến
    nông' where a text writes 'Luật Khuyến nông ngày …', so that the words after a name do not make another law. An
    open name that no such name begins is not taken for a document: where it ends cannot be told."""
    named = [m for r in results if r.extraction is not None for m in r.extraction.mentions if m.name]
    sure = {m.name_base for m in named if m.name_sure or m.number is not None}
    closed = sure | {m.name_base for m in named if m.name_closed}
    for m in named:
        if m.name_sure or m.number is not None:
            continue
        prefix, _, rest = m.name_base.partition("/")
        words = rest.split("-")
        for n in range(len(words) - 1, 0, -1):
            if f"{prefix}/{'-'.join(words[:n])}" in sure:
                name = m.name or ""
                tokens = list(re.finditer(r"[a-z0-9]+", fold_lower(name)))
                cut = len(tokens) - len(words) + n  # the type word's tokens, then n of the name's
                m.name = name[: tokens[cut - 1].end()]
                m.name_closed = m.name_sure = True
                break
        else:
            m.name_closed = m.name_base in closed  # an open name that a text closes
    for r in results:
        if r.extraction is not None:
            r.extraction.mentions = [m for m in r.extraction.mentions if m.name_closed or m.number is not None]


def _clip(sentence: str, n: int) -> str:
    return sentence if len(sentence) <= n else sentence[: n - 1] + "…"


def _evidence(ex: Extraction, path: str, span: tuple[int, int], ends: tuple[tuple[int, int], ...] = ()) -> Evidence:
    """The sentence that states a fact. With `ends`, the sentences of the documents it relates where they stand
    outside it, in text order: a list's lead and the item that names the document ('Bãi bỏ quy định tại: … b) Điều 3
    Nghị định số 12/2015/NĐ-CP …'), or subjects before the sentence that ends the statement ('Nghị định số
    38/2020/NĐ-CP …;' / 'Thông tư liên tịch số 17/2007/… hết hiệu lực …'); what stands between is left out (…)."""
    text = ex.text.text
    spans = sorted({span, *ends})
    budget = 1000 // len(spans)
    parts: list[str] = []
    for i, (a, b) in enumerate(spans):
        if i:
            parts.append(" " if not text[spans[i - 1][1] : a].strip() else " … ")
        parts.append(_clip(" ".join(text[a:b].split()), budget))
    return evidence_unchecked(path, "".join(parts), ex.text.to_raw(spans[0][0]), ex.text.to_raw(max(b for _, b in spans)))


def issuers_of(m: Mention, v: Vocabulary) -> list[str]:
    """The issuing bodies of a mention: what the text states, checked against the number's code."""
    code_agencies: list[str] = []
    n = m.number
    if n is not None:
        if n.party:
            code_agencies = ["TW"] if n.code[1] == "TW" else []  # '04-BC/ĐU': a Party body the vocabulary does not hold
        else:
            parts = list(n.code)
            if parts and parts[0] in v.type_by_code:
                parts = parts[1:]
            elif n.year is None:
                parts = parts[:1]  # 793/BTTTT-THH: the ministry, then its unit
            for p in parts:
                ag = v.agency_for_code(p)
                if ag is not None and ag.id not in code_agencies:
                    code_agencies.append(ag.id)
    elif m.number is None and m.name and _foreign_code_or_law(m.name, m.type_id, v):
        code_agencies = []
    elif (t := v.doc_types.get(m.type_id or "")) is not None and t.issuer:
        code_agencies = [t.issuer]  # a law by its name: the National Assembly; an ordinance: its Standing Committee
    if m.issuer and (not code_agencies or any(v.is_within(m.issuer, c) for c in code_agencies)):
        rest = [c for c in code_agencies if not v.is_within(m.issuer, c)]
        return [m.issuer, *rest]
    return code_agencies


def _foreign_code_or_law(name: str, type_id: str | None, v: Vocabulary) -> bool:
    """A code or law cited by a name the list of laws does not hold, which need not be the National Assembly's: a code
    ('Bộ luật ISPS', 'Bộ luật An ninh tàu và bến cảng': Vietnam's codes are all listed), or a law 'of' someone
    ('Luật Lao động cơ bản của Đài Loan'; an amending law's title is 'of' the laws it amends and stays one)."""
    if v.law_named(name) is not None:
        return False
    low = fold_lower(name)
    return type_id == v.role("code") or (" cua " in low and "sua doi" not in low)


class _DocFields(NamedTuple):
    """What a mention's document is made of (`_document`)."""

    key: str
    number: str | None
    name: str | None
    type: str
    type_id: str
    issuer: str | None
    co_issuers: tuple[str, ...]
    date: dt.date | None
    year: int | None
    title: str | None


def _document_fields(m: Mention, v: Vocabulary) -> _DocFields:
    """What a mention's document is made of (`_document`): the mention's own values, read against the vocabulary (its
    key may still need resolving)."""
    t = v.doc_types.get(m.type_id or "") or v.doc_types[v.role("unknown")]
    issuers = issuers_of(m, v)
    number = m.number.display(v, m.written) if m.number is not None else None
    date = m.date
    if date is not None and m.number is not None and m.number.year is not None and date.year != m.number.year:
        date = None  # 134/2016/NĐ-CP was issued in 2016: a 2026 date beside it is another date (taking effect …)
    year = date.year if date else (m.number.year if m.number and m.number.year else m.year)
    return _DocFields(m.key() or m.base, number, m.name, t.name, t.id, issuers[0] if issuers else None,
                      tuple(issuers[1:]), date, year, m.title)


def _document(f: _DocFields, evidence: Evidence) -> Document:
    """A fresh document of `_document_fields` (the resolver changes the documents it makes)."""
    return document_unchecked(key=f.key, number=f.number, name=f.name, type=f.type, type_id=f.type_id, issuer=f.issuer,
                              co_issuers=list(f.co_issuers), date=f.date, year=f.year, title=f.title,
                              evidence=[evidence], mentions=1)


class Alone:
    """What resolving one source computes from that source alone, for one path and vocabulary: the sentence of each
    mention, the evidence of each sentence (a sentence is the evidence of many facts, and evidence is frozen, so one
    object serves them all), what each mention's document is made of (for the name it has: `close_names` may shorten a
    name in a build, by what other sources name), and the source's parts. Kept with the source
    (`SourceResult.alone`), it is made once: by a build's parent while its workers read (`prepare`), and not again
    when a store's decoded sources are resolved again (`graph.incremental.Decoded`). What it holds is frozen, or
    copied at each use."""

    __slots__ = ("ex", "path", "vocab", "evidence", "spans", "fields_of", "parts", "_starts")

    def __init__(self, ex: Extraction, path: str, vocab: Vocabulary) -> None:
        self.ex, self.path, self.vocab = ex, path, vocab
        self.evidence: dict[tuple[tuple[int, int], tuple[tuple[int, int], ...]], Evidence] = {}
        # id(mention) -> (the mention, held so that its id names it while this lives; the sentence its facts are in)
        self.spans: dict[int, tuple[Mention, tuple[int, int]]] = {}
        self.fields_of: dict[int, tuple[Mention, str | None, _DocFields]] = {}  # … the name they were made for; its fields
        self.parts: list[PartNode] | None = None
        self._starts = [a for a, _ in ex.sentences]

    @staticmethod
    def of(r: SourceResult, vocab: Vocabulary) -> Alone:
        """`r.alone`, made now if it was not made for this extraction, path and vocabulary."""
        ex = r.extraction
        assert ex is not None
        al = r.alone
        if al is None or al.ex is not ex or al.path != r.path or al.vocab is not vocab:
            al = r.alone = Alone(ex, r.path, vocab)
        return al

    def prepare(self) -> None:
        """Everything `Resolver.build` will ask of this source, made now (a build's parent does it while its workers
        read on, not after them)."""
        ex = self.ex
        for m in (*ex.mentions, *((ex.self_doc,) if ex.self_doc is not None else ()),
                  *((ex.base_doc,) if ex.base_doc is not None else ())):
            self.evidence_of(self.span(m))
            self.fields(m)
        for m, _ in ex.unresolved:
            self.evidence_of(self.sentence(m))
        if ex.parts and ex.self_doc is not None:
            self.part_nodes()

    def evidence_of(self, span: tuple[int, int], ends: tuple[tuple[int, int], ...] = ()) -> Evidence:
        e = self.evidence.get((span, ends))
        if e is None:
            e = self.evidence[(span, ends)] = _evidence(self.ex, self.path, span, ends)
        return e

    def sentence(self, m: Mention) -> tuple[int, int]:
        """The sentence that holds a mention (where no sentence does: the mention itself)."""
        i = bisect.bisect_right(self._starts, m.start) - 1
        return self.ex.sentences[i] if i >= 0 else (m.start, m.ext_end)

    def span(self, m: Mention) -> tuple[int, int]:
        """The sentence a mention's facts are stated in: the text's own header for the text itself."""
        held = self.spans.get(id(m))
        if held is None:
            held = self.spans[id(m)] = (m, (m.start, m.ext_end) if m is self.ex.self_doc else self.sentence(m))
        return held[1]

    def fields(self, m: Mention) -> _DocFields:
        """`_document_fields` of the mention, kept for the name it has now (of what they read, only its name is
        changed by resolution: `close_names`, whose shortening depends on the other sources of the build)."""
        held = self.fields_of.get(id(m))
        if held is None or held[1] != m.name:
            held = self.fields_of[id(m)] = (m, m.name, _document_fields(m, self.vocab))
        return held[2]

    def part_nodes(self) -> list[PartNode]:
        """The source's parts with their spans in the source as read (as evidence offsets are: `CleanText.to_raw`).
        Made without validation (the parser's own values) and sharing one set of the fields given: a model's own set
        costs 0.7 KB, most of a part (50,000 parts on the corpus)."""
        if self.parts is None:
            to_raw, path = self.ex.text.to_raw, self.path
            self.parts = [part_unchecked({"id": p.id, "kind": p.kind, "label": p.label, "number": p.number,
                                          "heading": p.heading, "parent": p.parent, "source": path,
                                          "start": to_raw(p.start), "end": to_raw(p.end)})
                          for p in self.ex.parts]
        return list(self.parts)


def prepare(r: SourceResult, vocab: Vocabulary | None = None) -> None:
    """Make what resolving `r` needs of it alone (`Alone.prepare`), so that a later `Resolver.build` of it (with the
    same vocabulary, by default the shared one) has less to do."""
    if r.extraction is not None:
        Alone.of(r, vocab or vocabulary()).prepare()


def _issued(key: str, docs: dict[str, Document]) -> tuple[int, str] | None:
    """When a document was issued, as far as known: (year, ISO date or '' when only the year is known)."""
    d = docs.get(key)
    if d is not None and d.date is not None:
        return d.date.year, d.date.isoformat()
    year = d.year if d is not None else None
    if year is None:
        base, _, at = key.partition("@")
        if at.isdigit():
            year = int(at)
        else:
            try:
                year = parse(base).year
            except NumberError:
                year = None
    return (year, "") if year is not None else None


def _later(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Whether `a` was surely issued after `b`: by date where both are known, else by year."""
    return a[1] > b[1] if a[1] and b[1] else a[0] > b[0]


class _Versions:
    """Which versions of a law named without a year a mention can mean, from the dates the texts give: none issued
    after the day that bounds the mention — the text naming it was issued, or a dated text the sentence says acts on
    it ("Nghị định số 31/2015/NĐ-CP ngày 24 tháng 3 năm 2015 … quy định chi tiết … Luật Việc làm"), or the dated text
    in whose title it stands — nor one that a text states was replaced or repealed by a text in effect before that
    day (a 2022 circular's bare 'Bộ luật Lao động' is not the code of 2012, which 45/2019/QH14 replaced from 1 January
    2021), as far as the texts state both. Where one version is left it is the one meant; else nothing is ruled."""

    def __init__(self, results: Sequence[SourceResult], keyed: dict[int, str | None], docs: dict[str, Document]) -> None:
        self.docs = docs
        self.day: dict[int, tuple[int, str]] = {}  # id(mention) -> the earliest bound (year, ISO date or '')
        effect_dates: dict[str, set[dt.date]] = defaultdict(set)
        self.ended_by: dict[str, set[str]] = defaultdict(set)  # key -> the texts stated to replace or repeal it
        for r in results:
            ex = r.extraction
            if ex is None:
                continue
            written = self._issued(keyed.get(id(ex.self_doc)) if ex.self_doc is not None else None)
            titled = {(p.ext_end, p.title_end): p for p in ex.mentions if p.title_end > p.ext_end}
            for m in ex.mentions:
                if m.key() is None and m.number is None:
                    self._bound(m, written)
                    if m.nested and m.parent_title in titled:
                        self._bound(m, self._issued(keyed.get(id(titled[m.parent_title]))))
            for rr in ex.relations:
                sk, tk = keyed.get(id(rr.source)), keyed.get(id(rr.target))
                if rr.target.key() is None and rr.type not in ("CITES", "CONSOLIDATES"):
                    self._bound(rr.target, self._issued(sk))
                if rr.type in ("REPLACES", "REPEALS") and sk and tk and sk != tk:
                    self.ended_by[tk].add(sk)
            for e in ex.effective:
                k = keyed.get(id(e.mention))
                if k and e.part is None and e.date is not None and e.rule != "until":
                    effect_dates[k].add(e.date)
        # the day a text took effect, where every statement of it read agrees
        self.took_effect = {k: next(iter(ds)).isoformat() for k, ds in effect_dates.items() if len(ds) == 1}

    def _issued(self, key: str | None) -> tuple[int, str] | None:
        """When a document of this build was issued (None: not one, or not known)."""
        return _issued(key, self.docs) if key and key in self.docs else None

    def _bound(self, m: Mention, when: tuple[int, str] | None) -> None:
        if when is not None and (id(m) not in self.day or when < self.day[id(m)]):
            self.day[id(m)] = when

    def issued(self, m: Mention, keys: set[str]) -> set[str]:
        """The versions not issued after the day that bounds the mention."""
        day = self.day.get(id(m))
        if day is None:
            return keys
        return {k for k in keys if (w := _issued(k, self.docs)) is None or not _later(w, day)}

    def narrowed(self, m: Mention, cands: set[str]) -> set[str]:
        """The one version the mention can mean, or the candidates unchanged."""
        if len(cands) < 2:
            return cands
        left = self.issued(m, cands)
        day = self.day.get(id(m))
        if len(left) > 1 and day is not None and day[1]:  # the day known, not only the year
            left = {k for k in left
                    if not any(self.took_effect.get(s, "9999") <= day[1] for s in self.ended_by.get(k, ()))}
        return left if len(left) == 1 else cands


_FIRST_ARTICLE = re.compile(r"\n[ \t]*Điều\s+1\s*[.:]")


def _preamble_end(r: SourceResult) -> int:
    """Where a text's preamble (its title, legal bases and enacting formula) ends: at 'Điều 1.'; 0 for a text with
    no such article or no header of its own."""
    ex = r.extraction
    if ex is None or ex.self_doc is None or ex.base_doc is not None:
        return 0
    m = _FIRST_ARTICLE.search(ex.text.text)
    return m.start() if m else 0


def _own_bases(results: Sequence[SourceResult], keyed: dict[int, str | None]) -> dict[tuple[int, str], set[str]]:
    """(source, base) -> the documents of that base the source's legal bases name: 'Căn cứ Luật Bảo hiểm xã hội ngày
    29 tháng 6 năm 2024;' makes the title's 'quy định chi tiết … của Luật Bảo hiểm xã hội' that law (41/2024/QH15),
    though the text names older versions further on."""
    out: dict[tuple[int, str], set[str]] = defaultdict(set)
    for r in results:
        ex = r.extraction
        if ex is None or ex.self_doc is None:
            continue
        for rr in ex.relations:
            k = keyed.get(id(rr.target))
            if rr.type == "BASED_ON" and rr.source is ex.self_doc and k:
                out[(id(r), rr.target.base)].add(k)
    return out


def _dated_twins(docs: dict[str, Document], g: Graph) -> dict[str, str]:
    """Documents numbered without a year that are one: the same number under two years with the same day and month of
    issue, the same issuer and the same subject ('Nghị quyết số 59-NQ/TW ngày 24 tháng 01 năm 2024 … về hội nhập quốc
    tế' beside '… năm 2025 …'). Each is merged into the one more texts name, the contradiction reported in
    `g.conflicts` with a statement of each; returns {merged key: kept key}."""
    groups: dict[tuple[str, int, int, str | None, tuple[str, ...]], list[Document]] = defaultdict(list)
    for k, d in docs.items():
        base, at, _ = k.partition("@")
        if at and d.date is not None and d.title:
            groups[(base, d.date.month, d.date.day, d.issuer, tuple(fold_lower(d.title).split()[:5]))].append(d)
    out: dict[str, str] = {}
    for twins in groups.values():
        if len(twins) < 2:
            continue
        twins.sort(key=lambda d: (-d.mentions, d.key))
        kept = twins[0]
        for other in twins[1:]:
            out[other.key] = kept.key
            g.conflicts.append(Conflict(document=kept.key, field="date", values=[str(kept.date), str(other.date)],
                                        evidence=[*kept.evidence[:1], *other.evidence[:1]]))
            merge_document(kept, other.model_copy(update={"key": kept.key, "date": None, "year": None}))
            del docs[other.key]
    return out


def _outranked(s: Document, t: Document, v: Vocabulary) -> str | None:
    """Why s cannot amend, replace or repeal t by their ranks (`Vocabulary.rank_of`), or None when it can or the ranks
    are not known."""
    (rs, also), (rt, _) = v.rank_of(s.type_id, s.issuer), v.rank_of(t.type_id, t.issuer)
    if rt == "party" and rs != "party" and not (s.number or "").upper().endswith("/TW"):
        return f"{s.label}, a text of the state, cannot change {t.label}, a text of the Party"
    if isinstance(rs, int) and isinstance(rt, int) and rs > rt and t.type_id not in also:
        return f"{s.label} ({s.type}) cannot change {t.label} ({t.type}), a text of a higher rank"
    return None


def _yearless(d: Document) -> bool:
    """Numbered without a year ('175/NQ-CP', not '42/2022/NĐ-CP'), as the number parser reads it."""
    if d.number is None:
        return False
    try:
        return parse(d.number).needs_year
    except NumberError:
        return False


def _deepest(parts: list[PartNode], starts: list[int], pos: int) -> str | None:
    """The deepest part holding `pos` (parts in text order: a part's parts follow it, so the nearest part before `pos`
    that still holds it is the deepest)."""
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0:
        p = parts[i]
        if p.start <= pos < p.end:
            return p.id
        i -= 1
    return None


def place_parts(g: Graph, results: Sequence[SourceResult], keyed: dict[int, str | None], v: Vocabulary) -> None:
    """Each document read in full gets its parts (`Graph.parts`): of the sources that state it in full, the one with
    the most parts, then the first by path (whatever the order of the texts); and each effect stated in a source read
    in full gets the part of that source that states it (`PartEffect.by_part`: the deepest part holding its sentence)."""
    of_source: dict[str, list[PartNode]] = {}
    chosen: dict[str, list[PartNode]] = {}
    for r in results:
        ex = r.extraction
        if ex is None or not ex.parts or ex.self_doc is None:
            continue
        k = keyed.get(id(ex.self_doc))
        if not k or k not in g.documents:
            continue
        nodes = of_source[r.path] = Alone.of(r, v).part_nodes()
        cur = chosen.get(k)
        if cur is None or (len(nodes), cur[0].source) > (len(cur), r.path):
            chosen[k] = nodes
    g.parts = {k: chosen[k] for k in sorted(chosen)}
    if not of_source:
        return
    starts = {path: [p.start for p in nodes] for path, nodes in of_source.items()}
    for rel in g.relations.values():
        if not rel.effects or not any(e.by_part is None and e.evidence.source in of_source for e in rel.effects):
            continue
        rel.effects = [e.model_copy(update={"by_part": _deepest(of_source[e.evidence.source], starts[e.evidence.source],
                                                                e.evidence.start)})
                       if e.by_part is None and e.evidence.source in of_source else e for e in rel.effects]


@dataclass
class Resolver:
    """Builds one graph from many sources; `known` looks up keys an existing store holds for a base."""

    vocab: Vocabulary = field(default_factory=vocabulary)
    known: Callable[[str], list[str]] | None = None
    # after `build`: per source path, the keys its mentions resolved to and the relations it stated
    named: dict[str, set[str]] = field(default_factory=dict, init=False, repr=False)
    stated: dict[str, set[str]] = field(default_factory=dict, init=False, repr=False)

    @gc_paused()
    def build(self, results: Iterable[SourceResult]) -> Graph:
        v = self.vocab
        self.named, self.stated = {}, {}
        g = Graph()
        results = list(results)
        close_names(results)
        definite: dict[str, Document] = {}
        by_base: dict[str, set[str]] = defaultdict(set)
        pending: list[tuple[SourceResult, Mention, Document]] = []
        keyed: dict[int, str | None] = {}  # id(mention) -> key, None when ambiguous
        sentence_of: dict[int, tuple[int, int]] = {}
        # (id(extraction), path) -> what that source gives alone (results are held to the end)
        alones: dict[tuple[int, str], Alone] = {}

        def evidence(ex: Extraction, path: str, span: tuple[int, int], ends: tuple[tuple[int, int], ...] = ()) -> Evidence:
            return alones[(id(ex), path)].evidence_of(span, ends)

        # pass 1: documents whose mention fixes the key
        for r in results:
            ex = r.extraction
            g.sources.append(SourceInfo(path=r.path, error=r.error))
            if ex is None:
                continue
            al = alones[(id(ex), r.path)] = Alone.of(r, v)
            mentions = list(ex.mentions)
            for special in (ex.self_doc, ex.base_doc):
                if special is not None and special not in mentions:
                    mentions.append(special)
            for m, named in ex.unresolved:  # 'Nghị định số 59' that the text names in full nowhere, or several times
                g.ambiguities.append(Ambiguity(mention=m.written, candidates=sorted({c.number.base for c in named if c.number}),
                                               evidence=al.evidence_of(al.sentence(m))))
            for m in mentions:
                span = sentence_of[id(m)] = al.span(m)
                f, ev = al.fields(m), al.evidence_of(span)
                k = m.key()
                if m.number is not None and m.name:
                    # "Luật Bảo hiểm y tế số 25/2008/QH12": the name and year lead to the number
                    nb = m.name_base
                    by_base[nb].add(m.number.base)
                    if f.year:
                        by_base[f"{nb}@{f.year}"].add(m.number.base)
                if k is not None and m.number is None and m.year is not None:
                    pending.append((r, m, _document(f, ev)))  # a law by name and year: its number may be known
                    continue
                if k is not None:
                    keyed[id(m)] = k
                    cur = definite.get(k)
                    if cur is None:
                        definite[k] = _document(f, ev)
                    else:  # most mentions name a document already held: taken in without making another
                        merge_sighting(cur, f, [ev], 1)
                    by_base[m.base].add(k)
                else:
                    pending.append((r, m, _document(f, ev)))
        # pass 2: mentions without a year take the one known document with that number
        for _r, m, doc in pending:
            dated = m.key()
            if dated is not None:  # a law by name with its year
                numbered = by_base.get(dated, set())
                k = next(iter(numbered)) if len(numbered) == 1 else dated
                doc.key = k
                keyed[id(m)] = k
                self._add(definite, doc)
                by_base[m.base].add(k)
        local: dict[tuple[int, str], set[str]] = defaultdict(set)  # (source, base) -> keys that source names
        for r in results:
            if r.extraction is None:
                continue
            for m in r.extraction.mentions:
                k = keyed.get(id(m))
                if k:
                    local[(id(r), m.base)].add(k)
                    if m.number is not None and m.name:
                        local[(id(r), m.name_base)].add(k)
        versions = _Versions(results, keyed, definite)
        own_bases = _own_bases(results, keyed)
        for r, m, doc in pending:
            if m.key() is not None:
                continue
            # a text that cites "Luật Bảo hiểm y tế số 25/2008/QH12" once means that law when it names it again; in its
            # own title and preamble, a law named without a year is the version its legal bases name
            cands = own_bases.get((id(r), m.base), set()) if m.start < _preamble_end(r) and not m.nested else set()
            if len(cands) != 1:
                cands = versions.issued(m, set(local.get((id(r), m.base), set())))
            if len(cands) != 1:
                cands = set(by_base.get(m.base, set()))
            if self.known is not None:
                cands |= {k for k in self.known(m.base) if k != m.base}
            cands = versions.narrowed(m, cands)
            if len(cands) == 1:
                k = next(iter(cands))
                doc.key = k
                keyed[id(m)] = k
                if k in definite:
                    merge_document(definite[k], doc.model_copy(update={"date": None, "year": None}))
                else:
                    definite[k] = doc
            elif not cands:
                doc.key = m.base
                keyed[id(m)] = m.base
                self._add(definite, doc)
            else:
                keyed[id(m)] = None
                g.ambiguities.append(Ambiguity(mention=m.written or m.base, candidates=sorted(cands),
                                               evidence=doc.evidence[0]))
        g.documents = definite
        for loser, winner in _dated_twins(definite, g).items():  # one document, its year miswritten in a text
            for i, k in list(keyed.items()):
                if k == loser:
                    keyed[i] = winner
        # dates of effect
        for r in results:
            ex = r.extraction
            if ex is None:
                continue
            for e in ex.effective:
                k = keyed.get(id(e.mention))
                if k and k in g.documents:
                    merge_effective(g.documents[k], [EffectiveClaim(date=e.date, part=e.part, rule=e.rule,
                                                                    evidence=evidence(ex, r.path, e.sentence))])
        # relations
        for idx, r in enumerate(results):
            ex = r.extraction
            if ex is None:
                continue
            self_key = keyed.get(id(ex.self_doc)) if ex.self_doc is not None else None
            g.sources[idx].document = self_key
            related: set[str] = set()
            for rr in ex.relations:
                s, t = keyed.get(id(rr.source)), keyed.get(id(rr.target))
                if not s or not t or s == t:
                    continue
                # a document named outside the sentence that states the relation (a list item after its lead, a
                # subject before ';'): the evidence holds that sentence too; the text itself is named by its header
                ends = tuple(sp for m in (rr.source, rr.target) if m is not ex.self_doc and m is not ex.base_doc
                             and (sp := sentence_of.get(id(m))) is not None and sp != rr.sentence)
                effects = [PartEffect(kind=e.kind, parts=e.parts, written=e.written, date=e.date, until=e.until,
                                      evidence=evidence(ex, r.path, e.sentence)) for e in rr.effects]
                g.add_relation(Relation(type=rr.type, source=s, target=t,  # type: ignore[arg-type]
                                        evidence=[evidence(ex, r.path, rr.sentence, ends)], effects=effects))
                if s == self_key:
                    related.add(t)
            for m in ex.mentions:
                k = keyed.get(id(m))
                if not k:
                    continue
                doc = g.documents[k]
                ev = evidence(ex, r.path, sentence_of.get(id(m), (m.start, m.ext_end)))
                for ag in [doc.issuer, *doc.co_issuers]:
                    if ag:
                        g.add_evidence("ISSUED_BY", k, ag, ev)
                if self_key and k != self_key and k not in related and not m.nested:
                    g.add_evidence("CITES", self_key, k, ev)
            for special in (ex.self_doc, ex.base_doc):
                k = keyed.get(id(special)) if special is not None else None
                if special is not None and k:
                    doc = g.documents[k]
                    ev = evidence(ex, r.path, sentence_of[id(special)])
                    for ag in [doc.issuer, *doc.co_issuers]:
                        if ag:
                            g.add_evidence("ISSUED_BY", k, ag, ev)
            for m, agency, span in ex.proposers:
                k = keyed.get(id(m))
                if k:
                    g.add_relation(Relation(type="PROPOSED_BY", source=k, target=agency,
                                            evidence=[evidence(ex, r.path, span)]))
            self._record(r.path, ex, keyed)
        # a document with an issuer relation drops a CITES to it from the same source only if typed
        typed = {(x.source, x.target) for x in g.relations.values() if x.type != "CITES" and x.type not in AGENCY_RELATIONS}
        for k in [k for k, x in g.relations.items() if x.type == "CITES" and (x.source, x.target) in typed]:
            del g.relations[k]
        self._reject_backwards(g)
        self._reject_below_rank(g)
        for k, x in g.relations.items():  # the relations each source states (among their evidence)
            for ev in x.evidence:
                self.stated.setdefault(ev.source, set()).add(k)
        place_parts(g, results, keyed, v)
        used = {x.target for x in g.relations.values() if x.type in AGENCY_RELATIONS}
        g.agencies = {a: Agency(id=a, name=v.agencies[a].name, name_en=v.agencies[a].name_en)
                      for a in sorted(used) if a in v.agencies}
        return g

    def _record(self, path: str, ex: Extraction, keyed: dict[int, str | None]) -> None:
        """The keys one source's mentions resolved to."""
        named = self.named.setdefault(path, set())
        for m in (*ex.mentions, ex.self_doc, ex.base_doc):
            if m is not None and (k := keyed.get(id(m))):
                named.add(k)

    @staticmethod
    def _reject_backwards(g: Graph) -> None:
        """The newer text acts on the older: a relation from a document to one issued later (both dates known,
        or else both years) is a misreading of the clause. It is not added; it is reported in `g.rejected` with its evidence."""
        for k, rel in list(g.relations.items()):
            if rel.type == "CITES" or rel.type in AGENCY_RELATIONS:
                continue
            s, t = g.documents.get(rel.source), g.documents.get(rel.target)
            if s is None or t is None:
                continue
            if s.date and t.date:
                older = s.date < t.date
                reason = f"{s.label} ({s.date}) is older than {t.label} ({t.date})"
            else:  # the years, where a date is not known: '83/2014/NĐ-CP' did not amend '08/2018/NĐ-CP'
                older = s.year is not None and t.year is not None and s.year < t.year
                reason = f"{s.label} ({s.year}) is older than {t.label} ({t.year})"
            if older:
                del g.relations[k]
                g.rejected.append(Rejected(type=rel.type, source=rel.source, target=rel.target, reason=reason,
                                           evidence=rel.evidence[:1]))

    @staticmethod
    def _reject_below_rank(g: Graph) -> None:
        """A text acts only on texts it has the power to change: not on one of a higher rank (`ontology/ranks.tsv`: a
        circular does not amend a decree — '21/2026/TT-BTC sửa đổi, bổ sung Thông tư … hướng dẫn … Nghị định số
        126/2020/NĐ-CP' amends the circular), a text of the state not on the Party's (97/NQ-CP amends the programme
        that implements 66-NQ/TW, not 66-NQ/TW); and an individual decision or resolution — numbered without a year,
        '175/NQ-CP', '517/QĐ-BTC' — not on a legal normative text (its 'b) Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP
        …' is a task it gives, not an act). Such a relation is reported in `g.rejected` and kept as a citation."""
        # the individual acts are judged where legal texts state them (a full text, which prints numbers whole), not
        # from news alone, which may leave out a normative decision's year
        legal = {src.path for src in g.sources if src.document}
        v = vocabulary()
        for k, rel in list(g.relations.items()):
            if rel.type not in ("AMENDS", "REPLACES", "REPEALS"):
                continue
            s, t = g.documents.get(rel.source), g.documents.get(rel.target)
            if s is None or t is None:
                continue
            reason = _outranked(s, t, v)
            if reason is None and any(e.source in legal for e in rel.evidence) and s.type_id in v.individual_types \
                    and _yearless(s) and (t.type_id in v.normative_types or (t.type_id in v.individual_types
                                                                           and not _yearless(t))):
                reason = f"{s.label}, an individual text, cannot change the normative {t.label}"
            if reason is not None:
                del g.relations[k]
                g.rejected.append(Rejected(type=rel.type, source=rel.source, target=rel.target, evidence=rel.evidence[:1],
                                           reason=reason))
                g.add_relation(Relation(type="CITES", source=rel.source, target=rel.target, evidence=rel.evidence))

    @staticmethod
    def _add(docs: dict[str, Document], doc: Document) -> None:
        cur = docs.get(doc.key)
        if cur is None:
            docs[doc.key] = doc
        else:
            merge_document(cur, doc)
