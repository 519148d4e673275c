"""bench/RESULTS.md and the plots (docs/img/scale-*.png) from bench/results/scale.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS_JSON = ROOT / "bench" / "results" / "scale.json"
RESULTS_MD = ROOT / "bench" / "RESULTS.md"
ANALYSIS = ROOT / "bench" / "results" / "analysis.md"
BEGIN, END = "<!-- scale:begin -->", "<!-- scale:end -->"  # the block this report writes in RESULTS.md
IMG = ROOT / "docs" / "img"
COMMAND = "scripts/bench.sh run --size 1000000"

GOALS = "1,000,000 documents and 3,000,000 relations on the 2-core, 24 GB machine"


def _ratio(value: float, floor: float) -> str:
    if not floor or not value:
        return "–"
    return f"{value / floor:,.1f}×"


def _n(x: Any, digits: int = 0) -> str:
    if x is None:
        return "–"
    if isinstance(x, (int, float)):
        return f"{x:,.{digits}f}"
    return str(x)


def rows(results: dict[str, Any]) -> list[tuple[str, str, str, str, str, str]]:
    """(size, figure, value, floor, ratio, unit note) for every figure measured."""
    out = []
    for size, r in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        s = f"{int(size):,}"
        if "extraction" in r:
            e = r["extraction"]
            out.append((s, f"extraction, one core ({e['megabytes']} MB of text)", f"{e['one_core_mb_s']} MB/s",
                        f"{e['floor_scan_mb_s']} MB/s", _ratio(e["floor_scan_mb_s"], e["one_core_mb_s"]), "floor ÷ value"))
            out.append((s, f"extraction, {e['cores']} cores (process pool)", f"{e['all_cores_mb_s']} MB/s",
                        f"{e['floor_scan_mb_s']} MB/s", _ratio(e["floor_scan_mb_s"], e["all_cores_mb_s"]), "floor ÷ value"))
        if "embedded" in r:
            m = r["embedded"]
            out.append((s, f"embedded build ({m['documents']:,} docs, {m['relations']:,} rels)", f"{m['build_s']} s",
                        f"{m['floor_s']} s", _ratio(m["build_s"], m["floor_s"]), "value ÷ floor"))
            out.append((s, "embedded build, peak memory of the process (the store alone)",
                        f"{_n(m['peak_rss_mb'])} MB ({_n(m.get('store_rss_mb'))} MB)",
                        f"{_n(m['generator_rss_mb'])} MB", _ratio(m["peak_rss_mb"], m["generator_rss_mb"]),
                        "floor: the generator's corpus before the build"))
            out.append((s, "embedded store opens from its file", f"{m.get('open_s', '–')} s", "–", "–", ""))
            out.append((s, "what replaced X, embedded, p50 / p99", f"{m['replaced_by_p50_ms']} / {m['replaced_by_p99_ms']} ms",
                        f"{m['floor_p50_ms']} / {m['floor_p99_ms']} ms", _ratio(m["replaced_by_p99_ms"], m["floor_p99_ms"]),
                        "p99 ÷ floor p99 (floor: the key lookup alone)"))
        if "neo4j" in r:
            n = r["neo4j"]
            out.append((s, f"Neo4j load, MERGE, batch {n['batch_size']}", f"{_n(n['merge_rel_per_s'])} rel/s ({n['merge_s']} s)",
                        f"{_n(n['floor_rel_per_s'])} rel/s ({n['floor_s']} s)", _ratio(n["merge_s"], n["floor_s"]),
                        "value ÷ floor time (floor: UNWIND … CREATE)"))
            b = r.get("neo4j_bulk")
            if b:
                out.append((s, "Neo4j first load, offline import (CSV, neo4j-admin, restart, indexes)",
                            f"{_n(b['bulk_rel_per_s'])} rel/s ({b['bulk_s']} s)",
                            f"{_n(n['floor_rel_per_s'])} rel/s ({n['floor_s']} s)", _ratio(b["bulk_s"], n["floor_s"]),
                            "value ÷ floor time (floor: UNWIND … CREATE)"))
            out.append((s, "what replaced X, Neo4j driver, p50 / p99", f"{n['replaced_by_p50_ms']} / {n['replaced_by_p99_ms']} ms",
                        f"{n['floor_p50_ms']} / {n['floor_p99_ms']} ms", _ratio(n["replaced_by_p99_ms"], n["floor_p99_ms"]),
                        "p99 ÷ floor p99 (floor: one indexed key lookup)"))
        for kind in ("embedded", "neo4j"):
            sv = r.get(f"service_{kind}")
            if sv:
                h, d = sv["http"], sv["direct"]
                out.append((s, f"service /replaced-by, {kind}, {sv['concurrency']} clients ({sv['client']})",
                            f"{_n(h['rps'])} req/s, p50 {h['p50_ms']} / p99 {h['p99_ms']} ms",
                            f"{_n(d['rps'])} /s, p50 {d['p50_ms']} / p99 {d['p99_ms']} ms",
                            _ratio(d["rps"], h["rps"]), "floor ÷ value (floor: the store call, no HTTP)"))
    return out


def goals(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    big = results["sizes"].get("1000000")
    if not big:
        return []
    out = []
    m, n = big.get("embedded"), big.get("neo4j")
    if m:
        out.append(("embedded store builds in under 2 minutes", "< 120 s", f"{m['build_s']} s",
                    "met" if m["build_s"] < 120 else "missed"))
        out.append(("… within 4 GB", "< 4,096 MB", f"{_n(m['peak_rss_mb'])} MB peak ({_n(m.get('store_rss_mb'))} MB the store)",
                    "met" if m["peak_rss_mb"] < 4096 else "missed"))
        out.append(("what replaced X, embedded, p99", "< 1 ms", f"{m['replaced_by_p99_ms']} ms",
                    "met" if m["replaced_by_p99_ms"] < 1 else "missed"))
    if n:
        out.append(("Neo4j loads (MERGE)", "≥ 30,000 rel/s", f"{_n(n['merge_rel_per_s'])} rel/s",
                    "met" if n["merge_rel_per_s"] >= 30000 else "missed"))
    b = big.get("neo4j_bulk")
    if b:
        out.append(("Neo4j first load, offline import (not MERGE: replaces the database)", "≥ 30,000 rel/s",
                    f"{_n(b['bulk_rel_per_s'])} rel/s end to end", "met" if b["bulk_rel_per_s"] >= 30000 else "missed"))
    for kind in ("embedded", "neo4j"):
        sv = big.get(f"service_{kind}")
        if sv:
            out.append((f"what replaced X through the service ({kind}), p99", "< 10 ms", f"{sv['http']['p99_ms']} ms",
                        "met" if sv["http"]["p99_ms"] < 10 else "missed"))
    return out


def earlier(results: dict[str, Any]) -> list[str]:
    """The goals as earlier runs kept beside this one measured them (`bench/results/scale-<date>-<machine>.json`, each
    the scale.json of a whole run), so that a reader sees how much of a figure is the machine."""
    runs = []
    for f in sorted(RESULTS_JSON.parent.glob("scale-*.json")):
        r = json.loads(f.read_text())
        g = {x[0]: x[2] for x in goals(r)}
        if g:
            big = r["sizes"]["1000000"]
            runs.append((f, r["machine"], big.get("measured", "?"), g))
    if not runs:
        return []
    now = goals(results)
    m = results["machine"]
    this = f"this run: {m['cpu']}, {m['cores']} cores ({results['sizes'].get('1000000', {}).get('measured', '?')[:10]})"
    head = f"| goal | {this} |" + "".join(f" {k['cpu']}, {k['cores']} cores ({when[:10]}) |" for _, k, when, _ in runs)
    out = ["", "## Earlier runs", "",
           "The same command on other machines, kept beside this run: the figures at 1,000,000 documents. Files: "
           + ", ".join(f"`bench/results/{f.name}`" for f, *_ in runs) + ".", "",
           head, "|---|---|" + "---|" * len(runs)]
    for name, _, value, _ in now:
        out.append(f"| {name} | {value} |" + "".join(f" {g.get(name, '–')} |" for *_, g in runs))
    return out


def plots(results: dict[str, Any]) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(int(s) for s in results["sizes"])
    R = [results["sizes"][str(s)] for s in sizes]

    def series(path: tuple[str, ...]) -> tuple[list[int], list[float]]:
        xs, ys = [], []
        for s, r in zip(sizes, R, strict=True):
            v: Any = r
            for p in path:
                v = v.get(p) if isinstance(v, dict) else None
            if isinstance(v, (int, float)):
                xs.append(s)
                ys.append(float(v))
        return xs, ys

    specs = [
        ("scale-extraction.png", "Extraction speed", "MB/s", [
            (("extraction", "one_core_mb_s"), "extraction, 1 core"), (("extraction", "all_cores_mb_s"), "extraction, all cores"),
            (("extraction", "floor_scan_mb_s"), "floor: bare scan")], True),
        ("scale-build.png", "Embedded store: build time", "seconds", [
            (("embedded", "build_s"), "build (merge + save)"), (("embedded", "floor_s"), "floor: serialise + pickle")], True),
        ("scale-memory.png", "Embedded store: memory", "MB", [
            (("embedded", "peak_rss_mb"), "peak RSS of the build"), (("embedded", "store_rss_mb"), "the store alone, opened"),
            (("embedded", "generator_rss_mb"), "floor: generator's corpus")], True),
        ("scale-latency.png", "What replaced X: p99 latency", "ms", [
            (("embedded", "replaced_by_p99_ms"), "embedded, direct"), (("neo4j", "replaced_by_p99_ms"), "Neo4j, driver"),
            (("service_embedded", "http", "p99_ms"), "service, embedded"), (("service_neo4j", "http", "p99_ms"), "service, Neo4j"),
            (("embedded", "floor_p99_ms"), "floor: key lookup, embedded")], True),
        ("scale-neo4j-load.png", "Neo4j load", "relationships/s", [
            (("neo4j", "merge_rel_per_s"), "MERGE (lexgraph)"), (("neo4j", "floor_rel_per_s"), "floor: CREATE"),
            (("neo4j_bulk", "bulk_rel_per_s"), "offline import (lexgraph neo4j import)")], False),
        ("scale-service.png", "Service throughput, /replaced-by", "requests/s", [
            (("service_embedded", "http", "rps"), "HTTP, embedded"), (("service_neo4j", "http", "rps"), "HTTP, Neo4j"),
            (("service_embedded", "direct", "rps"), "floor: store call, embedded"),
            (("service_neo4j", "direct", "rps"), "floor: store call, Neo4j")], True),
    ]
    IMG.mkdir(parents=True, exist_ok=True)
    out = []
    for name, title, unit, lines, logy in specs:
        fig, ax = plt.subplots(figsize=(7.5, 3.6), dpi=110)
        drawn = 0
        for path, label in lines:
            xs, ys = series(path)
            if xs:
                ax.plot(xs, ys, marker="o", label=label, linestyle="--" if label.startswith("floor") else "-")
                drawn += 1
        if not drawn:
            plt.close(fig)
            continue
        ax.set_xscale("log")
        if logy:
            ax.set_yscale("log")
        ax.set_xlabel("documents in the graph")
        ax.set_ylabel(unit)
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5))
        fig.tight_layout()
        fig.savefig(IMG / name)
        plt.close(fig)
        out.append(IMG / name)
    return out


def write(results: dict[str, Any] | None = None) -> Path:
    results = results or json.loads(RESULTS_JSON.read_text())
    m = results["machine"]
    lines = ["## Scale: results", "",
             f"Measured by `{COMMAND}` (the figures of each size in fresh processes; `bench/scale.py`), on "
             f"{m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB of memory, Python {m['python']}, {m['os']}. "
             "The corpus is the synthetic one of `bench/synth.py` (seed 7): about 3 relations per document with "
             "evidence on every relation. Raw figures: `bench/results/scale.json`.", "",
             "Each figure stands beside a floor measured in the same run: the least the same work can cost. The ratio "
             "says how far lexgraph is from it.", "",
             "| size | figure | value | floor | ratio | |", "|---:|---|---|---|---:|---|"]
    for r in rows(results):
        lines.append("| " + " | ".join(r) + " |")
    g = goals(results)
    if g:
        lines += ["", f"## Goals at {GOALS}", "", "| goal | target | measured | |", "|---|---|---|---|"]
        lines += ["| " + " | ".join(x) + " |" for x in g]
    lines += earlier(results)
    if ANALYSIS.exists():
        lines += ["", ANALYSIS.read_text(encoding="utf-8").strip()]
    lines += ["", "## Plots", ""]
    for p in plots(results):
        lines.append(f"![{p.stem}](../docs/img/{p.name})")
    block = BEGIN + "\n" + "\n".join(lines) + "\n" + END
    old = RESULTS_MD.read_text(encoding="utf-8") if RESULTS_MD.exists() else ""
    if BEGIN in old and END in old:  # the hand-written sections around the block are kept
        head, _, rest = old.partition(BEGIN)
        text = head + block + rest.partition(END)[2]
    else:
        text = "# Speed: results\n\n" + block + "\n"
    RESULTS_MD.write_text(text, encoding="utf-8")
    return RESULTS_MD


if __name__ == "__main__":
    print(write())
