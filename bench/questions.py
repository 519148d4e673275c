"""The questions people ask, and whether /ask answers them right: `python -m bench.questions`.

bench/questions.tsv holds the questions a lawyer or a journalist asks of the seeds (news articles) and the Gazette
corpus (../shared/corpus/congbao/texts), in Vietnamese with and without diacritics and in English, each with the
answer its texts give, written by reading them (the `source` column says where). The store is built from those
texts here, in memory; every question is asked (`graph.questions.ask`) and its answer checked against the row.
Prints the share answered right by kind of question and by form, and each one answered wrong.

The expected answer is a list of checks separated by ';', all of which must hold:

    intent=status|replaced_by   the kind of answer (one of these)
    subject=42/2022/ND-CP       the document the answer is about (its key)
    agency=BTC                  the body a list is about
    items>=K1,K2                these documents or bodies among the answer's items (keys)
    items=K1,K2                 exactly these
    first=K                     the first item
    lacks=K1,K2                 none of these among the items
    no_items                    no item
    says=words                  the answer's text holds these words (compared folded: no diacritics, lower case)
    not_says=words              … does not
    candidates>=2               the answer lists at least this many documents to choose from
    understood=no               the question is said not understood
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.questions import Answer, ask
from graph.stores.base import Store
from graph.vocab import fold_lower

ROOT = Path(__file__).resolve().parent.parent
TSV = Path(__file__).resolve().parent / "questions.tsv"
SEEDS = ROOT / "seeds"
GAZETTE = ROOT.parent / "shared" / "corpus" / "congbao" / "texts"


@dataclass
class Row:
    question: str
    kind: str
    form: str  # vi (with diacritics), ascii (Vietnamese without), en
    expected: str
    source: str = ""


def read_rows(path: Path = TSV) -> list[Row]:
    """The rows of a questions table (tab-separated, with a header; lines starting with '#' are comments)."""
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return [Row(r["question"], r["kind"], r["form"], r["expected"], r.get("source") or "")
            for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _keys(a: Answer) -> list[str]:
    return [i.key for i in a.items]


def check(a: Answer, expected: str) -> list[str]:
    """What of the expected answer (the checks above) the answer misses; [] when it is right."""
    problems = []
    keys = _keys(a)
    text = fold_lower(a.text)
    for part in (p.strip() for p in expected.split(";")):
        if not part:
            continue
        if part == "no_items":
            if keys:
                problems.append(f"items {keys[:5]}, none expected")
            continue
        for op in (">=", "=", "~"):
            name, sep, value = part.partition(op)
            if sep and name.isidentifier():
                break
        else:
            problems.append(f"bad check {part!r}")
            continue
        want = [v.strip() for v in value.split(",") if v.strip()]
        if name == "intent" and a.intent not in value.split("|"):
            problems.append(f"intent {a.intent}, not {value}")
        elif name == "understood" and a.understood != (value == "yes"):
            problems.append(f"understood {a.understood}")
        elif name == "subject" and (a.subject is None or a.subject.key != value):
            problems.append(f"subject {a.subject.key if a.subject else None}, not {value}")
        elif name == "agency" and a.agency != value:
            problems.append(f"agency {a.agency}, not {value}")
        elif name == "items" and op == ">=" and not set(want) <= set(keys):
            problems.append(f"items lack {sorted(set(want) - set(keys))}")
        elif name == "items" and op == "=" and set(want) != set(keys):
            problems.append(f"items {keys[:8]}, not {want}")
        elif name == "first" and (not keys or keys[0] != value):
            problems.append(f"first {keys[0] if keys else None}, not {value}")
        elif name == "lacks" and set(want) & set(keys):
            problems.append(f"items hold {sorted(set(want) & set(keys))}")
        elif name == "says" and fold_lower(value) not in text:
            problems.append(f"text lacks {value!r}")
        elif name == "not_says" and fold_lower(value) in text:
            problems.append(f"text holds {value!r}")
        elif name == "candidates" and len(a.candidates) < int(value):
            problems.append(f"{len(a.candidates)} candidates, not {value}")
        elif name not in ("intent", "understood", "subject", "agency", "items", "first", "lacks", "says", "not_says",
                          "candidates"):
            problems.append(f"bad check {part!r}")
    return problems


def build_store(paths: Iterable[Path] = (SEEDS, GAZETTE)) -> Store:
    """An embedded store in memory holding the graph of these texts."""
    from graph.pipeline import extract_paths
    from graph.stores.memory import MemoryStore

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"missing: {', '.join(map(str, missing))}")
    store = MemoryStore()
    store.upsert(extract_paths(list(paths)))
    return store


def run(store: Store, rows: list[Row]) -> list[tuple[Row, Answer, list[str]]]:
    return [(r, a, check(a, r.expected)) for r in rows for a in [ask(store, r.question)]]


def _share(results: list[tuple[Row, Answer, list[str]]], by: str) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r, _, problems in results:
        k = getattr(r, by)
        out[k][0] += not problems
        out[k][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.questions", description=__doc__.split("\n\n")[0])
    p.add_argument("--tsv", type=Path, default=TSV, help="the questions (default bench/questions.tsv)")
    p.add_argument("--store", help="ask this store (a path or bolt:// URI) instead of building one from the texts")
    p.add_argument("--json", type=Path, help="also write the figures and the answers wrong here")
    p.add_argument("-v", "--verbose", action="store_true", help="print every answer")
    args = p.parse_args(argv)
    rows = read_rows(args.tsv)
    t0 = time.perf_counter()
    if args.store:
        from graph import open_store

        store = open_store(args.store)
    else:
        store = build_store()
    built = time.perf_counter() - t0
    results = run(store, rows)
    right = sum(not pr for _, _, pr in results)
    print(f"{right}/{len(results)} answered right ({right / len(results):.1%}); store built in {built:.0f} s")
    for by in ("kind", "form"):
        print(f"\nby {by}:")
        for k, (ok, n) in _share(results, by).items():
            print(f"  {k:<16} {ok:>3}/{n:<3} {ok / n:6.1%}")
    wrong = [(r, a, pr) for r, a, pr in results if pr]
    if wrong:
        print("\nanswered wrong:")
    for r, a, pr in wrong:
        print(f"- [{r.kind}] {r.question}\n    {'; '.join(pr)}\n    answer: {a.text[:300]}")
    if args.verbose:
        for r, a, _ in results:
            print(f"\n[{r.kind}] {r.question}\n  {a.intent}: {a.text[:400]}\n  items: {_keys(a)[:10]}")
    if args.json:
        args.json.write_text(json.dumps({
            "right": right, "total": len(results),
            "by_kind": {k: {"right": ok, "total": n} for k, (ok, n) in _share(results, "kind").items()},
            "by_form": {k: {"right": ok, "total": n} for k, (ok, n) in _share(results, "form").items()},
            "wrong": [{"question": r.question, "kind": r.kind, "problems": pr, "answer": a.text} for r, a, pr in wrong],
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
