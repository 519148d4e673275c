"""Acceptance: the seed articles yield every gold document, both gold relations and no forbidden one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import graph_json
from graph.numbers import canonical_key
from graph.pipeline import extract_paths

from .conftest import FIXTURES, SEEDS

GOLD = json.loads((FIXTURES / "gold" / "seeds.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted() -> dict:
    return graph_json(extract_paths([SEEDS]))


def _by_number(out: dict) -> dict[str, dict]:
    return {canonical_key(d["number"]): d for d in out["documents"] if d["number"] and "/" in d["number"]}


@pytest.mark.parametrize("gold", GOLD["documents"], ids=[d["number"] for d in GOLD["documents"]])
def test_gold_document(extracted: dict, gold: dict) -> None:
    docs = _by_number(extracted)
    d = docs.get(canonical_key(gold["number"]))
    assert d is not None, f"{gold['number']} not extracted"
    assert d["number"] == gold["number"], "the number is displayed as the issuer writes it"
    assert d["type"] == gold["type"]
    assert d["issuer"] == gold["issuer"]
    if gold["date"]:
        assert d["date"] == gold["date"]


@pytest.mark.parametrize("gold", GOLD["relations"], ids=[f"{r['type']}:{r['from']}" for r in GOLD["relations"]])
def test_gold_relation(extracted: dict, gold: dict) -> None:
    got = {(r["type"], canonical_key(r["source"]), canonical_key(r["target"])) for r in extracted["relations"]
           if r["type"] not in ("ISSUED_BY", "PROPOSED_BY")}
    assert (gold["type"], canonical_key(gold["from"]), canonical_key(gold["to"])) in got
    rel = next(r for r in extracted["relations"] if r["type"] == gold["type"]
               and canonical_key(r["source"]) == canonical_key(gold["from"]))
    ev = rel["evidence"]
    assert ev["source"].endswith(gold["source"])
    raw = (SEEDS / gold["source"]).read_text(encoding="utf-8")
    # the offsets point at the sentence in the source as it was read
    assert " ".join(raw[ev["start"]:ev["end"]].split()) == ev["sentence"]


@pytest.mark.parametrize("nr", GOLD["not_relations"], ids=[",".join(n["between"]) for n in GOLD["not_relations"]])
def test_no_invented_relation(extracted: dict, nr: dict) -> None:
    a, b = (canonical_key(x) for x in nr["between"])
    for r in extracted["relations"]:
        if r["type"] in ("ISSUED_BY", "PROPOSED_BY", "CITES"):
            continue
        pair = {canonical_key(r["source"]), canonical_key(r["target"])}
        if pair == {a, b}:
            assert nr["type"] not in ("any", r["type"]), f"invented {r['type']} {r['source']} -> {r['target']}"


def test_every_typed_relation_is_stated(extracted: dict) -> None:
    """Precision on the seeds: the only typed relations between documents are the gold ones."""
    typed = {(r["type"], canonical_key(r["source"]), canonical_key(r["target"])) for r in extracted["relations"]
             if r["type"] not in ("ISSUED_BY", "PROPOSED_BY", "CITES")}
    gold = {(r["type"], canonical_key(r["from"]), canonical_key(r["to"])) for r in GOLD["relations"]}
    assert typed == gold


def test_official_scorer(tmp_path: Path, extracted: dict) -> None:
    """The project's gold scorer, run as the before-stop hook runs it."""
    out = tmp_path / "out.json"
    out.write_text(json.dumps(extracted, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, str(FIXTURES / "gold" / "score_gold.py"), str(FIXTURES / "gold" / "seeds.gold.json"),
                        str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "documents 25/25" in r.stdout


def test_news_articles_are_not_documents(extracted: dict) -> None:
    assert all(s["document"] is None for s in extracted["sources"])
