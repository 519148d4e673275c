"""A read-only SPARQL engine over the exported RDF, with a row limit and a time limit.

Queries run in a separate worker process that holds the graph (rdflib), so a query that runs too long is
stopped by ending the process — a thread could not be stopped — and a fresh worker is started. The worker reads
the graph from an N-Triples file (`load_file`: the service's export of the graph's version, so the service never
holds the triples itself) and runs with a bounded address space (`memory`), like the PDF reader (graph/clean.py):
a query that would need more fails in the worker, not in the service.
Only SELECT, ASK, CONSTRUCT and DESCRIBE are read; SERVICE and FROM (which would make rdflib fetch other
graphs from the web) are refused, and so is every update.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import resource
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from .errors import LexgraphError

MAX_QUERY = 20_000
_PARSE_LOCK = threading.Lock()


class SparqlError(LexgraphError):
    """A query that cannot be run: the message says why."""


class SparqlTimeout(LexgraphError):
    """The query ran past the time limit and was stopped."""


@dataclass
class SparqlResult:
    kind: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    body: bytes
    media_type: str
    truncated: bool = False


WARM_QUERY = "ASK { ?s ?p ?o }"


def check_query(query: str) -> str:
    """Parse a query and refuse what a read-only public endpoint must not run. Returns its form."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import parser

    if not query or not query.strip():
        raise SparqlError("empty query")
    if len(query) > MAX_QUERY:
        raise SparqlError(f"queries are limited to {MAX_QUERY} characters")
    try:
        with _PARSE_LOCK:  # rdflib's pyparsing grammar is not thread-safe: two parses at once fail with TypeError
            parsed = parser.parseQuery(query)
    except ParseException as e:
        raise SparqlError(f"not a SPARQL query (updates are not accepted): {str(e)[:200]}") from None
    except Exception as e:  # noqa: BLE001 - rdflib raises various errors on odd input
        raise SparqlError(f"not a SPARQL query: {type(e).__name__}") from None
    tree = repr(parsed)
    if "ServiceGraphPattern" in tree:
        raise SparqlError("SERVICE is not allowed: this endpoint answers from its own graph only")
    if "datasetClause" in tree:
        raise SparqlError("FROM / FROM NAMED are not allowed: this endpoint answers from its own graph only")
    name = type(parsed[1]).__name__ if len(parsed) > 1 else ""
    form = getattr(parsed[1], "name", name)
    for kind in ("Select", "Ask", "Construct", "Describe"):
        if kind.lower() in str(form).lower():
            return kind.upper()
    raise SparqlError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are accepted")


def _term(t: Any) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 JSON results format."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    if isinstance(t, Literal):
        out = {"type": "literal", "value": str(t)}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype:
            out["datatype"] = str(t.datatype)
        return out
    return {"type": "literal", "value": str(t)}


def _worker(conn: Connection, memory: int | None = None) -> None:  # runs in the child process
    if memory:
        try:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        except (ValueError, OSError):  # a lower hard limit already: keep it
            pass
    from rdflib import Graph

    graph = Graph()
    # The SPARQL machinery's first use (imports and grammar, ~0.5 s idle, seconds on a busy machine) is paid here,
    # before the worker reports the graph loaded, not by the first query under its time limit.
    graph.query(WARM_QUERY)
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg[0] in ("load", "load_file"):
            graph = Graph()
            try:
                if msg[0] == "load":
                    graph.parse(data=msg[1], format="nt")
                else:
                    graph.parse(msg[1], format="nt")
            except MemoryError:
                graph = Graph()
                conn.send(("error", "the graph does not fit in the query worker's memory limit"))
                continue
            conn.send(("ok", len(graph)))
        elif msg[0] == "query":
            _, query, limit = msg
            try:
                res = graph.query(query)
                if res.type == "SELECT":
                    rows = []
                    truncated = False
                    for i, row in enumerate(res):
                        if i >= limit:
                            truncated = True
                            break
                        rows.append(row)
                    names = [str(v) for v in res.vars or []]
                    body = {"head": {"vars": names},
                            "results": {"bindings": [{n: _term(t) for n, t in zip(names, r, strict=False)  # type: ignore[arg-type]
                                                      if t is not None} for r in rows]}}
                    conn.send(("ok", json.dumps(body, ensure_ascii=False).encode(), "application/sparql-results+json",
                               truncated))
                elif res.type == "ASK":
                    conn.send(("ok", res.serialize(format="json"), "application/sparql-results+json", False))
                else:
                    g = res.graph
                    truncated = g is not None and len(g) > limit
                    if g is not None and truncated:
                        small = Graph()
                        for i, t in enumerate(g):
                            if i >= limit:
                                break
                            small.add(t)
                        g = small
                    conn.send(("ok", g.serialize(format="turtle").encode() if g is not None else b"", "text/turtle",
                               truncated))
            except MemoryError:
                conn.send(("error", "the query needs more memory than the query worker may use; narrow it"))
            except Exception as e:  # noqa: BLE001 - report every failure to the caller
                conn.send(("error", f"{type(e).__name__}: {str(e)[:300]}"))


class SparqlEngine:
    """One worker process per engine; `load_file` (or `load`) gives it the graph as N-Triples, `query` asks it.

    The caller serialises the use of one engine (the service hands each engine to one request at a time); the
    lock only keeps a close from racing a query."""

    LOAD_SECONDS = 600.0  # reading the graph into a fresh worker (the Gazette corpus: about 10 s)

    def __init__(self, row_limit: int = 1000, time_limit: float = 10.0, memory: int | None = None) -> None:
        self.row_limit = row_limit
        self.time_limit = time_limit
        self.memory = memory
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Connection | None = None
        self._data: bytes | None = None
        self._file: str | None = None
        self.revision: object = None

    @property
    def alive(self) -> bool:
        return self._conn is not None and self._proc is not None and self._proc.is_alive()

    def worker_pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _start(self) -> Connection:
        ctx = mp.get_context("spawn")
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_worker, args=(child, self.memory), daemon=True, name="lexgraph-sparql")
        self._proc.start()
        child.close()
        self._conn = parent
        if self._data is not None or self._file is not None:
            parent.send(("load", self._data) if self._file is None else ("load_file", self._file))
            try:
                if not parent.poll(self.LOAD_SECONDS):
                    self._stop()
                    raise SparqlTimeout("loading the graph into the SPARQL worker took too long")
                msg = parent.recv()
            except (EOFError, OSError):
                self._stop()
                raise SparqlTimeout("the query worker stopped while loading the graph (out of memory?)") from None
            if msg[0] == "error":
                self._stop()
                raise SparqlTimeout(msg[1])
        return parent

    def _stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc, self._conn = None, None

    def load(self, ntriples: bytes, revision: object) -> None:
        with self._lock:
            self._data, self._file = ntriples, None
            self.revision = revision
            self._stop()
            self._start()

    def load_file(self, path: str, revision: object) -> None:
        """A fresh worker reading the graph from an N-Triples file (blocks until it has)."""
        with self._lock:
            self._data, self._file = None, path
            self._stop()
            self._start()
            self.revision = revision

    def restart(self) -> None:
        """A fresh worker with the graph last loaded (after a query was stopped)."""
        with self._lock:
            self._stop()
            self._start()

    def query(self, query: str, limit: int | None = None, timeout: float | None = None) -> SparqlResult:
        """Run a checked query; `timeout` (default the time limit) is what is left of the caller's time. A query
        that runs past it is stopped with its worker (`alive` is then False: `restart` it)."""
        kind = check_query(query)
        limit = min(limit or self.row_limit, self.row_limit)
        timeout = self.time_limit if timeout is None else max(0.0, timeout)
        with self._lock:
            conn = self._conn if self.alive else self._start()
            assert conn is not None
            try:
                conn.send(("query", query, limit))
                if not conn.poll(timeout):
                    self._stop()
                    raise SparqlTimeout(f"the query ran past the {self.time_limit:g} s limit and was stopped")
                msg = conn.recv()
            except (EOFError, OSError):
                self._stop()
                raise SparqlTimeout("the query worker stopped (out of memory?); try a smaller query") from None
        if msg[0] == "error":
            raise SparqlError(msg[1])
        _, body, media, truncated = msg
        return SparqlResult(kind, body if isinstance(body, bytes) else body.encode(), media, truncated)

    def close(self) -> None:
        with self._lock:
            self._stop()
