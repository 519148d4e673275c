"""Shared fixtures: paths to the in-repo fixtures (tests never read ../shared)."""

from __future__ import annotations

import csv
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"
GAZETTE = FIXTURES / "congbao"


def gazette_rows() -> list[dict[str, str]]:
    with (GAZETTE / "numbers.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", fieldnames=["slug", "type", "number", "number_in_text"]))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gazette_dir() -> Path:
    return GAZETTE


# A real Neo4j for the tests: its own home, ports and generated password, so it never touches a
# user's local server. Started once per test session; a server that does not come up fails the run.
NEO4J_TEST_HOME = ROOT / ".lexgraph" / "neo4j-test"
NEO4J_TEST_BOLT = int(os.environ.get("LEXGRAPH_TEST_NEO4J_BOLT_PORT", "17687"))
NEO4J_TEST_HTTP = int(os.environ.get("LEXGRAPH_TEST_NEO4J_HTTP_PORT", "17474"))


@dataclass
class Neo4jTarget:
    uri: str
    user: str
    password: str
    http_url: str | None
    config: Any = None  # app.neo4j_server.ServerConfig when the tests started the server

    def store(self, **kw: Any) -> Any:
        from graph.stores.neo4j_store import Neo4jStore

        return Neo4jStore(self.uri, user=self.user, password=self.password, **kw)


def _test_password() -> str:
    f = NEO4J_TEST_HOME.parent / "neo4j-test.password"
    if not f.exists():
        f.parent.mkdir(parents=True, exist_ok=True)
        # Deliberately awkward: a leading '-' (once read by neo4j-admin as an option, which failed CI one
        # run in 64), a space, a quote and a backslash, so every path the password takes is tested with them.
        token = secrets.token_urlsafe(18)
        f.write_text(f'-{token[:12]} "\\{token[12:]}', encoding="utf-8")
        f.chmod(0o600)
    return f.read_text(encoding="utf-8").strip()


# What a test needs is said by its markers (declared in pyproject.toml): `neo4j` for the real server, `browser` for
# Chromium. `pytest -m "not neo4j"` runs everything else with no Java, no Maven and no server.
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that asks for the server, itself or through another fixture, is marked `neo4j`. A test that asks
    for it by name at run time (`request.getfixturevalue("neo4j_target")`, the "neo4j" parameter of a store
    fixture) carries the mark itself: `pytest.param("neo4j", marks=pytest.mark.neo4j)`."""
    for item in items:
        if "neo4j_target" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)


_RUNNING: list[pytest.Item] = []


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _RUNNING[:] = [item]  # the test whose set-up (or body) may ask for the server


@pytest.fixture(scope="session")
def neo4j_target() -> Iterator[Neo4jTarget]:
    """LEXGRAPH_TEST_NEO4J_URI (with LEXGRAPH_TEST_NEO4J_PASSWORD) to use a running server; otherwise
    the tests install and start their own on 127.0.0.1:17687 and stop it at the end. Only a test marked
    `neo4j` may ask for it: an unmarked one fails here rather than start a server `-m "not neo4j"` promised not to."""
    asking = _RUNNING[0] if _RUNNING else None
    if asking is not None and asking.get_closest_marker("neo4j") is None:
        pytest.fail(f"{asking.nodeid} uses the Neo4j server but is not marked neo4j (mark it, or its parameter, "
                    "with pytest.mark.neo4j)", pytrace=False)
    uri = os.environ.get("LEXGRAPH_TEST_NEO4J_URI")
    if uri:
        yield Neo4jTarget(uri, os.environ.get("LEXGRAPH_TEST_NEO4J_USER", "neo4j"),
                          os.environ.get("LEXGRAPH_TEST_NEO4J_PASSWORD", ""), os.environ.get("LEXGRAPH_TEST_NEO4J_HTTP"))
        return
    from app import neo4j_server as ns

    cfg = ns.ServerConfig(password=_test_password(), home=NEO4J_TEST_HOME, bolt_port=NEO4J_TEST_BOLT,
                          http_port=NEO4J_TEST_HTTP, heap_size="1g", pagecache_size="512m")
    try:
        ns.install(cfg)  # first run: the jars from Maven Central (a few minutes), not counted in the start time
        ns.start(cfg, timeout=180)
    except ns.Neo4jServerError as e:
        pytest.fail(f"the test Neo4j did not come up: {e}", pytrace=False)
    try:
        yield Neo4jTarget(cfg.bolt_uri, "neo4j", cfg.password, cfg.http_url, cfg)
    finally:
        ns.stop(cfg)


@dataclass
class Service:
    url: str
    pid: int


@contextmanager
def running_service(store: str, env: dict[str, str] | None = None, preexec_fn: Any = None) -> Iterator[Service]:
    """`lexgraph serve` as a user runs it, on a free loopback port; yields its base URL and pid. `preexec_fn` runs in
    the child before it starts (limits: `tests/test_storage.py`)."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    # the server's log goes to a file: a pipe nobody reads would fill up and stall the server
    log = tempfile.NamedTemporaryFile(prefix="lexgraph-serve-", suffix=".log", delete=False)  # noqa: SIM115
    p = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--store", store, "--port", str(port)],
                         cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT, text=True, preexec_fn=preexec_fn)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if p.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("lexgraph serve did not come up: " + Path(log.name).read_text(errors="replace"))
            time.sleep(0.3)
        yield Service(base, p.pid)
    finally:
        p.terminate()
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
        log.close()
        Path(log.name).unlink(missing_ok=True)


def sparql_ready(get: Any, query: str = "ASK { ?s ?p ?o }") -> Any:
    """GET /sparql until the graph is loaded for it: a 503 with Retry-After while it is (a hang guard of 60 tries).
    A 408 is not ready either: the time limit counts the wait for the load, so a query that arrived during the load
    may have too little of it left when the load ends (a short limit on a busy machine)."""
    for _ in range(60):
        r = get("/sparql", params={"query": query})
        if r.status_code not in (408, 503):
            return r
        time.sleep(min(int(r.headers.get("retry-after", "1")), 2))
    return r
