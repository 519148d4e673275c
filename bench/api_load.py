"""Load on the query service over loopback: requests per second and p50/p99 latency of
`GET /documents/{ref}/replaced-by` on the Gazette graph, for both stores, beside the same lookup made
directly on the store in the same run (the floor: no HTTP, no JSON). Also `GET /documents/{ref}` of the 50
documents with the most relations (a document with its relations both ways and their evidence, its status and
dates of effect), beside the same answer built without HTTP (`document_out` of `Store.document_relations`).

    python -m bench.api_load [CORPUS_DIR] [--requests 4000] [--concurrency 16] [--stores memory,neo4j]
    python -m bench.api_load --before bc4e31c --only-documents --json bench/results/api_load_store_once.json

`--before REV` measures `GET /documents/{ref}` of the same 50 documents twice in the same run, on the same store
(the same file, the same Neo4j database): first served by the code of git revision REV (exported with `git
archive` into a temporary folder and run from there as `lexgraph serve`), then by the code of this working tree;
`--rounds N` alternates them N times. That is how issue 22 ("reading the store once") was measured: REV is the
commit before it. `--only-documents` leaves out the /replaced-by load and the direct floors.

The service runs as `lexgraph serve` (uvicorn, one worker) in its own process. Two clients load it in turn:
a bounded asyncio httpx client in this process (`--requests`), and wrk (`apt-get install wrk`; `--seconds`)
when it is installed; on 2 cores the Python client takes much of the CPU, so wrk shows the service better. Neo4j is the server at LEXGRAPH_BENCH_NEO4J_URI (password in
LEXGRAPH_NEO4J_PASSWORD), else the test server this starts (.lexgraph/neo4j-test, port 17687).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from graph.model import Graph
from graph.pipeline import extract_paths
from graph.stores.base import Store
from graph.stores.memory import MemoryStore
from graph.stores.neo4j_store import Neo4jStore

from .extract_speed import default_corpus
from .neo4j_load import local_server

ROOT = Path(__file__).resolve().parent.parent


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


CHAIN = "/documents/{}/replaced-by"
DOCUMENT = "/documents/{}"


def floor(store: Store, refs: list[str], n: int, call: Callable[[Store, str], object] | None = None) -> dict[str, float]:
    """The lookup made directly on the store (default: `replaced_by`), n times over the refs."""
    call = call or (lambda s, ref: s.replaced_by(ref))
    lat = []
    t0 = time.perf_counter()
    for i in range(n):
        t = time.perf_counter()
        call(store, refs[i % len(refs)])
        lat.append(time.perf_counter() - t)
    total = time.perf_counter() - t0
    return {"rps": round(n / total), "p50_ms": round(pct(lat, 0.5) * 1000, 2), "p99_ms": round(pct(lat, 0.99) * 1000, 2)}


def document_floor(store: Store, ref: str) -> object:
    """What GET /documents/{ref} computes, without HTTP and JSON."""
    from app.api.presenters import document_out

    return document_out(store.document_relations(ref))


async def load(base: str, refs: list[str], n: int, conc: int, path: str = CHAIN) -> dict[str, float]:
    lat: list[float] = []
    errors = 0
    sem = asyncio.Semaphore(conc)
    limits = httpx.Limits(max_connections=conc, max_keepalive_connections=conc)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as c:
        async def one(i: int) -> None:
            nonlocal errors
            async with sem:
                t = time.perf_counter()
                r = await c.get(path.format(quote(refs[i % len(refs)], safe="")))
                lat.append(time.perf_counter() - t)
                if r.status_code != 200:
                    errors += 1
        for i in range(min(200, n)):  # warm-up, not counted
            await one(i)
        lat.clear()
        t0 = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(n)))
        total = time.perf_counter() - t0
    return {"rps": round(n / total), "p50_ms": round(pct(lat, 0.5) * 1000, 2), "p99_ms": round(pct(lat, 0.99) * 1000, 2),
            "errors": errors}


def _ms(v: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    if not m:
        return float("nan")
    x = float(m.group(1))
    return round(x / 1000 if m.group(2) == "us" else x * 1000 if m.group(2) == "s" else x, 2)


def load_wrk(base: str, refs: list[str], seconds: int, conc: int, path: str = CHAIN) -> dict[str, float]:
    """The same load from wrk (C, one thread): the client then costs the 2 cores far less than Python's."""
    paths = [path.format(quote(r, safe="")) for r in refs]
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text("paths = {" + ",".join(json.dumps(x) for x in paths) + "}\n"
                      "i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n")
    out = subprocess.run(["wrk", "-t1", f"-c{conc}", f"-d{seconds}s", "--latency", "-s", str(script), base],
                         capture_output=True, text=True, check=True).stdout
    script.unlink()
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))),  # type: ignore[union-attr]
            "p50_ms": _ms(lat.get("50", "")), "p99_ms": _ms(lat.get("99", "")),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)), "errors": errors}  # type: ignore[union-attr]


def serve(store_arg: str, env: dict[str, str], root: Path = ROOT) -> tuple[subprocess.Popen[bytes], str]:
    """`lexgraph serve` of the code in `root` (this checkout, or an earlier revision's `checkout`)."""
    port = free_port()
    p = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--store", store_arg, "--port", str(port)],
                         cwd=root, env={**env, "PYTHONPATH": str(root)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/ready", timeout=2).status_code == 200:
                return p, base
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    p.kill()
    raise SystemExit("the service did not come up")


def checkout(rev: str, into: Path) -> Path:
    """The code of a git revision, exported into a folder (no worktree, nothing of this checkout touched)."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def document_load(base: str, hubs: list[str], a: argparse.Namespace) -> dict[str, float]:
    """GET /documents/{ref} of the hubs: wrk when installed (after a warm-up), else the Python client."""
    if shutil.which("wrk"):
        asyncio.run(load(base, hubs, 2 * len(hubs), a.concurrency, DOCUMENT))  # warm-up, not counted
        return load_wrk(base, hubs, a.seconds, a.concurrency, DOCUMENT)
    return asyncio.run(load(base, hubs, a.requests // 10, a.concurrency, DOCUMENT))


def open_bench_store(kind: str, g: Graph, tmp: Path, env: dict[str, str]) -> tuple[Store, str, Any]:
    """The store of `kind` holding the graph: the store, what `--store` names it by, and the Neo4j server this
    started (to stop after), if any."""
    started = None
    if kind == "memory":
        path = tmp / "g.lexgraph"
        store: Store = MemoryStore(path)
        store.upsert(g)
        return store, str(path), None
    uri = os.environ.get("LEXGRAPH_BENCH_NEO4J_URI")
    if uri:
        password = os.environ.get("LEXGRAPH_NEO4J_PASSWORD", "")
    else:
        uri, password, started, _ = local_server()
    store = Neo4jStore(uri, password=password)
    store.clear()
    store.upsert(g)
    env["LEXGRAPH_NEO4J_PASSWORD"] = password
    return store, uri, started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=None)
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--stores", default="memory,neo4j")
    ap.add_argument("--seconds", type=int, default=10, help="duration of the wrk run (when wrk is installed)")
    ap.add_argument("--before", metavar="REV", default=None,
                    help="also serve GET /documents/{ref} with the code of this git revision, on the same store")
    ap.add_argument("--rounds", type=int, default=1, help="with --before: how many times to alternate the two")
    ap.add_argument("--only-documents", action="store_true", help="only GET /documents/{ref} (no /replaced-by load)")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    corpus = a.corpus or default_corpus()
    g = extract_paths([corpus])
    # every document that something replaced, and as many others: hits and misses of the chain
    replaced = sorted({r.target for r in g.relations.values() if r.type == "REPLACES"})
    others = sorted(k for k in g.documents if k not in replaced)[: len(replaced)]
    refs = replaced + others
    degree: Counter[str] = Counter()
    for r in g.relations.values():
        degree[r.source] += 1
        degree[r.target] += 1
    hubs = [k for k, _ in degree.most_common() if k in g.documents][:50]
    res: dict[str, Any] = {"corpus": str(corpus), "documents": len(g.documents), "relations": len(g.relations),
                           "requests": a.requests, "concurrency": a.concurrency, "refs": len(refs),
                           "hubs": len(hubs), "hub_relations": [degree[h] for h in hubs],
                           "client": "wrk" if shutil.which("wrk") else "python", "seconds": a.seconds,
                           "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                           "cpu": _cpu_model(), "date": time.strftime("%Y-%m-%d")}
    env = dict(os.environ)
    env.pop("LEXGRAPH_API_KEY", None)
    tmp = Path(tempfile.mkdtemp(prefix="lexgraph-bench-"))
    roots = {"after": ROOT}
    if a.before:
        roots = {"before": checkout(a.before, tmp / "before"), "after": ROOT}
        res["before"] = a.before
        res["after"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                      text=True).stdout.strip() + " (working tree)"
    started = None
    try:
        for kind in a.stores.split(","):
            store, store_arg, started_now = open_bench_store(kind, g, tmp, env)
            started = started or started_now
            if not a.only_documents:
                res[f"{kind}_floor_direct"] = floor(store, refs, a.requests)
                res[f"{kind}_document_floor_direct"] = floor(store, hubs, a.requests // 10, document_floor)
            for rnd in range(a.rounds if a.before else 1):
                for label, root in roots.items():
                    proc, base = serve(store_arg, env, root)
                    try:
                        if not a.only_documents and label == "after" and rnd == 0:
                            res[f"{kind}_http_python_client"] = asyncio.run(load(base, refs, a.requests, a.concurrency))
                            if shutil.which("wrk"):
                                res[f"{kind}_http_wrk"] = load_wrk(base, refs, a.seconds, a.concurrency)
                        name = f"{kind}_document_{label}" if a.before else f"{kind}_document_http"
                        res.setdefault(name, []).append(document_load(base, hubs, a))
                    finally:
                        proc.terminate()
                        proc.wait(timeout=30)
            if kind != "memory":
                store.clear()
            store.close()
    finally:
        if started is not None:
            from app import neo4j_server as ns

            ns.stop(started)
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(res, indent=1))
    if a.json:
        a.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
