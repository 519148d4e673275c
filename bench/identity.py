"""The identity check of a refactoring: sha256 of what `lexgraph extract --format json` prints and of the whole
graph (`Graph.model_dump_json()`) for the seeds, the test fixtures and, when it is beside the checkout, the
Gazette corpus. Run it before and after a change that must not change behaviour, and compare the lines.

    python -m bench.identity                       # seeds/, tests/fixtures/congbao, tests/fixtures/pdf
    python -m bench.identity ../shared/corpus/congbao/texts ../shared/corpus/congbao/pdf
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "congbao", ROOT / "tests" / "fixtures" / "pdf"]


def digests(path: Path, jobs: int = 1) -> tuple[str, str, int]:
    """(sha256 of the extract JSON, sha256 of the graph's JSON, number of sources) for one folder or file."""
    from app.cli import graph_json
    from graph.pipeline import extract_paths

    g = extract_paths([path], jobs=jobs)
    out = json.dumps(graph_json(g), ensure_ascii=False, indent=1) + "\n"  # exactly what `lexgraph extract` prints
    return (hashlib.sha256(out.encode("utf-8")).hexdigest(), hashlib.sha256(g.model_dump_json().encode("utf-8")).hexdigest(),
            len(g.sources))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.identity", description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, help="folders or files (default: seeds and the test fixtures)")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    args = ap.parse_args(argv)
    paths = args.paths or DEFAULT_SETS
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"no such path: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    for p in paths:
        ext, graph, n = digests(p, args.jobs)
        print(f"{p.name:<12} sources={n:<4} extract={ext} graph={graph}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
