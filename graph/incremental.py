"""The graph of a set of texts, whatever the order and grouping in which they are built or ingested.

The graph of a set of texts is defined as the one-shot build: `Resolver().build(extractions of all texts)`. A store
therefore keeps each source's extraction (`dump_source`: compact JSON, zlib-compressed; no pickle, a store's content
is never code), keyed by its name (a file's path as given, an ingested text's name; a text ingested without a name by
its content), and every build or ingest re-resolves the union of the kept extractions and the new ones (a source
read again replaces the one kept under its name), then makes the stored graph equal to the result
(`Store.replace_graph`). Extraction is not redone for kept sources; resolving the Gazette corpus takes seconds.

A store built before extractions were kept (documents, no kept source) cannot be re-resolved: building into it
merges as before (`Resolver(known=…)` and `Store.upsert`), and `build_into` says so (`BuildResult.legacy`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import threading
import weakref
import zlib
from dataclasses import dataclass, field, fields
from typing import Any

from .clean import CleanText, OffsetMap
from .extract import Extraction, Mention
from .extract.types import RawEffect, RawEffective, RawPart, RawRelation
from .gcpause import gc_paused
from .model import Graph, SourceInfo
from .numbers import Number
from .resolve import Resolver, SourceResult
from .stores.base import Store, UpsertStats

SOURCE_FORMAT = 2  # 2: the parts of a text read in full (`Extraction.parts`)
_MENTION_FIELDS = tuple(f.name for f in fields(Mention))
_EXTRACTION_FIELDS = {"text", "mentions", "self_doc", "base_doc", "relations", "proposers", "sentences", "effective",
                      "unresolved", "parts"}
# a field added to an extraction must be kept too: fail at import, not with a graph that silently differs
assert {f.name for f in fields(Extraction)} == _EXTRACTION_FIELDS, "graph/incremental.py must keep every Extraction field"
assert {f.name for f in fields(Number)} == {"ordinal", "year", "code", "party"}


# the codec ------------------------------------------------------------------------------------------------
def _dec_effect(row: list[Any]) -> RawEffect:
    k, ps, w, sp, d = row[:5]
    until = row[5] if len(row) > 5 else None
    return RawEffect(kind=k, parts=list(ps), written=w, sentence=(sp[0], sp[1]),
                     date=dt.date.fromisoformat(d) if d else None, until=dt.date.fromisoformat(until) if until else None)


def _enc_mention(m: Mention) -> list[Any]:
    out: list[Any] = []
    for name in _MENTION_FIELDS:
        v = getattr(m, name)
        if name == "number" and v is not None:
            v = [v.ordinal, v.year, list(v.code), v.party]
        elif isinstance(v, dt.date):
            v = v.isoformat()
        out.append(v)
    return out


def _dec_mention(row: list[Any]) -> Mention:
    kw = dict(zip(_MENTION_FIELDS, row, strict=True))
    if kw["number"] is not None:
        o, y, code, party = kw["number"]
        kw["number"] = Number(ordinal=o, year=y, code=tuple(code), party=party)
    if kw["date"] is not None:
        kw["date"] = dt.date.fromisoformat(kw["date"])
    if kw["parent_title"] is not None:
        kw["parent_title"] = tuple(kw["parent_title"])
    return Mention(**kw)


def dump_source(r: SourceResult) -> bytes:
    """One source's extraction as compressed JSON, before resolution (which changes mentions: `close_names`). The
    mentions are written once each and referred to by index, so a relation still names the very mention the text
    lists (the resolver joins them by identity). The raw text is not kept: evidence needs the cleaned text and the
    offset maps back to the raw one."""
    ex = r.extraction
    doc: dict[str, Any] = {"format": SOURCE_FORMAT, "path": r.path, "error": r.error}
    if ex is not None:
        index: dict[int, int] = {}
        table: list[Mention] = []

        def ref(m: Mention | None) -> int | None:
            if m is None:
                return None
            i = index.get(id(m))
            if i is None:
                i = index[id(m)] = len(table)
                table.append(m)
            return i

        mentions = [ref(m) for m in ex.mentions]
        doc["x"] = {
            "text": ex.text.text,
            "maps": [[mp.clean_starts, mp.raw_starts] for mp in ex.text.maps],
            "mentions": mentions,
            "self_doc": ref(ex.self_doc),
            "base_doc": ref(ex.base_doc),
            # a relation's effects on parts, when it has any, as a fifth item (sources kept before effects have four)
            "relations": [[rr.type, ref(rr.source), ref(rr.target), list(rr.sentence)]
                          + ([[[e.kind, e.parts, e.written, list(e.sentence), e.date.isoformat() if e.date else None]
                               + ([e.until.isoformat()] if e.until else [])  # a sixth item only when there is an end
                               for e in rr.effects]] if rr.effects else [])
                          for rr in ex.relations],
            "proposers": [[ref(m), agency, list(span)] for m, agency, span in ex.proposers],
            "sentences": [list(s) for s in ex.sentences],
            "effective": [[ref(e.mention), e.date.isoformat() if e.date else None, e.part, e.rule, list(e.sentence)]
                          for e in ex.effective],
            "unresolved": [[ref(m), [ref(c) for c in named]] for m, named in ex.unresolved],
            "parts": [[p.id, p.kind, p.label, p.number, p.heading, p.parent, p.start, p.end] for p in ex.parts],
        }
        doc["table"] = [_enc_mention(m) for m in table]
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def load_source(data: bytes) -> SourceResult:
    """`dump_source` read back: a fresh extraction, ready for `Resolver.build` (which changes it)."""
    doc = json.loads(zlib.decompress(data))
    if doc.get("format") not in (1, SOURCE_FORMAT):  # 1: kept before parts were read (none)
        raise ValueError(f"a kept source of format {doc.get('format')!r}, not {SOURCE_FORMAT}")
    r = SourceResult(path=doc["path"], error=doc["error"])
    x = doc.get("x")
    if x is None:
        return r
    table = [_dec_mention(row) for row in doc["table"]]

    def m(i: int | None) -> Mention | None:
        return None if i is None else table[i]

    def mm(i: int) -> Mention:
        return table[i]

    def span(s: list[int]) -> tuple[int, int]:
        return (s[0], s[1])

    text = CleanText(text=x["text"], raw="", maps=[OffsetMap(clean_starts=a, raw_starts=b) for a, b in x["maps"]])
    r.extraction = Extraction(
        text=text,
        mentions=[mm(i) for i in x["mentions"]],
        self_doc=m(x["self_doc"]),
        base_doc=m(x["base_doc"]),
        relations=[RawRelation(type=row[0], source=mm(row[1]), target=mm(row[2]), sentence=span(row[3]),
                               effects=[_dec_effect(e) for e in (row[4] if len(row) > 4 else [])])
                   for row in x["relations"]],
        proposers=[(mm(i), agency, span(sp)) for i, agency, sp in x["proposers"]],
        sentences=[span(s) for s in x["sentences"]],
        effective=[RawEffective(mention=mm(i), date=dt.date.fromisoformat(d) if d else None, part=part, rule=rule,
                                sentence=span(sp)) for i, d, part, rule, sp in x["effective"]],
        unresolved=[(mm(i), [mm(c) for c in named]) for i, named in x["unresolved"]],
        parts=_dec_parts(x.get("parts", ())),
    )
    return r


def _dec_parts(rows: list[list[Any]]) -> list[RawPart]:
    """The kept parts, each part's parent the very string of the id it names and the kinds interned (50,000 parts
    on the corpus: the strings are most of their memory)."""
    out: list[RawPart] = []
    ids: dict[str, str] = {}
    for pid, kind, label, number, heading, parent, start, end in rows:
        ids[pid] = pid
        out.append(RawPart(pid, sys.intern(kind), label, number, heading, ids.get(parent, parent) if parent else None,
                           start, end))
    return out


def source_key(r: SourceResult, text: str | bytes | None = None) -> str:
    """The name a source is kept under: its path as given; with `text` (a text ingested under a default name), the
    name and the text's digest, so that two different unnamed texts are both kept and the same one twice is one."""
    if text is None:
        return r.path
    raw = text.encode() if isinstance(text, str) else text
    return f"{r.path}#sha256:{hashlib.sha256(raw).hexdigest()[:16]}"


# the build ------------------------------------------------------------------------------------------------
@dataclass
class BuildResult:
    """What a build or an ingest did: the graph of everything the store now holds (`graph`, with its ambiguities,
    conflicts and rejected relations), what the new sources name (`named`: document keys; `stated`: relation count),
    the change to the store, and whether the store merged the old way (`legacy`: built before sources were kept)."""

    graph: Graph
    sources: list[SourceInfo]  # the new sources, as read and resolved (in the order given)
    named: list[str] = field(default_factory=list)
    stated: int = 0
    stats: UpsertStats = field(default_factory=lambda: UpsertStats(0, 0, 0))
    legacy: bool = False
    kept: int = 0  # sources the store keeps after the build


@gc_paused()
def ordered(kept: dict[str, bytes], decoded: Decoded | None = None) -> list[SourceResult]:
    """The sources to resolve, in the order of the names they are kept under: the resolver's output depends on the
    order it reads its sources in (which sighting of a document gives its title, which 20 pieces of evidence are
    kept), so it is read in one order whatever the order the sources came in. With `decoded`, each source is
    decoded once per process and reused as decoded (`Decoded`)."""
    if decoded is None:
        return [load_source(kept[k]) for k in sorted(kept)]
    return decoded.sources(kept)


class _Pristine:
    """What `Resolver.build` changes in an extraction it reads (`close_names`: the list of mentions, and the name of
    each named mention and whether it is closed and sure), taken before it reads it, so that it can be put back."""

    __slots__ = ("mentions", "names")

    def __init__(self, ex: Extraction) -> None:
        self.mentions = list(ex.mentions)
        self.names = [(m, m.name, m.name_closed, m.name_sure) for m in ex.mentions if m.name]

    def restore(self, ex: Extraction) -> None:
        ex.mentions = list(self.mentions)
        for m, name, closed, sure in self.names:
            m.name, m.name_closed, m.name_sure = name, closed, sure


class Decoded:
    """A store's kept sources, decoded once per process (decoding the corpus' 401 takes about a second, as long as
    half its resolution): each is kept with the bytes it was decoded from and what resolving it changes
    (`_Pristine`), which is put back before it is read again, so that the resolver reads it as if freshly decoded.
    A source kept under the same name with other bytes (another process wrote the store) is decoded again. What
    resolution made of each source alone is kept with it (`resolve.Alone`: about a third more memory than the decoded
    sources, for an ingest that resolves them 40% faster)."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[bytes, SourceResult, _Pristine | None]] = {}

    def offer(self, key: str, data: bytes, r: SourceResult) -> None:
        """`r`, the decoding of `data` (`load_source`), not yet resolved and held by no one else, kept as the one of
        `key`."""
        assert r.extraction is not None
        self.kept[key] = (data, r, _Pristine(r.extraction))

    @gc_paused()
    def sources(self, kept: dict[str, bytes]) -> list[SourceResult]:
        for k in self.kept.keys() - kept.keys():
            del self.kept[k]
        out = []
        for k in sorted(kept):
            data = kept[k]
            hit = self.kept.get(k)
            if hit is None or not (hit[0] is data or hit[0] == data):
                r = load_source(data)
                hit = self.kept[k] = (data, r, _Pristine(r.extraction) if r.extraction is not None else None)
            _, r, pristine = hit
            if pristine is not None:
                assert r.extraction is not None
                pristine.restore(r.extraction)
            out.append(r)
        return out


def resolve(kept: dict[str, bytes]) -> Graph:
    """The graph of the kept sources: what a store that keeps them holds (with its ambiguities and rejections)."""
    return Resolver().build(ordered(kept))


_LOCKS: weakref.WeakKeyDictionary[Store, threading.Lock] = weakref.WeakKeyDictionary()
_DECODED: weakref.WeakKeyDictionary[Store, Decoded] = weakref.WeakKeyDictionary()  # used under the store's lock
_LOCKS_LOCK = threading.Lock()


def build_into(store: Store, results: list[SourceResult], keys: list[str] | None = None) -> BuildResult:
    """Add sources to a store so that its graph is that of every source it holds, built at once. `keys` names each
    result as kept (default: its path). Sources that could not be read are reported, not kept (a file that fails
    to read again does not take away what its earlier reading gave). Builds into one store object run one at a
    time (two ingests of the service must not each resolve the kept sources without the other's)."""
    with _LOCKS_LOCK:
        lock = _LOCKS.setdefault(store, threading.Lock())
    with lock:
        return _build_into(store, results, keys)


def _build_into(store: Store, results: list[SourceResult], keys: list[str] | None) -> BuildResult:
    keys = keys or [r.path for r in results]
    kept = store.kept_sources()
    if kept is None:  # a store built before sources were kept: merge as before
        res = Resolver(known=store.keys_with_base)
        g = res.build([load_source(r.kept) if r.kept is not None else r for r in results])
        stats = store.upsert(g) if g.documents else UpsertStats(0, 0, 0)
        return BuildResult(graph=g, sources=list(g.sources), named=sorted(g.documents), stated=len(g.relations),
                           stats=stats, legacy=True)
    with _LOCKS_LOCK:
        decoded = _DECODED.setdefault(store, Decoded())
    new: dict[str, bytes] = {}
    for k, r in zip(keys, results, strict=True):
        if r.error is None:  # encoded before resolving: the resolver changes the mentions it reads
            new[k] = r.kept if r.kept is not None else dump_source(r)
        if r.kept is not None and r.extraction is not None:  # decoded already (`read_sources`): the cache takes it
            decoded.offer(k, r.kept, SourceResult(path=r.path, extraction=r.extraction, alone=r.alone))
            r.extraction = r.alone = None  # the resolver changes what it reads; given again, it is decoded afresh
    union = {**kept, **new}
    res = Resolver()
    g = res.build(ordered(union, decoded))
    info = dict(zip(sorted(union), g.sources, strict=True))
    for k, r in zip(keys, results, strict=True):  # failed reads: reported with the graph's sources, never kept
        if r.error is not None:
            info[k] = SourceInfo(path=r.path, error=r.error)
            g.sources.append(info[k])
    named: set[str] = set()
    stated = 0
    for r in results:
        if r.error is None:
            named |= res.named.get(r.path, set())
            stated += len(res.stated.get(r.path, set()) & set(g.relations))
    stats = store.replace_graph(g, new) if new else UpsertStats(0, 0, 0)
    return BuildResult(graph=g, sources=[info[k] for k in keys], named=sorted(named), stated=stated, stats=stats,
                       kept=len(union))


# the checksum ---------------------------------------------------------------------------------------------
def canonical(g: Graph) -> Graph:
    """A graph in a canonical order: documents, relations and bodies by key, the reports sorted (evidence keeps
    its order, which the stores keep: which sighting came first is part of the graph)."""
    return Graph(
        documents={k: g.documents[k] for k in sorted(g.documents)},
        relations={k: g.relations[k] for k in sorted(g.relations)}, agencies={k: g.agencies[k] for k in sorted(g.agencies)},
        ambiguities=sorted(g.ambiguities, key=lambda a: a.model_dump_json()),
        rejected=sorted(g.rejected, key=lambda a: a.model_dump_json()),
        conflicts=sorted(g.conflicts, key=lambda a: a.model_dump_json()),
        parts={k: g.parts[k] for k in sorted(g.parts)},
    )


def checksum(store: Store) -> str:
    """sha256 of a store's graph in canonical order, with the ambiguities, conflicts and rejected relations of
    resolving the sources it keeps (a store keeps no ambiguity itself): two stores with equal checksums hold the
    same documents, relations, dates of effect, evidence and ambiguities."""
    g = store.to_graph()
    kept = store.kept_sources()
    if kept:
        rg = resolve(kept)
        g.ambiguities, g.rejected, g.conflicts = rg.ambiguities, rg.rejected, rg.conflicts
    return hashlib.sha256(canonical(g).model_dump_json().encode()).hexdigest()
