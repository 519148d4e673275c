"""One contract for every store: the same queries give the same answers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.errors import AmbiguousReference, NotFound, StoreError
from graph.model import AGENCY_RELATIONS, Graph
from graph.pipeline import extract_paths, extract_text
from graph.resolve import Resolver
from graph.status import status_at
from graph.stores.base import Store, lookup
from graph.stores.memory import MemoryStore
from graph.vocab import fold_lower

from .conftest import GAZETTE, SEEDS

_GRAPH: list[Graph] = []


def _seed_graph() -> Graph:
    """The seeds and the Gazette fixture, extracted once per run (a fresh copy each call)."""
    if not _GRAPH:
        _GRAPH.append(extract_paths([SEEDS, GAZETTE]))
    return _GRAPH[0].model_copy(deep=True)


def _open(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if kind == "memory":
        return MemoryStore(tmp_path / "g.lexgraph")
    target = request.getfixturevalue("neo4j_target")
    s = target.store()
    s.clear()
    return s


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s = _open(request.param, request, tmp_path)
    s.upsert(_seed_graph())
    yield s
    s.close()


def test_lookup_by_any_written_form(store: Store) -> None:
    for ref in ["42/2022/NĐ-CP", "Nghị định 42/2022/NĐ-CP", "42/2022/nd-cp", "42_2022_ND-CP", "42-2022-nd-cp",
                "số 42/2022/NĐ-CP"]:
        assert store.resolve(ref) == "42/2022/ND-CP", ref


def test_replaced_by_chain(store: Store) -> None:
    chain = store.replaced_by("43/2011/NĐ-CP")
    assert [s.document.key for s in chain] == ["42/2022/ND-CP"]
    assert "thay thế" in chain[0].evidence[0].sentence
    back = store.replaces("42/2022/NĐ-CP")
    assert [s.document.key for s in back] == ["43/2011/ND-CP"]


def test_lists_and_chains_give_briefs(store: Store) -> None:
    """A page of documents, a chain and `briefs` carry a document's dates and names but not the sentences that
    mention it (read in full by `get`): what a list or a chain shows, without reading every mention."""
    full = store.get("139/2026/ND-CP")
    assert full is not None and full.evidence and full.effective_claims
    brief = store.briefs(["139/2026/ND-CP", "no/such/KEY"])["139/2026/ND-CP"]
    assert brief == full.brief() and brief.evidence == brief.effective_claims == []
    assert (brief.number, brief.date, brief.effective, brief.title) == (full.number, full.date, full.effective, full.title)
    assert brief.effective is not None
    head, steps = store.document_chain("60/2018/NĐ-CP", "in")
    assert head == store.get("60/2018/ND-CP").brief()  # type: ignore[union-attr]
    assert [s.document for s in steps] == [brief] and steps[0].evidence
    page, _ = store.documents(q="139/2026")
    assert brief in page and all(not d.evidence for d in page)


def test_relations_both_ways(store: Store) -> None:
    out = store.relations("749/QD-TTG@2020", "IMPLEMENTS", "out")
    assert [r.other for r in out] == ["52-NQ/TW@2019"]
    inc = store.relations("52-NQ/TW@2019", "IMPLEMENTS", "in")
    assert [r.other for r in inc] == ["749/QD-TTG@2020"]
    assert inc[0].evidence and inc[0].evidence[0].source.endswith("002_f5cce74d7b1a0e9d.txt")


def test_issuer_documents(store: Store) -> None:
    docs, n = store.issuer_documents("Bộ TT&TT")
    assert n == len(docs) >= 5
    assert {"922/QD-BTTTT@2022", "793/BTTTT-THH@2022"} <= {d.key for d in docs}


def test_search_with_and_without_diacritics(store: Store) -> None:
    a, _ = store.documents(q="nghi dinh 42")
    b, _ = store.documents(q="Nghị định 42")
    assert "42/2022/ND-CP" in {d.key for d in a} and {d.key for d in a} == {d.key for d in b}
    c, _ = store.documents(q="dịch vụ công trực tuyến")
    assert c


def test_filters_and_paging(store: Store) -> None:
    docs, n = store.documents(type="Nghị định", year=2020)
    assert {"30/2020/ND-CP", "45/2020/ND-CP", "47/2020/ND-CP"} <= {d.key for d in docs}
    page, total = store.documents(limit=3, offset=2)
    assert len(page) == 3 and total > 3


def test_search_ranks_the_phrase_then_the_newest(store: Store) -> None:
    """Words asked for (`q`) rank the documents that hold them as a phrase first, then the newest year, then the key;
    pages follow that order; with no words the list is in key order."""
    docs, n = store.documents(q="dịch vụ công")
    assert [d.key for d in docs] == ["46/2020/ND-CP", "15/2020/ND-CP"] and n == 2  # the phrase in its title first
    full, n = store.documents(q="quy dinh chi tiet", limit=500)
    phrase = [fold_lower(" ".join(x for x in (d.number, d.name, d.type, d.title) if x)).count("quy dinh chi tiet") > 0
              for d in full]
    assert phrase == sorted(phrase, reverse=True) and phrase[0], phrase
    years = [d.year or -1 for d, p in zip(full, phrase, strict=True) if p]
    assert years == sorted(years, reverse=True) and len(set(years)) > 1, years
    pages = [d.key for off in range(0, n, 7) for d in store.documents(q="quy dinh chi tiet", limit=7, offset=off)[0]]
    assert pages == [d.key for d in full]
    plain, _ = store.documents(limit=40)
    assert [d.key for d in plain] == sorted(d.key for d in plain)


def test_unknown_and_ambiguous(store: Store) -> None:
    with pytest.raises(NotFound) as e:
        store.resolve("43/2012/NĐ-CP")
    assert any("43/2011" in s for s in e.value.suggestions)
    store.upsert(Resolver().build([extract_text("Quyết định số 749/QĐ-TTg ngày 5/7/2021 của Thủ tướng Chính phủ.", "x")]))
    with pytest.raises(AmbiguousReference) as a:
        store.resolve("749/QĐ-TTg")
    assert len(a.value.candidates) == 2
    assert store.resolve("749/QĐ-TTg 2020") == "749/QD-TTG@2020"
    assert "Add the year (e.g. '749/QĐ-TTg 2020')" in str(a.value)


def test_ambiguous_of_one_year_names_the_full_number(store: Store) -> None:
    """'43/2011' names a decree and a circular of that year: adding the year again cannot choose, the full number
    can, and the hint says so with a number that resolves."""
    store.upsert(Resolver().build([extract_text(
        "Thông tư số 43/2011/TT-BGDĐT ngày 04/10/2011 của Bộ Giáo dục và Đào tạo.", "x")]))
    with pytest.raises(AmbiguousReference) as a:
        store.resolve("43/2011")
    hint = re.search(r"Give the full number \(e\.g\. '([^']+)'\)", str(a.value))
    assert hint and "Add the year" not in str(a.value), str(a.value)
    assert store.resolve(hint.group(1)) in {"43/2011/ND-CP", "43/2011/TT-BGDDT"}


def test_gazette_relations_in_store(store: Store) -> None:
    assert store.replaced_by("60/2018/NĐ-CP")[0].document.key == "139/2026/ND-CP"
    assert status_at(store, "60/2018/ND-CP", dt.date(2026, 12, 31)).state == "replaced"


def test_document_relations(store: Store) -> None:
    """A document with its relations and the briefs of the documents they name, read at once; of some types, one
    way; by any written form of its number, partial numbers and laws' names included."""
    view = store.document_relations("Nghị định 42/2022")
    assert view.document == store.get("42/2022/ND-CP")
    assert view.relations == store.relations("42/2022/ND-CP")
    named = {r.other for r in view.relations if r.type not in ("ISSUED_BY", "PROPOSED_BY")}
    assert view.others == store.briefs(sorted(named)) and "43/2011/ND-CP" in view.others
    inc = store.document_relations("60/2018/NĐ-CP", ("REPLACES", "AMENDS"), "in")
    assert [(r.type, r.other) for r in inc.relations] == [("REPLACES", "139/2026/ND-CP")]
    assert set(inc.others) == {"139/2026/ND-CP"} and not inc.others["139/2026/ND-CP"].evidence
    assert store.document_relations("Luật Du lịch").document.key == "9/2017/QH14"
    with pytest.raises(NotFound):
        store.document_relations("43/2012/NĐ-CP")
    with pytest.raises(AmbiguousReference):
        store.document_relations("Luật Xuất bản")


def test_relations_of_many_documents(store: Store) -> None:
    keys = ["749/QD-TTG@2020", "52-NQ/TW@2019", "42/2022/ND-CP", "no/such/KEY", "42/2022/ND-CP"]
    many = store.relations_of(keys)
    assert list(many) == keys[:4] and many["no/such/KEY"] == []
    assert all(many[k] == store.relations(k) for k in keys[:3])
    issued = store.relations_of(keys, ("ISSUED_BY",), "out")
    assert issued["749/QD-TTG@2020"] == store.relations("749/QD-TTG@2020", "ISSUED_BY", "out") != []
    both = store.relations_of(["52-NQ/TW@2019"], ("IMPLEMENTS", "BASED_ON"), "in")["52-NQ/TW@2019"]
    assert both == [r for r in store.relations("52-NQ/TW@2019", None, "in") if r.type in ("IMPLEMENTS", "BASED_ON")]
    assert store.relations_of([]) == {} and store.relations_of(["42/2022/ND-CP"], ()) == {"42/2022/ND-CP": []}


def test_partial_numbers_and_candidates(store: Store) -> None:
    """'Nghị định 43/2011', 'decree 43/2011', '43/2011': the one document of that number and year (of that type)."""
    for ref in ["Nghị định 43/2011", "decree 43/2011", "43/2011", "nghi dinh so 43/2011"]:
        assert store.document(ref).key == "43/2011/ND-CP", ref
        assert store.document_chain(ref, "in")[1][0].document.key == "42/2022/ND-CP", ref
    lk = lookup("Nghị định 43/2011")
    assert lk is not None and (lk.prefix, lk.type_ids) == ("43/2011/", ("NghiDinh",))
    assert [d.key for d in store.candidates(lk)] == ["43/2011/ND-CP"]
    assert store.candidates(lookup("42/2022/NĐ-CP")) == [store.get("42/2022/ND-CP")]  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        store.document("Quyết định 43/2011")
    assert lookup("Văn phòng 43/2011") is None  # no such type: nothing to look for


def test_neighbourhood(store: Store) -> None:
    nb = store.neighbourhood("42/2022/NĐ-CP", depth=1)
    ids = {n["id"] for n in nb.nodes}
    assert {"42/2022/ND-CP", "43/2011/ND-CP", "CP"} <= ids
    assert any(e["type"] == "REPLACES" for e in nb.edges)


def test_idempotent_build(store: Store) -> None:
    before = store.counts()
    store.upsert(_seed_graph())
    assert store.counts() == before


def test_agencies(store: Store) -> None:
    ags = {a.id: n for a, n in store.agencies()}
    assert ags["CP"] >= 5 and ags["BoChinhTri"] >= 1


def test_persisted_and_reloaded(store: Store, request: pytest.FixtureRequest) -> None:
    """A new store object on the same file or database sees the same graph."""
    if isinstance(store, MemoryStore):
        again: Store = MemoryStore(store.path)
    else:
        again = request.getfixturevalue("neo4j_target").store()
    try:
        assert again.counts() == store.counts()
        assert again.resolve("43/2011/nd-cp") == "43/2011/ND-CP"
    finally:
        again.close()


def test_undated_mention_merges_into_the_dated_document(store: Store) -> None:
    """An article names 'Quyết định 1000/QĐ-TTg' without a year; the decision itself arrives later."""
    store.upsert(Resolver().build([extract_text(
        "Thủ tướng Chính phủ đã ký Quyết định 1000/QĐ-TTg về chuyển đổi số. Quyết định 1000/QĐ-TTg "
        "thay thế Quyết định số 12/2015/QĐ-TTg.", "news.txt")]))
    assert store.keys_with_base("1000/QD-TTG") == ["1000/QD-TTG"]
    store.upsert(Resolver().build([extract_text(
        "Quyết định số 1000/QĐ-TTg ngày 3 tháng 6 năm 2024 của Thủ tướng Chính phủ về chuyển đổi số.", "qd.txt")]))
    assert store.keys_with_base("1000/QD-TTG") == ["1000/QD-TTG@2024"]
    d = store.document("1000/QĐ-TTg")
    assert d.date is not None and d.date.year == 2024
    assert {e.source for e in d.evidence} == {"news.txt", "qd.txt"}
    assert [r.other for r in store.relations(d.key, "REPLACES", "out")] == ["12/2015/QD-TTG"]


def test_law_asked_for_by_its_name(store: Store) -> None:
    """A law is asked for by its name as people say it (with or without the year, diacritics, a short form, or
    the key): also a law the graph keys by its number, which bears the name (20/2023/QH15)."""
    store.upsert(Resolver().build([extract_text(
        "Luật Giao dịch điện tử số 20/2023/QH15 đã thay thế Luật Giao dịch điện tử ngày 29 tháng 11 năm 2005. "
        "Luật Ngân sách nhà nước số 83/2015/QH13 được ban hành năm 2015.", "news.txt")]))
    with pytest.raises(AmbiguousReference) as a:
        store.resolve("Luật Giao dịch điện tử")
    assert len(a.value.candidates) == 2 and "Luật Giao dịch điện tử 20/2023/QH15 (2023)" in a.value.candidates
    assert "Luật Giao dịch điện tử 2023" in str(a.value)  # the hint names the form that chooses one
    for ref in ["Luật Giao dịch điện tử 2023", "luat giao dich dien tu nam 2023", "Luật Giao dịch điện tử năm 2023",
                "Luật Giao dịch điện tử (2023)"]:
        assert store.resolve(ref) == "20/2023/QH15", ref
    for ref in ["Luật Giao dịch điện tử 2005", "LUAT/giao-dich-dien-tu@2005"]:
        assert store.resolve(ref) == "LUAT/giao-dich-dien-tu@2005", ref
    # the Gazette fixture has the law of 2025 too: a short form is the listed name, and the year chooses
    assert store.resolve("Luật NSNN 2015") == store.resolve("Luật Ngân sách nhà nước năm 2015") == "83/2015/QH13"
    assert store.resolve("Luật NSNN 2025") == "89/2025/QH15"
    assert sorted(store.keys_named("LUAT/giao-dich-dien-tu")) == ["20/2023/QH15", "LUAT/giao-dich-dien-tu@2005"]
    assert store.keys_with_base("LUAT/giao-dich-dien-tu") == ["LUAT/giao-dich-dien-tu@2005"]  # the resolver's own
    chain = store.replaced_by("Luật Giao dịch điện tử 2005")
    assert [s.document.key for s in chain] == ["20/2023/QH15"]
    assert [s.document.key for s in store.replaces("Luật Giao dịch điện tử 2023")] == ["LUAT/giao-dich-dien-tu@2005"]
    with pytest.raises(NotFound) as e:
        store.resolve("Luật Giao dịch điện tử 2010")
    assert any("Giao dịch điện tử" in s for s in e.value.suggestions)


def assert_same_answers(mem: Store, neo: Store) -> None:
    """Every primitive of the store interface, on every document both hold, gives the same answer."""
    assert mem.counts() == neo.counts()
    assert mem.to_graph() == neo.to_graph()
    assert mem.agencies() == neo.agencies()
    assert sorted(mem.all_keys()) == sorted(neo.all_keys())
    for key in mem.all_keys():
        assert mem.get(key) == neo.get(key), key
        assert mem.relations(key) == neo.relations(key), key
        assert mem.parts(key) == neo.parts(key), key
        assert mem.keys_with_base(key.split("@")[0]) == neo.keys_with_base(key.split("@")[0])
        nb = mem.get(key).name_base  # type: ignore[union-attr]
        if nb is not None:
            assert mem.keys_named(nb) == neo.keys_named(nb) and key in mem.keys_named(nb)
            assert mem.documents_with_base(nb) == neo.documents_with_base(nb)
        assert status_at(mem, key, dt.date(2026, 1, 1)) == status_at(neo, key, dt.date(2026, 1, 1)), key
        view = mem.document_relations(key)
        assert view == neo.document_relations(key), key
        assert view.others == mem.briefs(sorted({r.other for r in view.relations if r.type not in AGENCY_RELATIONS}))
    assert mem.relations_of(mem.all_keys()) == neo.relations_of(mem.all_keys())
    assert mem.relations_of(mem.all_keys(), ("REPLACES", "ISSUED_BY"), "out") == neo.relations_of(
        mem.all_keys(), ("REPLACES", "ISSUED_BY"), "out")
    queries = [{}, {"type": "Nghị định"}, {"type": "thong tu"}, {"type": "NghiQuyet"}, {"issuer": "BTC"},
               {"issuer": "CP", "year": 2020}, {"year": 2018, "limit": 7, "offset": 3}, {"q": "bao hiem"},
               {"q": "Thông tư liên tịch"}, {"q": "ND-CP 2022"}, {"q": "khong-co-gi"}, {"type": "nonsense"}]
    for q in queries:
        assert mem.documents(**q) == neo.documents(**q), q
    keys = mem.all_keys()
    assert mem.briefs(keys) == neo.briefs(keys) == {k: mem.get(k).brief() for k in keys}  # type: ignore[union-attr]
    for ref in ["43/2011/nd-cp", "60/2018/NĐ-CP", "749/QĐ-TTg"]:
        assert mem.neighbourhood(ref, depth=2) == neo.neighbourhood(ref, depth=2)
        assert mem.replaced_by(ref) == neo.replaced_by(ref)
        assert mem.replaces(ref) == neo.replaces(ref)


@pytest.mark.neo4j  # opens the Neo4j store itself (request.getfixturevalue)
def test_both_stores_give_the_same_answers(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Every primitive, on every document of the seeds and the Gazette fixture."""
    mem, neo = _open("memory", request, tmp_path), _open("neo4j", request, tmp_path)
    try:
        for s in (mem, neo):
            s.upsert(_seed_graph())
        assert_same_answers(mem, neo)
    finally:
        mem.close()
        neo.close()


def test_term_and_dates_of_effect_stored(store: Store) -> None:
    """Dates of effect, and a term a text names for itself, are kept by every store (Neo4j: date properties)."""
    text = ("CHÍNH PHỦ\nSố: 16/2026/NQ-CP\nHà Nội, ngày 5 tháng 3 năm 2026\nNGHỊ QUYẾT\nVề thí điểm\n"
            "Điều 5. Hiệu lực thi hành\n1. Nghị quyết này có hiệu lực thi hành kể từ ngày ký đến hết ngày 31 tháng 12 "
            "năm 2027.\n")
    store.upsert(Resolver().build([extract_text(text, "nq16.txt")]))
    store.upsert(Resolver().build([extract_text(text, "nq16.txt")]))  # twice: nothing doubles
    d = store.document("16/2026/NQ-CP")
    assert (d.effective, d.expires) == (dt.date(2026, 3, 5), dt.date(2027, 12, 31))
    assert [c.rule for c in d.effective_claims] == ["on_signing", "until"] and not d.effective_conflicts


def test_embedded_store_reads_its_earlier_file_format(tmp_path: Path) -> None:
    """A store file written before the compact layout (a pickled Graph, 'lexgraph-embedded/1') still opens."""
    import pickle

    g = _seed_graph()
    path = tmp_path / "old.lexgraph"
    path.write_bytes(pickle.dumps({"format": "lexgraph-embedded/1", "graph": g.model_dump(mode="python")}))
    old, new = MemoryStore(path), MemoryStore()
    new.upsert(_seed_graph())
    assert old.counts() == new.counts() and old.to_graph() == new.to_graph()
    assert [s.document.key for s in old.replaced_by("43/2011/NĐ-CP")] == ["42/2022/ND-CP"]


def test_embedded_store_refuses_a_file_of_other_relation_types(tmp_path: Path) -> None:
    """A relation's type is stored as its index in ontology/relations.tsv: a file written with another list (the
    table reordered since) is refused, not misread."""
    import pickle

    path = tmp_path / "g.lexgraph"
    MemoryStore(path).upsert(_seed_graph())
    data = pickle.loads(path.read_bytes())
    assert data["types"] == ("ISSUED_BY", "PROPOSED_BY", "REPLACES", "REPEALS", "AMENDS", "GUIDES", "IMPLEMENTS",
                             "BASED_ON", "CONSOLIDATES", "CITES")
    data["types"] = tuple(reversed(data["types"]))
    path.write_bytes(pickle.dumps(data))
    with pytest.raises(StoreError, match="relation types"):
        MemoryStore(path)


# parts and effects part by part (issue 25) ----------------------------------------------------------------------
def _amending_graph() -> Graph:
    """A relation whose sentences act on parts of a text read in full (hand-made effects: what extraction gives once
    it reads them), between two documents of the seed graph."""
    from graph.model import Evidence, PartEffect, Relation

    ev = Evidence(source="amending.txt", sentence="Bãi bỏ khoản 2 Điều 3 và sửa đổi Điều 4 Nghị định số 111/2022/NĐ-CP.",
                  start=10, end=80)
    ev2 = Evidence(source="amending.txt", sentence="Tạm ngưng điểm a khoản 1 Điều 4.", start=90, end=120)
    effects = [PartEffect(kind="repealed", parts=["dieu_3/khoan_2"], written="khoản 2 Điều 3", by_part="dieu_1/khoan_1",
                          evidence=ev),
               PartEffect(kind="amended", parts=["dieu_4"], written="Điều 4", date=dt.date(2026, 7, 1), evidence=ev),
               PartEffect(kind="suspended", parts=["dieu_4/khoan_1/diem_a", "dieu_99"], evidence=ev2)]
    rel = Relation(type="AMENDS", source="139/2026/ND-CP", target="111/2022/ND-CP", evidence=[ev], effects=effects)
    return Graph(relations={Graph.rel_key(rel.type, rel.source, rel.target): rel})


def test_parts_of_a_document_read_in_full(store: Store) -> None:
    want = _seed_graph().parts
    assert "111/2022/ND-CP" in want and len(want["111/2022/ND-CP"]) > 100
    got = store.parts("111/2022/ND-CP")
    assert got == want["111/2022/ND-CP"]
    assert [p.id for p in got[:3]] == ["chuong_1", "dieu_1", "dieu_2"]
    khoan = next(p for p in got if p.id == "dieu_2/khoan_1")
    assert (khoan.kind, khoan.label, khoan.number, khoan.parent) == ("khoan", "khoản 1", "1", "dieu_2")
    assert khoan.source.endswith("nghi-dinh-so-111-2022-nd-cp-38434.txt") and khoan.start < khoan.end
    assert store.parts("43/2011/ND-CP") == [] and store.parts("no/such/KEY") == []
    assert store.to_graph().parts == want


def test_effects_on_relations(store: Store) -> None:
    g = _amending_graph()
    rel = next(iter(g.relations.values()))
    store.upsert(g)
    store.upsert(_amending_graph())  # again: nothing doubled
    inc = store.relations("111/2022/ND-CP", "AMENDS", "in")
    assert [(r.other, r.effects) for r in inc] == [("139/2026/ND-CP", rel.effects)]
    out = store.relations_of(["139/2026/ND-CP"], ("AMENDS",), "out")["139/2026/ND-CP"]
    assert [r.effects for r in out if r.other == "111/2022/ND-CP"] == [rel.effects]
    view = store.document_relations("Nghị định 111/2022/NĐ-CP", ("AMENDS",), "in")
    assert [r.effects for r in view.relations] == [rel.effects]
    back = store.to_graph().relations[Graph.rel_key("AMENDS", "139/2026/ND-CP", "111/2022/ND-CP")]
    assert back.effects == rel.effects
    seed = _seed_graph()  # a relation no upsert touched keeps the effects the extraction gave it (branch effects)
    assert all(r.effects == seed.relations[Graph.rel_key(r.type, *(("42/2022/ND-CP", r.other) if r.direction == "out"
                                                                    else (r.other, "42/2022/ND-CP")))].effects
               for r in store.relations("42/2022/ND-CP") if r.type not in AGENCY_RELATIONS)
    assert store.parts("111/2022/ND-CP") == _seed_graph().parts["111/2022/ND-CP"]  # untouched by the upsert


def test_replace_graph_keeps_parts_and_effects(store: Store) -> None:
    g = _seed_graph()
    for k, r in _amending_graph().relations.items():
        g.relations[k] = r
    store.replace_graph(g, {})
    assert store.to_graph().parts == g.parts
    rel = store.relations("111/2022/ND-CP", "AMENDS", "in")[0]
    assert rel.effects == g.relations[Graph.rel_key("AMENDS", "139/2026/ND-CP", "111/2022/ND-CP")].effects
    # the structure read anew (fewer parts), an effect dropped: the store follows
    g2 = g.model_copy(deep=True)
    g2.parts["111/2022/ND-CP"] = g2.parts["111/2022/ND-CP"][:5]
    del g2.parts["51/2024/QH15"]
    key = Graph.rel_key("AMENDS", "139/2026/ND-CP", "111/2022/ND-CP")
    g2.relations[key] = g2.relations[key].model_copy(update={"effects": g2.relations[key].effects[:1]})
    stats = store.replace_graph(g2, {})
    assert stats.changed_relations == 1
    assert store.parts("111/2022/ND-CP") == g2.parts["111/2022/ND-CP"] and store.parts("51/2024/QH15") == []
    assert store.relations("111/2022/ND-CP", "AMENDS", "in")[0].effects == g2.relations[key].effects
    assert store.to_graph().parts == g2.parts
