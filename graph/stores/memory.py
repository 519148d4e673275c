"""The embedded store: the whole graph in memory, compact, persisted to one file, no server needed.

Compact because it must hold a national database on one machine (a million documents, three million
relations in a few GB): a networkx MultiDiGraph costs about a kilobyte per edge in dicts before any evidence,
so the store keeps its own adjacency instead — node keys interned to integers, each node's relations an
`array` of packed integers (type code and the other end), documents and each relation's evidence as compact
JSON, decoded when asked for. `to_networkx()` gives the graph to networkx's algorithms when wanted.

The file is written to a temporary file beside it and renamed into place, so a build that dies never
leaves a half-written store: the old file stays until the new one is complete.

A write (`upsert_many`, `clear`) is made on a copy of the store (`_fork`: its containers copied, what they hold
shared until the write changes it) and saved from the copy, outside the lock readers take; the copy replaces the
served state under that lock only once its file is saved (`_adopt`). Readers never wait for a merge or a save, and
a save that fails (a full disk: `StoreFull`) leaves the store answering, and its file holding, the graph before.
"""

from __future__ import annotations

import bisect
import copy
import errno
import os
import pickle
import tempfile
import threading
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

try:
    import fcntl
except ImportError:  # not on POSIX: no lock on temporary files
    fcntl = None  # type: ignore[assignment]

from ..errors import StoreError, StoreFull
from ..model import (
    AGENCY_RELATIONS,
    DOCUMENT_RELATIONS,
    Agency,
    Document,
    Evidence,
    Graph,
    PartEffect,
    PartNode,
    Relation,
    fresh_effective,
    merge_document,
    merge_effects,
    merge_evidence,
)
from ..vocab import fold_lower, vocabulary
from .base import Direction, Lookup, RelationView, Store, UpsertStats

FORMAT = "lexgraph-embedded/2"
# type code = index, in the order of ontology/relations.tsv; a file records the order it was written with
TYPES: tuple[str, ...] = (*AGENCY_RELATIONS, *DOCUMENT_RELATIONS)
assert len(TYPES) <= 16, "a relation's type code takes 4 bits of its packed edge"
_CODE = {t: i for i, t in enumerate(TYPES)}
_LOW32 = 0xFFFFFFFF
_EVIDENCE = TypeAdapter(list[Evidence])
_EFFECTS = TypeAdapter(list[PartEffect])
_PARTS = TypeAdapter(list[PartNode])
_DOC_JSON = Document.__pydantic_serializer__
_CACHE = 4096  # decoded documents kept for reads (cleared by every write)
_FULL = frozenset(e for e in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", None)) if e is not None)


def _base(key: str) -> str:
    return key.split("@", 1)[0]


def _edge(src: int, code: int, tgt: int) -> int:
    return (src << 36) | (tgt << 4) | code


def _search_text(d: Document) -> str:
    """Folded number, name, type, title, key, one space between: the Neo4j store's `search` but its leading space
    (a phrase is found in both alike)."""
    return fold_lower(" ".join(x for x in (d.number, d.name, d.type, d.title, d.key) if x))


class MemoryStore(Store):
    """Documents and bodies as interned nodes; relations as packed integer adjacency with JSON evidence."""

    in_memory = True

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else None
        self._rev = 0  # counts every write, never reset (caches compare it)
        # readers take it, and a write only to swap in its saved copy (`_adopt`): reads never wait for a save
        self.lock = threading.RLock()
        self._writing = threading.Lock()  # one write at a time (each on a copy: `_fork`)
        self._copied: dict[int, set[Any]] | None = None  # on a copy: the rows it no longer shares (`_mine`)
        self._fork_rows = 0
        self._reset()
        if self.path is not None and self.path.parent.is_dir():
            self._remove_stale()
        if self.path is not None and self.path.exists():
            self._load()

    def _reset(self) -> None:
        self._ids: dict[str, int] = {}  # node key ('42/2022/ND-CP', 'agency:CP') -> id
        self._keys: list[str | None] = []  # id -> key (None: merged away)
        self._doc: list[bytes | None] = []  # id -> the document as JSON (None for bodies)
        self._meta: list[tuple[str, str | None, tuple[str, ...], int | None, str] | None] = []  # type, issuer, co, year, search
        self._out: list[array[int]] = []  # id -> packed (code << 32 | target id)
        self._in: list[array[int]] = []  # id -> packed (code << 32 | source id)
        self._ev: dict[int, bytes] = {}  # packed edge -> its evidence as JSON
        self._fx: dict[int, bytes] = {}  # packed edge -> its effects part by part as JSON (only when it has some)
        self._parts: dict[str, bytes] = {}  # document key -> its parts as JSON (a document read in full)
        self._by_type: dict[str, int] = defaultdict(int)
        self._dated: dict[str, list[str]] = defaultdict(list)  # base -> keys carrying '@year'
        self._named: dict[str, list[int]] = defaultdict(list)  # a law name's base -> ids of the documents bearing it
        self._agencies: dict[str, Agency] = {}
        self._n_docs = 0
        self._sorted: list[int] | None = None  # document ids in key order (for listing), rebuilt after writes
        self._cache: OrderedDict[int, Document] = OrderedDict()
        self._brief_cache: OrderedDict[int, Document] = OrderedDict()  # their briefs (a copy costs 4 µs)
        self._sources: dict[str, bytes] = {}  # the kept extractions (graph.incremental)

    def clear(self) -> None:
        with self._writing:
            fork = self._fork()
            fork._reset()
            fork._rev += 1
            fork.save()
            self._adopt(fork)

    def revision(self) -> object:
        return self._rev

    # persistence ---------------------------------------------------------------------------------------
    _STATE = ("_ids", "_keys", "_doc", "_meta", "_out", "_in", "_ev", "_dated", "_named", "_agencies", "_n_docs",
              "_sources", "_fx", "_parts")
    # state a file of an earlier version lacks: rebuilt from the documents on load (no parts, no effects: none read)
    _ADDED = ("_named", "_sources", "_fx", "_parts")

    def _load(self) -> None:
        assert self.path is not None
        try:
            with self.path.open("rb") as f:
                data = pickle.load(f)  # noqa: S301 - the store file is written by this class only
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError, MemoryError) as e:
            raise StoreError(f"{self.path}: not a lexgraph store or damaged ({e}); rebuild it with `lexgraph build`") from None
        if isinstance(data, dict) and data.get("format") == "lexgraph-embedded/1":  # the networkx-era file
            self._merge(Graph.model_validate(data["graph"]))
            self._reconcile(None)
            return
        if not isinstance(data, dict) or data.get("format") != FORMAT or set(self._STATE) - set(data) - set(self._ADDED):
            raise StoreError(f"{self.path}: not a {FORMAT} file; rebuild it with `lexgraph build`")
        if tuple(data.get("types", TYPES)) != TYPES:  # (files written before it was recorded had today's order)
            raise StoreError(f"{self.path}: written with other relation types than ontology/relations.tsv lists; "
                             "rebuild it with `lexgraph build`")
        for name in self._STATE:
            if name in data:
                setattr(self, name, data[name])
        self._dated = defaultdict(list, self._dated)
        self._named = defaultdict(list, data.get("_named", {}))
        if "_named" not in data:
            for i, raw in enumerate(self._doc):
                if raw is not None:
                    self._index_name(i, self._read(i))
        for ek in self._ev:
            self._by_type[TYPES[ek & 0xF]] += 1

    def save(self) -> None:
        """Write the store atomically (temporary file, fsync, rename). A disk that is full (or a file size or disk
        quota limit reached) raises `StoreFull`, another failure to write `StoreError`: the file is then the one
        before, and no temporary file is left."""
        if self.path is None:
            return
        try:
            self._save()
        except OSError as e:
            if e.errno in _FULL:
                raise StoreFull(f"{self.path}: no space to save the store ({e.strerror}); nothing was written, "
                                "it holds what it held before; free some space and try again") from None
            raise StoreError(f"{self.path}: the store cannot be written ({e.strerror or e}); nothing was written, "
                             "it holds what it held before") from None

    def _remove_stale(self) -> None:
        """Remove the temporary files of writes killed before their rename (never read); not that of a write under
        way in another process, which holds a lock on its file while it lives."""
        assert self.path is not None
        for stale in self.path.parent.glob(self.path.name + ".*.tmp"):
            try:
                fd = os.open(stale, os.O_RDONLY)
            except OSError:
                continue
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                stale.unlink(missing_ok=True)
            except OSError:  # a live writer holds it
                pass
            finally:
                os.close(fd)

    def _save(self) -> None:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._remove_stale()
        payload: dict[str, Any] = {"format": FORMAT, "types": TYPES, **{name: getattr(self, name) for name in self._STATE}}
        payload["_dated"] = dict(self._dated)
        payload["_named"] = dict(self._named)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                if fcntl is not None:  # held until the file is renamed: `_remove_stale` of another process leaves it
                    fcntl.flock(fd, fcntl.LOCK_EX)
                    if not os.path.samestat(os.fstat(fd), os.stat(tmp)):  # removed in the instant before the lock
                        raise FileNotFoundError(errno.ENOENT, "temporary file removed by another process", tmp)
                pickler = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.fast = True  # no memo of every object written (it would cost ~100 B each while saving)
                pickler.dump(payload)
                f.flush()
                os.fsync(f.fileno())
                os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:  # the rename itself made durable
            dfd = os.open(self.path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dfd)
        except OSError:
            pass
        finally:
            os.close(dfd)

    # writing on a copy ---------------------------------------------------------------------------------
    def _fork(self) -> MemoryStore:
        """A copy to write on (the caller holds `_writing`): every attribute's container copied, what the containers
        hold shared with this store until the copy changes it (`_mine`); decoded caches left behind."""
        fork = object.__new__(type(self))
        for name, value in vars(self).items():
            if name not in ("lock", "_writing", "_cache", "_brief_cache"):
                try:
                    setattr(fork, name, copy.copy(value))
                except TypeError:  # what cannot be copied is no state of the graph (a subclass's thread-local): shared
                    setattr(fork, name, value)
        fork.lock, fork._writing = threading.RLock(), threading.Lock()
        fork._cache, fork._brief_cache = OrderedDict(), OrderedDict()
        fork._copied = {}
        fork._fork_rows = len(self._keys)  # rows from here on are the copy's own
        return fork

    def _mine(self, table: Any, i: Any) -> Any:
        """`table[i]` (a row of `_out` or `_in`, a list of `_dated` or `_named`) to change in place: on a copy
        (`_fork`), copied first, so that the store it was made from keeps its own."""
        copied = self._copied
        if copied is not None and not (isinstance(i, int) and i >= self._fork_rows):
            done = copied.setdefault(id(table), set())
            if i not in done:
                done.add(i)
                table[i] = copy.copy(table[i])
        return table[i]

    def _adopt(self, fork: MemoryStore) -> None:
        """Serve the state of a copy whose file is saved: a swap of references, under the readers' lock."""
        state = {k: v for k, v in vars(fork).items() if k not in ("lock", "_writing", "_copied", "_fork_rows")}
        with self.lock:
            vars(self).update(state)

    def to_graph(self) -> Graph:
        with self.lock:
            g = Graph(agencies=dict(self._agencies))
            for raw in self._doc:
                if raw is not None:
                    d = Document.model_validate_json(raw)
                    g.documents[d.key] = d
            for ek, raw in self._ev.items():
                t = TYPES[ek & 0xF]
                src = self._keys[ek >> 36]
                tgt = self._keys[(ek >> 4) & _LOW32]
                assert src is not None and tgt is not None
                tgt = tgt.removeprefix("agency:")
                fx = self._fx.get(ek)
                g.relations[Graph.rel_key(t, src, tgt)] = Relation(
                    type=t, source=src, target=tgt, evidence=_EVIDENCE.validate_json(raw),  # type: ignore[arg-type]
                    effects=_EFFECTS.validate_json(fx) if fx is not None else [])
            g.parts = {k: _PARTS.validate_json(raw) for k, raw in sorted(self._parts.items())}
            return g

    def to_networkx(self) -> Any:
        """The graph as a networkx MultiDiGraph (keys as nodes, relation types as edge keys), for algorithms."""
        import networkx as nx

        with self.lock:
            g = nx.MultiDiGraph()
            g.add_nodes_from(k for k in self._keys if k is not None)
            g.add_edges_from((self._keys[ek >> 36], self._keys[(ek >> 4) & _LOW32], TYPES[ek & 0xF]) for ek in self._ev)
            return g

    # writing -------------------------------------------------------------------------------------------
    def upsert(self, graph: Graph) -> UpsertStats:
        return self.upsert_many([graph])

    def upsert_many(self, graphs: Iterable[Graph]) -> UpsertStats:
        """Merge several graphs (e.g. the chunks of a large build) and write the file once."""
        with self._writing:
            fork = self._fork()  # merged and saved outside the lock readers take; served once saved
            before = fork.counts()
            touched: set[str] = set()
            for graph in graphs:
                touched |= fork._merge(graph)
            fork._reconcile(touched)
            fork.save()
            after = fork.counts()
            self._adopt(fork)
            return UpsertStats(
                documents=after["documents"] - before["documents"],
                relations=after["relations"] - before["relations"],
                agencies=after["agencies"] - before["agencies"],
            )

    def kept_sources(self) -> dict[str, bytes] | None:
        with self.lock:
            return dict(self._sources) if self._sources or not self._n_docs else None

    def replace_graph(self, graph: Graph, sources: dict[str, bytes]) -> UpsertStats:
        """The store made anew from `graph` (as `upsert` into an empty store would), `sources` kept; written once."""
        with self._writing:  # made on a copy and saved from it, served once saved (as `upsert_many`)
            old_docs, old_rels = self._fingerprints()
            old_agencies = set(self._agencies)
            fork = self._fork()
            fork._reset()
            fork._copied = None  # nothing of the store it was made from is left in it to share
            fork._sources = {**self._sources, **sources}
            fork._reconcile(fork._merge(graph))
            fork.save()
            new_docs, new_rels = fork._fingerprints()
            agencies = len(fork._agencies.keys() - old_agencies)
            self._adopt(fork)
            return UpsertStats(
                documents=len(new_docs.keys() - old_docs.keys()), relations=len(new_rels.keys() - old_rels.keys()),
                agencies=agencies,
                changed_documents=sum(1 for k, v in new_docs.items() if k in old_docs and old_docs[k] != v),
                removed_documents=len(old_docs.keys() - new_docs.keys()),
                changed_relations=sum(1 for k, v in new_rels.items() if k in old_rels and old_rels[k] != v),
                removed_relations=len(old_rels.keys() - new_rels.keys()))

    def _fingerprints(self) -> tuple[dict[str, tuple[bytes, bytes | None]],
                                     dict[tuple[str | None, int, str | None], tuple[bytes, bytes | None]]]:
        """Each document's JSON and parts by key, each relation's evidence and effects by (source, type code, target):
        what `replace_graph` compares to tell what it changed (the stored bytes themselves, not copies)."""
        parts, fx = self._parts, self._fx
        docs = {k: (raw, parts.get(k)) for k, raw in zip(self._keys, self._doc, strict=True)
                if k is not None and raw is not None}
        rels = {(self._keys[ek >> 36], ek & 0xF, self._keys[(ek >> 4) & _LOW32]): (raw, fx.get(ek))
                for ek, raw in self._ev.items()}
        return docs, rels

    def _node(self, key: str) -> int:
        i = self._ids.get(key)
        if i is None:
            i = len(self._keys)
            self._ids[key] = i
            self._keys.append(key)
            self._doc.append(None)
            self._meta.append(None)
            self._out.append(array("q"))
            self._in.append(array("q"))
        return i

    def _put(self, i: int, d: Document) -> None:
        self._doc[i] = _DOC_JSON.to_json(d)
        self._meta[i] = (d.type_id, d.issuer, tuple(d.co_issuers), d.year, _search_text(d))
        self._index_name(i, d)

    def _index_name(self, i: int, d: Document) -> None:
        nb = d.name_base
        if nb is not None and i not in self._named[nb]:
            self._mine(self._named, nb).append(i)

    def _read(self, i: int) -> Document:
        raw = self._doc[i]
        assert raw is not None
        return Document.model_validate_json(raw)

    def _merge(self, graph: Graph) -> set[str]:
        """Fold a graph in; returns the number bases touched (for reconciling undated numbers)."""
        self._rev += 1
        self._cache.clear()
        self._brief_cache.clear()
        touched: set[str] = set()
        for key, doc in graph.documents.items():
            i = self._ids.get(key)
            if i is None or self._doc[i] is None:
                i = self._node(key)
                self._put(i, fresh_effective(doc))
                self._n_docs += 1
                self._sorted = None
                if "@" in key:
                    self._mine(self._dated, _base(key)).append(key)
            else:
                cur = self._read(i)
                merge_document(cur, doc, additive=False)
                self._put(i, cur)
            touched.add(_base(key))
        for key, parts in graph.parts.items():  # a text read in full again: its structure as read last
            if parts and key in self._ids and self._doc[self._ids[key]] is not None:
                self._parts[key] = _PARTS.dump_json(parts)
        for a in graph.agencies.values():
            self._agencies.setdefault(a.id, a)
            self._node("agency:" + a.id)
        for rel in graph.relations.values():
            tgt_key = rel.target
            if rel.type in AGENCY_RELATIONS:
                if rel.target not in self._agencies:
                    va = vocabulary().agencies.get(rel.target)
                    if va is None:
                        continue
                    self._agencies[va.id] = Agency(id=va.id, name=va.name, name_en=va.name_en)
                tgt_key = "agency:" + rel.target
            s, t = self._ids.get(rel.source), self._ids.get(tgt_key)
            if s is None or t is None or self._doc[s] is None:
                continue
            self._add_edge(s, _CODE[rel.type], t, rel.evidence, rel.effects)
        return touched

    def _add_edge(self, s: int, code: int, t: int, evidence: list[Evidence], effects: list[PartEffect]) -> None:
        ek = _edge(s, code, t)
        cur = self._ev.get(ek)
        if cur is None:
            held: list[Evidence] = []
            merge_evidence(held, evidence)
            self._ev[ek] = _EVIDENCE.dump_json(held)
            self._mine(self._out, s).append((code << 32) | t)
            self._mine(self._in, t).append((code << 32) | s)
            self._by_type[TYPES[code]] += 1
        else:
            held = _EVIDENCE.validate_json(cur)
            n = len(held)
            merge_evidence(held, evidence)
            if len(held) != n:
                self._ev[ek] = _EVIDENCE.dump_json(held)
        if effects:
            fx = self._fx.get(ek)
            had = _EFFECTS.validate_json(fx) if fx is not None else []
            n = len(had)
            merge_effects(had, effects)
            if len(had) != n:
                self._fx[ek] = _EFFECTS.dump_json(had)

    def _drop_edge(self, s: int, code: int, t: int) -> tuple[list[Evidence], list[PartEffect]]:
        ek = _edge(s, code, t)
        raw = self._ev.pop(ek)
        fx = self._fx.pop(ek, None)
        self._mine(self._out, s).remove((code << 32) | t)
        self._mine(self._in, t).remove((code << 32) | s)
        self._by_type[TYPES[code]] -= 1
        return _EVIDENCE.validate_json(raw), _EFFECTS.validate_json(fx) if fx is not None else []

    def _reconcile(self, bases: set[str] | None) -> None:
        """An undated node '749/QD-TTG' merges into the one dated document with that number, once known."""
        for base in list(self._dated) if bases is None else bases:
            dated = self._dated.get(base)
            if dated and len(dated) == 1 and base in self._ids and self._doc[self._ids[base]] is not None:
                self._merge_node(base, dated[0])

    def _merge_node(self, old: str, new: str) -> None:
        o, n = self._ids[old], self._ids[new]
        cur = self._read(n)
        merge_document(cur, self._read(o).model_copy(update={"date": None, "year": None}), additive=False)
        self._put(n, cur)
        for packed in list(self._in[o]):
            code, s = packed >> 32, packed & _LOW32
            ev, fx = self._drop_edge(s, code, o)
            if s != n:
                self._add_edge(s, code, n, ev, fx)
        for packed in list(self._out[o]):
            code, t = packed >> 32, packed & _LOW32
            ev, fx = self._drop_edge(o, code, t)
            if t != n:
                self._add_edge(n, code, t, ev, fx)
        old_parts = self._parts.pop(old, None)
        if old_parts is not None and new not in self._parts:  # the dated document takes them unless it has its own
            self._parts[new] = old_parts
        del self._ids[old]
        self._keys[o] = None
        self._doc[o] = None
        self._meta[o] = None
        self._n_docs -= 1
        self._sorted = None

    # reading -------------------------------------------------------------------------------------------
    def keys_with_base(self, base: str) -> list[str]:
        with self.lock:
            out = list(self._dated.get(base, ()))
            i = self._ids.get(base)
            if i is not None and self._doc[i] is not None:
                out.append(base)
            return sorted(out)

    def keys_named(self, name_base: str) -> list[str]:
        with self.lock:
            out = []
            for i in self._named.get(name_base, ()):
                key = self._keys[i]
                if key is not None and self._doc[i] is not None and self._read(i).name_base == name_base:
                    out.append(key)  # (a document merged away, or renamed since, is not)
            return sorted(out)

    def get(self, key: str) -> Document | None:
        with self.lock:
            i = self._ids.get(key)
            if i is None or self._doc[i] is None:
                return None
            d = self._cache.get(i)
            if d is None:
                d = self._read(i)
                self._cache[i] = d
                if len(self._cache) > _CACHE:
                    self._cache.popitem(last=False)
            return d

    def brief(self, key: str) -> Document | None:
        with self.lock:
            i = self._ids.get(key)
            b = self._brief_cache.get(i) if i is not None else None
            if b is None:
                d = self.get(key)
                if d is None or i is None:
                    return None
                b = self._brief_cache[i] = d.brief()
                if len(self._brief_cache) > _CACHE:
                    self._brief_cache.popitem(last=False)
            return b

    def relations(self, key: str, type: str | None = None, direction: Direction = "both") -> list[RelationView]:
        with self.lock:
            return self._relations(key, None if type is None else {_CODE.get(type, -1)}, direction)

    def relations_of(self, keys: Iterable[str], types: Collection[str] | None = None,
                     direction: Direction = "both") -> dict[str, list[RelationView]]:
        with self.lock:
            codes = None if types is None else {_CODE.get(t, -1) for t in types}
            return {k: self._relations(k, codes, direction) for k in dict.fromkeys(keys)}

    def _relations(self, key: str, codes: set[int] | None, direction: Direction) -> list[RelationView]:
        i = self._ids.get(key)
        if i is None:
            return []
        out: list[RelationView] = []
        if direction in ("out", "both"):
            for packed in self._out[i]:
                code, t = packed >> 32, packed & _LOW32
                if codes is None or code in codes:
                    other = self._keys[t]
                    assert other is not None
                    ek = _edge(i, code, t)
                    out.append(RelationView(TYPES[code], "out", other.removeprefix("agency:"),
                                            _EVIDENCE.validate_json(self._ev[ek]), self._effects(ek)))
        if direction in ("in", "both"):
            for packed in self._in[i]:
                code, s = packed >> 32, packed & _LOW32
                if codes is None or code in codes:
                    other = self._keys[s]
                    assert other is not None
                    ek = _edge(s, code, i)
                    out.append(RelationView(TYPES[code], "in", other, _EVIDENCE.validate_json(self._ev[ek]),
                                            self._effects(ek)))
        out.sort(key=lambda r: (r.type, r.direction, r.other))
        return out

    def _effects(self, ek: int) -> list[PartEffect]:
        fx = self._fx.get(ek)
        return _EFFECTS.validate_json(fx) if fx is not None else []

    def parts(self, key: str) -> list[PartNode]:
        with self.lock:
            raw = self._parts.get(key)
            return _PARTS.validate_json(raw) if raw is not None else []

    def candidates(self, lk: Lookup) -> list[Document]:
        if lk.prefix is None:
            return super().candidates(lk)
        with self.lock:  # the keys that start with the prefix: a range of the documents in key order
            ids, keys, meta = self._sorted_ids(), self._keys, self._meta
            out = []
            for i in ids[bisect.bisect_left(ids, lk.prefix, key=lambda i: keys[i] or ""):]:
                key = keys[i]
                if key is None or not key.startswith(lk.prefix):
                    break
                m = meta[i]
                if lk.type_ids is None or (m is not None and m[0] in lk.type_ids):
                    d = self.get(key)
                    assert d is not None
                    out.append(d)
            return out

    def _sorted_ids(self) -> list[int]:
        if self._sorted is None:
            ids = [i for i, raw in enumerate(self._doc) if raw is not None]
            keys = self._keys
            ids.sort(key=lambda i: keys[i] or "")
            self._sorted = ids
        return self._sorted

    def documents(self, type: str | None = None, issuer: str | None = None, year: int | None = None,
                  q: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Document], int]:
        with self.lock:
            tokens = fold_lower(q).split() if q else []
            tfold = fold_lower(type) if type else None
            type_ids: set[str] | None = None
            if tfold is not None:
                type_ids = {t.id for t in vocabulary().doc_types.values() if tfold in (fold_lower(t.name), fold_lower(t.id))}
            hits: list[int] = []
            meta = self._meta
            for i in self._sorted_ids():
                m = meta[i]
                assert m is not None
                if type_ids is not None and m[0] not in type_ids:
                    continue
                if issuer and m[1] != issuer and issuer not in m[2]:
                    continue
                if year is not None and m[3] != year:
                    continue
                if tokens and not all(tok in m[4] for tok in tokens):
                    continue
                hits.append(i)
            if tokens:  # by relevance: the words as a phrase first, then the newest year, then the key (stable)
                phrase = " ".join(tokens)

                def relevance(i: int) -> tuple[bool, int]:
                    m = meta[i]
                    assert m is not None
                    return phrase not in m[4], -(m[3] if m[3] is not None else -1)

                hits.sort(key=relevance)
            page = []
            for i in hits[offset : offset + limit]:
                key = self._keys[i]
                assert key is not None
                d = self.brief(key)
                assert d is not None
                page.append(d)
            return page, len(hits)

    def agencies(self) -> list[tuple[Agency, int]]:
        with self.lock:
            out = []
            issued = _CODE["ISSUED_BY"]
            for aid, a in sorted(self._agencies.items()):
                i = self._ids.get("agency:" + aid)
                n = sum(1 for packed in self._in[i] if packed >> 32 == issued) if i is not None else 0
                out.append((a, n))
            return out

    def counts(self) -> dict[str, int]:
        with self.lock:
            return {"documents": self._n_docs, "agencies": len(self._agencies), "relations": len(self._ev),
                    **{f"rel_{k}": v for k, v in sorted(self._by_type.items()) if v}}

    def all_keys(self) -> list[str]:
        with self.lock:
            return [k for i, k in enumerate(self._keys) if k is not None and self._doc[i] is not None]
