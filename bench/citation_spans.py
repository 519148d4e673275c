"""Recall, precision and F1 of lexgraph's mentions against the annotated citation spans of the development set
(`../shared/corpus/vnlegaltext/val.jsonl`: 4,272 sentences of older legal texts from vbpl.vn; read that folder's
README for the format and the annotators' conventions).

    python -m bench.citation_spans [../shared/corpus/vnlegaltext/val.jsonl] [--misses N] [--json OUT]

Each sentence is extracted on its own, as a text (the word-segmenting '_' read as a space and the dataset's leftover
XML tags blanked out, both keeping offsets). A
mention matches a gold span when both begin at the same place (the type word) and the span ends where the mention's
reference ends, or after the date that follows it, or after 'của <issuer>' after that (the annotators' convention).
A gold span is found when some mention matches it; a mention is right when it matches some gold span. The text's own
references ('Nghị định này') are not mentions. Per label, recall counts the gold spans of that label, precision the
mentions lexgraph typed so (the other types lexgraph reads — Chỉ thị, Công văn … — count in the overall precision).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from graph.clean import clean
from graph.extract import Mention, extract
from graph.extract.mentions import _AFTER_DATE
from graph.vocab import fold_lower

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "vnlegaltext" / "val.jsonl"
LABELS = {"NĐ": "NghiDinh", "L": "Luat", "BL": "BoLuat", "HP": "HienPhap", "TT": "ThongTu", "TTLT": "ThongTuLienTich",
          "QĐ": "QuyetDinh", "PL": "PhapLenh", "NQ": "NghiQuyet"}
TYPE_LABEL = {v: k for k, v in LABELS.items()}


# the dataset's leftover XML tags ('… của <L rel="none"> Luật Khoáng sản </L> .'), blanked out (offsets kept)
_TAG = re.compile(r"</?[A-ZĐ]{1,5}(?:\s+rel=\"[^\"]*\")?\s*>")


@dataclass
class Sentence:
    text: str
    gold: list[tuple[int, int, str]]  # start, end, label


def load(path: Path) -> list[Sentence]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        gold = [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                for a in d.get("annotations", []) for r in a.get("result", [])]
        text = _TAG.sub(lambda m: " " * len(m.group()), d["data"]["value"].replace("_", " "))
        out.append(Sentence(text, gold))
    return out


def _ends(text: str, low: str, m: Mention) -> set[int]:
    """Where a span citing m may end: its reference, its date, its issuer (offsets of `text`)."""
    ends = {m.end, m.ext_end}
    d = _AFTER_DATE.match(low, m.end, min(len(low), m.end + 60))
    if d:
        ends.add(d.end())
    return {len(text[:e].rstrip(" ,")) for e in ends}


def mentions(text: str) -> list[tuple[int, set[int], Mention]]:
    """lexgraph's mentions of one sentence: (start, possible ends, mention), offsets of `text`."""
    ct = clean(text)
    ex = extract(ct)
    low = fold_lower(ct.text)
    out = []
    # a short reference named in full nowhere is one too; a type word taking up the document just named ('Nghị định có
    # hiệu lực …', news) is not a citation
    for m in [*(m for m in ex.mentions if not m.anaphor), *(u for u, _ in ex.unresolved)]:
        start = ct.to_raw(m.start)
        ends = {ct.to_raw(e) for e in _ends(ct.text, low, m)}
        out.append((start, ends, m))
    return out


def score(sentences: list[Sentence]) -> dict[str, object]:
    gold_n: Counter[str] = Counter()
    found: Counter[str] = Counter()
    ours: Counter[str] = Counter()
    right: Counter[str] = Counter()
    misses: list[tuple[str, str, str]] = []
    false: list[tuple[str, str, str]] = []
    for s in sentences:
        ms = mentions(s.text)
        matched: set[int] = set()
        for gs, ge, label in s.gold:
            gs2 = gs + len(s.text[gs:ge]) - len(s.text[gs:ge].lstrip())
            ge2 = len(s.text[:ge].rstrip(" ,."))
            gold_n[label] += 1
            hit = [i for i, (ms_, ends, _) in enumerate(ms) if ms_ == gs2 and ge2 in ends]
            if hit:
                found[label] += 1
                matched.update(hit)
            else:
                misses.append((label, s.text[gs:ge], s.text))
        for i, (start, ends, m) in enumerate(ms):
            label = TYPE_LABEL.get(m.type_id or "", "other")
            ours[label] += 1
            if i in matched:
                right[label] += 1
            else:
                false.append((m.type_id or "?", s.text[start:max(ends)], s.text))
    g, f, o, r = sum(gold_n.values()), sum(found.values()), sum(ours.values()), sum(right.values())
    rec, prec = f / g if g else 0.0, r / o if o else 0.0
    per = {lab: {"gold": gold_n[lab], "recall": found[lab] / gold_n[lab] if gold_n[lab] else None,
                 "mentions": ours[lab], "precision": right[lab] / ours[lab] if ours[lab] else None}
           for lab in [*LABELS, "other"]}
    return {"sentences": len(sentences), "gold": g, "found": f, "mentions": o, "right": r, "recall": rec,
            "precision": prec, "f1": 2 * rec * prec / (rec + prec) if rec + prec else 0.0, "labels": per,
            "_misses": misses, "_false": false}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.citation_spans", description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="print N misses and N false positives (random)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"no development set at {args.path} (see ../shared/corpus/vnlegaltext/README.md)", file=sys.stderr)
        return 2
    res = score(load(args.path))
    misses, false = res.pop("_misses"), res.pop("_false")
    assert isinstance(misses, list) and isinstance(false, list)
    print(f"{res['sentences']} sentences, {res['gold']} annotated spans, {res['mentions']} mentions")
    print(f"{'label':<6} {'gold':>6} {'recall':>7} {'ours':>6} {'precision':>9}")
    for lab, x in res["labels"].items():  # type: ignore[attr-defined]
        rc = f"{x['recall']:.3f}" if x["recall"] is not None else "-"
        pr = f"{x['precision']:.3f}" if x["precision"] is not None else "-"
        print(f"{lab:<6} {x['gold']:>6} {rc:>7} {x['mentions']:>6} {pr:>9}")
    print(f"recall {res['recall']:.4f}  precision {res['precision']:.4f}  F1 {res['f1']:.4f}")
    if args.misses:
        rnd = random.Random(args.seed)
        for title, rows in (("misses", misses), ("false positives", false)):
            print(f"\n# {title} ({len(rows)}; {min(args.misses, len(rows))} at random)")
            for lab, span, text in rnd.sample(rows, min(args.misses, len(rows))):
                print(f"- [{lab}] {span!r}\n    {text[:400]}")
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
