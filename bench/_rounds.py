"""What the benchmarks that compare two checkouts share: which code runs in which turn of a round, and the record of
the machine a run met.

The machine's speed drifts within the hour, so before and after are measured round by round, alternately (the
after code first in odd rounds, the before code first in even ones), each in a process of its own with its
checkout's code (`PYTHONPATH` and working folder).
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def codes(before: Path | None) -> dict[str, Path]:
    """The checkouts a run measures: this one ('after'), and an older one ('before') when given."""
    return {"after": ROOT} | ({"before": before.resolve()} if before else {})


def turns(rounds: int, checkouts: dict[str, Path]) -> Iterator[tuple[int, str, Path]]:
    """(round, name, checkout) in the order they run: each round runs every checkout, the first one reversed every
    other round, so that neither always meets the machine first."""
    for rnd in range(1, rounds + 1):
        for name, code in (reversed(checkouts.items()) if rnd % 2 == 0 else checkouts.items()):
            yield rnd, name, code


def env_for(code: Path) -> dict[str, str]:
    """The environment of a process that runs the checkout's `graph`, `app` and `bench`, whatever is installed."""
    return {**os.environ, "PYTHONPATH": str(code)}


def record(module: str, corpus: Path, runs: list[dict[str, object]], summary: Mapping[str, object],
           **extra: object) -> dict[str, object]:
    """A run's figures with the command that reproduces them and the machine they were measured on."""
    return {"command": " ".join([f"python -m {module}", *sys.argv[1:]]), "corpus": str(corpus), **extra,
            "machine": {"cpus": os.cpu_count(), "processor": platform.processor() or platform.machine(),
                        "python": platform.python_version()},
            "load_average": list(os.getloadavg()), "runs": runs, "summary": summary}


def write(out: dict[str, object], path: Path | None) -> None:
    if path is not None:
        path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
