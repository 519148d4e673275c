"""python -m bench run --size 1000000 — every scale benchmark at 10k, 100k and 1M documents; writes
bench/RESULTS.md and the plots in docs/img/. `python -m bench report` rewrites them from the saved figures."""

from __future__ import annotations

import argparse

from . import report, scale

STEPS = (10_000, 100_000, 1_000_000)


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run the benchmarks and write the results")
    r.add_argument("--size", type=int, default=1_000_000, help="the largest size: runs 10k, 100k, 1M up to it")
    r.add_argument("--sizes", default=None, help="exact sizes, comma-separated (instead of --size)")
    r.add_argument("--skip", default="", help="figures to leave out: extraction, embedded, neo4j, neo4j_bulk, service "
                                              "(or service_embedded, service_neo4j), comma-separated")
    r.add_argument("--seconds", type=int, default=10, help="duration of each service load")
    r.add_argument("--concurrency", type=int, default=8, help="concurrent clients of the service load")
    sub.add_parser("report", help="rewrite bench/RESULTS.md and the plots from bench/results/scale.json")
    a = ap.parse_args()
    if a.cmd == "run":
        sizes = [int(x) for x in a.sizes.split(",")] if a.sizes else [s for s in STEPS if s <= a.size] or [a.size]
        results = scale.run(sizes, {x for x in a.skip.split(",") if x}, a.seconds, a.concurrency)
        print(report.write(results))
    else:
        print(report.write())


if __name__ == "__main__":
    main()
