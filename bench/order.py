"""The graph must not depend on the order texts arrive in (issue 24, item 1): build the same texts into a store in
several ways — one shot; two steps (the first 200, then all); N random partitions in random orders; all but K, then
those K one text at a time (what `POST /ingest` does) — and compare the checksum of the sorted graph
(`graph.incremental.checksum`: documents, relations, dates of effect, evidence, ambiguities, conflicts, rejected
relations). Prints each checksum with its time and the process's peak memory; exits 1 on a difference.

    python -m bench.order                                   # the test fixtures and seeds, embedded store
    python -m bench.order ../shared/corpus/congbao/texts -p 2 -k 5
    python -m bench.order ../shared/corpus/congbao/texts --store bolt://127.0.0.1:7687   # Neo4j (it is cleared!)

The texts are read once (over `--jobs` processes); every mode then builds from those extractions through
`graph.incremental.build_into`, the path of `lexgraph build` and `POST /ingest`. A Neo4j build killed and run
again: `python -m bench.order_kill`.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "congbao"]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    from graph.clean import iter_sources
    from graph.incremental import build_into, checksum, dump_source, load_source
    from graph.pipeline import default_jobs, read_sources
    from graph.stores import Store, open_store

    ap = argparse.ArgumentParser(prog="python -m bench.order", description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, help="folders or files (default: seeds and the test fixtures)")
    ap.add_argument("--store", default="", help="a Neo4j URI (cleared before each build) or nothing: embedded stores "
                                                "in a temporary folder")
    ap.add_argument("-p", "--partitions", type=int, default=3, help="random partitions and orders to try")
    ap.add_argument("-k", "--singles", type=int, default=5, help="texts ingested one at a time after all the others "
                                                                 "(-1: every text, one at a time)")
    ap.add_argument("--first", type=int, default=200, help="texts of the first step of the two-step build")
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("-j", "--jobs", type=int, default=0)
    args = ap.parse_args(argv)
    files, missing = iter_sources(args.paths or DEFAULT_SETS)
    t = time.perf_counter()
    kept = {r.path: dump_source(r) for r in read_sources(files, missing, jobs=args.jobs or default_jobs()) if not r.error}
    paths = sorted(kept)
    print(f"{len(paths)} texts read in {time.perf_counter() - t:.1f} s", flush=True)
    tmp = tempfile.TemporaryDirectory(prefix="lexgraph-order-")

    def fresh(name: str) -> Store:
        if args.store:
            st = open_store(args.store)
            st.clear()
            return st
        return open_store(Path(tmp.name) / f"{name}.lexgraph")

    def steps(st: Store, groups: list[list[str]]) -> tuple[list[float], list[float]]:
        """Each build's wall and CPU time (this process's: on a shared machine the steadier figure)."""
        took, cpu = [], []
        for g in groups:
            t0, c0 = time.perf_counter(), time.process_time()
            build_into(st, [load_source(kept[p]) for p in g])
            took.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        return took, cpu

    rnd = random.Random(args.seed)
    modes: list[tuple[str, Callable[[], list[list[str]]]]] = [
        ("one-shot", lambda: [paths]),
        (f"two-step ({min(args.first, len(paths))} then all)", lambda: [paths[: args.first], paths]),
    ]
    for i in range(args.partitions):
        def part(i: int = i) -> list[list[str]]:
            order = list(paths)
            random.Random(args.seed + i).shuffle(order)
            out = []
            while order:
                n = random.Random(args.seed * 1000 + len(order)).randint(1, max(1, len(paths) // 4))
                out.append(order[:n])
                order = order[n:]
            return out
        modes.append((f"partition {i + 1}", part))
    if args.singles:
        k = len(paths) if args.singles < 0 else min(args.singles, len(paths))
        singles = rnd.sample(paths, k)
        rest = [p for p in paths if p not in set(singles)]
        modes.append((f"{k} single ingests" + (f" after {len(rest)} at once" if rest else ""),
                      lambda: ([rest] if rest else []) + [[p] for p in singles]))
    sums: dict[str, str] = {}
    for name, groups_of in modes:
        st = fresh(name.split()[0])
        try:
            groups = groups_of()
            t0 = time.perf_counter()
            took, cpu = steps(st, groups)
            total = time.perf_counter() - t0
            c = checksum(st)
            counts = st.counts()
        finally:
            st.close()
        sums[name] = c
        last = f"; last step {took[-1]:.2f} s" if len(took) > 1 else ""
        ones = [(t, c) for t, c, g in zip(took, cpu, groups, strict=True) if len(g) == 1]
        if len(ones) > 1:
            wall, proc = sorted(t for t, _ in ones), sorted(c for _, c in ones)
            last += (f"; {len(ones)} steps of one text: median {wall[len(ones) // 2]:.2f} s (CPU "
                     f"{proc[len(ones) // 2]:.2f} s), max {wall[-1]:.2f} s, the first {ones[0][0]:.2f} s")
        print(f"{c}  {name}: {len(groups)} builds, {total:.1f} s{last}; {counts['documents']} documents, "
              f"{counts['relations']} relations; peak RSS {_peak_mb():.0f} MB", flush=True)
    if len(set(sums.values())) != 1:
        print("DIFFERENT: the graph depends on the order or grouping of its texts", file=sys.stderr)
        return 1
    print("identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
