"""Effects on parts in the Gazette corpus (issue 25 §2): the effects the relations carry, by kind and by relation
type, how many name parts of their target, and how many came from a text's own list of items.

    python -m bench.effects [CORPUS_TEXTS] [--list N] [--kind K] [--seed S] [--json OUT]

Builds the graph of the corpus as `bench.corpus_diff` does (`graph.pipeline.extract_paths`), then counts each
relation's `effects`. `--list N` prints N effects at random (of kind K) with their sentence, for reading by hand.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from graph.model import EFFECT_KINDS, Graph

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "congbao" / "texts"


def figures(g: Graph) -> dict[str, object]:
    """The counts: effects by kind (all, with parts), by relation type, relations with effects, parts named."""
    by_kind: Counter[str] = Counter()
    with_parts: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    dated = parts = 0
    rels_with = Counter[str]()
    for r in g.relations.values():
        if r.effects:
            rels_with[r.type] += 1
        for e in r.effects:
            by_kind[e.kind] += 1
            by_type[r.type] += 1
            if e.parts:
                with_parts[e.kind] += 1
                parts += len(e.parts)
            if e.date is not None:
                dated += 1
    return {"effects": sum(by_kind.values()), "with_parts": sum(with_parts.values()), "parts": parts, "dated": dated,
            "by_kind": {k: [by_kind[k], with_parts[k]] for k in EFFECT_KINDS},
            "by_type": dict(sorted(by_type.items())), "relations_with_effects": dict(sorted(rels_with.items())),
            "acting_relations": dict(sorted(Counter(r.type for r in g.relations.values()
                                                    if r.type in ("REPLACES", "REPEALS", "AMENDS", "GUIDES")).items()))}


def main(argv: list[str] | None = None) -> None:
    from graph.pipeline import extract_paths

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--list", type=int, default=0)
    ap.add_argument("--kind")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    g = extract_paths([a.corpus], jobs=2)
    f = figures(g)
    print(f"effects {f['effects']}, with parts {f['with_parts']} ({f['parts']} parts named), dated {f['dated']}")
    print(f"{'kind':<18} {'effects':>8} {'with parts':>10}")
    for k, (n, p) in f["by_kind"].items():  # type: ignore[attr-defined]
        print(f"{k:<18} {n:>8} {p:>10}")
    print("by relation type:", f["by_type"])
    print("relations with effects / acting relations:",
          {t: f"{f['relations_with_effects'].get(t, 0)}/{n}" for t, n in f["acting_relations"].items()})  # type: ignore[attr-defined]
    if a.list:
        rows = [(r, e) for r in g.relations.values() for e in r.effects if a.kind in (None, e.kind)]
        for r, e in random.Random(a.seed).sample(rows, min(a.list, len(rows))):
            print(f"- {r.type} {r.source} -> {r.target}: {e.kind} {e.parts} ({e.written}) [{e.evidence.source}]\n"
                  f"    {e.evidence.sentence[:300]}")
    if a.json:
        rows_out = [{"type": r.type, "source": r.source, "target": r.target, "kind": e.kind, "parts": e.parts,
                     "written": e.written, "date": e.date.isoformat() if e.date else None, "file": e.evidence.source,
                     "sentence": e.evidence.sentence} for r in g.relations.values() for e in r.effects]
        a.json.write_text(json.dumps({"figures": f, "effects": rows_out}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
