"""Gazette full texts (fixtures copied from the corpus): each text knows its own number."""

from __future__ import annotations

import pytest

from graph.numbers import canonical_key
from graph.pipeline import extract_file
from graph.resolve import Resolver

from .conftest import GAZETTE, gazette_rows

ROWS = gazette_rows()


@pytest.mark.parametrize("row", ROWS, ids=[r["slug"] for r in ROWS])
def test_text_knows_its_own_number(row: dict[str, str]) -> None:
    g = Resolver().build([extract_file(GAZETTE / f"{row['slug']}.txt")])
    assert g.sources[0].document is not None
    assert g.sources[0].document.split("@")[0] == canonical_key(row["number"])


def test_consolidated_text_is_its_own_document() -> None:
    g = Resolver().build([extract_file(GAZETTE / "van-ban-hop-nhat-so-03-vbhn-btc-468970.txt")])
    me = g.sources[0].document
    assert me is not None and me.startswith("3/VBHN-BTC")
    assert g.documents[me].type == "Văn bản hợp nhất"
    rels = set(g.relations)
    assert f"CONSOLIDATES|{me}|181/2025/ND-CP" in rels
    assert "AMENDS|359/2025/ND-CP|181/2025/ND-CP" in rels
    # the consolidated decree's own preamble, not the consolidated text's
    assert "BASED_ON|359/2025/ND-CP|63/2025/QH15" in rels


def test_replacement_clause_in_a_decree() -> None:
    g = Resolver().build([extract_file(GAZETTE / "nghi-dinh-so-139-2026-nd-cp-469377.txt")])
    rel = g.relations["REPLACES|139/2026/ND-CP|60/2018/ND-CP"]
    ev = rel.evidence[0]
    assert "thay thế Nghị định số 60/2018/NĐ-CP" in ev.sentence
    raw = (GAZETTE / "nghi-dinh-so-139-2026-nd-cp-469377.txt").read_text(encoding="utf-8")
    assert "60/2018" in raw[ev.start : ev.end]


def test_reading_over_processes_builds_the_same_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    """`lexgraph build -j 2`: the files read by two worker processes, the results in the files' order; the graph
    is the one a single process builds, evidence and all."""
    from graph import pipeline

    one = pipeline.extract_paths([GAZETTE])
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)  # the fixture is smaller than what is worth sharing
    two = pipeline.extract_paths([GAZETTE], jobs=2)
    assert [s.path for s in two.sources] == [s.path for s in one.sources]
    assert {k: d.model_dump() for k, d in two.documents.items()} == {k: d.model_dump() for k, d in one.documents.items()}
    assert {k: r.model_dump() for k, r in two.relations.items()} == {k: r.model_dump() for k, r in one.relations.items()}
    assert len(one.relations) > 100


def test_a_text_continued_from_an_earlier_issue_knows_itself() -> None:
    """The Gazette prints a long text over several issues; a later part (here the annexes of 102/2018/TT-BTC) opens
    with the text's citation on a line of its own above '(Tiếp theo Công báo số …)', without 'Số:' or a type line
    (thong-tu-so-102-2018-tt-btc-28383, the first lines as published)."""
    from graph.pipeline import extract_text

    head = ("2 \nCÔNG BÁO/Số 203 + 204/Ngày 18-02-2019 \n  \nVĂN BẢN QUY PHẠM PHÁP LUẬT \n \n \nBỘ TÀI CHÍNH \n \n \n"
            "Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018 \nhướng dẫn kế toán Bảo hiểm xã hội  \n \n \n"
            "(Tiếp theo Công báo số 201 + 202) \n \n \n \n \nPhụ lục số 04 \nHỆ THỐNG BÁO CÁO TÀI CHÍNH \n"
            "(Ban hành kèm theo Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018  \ncủa Bộ Tài chính) \n")
    g = Resolver().build([extract_text(head, "t.txt")])
    assert g.sources[0].document == "102/2018/TT-BTC"
    d = g.documents["102/2018/TT-BTC"]
    assert (d.date.isoformat() if d.date else None, d.issuer, d.title) == ("2018-11-14", "BTC", "hướng dẫn kế toán Bảo hiểm xã hội")
    # without the continuation line it is a text that cites the circular, not the circular itself
    g2 = Resolver().build([extract_text(head.replace("(Tiếp theo Công báo số 201 + 202)", ""), "t.txt")])
    assert g2.sources[0].document is None
