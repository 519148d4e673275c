"""The structure of the Gazette corpus: articles read against the "Điều N." headings present, numbering gaps and
duplicates, khoản, điểm, annexes, and the time.

    python -m bench.structure [PATH...] [--json OUT] [--list]

Default PATHs: the corpus texts and PDFs (`../shared/corpus/congbao/texts` and `pdf`, or LEXGRAPH_CORPUS). Each file
is read and cleaned as the pipeline does (`graph.clean.read`, `iter_sources`, `clean`), then `parse_structure`.

"Điều N." headings present: lines that open with "Điều N." (N a number, a letter after it allowed), outside the
quotes `graph.extract.quotes` finds and outside a consolidated text's footnotes — counted by a plain pattern, apart
from the parser, so the two can disagree; each file where they do is listed. Gaps and duplicates are counted per
numbering (the text's own articles, each annex's, each attached regulation's).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from graph.clean import clean, iter_sources, read
from graph.errors import InputError
from graph.structure import _Reader, parse_structure

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("LEXGRAPH_CORPUS", ROOT.parent / "shared" / "corpus" / "congbao"))
_DIEU_LINE = re.compile(r"^[ \t]*dieu[ \t]+\d{1,3}[a-z]?[ \t]*[.:]", re.MULTILINE)


def headings_present(text: str) -> int:
    """'Điều N.' opening a line, outside quotes and a consolidated text's footnotes."""
    r = _Reader(text)
    return sum(1 for m in _DIEU_LINE.finditer(r.low) if not r.quoted_line(m.start()) and not r.in_footnote(m.start()))


def measure(paths: list[Path]) -> dict[str, object]:
    files, missing = iter_sources(paths)
    rows = []
    t_parse = t_clean = 0.0
    size = 0
    for f in files:
        try:
            raw = read(f)
        except InputError as e:
            rows.append({"path": str(f), "error": e.reason})
            continue
        t0 = time.process_time()
        ct = clean(raw)
        t1 = time.process_time()
        s = parse_structure(ct.text)
        t2 = time.process_time()
        t_clean += t1 - t0
        t_parse += t2 - t1
        size += len(ct.text.encode("utf-8"))
        kinds = Counter(p.kind for p in s.walk())
        own = s.scopes().get("", [])
        rows.append({
            "path": str(f.relative_to(CORPUS) if f.is_relative_to(CORPUS) else f),
            "consolidated": s.consolidated,
            "continued": s.lead is not None,
            "headings": headings_present(ct.text),
            "articles": kinds["dieu"],
            "own_articles": len(own),
            "first": own[0].number if own else None,
            "khoan": kinds["khoan"], "diem": kinds["diem"], "chuong": kinds["chuong"], "muc": kinds["muc"],
            "phan": kinds["phan"], "phu_luc": kinds["phu_luc"], "kem_theo": kinds["kem_theo"], "mau": kinds["mau"],
            "quoted": len(s.quoted), "out_of_sequence": len(s.out_of_sequence),
            "numbering": s.numbering(),
        })
    ok = [r for r in rows if "error" not in r]
    total = Counter()
    for r in ok:
        for k in ("headings", "articles", "khoan", "diem", "chuong", "muc", "phan", "phu_luc", "kem_theo", "mau", "quoted",
                  "out_of_sequence"):
            total[k] += int(r[k])  # type: ignore[call-overload]
    mismatched = [r for r in ok if r["headings"] != r["articles"]]
    gaps = [r for r in ok if any(v["gaps"] for v in r["numbering"].values())]  # type: ignore[attr-defined]
    dups = [r for r in ok if any(v["duplicates"] for v in r["numbering"].values())]  # type: ignore[attr-defined]
    return {
        "files": len(files), "missing": [e.path for e in missing], "read": len(ok),
        "errors": [r for r in rows if "error" in r],
        "with_articles": sum(1 for r in ok if r["articles"]),
        "consolidated": sum(1 for r in ok if r["consolidated"]),
        "continued": sum(1 for r in ok if r["continued"]),
        "totals": dict(total),
        "files_headings_equal_articles": len(ok) - len(mismatched),
        "mismatched": [{k: r[k] for k in ("path", "headings", "articles")} for r in mismatched],
        "files_with_gaps": [{"path": r["path"], "numbering": r["numbering"]} for r in gaps],
        "files_with_duplicates": [{"path": r["path"], "numbering": r["numbering"]} for r in dups],
        "mb": round(size / 1e6, 2), "clean_s": round(t_clean, 2), "parse_s": round(t_parse, 2),
        "parse_s_per_mb": round(t_parse / max(size / 1e6, 1e-9), 3),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.structure", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--json", type=Path, help="write every figure and every file's row here")
    ap.add_argument("--list", action="store_true", help="print each file whose counts disagree, gaps, duplicates")
    a = ap.parse_args(argv)
    paths = a.paths or [CORPUS / "texts", CORPUS / "pdf"]
    res = measure(paths)
    t = res["totals"]
    assert isinstance(t, dict)
    print(f"{res['read']} of {res['files']} files read ({res['consolidated']} consolidated, {res['continued']} "
          f"continued from an earlier issue), {res['with_articles']} with articles")
    print(f"articles found {t.get('articles', 0)} / 'Điều N.' headings present {t.get('headings', 0)}; "
          f"equal in {res['files_headings_equal_articles']} files, different in {len(res['mismatched'])}")  # type: ignore[arg-type]
    print(f"khoản {t.get('khoan', 0)}, điểm {t.get('diem', 0)}, chương {t.get('chuong', 0)}, mục {t.get('muc', 0)}, "
          f"phần {t.get('phan', 0)}, phụ lục {t.get('phu_luc', 0)}, attached texts {t.get('kem_theo', 0)}, "
          f"forms numbered again {t.get('mau', 0)}, quoted articles (another text's) {t.get('quoted', 0)}, of which "
          f"out of sequence {t.get('out_of_sequence', 0)}")
    print(f"files with numbering gaps {len(res['files_with_gaps'])}, with duplicates "  # type: ignore[arg-type]
          f"{len(res['files_with_duplicates'])}")  # type: ignore[arg-type]
    print(f"{res['mb']} MB: clean {res['clean_s']} s, structure {res['parse_s']} s ({res['parse_s_per_mb']} s/MB)")
    if a.list:
        for r in res["mismatched"]:  # type: ignore[attr-defined]
            print(f"  differ  {r['path']}: headings {r['headings']}, articles {r['articles']}")
        for key in ("files_with_gaps", "files_with_duplicates"):
            for r in res[key]:  # type: ignore[attr-defined]
                print(f"  {key[11:]}  {r['path']}: {json.dumps(r['numbering'], ensure_ascii=False)}")
    if a.json:
        a.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
