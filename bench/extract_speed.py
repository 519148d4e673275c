"""Extraction speed on the Gazette corpus, in MB/s on one core, beside a floor measured in the same run.

The floor is a bare scan of the same texts for number-shaped strings (decode, fold, one regex pass):
the least any extractor that finds numbers must do. The ratio floor/extraction says how much the
clause grammar, resolution and evidence cost on top of it.

    python -m bench.extract_speed [CORPUS_DIR] [--repeat 3]
    python -m bench.extract_speed --stages [CORPUS_DIR]       # where the time goes, by stage (bench/stages.py)
    python -m bench.extract_speed --synth 10000               # the synthetic corpus of bench/synth.py instead
    python -m bench.extract_speed --before DIR --rounds 6 --cpu   # beside older code (a checkout), round by round

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

import graph
from graph.clean import clean
from graph.numbers import NUMBER_RE
from graph.pipeline import extract_text
from graph.resolve import Resolver
from graph.vocab import fold

ROOT = Path(__file__).resolve().parent.parent
# the clock of extraction and its floor: wall time, or with --cpu this process's CPU time (on a machine that others
# load, wall time measures them too; CPU time of one process on one core does not, or much less)
CLOCK = [time.perf_counter]


def default_corpus() -> Path:
    shared = ROOT.parent / "shared" / "corpus" / "congbao" / "texts"
    return shared if shared.is_dir() else ROOT / "tests" / "fixtures" / "congbao"


def _texts(a: argparse.Namespace) -> tuple[str, list[str], list[bytes]]:
    """(what was read, the names, the texts as bytes): the corpus folder, or a synthetic corpus of a.synth texts."""
    if a.synth:
        from .synth import generate, texts

        pairs = list(texts(generate(a.synth)))
        return f"synthetic ({a.synth} texts, bench/synth.py)", [n for n, _ in pairs], [t.encode() for _, t in pairs]
    corpus = a.corpus or default_corpus()
    files = sorted(corpus.glob("*.txt"))
    return str(corpus), [f.name for f in files], [f.read_bytes() for f in files]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="?", type=Path, default=None)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
    p.add_argument("--stages", action="store_true", help="where the time goes, by stage (one run, timed per stage)")
    p.add_argument("--synth", type=int, default=0, help="the synthetic corpus of bench/synth.py with this many texts")
    p.add_argument("--no-pdf", action="store_true", help="leave out reading the PDFs beside the corpus")
    p.add_argument("--cpu", action="store_true", help="time by this process's CPU time, not wall time")
    p.add_argument("--before", type=Path, default=None,
                   help="a checkout of older code: each round runs it and this code, alternately, in processes of their own")
    p.add_argument("--rounds", type=int, default=6, help="with --before: how many rounds")
    a = p.parse_args()
    if a.before:
        if a.stages:
            p.error("--stages with --before is not measured: run --stages in each checkout")
        return compare(a)
    if a.cpu:
        CLOCK[0] = time.process_time
    where, names, data = _texts(a)
    mb = sum(len(d) for d in data) / 1e6
    if a.stages:
        fig = stage_figures(names, data, mb, where)
        print(json.dumps(fig, indent=1))
        if a.json:
            a.json.write_text(json.dumps(fig, indent=1) + "\n")
        return
    floor_best = extract_best = resolve_best = raw_best = float("inf")
    for _ in range(a.repeat):
        t = CLOCK[0]()
        n = 0
        for d in data:
            n += sum(1 for _ in NUMBER_RE.finditer(fold(d.decode("utf-8"))))
        floor_best = min(floor_best, CLOCK[0]() - t)
        t = CLOCK[0]()  # the floor without the fold: what the fold adds to it (it misses 'NĐ-CP' and the like)
        for d in data:
            sum(1 for _ in NUMBER_RE.finditer(d.decode("utf-8")))
        raw_best = min(raw_best, CLOCK[0]() - t)
        t = CLOCK[0]()
        results = [extract_text(d.decode("utf-8"), name) for d, name in zip(data, names, strict=True)]
        extract_best = min(extract_best, CLOCK[0]() - t)
        t = CLOCK[0]()
        g = Resolver().build(results)
        resolve_best = min(resolve_best, CLOCK[0]() - t)
    clean_only = CLOCK[0]()
    for d in data:
        clean(d.decode("utf-8"))
    clean_only = CLOCK[0]() - clean_only
    fig = {
        "corpus": where, "files": len(names), "megabytes": round(mb, 2),
        "floor_scan_mb_s": round(mb / floor_best, 1),
        "unfolded_scan_mb_s": round(mb / raw_best, 1),
        "extract_mb_s": round(mb / extract_best, 2),
        "extract_plus_resolve_mb_s": round(mb / (extract_best + resolve_best), 2),
        "ratio_floor_over_extract": round(extract_best / floor_best, 1),
        "ratio_floor_over_extract_plus_resolve": round((extract_best + resolve_best) / floor_best, 2),
        "clean_only_s": round(clean_only, 2),
        "documents": len(g.documents), "relations": len(g.relations), "numbers_seen_by_floor": n,
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "load_average": [round(x, 2) for x in os.getloadavg()], "clock": "cpu" if a.cpu else "wall",
        "code": str(Path(graph.__file__).resolve().parent.parent),
        "command": "python -m bench.extract_speed " + (f"--synth {a.synth}" if a.synth else where) + f" --repeat {a.repeat}"
                   + (" --cpu" if a.cpu else ""),
    }
    if not a.synth and not a.no_pdf:
        fig.update(pdf_figures(Path(where).parent / "pdf"))
    print(json.dumps(fig, indent=1))
    if a.json:
        a.json.write_text(json.dumps(fig, indent=1) + "\n")


def compare(a: argparse.Namespace) -> None:
    """This code and older code, round by round (`bench._rounds`): each round runs this benchmark once (`--repeat`
    times, best of) in each checkout, alternately, so both meet the same machine; medians of each figure."""
    import statistics
    import subprocess
    import sys
    import tempfile

    from ._rounds import codes, env_for, record, turns, write

    corpus = (a.corpus or default_corpus()).resolve()
    args = ([f"--synth={a.synth}"] if a.synth else [str(corpus)]) + [f"--repeat={a.repeat}", "--no-pdf"] + (
        ["--cpu"] if a.cpu else [])
    checkouts = codes(a.before)
    runs: list[dict[str, object]] = []
    keys = ("floor_scan_mb_s", "extract_mb_s", "extract_plus_resolve_mb_s", "ratio_floor_over_extract",
            "ratio_floor_over_extract_plus_resolve")
    with tempfile.TemporaryDirectory(prefix="lexgraph-speed-") as tmp:
        out = Path(tmp) / "fig.json"
        for rnd, name, code in turns(a.rounds, checkouts):
            subprocess.run([sys.executable, "-m", "bench.extract_speed", *args, "--json", str(out)], cwd=code,
                           env=env_for(code), check=True, stdout=subprocess.DEVNULL)
            fig = json.loads(out.read_text())
            if not str(fig.get("code", code)).startswith(str(code)):  # that checkout's code was measured
                raise SystemExit(f"the run for {code} imported graph from {fig['code']}")
            runs.append({"code": name, "round": rnd, **{k: fig[k] for k in keys}, "load_average": fig["load_average"]})
            print(f"round {rnd} {name:6}  floor {fig['floor_scan_mb_s']:5.1f} MB/s  extraction {fig['extract_mb_s']:5.2f} "
                  f"MB/s ({fig['ratio_floor_over_extract']}x)  + resolution {fig['extract_plus_resolve_mb_s']:5.2f} MB/s "
                  f"({fig['ratio_floor_over_extract_plus_resolve']}x the floor)", flush=True)
    summary = {name: {k: statistics.median(float(r[k]) for r in runs if r["code"] == name) for k in keys}  # type: ignore[arg-type]
               for name in checkouts}
    for name, med in summary.items():
        print(f"{name}: medians " + ", ".join(f"{k} {v:g}" for k, v in med.items()))
    where = Path(f"synthetic ({a.synth} texts, bench/synth.py)") if a.synth else corpus
    write(record("bench.extract_speed", where, runs, summary, clock="cpu" if a.cpu else "wall"), a.json)


def stage_figures(names: list[str], data: list[bytes], mb: float, where: str) -> dict[str, object]:
    """One run of extraction and resolution with every stage timed (bench/stages.py), beside the floor of the same
    run: each stage's own seconds, its share of the whole, and the whole over the floor."""
    from .stages import timed

    t = CLOCK[0]()
    for d in data:
        sum(1 for _ in NUMBER_RE.finditer(fold(d.decode("utf-8"))))
    floor_s = CLOCK[0]() - t
    with timed(CLOCK[0]) as own:
        t = CLOCK[0]()
        Resolver().build([extract_text(d.decode("utf-8"), name) for d, name in zip(data, names, strict=True)])
        whole = CLOCK[0]() - t
    own["(decode, outside the stages)"] = whole - sum(own.values())
    rows = sorted(own.items(), key=lambda kv: -kv[1])
    return {"corpus": where, "megabytes": round(mb, 2), "floor_s": round(floor_s, 3), "whole_s": round(whole, 3),
            "whole_over_floor": round(whole / floor_s, 2),
            "stages": {k: {"s": round(v, 3), "share": round(v / whole, 3), "over_floor": round(v / floor_s, 2)}
                       for k, v in rows},
            "load_average": [round(x, 2) for x in os.getloadavg()], "clock": CLOCK[0].__name__,
            "note": "timed by wrapping each stage (bench/stages.py): the wrappers add a little to the whole"}


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
