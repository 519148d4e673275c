"""Catastrophic backtracking: every regular expression of the pipeline, searched through long adversarial strings.

    python -m bench.backtracking          # exit 1 when a pattern's time grows like the square of the input

Each pattern's time on a string four times longer is compared with a scan that tries every position once (the
floor: a pattern that never matches, the same strings, the same run). A pattern with bounded work per position
grows like the floor (about 4×); one that backtracks over the rest of the string at each position grows like the
square (16×, four times the floor). Times are CPU time of this process (`time.process_time`), the best of several
runs, and a pattern over the bound is measured again before it is reported: a loaded machine slows both sizes
alike, a pause of it is not a quadratic pattern. `scripts/test.sh` runs it after the tests; the test suite keeps
only what does not depend on time (`tests/test_reliability.py`: that `patterns()` finds the patterns of every
module of the extraction).

The patterns: every compiled pattern at the top level of graph.clean, graph.numbers, graph.resolve, graph.vocab,
graph.structure (the parts of a text: its table of headings is searched pattern by pattern, `HEADINGS`) and every
module of graph.extract (the module, or each module of the package when it is one), and the
vocabulary's compiled agency-name and type-word patterns.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from types import ModuleType

EXTRACTION = "graph.extract"
OTHER_MODULES = ("graph.clean", "graph.numbers", "graph.resolve", "graph.vocab", "graph.structure")
VOCABULARY_PATTERNS = ("agency_name_re", "type_word_re")

ADVERSARIAL = ["1/", "số ", "nghi dinh ", "0", "-", "a ", "1/2022/", "ND-", "can cu ", "thay the ", "1" * 30 + " ",
               "( ", "Luat ", "ngay 1 thang 1 nam ", " ", "%E1", "\n ", "Dieu 1. ", "a) ", "so 1/",
               "dieu 1, ", "khoan 1 dieu 2 va ", "“a ", "\"a "]
SMALL, LARGE = 8000, 32000  # characters of each adversarial string
BOUND = 2.5  # a pattern's growth over the floor's; linear ≈ 1, quadratic ≈ 4
TOO_FAST = 0.005  # seconds on the large string: too fast to matter (and to measure)


def extraction_modules() -> list[ModuleType]:
    """graph.extract's modules: each module of the package (sub-packages too), the package itself last; or the
    module, while it is one."""
    pkg = importlib.import_module(EXTRACTION)
    path = getattr(pkg, "__path__", None)
    if path is None:
        return [pkg]
    subs = [importlib.import_module(m.name) for m in pkgutil.walk_packages(path, prefix=EXTRACTION + ".")]
    return [*subs, pkg]


def modules() -> list[ModuleType]:
    """Every module whose patterns are searched, the extraction's first."""
    return [*extraction_modules(), *(importlib.import_module(m) for m in OTHER_MODULES)]


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(module.name, pattern) for every compiled pattern at the top level of `modules()` (a pattern a package
    imports from its modules is counted once, in the module that has it first), then the vocabulary's."""
    from graph.vocab import vocabulary

    out: list[tuple[str, re.Pattern[str]]] = []
    seen: set[int] = set()
    for mod in modules():
        for name, val in vars(mod).items():
            if isinstance(val, re.Pattern) and id(val) not in seen:
                seen.add(id(val))
                out.append((f"{mod.__name__}.{name}", val))
            elif isinstance(val, dict) and name.isupper():  # a table of patterns ('HEADINGS': kind -> pattern)
                for key, pat in val.items():
                    if isinstance(pat, re.Pattern) and id(pat) not in seen:
                        seen.add(id(pat))
                        out.append((f"{mod.__name__}.{name}[{key}]", pat))
            elif isinstance(val, tuple) and val and all(isinstance(p, re.Pattern) for p in val):  # one per letter
                for i, pat in enumerate(val):
                    if id(pat) not in seen:
                        seen.add(id(pat))
                        out.append((f"{mod.__name__}.{name}[{i}]", pat))
    v = vocabulary()
    for name in VOCABULARY_PATTERNS:
        out.append((f"vocab.{name}", getattr(v, name)))
    return out


def _time(pat: re.Pattern[str], s: str, runs: int = 3) -> float:
    """The best CPU time of `runs` full searches of s."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        for _ in pat.finditer(s):
            pass
        best = min(best, time.process_time() - t0)
    return best


def _growth(pat: re.Pattern[str], small: str, large: str) -> tuple[float, float]:
    t_small, t_large = _time(pat, small), _time(pat, large)
    return t_large / max(t_small, 1e-7), t_large


def measure(pats: list[tuple[str, re.Pattern[str]]] | None = None,
            units: list[str] | None = None) -> list[tuple[float, float, str, str, float]]:
    """The patterns over the bound: (growth, floor growth, name, unit, seconds on the large string). Prints each
    pattern's worst growth over the floor's, and the floor's growth for each string."""
    pats = patterns() if pats is None else pats
    units = ADVERSARIAL if units is None else units
    floor_re = re.compile(r"[^\s\S]")  # never matches: one attempt per position
    worst: dict[str, tuple[float, str, float]] = {}
    bad = []
    for unit in units:
        small, large = unit * (SMALL // len(unit)), unit * (LARGE // len(unit))
        floor_growth = _growth(floor_re, small, large)[0]
        print(f"floor {floor_growth:4.1f}x  on {unit!r}")
        for name, pat in pats:
            growth, t_large = _growth(pat, small, large)
            if t_large < TOO_FAST:
                continue
            for _ in range(2):  # over the bound: measured again, it stays high if the pattern is quadratic
                if growth <= BOUND * floor_growth:
                    break
                growth = min(growth, _growth(pat, small, large)[0])
            ratio = growth / floor_growth
            if ratio > worst.get(name, (0.0, "", 0.0))[0]:
                worst[name] = (ratio, unit, t_large)
            if growth > BOUND * floor_growth:
                bad.append((round(growth, 1), round(floor_growth, 1), name, unit, round(t_large, 3)))
    for name, _ in pats:
        if name in worst:
            ratio, unit, t_large = worst[name]
            print(f"{ratio:5.2f}x the floor's growth  {name}  (worst on {unit!r}, {t_large * 1000:.0f} ms at {LARGE})")
        else:
            print(f"    -  under {TOO_FAST * 1000:.0f} ms on every string  {name}")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.backtracking", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.parse_args(argv)
    pats = patterns()
    print(f"{len(pats)} patterns, {len(ADVERSARIAL)} adversarial strings of {SMALL} and {LARGE} characters")
    bad = measure(pats)
    if bad:
        print(f"FAILED: {len(bad)} pattern(s) grow like the square of the input (growth, floor's growth, pattern, "
              "string, seconds):", file=sys.stderr)
        for b in bad:
            print(f"  {b}", file=sys.stderr)
        return 1
    print(f"ok: no pattern grows more than {BOUND}x the floor's growth")
    return 0


if __name__ == "__main__":
    sys.exit(main())
