"""How the graph is saved, written and queued (issue 24 items 4, 6 and 8): a full disk changes nothing and says so
(507, one line from `lexgraph build`), a killed write's temporary file is removed at the next open, reads never
wait for a save, concurrent ingests queue (503 only past the queue) and each reports what its own write added."""

from __future__ import annotations

import asyncio
import errno
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.settings import Settings
from graph.errors import StoreError
from graph.model import Graph
from graph.pipeline import extract_paths
from graph.stores.memory import MemoryStore

from .conftest import GAZETTE, ROOT, SEEDS, Neo4jTarget, running_service

KEY = "storage-test-key"
NEW_TEXT = GAZETTE / "nghi-dinh-so-123-2026-nd-cp-469299.txt"  # documents the seeds do not name
OLD = "42/2022/ND-CP"  # a document of the seeds


def _new() -> tuple[Graph, str]:
    g = extract_paths([NEW_TEXT])
    key = g.sources[0].document
    assert key is not None
    return g, key


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[MemoryStore, Path]]:
    path = tmp_path / "g.lexgraph"
    store = MemoryStore(path)
    store.upsert(extract_paths([SEEDS]))
    yield store, path
    store.close()


def _temps(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".*.tmp"))


def _file_size_limit(limit: int) -> Callable[[], None]:
    """In the child: files it writes may not grow past `limit` bytes (a write beyond fails with EFBIG, as a full
    disk fails with ENOSPC; the signal that would kill it instead is ignored)."""
    def pre() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return pre


# item 4: a full disk ------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG, errno.EDQUOT], ids=["ENOSPC", "EFBIG", "EDQUOT"])
def test_a_full_disk_changes_nothing(seeded: tuple[MemoryStore, Path], code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    store, path = seeded
    g, new = _new()
    before, counts = path.read_bytes(), store.counts()

    def full(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StoreError) as e:  # (was: the OSError itself, the merge already served)
        store.upsert(g)
    monkeypatch.undo()
    assert type(e.value).__name__ == "StoreFull" and "no space" in str(e.value)
    assert store.counts() == counts and store.get(new) is None and store.get(OLD) is not None
    assert path.read_bytes() == before and not _temps(path)
    assert MemoryStore(path).counts() == counts
    store.upsert(g)  # with room again, the same write goes through
    assert store.get(new) is not None and MemoryStore(path).get(new) is not None


def test_ingest_on_a_full_disk_is_507(seeded: tuple[MemoryStore, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    store, path = seeded
    _, new = _new()
    before = path.read_bytes()
    with TestClient(create_app(Settings(api_key=KEY), store=store), raise_server_exceptions=False) as c:
        monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
        r = c.post("/ingest", json={"text": NEW_TEXT.read_text(encoding="utf-8"), "name": NEW_TEXT.name},
                   headers={"X-API-Key": KEY})
        monkeypatch.undo()
        assert r.status_code == 507, r.text
        assert r.headers["content-type"] == "application/problem+json"
        assert "no space" in r.json()["detail"] and "Nothing was added" in r.json()["detail"]
        assert c.get("/documents/" + new).status_code == 404
        assert c.get("/documents/" + OLD).status_code == 200
    assert path.read_bytes() == before and not _temps(path)


def test_service_under_a_file_size_limit_answers_507_and_keeps_its_graph(seeded: tuple[MemoryStore, Path]) -> None:
    """A real `lexgraph serve` whose files may not grow past the store's size: the save of a larger graph fails with
    EFBIG. 507; the new documents are not served, the old ones are; the file is the one before."""
    store, path = seeded
    _, new = _new()
    before = path.read_bytes()
    with running_service(str(path), {"LEXGRAPH_API_KEY": KEY}, preexec_fn=_file_size_limit(len(before))) as svc:
        r = httpx.post(svc.url + "/ingest", json={"text": NEW_TEXT.read_text(encoding="utf-8"), "name": NEW_TEXT.name},
                       headers={"X-API-Key": KEY}, timeout=120)
        assert r.status_code == 507, r.text
        assert r.headers["content-type"] == "application/problem+json" and r.json()["title"] == "Insufficient storage"
        assert httpx.get(svc.url + "/documents/" + new, timeout=30).status_code == 404
        assert httpx.get(svc.url + "/documents/" + OLD, timeout=30).status_code == 200
        assert httpx.get(svc.url + "/ready", timeout=30).status_code == 200
    assert path.read_bytes() == before and not _temps(path)


def test_build_on_a_full_disk_prints_one_line(seeded: tuple[MemoryStore, Path]) -> None:
    _, path = seeded
    before = path.read_bytes()
    p = subprocess.run([sys.executable, "-m", "app.cli", "build", str(GAZETTE), "--store", str(path), "-j", "1"],
                       cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"}, capture_output=True,
                       text=True, timeout=300, preexec_fn=_file_size_limit(len(before)))
    assert p.returncode == 1, p.stdout + p.stderr
    lines = [line for line in p.stderr.splitlines() if line.strip()]
    assert "Traceback" not in p.stderr and len(lines) == 1, p.stderr
    assert lines[0].startswith("error:") and "no space" in lines[0], lines
    assert path.read_bytes() == before and not _temps(path)


_KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from graph.pipeline import extract_paths
from graph.stores.memory import MemoryStore

store = MemoryStore(sys.argv[1])
g = extract_paths([Path(sys.argv[2])])

def hang(fd):  # the temporary file written, not yet renamed: the moment to die
    print("writing", flush=True)
    time.sleep(600)

os.fsync = hang
store.upsert(g)
"""


def test_a_killed_writes_temporary_file_is_removed_at_the_next_open(seeded: tuple[MemoryStore, Path]) -> None:
    store, path = seeded
    counts = store.counts()
    p = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(path), str(NEW_TEXT)], cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout is not None and p.stdout.readline().strip() == "writing"
        assert _temps(path), "the writer has its temporary file"
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=30)
    assert _temps(path), "SIGKILL leaves it"
    reopened = MemoryStore(path)  # (was: left until the next save)
    assert not _temps(path)
    assert reopened.counts() == counts


def test_a_live_writers_temporary_file_is_left_alone(seeded: tuple[MemoryStore, Path]) -> None:
    """Another process saving the same store holds a lock on its temporary file: an open or a save here must not
    remove it from under it (it did: every save removed every temporary file beside the store)."""
    import fcntl

    store, path = seeded
    live = path.parent / (path.name + ".otherwriter.tmp")
    with live.open("wb") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        MemoryStore(path)
        store.upsert(_new()[0])
        assert live.exists()
    MemoryStore(path)  # once its writer is gone, it is stale
    assert not live.exists()


# item 8: reads never wait for a save ---------------------------------------------------------------------
def _snapshot(store: MemoryStore) -> Any:
    """Everything a reader sees: the graph, each document's relations both ways (its adjacency rows), the bodies
    with their numbers of documents."""
    rels = {k: [(r.type, r.direction, r.other, len(r.evidence)) for r in store.relations(k)] for k in store.all_keys()}
    return store.to_graph().model_dump(), rels, [(a.id, n) for a, n in store.agencies()], store.counts()


def test_reads_answer_the_old_graph_while_a_write_saves(seeded: tuple[MemoryStore, Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = seeded
    g, new = _new()
    served = _snapshot(store)
    saving, release = threading.Event(), threading.Event()
    real = os.fsync

    def slow(fd: int) -> None:
        saving.set()
        release.wait(30)
        real(fd)

    monkeypatch.setattr(os, "fsync", slow)
    writer = threading.Thread(target=store.upsert, args=(g,))
    writer.start()
    try:
        assert saving.wait(30)
        seen: dict[str, Any] = {}

        def read() -> None:
            seen["old"], seen["new"], seen["docs"] = store.get(OLD), store.get(new), store.documents(limit=5)
            seen["relations"], seen["graph"] = store.relations(OLD), _snapshot(store)

        reader = threading.Thread(target=read)
        t = time.monotonic()
        reader.start()
        reader.join(5)
        waited = reader.is_alive()
    finally:
        release.set()
        writer.join(60)
    reader.join(30)
    assert not waited, "a read waited for the save (was: the whole merge and save under the readers' lock)"
    assert time.monotonic() - t < 5
    assert seen["old"] is not None and seen["new"] is None and seen["relations"]
    assert seen["graph"] == served  # every row the write changed was its own copy
    assert _snapshot(store) != served
    assert store.get(new) is not None  # served once saved


# item 6: writes queue; each reports its own ----------------------------------------------------------------
def test_ingests_past_the_queue_get_503_with_retry_after(seeded: tuple[MemoryStore, Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = seeded
    saving, release = threading.Event(), threading.Event()
    real = os.fsync

    def slow(fd: int) -> None:
        saving.set()
        release.wait(30)
        real(fd)

    monkeypatch.setattr(os, "fsync", slow)
    threading.Timer(20, release.set).start()  # (a hang guard: the old code had no queue and waited here)
    text = {"text": NEW_TEXT.read_text(encoding="utf-8"), "name": NEW_TEXT.name}
    with TestClient(create_app(Settings(api_key=KEY, ingest_queue=1), store=store)) as c:
        first: dict[str, httpx.Response] = {}
        th = threading.Thread(target=lambda: first.setdefault("r", c.post("/ingest", json=text, headers={"X-API-Key": KEY})))
        th.start()
        assert saving.wait(30)
        second: dict[str, httpx.Response] = {}
        th2 = threading.Thread(target=lambda: second.setdefault("r", c.post("/ingest", json=text, headers={"X-API-Key": KEY})))
        th2.start()  # waits in the queue (its one place)
        deadline = time.monotonic() + 10
        try:
            while getattr(getattr(c.app, "state", None), "writes", None) is None or c.app.state.writes.waiting < 1:  # type: ignore[attr-defined]
                assert time.monotonic() < deadline, "the second ingest never queued (was: no queue)"
                time.sleep(0.05)
            third = c.post("/ingest", json=text, headers={"X-API-Key": KEY})
        finally:
            release.set()
            th.join(60)
            th2.join(60)
    assert third.status_code == 503, third.text
    assert third.headers["content-type"] == "application/problem+json" and int(third.headers["retry-after"]) >= 1
    assert "LEXGRAPH_INGEST_QUEUE" in third.json()["detail"]
    assert first["r"].status_code == 200 and second["r"].status_code == 200
    assert first["r"].json()["added"]["documents"] > 0 and second["r"].json()["added"]["documents"] == 0


def test_concurrent_ingests_into_neo4j_queue_and_count_their_own(neo4j_target: Neo4jTarget) -> None:
    """30 concurrent ingests of one text through a real service: none fails, and what the responses say they added
    sums to what the graph gained (was: several claimed the same documents, as counts read around each write)."""
    s = neo4j_target.store()
    s.clear()
    s.ensure_schema()
    before = s.counts()
    text = {"text": NEW_TEXT.read_text(encoding="utf-8"), "name": NEW_TEXT.name}
    env = {"LEXGRAPH_NEO4J_PASSWORD": neo4j_target.password, "LEXGRAPH_API_KEY": KEY}

    async def all_at_once(base: str, n: int) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=base, timeout=300, limits=httpx.Limits(max_connections=n)) as c:
            return list(await asyncio.gather(*(c.post("/ingest", json=text, headers={"X-API-Key": KEY})
                                               for _ in range(n))))

    with running_service(neo4j_target.uri, env) as svc:
        responses = asyncio.run(all_at_once(svc.url, 30))
    after = s.counts()
    s.close()
    assert [r.status_code for r in responses] == [200] * 30, [r.text for r in responses if r.status_code != 200][:3]
    for k in ("documents", "relations", "agencies"):
        assert sum(r.json()["added"][k] for r in responses) == after[k] - before[k], k
    assert after["documents"] > before["documents"]
    assert sum(1 for r in responses if r.json()["added"]["documents"]) == 1
