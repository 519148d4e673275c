"""`lexgraph build` over one process and over several: the wall time of each and the speed-up, round by round.

The machine's speed drifts (a VM's CPU runs a third slower within the hour), so a figure taken an hour after another
says little: each round builds the corpus into a fresh store with `-j 1`, then `-j N`, one right after the other,
and the speed-up is taken round by round (median quoted). With `--before DIR` (a checkout of older code), each round
also builds with that code, alternately, so that before and after meet the same machine.

    python -m bench.build_jobs [CORPUS_DIR] [--jobs 2] [--rounds 5] [--before DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._rounds import codes, env_for, record, turns, write
from .extract_speed import default_corpus


def build(code: Path, corpus: Path, jobs: int, store: Path) -> dict[str, float]:
    """One `lexgraph build` of the corpus with the code of the checkout `code`, into a fresh store: wall, user and
    system time of the command and its children."""
    store.unlink(missing_ok=True)
    env = env_for(code)
    before = os.times()
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app.cli", "build", str(corpus), "--store", str(store), "-j", str(jobs)],
                   cwd=code, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = os.times()
    return {"wall_s": round(wall, 2), "user_s": round(after.children_user - before.children_user, 2),
            "sys_s": round(after.children_system - before.children_system, 2)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus", nargs="?", type=Path, default=None)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--before", type=Path, default=None, help="a checkout of older code, built alternately with this")
    p.add_argument("--json", type=Path, default=None)
    a = p.parse_args()
    corpus = (a.corpus or default_corpus()).resolve()
    checkouts = codes(a.before)
    runs: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="lexgraph-jobs-") as tmp:
        for rnd, name, code in turns(a.rounds, checkouts):
            row: dict[str, object] = {"code": name, "round": rnd}
            for jobs in (1, a.jobs):
                row[f"j{jobs}"] = build(code, corpus, jobs, Path(tmp) / "s.lexgraph")
            j1, jn = row["j1"], row[f"j{a.jobs}"]
            assert isinstance(j1, dict) and isinstance(jn, dict)
            row["speedup"] = round(j1["wall_s"] / jn["wall_s"], 2)
            runs.append(row)
            print(f"round {rnd} {name:6}  -j 1 {j1['wall_s']:6.2f} s   -j {a.jobs} {jn['wall_s']:6.2f} s   "
                  f"{row['speedup']:.2f}x", flush=True)
    summary = {}
    for name in checkouts:
        ups = [float(r["speedup"]) for r in runs if r["code"] == name]  # type: ignore[arg-type]
        summary[name] = {"speedups": ups, "median": statistics.median(ups)}
        print(f"{name}: -j {a.jobs} over -j 1, median of {len(ups)} rounds: {statistics.median(ups):.2f}x "
              f"(rounds: {', '.join(f'{u:.2f}' for u in ups)})")
    write(record("bench.build_jobs", corpus, runs, summary, jobs=a.jobs), a.json)


if __name__ == "__main__":
    main()
