"""Writes under load (issue 24 items 6 and 8), on a real `lexgraph serve`.

`neo4j`: N concurrent `POST /ingest` of one text into an emptied Neo4j (the test server: home
`.lexgraph/neo4j-test`, ports LEXGRAPH_TEST_NEO4J_BOLT_PORT/HTTP_PORT, started here when not running and stopped
after). Reports the wall time, the statuses, the sum of what the responses say they `added`, and what the graph
gained: the two must be equal.

`reads`: GET /documents/{ref} on one connection, one request after the other, first with nothing else running
(`quiet`), then while `--ingest-clients` clients each send ingests (of the Gazette texts, `--texts`, and the seeds)
that merge into and save the embedded store (`during`): p50, p99 and max of each.

    python -m bench.concurrent_ingest neo4j [--n 200] [--before REV] [--json OUT]
    python -m bench.concurrent_ingest reads --store /tmp/disk.lexgraph [--ingests 40] [--ingest-clients 4]
                                            [--before REV] [--json OUT]

`--before REV` runs the service from the code of git revision REV (exported with `git archive`) instead of
this checkout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from .api_load import ROOT, checkout, free_port, pct

TEXT = ROOT / "tests" / "fixtures" / "congbao" / "nghi-dinh-so-123-2026-nd-cp-469299.txt"
KEY = "bench-key-0123456789"


@contextmanager
def serve(src: Path, store: str, env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    full = {**os.environ, "PYTHONPATH": str(src), "LEXGRAPH_API_KEY": KEY, **env}
    log = tempfile.NamedTemporaryFile(prefix="lexgraph-bench-", suffix=".log", delete=False)  # noqa: SIM115
    p = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--store", store, "--port", str(port)], cwd=src,
                         env=full, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if p.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the service did not come up: " + Path(log.name).read_text(errors="replace")[-2000:])
            time.sleep(0.3)
        yield base
    finally:
        p.terminate()
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
        log.close()
        Path(log.name).unlink(missing_ok=True)


def _neo4j() -> tuple[Any, bool]:
    from app import neo4j_server as ns

    home = ROOT / ".lexgraph" / "neo4j-test"
    pw = (home.parent / "neo4j-test.password").read_text(encoding="utf-8").strip()
    cfg = ns.ServerConfig(password=pw, home=home, bolt_port=int(os.environ.get("LEXGRAPH_TEST_NEO4J_BOLT_PORT", "17687")),
                          http_port=int(os.environ.get("LEXGRAPH_TEST_NEO4J_HTTP_PORT", "17474")), heap_size="1g",
                          pagecache_size="512m")
    running = bool(ns.status(cfg).get("bolt_ready"))
    if not running:
        ns.start(cfg, timeout=180)
    return cfg, not running


async def _ingest_all(base: str, text: str, n: int) -> list[tuple[int, dict[str, Any], float]]:
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=httpx.Limits(max_connections=n)) as c:
        async def one() -> tuple[int, dict[str, Any], float]:
            t = time.perf_counter()
            try:
                r = await c.post("/ingest", json={"text": text, "name": TEXT.name}, headers={"X-API-Key": KEY})
            except httpx.HTTPError as e:  # no answer within the timeout
                return 0, {"detail": type(e).__name__}, time.perf_counter() - t
            return r.status_code, r.json(), time.perf_counter() - t
        return list(await asyncio.gather(*(one() for _ in range(n))))


def bench_neo4j(a: argparse.Namespace, src: Path) -> dict[str, Any]:
    from graph.stores.neo4j_store import Neo4jStore

    cfg, started = _neo4j()
    try:
        store = Neo4jStore(cfg.bolt_uri, password=cfg.password)
        store.clear()
        store.ensure_schema()
        before = store.counts()
        text = TEXT.read_text(encoding="utf-8")
        with serve(src, cfg.bolt_uri, {"LEXGRAPH_NEO4J_PASSWORD": cfg.password}) as base:
            t0 = time.perf_counter()
            res = asyncio.run(_ingest_all(base, text, a.n))
            wall = time.perf_counter() - t0
        after = store.counts()
        store.close()
    finally:
        if started:
            from app import neo4j_server as ns

            ns.stop(cfg)
    added = Counter[str]()
    errors = Counter[str]()
    claimed = 0
    for status, body, _ in res:
        if status == 200:
            added.update(body["added"])
            claimed += bool(body["added"]["documents"])
        else:
            errors[f"{status} {body.get('detail', '')[:90]}"] += 1
    lat = [t for _, _, t in res]
    return {
        "n": a.n, "seconds": round(wall, 1), "statuses": dict(Counter(s for s, _, _ in res)), "errors": dict(errors),
        "latency_p50_s": round(pct(lat, 0.5), 2), "latency_max_s": round(max(lat), 2),
        "sum_added": dict(added), "responses_claiming_documents": claimed,
        "graph_gained": {k: after[k] - before[k] for k in ("documents", "relations", "agencies")},
    }


def _reads(base: str, refs: list[str], stop: threading.Event, lat: list[float]) -> None:
    with httpx.Client(base_url=base, timeout=60) as c:
        i = 0
        while not stop.is_set():
            t = time.perf_counter()
            r = c.get("/documents/" + refs[i % len(refs)])
            lat.append(time.perf_counter() - t)
            assert r.status_code == 200, r.text
            i += 1


def _figures(lat: list[float]) -> dict[str, float]:
    return {"requests": len(lat), "p50_ms": round(pct(lat, 0.5) * 1000, 2), "p99_ms": round(pct(lat, 0.99) * 1000, 2),
            "max_ms": round(max(lat) * 1000, 1)}


def bench_reads(a: argparse.Namespace, src: Path, tmp: Path) -> dict[str, Any]:
    from graph.stores.memory import MemoryStore

    store = tmp / "g.lexgraph"
    shutil.copyfile(a.store, store)
    refs = [k for k in MemoryStore(store).all_keys() if "/" in k][:: 7][:300]
    texts = sorted((ROOT / "seeds").glob("*.txt")) + sorted(Path(a.texts).glob("*.txt"))[:: 10]
    saves: list[float] = []
    with serve(src, str(store), {}) as base:
        quiet: list[float] = []
        stop = threading.Event()
        th = threading.Thread(target=_reads, args=(base, refs, stop, quiet))
        th.start()
        time.sleep(a.seconds)
        stop.set()
        th.join()
        during: list[float] = []
        stop = threading.Event()
        th = threading.Thread(target=_reads, args=(base, refs, stop, during))
        th.start()
        todo = list(range(a.ingests))

        def ingests() -> None:
            with httpx.Client(base_url=base, timeout=600) as c:
                while todo:
                    i = todo.pop()
                    f = texts[i % len(texts)]
                    t = time.perf_counter()
                    r = c.post("/ingest", json={"text": f.read_text(encoding="utf-8"), "name": f"{i}-{f.name}"},
                               headers={"X-API-Key": KEY})
                    saves.append(time.perf_counter() - t)
                    assert r.status_code == 200, r.text

        clients = [threading.Thread(target=ingests) for _ in range(a.ingest_clients)]
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        stop.set()
        th.join()
    return {"store_bytes": store.stat().st_size, "ingests": a.ingests, "ingest_clients": a.ingest_clients,
            "ingest_p50_s": round(pct(saves, 0.5), 2), "quiet": _figures(quiet), "during_ingests": _figures(during)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["neo4j", "reads"])
    ap.add_argument("--n", type=int, default=200, help="concurrent ingests (neo4j)")
    ap.add_argument("--store", default="/tmp/disk.lexgraph", help="embedded store to copy and serve (reads)")
    ap.add_argument("--ingests", type=int, default=40, help="ingests while reading (reads)")
    ap.add_argument("--ingest-clients", type=int, default=4, help="clients sending them at once (reads)")
    ap.add_argument("--texts", default="/work/shared/corpus/congbao/texts", help="texts to ingest, with the seeds (reads)")
    ap.add_argument("--seconds", type=float, default=10, help="reads with nothing else running (reads)")
    ap.add_argument("--before", help="run the service from this git revision's code")
    ap.add_argument("--json", type=Path, help="write the figures here")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lexgraph-bench-") as td:
        tmp = Path(td)
        src = checkout(a.before, tmp / "src") if a.before else ROOT
        out = bench_neo4j(a, src) if a.mode == "neo4j" else bench_reads(a, src, tmp)
    out = {"mode": a.mode, "code": a.before or "this checkout", "date": time.strftime("%Y-%m-%d"),
           "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores", **out}
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
