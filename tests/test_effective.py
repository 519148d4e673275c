"""Dates of effect, status on a day and timelines (issue 8)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.settings import Settings
from graph.model import Graph
from graph.pipeline import extract_paths, extract_text
from graph.questions import ask
from graph.resolve import Resolver
from graph.status import status_at, timeline
from graph.stores.memory import MemoryStore

from .conftest import FIXTURES, SEEDS

CASES = json.loads((FIXTURES / "effective_dates.json").read_text(encoding="utf-8"))


def test_enough_hand_checked_clauses() -> None:
    assert len(CASES) >= 30 and {c["rule"] for c in CASES} >= {"date", "on_signing"}


@pytest.mark.parametrize("case", CASES, ids=[c["file"][:40] for c in CASES])
def test_gazette_effective_clause(case: dict[str, str]) -> None:
    """Real Gazette excerpts (the header and the article on effect), each checked by hand against its clause."""
    g = Resolver().build([extract_text(case["text"], case["file"])])
    claims = [(k, c) for k, d in g.documents.items() for c in d.effective_claims if c.part is None and c.rule != "as_reported"]
    assert claims, "no clause found"
    key, claim = claims[0]
    assert claim.date == dt.date.fromisoformat(case["date"]) and claim.rule == case["rule"]
    assert unicodedata.normalize("NFC", case["clause"])[:60] in claim.evidence.sentence
    assert g.documents[key].effective == claim.date


DECREE = """CHÍNH PHỦ
Số: 15/2024/NĐ-CP
Hà Nội, ngày 10 tháng 3 năm 2024
NGHỊ ĐỊNH
Quy định về thử nghiệm
Điều 1. Phạm vi
Nghị định này quy định về thử nghiệm.
Điều 9. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024, riêng khoản 3 Điều 5 có hiệu lực từ ngày 01 tháng 01 năm 2025.
2. Nghị định này thay thế Nghị định số 7/2015/NĐ-CP ngày 02 tháng 02 năm 2015 của Chính phủ quy định về thử nghiệm.
"""


def _store(*texts: tuple[str, str]) -> MemoryStore:
    s = MemoryStore()
    s.upsert(Resolver().build([extract_text(t, name) for t, name in texts]))
    return s


# Nghị định 188/2025/NĐ-CP, Điều 70 (nghi-dinh-so-188-2025-nd-cp-45593.txt): items giving parts their own date
ITEMS = DECREE.replace("""1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024, riêng khoản 3 Điều 5 có hiệu lực từ ngày 01 tháng 01 năm 2025.
""", """1. Nghị định này có hiệu lực từ ngày 15 tháng 8 năm 2024, trừ quy định tại khoản 2
và khoản 3 Điều này.
2. Các điều từ Điều 1 đến Điều 3, các điều 6 và 7 của Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2024.
3. Khoản 8 Điều 7 của Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2024
đến hết 31 tháng 12 năm 2025.
""")


def test_items_giving_parts_their_own_date() -> None:
    from graph.status import own_dates, part_status_on

    d = _store((ITEMS, "nd15.txt")).get("15/2024/ND-CP")
    assert d is not None and d.effective == dt.date(2024, 8, 15)
    assert [(c.date, c.part) for c in d.effective_claims if c.part] == [
        (dt.date(2024, 7, 1), "Các điều từ Điều 1 đến Điều 3, các điều 6 và 7"), (dt.date(2024, 7, 1), "Khoản 8 Điều 7")]
    assert sorted(own_dates(d)) == ["dieu_1", "dieu_2", "dieu_3", "dieu_6", "dieu_7", "dieu_7/khoan_8"]
    from graph.model import PartNode

    nodes = [PartNode(id=i, kind="dieu", label=i, parent=None, source="nd15.txt", start=n, end=n + 1)
             for n, i in enumerate(("dieu_1", "dieu_5"))]
    got = part_status_on(d, nodes, [], {}, dt.date(2024, 7, 15))  # after its own date, before the document's
    assert (got["dieu_1"].state, got["dieu_1"].since) == ("in_force", dt.date(2024, 7, 1))
    assert got["dieu_5"].state == "not_yet_in_force"
    assert d.effective_conflicts == []


def test_parts_and_replacement_dates() -> None:
    s = _store((DECREE, "nd15.txt"))
    d = s.get("15/2024/ND-CP")
    assert d is not None and d.effective == dt.date(2024, 5, 1)
    parts = [c for c in d.effective_claims if c.part]
    assert parts and parts[0].date == dt.date(2025, 1, 1) and "khoản 3 Điều 5" in parts[0].part
    old = status_at(s, "7/2015/ND-CP", dt.date(2024, 4, 30))
    assert old.state == "in_force"
    gone = status_at(s, "7/2015/ND-CP", dt.date(2024, 5, 1))
    assert gone.state == "replaced" and gone.since == dt.date(2024, 5, 1) and gone.changes[0].by == "15/2024/ND-CP"
    assert status_at(s, "15/2024/ND-CP", dt.date(2024, 4, 1)).state == "not_yet_in_force"
    kinds = [e.kind for e in timeline(s, "15/2024/ND-CP")]
    assert kinds == ["issued", "in_force", "part_in_force"]


def test_after_days_and_on_signing() -> None:
    t1 = DECREE.replace("có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024, riêng khoản 3 Điều 5 có hiệu lực từ ngày "
                        "01 tháng 01 năm 2025", "có hiệu lực thi hành sau 45 ngày kể từ ngày ký")
    assert _store((t1, "a.txt")).get("15/2024/ND-CP").effective == dt.date(2024, 4, 24)  # type: ignore[union-attr]
    t2 = DECREE.replace("có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024, riêng khoản 3 Điều 5 có hiệu lực từ ngày "
                        "01 tháng 01 năm 2025", "có hiệu lực kể từ ngày ký ban hành")
    assert _store((t2, "b.txt")).get("15/2024/ND-CP").effective == dt.date(2024, 3, 10)  # type: ignore[union-attr]


def test_news_report_and_contradiction_kept_with_both_evidences() -> None:
    news = "Nghị định 15/2024/NĐ-CP có hiệu lực từ ngày 01/6/2024, thay thế Nghị định 7/2015/NĐ-CP."
    s = _store((DECREE, "nd15.txt"), (news, "tin.txt"))
    d = s.get("15/2024/ND-CP")
    assert d is not None and d.effective == dt.date(2024, 5, 1)
    assert [c.date for c in d.effective_conflicts] == [dt.date(2024, 6, 1)]
    assert d.effective_conflicts[0].evidence.source == "tin.txt"
    before = DECREE.replace("01 tháng 5 năm 2024, riêng", "01 tháng 5 năm 2023, riêng")  # before its own issue
    d2 = _store((before, "x.txt")).get("15/2024/ND-CP")
    assert d2 is not None and d2.effective is None and d2.effective_conflicts[0].date == dt.date(2023, 5, 1)


def test_a_consolidated_text_reports_the_dates_of_the_texts_it_lists() -> None:
    """A consolidated text opens with the texts it brings together, each '…, có hiệu lực kể từ ngày …': those are
    their dates of effect, though the text's own clause of effect is one it quotes (and not taken); 'sửa đổi, bổ sung
    một số điều của …' in a title names no article that would take effect apart (the Gazette fixture
    van-ban-hop-nhat-so-03: 359/2025/NĐ-CP, 'có hiệu lực kể từ ngày 01 tháng 01 năm 2026')."""
    g = extract_paths([FIXTURES / "congbao" / "van-ban-hop-nhat-so-03-vbhn-btc-468970.txt"])
    d = g.documents["359/2025/ND-CP"]
    assert d.effective == dt.date(2026, 1, 1) and d.effective_claims[0].evidence.sentence.startswith(
        "Nghị định số 359/2025/NĐ-CP ngày 31 tháng 12 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều"), d
    news = ("Luật số 46/2014/QH13 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế có hiệu lực từ ngày 01/01/2015. "
            "Điều 5 Nghị định số 10/2020/NĐ-CP có hiệu lực từ ngày 01/3/2020.")
    s = _store((news, "tin.txt"))
    assert s.get("46/2014/QH13").effective == dt.date(2015, 1, 1)  # type: ignore[union-attr]
    assert s.get("10/2020/ND-CP").effective is None  # type: ignore[union-attr]  # an article's date: not the text's


def test_seed_answer_says_what_the_texts_do_not() -> None:
    s = MemoryStore()
    s.upsert(extract_paths([SEEDS]))
    st = status_at(s, "43/2011/ND-CP", dt.date(2026, 1, 1))
    assert st.state == "replaced" and st.changes[0].by == "42/2022/ND-CP" and st.since == dt.date(2022, 6, 24)
    text = " ".join(st.reasons)
    assert "no text read gives its date of effect" in text and "43/2011/NĐ-CP" in text
    assert status_at(s, "43/2011/ND-CP", dt.date(2018, 1, 1)).state == "in_force"
    a = ask(s, "Nghị định 43/2011/NĐ-CP còn hiệu lực không?")
    assert a.intent == "status" and "42/2022/NĐ-CP" in a.text and "24/06/2022" in a.text
    a = ask(s, "Nghị định 43/2011/NĐ-CP còn hiệu lực vào ngày 1/1/2020 không?")
    assert "còn hiệu lực" in a.text and "01/01/2020" in a.text
    a = ask(s, "when did decree 42/2022 take effect?")
    assert a.intent == "effective" and "No text read states when" in a.text


def test_api_at_and_timeline(tmp_path: Path) -> None:
    s = MemoryStore(tmp_path / "g.lexgraph")
    s.upsert(Resolver().build([extract_text(DECREE, "nd15.txt")]))
    with TestClient(create_app(Settings(), store=s)) as c:
        d = c.get("/documents/7/2015/NĐ-CP", params={"at": "2024-06-01"}).json()
        assert d["in_force"]["state"] == "replaced" and d["in_force"]["since"] == "2024-05-01"
        d = c.get("/documents/7/2015/NĐ-CP", params={"at": "2020-06-01"}).json()
        assert d["in_force"]["state"] == "in_force"
        assert c.get("/documents/7/2015/NĐ-CP/replaced-by", params={"at": "2024-04-01"}).json()["chain"] == []
        assert len(c.get("/documents/7/2015/NĐ-CP/replaced-by", params={"at": "2024-06-01"}).json()["chain"]) == 1
        t = c.get("/documents/15/2024/NĐ-CP/timeline").json()
        assert [e["kind"] for e in t["data"]] == ["issued", "in_force", "part_in_force"]
        assert c.get("/documents/15/2024/NĐ-CP", params={"at": "2024-13-45"}).status_code == 422
        x = c.get("/documents/15/2024/NĐ-CP").json()
        assert x["effective"] == "2024-05-01" and x["effective_statements"][0]["evidence"]["source"] == "nd15.txt"


def test_rdf_has_eli_dates() -> None:
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import XSD

    from graph.export import to_rdf

    s = _store((DECREE, "nd15.txt"))
    g: Graph = s.to_graph()
    rdf = to_rdf(g, "https://x.org/")
    eli = Namespace("http://data.europa.eu/eli/ontology#")
    new, old = URIRef("https://x.org/vn/nghi-dinh/2024/15_2024_nd-cp"), URIRef("https://x.org/vn/nghi-dinh/2015/7_2015_nd-cp")
    assert (new, eli.first_date_entry_in_force, Literal(dt.date(2024, 5, 1), datatype=XSD.date)) in rdf
    assert (old, eli.date_no_longer_in_force, Literal(dt.date(2024, 5, 1), datatype=XSD.date)) in rdf
    assert (old, eli.in_force, eli["InForce-notInForce"]) in rdf and (new, eli.in_force, eli["InForce-inForce"]) in rdf


TERMS = json.loads((FIXTURES / "term_dates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TERMS, ids=[c["file"][:40] for c in TERMS])
def test_gazette_term_a_text_names_for_itself(case: dict[str, str | None]) -> None:
    """Real Gazette excerpts, checked by hand: '… có hiệu lực thi hành từ ngày … đến hết ngày …', '… hết hiệu lực
    kể từ ngày 01 tháng 3 năm 2027' (last day: 28 February); and two that must give none: a period inside a
    provision ('Kể từ ngày Thông tư này có hiệu lực thi hành đến hết ngày …, mức thu phí …') and a provision that
    lapses ('Quy định … tại Điều 3 Nghị định này hết hiệu lực …')."""
    g = Resolver().build([extract_text(str(case["text"]), str(case["file"]))])
    got = [d.expires for d in g.documents.values() if d.expires]
    assert got == ([dt.date.fromisoformat(str(case["expires"]))] if case["expires"] else [])


TERM = DECREE.replace("có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024, riêng khoản 3 Điều 5 có hiệu lực từ ngày "
                      "01 tháng 01 năm 2025", "có hiệu lực thi hành kể từ ngày ký ban hành đến hết ngày 31 tháng 12 "
                                              "năm 2025")


def test_term_ends_status_timeline_and_answers() -> None:
    s = _store((TERM, "nd15.txt"))
    d = s.get("15/2024/ND-CP")
    assert d is not None and d.effective == dt.date(2024, 3, 10) and d.expires == dt.date(2025, 12, 31)
    during = status_at(s, d.key, dt.date(2025, 12, 31))
    assert during.state == "in_force" and any("until the end of 2025-12-31" in r for r in during.reasons)
    assert any("đến hết ngày 31 tháng 12" in e.sentence for e in during.evidence)
    after = status_at(s, d.key, dt.date(2026, 1, 1))
    assert after.state == "expired" and after.since == dt.date(2026, 1, 1)
    assert "đến hết ngày 31 tháng 12 năm 2025" in after.evidence[0].sentence
    assert [e.kind for e in timeline(s, d.key)] == ["issued", "in_force", "term_ends"]
    a = ask(s, "Nghị định 15/2024/NĐ-CP còn hiệu lực vào ngày 1/2/2026 không?")
    assert a.intent == "status" and "hết hiệu lực từ 01/01/2026" in a.text and "31/12/2025" in a.text
    a = ask(s, "Nghị định 15/2024/NĐ-CP có hiệu lực từ khi nào?")
    assert "10/03/2024" in a.text and "đến hết ngày 31/12/2025" in a.text
    # the decree it replaces stopped the day this one took effect, before the term mattered
    assert status_at(s, "7/2015/ND-CP", dt.date(2026, 6, 1)).state == "replaced"


def test_term_conflicts_are_kept_not_resolved() -> None:
    early = TERM.replace("đến hết ngày 31 tháng 12 năm 2025", "đến hết ngày 31 tháng 12 năm 2023")  # ends before issue
    d = _store((early, "x.txt")).get("15/2024/ND-CP")
    assert d is not None and d.expires is None and [c.date for c in d.effective_conflicts] == [dt.date(2023, 12, 31)]
    st = status_at(_store((early, "x.txt")), "15/2024/ND-CP", dt.date(2026, 1, 1))
    assert st.state == "in_force" and any("ends its term on 2023-12-31 (not used" in r for r in st.reasons)
    news = "Nghị định 15/2024/NĐ-CP có hiệu lực đến hết ngày 30/6/2026."
    d = _store((TERM, "nd15.txt")).get("15/2024/ND-CP")
    s = _store((TERM, "nd15.txt"), (news, "tin.txt"))
    d = s.get("15/2024/ND-CP")
    assert d is not None and d.expires == dt.date(2025, 12, 31)


def test_term_in_api_rdf_and_csv(tmp_path: Path) -> None:
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import XSD

    from graph.export import to_csv_files, to_rdf
    from ontology.build import attribute_iri

    s = MemoryStore(tmp_path / "g.lexgraph")
    s.upsert(Resolver().build([extract_text(TERM, "nd15.txt")]))
    with TestClient(create_app(Settings(), store=s)) as c:
        x = c.get("/documents/15/2024/NĐ-CP", params={"at": "2026-02-01"}).json()
        assert x["expires"] == "2025-12-31" and x["in_force"]["state"] == "expired"
        assert x["in_force"]["since"] == "2026-01-01"
        assert {"until"} <= {e["rule"] for e in x["effective_statements"]}
        t = c.get("/documents/15/2024/NĐ-CP/timeline").json()
        assert [e["kind"] for e in t["data"]][-1] == "term_ends"
    rdf = to_rdf(s.to_graph(), "https://x.org/")
    eli = Namespace("http://data.europa.eu/eli/ontology#")
    new = URIRef("https://x.org/vn/nghi-dinh/2024/15_2024_nd-cp")
    assert (new, attribute_iri("expires"), Literal(dt.date(2025, 12, 31), datatype=XSD.date)) in rdf
    assert (new, eli.date_no_longer_in_force, Literal(dt.date(2026, 1, 1), datatype=XSD.date)) in rdf
    assert (new, eli.in_force, eli["InForce-notInForce"]) in rdf  # today is past its term
    header, *rows = to_csv_files(s.to_graph())["documents.csv"].decode("utf-8").splitlines()
    assert "expires:date" in header.split(",") and any("2025-12-31" in r for r in rows)
