"""Extraction's work counted in machine instructions beside the floor's, under valgrind: a figure the machine's drift
does not move.

On a shared or virtual machine the same run's CPU time moves by 10-20% from one minute to the next, more than most
single changes to extraction save. The number of instructions the interpreter executes for the same work on the same
texts does not (with a fixed hash seed, two runs of the same code on 41 corpus texts differed by 0.002%): so a change is measured here by how many
instructions extraction takes, and the floor (decode, fold, one pass of the number pattern: `bench.extract_speed`'s)
by the same count, in processes of their own under `valgrind --tool=cachegrind`. Each figure is a run's count less
that of a run that imports the same code, reads the same texts, reads the first three of them once (so that what is
compiled on first use counts alike in old and new code) and does nothing else: every run does that first. Instructions are not time (a
regex pass in C does more per instruction than the interpreter), so the ratio here is not the ratio of CPU times;
it is what a change to extraction's own work moves.

    python -m bench.instructions [CORPUS_DIR] [--step 10] [--before DIR] [--json OUT]

--step N takes every Nth text of the corpus (valgrind runs Python about 40 times slower); --before DIR counts the same
for older code (a checkout), its own floor beside it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ._rounds import codes, env_for, record, write
from .extract_speed import default_corpus

# one run: import the checkout's code, read the texts, then do one kind of work on them
_RUN = """import sys
from pathlib import Path
from graph.numbers import NUMBER_RE
from graph.pipeline import extract_text
from graph.resolve import Resolver
from graph.vocab import fold
import graph
work, corpus, step = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
data = [(f.name, f.read_bytes()) for f in sorted(corpus.glob("*.txt"))[::step]]
# every run, the one that does nothing else too, first reads the first three texts once: what code compiles on first
# use (a pattern compiled at its first call rather than at import) is then on the same side of the subtraction for all
warm = [extract_text(d.decode("utf-8"), name) for name, d in data[:3]]
Resolver().build(warm)
sum(1 for _ in NUMBER_RE.finditer(fold(data[0][1].decode("utf-8"))))
print(graph.__file__)
if work == "floor":
    n = sum(sum(1 for _ in NUMBER_RE.finditer(fold(d.decode("utf-8")))) for _, d in data)
elif work in ("extract", "extract+resolve"):
    results = [extract_text(d.decode("utf-8"), name) for name, d in data]
    if work == "extract+resolve":
        Resolver().build(results)
"""

WORKS = ("none", "floor", "extract", "extract+resolve")


def count(code: Path, work: str, corpus: Path, step: int) -> int:
    """The instructions one run executes in user space (cachegrind's I refs), with the checkout's code."""
    got = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", _RUN, work, str(corpus), str(step)],
                         cwd=code, env={**env_for(code), "PYTHONHASHSEED": "0"}, capture_output=True, text=True)
    if got.returncode != 0:
        raise SystemExit(f"valgrind run failed ({code}, {work}):\n{got.stderr[-2000:]}")
    if not got.stdout.strip().startswith(str(code)):
        raise SystemExit(f"the run for {code} imported graph from {got.stdout.strip()}")
    refs = [line for line in got.stderr.splitlines() if "I" in line and "refs:" in line]
    if not refs:
        raise SystemExit(f"valgrind printed no instruction count ({code}, {work})")
    return int(refs[-1].rsplit(":", 1)[1].replace(",", "").strip())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus", nargs="?", type=Path, default=None)
    p.add_argument("--step", type=int, default=10, help="every Nth text of the corpus")
    p.add_argument("--before", type=Path, default=None, help="a checkout of older code, counted the same way")
    p.add_argument("--json", type=Path, default=None)
    a = p.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench.instructions needs valgrind (apt install valgrind); nothing was measured")
    corpus = (a.corpus or default_corpus()).resolve()
    checkouts = codes(a.before)
    jobs = [(name, code, work) for name, code in checkouts.items() for work in WORKS]
    with ThreadPoolExecutor(max_workers=2) as pool:  # the counts do not depend on what else runs
        counts = list(pool.map(lambda j: count(j[1], j[2], corpus, a.step), jobs))
    by = {(name, work): n for (name, _, work), n in zip(jobs, counts, strict=True)}
    runs: list[dict[str, object]] = []
    summary: dict[str, dict[str, float]] = {}
    for name in checkouts:
        base = by[(name, "none")]
        work = {w: by[(name, w)] - base for w in WORKS[1:]}
        summary[name] = {"floor_instructions": work["floor"], "extract_instructions": work["extract"],
                         "extract_plus_resolve_instructions": work["extract+resolve"],
                         "extract_over_floor": round(work["extract"] / work["floor"], 2),
                         "extract_plus_resolve_over_floor": round(work["extract+resolve"] / work["floor"], 2)}
        runs += [{"code": name, "work": w, "instructions": by[(name, w)]} for w in WORKS]
        s = summary[name]
        print(f"{name:6}  floor {s['floor_instructions'] / 1e9:7.3f} G   extraction {s['extract_instructions'] / 1e9:7.3f} G"
              f" ({s['extract_over_floor']}x the floor)   + resolution {s['extract_plus_resolve_instructions'] / 1e9:7.3f}"
              f" G ({s['extract_plus_resolve_over_floor']}x)")
    if a.before:
        for key in ("extract_instructions", "extract_plus_resolve_instructions"):
            change = summary["after"][key] / summary["before"][key] - 1
            print(f"{key}: {change * 100:+.2f}% against before")
    write(record("bench.instructions", corpus, runs, summary, step=a.step), a.json)


if __name__ == "__main__":
    main()
