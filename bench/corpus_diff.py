"""What an extraction change does to the Gazette corpus: a snapshot of the graph's documents and relations (with the
sentence that states each), and the difference between two snapshots, with counts by relation type.

    python -m bench.corpus_diff snapshot OUT.json [CORPUS_TEXTS]     # the graph of the corpus as it is read now
    python -m bench.corpus_diff compare BEFORE.json AFTER.json [--show N] [--type T] [--seed S]

`compare` prints the counts by type before and after, and N relations that appear or disappear (at random, each
with its evidence) for reading by hand; documents that appear or disappear likewise.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "congbao" / "texts"


def snapshot(corpus: Path, jobs: int = 2) -> dict[str, Any]:
    from graph.pipeline import extract_paths

    g = extract_paths([corpus], jobs=jobs)
    docs = {k: {"label": d.label, "type": d.type_id, "issuer": d.issuer, "date": d.date.isoformat() if d.date else None}
            for k, d in g.documents.items()}
    rels = {f"{r.source} {r.type} {r.target}": {"evidence": r.evidence[0].sentence if r.evidence else "",
                                               "source": r.evidence[0].source if r.evidence else ""}
            for r in g.relations.values()}
    return {"documents": docs, "relations": rels, "ambiguous": len(g.ambiguities), "rejected": len(g.rejected),
            "rejected_list": sorted(f"{x.source} {x.type} {x.target}: {x.reason}" for x in g.rejected)}


def compare(before: dict[str, Any], after: dict[str, Any], show: int, only: str | None, seed: int) -> None:
    def types(s: dict[str, Any]) -> Counter[str]:
        return Counter(k.split(" ")[1] for k in s["relations"])

    tb, ta = types(before), types(after)
    print(f"documents {len(before['documents'])} -> {len(after['documents'])}; ambiguous {before['ambiguous']} -> "
          f"{after['ambiguous']}; rejected {before['rejected']} -> {after['rejected']}")
    for t in sorted(set(tb) | set(ta)):
        if tb[t] != ta[t]:
            print(f"  {t:<12} {tb[t]:>6} -> {ta[t]:>6}  ({ta[t] - tb[t]:+d})")
    rnd = random.Random(seed)
    for title, keys, side in (("gone", set(before["relations"]) - set(after["relations"]), before),
                              ("new", set(after["relations"]) - set(before["relations"]), after)):
        keys = {k for k in keys if only is None or k.split(" ")[1] == only}
        print(f"\n# relations {title}: {len(keys)}" + (f" ({min(show, len(keys))} at random)" if show else ""))
        for k in sorted(rnd.sample(sorted(keys), min(show, len(keys)))):
            r = side["relations"][k]
            print(f"- {k}   [{r['source']}]\n    {r['evidence'][:500]}")
    for title, keys, side in (("gone", set(before["documents"]) - set(after["documents"]), before),
                              ("new", set(after["documents"]) - set(before["documents"]), after)):
        print(f"\n# documents {title}: {len(keys)}")
        for k in sorted(keys)[: max(show, 0) * 2]:
            print(f"- {k}  {side['documents'][k]['label']}")
    rb, ra = set(before.get("rejected_list", [])), set(after.get("rejected_list", []))
    if rb != ra:
        print(f"\n# held back: {len(ra - rb)} new, {len(rb - ra)} gone")
        for x in sorted(ra - rb)[:show]:
            print(f"+ {x}")
        for x in sorted(rb - ra)[:show]:
            print(f"- {x}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus_diff", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=20)
    c.add_argument("--type")
    c.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    if a.cmd == "snapshot":
        if not a.corpus.exists():
            print(f"no corpus at {a.corpus}")
            return 2
        a.out.write_text(json.dumps(snapshot(a.corpus), ensure_ascii=False, indent=0), encoding="utf-8")
        return 0
    compare(json.loads(a.before.read_text()), json.loads(a.after.read_text()), a.show, a.type, a.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
