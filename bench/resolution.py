"""Resolution alone, as a build and as an ingest do it: the CPU time of `Resolver.build` over the corpus's kept
sources, first freshly decoded (what a `-j 1` build resolves; a `-j N` build's parent makes part of it, `resolve.Alone`,
while its workers read, so this overstates what it does after them) and then again from a store's decoded sources
(`graph.incremental.Decoded`: what every `POST /ingest` or later build resolves again), round by round. With
`--before DIR` (a checkout of older code), each round also runs that code, alternately, in a process of its own, so
that before and after meet the same machine (its speed drifts within the hour).

    python -m bench.resolution [CORPUS_DIR] [--rounds 3] [--before DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

# a round in a process of its own, with the graph package of the checkout it runs in (its working folder): this file
# is loaded by its path, as a module of no package, so that the checkout's own `bench` (which may not have it) is not read
_ROUND = """import importlib.util, json, pathlib, sys
spec = importlib.util.spec_from_file_location("_bench_resolution", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(json.dumps(mod.measure(pathlib.Path(sys.argv[2]), 1)[0]))"""


def measure(corpus: Path, rounds: int) -> list[dict[str, object]]:
    """In this process, with the code it imports: the texts read once (two processes), then per round the sources
    decoded afresh and resolved (`first_s`), and resolved again as a store's decoded sources are (`again_s`)."""
    import gc

    import graph
    from graph.clean import iter_sources
    from graph.incremental import Decoded, ordered
    from graph.pipeline import read_sources
    from graph.resolve import Resolver

    files, missing = iter_sources([corpus])
    kept = {r.path: r.kept for r in read_sources(files, missing, jobs=2, kept=True) if r.kept is not None}
    out: list[dict[str, object]] = []
    for _ in range(rounds):
        decoded = Decoded()
        sources = ordered(kept, decoded)
        gc.collect()
        t = time.process_time()
        Resolver().build(sources)
        first = time.process_time() - t
        sources = ordered(kept, decoded)  # as decoded, put back as it was before the first build read it
        t = time.process_time()
        Resolver().build(sources)
        out.append({"first_s": round(first, 3), "again_s": round(time.process_time() - t, 3), "graph": graph.__file__})
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus", nargs="?", type=Path, default=None)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--before", type=Path, default=None, help="a checkout of older code, run alternately with this")
    p.add_argument("--json", type=Path, default=None)
    a = p.parse_args()
    from ._rounds import codes, env_for, record, turns, write  # here: a round loads this file outside its package
    from .extract_speed import default_corpus

    corpus = (a.corpus or default_corpus()).resolve()
    checkouts = codes(a.before)
    runs: list[dict[str, object]] = []
    for rnd, name, code in turns(a.rounds, checkouts):
        got = subprocess.run([sys.executable, "-c", _ROUND, __file__, str(corpus)], cwd=code,
                             env=env_for(code), check=True, capture_output=True, text=True)
        row = {"code": name, "round": rnd, **json.loads(got.stdout)}
        assert str(row["graph"]).startswith(str(code)), (name, row["graph"])  # that checkout's code was measured
        runs.append(row)
        print(f"round {rnd} {name:6}  first {row['first_s']:5.2f} s   again {row['again_s']:5.2f} s (CPU)", flush=True)
    summary = {}
    for name in checkouts:
        mine = [r for r in runs if r["code"] == name]
        summary[name] = {k: statistics.median(float(r[k]) for r in mine) for k in ("first_s", "again_s")}  # type: ignore[arg-type]
        print(f"{name}: median first {summary[name]['first_s']:.2f} s, again {summary[name]['again_s']:.2f} s")
    write(record("bench.resolution", corpus, runs, summary), a.json)


if __name__ == "__main__":
    main()
