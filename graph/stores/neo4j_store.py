"""The Neo4j store: the same contract as the embedded one, on the official `neo4j` driver.

- Documents are `:Document` nodes with a second label for their type (`:NghiDinh`, `:QuyetDinh` …),
  bodies are `:Agency` nodes; relationship types are the ontology's (`REPLACES`, `ISSUED_BY` …).
- Writes are batched (`UNWIND $rows … MERGE` on the canonical key), one transaction per batch, so a
  build that dies leaves whole documents only and can simply be run again; evidence is merged, never
  doubled, so building twice leaves the same counts.
- Reads run as auto-commit queries in read sessions (routed to replicas on a cluster or Aura through a
  `neo4j://` URI; one round trip each). Writes: up to `writers` concurrent transactions that share no node.
- A server that cannot be reached raises `StoreUnavailable`; the driver reconnects by itself when the
  server is back.
- `upsert`s of one store object run one at a time (`_upserting`), and what one reports as added is counted by
  its own transactions (`_Tally`: the counters of each statement of each committed transaction), not read from
  the totals of a graph other writers also change.

All Cypher lives in `graph.stores.cypher`.
"""

from __future__ import annotations

import os
import threading
import zlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TypeVar, cast
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as nx

from ..errors import StoreError, StoreUnavailable
from ..model import (
    MAX_EVIDENCE,
    Agency,
    Document,
    EffectiveClaim,
    EffectiveDates,
    Evidence,
    Graph,
    PartEffect,
    PartNode,
    Relation,
    folded_effective,
    merge_effective,
)
from ..vocab import fold_lower, vocabulary
from . import cypher as C
from .base import ChainStep, Direction, DocumentRelations, Lookup, RelationView, Store, UpsertStats, follow_chain

T = TypeVar("T")
BATCH = 2000
WRITERS = 2  # concurrent write transactions for batches that touch disjoint nodes (LEXGRAPH_NEO4J_WRITERS)


_EVIDENCE_JSON = Evidence.__pydantic_serializer__.to_json
_CLAIM_JSON = EffectiveClaim.__pydantic_serializer__.to_json
_EFFECT_JSON = PartEffect.__pydantic_serializer__.to_json
MAX_EFFECTS = 5 * MAX_EVIDENCE  # what `merge_effects` keeps per relation


def _evidence_json(e: Evidence) -> str:
    """One evidence item as compact JSON (fields in model order, so equal items give equal strings): what
    `model_dump_json()` gives, without its per-call argument handling (a third of a bulk import's CSV time)."""
    return _EVIDENCE_JSON(e).decode()


def _claim_json(c: EffectiveClaim) -> str:
    return _CLAIM_JSON(c).decode()


def _effects_json(effects: list[PartEffect]) -> list[str]:
    return [_EFFECT_JSON(e).decode() for e in effects[:MAX_EFFECTS]]


def _effects(rows: list[str] | None) -> list[PartEffect]:
    return [PartEffect.model_validate_json(e) for e in rows or []]


_PART_FIELDS = tuple(PartNode.model_fields)


def part_rows(key: str, parts: list[PartNode]) -> list[dict[str, Any]]:
    """A document's parts as the properties of their nodes (`cypher.WRITE_PARTS`): each field of `PartNode` (its id
    as `part`), and its place in text order (`order`)."""
    out = []
    for i, p in enumerate(parts):
        row = {f: getattr(p, f) for f in _PART_FIELDS}
        row["part"] = row.pop("id")
        row["order"] = i
        out.append(row)
    return out


def _part_node(node: Any) -> PartNode:
    p = dict(node)
    return PartNode.model_validate({"id": p["part"], **{f: p.get(f) for f in _PART_FIELDS if f != "id"}})


def affects_rows(relations: Iterable[tuple[str, str, str, list[PartEffect]]]) -> list[dict[str, Any]]:
    """The AFFECTS relationships of (type, source, target, effects): one per acting document, type, kind and part of
    the target named, with the properties of the first effect that names it (`cypher.MERGE_AFFECTS`)."""
    rows: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for type_, source, target, effects in relations:
        for e in effects:
            for part in e.parts:
                k = (source, type_, e.kind, f"{target}#{part}")
                if k not in rows:
                    rows[k] = {"source": source, "type": type_, "kind": e.kind, "part": k[3], "written": e.written,
                               "date": e.date.isoformat() if e.date else None, "by_part": e.by_part}
    return [rows[k] for k in sorted(rows)]


def _search_parts(d: Document) -> list[str]:
    """Folded number, name, type, title, key: what `q` matches, with or without diacritics."""
    return [fold_lower(x) if x else "" for x in (d.number, d.name, d.type, d.title, d.key)]


def _evidence_list(d: Document) -> list[str]:
    return [_evidence_json(e) for e in d.evidence[:MAX_EVIDENCE]]


def _doc_row(d: Document) -> dict[str, Any]:
    return {
        "key": d.key,
        "props": {
            "key": d.key, "base": d.key.split("@", 1)[0], "number": d.number or None, "name": d.name or None,
            "name_base": d.name_base,
            "type": d.type, "type_id": d.type_id, "issuer": d.issuer or None, "year": d.year,
            "title": d.title or None,
        },
        "date": d.date.isoformat() if d.date else None,
        "co_issuers": list(d.co_issuers),
        "evidence": _evidence_list(d),
        "mentions": d.mentions,
        "parts": _search_parts(d),
    }


def _new_doc_props(d: Document) -> dict[str, Any]:
    """Every property of a document not yet stored, as `merge_documents` would set them on creation: the
    properties of `_doc_row`, its search text and caption computed here, dates as native dates, dates of effect
    folded. (Written out rather than derived from `_doc_row`: a bulk import computes it for every document.)"""
    props: dict[str, Any] = {"key": d.key, "base": d.key.split("@", 1)[0]}
    if d.number:
        props["number"] = d.number
    if d.name:
        props["name"], props["name_base"] = d.name, d.name_base
    props["type"], props["type_id"] = d.type, d.type_id
    if d.issuer:
        props["issuer"] = d.issuer
    if d.year is not None:
        props["year"] = d.year
    if d.title:
        props["title"] = d.title
    parts = _search_parts(d)
    eff = folded_effective(d)
    props.update(
        co_issuers=list(d.co_issuers), evidence=_evidence_list(d),
        mentions=d.mentions, search_parts=parts, search="".join(" " + p for p in parts if p),
        caption=d.number or d.name or d.key, effective_claims=[_claim_json(c) for c in eff.effective_claims],
        effective_conflicts=[_claim_json(c) for c in eff.effective_conflicts])
    for k, v in (("date", d.date), ("effective", eff.effective), ("expires", eff.expires)):
        if v:
            props[k] = v
    return props


def _document(node: Any) -> Document:
    p = dict(node)
    date = p.get("date")
    return Document(
        key=p["key"], number=p.get("number"), name=p.get("name"), type=p["type"], type_id=p["type_id"],
        issuer=p.get("issuer"), co_issuers=list(p.get("co_issuers") or []),
        date=date.to_native() if date is not None else None, year=p.get("year"), title=p.get("title"),
        evidence=[Evidence.model_validate_json(e) for e in p.get("evidence") or []],
        mentions=p.get("mentions") or 0,
        effective=p["effective"].to_native() if p.get("effective") is not None else None,
        expires=p["expires"].to_native() if p.get("expires") is not None else None,
        effective_claims=[EffectiveClaim.model_validate_json(c) for c in p.get("effective_claims") or []],
        effective_conflicts=[EffectiveClaim.model_validate_json(c) for c in p.get("effective_conflicts") or []],
    )


def _effect_row(d: Document | EffectiveDates) -> dict[str, Any]:
    """A document's dates of effect as query parameters (statements as JSON)."""
    return {"effective": d.effective.isoformat() if d.effective else None,
            "expires": d.expires.isoformat() if d.expires else None,
            "claims": [_claim_json(c) for c in d.effective_claims],
            "conflicts": [_claim_json(c) for c in d.effective_conflicts]}


class EvidenceJson:
    """Evidence lists as the JSON strings a relation stores. One sentence often states several relations (one
    Evidence object): it is serialised once, by identity (hashing a model costs more than serialising it; the
    relations keep the objects alive while this lives)."""

    def __init__(self) -> None:
        self._js: dict[int, str] = {}

    def __call__(self, evidence: list[Evidence]) -> list[str]:
        js = self._js
        out = []
        for e in evidence[:MAX_EVIDENCE]:
            s = js.get(id(e))
            if s is None:
                s = js[id(e)] = _evidence_json(e)
            out.append(s)
        return out


def relation_rows(relations: Iterable[Relation]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Relations as query rows, grouped by type (a relationship type is part of the query text), in type order."""
    by_rel: dict[str, list[dict[str, Any]]] = defaultdict(list)
    ev = EvidenceJson()
    for r in relations:
        by_rel[r.type].append({"source": r.source, "target": r.target, "evidence": ev(r.evidence),
                               "effects": _effects_json(r.effects)})
    return sorted(by_rel.items())


def _part(key: str, parts: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % parts


def relation_jobs(relations: Iterable[Relation], parts: int, batch_size: int
                  ) -> list[tuple[frozenset[int], str, list[dict[str, Any]]]]:
    """Relations as write jobs `(partitions, type, rows)`, each at most `batch_size` rows of one type whose
    end nodes all lie in the job's (at most two) partitions.

    Documents fall into `parts` partitions by a hash of their key, agencies into `parts` more. Two jobs whose
    partitions are disjoint touch no common node, so they can run in concurrent transactions without waiting
    on each other's locks (Neo4j locks both end nodes of a relationship it creates). Largest groups first, so
    that the long ones start early."""
    groups: dict[frozenset[int], list[Relation]] = defaultdict(list)
    for r in relations:
        a = _part(r.source, parts)
        b = parts + _part(r.target, parts) if r.type in C.AGENCY_RELATIONS else _part(r.target, parts)
        groups[frozenset((a, b))].append(r)
    jobs: list[tuple[frozenset[int], str, list[dict[str, Any]]]] = []
    for key, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), sorted(kv[0]))):
        for t, rows in relation_rows(group):
            jobs.extend((key, t, batch) for batch in _batches(rows, batch_size))
    return jobs


def run_disjoint(jobs: list[tuple[frozenset[int], T]], fn: Callable[[T], None], workers: int) -> None:
    """Run `fn` on each job's payload on up to `workers` threads, never two jobs that share a partition at
    once; a job starts as soon as a thread is free and its partitions are (the first such job in order). The
    first error stops the jobs not yet started and is raised."""
    cond = threading.Condition()
    pending = list(jobs)
    busy: set[int] = set()
    errors: list[BaseException] = []

    def worker() -> None:
        while True:
            with cond:
                while True:
                    if errors or not pending:
                        return
                    job = next((j for j in pending if not (j[0] & busy)), None)
                    if job is not None:
                        break
                    cond.wait()
                pending.remove(job)
                busy.update(job[0])
            try:
                fn(job[1])
            except BaseException as e:  # noqa: B036 - handed to the caller below
                with cond:
                    errors.append(e)
            finally:
                with cond:
                    busy.difference_update(job[0])
                    cond.notify_all()

    threads = [threading.Thread(target=worker, name=f"lexgraph-neo4j-{i}", daemon=True) for i in range(max(1, workers))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if errors:
        raise errors[0]


def _batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def password_from_env() -> str | None:
    """LEXGRAPH_NEO4J_PASSWORD, or the file LEXGRAPH_NEO4J_PASSWORD_FILE names (never the repository)."""
    pw = os.environ.get("LEXGRAPH_NEO4J_PASSWORD")
    if pw:
        return pw
    f = os.environ.get("LEXGRAPH_NEO4J_PASSWORD_FILE")
    if f:
        try:
            return Path(f).expanduser().read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as e:
            raise StoreError(f"cannot read LEXGRAPH_NEO4J_PASSWORD_FILE={f!r}: {e.strerror}") from None
    return None


def _lookup_params(lk: Lookup) -> dict[str, Any]:
    """A reference's lookup as the parameters of `cypher.CANDIDATES` and the queries built on it."""
    return {"base": lk.base, "named": lk.named, "year": lk.year, "suffix": f"@{lk.year}" if lk.year is not None else None,
            "prefix": lk.prefix, "type_ids": list(lk.type_ids) if lk.type_ids is not None else None}


def _relation_params(types: Collection[str] | None, direction: Direction) -> dict[str, Any]:
    return {"types": None if types is None else sorted(types), "outgoing": direction in ("out", "both"),
            "incoming": direction in ("in", "both")}


def _relation_views(rels: list[Any]) -> list[RelationView]:
    out = [RelationView(r["type"], r["direction"], r["other"], [Evidence.model_validate_json(e) for e in r["evidence"] or []],
                        _effects(r.get("effects"))) for r in rels]
    out.sort(key=lambda r: (r.type, r.direction, r.other))
    return out


class _KeyTaken(StoreError):
    """A write met the uniqueness constraint: another writer created the key first."""


class _BatchFailed(StoreUnavailable):
    """A transaction whose results failed after an earlier error in it (a lost connection the driver retried,
    or a constraint met in a retried attempt): the batch can be written again by the general path."""


class _Recorder:
    """A transaction whose `run` keeps each result (to read its counters once the work is done)."""

    def __init__(self, tx: neo4j.ManagedTransaction) -> None:
        self.tx = tx
        self.results: list[tuple[str, neo4j.Result]] = []

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kw: Any) -> neo4j.Result:
        r = self.tx.run(query, parameters, **kw)
        self.results.append((query, r))
        return r


class _Tally:
    """What one upsert's committed transactions created and deleted: documents, relations, agencies."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.documents = self.relations = self.agencies = 0

    def add(self, counted: list[tuple[str, Any]]) -> None:
        with self.lock:
            for query, c in counted:
                if query == C.MERGE_AGENCIES:
                    self.agencies += c.nodes_created
                else:  # every other node written or deleted is a document
                    self.documents += c.nodes_created - c.nodes_deleted
                self.relations += c.relationships_created - c.relationships_deleted

    def stats(self) -> UpsertStats:
        return UpsertStats(documents=self.documents, relations=self.relations, agencies=self.agencies)


class Neo4jStore(Store):
    """A lexgraph graph in a Neo4j database (a local server, a cluster or Aura)."""

    def __init__(self, uri: str, user: str = "neo4j", password: str | None = None, database: str | None = None,
                 batch_size: int = BATCH, writers: int = WRITERS, connection_timeout: float = 5.0, retry_time: float = 15.0) -> None:
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        self.writers = max(1, writers)
        self.create_new = True  # documents not yet stored are CREATEd with every property (False: all MERGEd)
        self._schema_ready = False
        self._upserting = threading.Lock()  # one upsert at a time (concurrent ones wait their turn)
        self._tally: _Tally | None = None  # the upsert under way's count of what it wrote
        try:
            self.driver = GraphDatabase.driver(
                uri, auth=(user, password or ""), connection_timeout=connection_timeout,
                # transient errors are retried (up to retry_time); a pooled connection idle for 30 s is checked
                # before use, so a server restart or a dropped socket costs a reconnect, not a failed request
                max_transaction_retry_time=retry_time, connection_acquisition_timeout=max(30.0, connection_timeout),
                liveness_check_timeout=30.0,
                user_agent="lexgraph", notifications_min_severity="OFF")
        except (ValueError, nx.ConfigurationError) as e:
            raise StoreError(f"not a usable Neo4j URI {uri!r}: {e}") from None

    @classmethod
    def from_uri(cls, uri: str, *, user: str | None = None, password: str | None = None, database: str | None = None,
                 **kw: Any) -> Neo4jStore:
        """`bolt://host:7687` or `neo4j://host` (a routing URI: a cluster or Aura). Credentials come from the URI's
        user part, else from `user` / `password`, else from LEXGRAPH_NEO4J_USER / LEXGRAPH_NEO4J_PASSWORD(_FILE);
        the database from the URI's path (`neo4j://host/lexgraph`), else `database`, else LEXGRAPH_NEO4J_DATABASE."""
        parts = urlsplit(uri)
        user = unquote(parts.username) if parts.username else user or os.environ.get("LEXGRAPH_NEO4J_USER", "neo4j")
        password = unquote(parts.password) if parts.password else password if password is not None else password_from_env()
        database = parts.path.strip("/") or database or os.environ.get("LEXGRAPH_NEO4J_DATABASE") or None
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        clean = urlunsplit((parts.scheme, netloc, "", parts.query, ""))
        if "batch_size" not in kw and os.environ.get("LEXGRAPH_NEO4J_BATCH", "").isdigit():
            kw["batch_size"] = max(1, int(os.environ["LEXGRAPH_NEO4J_BATCH"]))
        if "writers" not in kw and os.environ.get("LEXGRAPH_NEO4J_WRITERS", "").isdigit():
            kw["writers"] = max(1, int(os.environ["LEXGRAPH_NEO4J_WRITERS"]))
        return cls(clean, user=user, password=password, database=database, **kw)

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    # plumbing ------------------------------------------------------------------------------------------
    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except nx.AuthError:
            raise StoreUnavailable(f"Neo4j at {self.uri} refused the credentials: check LEXGRAPH_NEO4J_USER "
                                   "and LEXGRAPH_NEO4J_PASSWORD (or _PASSWORD_FILE)") from None
        except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as e:
            raise StoreUnavailable(f"Neo4j at {self.uri} cannot be reached ({type(e).__name__}); "
                                   "start it (`lexgraph neo4j start`) or check the URI") from None
        except nx.ConstraintError as e:
            raise _KeyTaken(f"Neo4j error {e.code}: {e.message}") from None
        except nx.ResultFailedError as e:  # a result read after its transaction failed (a retried attempt's error)
            raise _BatchFailed(f"Neo4j at {self.uri}: {e}") from None
        except nx.Neo4jError as e:
            raise StoreError(f"Neo4j error {e.code}: {e.message}") from None
        except nx.DriverError as e:
            raise StoreUnavailable(f"Neo4j at {self.uri}: {e}") from None

    def _read(self, statement: str, /, **params: Any) -> list[neo4j.Record]:
        """A read query as an auto-commit transaction in a read session: routed to a reader (a replica of a
        cluster or Aura) and one round trip, where a managed transaction takes two (BEGIN … COMMIT). Reads are
        idempotent: a connection lost or a transient error (a stale pooled connection after a restart, a
        leader change) is tried once more on a fresh one."""
        with self._errors():
            for attempt in range(2):
                try:
                    with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as s:
                        return list(s.run(statement, params))
                except (nx.SessionExpired, nx.ServiceUnavailable, nx.TransientError):
                    if attempt:
                        raise
            raise AssertionError("unreachable")

    def _write(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        tally = self._tally
        if tally is None:
            with self._errors(), self.driver.session(database=self.database) as s:
                return s.execute_write(work)

        def counted(tx: neo4j.ManagedTransaction) -> tuple[T, list[tuple[str, Any]]]:
            rec = _Recorder(tx)
            value = work(cast(neo4j.ManagedTransaction, rec))
            return value, [(q, r.consume().counters) for q, r in rec.results]

        with self._errors(), self.driver.session(database=self.database) as s:
            value, counters = s.execute_write(counted)
        tally.add(counters)  # only the attempt that committed counts (the driver may have retried the work)
        return value

    def _run_batches(self, query: str, rows: list[dict[str, Any]], **params: Any) -> None:
        for batch in _batches(rows, self.batch_size):
            def work(tx: neo4j.ManagedTransaction, b: list[dict[str, Any]] = batch) -> None:
                tx.run(query, rows=b, **params).consume()

            self._write(work)

    def ensure_schema(self) -> None:
        """Constraints and indexes (idempotent)."""
        if self._schema_ready:
            return
        with self._errors(), self.driver.session(database=self.database) as s:
            for q in C.SCHEMA:
                s.run(q).consume()
            s.run(C.AWAIT_INDEXES).consume()
        self._schema_ready = True

    def ping(self) -> bool:
        self._read(C.PING)
        return True

    def close(self) -> None:
        self.driver.close()

    def clear(self) -> None:
        """Delete every node and relationship (tests and `lexgraph build --fresh`)."""
        with self._errors(), self.driver.session(database=self.database) as s:
            for statement in C.CLEAR:
                s.run(statement).consume()

    # writing -------------------------------------------------------------------------------------------
    def upsert(self, graph: Graph) -> UpsertStats:
        with self._upserting:
            self.ensure_schema()
            self._tally = tally = _Tally()
            try:
                self._write_graph(graph)
                self._reconcile({k.split("@", 1)[0] for k in graph.documents})
            finally:
                self._tally = None
            return tally.stats()

    def _write_graph(self, graph: Graph) -> None:
        agencies = [{"id": a.id, "name": a.name, "name_en": a.name_en} for a in graph.named_agencies().values()]
        self._run_batches(C.MERGE_AGENCIES, agencies)
        claims = {d.key: d.effective_claims for d in graph.documents.values() if d.effective_claims}
        by_type: dict[str, list[Document]] = defaultdict(list)
        for d in graph.documents.values():
            by_type[d.type_id].append(d)
        jobs = [(t, docs[i : i + self.batch_size]) for t, docs in sorted(by_type.items())
                for i in range(0, len(docs), self.batch_size)]

        def write_batch(job: tuple[str, list[Document]]) -> None:
            t, batch = job

            def work(tx: neo4j.ManagedTransaction, fast: bool) -> None:
                # documents not yet stored are created with all their properties (dates of effect folded by the
                # rule of every store); only those already stored are merged and have their dates read back
                known = {r["key"] for r in tx.run(C.EXISTING_KEYS, keys=[d.key for d in batch])}
                if fast:
                    new = [d for d in batch if d.key not in known]
                    if new:
                        tx.run(C.create_documents(t), rows=[_new_doc_props(d) for d in new]).consume()
                    batch_ = [d for d in batch if d.key in known]
                else:
                    batch_ = batch
                if batch_:
                    rows = [_doc_row(d) for d in batch_]
                    for r, d in zip(rows, batch_, strict=True):
                        r["effect"] = None if d.key in known else _effect_row(folded_effective(d))
                    tx.run(C.merge_documents(t), rows=rows, max_evidence=MAX_EVIDENCE, type_id=t).consume()
                    self._merge_effective(tx, {k: claims[k] for k in known if k in claims})

            try:
                self._write(lambda tx: work(tx, fast=self.create_new))
            except (_KeyTaken, _BatchFailed):
                # a concurrent writer created one of these keys after we looked (or the attempt the driver retried
                # after losing its connection met it): merge the whole batch; an error that persists is raised there
                self._write(lambda tx: work(tx, fast=False))

        # batches of documents share no node: each is its own partition
        run_disjoint([(frozenset({i}), job) for i, job in enumerate(jobs)], write_batch, self.writers)
        self._write_parts(graph.parts)
        self._write_relations(graph.relations.values())
        self._write_affects(graph.relations.values(), set(graph.parts))

    def _write_parts(self, parts: dict[str, list[PartNode]], empty: bool = False) -> None:
        """Each document's parts written anew (a few documents a transaction: an act has hundreds of parts); with
        `empty`, a document given no parts has its parts deleted."""
        rows = [{"key": k, "parts": part_rows(k, ps)} for k, ps in sorted(parts.items()) if ps or empty]
        for i in range(0, len(rows), 8):
            self._write(lambda tx, b=rows[i : i + 8]: tx.run(C.WRITE_PARTS, rows=b).consume())  # type: ignore[misc]

    def _write_affects(self, relations: Iterable[Relation], parted: set[str]) -> None:
        """The AFFECTS relationships of the relations written, and those of every relation into a document whose
        parts were written anew (read back from the store: writing parts deleted the AFFECTS to the old ones)."""
        acting = [(r.type, r.source, r.target, r.effects) for r in relations if r.effects]
        if parted:
            for k, views in self.relations_of(sorted(parted), None, "in").items():
                acting.extend((v.type, v.other, k, v.effects) for v in views if v.effects)
        self._run_batches(C.MERGE_AFFECTS, affects_rows(acting))

    @staticmethod
    def _merge_effective(tx: neo4j.ManagedTransaction, claims: dict[str, list[EffectiveClaim]]) -> None:
        """Dates of effect: read the documents just merged, fold the new statements in with the same rule as
        every store (`merge_effective`), write them back — one transaction with the documents themselves."""
        if not claims:
            return
        rows = []
        for rec in tx.run(C.GET_DOCUMENTS, keys=sorted(claims)):
            d = _document(rec["d"])
            merge_effective(d, claims[d.key])
            rows.append({"key": d.key, **_effect_row(d)})
        tx.run(C.SET_EFFECTIVE, rows=rows).consume()

    def _write_relations(self, relations: Iterable[Relation]) -> None:
        """MERGE relationships in batches, one transaction each; with several writers, concurrent batches never
        share a node (`relation_jobs`, `run_disjoint`), so they do not wait on each other's locks."""
        def write(job: tuple[str, list[dict[str, Any]]]) -> None:
            t, rows = job
            self._write(lambda tx: tx.run(C.merge_relations(t), rows=rows, max_evidence=MAX_EVIDENCE,
                                          max_effects=MAX_EFFECTS).consume())

        jobs = relation_jobs(relations, 2 * self.writers if self.writers > 1 else 1, self.batch_size)
        run_disjoint([(parts, (t, rows)) for parts, t, rows in jobs], write, self.writers)

    def after_import(self, bases: set[str]) -> None:
        """After `neo4j-admin database import` of `write_import_files`: the constraints and indexes (the importer
        makes none), then the same reconciliation of undated numbers as after an `upsert`."""
        self.ensure_schema()
        self._reconcile(bases)

    def _reconcile(self, bases: set[str]) -> None:
        """An undated node '749/QD-TTG' merges into the one dated document with that number, once known."""
        if not bases:
            return
        pairs = [(r["old"], r["new"]) for r in self._read(C.UNDATED_TWINS, bases=sorted(bases))]
        for old, new in pairs:
            def work(tx: neo4j.ManagedTransaction, o: str = old, n: str = new) -> None:
                self._merge_node(tx, o, n)

            self._write(work)

    def _merge_node(self, tx: neo4j.ManagedTransaction, old: str, new: str) -> None:
        rec = tx.run(C.GET_DOCUMENTS, keys=[old]).single()
        if rec is None:
            return
        doc = _document(rec["d"]).model_copy(update={"key": new, "date": None, "year": None})
        tx.run(C.merge_documents(doc.type_id), rows=[_doc_row(doc)], max_evidence=MAX_EVIDENCE,
               type_id=doc.type_id).consume()
        self._merge_effective(tx, {new: doc.effective_claims} if doc.effective_claims else {})
        moved: list[Relation] = []
        rec = tx.run(C.RELATIONS_OF, keys=[old], **_relation_params(None, "both")).single()
        for r in rec["rows"][0]["rels"] if rec is not None and rec["rows"] else []:
            ev = [Evidence.model_validate_json(e) for e in r["evidence"] or []]
            s, t = (new, r["other"]) if r["direction"] == "out" else (r["other"], new)
            moved.append(Relation(type=r["type"], source=s, target=t, evidence=ev, effects=_effects(r.get("effects"))))
        old_parts = [_part_node(p["p"]) for p in tx.run(C.PARTS, key=old)]
        tx.run(C.DELETE_DOCUMENT, key=old).consume()
        if old_parts and not tx.run(C.PARTS, key=new).peek():  # the dated document takes them unless it has its own
            tx.run(C.WRITE_PARTS, rows=[{"key": new, "parts": part_rows(new, old_parts)}]).consume()
        for t, rows in relation_rows(moved):
            tx.run(C.merge_relations(t), rows=rows, max_evidence=MAX_EVIDENCE, max_effects=MAX_EFFECTS).consume()
        tx.run(C.MERGE_AFFECTS, rows=affects_rows((r.type, r.source, r.target, r.effects) for r in moved)).consume()

    # reading -------------------------------------------------------------------------------------------
    def keys_with_base(self, base: str) -> list[str]:
        return [r["key"] for r in self._read(C.KEYS_WITH_BASE, base=base)]

    def documents_with_base(self, base: str, year: int | None = None) -> list[Document]:
        return self.candidates(Lookup("", base=base, year=year))

    def candidates(self, lk: Lookup) -> list[Document]:
        return [_document(r["d"]) for r in self._read(C.CANDIDATES, **_lookup_params(lk))]

    def keys_named(self, name_base: str) -> list[str]:
        return [r["key"] for r in self._read(C.KEYS_NAMED, base=name_base)]

    def get(self, key: str) -> Document | None:
        recs = self._read(C.GET_DOCUMENTS, keys=[key])
        return _document(recs[0]["d"]) if recs else None

    def parts(self, key: str) -> list[PartNode]:
        return [_part_node(r["p"]) for r in self._read(C.PARTS, key=key)]

    def briefs(self, keys: list[str]) -> dict[str, Document]:
        """Projected in the query: the evidence sentences never leave the server."""
        return {d.key: d for d in (_document(x) for x in self._read(C.GET_BRIEFS, keys=keys)[0]["docs"])}

    def relations(self, key: str, type: str | None = None, direction: Direction = "both") -> list[RelationView]:
        return self.relations_of([key], None if type is None else [type], direction)[key]

    def relations_of(self, keys: Iterable[str], types: Collection[str] | None = None,
                     direction: Direction = "both") -> dict[str, list[RelationView]]:
        keys = list(dict.fromkeys(keys))
        rows = self._read(C.RELATIONS_OF, keys=keys, **_relation_params(types, direction))[0]["rows"]
        found = {row["key"]: _relation_views(row["rels"]) for row in rows}
        return {k: found.get(k, []) for k in keys}

    def document_relations(self, ref: str, types: Collection[str] | None = None,
                           direction: Direction = "both") -> DocumentRelations:
        """One round trip: the candidates for the reference, each with its relations and the briefs of the documents
        they name; the reference is resolved among them by the rule of every store (`Store._choose`)."""
        lk = self._lookup(ref)
        recs = self._read(C.DOCUMENT_RELATIONS, **_lookup_params(lk), **_relation_params(types, direction))
        doc = self._choose(lk, [_document(r["d"]) for r in recs])
        rec = next(r for r in recs if r["d"]["key"] == doc.key)
        return DocumentRelations(doc, _relation_views(rec["rels"]), {d.key: d for d in map(_document, rec["others"])})

    def _chain(self, key: str, direction: Literal["in", "out"]) -> list[ChainStep]:
        """The same walk as every store (`follow_chain`), over the reachable REPLACES edges fetched at once."""
        return self._walk(key, direction, self._read(C.REPLACES_REACHABLE[direction], key=key))

    @staticmethod
    def _walk(key: str, direction: Literal["in", "out"], reachable: Iterable[Any]) -> list[ChainStep]:
        docs: dict[str, Document] = {}
        edges: dict[str, list[RelationView]] = defaultdict(list)
        for r in reachable:
            s, t = _document(r["s"]), _document(r["t"])
            docs[s.key], docs[t.key] = s, t
            ev = [Evidence.model_validate_json(e) for e in r["evidence"] or []]
            if direction == "in":
                edges[t.key].append(RelationView("REPLACES", "in", s.key, ev))
            else:
                edges[s.key].append(RelationView("REPLACES", "out", t.key, ev))
        for rels in edges.values():
            rels.sort(key=lambda r: (r.type, r.direction, r.other))
        return follow_chain(key, direction, lambda k: edges.get(k, []), docs.get)

    def document_chain(self, ref: str, direction: Literal["in", "out"]) -> tuple[Document, list[ChainStep]]:
        """One round trip: the candidates for the reference with their reachable REPLACES edges; the reference is
        resolved among them by the rule of every store (`Store._choose`)."""
        lk = self._lookup(ref)
        recs = self._read(C.CANDIDATE_CHAINS[direction], **_lookup_params(lk))
        doc = self._choose(lk, [_document(r["d"]) for r in recs])
        edges = next(r["edges"] for r in recs if r["d"]["key"] == doc.key)
        return doc, self._walk(doc.key, direction, edges)

    def documents(self, type: str | None = None, issuer: str | None = None, year: int | None = None,
                  q: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Document], int]:
        tokens = fold_lower(q).split() if q else []
        type_ids = None
        if type:
            tf = fold_lower(type)
            type_ids = [t.id for t in vocabulary().doc_types.values() if tf in (fold_lower(t.name), fold_lower(t.id))]
        rec = self._read(C.find_documents(len(tokens)), offset=max(0, offset), limit=max(0, limit), type_ids=type_ids,
                         issuer=issuer, year=year, phrase=" ".join(tokens), **{f"t{i}": t for i, t in enumerate(tokens)})[0]
        return [_document(x) for x in rec["docs"]], rec["n"]

    def agencies(self) -> list[tuple[Agency, int]]:
        return [(Agency(id=r["a"]["id"], name=r["a"]["name"], name_en=r["a"]["name_en"]), r["n"])
                for r in self._read(C.AGENCIES)]

    def counts(self) -> dict[str, int]:
        out = {"documents": self._read(C.COUNT_DOCUMENTS)[0]["n"], "agencies": self._read(C.COUNT_AGENCIES)[0]["n"]}
        by_type = {t: self._read(C.count_relations(t))[0]["n"] for t in C.relation_types()}
        out["relations"] = sum(by_type.values())
        out.update({f"rel_{k}": n for k, n in sorted(by_type.items()) if n})
        return out

    def all_keys(self) -> list[str]:
        return [r["key"] for r in self._read(C.ALL_KEYS)]

    def to_graph(self, page: int = 20_000) -> Graph:
        g = Graph()
        skip = 0
        while True:
            recs = self._read(C.ALL_DOCUMENTS, skip=skip, limit=page)
            for r in recs:
                d = _document(r["d"])
                g.documents[d.key] = d
            if len(recs) < page:
                break
            skip += page
        for r in self._read(C.ALL_AGENCIES):
            g.agencies[r["a"]["id"]] = Agency(id=r["a"]["id"], name=r["a"]["name"], name_en=r["a"]["name_en"])
        skip = 0
        while True:
            recs = self._read(C.ALL_RELATIONS, skip=skip, limit=page)
            for r in recs:
                rel = Relation(type=r["type"], source=r["source"], target=r["target"],
                               evidence=[Evidence.model_validate_json(e) for e in r["evidence"] or []],
                               effects=_effects(r["effects"]))
                g.relations[Graph.rel_key(rel.type, rel.source, rel.target)] = rel
            if len(recs) < page:
                break
            skip += page
        for r in self._read(C.ALL_PARTS):
            g.parts.setdefault(r["p"]["doc"], []).append(_part_node(r["p"]))
        return g

    def search_titles(self, query: str, limit: int = 20) -> list[tuple[str, float]]:
        """Full-text search of titles and numbers (Lucene syntax escaped: the query is words only)."""
        # letters and digits only, each word quoted: no Lucene operator (OR, *, ~, [ …) survives
        words = "".join(ch if ch.isalnum() else " " for ch in query[:1000]).lower().split()
        if not words:
            return []
        text = " ".join(f'"{w}"' for w in words[:50])
        return [(r["key"], r["score"]) for r in self._read(C.TITLE_SEARCH, text=text, limit=limit)]

    # the kept sources (graph.incremental) ------------------------------------------------------------------
    def kept_sources(self) -> dict[str, bytes] | None:
        kept = {r["key"]: bytes(r["data"]) for r in self._read(C.KEPT_SOURCES)}
        return kept if kept or not self._read(C.ANY_DOCUMENT) else None

    def replace_graph(self, graph: Graph, sources: dict[str, bytes]) -> UpsertStats:
        """Keep `sources`, then make the stored graph equal to `graph` as the embedded store would hold it (the same
        undated numbers merged into their one dated document): what differs from it is deleted, what is missing or
        different is written anew. Every step is idempotent and the sources are written first, so a build killed at
        any point and run again (or any later build) ends with the same graph as one never interrupted."""
        from .memory import MemoryStore

        self.ensure_schema()
        with self._errors(), self.driver.session(database=self.database) as s:
            s.run(C.SOURCE_SCHEMA).consume()
        rows = [{"key": k, "data": v} for k, v in sorted(sources.items())]
        for i in range(0, len(rows), 16):  # a source is tens of kilobytes: small transactions
            self._write(lambda tx, b=rows[i : i + 16]: tx.run(C.KEEP_SOURCES, rows=b).consume())  # type: ignore[misc]
        target = MemoryStore()
        target.replace_graph(graph, {})
        want = target.to_graph()
        have = self.to_graph()
        want_docs = {k: _stored_props(d) for k, d in want.documents.items()}
        have_docs = {k: _stored_props(d) for k, d in have.documents.items()}
        stale_docs = {k for k, p in have_docs.items() if want_docs.get(k) != p}
        ev = EvidenceJson()
        want_rels = {k: (ev(r.evidence), _effects_json(r.effects)) for k, r in want.relations.items()}
        have_rels = {k: (ev(r.evidence), _effects_json(r.effects)) for k, r in have.relations.items()}
        stale_rels = [r for k, r in have.relations.items() if want_rels.get(k) != have_rels[k]
                      and r.source not in stale_docs and r.target not in stale_docs]
        kept_rels = {k for k, r in have.relations.items() if want_rels.get(k) == have_rels[k]
                     and r.source not in stale_docs and r.target not in stale_docs}
        for t, rel_rows in relation_rows(stale_rels):
            self._run_batches(C.delete_relations(t), [{"source": r["source"], "target": r["target"]} for r in rel_rows])
        self._run_batches(C.DELETE_DOCUMENTS, [{"key": k} for k in sorted(stale_docs)])
        agencies = want.named_agencies()
        self._run_batches(C.DELETE_AGENCIES, [{"id": a} for a in sorted(set(have.agencies) - set(agencies))])
        self._run_batches(C.MERGE_AGENCIES, [{"id": a.id, "name": a.name, "name_en": a.name_en}
                                             for a in agencies.values()])
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for k in sorted(want_docs):
            if k not in have_docs or k in stale_docs:
                by_type[want.documents[k].type_id].append(want_docs[k])
        for t, docs in sorted(by_type.items()):
            self._run_batches(C.create_documents(t), docs)
        parted = {k for k in want_docs if want.parts.get(k, []) != have.parts.get(k, []) or k in stale_docs}
        self._write_parts({k: want.parts.get(k, []) for k in parted}, empty=True)
        written = [r for k, r in want.relations.items() if k not in kept_rels]
        self._write_relations(written)
        self._write_affects(written, {k for k in parted if want.parts.get(k)})
        return UpsertStats(
            documents=len(want_docs.keys() - have_docs.keys()), relations=len(want_rels.keys() - have_rels.keys()),
            agencies=len(agencies.keys() - have.agencies.keys()),
            changed_documents=len(stale_docs & want_docs.keys()), removed_documents=len(have_docs.keys() - want_docs.keys()),
            changed_relations=sum(1 for k in want_rels.keys() & have_rels.keys() if want_rels[k] != have_rels[k]),
            removed_relations=len(have_rels.keys() - want_rels.keys()))


def _stored_props(d: Document) -> dict[str, Any]:
    """Every property of a document node as `replace_graph` writes it: `_new_doc_props`, with the dates of effect as
    the document holds them (already folded by the store it comes from), so that a node read back compares equal."""
    props = _new_doc_props(d)
    for k in ("effective", "expires"):
        props.pop(k, None)
        if (v := getattr(d, k)) is not None:
            props[k] = v
    props["effective_claims"] = [_claim_json(c) for c in d.effective_claims]
    props["effective_conflicts"] = [_claim_json(c) for c in d.effective_conflicts]
    return props
