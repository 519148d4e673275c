"""Extraction speed on the Gazette corpus, in MB/s on one core, beside a floor measured in the same run.

The floor is a bare scan of the same texts for number-shaped strings (decode, fold, one regex pass):
the least any extractor that finds numbers must do. The ratio floor/extraction says how much the
clause grammar, resolution and evidence cost on top of it.

    python -m bench.extract_speed [CORPUS_DIR] [--repeat 3]

CORPUS_DIR defaults to ../shared/corpus/congbao/texts (beside the checkout), else the test fixtures. Where a pdf/
folder stands beside it (the corpus's 8 Gazette PDFs), reading them is measured too (pdf_figures).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from graph.clean import clean
from graph.numbers import NUMBER_RE
from graph.pipeline import extract_text
from graph.resolve import Resolver
from graph.vocab import fold

ROOT = Path(__file__).resolve().parent.parent


def default_corpus() -> Path:
    shared = ROOT.parent / "shared" / "corpus" / "congbao" / "texts"
    return shared if shared.is_dir() else ROOT / "tests" / "fixtures" / "congbao"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="?", type=Path, default=None)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
    a = p.parse_args()
    corpus = a.corpus or default_corpus()
    files = sorted(corpus.glob("*.txt"))
    data = [f.read_bytes() for f in files]
    mb = sum(len(d) for d in data) / 1e6
    floor_best = extract_best = resolve_best = float("inf")
    for _ in range(a.repeat):
        t = time.perf_counter()
        n = 0
        for d in data:
            n += sum(1 for _ in NUMBER_RE.finditer(fold(d.decode("utf-8"))))
        floor_best = min(floor_best, time.perf_counter() - t)
        t = time.perf_counter()
        results = [extract_text(d.decode("utf-8"), f.name) for d, f in zip(data, files, strict=True)]
        extract_best = min(extract_best, time.perf_counter() - t)
        t = time.perf_counter()
        g = Resolver().build(results)
        resolve_best = min(resolve_best, time.perf_counter() - t)
    clean_only = time.perf_counter()
    for d in data:
        clean(d.decode("utf-8"))
    clean_only = time.perf_counter() - clean_only
    fig = {
        "corpus": str(corpus), "files": len(files), "megabytes": round(mb, 2),
        "floor_scan_mb_s": round(mb / floor_best, 1),
        "extract_mb_s": round(mb / extract_best, 2),
        "extract_plus_resolve_mb_s": round(mb / (extract_best + resolve_best), 2),
        "ratio_floor_over_extract": round(extract_best / floor_best, 1),
        "clean_only_s": round(clean_only, 2),
        "documents": len(g.documents), "relations": len(g.relations), "numbers_seen_by_floor": n,
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "command": "python -m bench.extract_speed " + str(corpus) + f" --repeat {a.repeat}",
    }
    fig.update(pdf_figures(corpus.parent / "pdf"))
    print(json.dumps(fig, indent=1))
    if a.json:
        a.json.write_text(json.dumps(fig, indent=1) + "\n")


def pdf_figures(folder: Path) -> dict[str, object]:
    """Reading the Gazette PDFs beside the texts (corpus/pdf): pages per second of pdf_text (pdfminer.six with its
    layout analysis), beside the floor of the same library reading the same pages' text without layout analysis."""
    import io

    from pdfminer.high_level import extract_text_to_fp
    from pdfminer.pdfpage import PDFPage

    from graph.clean import pdf_text

    pdfs = [f.read_bytes() for f in sorted(folder.glob("*.pdf"))]
    if not pdfs:
        return {}
    pages = sum(sum(1 for _ in PDFPage.get_pages(io.BytesIO(d))) for d in pdfs)
    t = time.perf_counter()
    for d in pdfs:
        extract_text_to_fp(io.BytesIO(d), io.StringIO(), laparams=None)
    floor_s = time.perf_counter() - t
    t = time.perf_counter()
    chars = sum(len(pdf_text(d)) for d in pdfs)
    read_s = time.perf_counter() - t
    return {"pdf_files": len(pdfs), "pdf_megabytes": round(sum(map(len, pdfs)) / 1e6, 2), "pdf_pages": pages,
            "pdf_pages_s": round(pages / read_s, 1), "pdf_text_chars_s": round(chars / read_s),
            "pdf_floor_pages_s": round(pages / floor_s, 1), "pdf_ratio": round(read_s / floor_s, 2)}


if __name__ == "__main__":
    main()
