"""In force, part by part (issue 25 §3): the status of each part of a document on a day, from the effects other texts
have on its parts; the document partly in force; the timeline part by part. Table tests on hand-made effects (what
extraction gives) over hand-made and real structures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.model import Document, EffectiveClaim, Evidence, Graph, PartEffect, PartNode, Relation
from graph.pipeline import extract_paths
from graph.status import changes, events, part_status_at, part_status_on, status_on
from graph.stores.base import RelationView
from graph.stores.memory import MemoryStore

from .conftest import GAZETTE

D = dt.date
TARGET = Document(key="145/2020/ND-CP", number="145/2020/NĐ-CP", type="Nghị định", type_id="NghiDinh",
                  date=D(2020, 12, 14), effective=D(2021, 2, 1))
A = Document(key="12/2022/ND-CP", number="12/2022/NĐ-CP", type="Nghị định", type_id="NghiDinh", date=D(2022, 1, 17),
             effective=D(2022, 3, 1))
B = Document(key="5/2024/ND-CP", number="5/2024/NĐ-CP", type="Nghị định", type_id="NghiDinh", date=D(2024, 1, 5))
C = Document(key="9/2025/ND-CP", number="9/2025/NĐ-CP", type="Nghị định", type_id="NghiDinh")  # undated
OTHERS = {d.key: d for d in (A, B, C)}


def _part(pid: str, parent: str | None, start: int) -> PartNode:
    kind = pid.rsplit("/", 1)[-1].split("_")[0]
    return PartNode(id=pid, kind=kind, label=pid, parent=parent, source="t.txt", start=start, end=start + 10)


PARTS = [_part("chuong_2", None, 0), _part("dieu_8", "chuong_2", 1), _part("dieu_8/khoan_1", "dieu_8", 2),
         _part("dieu_8/khoan_2", "dieu_8", 3), _part("dieu_8/khoan_2/diem_a", "dieu_8/khoan_2", 4),
         _part("dieu_9", "chuong_2", 5), _part("dieu_10", "chuong_2", 6)]


def _fx(kind: str, *parts: str, date: D | None = None, written: str | None = None) -> PartEffect:
    return PartEffect(kind=kind, parts=list(parts), written=written, date=date,
                      evidence=Evidence(source="a.txt", sentence=f"{kind} {' '.join(parts)}", start=0, end=5))


def _in(type_: str, by: Document, *effects: PartEffect) -> RelationView:
    return RelationView(type_, "in", by.key, [effects[0].evidence] if effects else [], list(effects))


# (incoming relations, day) -> the state of each part named, and since when
CASES = [
    pytest.param([], D(2021, 6, 1), {"dieu_8": ("in_force", D(2021, 2, 1)), "dieu_8/khoan_2": ("in_force", D(2021, 2, 1))},
                 id="no effect: in force from the document's date of effect"),
    pytest.param([], D(2021, 1, 1), {"dieu_8": ("not_yet_in_force", None), "dieu_10": ("not_yet_in_force", None)},
                 id="before the document: not yet in force"),
    pytest.param([_in("REPEALS", A, _fx("repealed", "dieu_8/khoan_2", written="khoản 2 Điều 8"))], D(2022, 6, 1),
                 {"dieu_8/khoan_2": ("repealed", D(2022, 3, 1)), "dieu_8/khoan_2/diem_a": ("repealed", D(2022, 3, 1)),
                  "dieu_8/khoan_1": ("in_force", D(2021, 2, 1)), "dieu_8": ("in_force", D(2021, 2, 1))},
                 id="a khoản repealed from the acting decree's date of effect; its điểm with it; not its article"),
    pytest.param([_in("REPEALS", A, _fx("repealed", "dieu_8/khoan_2"))], D(2022, 2, 1),
                 {"dieu_8/khoan_2": ("in_force", D(2021, 2, 1))}, id="before the repeal takes hold: in force"),
    pytest.param([_in("REPEALS", A, _fx("repealed", "dieu_8"))], D(2023, 1, 1),
                 {"dieu_8": ("repealed", D(2022, 3, 1)), "dieu_8/khoan_1": ("repealed", D(2022, 3, 1)),
                  "dieu_8/khoan_2/diem_a": ("repealed", D(2022, 3, 1)), "dieu_9": ("in_force", D(2021, 2, 1))},
                 id="repealing Điều 8 repeals its khoản and điểm"),
    pytest.param([_in("REPEALS", A, _fx("repealed", "chuong_2"))], D(2023, 1, 1),
                 {"dieu_9": ("repealed", D(2022, 3, 1)), "dieu_8/khoan_2": ("repealed", D(2022, 3, 1))},
                 id="repealing a chapter repeals its articles (by the structure)"),
    pytest.param([_in("AMENDS", A, _fx("amended", "dieu_9", date=D(2022, 7, 1)))], D(2022, 8, 1),
                 {"dieu_9": ("amended", D(2022, 7, 1))}, id="the effect's own date comes first"),
    pytest.param([_in("AMENDS", A, _fx("amended", "dieu_9", date=D(2022, 7, 1)))], D(2022, 6, 1),
                 {"dieu_9": ("in_force", D(2021, 2, 1))}, id="before the effect's own date"),
    pytest.param([_in("AMENDS", B, _fx("amended", "dieu_9"))], D(2024, 6, 1),
                 {"dieu_9": ("amended", D(2024, 1, 5))}, id="no date of effect: the acting text's date of issue"),
    pytest.param([_in("AMENDS", A, _fx("amended", "dieu_8")), _in("REPEALS", B, _fx("repealed", "dieu_8"))],
                 D(2024, 6, 1), {"dieu_8": ("repealed", D(2024, 1, 5))}, id="amended then repealed: repealed"),
    pytest.param([_in("AMENDS", A, _fx("suspended", "dieu_10")), _in("AMENDS", B, _fx("amended", "dieu_9"))],
                 D(2024, 6, 1), {"dieu_10": ("suspended", D(2022, 3, 1)), "dieu_9": ("amended", D(2024, 1, 5))},
                 id="suspended"),
    pytest.param([_in("REPEALS", C, _fx("repealed", "dieu_9"))], D(2026, 1, 1), {"dieu_9": ("unknown", None)},
                 id="an undated repeal: unknown"),
    pytest.param([_in("AMENDS", B, _fx("inserted", "dieu_8a"))], D(2023, 1, 1), {"dieu_8a": ("not_yet_in_force", None)},
                 id="an inserted part before its insertion"),
    pytest.param([_in("AMENDS", B, _fx("inserted", "dieu_8a"))], D(2024, 6, 1), {"dieu_8a": ("in_force", D(2024, 1, 5))},
                 id="an inserted part, after its insertion: in force since (a part the structure lacks is reported)"),
    pytest.param([_in("AMENDS", A, _fx("inserted", "dieu_8/khoan_3")), _in("AMENDS", B, _fx("amended", "dieu_8/khoan_3"))],
                 D(2024, 6, 1), {"dieu_8/khoan_3": ("amended", D(2024, 1, 5)), "dieu_8": ("in_force", D(2021, 2, 1))},
                 id="inserted, then amended: amended; not its article"),
    pytest.param([_in("AMENDS", A, _fx("inserted", "dieu_8/khoan_2", date=D(2022, 7, 1)))], D(2022, 6, 1),
                 {"dieu_8/khoan_2": ("not_yet_in_force", None), "dieu_8/khoan_2/diem_a": ("not_yet_in_force", None),
                  "dieu_8": ("in_force", D(2021, 2, 1))},
                 id="an inserted part before the date the text gives for it: it and its điểm not yet in force"),
    pytest.param([_in("REPLACES", B)], D(2024, 6, 1), {"dieu_8": ("replaced", D(2024, 1, 5)),
                                                        "dieu_10": ("replaced", D(2024, 1, 5))},
                 id="the whole replaced: every part"),
    pytest.param([_in("GUIDES", A, _fx("detailed", "dieu_9"))], D(2024, 6, 1), {"dieu_9": ("in_force", D(2021, 2, 1))},
                 id="guidance does not change force"),
]


@pytest.mark.parametrize(("incoming", "at", "want"), CASES)
def test_part_status(incoming: list[RelationView], at: D, want: dict[str, tuple[str, D | None]]) -> None:
    got = part_status_on(TARGET, PARTS, incoming, OTHERS, at)
    assert {k: (got[k].state, got[k].since) for k in want} == want
    assert list(got)[: len(PARTS)] == [p.id for p in PARTS]
    for st in got.values():
        assert st.reasons and st.at == at
        if st.state in ("repealed", "amended", "suspended") and incoming and incoming[0].effects:
            assert st.by and st.evidence


def test_inserted_part_in_force_by_the_inserting_text() -> None:
    st = part_status_on(TARGET, PARTS, [_in("AMENDS", B, _fx("inserted", "dieu_8a", written="Điều 8a"))], OTHERS,
                        D(2024, 6, 1))["dieu_8a"]
    assert (st.state, st.since, st.by) == ("in_force", D(2024, 1, 5), [B.key])
    assert st.evidence and any("Điều 8a inserted by 5/2024/NĐ-CP from 2024-01-05" in r for r in st.reasons)


def test_a_later_change_is_said_not_no_text() -> None:
    """An effect that takes hold after the day asked about: the reasons say a change comes later, with its day and
    text, not that no text names the part."""
    st = part_status_on(TARGET, PARTS, [_in("REPEALS", B, _fx("repealed", "dieu_9", written="Điều 9"))], OTHERS,
                        D(2023, 1, 1))["dieu_9"]
    assert st.state == "in_force"
    assert not any("No text read names it" in r for r in st.reasons)
    assert any("A change comes later: Điều 9 repealed by 5/2024/NĐ-CP from 2024-01-05" in r for r in st.reasons)
    quiet = part_status_on(TARGET, PARTS, [], OTHERS, D(2023, 1, 1))["dieu_9"]
    assert any("No text read names it" in r for r in quiet.reasons)


# a part's own date of effect ('riêng khoản 2 Điều 8 có hiệu lực từ …') ---------------------------------------------
OWN_EV = Evidence(source="t.txt", sentence="Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 02 năm 2021, riêng "
                  "khoản 2 Điều 8 có hiệu lực từ ngày 01 tháng 01 năm 2022.", start=0, end=100)
OWN = TARGET.model_copy(update={"effective_claims": [
    EffectiveClaim(date=D(2021, 2, 1), evidence=OWN_EV),
    EffectiveClaim(date=D(2022, 1, 1), part="khoản 2 Điều 8", evidence=OWN_EV)]})
OWN_LIST = TARGET.model_copy(update={"effective_claims": [
    EffectiveClaim(date=D(2022, 1, 1), part="Điều 9 và Điều 10", evidence=OWN_EV)]})
OWN_EARLY = TARGET.model_copy(update={"effective_claims": [
    EffectiveClaim(date=D(2020, 12, 20), part="Điều 9", evidence=OWN_EV)]})

OWN_CASES = [
    pytest.param(OWN, [], D(2021, 6, 1), {"dieu_8/khoan_2": ("not_yet_in_force", None),
                                          "dieu_8/khoan_2/diem_a": ("not_yet_in_force", None),
                                          "dieu_8/khoan_1": ("in_force", D(2021, 2, 1)), "dieu_8": ("in_force", D(2021, 2, 1))},
                 id="a khoản with its own later date: not yet in force before it, nor its điểm; not its article"),
    pytest.param(OWN, [], D(2022, 1, 1), {"dieu_8/khoan_2": ("in_force", D(2022, 1, 1)),
                                          "dieu_8/khoan_2/diem_a": ("in_force", D(2022, 1, 1))},
                 id="in force from its own date"),
    pytest.param(OWN, [], D(2021, 1, 1), {"dieu_8/khoan_2": ("not_yet_in_force", None)},
                 id="before the document too: not yet in force"),
    pytest.param(OWN, [_in("REPEALS", B, _fx("repealed", "dieu_8/khoan_2"))], D(2024, 6, 1),
                 {"dieu_8/khoan_2": ("repealed", D(2024, 1, 5))}, id="its own date, then repealed: repealed"),
    pytest.param(OWN_LIST, [], D(2021, 6, 1), {"dieu_9": ("not_yet_in_force", None), "dieu_10": ("not_yet_in_force", None),
                                               "dieu_8": ("in_force", D(2021, 2, 1))},
                 id="a list of parts with their own date"),
    pytest.param(OWN_EARLY, [], D(2021, 1, 1), {"dieu_9": ("in_force", D(2020, 12, 20)), "dieu_8": ("not_yet_in_force", None)},
                 id="a part in force before the rest of the document"),
]


@pytest.mark.parametrize(("doc", "incoming", "at", "want"), OWN_CASES)
def test_part_own_date_of_effect(doc: Document, incoming: list[RelationView], at: D,
                                 want: dict[str, tuple[str, D | None]]) -> None:
    got = part_status_on(doc, PARTS, incoming, OTHERS, at)
    assert {k: (got[k].state, got[k].since) for k in want} == want


def test_part_own_date_reasons_and_evidence() -> None:
    before = part_status_on(OWN, PARTS, [], OTHERS, D(2021, 6, 1))["dieu_8/khoan_2"]
    assert before.evidence == [OWN_EV] and any("date of effect of its own, 2022-01-01" in r for r in before.reasons)
    after = part_status_on(OWN, PARTS, [], OTHERS, D(2022, 6, 1))["dieu_8/khoan_2/diem_a"]
    assert after.evidence == [OWN_EV] and any("in force from 2022-01-01" in r for r in after.reasons)


def test_reasons_say_where_the_date_comes_from() -> None:
    st = part_status_on(TARGET, PARTS, [_in("AMENDS", B, _fx("amended", "dieu_9", written="Điều 9"))], OTHERS,
                        D(2024, 6, 1))["dieu_9"]
    assert st.by == ["5/2024/ND-CP"]
    assert any("Điều 9 amended by 5/2024/NĐ-CP from 2024-01-05" in r and "date of issue" in r for r in st.reasons)


# the document: partly in force -------------------------------------------------------------------------------------
def test_partly_in_force() -> None:
    inc = [_in("REPEALS", A, _fx("repealed", "dieu_8/khoan_2", written="khoản 2 Điều 8")),
           _in("AMENDS", B, _fx("suspended", "dieu_10"))]
    st = status_on(TARGET, changes(inc, OTHERS), D(2024, 6, 1))
    assert (st.state, st.since, st.parts) == ("partly_in_force", D(2022, 3, 1), ["dieu_8/khoan_2", "dieu_10"])
    assert any("khoản 2 Điều 8 repealed by 12/2022/NĐ-CP" in r for r in st.reasons)
    early = status_on(TARGET, changes(inc, OTHERS), D(2022, 1, 1))
    assert (early.state, early.parts) == ("in_force", [])


def test_a_scoped_repeal_does_not_repeal_the_whole() -> None:
    inc = [_in("REPEALS", A, _fx("repealed", "dieu_8"), _fx("repealed", "dieu_9"))]
    assert status_on(TARGET, changes(inc, OTHERS), D(2024, 1, 1)).state == "partly_in_force"
    unscoped = [_in("REPEALS", A, _fx("repealed"))]  # 'bãi bỏ Nghị định …': the whole
    assert status_on(TARGET, changes(unscoped, OTHERS), D(2024, 1, 1)).state == "repealed"
    plain = [RelationView("REPEALS", "in", A.key, [])]  # no effect read: today's status
    assert status_on(TARGET, changes(plain, OTHERS), D(2024, 1, 1)).state == "repealed"
    amended = [_in("AMENDS", A, _fx("amended", "dieu_8"))]
    assert status_on(TARGET, changes(amended, OTHERS), D(2024, 1, 1)).state == "amended"


def test_timeline_part_by_part() -> None:
    inc = [_in("REPEALS", A, _fx("repealed", "dieu_8/khoan_2", written="khoản 2 Điều 8")),
           _in("AMENDS", B, _fx("amended", "dieu_9", "dieu_10", date=D(2024, 3, 1)))]
    evs = [e for e in events(TARGET, changes(inc, OTHERS)) if e.part]
    assert [(e.date, e.kind, e.part, e.other) for e in evs] == [
        (D(2022, 3, 1), "part_repealed", "dieu_8/khoan_2", A.key),
        (D(2024, 3, 1), "part_amended", "dieu_9", B.key), (D(2024, 3, 1), "part_amended", "dieu_10", B.key)]
    assert evs[0].text == "khoản 2 Điều 8 repealed by 12/2022/NĐ-CP" and evs[0].evidence
    kinds = [e.kind for e in events(TARGET, changes(inc, OTHERS))]
    assert "repealed" not in kinds  # the repeal of named parts is not a repeal of the whole


# from a store, on a real structure ---------------------------------------------------------------------------------
def test_part_status_at_from_a_store(tmp_path: Path) -> None:
    g = extract_paths([GAZETTE / "nghi-dinh-so-111-2022-nd-cp-38434.txt", GAZETTE / "nghi-dinh-so-139-2026-nd-cp-469377.txt"])
    ev = Evidence(source="x.txt", sentence="Bãi bỏ khoản 2 Điều 3 Nghị định số 111/2022/NĐ-CP.", start=0, end=50)
    rel = Relation(type="REPEALS", source="139/2026/ND-CP", target="111/2022/ND-CP", evidence=[ev],
                   effects=[PartEffect(kind="repealed", parts=["dieu_3/khoan_2"], written="khoản 2 Điều 3", evidence=ev)])
    g.relations[Graph.rel_key(rel.type, rel.source, rel.target)] = rel
    store = MemoryStore(tmp_path / "g.lexgraph")
    store.upsert(g)
    eff = store.get("139/2026/ND-CP").effective  # type: ignore[union-attr]
    assert eff is not None
    got = part_status_at(store, "111/2022/ND-CP", eff)
    assert got["dieu_3/khoan_2"].state == "repealed" and got["dieu_3/khoan_2"].since == eff
    assert got["dieu_3/khoan_1"].state == "in_force" and got["dieu_3"].state == "in_force"
    assert set(got) == {p.id for p in store.parts("111/2022/ND-CP")}
    before = part_status_at(store, "111/2022/ND-CP", eff - dt.timedelta(days=1))
    assert before["dieu_3/khoan_2"].state == "in_force"
    with pytest.raises(KeyError):
        part_status_at(store, "no/such/KEY")


def test_ask_says_partly_in_force(tmp_path: Path) -> None:
    """/ask on a document some of whose parts are repealed: partly in force, with the parts (not an error)."""
    from graph.questions import ask

    g = extract_paths([GAZETTE / "nghi-dinh-so-111-2022-nd-cp-38434.txt", GAZETTE / "nghi-dinh-so-139-2026-nd-cp-469377.txt"])
    ev = Evidence(source="x.txt", sentence="Bãi bỏ khoản 2 Điều 3 Nghị định số 111/2022/NĐ-CP.", start=0, end=50)
    rel = Relation(type="REPEALS", source="139/2026/ND-CP", target="111/2022/ND-CP", evidence=[ev],
                   effects=[PartEffect(kind="repealed", parts=["dieu_3/khoan_2"], evidence=ev)])
    g.relations[Graph.rel_key(rel.type, rel.source, rel.target)] = rel
    store = MemoryStore(tmp_path / "g.lexgraph")
    store.upsert(g)
    vi = ask(store, "Nghị định 111/2022/NĐ-CP còn hiệu lực không?")
    assert "hết hiệu lực một phần" in vi.text and "khoản 2 Điều 3" in vi.text  # the part as a sentence writes it
    en = ask(store, "Is decree 111/2022/ND-CP in force?")
    assert "partly in force" in en.text


# a whole text suspended ('Ngưng hiệu lực thi hành Thông tư số …': a CITES carrying a `suspended` effect, no parts) ----
S_SUSPEND = ("2. Đối với Thông tư số 10/2022/TT-BKHĐT ngày 15 tháng 6 năm 2022 …, ngưng hiệu lực thi hành từ ngày 01 "
             "tháng 8 năm 2022 đến ngày 15 tháng 9 năm 2022.")


def _suspension(by: Document, date: D | None = None, until: D | None = None) -> RelationView:
    ev = Evidence(source="thong-tu-so-16-2022-tt-bkhdt-37688.txt", sentence=S_SUSPEND, start=0, end=len(S_SUSPEND))
    return RelationView("CITES", "in", by.key, [ev], [PartEffect(kind="suspended", date=date, until=until, evidence=ev)])


@pytest.mark.parametrize(("incoming", "at", "want"), [
    pytest.param([_suspension(A)], D(2022, 2, 1), ("in_force", D(2021, 2, 1)), id="before the suspension: in force"),
    pytest.param([_suspension(A)], D(2022, 3, 1), ("suspended", D(2022, 3, 1)),
                 id="from the acting text's date of effect: suspended"),
    pytest.param([_suspension(A)], D(2026, 1, 1), ("suspended", D(2022, 3, 1)), id="no end read: still suspended"),
    pytest.param([_suspension(A, D(2022, 8, 1))], D(2022, 7, 1), ("in_force", D(2021, 2, 1)),
                 id="the effect's own date comes first"),
    pytest.param([_suspension(A, D(2022, 8, 1))], D(2022, 8, 1), ("suspended", D(2022, 8, 1)), id="on its own date"),
    pytest.param([_suspension(A), _in("REPEALS", B)], D(2024, 6, 1), ("repealed", D(2024, 1, 5)),
                 id="suspended, then repealed: repealed"),
    pytest.param([_suspension(C)], D(2026, 1, 1), ("unknown", None), id="an undated suspension: unknown"),
    pytest.param([_suspension(A, D(2022, 8, 1), D(2022, 9, 15))], D(2022, 9, 15), ("suspended", D(2022, 8, 1)),
                 id="on its last day: suspended"),
    pytest.param([_suspension(A, D(2022, 8, 1), D(2022, 9, 15))], D(2022, 9, 16), ("in_force", D(2021, 2, 1)),
                 id="after its last day: in force again"),
    pytest.param([RelationView("CITES", "in", A.key, [], [])], D(2024, 6, 1), ("in_force", D(2021, 2, 1)),
                 id="a mere citation changes nothing"),
])
def test_a_whole_text_suspended(incoming: list[RelationView], at: D, want: tuple[str, D | None]) -> None:
    st = status_on(TARGET, changes(incoming, OTHERS), at)
    assert (st.state, st.since) == want
    parts = part_status_on(TARGET, PARTS, incoming, OTHERS, at)
    assert {p.state for p in parts.values()} == {"in_force" if want[0] == "in_force" else want[0]}


def test_suspension_reasons_evidence_and_timeline() -> None:
    inc = [_suspension(A)]
    st = status_on(TARGET, changes(inc, OTHERS), D(2022, 6, 1))
    assert [c.by for c in st.changes] == [A.key] and st.evidence[-1].sentence == S_SUSPEND
    assert any("suspended by 12/2022/NĐ-CP from 2022-03-01 (the date 12/2022/NĐ-CP takes effect)" in r for r in st.reasons)
    assert any("give no end date" in r for r in st.reasons)
    early = status_on(TARGET, changes(inc, OTHERS), D(2022, 1, 1))
    assert any("suspended by 12/2022/NĐ-CP from 2022-03-01, after that day" in r for r in early.reasons)
    evs = [(e.date, e.kind, e.other) for e in events(TARGET, changes(inc, OTHERS)) if e.kind == "suspended"]
    assert evs == [(D(2022, 3, 1), "suspended", A.key)]


def test_suspension_from_the_corpus_text(tmp_path: Path) -> None:
    """16/2022/TT-BKHĐT suspends 10/2022/TT-BKHĐT (and 08/2022/TT-BKHĐT) from 01/08/2022, its own date of effect;
    and in force again after the last day its sentence states (15/09/2022). /ask words the state."""
    from graph.questions import ask
    from graph.status import status_at

    g = extract_paths([GAZETTE.parent / "suspension" / "thong-tu-so-16-2022-tt-bkhdt-37688.txt"])  # from the corpus
    store = MemoryStore(tmp_path / "g.lexgraph")
    store.upsert(g)
    st = status_at(store, "10/2022/TT-BKHDT", D(2022, 8, 20))
    assert (st.state, st.since) == ("suspended", D(2022, 8, 1))
    assert any("from 2022-08-01 (the date the text gives for it) to 2022-09-15" in r for r in st.reasons), st.reasons
    assert status_at(store, "10/2022/TT-BKHDT", D(2022, 9, 16)).state == "in_force"
    assert status_at(store, "8/2022/TT-BKHDT", D(2022, 9, 16)).state == "in_force"
    assert status_at(store, "10/2022/TT-BKHDT", D(2022, 7, 20)).state != "suspended"
    assert {p.state for p in part_status_at(store, "10/2022/TT-BKHDT", D(2022, 8, 20)).values()} <= {"suspended"}
    vi = ask(store, "Thông tư 10/2022/TT-BKHĐT còn hiệu lực vào ngày 20/8/2022 không?")
    assert "bị ngưng hiệu lực thi hành bởi" in vi.text and "01/08/2022" in vi.text
    assert "đến hết ngày 15/09/2022" in vi.text, vi.text
    en = ask(store, "Is circular 10/2022/TT-BKHĐT in force on 2022-08-20?")
    assert "is suspended by" in en.text


def test_a_part_changed_after_the_whole_was_suspended() -> None:
    """No end of a suspension is read, but a later effect on a part follows it in date order (10/2022/TT-BKHĐT:
    suspended by 16/2022 from 01/08/2022, khoản 3 Điều 9 repealed by 10/2024 from 26/07/2024)."""
    inc = [_suspension(A), _in("AMENDS", B, _fx("repealed", "dieu_8/khoan_2", written="khoản 2 Điều 8"))]
    got = part_status_on(TARGET, PARTS, inc, OTHERS, D(2024, 6, 1))
    assert (got["dieu_8/khoan_2"].state, got["dieu_8/khoan_2"].since, got["dieu_8/khoan_2"].by) == (
        "repealed", D(2024, 1, 5), [B.key])
    assert (got["dieu_9"].state, got["dieu_9"].since, got["dieu_9"].by) == ("suspended", D(2022, 3, 1), [A.key])
    assert got["dieu_9"].evidence[0].sentence == S_SUSPEND
    whole = status_on(TARGET, changes(inc, OTHERS), D(2024, 6, 1))
    assert whole.state == "suspended" and any("after the suspension began: 5/2024/NĐ-CP (from 2024-01-05)" in r
                                              for r in whole.reasons)


def test_reasons_and_timeline_read_as_a_person_writes() -> None:
    """A part no text names, of an amended document: 'in force, as the document is on <day> (in force, amended)',
    not 'amended on <day>' (the day asked about is not a day it was amended on). The same repeal read in several
    texts (consolidated texts restate it) is one reason; a part of an article is named by its full label, not its id
    nor the words the amending sentence used under its article ('khoản 1')."""
    day = D(2024, 6, 1)
    quiet = part_status_on(TARGET, PARTS, [_in("AMENDS", A, _fx("amended", "dieu_9"))], OTHERS, day)["dieu_10"]
    assert quiet.state == "in_force"
    assert any("as the document is on 2024-06-01 (in force, amended)" in r for r in quiet.reasons), quiet.reasons
    assert not any("amended on" in r for r in quiet.reasons)
    twice = [_in("REPEALS", A, _fx("repealed", "dieu_8/khoan_2", written="khoản 2")),
             _in("REPEALS", A, _fx("repealed", "dieu_8/khoan_2", written="Khoản 2 Điều 8"))]
    st = status_on(TARGET, changes(twice, OTHERS), day)
    said = [r for r in st.reasons if "repealed by 12/2022/NĐ-CP" in r]
    assert said == ["khoản 2 Điều 8 repealed by 12/2022/NĐ-CP from 2022-03-01."], st.reasons
    inc = [_in("AMENDS", B, _fx("amended", "dieu_10/khoan_1", written="khoản 1"), _fx("amended", "dieu_9/khoan_2"),
               _fx("amended", "chuong_2", written="Chương II"))]
    texts = [e.text.split(" (")[0] for e in events(TARGET, changes(inc, OTHERS)) if e.part]
    assert texts == ["Chương II amended by 5/2024/NĐ-CP", "khoản 2 Điều 9 amended by 5/2024/NĐ-CP",
                     "khoản 1 Điều 10 amended by 5/2024/NĐ-CP"], texts
