"""Issue 24: the service under load it must refuse, and the contract's corners.

Exports made once per version of the graph and streamed from a file (ETag, 304), a bounded number made at once;
SPARQL with bounded concurrency and queue, the wait counted in the time limit, the worker capped in memory and
the graph reloaded only for a valid query; HTTP heads bounded before any authentication; secrets never shown;
dates that are dates. Nothing here asserts a duration: timeouts only guard against a hang, and the assertions are
on what the service answers. The figures over time are in bench/service_limits.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.settings import Settings
from graph.pipeline import extract_paths
from graph.stores.memory import MemoryStore

from .conftest import GAZETTE, ROOT, SEEDS, Neo4jTarget, running_service, sparql_ready

PROBLEM = "application/problem+json"
SLOW = "SELECT * WHERE {?a ?b ?c . ?d ?e ?f} ORDER BY ?c ?f LIMIT 5"
INGEST = "Nghị định số 88/2026/NĐ-CP ngày 1/3/2026 của Chính phủ thay thế Nghị định số 42/2022/NĐ-CP."


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixtures' graph in a store file, built once; each test copies it."""
    path = tmp_path_factory.mktemp("limits") / "g.lexgraph"
    MemoryStore(path).upsert(extract_paths([SEEDS, GAZETTE]))
    return path


def _copy(src: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "store" / "g.lexgraph"
    dst.parent.mkdir()
    shutil.copy(src, dst)
    return dst


@pytest.fixture
def file_client(fixture_store: Path, tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    path = _copy(fixture_store, tmp_path)
    with TestClient(create_app(Settings(api_key="k", sparql_time_limit=20), store=MemoryStore(path))) as c:
        yield c, path


def _rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


# 2. exports ---------------------------------------------------------------------------------------------
def test_export_made_once_per_version_with_etag(file_client: tuple[TestClient, Path]) -> None:
    """An export is written once per version of the graph, in the store's folder, and served from the file with
    an ETag; If-None-Match gets a 304; an ingest makes a new version (a new ETag, a new file)."""
    c, path = file_client
    r = c.get("/export", params={"format": "ttl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle"), r.text[:300]
    etag = r.headers.get("etag")
    assert etag, "an export carries an ETag"
    body = r.content
    made = [p for p in path.parent.rglob("*") if p.is_file() and p != path and p.suffix == ".ttl"]
    assert len(made) == 1, made  # written once, beside the store
    stamp = made[0].stat().st_mtime_ns
    r2 = c.get("/export", params={"format": "ttl"})
    assert r2.status_code == 200 and r2.headers["etag"] == etag and r2.content == body
    assert made[0].stat().st_mtime_ns == stamp  # served from the file, not made again
    r3 = c.get("/export", params={"format": "ttl"}, headers={"If-None-Match": etag})
    assert r3.status_code == 304 and r3.content == b""
    assert c.get("/export", params={"format": "nt"}).headers["etag"] != etag  # per format
    assert c.post("/ingest", json={"text": INGEST}, headers={"X-API-Key": "k"}).status_code == 200
    r4 = c.get("/export", params={"format": "ttl"}, headers={"If-None-Match": etag})
    assert r4.status_code == 200 and r4.headers["etag"] != etag and "88_2026_nd-cp" in r4.text


def test_exports_bounded_and_health_answers(fixture_store: Path, tmp_path: Path) -> None:
    """40 concurrent exports of five formats on a real `lexgraph serve`: one made at a time (LEXGRAPH_EXPORT_
    CONCURRENCY=1), the others refused with 503 + Retry-After as problem+json or served once made; /health and
    the lookups answer while they run."""
    store = _copy(fixture_store, tmp_path)
    formats = ["ttl", "jsonld", "nt", "graphml", "csv"]

    async def run(base: str) -> tuple[list[httpx.Response], list[httpx.Response]]:
        async with httpx.AsyncClient(base_url=base, timeout=120) as c:
            exports = [asyncio.ensure_future(c.get("/export", params={"format": formats[i % 5]})) for i in range(40)]
            await asyncio.sleep(0.2)
            lookups = []
            for _ in range(3):
                for p in ("/health", "/documents/42/2022/NĐ-CP", "/agencies"):
                    lookups.append(await c.get(p, timeout=30))  # a hang guard, not a timing assertion
            return list(await asyncio.gather(*exports)), lookups

    with running_service(str(store), {"LEXGRAPH_EXPORT_CONCURRENCY": "1"}) as service:
        exports, lookups = asyncio.run(run(service.url))
        assert all(r.status_code == 200 for r in lookups), [(r.status_code, r.text[:200]) for r in lookups]
        codes = sorted(r.status_code for r in exports)
        refused = [r for r in exports if r.status_code in (429, 503)]
        assert set(codes) <= {200, 429, 503}, codes
        assert refused, "five formats asked at once with one export at a time: some are refused"
        for r in refused:
            assert r.headers["content-type"] == PROBLEM and int(r.headers["retry-after"]) >= 1
        assert any(r.status_code == 200 for r in exports)
        # once made, every format is served (from its file)
        with httpx.Client(base_url=service.url, timeout=120) as c:
            for fmt in formats:
                for _ in range(60):
                    r = c.get("/export", params={"format": fmt})
                    if r.status_code == 200:
                        break
                    time.sleep(int(r.headers.get("retry-after", "1")))
                assert r.status_code == 200, (fmt, r.status_code, r.text[:200])


@pytest.mark.neo4j
def test_neo4j_export_and_sparql(neo4j_target: Neo4jTarget) -> None:
    """With Neo4j as the store, an export is made by a child process that opens Neo4j with the service's
    credentials, served with an ETag (304 on If-None-Match), and SPARQL answers from it."""
    s = neo4j_target.store()
    s.clear()
    s.upsert(extract_paths([SEEDS]))
    s.close()
    env = {"LEXGRAPH_NEO4J_PASSWORD": neo4j_target.password, "LEXGRAPH_NEO4J_USER": neo4j_target.user}
    with running_service(neo4j_target.uri, env) as service:
        r = httpx.get(service.url + "/export", params={"format": "ttl"}, timeout=300)
        assert r.status_code == 200 and "42_2022_nd-cp" in r.text, r.text[:300]
        etag = r.headers["etag"]
        r = httpx.get(service.url + "/export", params={"format": "ttl"}, headers={"If-None-Match": etag}, timeout=60)
        assert r.status_code == 304
        q = 'PREFIX lex: <https://lexgraph.org/ontology#> ASK { ?d lex:number "42/2022/NĐ-CP" }'
        r = sparql_ready(lambda path, params: httpx.get(service.url + path, params=params, timeout=60), q)
        assert r.status_code == 200 and r.json()["boolean"] is True, r.text


# 3. SPARQL ----------------------------------------------------------------------------------------------
def test_sparql_queue_bounded_and_lookups_answer(fixture_store: Path, tmp_path: Path) -> None:
    """12 slow queries at once with one running and two waiting: the rest get 429 + Retry-After at once; each one
    ends (408, 503 or 429: none hangs); /health, /ask, /documents and /agencies answer meanwhile."""
    store = _copy(fixture_store, tmp_path)
    env = {"LEXGRAPH_SPARQL_CONCURRENCY": "1", "LEXGRAPH_SPARQL_QUEUE": "2", "LEXGRAPH_SPARQL_TIME_LIMIT": "4"}

    async def run(base: str) -> tuple[list[httpx.Response], list[httpx.Response]]:
        async with httpx.AsyncClient(base_url=base, timeout=120) as c:
            for _ in range(60):  # the graph loaded for SPARQL (503 + Retry-After while it is)
                r = await c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
                if r.status_code != 503:
                    break
                await asyncio.sleep(1)
            assert r.status_code == 200, r.text
            slow = [asyncio.ensure_future(c.get("/sparql", params={"query": SLOW})) for _ in range(12)]
            await asyncio.sleep(0.3)
            lookups = []
            for p in ("/health", "/ask?q=what%20replaced%20decree%2043/2011", "/documents?q=nghi%20dinh", "/agencies"):
                lookups.append(await c.get(p, timeout=30))  # a hang guard
            return list(await asyncio.gather(*slow)), lookups

    with running_service(str(store), env) as service:
        slow, lookups = asyncio.run(run(service.url))
    assert all(r.status_code == 200 for r in lookups), [(r.status_code, r.text[:200]) for r in lookups]
    codes = [r.status_code for r in slow]
    assert set(codes) <= {408, 429, 503}, codes
    assert codes.count(429) >= 12 - 3, codes  # one running, two waiting, the rest refused
    for r in slow:
        assert r.headers["content-type"] == PROBLEM
        if r.status_code in (429, 503):
            assert int(r.headers["retry-after"]) >= 1


def test_sparql_wait_counts_in_the_time_limit(file_client: tuple[TestClient, Path]) -> None:
    """A query waiting behind a slow one is stopped when its own time limit has passed, waiting included."""
    _, path = file_client
    with TestClient(create_app(Settings(sparql_time_limit=3), store=MemoryStore(path))) as c:
        assert sparql_ready(c.get).status_code == 200

        async def run() -> tuple[httpx.Response, httpx.Response]:
            transport = httpx.ASGITransport(app=c.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t", timeout=60) as ac:
                slow = asyncio.ensure_future(ac.get("/sparql", params={"query": SLOW}))
                await asyncio.sleep(0.5)
                fast = await ac.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
                return await slow, fast

        slow, fast = c.portal.call(run)  # type: ignore[union-attr]
    assert slow.status_code == 408, slow.text[:200]
    assert fast.status_code in (408, 503), (fast.status_code, fast.text[:200])  # not run 3 s late
    assert fast.headers["content-type"] == PROBLEM


def test_invalid_query_does_not_reload_and_worker_is_capped(file_client: tuple[TestClient, Path]) -> None:
    """After an ingest an invalid query is refused without the graph being reloaded for SPARQL; a valid one sees
    the ingested document. The query worker runs with a bounded address space."""
    c, _ = file_client
    q = 'PREFIX lex: <https://lexgraph.org/ontology#> ASK { ?d lex:number "88/2026/NĐ-CP" }'
    assert sparql_ready(c.get, q).json()["boolean"] is False
    engine = c.app.state.sparql  # type: ignore[attr-defined]
    loaded = engine.revision
    pid = engine.worker_pid()
    limits = Path(f"/proc/{pid}/limits").read_text()
    line = next(x for x in limits.splitlines() if x.startswith("Max address space"))
    assert "unlimited" not in line, line
    assert c.post("/ingest", json={"text": INGEST}, headers={"X-API-Key": "k"}).status_code == 200
    r = c.get("/sparql", params={"query": "SELECT {"})
    assert r.status_code == 400 and r.headers["content-type"] == PROBLEM
    assert engine.revision == loaded, "an invalid query reloaded the graph"
    assert sparql_ready(c.get, q).json()["boolean"] is True
    assert engine.revision != loaded


def test_queries_checked_at_once_are_not_refused() -> None:
    """Queries checked in several threads at once are each read (rdflib's grammar is not thread-safe: under load
    every slow query was refused as 'not a SPARQL query: TypeError')."""
    import threading

    from graph.sparql import SparqlError, check_query

    errors: list[str] = []

    def run() -> None:
        for _ in range(20):
            try:
                check_query(SLOW)
            except SparqlError as e:
                errors.append(str(e))

    threads = [threading.Thread(target=run) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)  # a hang guard
    assert errors == [], errors[:3]


# 5. HTTP heads ------------------------------------------------------------------------------------------
def _send_until_answered(sock: socket.socket, head: bytes, filler: bytes, total: int) -> bytes:
    """Send `head`, then `filler` up to `total` bytes without ending the head, until the server answers; what
    it answered (b'' if it closed without a word)."""
    sock.settimeout(60)  # a hang guard
    sock.sendall(head)
    sent = len(head)
    chunk = filler * (65536 // max(1, len(filler)))
    import select

    while sent < total:
        r, _, _ = select.select([sock], [], [], 0)
        if r:
            break
        try:
            sock.sendall(chunk)
        except OSError:
            break
        sent += len(chunk)
    data = b""
    try:
        while True:
            part = sock.recv(65536)
            if not part:
                break
            data += part
            if b"\r\n\r\n" in data and len(data) > data.index(b"\r\n\r\n") + 4 + 20:
                break
    except OSError:
        pass
    return data


def _status(reply: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    return int(lines[0].split(" ")[1]), headers, body


def test_http_heads_are_bounded(fixture_store: Path, tmp_path: Path) -> None:
    """10 connections each sending an endless header are refused (431, problem+json) before any authentication,
    the service's memory stays bounded; an endless request line is a 414, bytes the parser refuses a 400, both
    problem+json; the service goes on answering."""
    store = _copy(fixture_store, tmp_path)
    with running_service(str(store)) as service:
        host, port = service.url.removeprefix("http://").split(":")
        rss0 = _rss_mb(service.pid)
        socks = [socket.create_connection((host, int(port)), timeout=60) for _ in range(10)]
        try:
            replies = [_send_until_answered(s, b"POST /ingest HTTP/1.1\r\nHost: x\r\nX-Filler: ", b"a", 8 << 20)
                       for s in socks]
            rss1 = _rss_mb(service.pid)
        finally:
            for s in socks:
                s.close()
        for reply in replies:
            status, headers, body = _status(reply)
            assert status == 431 and headers["content-type"] == PROBLEM, reply[:300]
            assert json.loads(body[: int(headers["content-length"])])["status"] == 431
        assert rss1 - rss0 < 100, (rss0, rss1)
        with socket.create_connection((host, int(port)), timeout=60) as s:
            status, headers, _ = _status(_send_until_answered(s, b"GET /documents?q=", b"x", 8 << 20))
        assert status == 414 and headers["content-type"] == PROBLEM
        with socket.create_connection((host, int(port)), timeout=60) as s:
            s.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n")
            status, headers, _ = _status(_send_until_answered(s, b"", b"", 0))
        assert status == 400 and headers["content-type"] == PROBLEM
        with socket.create_connection((host, int(port)), timeout=60) as s:  # what curl sends for an unencoded URL
            s.sendall("GET /documents?q=06/2021/NĐ-CP HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            status, headers, body = _status(_send_until_answered(s, b"", b"", 0))
        assert status == 400 and "percent-encoded" in json.loads(body[: int(headers["content-length"])])["detail"]
        assert httpx.get(service.url + "/health", timeout=30).status_code == 200


# 7. secrets ---------------------------------------------------------------------------------------------
def test_store_uri_redacted() -> None:
    from graph.stores import redact_uri

    assert redact_uri("bolt://neo4j:s3cret@localhost:7687") == "bolt://neo4j:***@localhost:7687"
    assert redact_uri("neo4j+s://u:p%40ss@h/db") == "neo4j+s://u:***@h/db"
    assert redact_uri("bolt://localhost:7687") == "bolt://localhost:7687"
    assert redact_uri("/tmp/g.lexgraph") == "/tmp/g.lexgraph"


def test_serve_never_prints_the_password(tmp_path: Path) -> None:
    """`lexgraph serve` names its store with the password hidden (here a Neo4j that is not there: the service
    starts and answers 503 until it is)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "400"}
    p = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--store", "bolt://neo4j:Pa55-w0rd-x@127.0.0.1:9",
                          "--port", str(port)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60  # a hang guard
        while p.poll() is None and time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/ready", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.3)
    finally:
        p.terminate()
        out, _ = p.communicate(timeout=30)
    assert "Pa55-w0rd-x" not in out, out
    assert "bolt://neo4j:***@127.0.0.1:9" in out, out


@pytest.mark.neo4j
def test_build_never_prints_the_password(neo4j_target: Neo4jTarget) -> None:
    """`lexgraph build --store bolt://neo4j:PASSWORD@host` names the store it built with the password hidden."""
    from urllib.parse import quote

    secret = quote(neo4j_target.password, safe="")
    uri = f"{neo4j_target.uri.split('://')[0]}://{neo4j_target.user}:{secret}@{neo4j_target.uri.split('://')[1]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXGRAPH_NEO4J_PASSWORD")}
    r = subprocess.run([sys.executable, "-m", "app.cli", "build", str(SEEDS), "--store", uri], cwd=ROOT,
                       env={**env, "PYTHONPATH": str(ROOT), "COLUMNS": "400"}, capture_output=True, text=True,
                       timeout=600)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert secret not in out and neo4j_target.password not in out, out
    assert f"{neo4j_target.user}:***@" in out, out


def test_neo4j_jvm_environment_has_no_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The JVM app/neo4j_server.py starts does not inherit LEXGRAPH_NEO4J_PASSWORD (the password goes to
    neo4j-admin's initial setup only, in a 0600 argument file)."""
    from app import neo4j_server as ns

    monkeypatch.setenv("LEXGRAPH_NEO4J_PASSWORD", "env-s3cret-pw")
    monkeypatch.setenv("LEXGRAPH_API_KEY", "env-api-key")
    cfg = ns.ServerConfig(password="cfg-s3cret-pw", home=tmp_path / "neo4j", java_home=tmp_path / "jdk")
    seen: dict[str, Any] = {}

    class Stop(Exception):
        pass

    def fake_popen(cmd: Any, **kw: Any) -> Any:
        seen.update(kw)
        raise Stop

    monkeypatch.setattr(ns, "install", lambda cfg, progress=None: None)
    monkeypatch.setattr(ns, "_running_pid", lambda cfg: None)
    monkeypatch.setattr(ns, "_port_open", lambda port, timeout=0.5: False)
    monkeypatch.setattr(ns, "jvm_command", lambda cfg: ["java"])
    monkeypatch.setattr(ns.subprocess, "Popen", fake_popen)
    cfg.logs_dir.mkdir(parents=True)
    cfg.run_dir.mkdir(parents=True)
    with pytest.raises(Stop):
        ns.start(cfg)
    env = seen["env"]
    assert env is not None
    assert "LEXGRAPH_NEO4J_PASSWORD" not in env and "LEXGRAPH_API_KEY" not in env
    assert not any(v in ("env-s3cret-pw", "cfg-s3cret-pw", "env-api-key") for v in env.values())


# 8. contract nits ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("at", ["0", "1", "-1", "20240105", "2024-02-30", "2024-1-5", "1e3", "2024-01-05T00:00"])
def test_at_is_a_calendar_date(file_client: tuple[TestClient, Path], at: str) -> None:
    c, _ = file_client
    for path in ("/documents/42/2022/NĐ-CP", "/documents/43/2011/NĐ-CP/replaced-by"):
        r = c.get(path, params={"at": at})
        assert r.status_code == 422 and r.headers["content-type"] == PROBLEM, (path, at, r.text[:200])
        assert "YYYY-MM-DD" in r.json()["detail"]
    assert c.get("/documents/42/2022/NĐ-CP", params={"at": "2024-01-05"}).status_code == 200


def test_unknown_agency_says_agency(file_client: tuple[TestClient, Path]) -> None:
    c, _ = file_client
    r = c.get("/agencies/NO-SUCH-BODY/documents")
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM
    assert r.json()["detail"].startswith("No agency"), r.json()


def test_sparql_query_required_and_forms_accepted(file_client: tuple[TestClient, Path]) -> None:
    c, _ = file_client
    spec = c.get("/openapi.json").json()
    get = spec["paths"]["/sparql"]["get"]
    assert [p["required"] for p in get["parameters"] if p["name"] == "query"] == [True]
    post = spec["paths"]["/sparql"]["post"]
    assert post["requestBody"]["required"] is True
    assert set(post["requestBody"]["content"]) >= {"application/sparql-query", "application/x-www-form-urlencoded"}
    ask = "ASK { ?s ?p ?o }"
    assert sparql_ready(c.get).status_code == 200
    r = c.post("/sparql", content=f"query={ask}".encode(), headers={"content-type": "application/x-www-form-urlencoded; charset=UTF-8"})
    assert r.status_code == 200 and r.json()["boolean"] is True
    r = c.post("/sparql?query=", data={"query": ask})  # an empty URL parameter does not hide the form's
    assert r.status_code == 200 and r.json()["boolean"] is True, r.text
    r = c.post("/sparql", files={"query": (None, ask)})  # multipart/form-data, as an HTML form with enctype does
    assert r.status_code == 200 and r.json()["boolean"] is True, r.text
    r = c.get("/sparql")
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM


def test_ingest_declares_its_400(file_client: tuple[TestClient, Path]) -> None:
    c, _ = file_client
    responses = c.get("/openapi.json").json()["paths"]["/ingest"]["post"]["responses"]
    assert "400" in responses
    r = c.post("/ingest", content=b"xx", headers={"content-type": "multipart/form-data", "X-API-Key": "k"})
    assert r.status_code == 400 and r.headers["content-type"] == PROBLEM


def test_serve_on_a_damaged_store_is_one_line(tmp_path: Path) -> None:
    store = tmp_path / "g.lexgraph"
    MemoryStore(store).upsert(extract_paths([SEEDS]))
    data = store.read_bytes()
    store.write_bytes(data[: len(data) // 2])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = subprocess.run([sys.executable, "-m", "app.cli", "serve", "--store", str(store), "--port", str(port)],
                       cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "400"},
                       capture_output=True, text=True, timeout=120)
    out = r.stdout + r.stderr
    assert r.returncode != 0, out
    assert "Traceback" not in out and "lexgraph build" in out, out
    errors = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(errors) == 1 and re.match(r"error: ", errors[0]), errors
