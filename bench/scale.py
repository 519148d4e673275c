"""How lexgraph's cost grows with the size of the graph: every benchmark at 10k, 100k and 1M documents of the
synthetic corpus (`bench/synth.py`), each figure beside a floor measured in the same run.

    python -m bench run --size 1000000            # sizes 10k, 100k, 1M; writes bench/RESULTS.md and plots
    python -m bench run --sizes 10000 --skip neo4j # a quick look

Each figure runs in a fresh process (so peak memory is the figure's own). Neo4j is the server at
LEXGRAPH_BENCH_NEO4J_URI (password in LEXGRAPH_NEO4J_PASSWORD), else the local test server, started with a
larger heap and page cache for the run (.lexgraph/neo4j-test, port 17687; its database is wiped).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from graph.model import Graph

from .api_load import pct
from .synth import Corpus, generate, graphs, texts

ROOT = Path(__file__).resolve().parent.parent
RESULTS_JSON = ROOT / "bench" / "results" / "scale.json"
CHUNK = 20_000  # documents per chunk handed to a store


def machine() -> dict[str, Any]:
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "memory_gb": round(mem / 1024, 1), "cpu": model,
            "python": platform.python_version(), "os": platform.platform(terse=True)}


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _latencies(call: Callable[[str], object], refs: list[str], rounds: int) -> list[float]:
    """Seconds each call took, for every ref, `rounds` times over."""
    out = []
    for ref in refs * rounds:
        t = time.perf_counter()
        call(ref)
        out.append(time.perf_counter() - t)
    return out


def refs_for(c: Corpus, n: int = 2000, seed: int = 11) -> list[str]:
    """Keys to look up: documents that were replaced (chains to follow) and as many that were not."""
    rnd = random.Random(seed)
    replaced = sorted({j for r, _, j in c.rels if r == "REPLACES"})
    others = list(range(len(c.docs)))
    picks = rnd.sample(replaced, min(n // 2, len(replaced))) + rnd.sample(others, min(n // 2, len(others)))
    return [c.docs[i].key for i in picks]


class _Timed:
    """Iterate the chunks of a corpus, timing their generation so a store's own time can be told apart."""

    def __init__(self, c: Corpus, chunk: int = CHUNK) -> None:
        self.c, self.chunk, self.seconds = c, chunk, 0.0

    def __iter__(self) -> Iterator[Graph]:
        it = graphs(self.c, self.chunk)
        while True:
            t = time.perf_counter()
            try:
                g = next(it)
            except StopIteration:
                self.seconds += time.perf_counter() - t
                return
            self.seconds += time.perf_counter() - t
            yield g


# --------------------------------------------------------------------------------------------------------
# the figures (each runs in its own process)

def _extract_chunk(batch: list[str]) -> int:
    from graph.pipeline import extract_text

    return sum(len(extract_text(t, "synth.txt").extraction.relations) for t in batch)  # type: ignore[union-attr]


def fig_extraction(n: int) -> dict[str, Any]:
    """Extraction MB/s on one core and on all cores (a process pool), against the bare scan floor."""
    from graph.numbers import NUMBER_RE
    from graph.pipeline import extract_text
    from graph.vocab import fold

    c = generate(n)
    data = [t for _, t in texts(c)]
    mb = sum(len(t.encode("utf-8")) for t in data) / 1e6
    t0 = time.perf_counter()
    seen = 0
    for t in data:  # the floor: decode-level scan for number-shaped strings, one regex pass
        seen += sum(1 for _ in NUMBER_RE.finditer(fold(t)))
    floor_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    rels = 0
    for t in data:
        ex = extract_text(t, "synth.txt").extraction
        rels += len(ex.relations) if ex else 0
    one_s = time.perf_counter() - t0
    cores = os.cpu_count() or 1
    batches = [data[i : i + 500] for i in range(0, len(data), 500)]
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(cores) as pool:
        rels_pool = sum(pool.imap_unordered(_extract_chunk, batches))
    pool_s = time.perf_counter() - t0
    assert rels_pool == rels, "the pool read what one core read"
    return {"megabytes": round(mb, 1), "texts": len(data), "relations_read": rels,
            "floor_scan_mb_s": round(mb / floor_s, 1), "one_core_mb_s": round(mb / one_s, 2),
            "all_cores_mb_s": round(mb / pool_s, 2), "cores": cores}


def fig_embedded(n: int, path: str) -> dict[str, Any]:
    """Build the embedded store from the graph, written directly, in chunks; peak memory; the floor is the same
    documents and evidence serialised and pickled to a file (no merging, no index)."""
    import pickle

    from pydantic import TypeAdapter

    from graph.model import Document, Evidence
    from graph.stores.memory import MemoryStore

    c = generate(n)
    base_rss = _rss_mb()
    store = MemoryStore(path)
    gen = _Timed(c)
    t0 = time.perf_counter()
    stats = store.upsert_many(gen)
    build_s = time.perf_counter() - t0 - gen.seconds
    counts = store.counts()
    assert counts["documents"] == n and counts["relations"] == c.relation_count, (counts, c.relation_count)
    peak = _peak_mb()
    refs = refs_for(c)
    lat = _latencies(store.replaced_by, refs, 3)
    keys_with_base = store.keys_with_base
    floor_lat = _latencies(lambda ref: keys_with_base(ref.split("@")[0]), refs, 3)  # the key lookup alone
    store.close()
    del store
    # floor (after the build, so the peak above is the build's): serialise every document and every relation's evidence, pickle them to a file
    ev = TypeAdapter(list[Evidence])
    ser = Document.__pydantic_serializer__
    gen = _Timed(c)
    t0 = time.perf_counter()
    rows_docs, rows_rels = [], []
    for g in gen:
        rows_docs += [ser.to_json(d) for d in g.documents.values()]
        rows_rels += [(r.type, r.source, r.target, ev.dump_json(r.evidence)) for r in g.relations.values()]
    with open(path + ".floor", "wb") as f:
        pickle.dump((rows_docs, rows_rels), f, protocol=pickle.HIGHEST_PROTOCOL)
    floor_s = time.perf_counter() - t0 - gen.seconds
    del rows_docs, rows_rels
    os.unlink(path + ".floor")

    return {"documents": counts["documents"], "relations": counts["relations"], "added": stats.documents,
            "build_s": round(build_s, 2), "floor_s": round(floor_s, 2), "generator_s": round(gen.seconds, 2),
            "peak_rss_mb": peak, "generator_rss_mb": base_rss, "file_mb": round(os.path.getsize(path) / 2**20, 1),
            "replaced_by_p50_ms": round(pct(lat, 0.5) * 1000, 4), "replaced_by_p99_ms": round(pct(lat, 0.99) * 1000, 4),
            "floor_p50_ms": round(pct(floor_lat, 0.5) * 1000, 4), "floor_p99_ms": round(pct(floor_lat, 0.99) * 1000, 4)}


def fig_embedded_open(path: str) -> dict[str, Any]:
    """The store alone: a fresh process opens the file; its memory and the time it takes."""
    from graph.stores.memory import MemoryStore

    before = _rss_mb()
    t0 = time.perf_counter()
    s = MemoryStore(path)
    open_s = time.perf_counter() - t0
    return {"open_s": round(open_s, 2), "store_rss_mb": round(_rss_mb() - before, 1), "documents": s.counts()["documents"]}


def _neo4j() -> tuple[str, str, Any, Any]:
    """URI and password of the server; its config if this call started it; its config if it is the local one."""
    uri = os.environ.get("LEXGRAPH_BENCH_NEO4J_URI")
    if uri:
        return uri, os.environ.get("LEXGRAPH_NEO4J_PASSWORD", ""), None, None
    from .neo4j_load import local_server

    return local_server(heap_size=os.environ.get("LEXGRAPH_BENCH_NEO4J_HEAP", "4g"),
                        pagecache_size=os.environ.get("LEXGRAPH_BENCH_NEO4J_PAGECACHE", "6g"))


def fig_neo4j_bulk(n: int) -> dict[str, Any]:
    """The offline bulk import of the same graph into the local server (`lexgraph neo4j import`: CSV files,
    neo4j-admin, restart, constraints and indexes), end to end; its floor is the CREATE floor of `fig_neo4j`
    (same size, same run). The database is replaced."""
    from app.bulk_import import bulk_load

    c = generate(n)
    g = Graph()
    for part in graphs(c):  # chunks of disjoint documents: their union is the graph
        g.documents.update(part.documents)
        g.relations.update(part.relations)
        g.agencies.update(part.agencies)
    cfg = _neo4j()[3]
    rep = bulk_load(cfg, g)
    assert (rep.documents, rep.relations) == (n, c.relation_count), (rep, c.relation_count)
    return {"documents": rep.documents, "relations": rep.relations, "bulk_s": round(rep.seconds, 1),
            "bulk_rel_per_s": round(rep.relations / rep.seconds),
            "import_rel_per_s": round(rep.relations / rep.import_seconds),
            "steps_s": {"csv": round(rep.csv_seconds, 1), "neo4j_admin_import": round(rep.import_seconds, 1),
                        "restart": round(rep.start_seconds, 1), "indexes": round(rep.schema_seconds, 1)}}


def fig_neo4j(n: int, uri: str, password: str) -> dict[str, Any]:
    """MERGE load (batched, idempotent, lexgraph's own path) against plain UNWIND … CREATE of the same rows into an
    empty database; then the lookup through the driver."""
    from graph.stores import cypher as C
    from graph.stores.neo4j_store import Neo4jStore, _doc_row, relation_rows

    from .neo4j_load import CREATE_DOCS, create_rels

    c = generate(n)
    batch = os.environ.get("LEXGRAPH_NEO4J_BATCH", "")
    store = Neo4jStore(uri, password=password, **({"batch_size": int(batch)} if batch.isdigit() else {}))
    try:
        store.clear()
        store.ensure_schema()
        gen = _Timed(c)
        t0 = time.perf_counter()
        for g in gen:
            agencies = [{"id": x.id, "name": x.name, "name_en": x.name_en} for x in g.agencies.values()]
            store._run_batches(C.MERGE_AGENCIES, agencies)
            store._run_batches(CREATE_DOCS, [_doc_row(d) for d in g.documents.values()])
            for t, rr in relation_rows(g.relations.values()):
                store._run_batches(create_rels(t), rr)
        floor_s = time.perf_counter() - t0 - gen.seconds
        floor_rels = store.counts()["relations"]
        store.clear()
        gen = _Timed(c)
        t0 = time.perf_counter()
        store.upsert_many(gen)
        merge_s = time.perf_counter() - t0 - gen.seconds
        counts = store.counts()
        assert counts["documents"] == n and counts["relations"] == c.relation_count, (counts, c.relation_count)
        refs = refs_for(c, 1000)
        lat = _latencies(store.replaced_by, refs, 2)
        # the floor: one indexed lookup of the key through the same driver
        floor_lat = _latencies(lambda ref: store.keys_with_base(ref.split("@")[0]), refs, 2)
    finally:
        store.close()
    return {"documents": counts["documents"], "relations": counts["relations"], "batch_size": store.batch_size,
            "merge_s": round(merge_s, 1), "merge_rel_per_s": round(counts["relations"] / merge_s),
            "floor_s": round(floor_s, 1), "floor_rel_per_s": round(floor_rels / floor_s),
            "replaced_by_p50_ms": round(pct(lat, 0.5) * 1000, 3), "replaced_by_p99_ms": round(pct(lat, 0.99) * 1000, 3),
            "floor_p50_ms": round(pct(floor_lat, 0.5) * 1000, 3), "floor_p99_ms": round(pct(floor_lat, 0.99) * 1000, 3)}


def fig_service(n: int, store_arg: str, password: str, seconds: int, conc: int) -> dict[str, Any]:
    """`GET /documents/{ref}/replaced-by` at `conc` concurrent clients (wrk, else a bounded Python client) against
    the same lookup made directly on the store in this process (the floor)."""
    from graph.stores.base import Store
    from graph.stores.memory import MemoryStore
    from graph.stores.neo4j_store import Neo4jStore

    from .api_load import floor, load, load_wrk, serve

    c = generate(n)
    refs = refs_for(c, 1000)
    store: Store = MemoryStore(store_arg) if not store_arg.startswith(("bolt", "neo4j")) else Neo4jStore(store_arg, password=password)
    direct = floor(store, refs, 4000)
    store.close()
    env = dict(os.environ)
    env.pop("LEXGRAPH_API_KEY", None)
    env["LEXGRAPH_NEO4J_PASSWORD"] = password
    proc, base = serve(store_arg, env)
    try:
        if shutil.which("wrk"):
            http = load_wrk(base, refs, seconds, conc)
            client = "wrk"
        else:
            http = asyncio.run(load(base, refs, 4000, conc))
            client = "python httpx"
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    return {"client": client, "concurrency": conc, "http": http, "direct": direct}


FIGURES = {"extraction": fig_extraction, "embedded": fig_embedded, "embedded_open": fig_embedded_open,
           "neo4j": fig_neo4j, "neo4j_bulk": fig_neo4j_bulk, "service": fig_service}


def child(name: str, *args: Any) -> dict[str, Any]:
    """Run one figure in a fresh interpreter; its JSON is the last line it prints."""
    cmd = [sys.executable, "-m", "bench.scale", name, json.dumps(list(args))]
    print(f"  … {name} {' '.join(str(a) for a in args[:1])}", flush=True)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{name} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    out = json.loads(r.stdout.strip().splitlines()[-1])
    print(f"    {round(time.perf_counter() - t0)} s: {json.dumps(out)}", flush=True)
    return dict(out)


def run(sizes: list[int], skip: set[str], seconds: int = 10, conc: int = 8,
        results_json: Path = RESULTS_JSON) -> dict[str, Any]:
    """Run the figures not in `skip` (extraction, embedded, neo4j, neo4j_bulk, service, service_embedded, service_neo4j) at
    each size; the figures are saved as each is measured, beside those of earlier runs."""
    results: dict[str, Any] = json.loads(results_json.read_text()) if results_json.exists() else {}
    results["machine"] = machine()
    results.setdefault("sizes", {})
    tmp = Path(tempfile.mkdtemp(prefix="lexgraph-scale-"))
    started = local = uri = None
    password = ""

    def want(name: str) -> bool:
        return name not in skip and not (name.startswith("service_") and "service" in skip)

    def save(n: int, name: str, value: dict[str, Any]) -> None:
        r = results["sizes"].setdefault(str(n), {})
        r[name] = value
        r["measured"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        results_json.parent.mkdir(parents=True, exist_ok=True)
        results_json.write_text(json.dumps(results, indent=1) + "\n")

    try:
        for n in sizes:
            print(f"size {n:,}", flush=True)
            if want("extraction"):
                save(n, "extraction", child("extraction", n))
            path = str(tmp / f"g{n}.lexgraph")
            if want("embedded") or want("service_embedded"):
                fig = child("embedded", n, path)
                fig.update(child("embedded_open", path))
                save(n, "embedded", fig)
            if want("service_embedded"):
                save(n, "service_embedded", child("service", n, path, "", seconds, conc))
            Path(path).unlink(missing_ok=True)
            if want("neo4j"):
                if uri is None:
                    uri, password, started, local = _neo4j()
                save(n, "neo4j", child("neo4j", n, uri, password))
                if local is not None and want("neo4j_bulk"):
                    save(n, "neo4j_bulk", child("neo4j_bulk", n))
                if want("service_neo4j"):
                    save(n, "service_neo4j", child("service", n, uri, password, seconds, conc))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if started is not None:
            from app import neo4j_server as ns

            ns.stop(started)
    return results


if __name__ == "__main__":
    fn = FIGURES[sys.argv[1]]
    print(json.dumps(fn(*json.loads(sys.argv[2]))))  # type: ignore[operator]
