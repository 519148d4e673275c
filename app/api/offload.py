"""Exports and SPARQL off the request path, bounded, so that /health and the lookups never wait behind them.

Exports (`Exports`): an export is made once per version of the graph and format, written to a file, and served
from it (an ETag; If-None-Match gets a 304). The version of an embedded store is its file as saved (device,
inode, size, modification time: every save writes a new file); of Neo4j (or a store without a file) its
`revision()`. The files are kept beside the store file (`<store>.exports/`), else in LEXGRAPH_EXPORT_DIR, else
in a temporary folder removed when the service stops; older versions are removed once a newer one is written.
At most `export_concurrency` exports are made at once (default 1); a request for another gets a 503 with
Retry-After, a request for one being made waits for it (holding no thread). An export of a store with a file,
or of the Neo4j the service was configured with, is made by a child process that opens the store itself, with
an address space of `export_memory_mb` and `export_time_limit` seconds: the service's own memory does not grow
with it. A store without a file (one a program hands to `create_app`) is exported in the exporter's own thread,
one at a time.

SPARQL (`Sparql`): `sparql_concurrency` worker processes (default 1), each holding the graph read from the
N-Triples export of the graph's version and capped at `sparql_memory_mb` of address space; `sparql_queue`
queries may wait for one (default 8), more get a 429 with Retry-After. A query is checked first (an invalid one
is refused at once, whatever the graph's state); the graph is reloaded only for a valid query that finds the
workers behind the store, in the background. The time limit counts from the query's arrival: a query still
waiting for a worker, or for the graph to load, when it runs out gets a 503 with Retry-After; one that runs past
it is stopped with its worker (408), and a fresh worker is started in the background.

Both use their own threads (never the thread pool the lookups run in): blocking waits on child processes only.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import hashlib
import logging
import math
import multiprocessing as mp
import os
import resource
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool

from graph.errors import LexgraphError, StoreError
from graph.sparql import WARM_QUERY, SparqlEngine, SparqlError, SparqlResult, check_query
from graph.stores import redact_uri
from graph.stores.base import Store

from .settings import Settings

log = logging.getLogger("lexgraph.api")
EXPORT_VERSION = "1"  # part of every export's version: change it when graph/export.py writes something else
RETRY_FAILED_LOAD = 30  # seconds before a load of the graph for SPARQL that failed is tried again
EXTENSIONS = {"ttl": "ttl", "jsonld": "jsonld", "nt": "nt", "graphml": "graphml", "csv": "zip"}


class Busy(LexgraphError):
    """The service refuses this now: 429 (SPARQL's queue is full) or 503 (all export slots taken, or a query's
    time ran out before it could run); retry after `retry_after` seconds."""

    def __init__(self, status: int, detail: str, retry_after: float) -> None:
        super().__init__(detail)
        self.status = status
        self.retry_after = max(1, math.ceil(retry_after))


class ExportFailed(StoreError):
    """An export could not be made (out of its memory or time, or the store failed)."""


@dataclass(frozen=True)
class Source:
    """What a child process opens to read the graph: a store file, or a Neo4j URI with its credentials (sent
    through the process's pipe, never in its environment or arguments)."""

    kind: str  # "file" or "neo4j"
    location: str
    user: str | None = None
    password: str | None = None
    database: str | None = None


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def file_version(path: Path) -> str:
    """The version of a store file as saved: changes with every save (each writes a new file)."""
    st = path.stat()
    return _digest(EXPORT_VERSION, path.resolve(), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _limit_memory(memory: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ValueError, OSError):  # a lower hard limit already: keep it
        pass


def _write_export(g: Any, fmt: str, base: str, target: Path) -> None:
    from graph.export import export_to_file

    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        export_to_file(g, fmt, base, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _export_child(source: Source, fmt: str, base: str, folder: str, memory: int, send: Connection) -> None:
    """In the child: open the store, make the export, write it as `<version>-<base>.<ext>` in `folder`; send
    ("ok", version) or ("error", why)."""
    _limit_memory(memory)
    try:
        if source.kind == "file":
            from graph.stores.memory import MemoryStore

            path = Path(source.location)
            for _ in range(5):  # the file this version names, not one saved while it was read
                before = file_version(path)
                store: Store = MemoryStore(path)
                if file_version(path) == before:
                    break
            version = before
        else:
            from graph.stores import open_store

            store = open_store(source.location, user=source.user, password=source.password, database=source.database)
            version = revision_version(source.location, store.revision())
        try:
            g = store.to_graph()
        finally:
            store.close()
        _write_export(g, fmt, base, Path(folder) / export_name(version, fmt, base))
        send.send(("ok", version))
    except MemoryError:
        send.send(("error", "the export needs more memory than LEXGRAPH_EXPORT_MEMORY_MB allows"))
    except Exception as e:  # noqa: BLE001 - every failure goes back to the service, as one line
        send.send(("error", f"{type(e).__name__}: {str(e)[:300]}"))


def revision_version(identity: str, revision: object) -> str:
    return _digest(EXPORT_VERSION, redact_uri(identity), repr(revision))


def export_name(version: str, fmt: str, base: str) -> str:
    return f"{version}-{_digest(base)[:8]}.{EXTENSIONS[fmt]}"


class Exports:
    """Exports made once per version of the graph, a bounded number at once, off the request path."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.base = settings.base_iri
        self.limit = settings.export_concurrency
        self.memory = settings.export_memory_mb << 20
        self.time_limit = settings.export_time_limit
        self._identity = f"memory:{id(self)}:{time.time_ns()}"  # a store without a file: versions of this process
        path = getattr(store, "path", None)
        from graph.stores.memory import MemoryStore

        self.path: Path | None = Path(path) if isinstance(store, MemoryStore) and path is not None else None
        self.source: Source | None = None
        if settings.uses_neo4j and not getattr(store, "in_memory", False) and hasattr(store, "uri"):
            self._identity = settings.store
            self.source = Source("neo4j", settings.store, settings.neo4j_user, settings.neo4j_password_value(),
                                 settings.neo4j_database)
        self._temporary: Path | None = None
        if settings.export_dir is not None:
            self.folder = Path(settings.export_dir)
        elif self.path is not None:
            self.folder = self.path.with_name(self.path.name + ".exports")
        else:
            self._temporary = self.folder = Path(tempfile.mkdtemp(prefix="lexgraph-exports-"))
        self._executor = ThreadPoolExecutor(self.limit, thread_name_prefix="lexgraph-export")
        self._jobs: dict[tuple[str, str], asyncio.Future[str]] = {}
        self._running: dict[tuple[str, str], float] = {}
        self._waiters: collections.deque[asyncio.Future[None]] = collections.deque()
        self._seconds: dict[str, float] = {}

    # versions --------------------------------------------------------------------------------------------
    async def version(self) -> str:
        """The graph's version now (a stat of the store file; Neo4j's revision is a query, run in a thread)."""
        if self.path is not None and self.path.exists():
            return file_version(self.path)
        if getattr(self.store, "in_memory", False):
            return revision_version(self._identity, self.store.revision())
        return revision_version(self._identity, await run_in_threadpool(self.store.revision))

    def etag(self, version: str, fmt: str) -> str:
        # weak: the same version written again gives the same graph, not necessarily the same bytes
        return f'W/"{version}-{_digest(self.base)[:8]}-{fmt}"'

    def file(self, version: str, fmt: str) -> Path:
        return self.folder / export_name(version, fmt, self.base)

    # making them -----------------------------------------------------------------------------------------
    def retry_after(self) -> float:
        now = time.monotonic()
        left = [self._seconds.get(fmt, 10.0) - (now - t0) for (_, fmt), t0 in self._running.items()]
        return max(1.0, min(left) if left else 5.0)

    async def get(self, fmt: str, version: str | None = None, wait: bool = False) -> tuple[Path, str]:
        """The file of the export of the graph's current version (or `version`), and the version it holds (a newer
        one when the store changed meanwhile). Made if needed; with all slots taken: Busy(503), or, with `wait`
        (the SPARQL loader), waits for a slot."""
        version = version or await self.version()
        path = self.file(version, fmt)
        if path.exists():
            return path, version
        key = (version, fmt)
        while (job := self._jobs.get(key)) is None and len(self._running) >= self.limit:
            if not wait:
                raise Busy(503, f"{self.limit} export(s) are being made; this one can be asked again shortly "
                                "(each is made once per version of the graph, then served from a file).",
                           self.retry_after())
            slot: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiters.append(slot)
            await slot
        if job is None:
            job = self._jobs[key] = asyncio.get_running_loop().create_future()
            job.add_done_callback(lambda f: f.cancelled() or f.exception())  # retrieved, even with no one waiting
            self._running[key] = time.monotonic()
            asyncio.get_running_loop().create_task(self._make(key, job))
        made = await asyncio.shield(job)
        return self.file(made, fmt), made

    async def _make(self, key: tuple[str, str], job: asyncio.Future[str]) -> None:
        version, fmt = key
        t0 = time.monotonic()
        try:
            made = await asyncio.get_running_loop().run_in_executor(self._executor, self._make_blocking, version, fmt)
            self._seconds[fmt] = time.monotonic() - t0
            job.set_result(made)
        except Exception as e:  # noqa: BLE001 - to every request waiting for it
            log.error("export %s failed: %s", fmt, e)
            job.set_exception(e if isinstance(e, LexgraphError) else ExportFailed(f"the export failed: {e}"))
        finally:
            self._jobs.pop(key, None)
            self._running.pop(key, None)
            while self._waiters:
                w = self._waiters.popleft()
                if not w.done():
                    w.set_result(None)
                    break

    def _make_blocking(self, version: str, fmt: str) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.path is not None and self.path.exists():
            made = self._in_child(Source("file", str(self.path)), fmt)
        elif self.source is not None:
            made = self._in_child(self.source, fmt)
        else:  # a store without a file: here, in this thread, one at a time
            with getattr(self.store, "lock", contextlib.nullcontext()):
                made = revision_version(self._identity, self.store.revision())
                g = self.store.to_graph()
            target = self.file(made, fmt)
            if not target.exists():
                _write_export(g, fmt, self.base, target)
            del g
        self._prune(made, fmt)
        return made

    def _in_child(self, source: Source, fmt: str) -> str:
        ctx = mp.get_context("spawn")
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_export_child, args=(source, fmt, self.base, str(self.folder), self.memory, send),
                            daemon=True, name="lexgraph-export")
        child.start()
        send.close()
        try:
            if not receive.poll(self.time_limit):
                raise ExportFailed(f"the {fmt} export took longer than {self.time_limit:g} s and was stopped")
            status, value = receive.recv()
        except (EOFError, OSError):
            raise ExportFailed(f"the process making the {fmt} export stopped (out of memory?)") from None
        finally:
            if child.is_alive():
                child.kill()
            child.join(5)
            receive.close()
        if status != "ok":
            raise ExportFailed(f"the {fmt} export could not be made: {value}")
        return str(value)

    def _prune(self, version: str, fmt: str) -> None:
        """Remove the exports of older versions in this format (a download under way keeps its open file)."""
        keep = export_name(version, fmt, self.base)
        for p in self.folder.glob(f"*.{EXTENSIONS[fmt]}"):
            if p.name != keep:
                p.unlink(missing_ok=True)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)


class Sparql:
    """Bounded SPARQL: worker processes handed to one query at a time, a bounded queue, the wait in the limit."""

    def __init__(self, settings: Settings, exports: Exports) -> None:
        self.exports = exports
        self.time_limit = settings.sparql_time_limit
        self.capacity = settings.sparql_concurrency + settings.sparql_queue
        self.engines = [SparqlEngine(settings.sparql_row_limit, settings.sparql_time_limit,
                                     settings.sparql_memory_mb << 20) for _ in range(settings.sparql_concurrency)]
        self._idle: list[SparqlEngine] = list(self.engines)
        self._waiters: collections.deque[asyncio.Future[SparqlEngine]] = collections.deque()
        self._executor = ThreadPoolExecutor(len(self.engines) + 1, thread_name_prefix="lexgraph-sparql")
        self._check = ThreadPoolExecutor(1, thread_name_prefix="lexgraph-sparql-check")
        self._check.submit(check_query, WARM_QUERY)  # the parser's grammar is built now, not in a query's time
        self._admitted = 0
        self._loading: asyncio.Task[None] | None = None
        self._loading_version: str | None = None
        self._load_seconds = 10.0
        self._load_error: str | None = None
        self._failed_at = 0.0
        self.revision: str | None = None  # the version of the graph the workers hold

    def worker_pid(self) -> int | None:
        return self.engines[0].worker_pid()

    # engines ---------------------------------------------------------------------------------------------
    def _take(self) -> asyncio.Future[SparqlEngine]:
        fut: asyncio.Future[SparqlEngine] = asyncio.get_running_loop().create_future()
        if self._idle:
            fut.set_result(self._idle.pop())
        else:
            self._waiters.append(fut)
        return fut

    def _give(self, engine: SparqlEngine) -> None:
        while self._waiters:
            w = self._waiters.popleft()
            if not w.done():
                w.set_result(engine)
                return
        self._idle.append(engine)

    def _release(self, engine: SparqlEngine) -> None:
        """An engine a query is done with: free again, or (its worker stopped) once a fresh one has the graph."""
        if engine.alive:
            self._give(engine)
        else:
            self._restart_then_give(engine)

    def _restart_then_give(self, engine: SparqlEngine) -> None:
        """A stopped worker is started again with the graph in the background; the engine is free after."""
        async def restart() -> None:
            try:
                await asyncio.get_running_loop().run_in_executor(self._executor, engine.restart)
            except Exception as e:  # noqa: BLE001 - the next query on it starts it again
                log.warning("restarting the SPARQL worker failed: %s", e)
            finally:
                self._give(engine)

        asyncio.get_running_loop().create_task(restart())

    # loading ---------------------------------------------------------------------------------------------
    def _ensure_loading(self, version: str) -> None:
        """Load `version` in the background unless a load is under way (a query then waits for it), or the load of
        this version failed less than RETRY_FAILED_LOAD seconds ago."""
        if self._loading is not None and not self._loading.done():
            return
        if self._load_error and self._loading_version == version \
                and time.monotonic() - self._failed_at < RETRY_FAILED_LOAD:
            return
        self._loading_version = version
        self._load_error = None
        self._loading = asyncio.get_running_loop().create_task(self._load(version))

    async def _load(self, version: str) -> None:
        t0 = time.monotonic()
        try:
            path, made = await self.exports.get("nt", version, wait=True)
            engines = [await self._take() for _ in self.engines]  # each, once the query holding it is done
            try:
                loop = asyncio.get_running_loop()
                await asyncio.gather(*(loop.run_in_executor(self._executor, e.load_file, str(path), made)
                                       for e in engines))
                self.revision = made
            finally:
                for e in engines:
                    self._give(e)
            self._load_seconds = time.monotonic() - t0
        except Exception as e:  # noqa: BLE001 - told to the queries that wait for it
            self._load_error = str(e)
            self._failed_at = time.monotonic()
            log.error("loading the graph for SPARQL failed: %s", e)

    # queries ---------------------------------------------------------------------------------------------
    async def query(self, query: str) -> SparqlResult:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.time_limit
        if self._admitted >= self.capacity:
            raise Busy(429, f"{self.capacity} SPARQL queries are running or waiting; try again shortly.",
                       self.time_limit)
        self._admitted += 1
        try:
            await loop.run_in_executor(self._check, check_query, query)  # SparqlError: 400, before any loading
            version = await self.exports.version()
            if version != self.revision:
                self._ensure_loading(version)
                loading = self._loading
                if loading is not None and not loading.done():
                    await asyncio.wait({loading}, timeout=max(0.0, deadline - loop.time()))
                    if not loading.done():
                        raise Busy(503, "The graph is being loaded for SPARQL (after a change); ask again shortly.",
                                   self._load_seconds)
                if self.revision is None:
                    raise Busy(503, f"The graph could not be loaded for SPARQL: {self._load_error or 'unknown'}",
                               RETRY_FAILED_LOAD)
            took = self._take()
            try:
                await asyncio.wait({took}, timeout=max(0.0, deadline - loop.time()))
            except asyncio.CancelledError:  # the request is gone: the engine it was given (or is owed) goes on
                if took.done() and not took.cancelled():
                    self._give(took.result())
                took.cancel()
                raise
            if not took.done():
                took.cancel()
                raise Busy(503, f"The query waited for a free worker for its whole {self.time_limit:g} s limit; "
                                "ask again shortly.", self.time_limit)
            engine = took.result()
            if deadline - loop.time() <= 0.05:
                self._give(engine)
                raise Busy(503, f"The query waited for a free worker for its whole {self.time_limit:g} s limit; "
                                "ask again shortly.", self.time_limit)
            running = loop.run_in_executor(self._executor, engine.query, query, None, deadline - loop.time())
            released = False

            def release(_: object = None) -> None:
                nonlocal released
                if not released:
                    released = True
                    self._release(engine)

            try:
                return await asyncio.shield(running)
            finally:
                if running.done():
                    release()
                else:  # the request is gone (cancelled), the query not: the engine is free when it ends
                    running.add_done_callback(release)
        finally:
            self._admitted -= 1

    def close(self) -> None:
        for e in self.engines:
            e.close()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._check.shutdown(wait=False, cancel_futures=True)


__all__ = ["Busy", "ExportFailed", "Exports", "Sparql", "SparqlError"]
