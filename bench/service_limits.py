"""The service under heavy requests it must bound (issue 24): N concurrent `GET /export` and M concurrent slow
SPARQL queries on a real `lexgraph serve` of the Gazette graph, while /health and a lookup are asked every half
second. Prints (and with --json writes) what each got, how long /health and the lookup took (the worst and the
median), and the memory of the service process and of its children (export and SPARQL workers), sampled every
0.2 s.

    python -m bench.service_limits [CORPUS_DIR] [--store FILE] [--exports 40] [--sparql 45] [--seconds 180]
    python -m bench.service_limits --before dd8aeef --exports 8 --sparql 10 --seconds 60

CORPUS_DIR (default /work/shared/corpus/congbao/texts) is built into a temporary store with `lexgraph build`
unless --store names one. The exports all ask for Turtle on a cold cache (the export of a new version); the slow
query is the issue's (`SELECT * WHERE {?a ?b ?c . ?d ?e ?f} ORDER BY ?c ?f LIMIT 5`), asked once the graph is
loaded for SPARQL (an ASK answered; the time that took is printed apart). `--before REV` runs the
same load on the code of git revision REV first (exported with `git archive`), stopping it after --seconds
(the old service may never finish: it is killed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from .api_load import ROOT, checkout, free_port

CORPUS = Path("/work/shared/corpus/congbao/texts")
SLOW = "SELECT * WHERE {?a ?b ?c . ?d ?e ?f} ORDER BY ?c ?f LIMIT 5"
LOOKUP = "/documents/42/2022/NĐ-CP"


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for t in Path(f"/proc/{pid}/task").iterdir():
            kids = (t / "children").read_text().split()
            for k in kids:
                out.append(int(k))
                out.extend(_children(int(k)))
    except OSError:
        pass
    return out


def serve(store: Path, root: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    p = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--store", str(store), "--port", str(port)],
                         cwd=root, env={**os.environ, **env, "PYTHONPATH": str(root)},
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return p, base
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    p.kill()
    raise SystemExit("the service did not come up")


def _probe(base: str, lookup: str, stop: Any, send: Any) -> None:
    """In a process of its own (the load's downloads do not slow its clock): /health and a lookup every 0.5 s."""
    probes: dict[str, list[float]] = {"health": [], "lookup": []}
    fails: Counter[str] = Counter()
    with httpx.Client(base_url=base, timeout=30) as c:
        while not stop.is_set():
            for name, path in (("health", "/health"), ("lookup", lookup)):
                t = time.monotonic()
                try:
                    r = c.get(path)
                    if r.status_code != 200:
                        fails[f"{name} {r.status_code}"] += 1
                except httpx.HTTPError as e:
                    fails[f"{name} {type(e).__name__}"] += 1
                probes[name].append(time.monotonic() - t)
            stop.wait(0.5)
    send.send((probes, dict(fails)))


async def scenario(base: str, pid: int, n_exports: int, n_sparql: int, seconds: float,
                   exports_dir: Path) -> dict[str, Any]:
    peak = {"service_mb": 0, "tree_mb": 0}
    stop = asyncio.Event()
    lookup = "/documents/" + httpx.get(base + "/documents", params={"limit": 1}).json()["data"][0]["key"]
    # the graph loaded for SPARQL first (the first query after a start or a change loads it: 503 until then), so
    # that the slow queries run, and the exports that load needs are not in the figures
    t_warm = time.monotonic()
    while time.monotonic() - t_warm < 600:
        r = httpx.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=600)
        if r.status_code == 200:
            break
        time.sleep(1)
    warm_s = round(time.monotonic() - t_warm, 1)
    for f in exports_dir.glob("*.ttl"):  # the Turtle exports made cold
        f.unlink()
    ctx = mp.get_context("fork")
    probe_stop = ctx.Event()
    receive, send = ctx.Pipe(duplex=False)
    prober = ctx.Process(target=_probe, args=(base, lookup, probe_stop, send), daemon=True)
    prober.start()
    t0 = time.monotonic()

    async def sample() -> None:
        while not stop.is_set():
            own = _rss_kb(pid)
            tree = own + sum(_rss_kb(k) for k in _children(pid))
            peak["service_mb"] = max(peak["service_mb"], own // 1024)
            peak["tree_mb"] = max(peak["tree_mb"], tree // 1024)
            await asyncio.sleep(0.2)

    async def one(c: httpx.AsyncClient, kind: str, done: dict[str, Any]) -> None:
        t = time.monotonic()
        try:
            if kind == "export":
                async with c.stream("GET", "/export", params={"format": "ttl"}) as r:
                    size = 0
                    async for chunk in r.aiter_bytes():
                        size += len(chunk)
                status = str(r.status_code)
            else:
                r = await c.get("/sparql", params={"query": SLOW})
                status = str(r.status_code)
                if status != "200":
                    done.setdefault("details", {}).setdefault(status, r.text[:160])
        except httpx.HTTPError as e:
            status = type(e).__name__
        done["codes"][status] += 1
        if status == "200":
            done["first_200_s"] = min(done.get("first_200_s", 1e9), time.monotonic() - t0)
        done["last_s"] = max(done.get("last_s", 0.0), time.monotonic() - t)

    limits = httpx.Limits(max_connections=n_exports + n_sparql + 4, max_keepalive_connections=8)
    async with httpx.AsyncClient(base_url=base, timeout=seconds, limits=limits) as load:
        sampler = asyncio.create_task(sample())
        exports: dict[str, Any] = {"codes": Counter()}
        sparql: dict[str, Any] = {"codes": Counter()}
        jobs = [asyncio.create_task(one(load, "export", exports)) for _ in range(n_exports)]
        jobs += [asyncio.create_task(one(load, "sparql", sparql)) for _ in range(n_sparql)]
        _, pending = await asyncio.wait(jobs, timeout=seconds)
        for j in pending:
            j.cancel()
        unfinished = len(pending)
        await asyncio.sleep(1.0)  # a last probe and sample after the load
        stop.set()
        await asyncio.gather(sampler, return_exceptions=True)
    probe_stop.set()
    probes, probe_fail = receive.recv()
    prober.join(10)

    def ms(xs: list[float], q: str) -> float | None:
        if not xs:
            return None
        return round(1000 * (max(xs) if q == "max" else statistics.median(xs)), 1)

    return {
        "exports": {"codes": dict(exports["codes"]), "first_200_s": round(exports.get("first_200_s", 0), 1) or None,
                    "slowest_s": round(exports.get("last_s", 0), 1)},
        "sparql": {"codes": dict(sparql["codes"]), "slowest_s": round(sparql.get("last_s", 0), 1),
                   "details": sparql.get("details", {})},
        "unfinished_after_s": {"count": unfinished, "seconds": seconds},
        "health_ms": {"p50": ms(probes["health"], "p50"), "max": ms(probes["health"], "max"), "n": len(probes["health"])},
        "lookup_ms": {"p50": ms(probes["lookup"], "p50"), "max": ms(probes["lookup"], "max"), "n": len(probes["lookup"])},
        "lookup": lookup,
        "probe_failures": probe_fail,
        "peak_rss_mb": peak,
        "wall_s": round(time.monotonic() - t0, 1),
        "sparql_warm_up_s": warm_s,
    }


def run(label: str, root: Path, store: Path, a: argparse.Namespace) -> dict[str, Any]:
    exports = store.with_name(store.name + ".exports")
    if exports.exists():  # a cold cache: the exports of a new version
        for f in exports.iterdir():
            f.unlink()
    p, base = serve(store, root, {})
    try:
        rss0 = _rss_kb(p.pid) // 1024
        res = asyncio.run(scenario(base, p.pid, a.exports, a.sparql, a.seconds, exports))
        res["idle_rss_mb"] = rss0
        res["rss_after_load_mb"] = _rss_kb(p.pid) // 1024  # what the load left resident in the service
    finally:
        p.terminate()
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    res["code"] = label
    print(json.dumps(res, ensure_ascii=False, indent=1), flush=True)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.service_limits", description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--store", type=Path, default=None, help="a built store file (else CORPUS is built)")
    ap.add_argument("--exports", type=int, default=40)
    ap.add_argument("--sparql", type=int, default=45)
    ap.add_argument("--seconds", type=float, default=180, help="the longest the load may run")
    ap.add_argument("--before", default=None, help="also run the code of this git revision, first")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lexgraph-limits-") as tmp:
        store = a.store
        if store is None:
            store = Path(tmp) / "graph.lexgraph"
            subprocess.run([sys.executable, "-m", "app.cli", "build", str(a.corpus), "--store", str(store)],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        load1 = os.getloadavg()[0]
        results = []
        if a.before:
            results.append(run(a.before, checkout(a.before, Path(tmp) / "before"), store, a))
        results.append(run("this tree", ROOT, store, a))
    out = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_1min_at_start": load1},
           "store": str(a.store or a.corpus), "exports": a.exports, "sparql": a.sparql, "runs": results}
    if a.json:
        a.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
