"""The embedded store: a networkx graph in memory, persisted to one file, no server needed.

The file is written to a temporary file beside it and renamed into place, so a build that dies never
leaves a half-written store: the old file stays until the new one is complete.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import StoreError
from ..model import Agency, Document, Graph, merge_document, merge_effective, merge_evidence
from ..vocab import fold_lower, vocabulary
from .base import Direction, RelationView, Store, UpsertStats

FORMAT = "lexgraph-embedded/1"


def _base(key: str) -> str:
    return key.split("@", 1)[0]


class MemoryStore(Store):
    """networkx MultiDiGraph: document nodes keyed by canonical key, agency nodes 'agency:ID'."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else None
        # one writer or reader at a time: the service reads from many threads while ingest writes
        self.lock = threading.RLock()
        self._reset()
        if self.path is not None and self.path.exists():
            self._load()

    def _reset(self) -> None:
        self.g: nx.MultiDiGraph = nx.MultiDiGraph()
        self.docs: dict[str, Document] = {}
        self.agency_nodes: dict[str, Agency] = {}
        self.by_base: dict[str, set[str]] = defaultdict(set)
        self.search_text: dict[str, str] = {}

    def clear(self) -> None:
        with self.lock:
            self._reset()
            self.save()

    # persistence ---------------------------------------------------------------------------------------
    def _load(self) -> None:
        assert self.path is not None
        try:
            with self.path.open("rb") as f:
                data = pickle.load(f)  # noqa: S301 - the store file is written by this class only
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as e:
            raise StoreError(f"{self.path}: not a lexgraph store or damaged ({e}); rebuild it with `lexgraph build`") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError(f"{self.path}: not a {FORMAT} file; rebuild it with `lexgraph build`")
        graph = Graph.model_validate(data["graph"])
        self._merge(graph)

    def save(self) -> None:
        """Write the store atomically (temporary file, fsync, rename)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # a writer killed before its rename leaves its temporary file: never read, removed here
        for stale in self.path.parent.glob(self.path.name + ".*.tmp"):
            stale.unlink(missing_ok=True)
        payload = {"format": FORMAT, "graph": self.to_graph().model_dump(mode="python")}
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def to_graph(self) -> Graph:
        with self.lock:
            g = Graph(documents=dict(self.docs), agencies=dict(self.agency_nodes))
            for s, t, k, data in self.g.edges(keys=True, data=True):
                tgt = t[len("agency:"):] if t.startswith("agency:") else t
                g.relations[Graph.rel_key(k, s, tgt)] = data["rel"]
            return g

    # writing -------------------------------------------------------------------------------------------
    def upsert(self, graph: Graph) -> UpsertStats:
        with self.lock:
            before = self.counts()
            self._merge(graph)
            self._reconcile()
            self.save()
            after = self.counts()
            return UpsertStats(
                documents=after["documents"] - before["documents"],
                relations=after["relations"] - before["relations"],
                agencies=after["agencies"] - before["agencies"],
            )

    def _merge(self, graph: Graph) -> None:
        for key, doc in graph.documents.items():
            cur = self.docs.get(key)
            if cur is None:
                # dates of effect are folded in from scratch, as the Neo4j store does (same rule, same order)
                fresh = doc.model_copy(deep=True, update={"effective": None, "expires": None, "effective_claims": [],
                                                          "effective_conflicts": []})
                merge_effective(fresh, doc.effective_claims)
                self.docs[key] = fresh
                self.g.add_node(key)
            else:
                merge_document(cur, doc, additive=False)
            self._index(key)
        for a in graph.agencies.values():
            self.agency_nodes.setdefault(a.id, a)
            self.g.add_node("agency:" + a.id)
        for rel in graph.relations.values():
            tgt = "agency:" + rel.target if rel.type in ("ISSUED_BY", "PROPOSED_BY") else rel.target
            if rel.type in ("ISSUED_BY", "PROPOSED_BY") and rel.target not in self.agency_nodes:
                va = vocabulary().agencies.get(rel.target)
                if va is None:
                    continue
                self.agency_nodes[va.id] = Agency(id=va.id, name=va.name, name_en=va.name_en)
                self.g.add_node(tgt)
            if rel.source not in self.docs or (not tgt.startswith("agency:") and tgt not in self.docs):
                continue
            if self.g.has_edge(rel.source, tgt, key=rel.type):
                merge_evidence(self.g.edges[rel.source, tgt, rel.type]["rel"].evidence, rel.evidence)
            else:
                self.g.add_edge(rel.source, tgt, key=rel.type, rel=rel.model_copy(deep=True))

    def _index(self, key: str) -> None:
        d = self.docs[key]
        self.by_base[_base(key)].add(key)
        self.search_text[key] = fold_lower(" ".join(x for x in (d.number, d.name, d.type, d.title, key) if x))

    def _reconcile(self) -> None:
        """An undated node '749/QD-TTG' merges into the one dated document with that number, once known."""
        for base, keys in list(self.by_base.items()):
            if base in keys and len(keys) == 2:
                dated = next(k for k in keys if k != base)
                self._merge_node(base, dated)

    def _merge_node(self, old: str, new: str) -> None:
        merge_document(self.docs[new], self.docs[old].model_copy(update={"date": None, "year": None}), additive=False)
        for s, _t, k, data in list(self.g.in_edges(old, keys=True, data=True)):
            self._move_edge(s, new, k, data["rel"], source=s, target=new)
        for _s, t, k, data in list(self.g.out_edges(old, keys=True, data=True)):
            tgt = t[len("agency:"):] if t.startswith("agency:") else t
            self._move_edge(new, t, k, data["rel"], source=new, target=tgt)
        self.g.remove_node(old)
        del self.docs[old]
        self.by_base[_base(old)].discard(old)
        self.search_text.pop(old, None)
        self._index(new)

    def _move_edge(self, s: str, t: str, k: str, rel: Any, source: str, target: str) -> None:
        if s == t:
            return
        moved = rel.model_copy(update={"source": source, "target": target})
        if self.g.has_edge(s, t, key=k):
            merge_evidence(self.g.edges[s, t, k]["rel"].evidence, moved.evidence)
        else:
            self.g.add_edge(s, t, key=k, rel=moved)

    # reading -------------------------------------------------------------------------------------------
    def keys_with_base(self, base: str) -> list[str]:
        with self.lock:
            return sorted(self.by_base.get(base, set()))

    def get(self, key: str) -> Document | None:
        with self.lock:
            return self.docs.get(key)

    def relations(self, key: str, type: str | None = None, direction: Direction = "both") -> list[RelationView]:
        with self.lock:
            if key not in self.g:
                return []
            out: list[RelationView] = []
            if direction in ("out", "both"):
                for _, t, k, data in self.g.out_edges(key, keys=True, data=True):
                    if type is None or k == type:
                        other = t[len("agency:"):] if t.startswith("agency:") else t
                        out.append(RelationView(k, "out", other, list(data["rel"].evidence)))
            if direction in ("in", "both"):
                for s, _, k, data in self.g.in_edges(key, keys=True, data=True):
                    if type is None or k == type:
                        out.append(RelationView(k, "in", s, list(data["rel"].evidence)))
            out.sort(key=lambda r: (r.type, r.direction, r.other))
            return out

    def documents(self, type: str | None = None, issuer: str | None = None, year: int | None = None,
                  q: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Document], int]:
        with self.lock:
            tokens = fold_lower(q).split() if q else []
            tfold = fold_lower(type) if type else None
            hits = []
            for key in sorted(self.docs):
                d = self.docs[key]
                if tfold and fold_lower(d.type) != tfold and fold_lower(d.type_id) != tfold:
                    continue
                if issuer and d.issuer != issuer and issuer not in d.co_issuers:
                    continue
                if year is not None and d.year != year:
                    continue
                if tokens:
                    text = self.search_text[key]
                    if not all(tok in text for tok in tokens):
                        continue
                hits.append(d)
            return hits[offset : offset + limit], len(hits)

    def agencies(self) -> list[tuple[Agency, int]]:
        with self.lock:
            out = []
            for aid, a in sorted(self.agency_nodes.items()):
                node = "agency:" + aid
                n = sum(1 for _, _, k in self.g.in_edges(node, keys=True) if k == "ISSUED_BY") if node in self.g else 0
                out.append((a, n))
            return out

    def counts(self) -> dict[str, int]:
        with self.lock:
            by_type: dict[str, int] = defaultdict(int)
            for _, _, k in self.g.edges(keys=True):
                by_type[k] += 1
            return {"documents": len(self.docs), "agencies": len(self.agency_nodes),
                    "relations": self.g.number_of_edges(), **{f"rel_{k}": v for k, v in sorted(by_type.items())}}

    def all_keys(self) -> list[str]:
        with self.lock:
            return list(self.docs)

