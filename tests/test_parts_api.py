"""Issue 25 §4: a document part by part through the service — the tree of parts with each part's status on a day,
one part with the effects on it and their sentences, the table of effects — on a graph with parts and effects made
by hand (tests/parts_graph.py), on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.settings import Settings
from graph.stores.base import Store
from graph.stores.memory import MemoryStore

from .parts_graph import S_REPEAL_2, parts_graph


@pytest.fixture(scope="module", params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    store: Store
    if request.param == "memory":
        store = MemoryStore()
    else:
        store = request.getfixturevalue("neo4j_target").store()
        store.clear()
    store.upsert(parts_graph())
    with TestClient(create_app(Settings(api_key=None), store=store)) as c:
        yield c
    store.close()


def _flat(parts: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for p in parts:
        out[p["id"]] = p
        out.update(_flat(p["children"]))
    return out


def test_the_tree_at_two_dates(client: TestClient) -> None:
    before = client.get("/documents/145/2020/NĐ-CP/parts", params={"at": "2023-05-01"}).json()
    assert before["read_in_full"] and before["state"] == "amended" and before["ended_parts"] == []
    parts = _flat(before["parts"])
    assert [p["id"] for p in before["parts"]] == ["dieu_1", "chuong_2", "dieu_12", "dieu_8a"]
    assert [p["id"] for p in before["parts"][1]["children"]] == ["dieu_8", "dieu_9"]
    assert parts["chuong_2"]["state"] == "amended"  # what changed within it, though no id names the chapter
    assert parts["dieu_8/khoan_1"]["state"] == "amended" and parts["dieu_8/khoan_1"]["since"] == "2023-04-15"
    assert parts["dieu_8/khoan_2"]["state"] == "in_force"  # its repeal takes hold on 1 July 2023
    assert parts["dieu_8"]["state"] == "amended" and parts["dieu_1"]["state"] == "in_force"
    assert parts["dieu_9"]["state"] == "in_force"  # detailed by a circular: still in force, unchanged
    assert parts["dieu_8a"]["state"] == "in_force" and parts["dieu_8a"]["start"] == 0  # inserted: in force since
    assert parts["dieu_8a"]["since"] == "2023-04-15" and parts["dieu_8a"]["by"]
    after = client.get("/documents/145/2020/NĐ-CP/parts", params={"at": "2023-08-01"}).json()
    parts = _flat(after["parts"])
    assert after["state"] == "partly_in_force"
    assert [(e["part"], e["state"], e["since"]) for e in after["ended_parts"]] == [("dieu_8/khoan_2", "repealed", "2023-07-01")]
    assert parts["dieu_8/khoan_2/diem_a"]["state"] == "repealed"  # with the khoản holding it
    assert after["ended_parts"][0]["evidence"][0]["sentence"] == S_REPEAL_2
    early = _flat(client.get("/documents/145/2020/NĐ-CP/parts", params={"at": "2023-01-01"}).json()["parts"])
    assert early["dieu_8a"]["state"] == "not_yet_in_force" and early["dieu_8/khoan_1"]["state"] == "in_force"
    assert {p["state"] for p in _flat(client.get("/documents/145/2020/NĐ-CP/parts",
                                                 params={"at": "2020-12-20"}).json()["parts"]).values()} == {"not_yet_in_force"}


@pytest.mark.parametrize("part", ["khoản 2 Điều 8", "Điều 8 khoản 2", "d8k2", "D8K2", "dieu_8/khoan_2",
                                  "khoan 2 dieu 8", "clause 2 of article 8", "Điều 8, khoản 2"])
def test_a_part_as_people_write_it(client: TestClient, part: str) -> None:
    r = client.get(f"/documents/145/2020/NĐ-CP/parts/{part}", params={"at": "2024-01-01"})
    assert r.status_code == 200, r.text
    p = r.json()
    assert p["id"] == "dieu_8/khoan_2" and p["label"] == "khoản 2" and (p["start"], p["end"]) == (500, 900)
    assert p["holders"] == ["dieu_8"] and p["children"] == ["dieu_8/khoan_2/diem_a", "dieu_8/khoan_2/diem_b"]
    assert p["status"]["state"] == "repealed" and p["status"]["since"] == "2023-07-01"
    assert p["status"]["by"] == ["999/2023/ND-CP"]
    [e] = p["effects"]
    assert (e["kind"], e["scope"], e["by"], e["by_part"], e["since_basis"]) == ("repealed", "self", "999/2023/ND-CP",
                                                                              "dieu_2", "stated")
    assert e["evidence"]["sentence"] == S_REPEAL_2


def test_the_effects_on_a_part_and_on_what_holds_it(client: TestClient) -> None:
    p = client.get("/documents/145/2020/NĐ-CP/parts/điểm a khoản 2 Điều 8", params={"at": "2023-05-01"}).json()
    assert p["id"] == "dieu_8/khoan_2/diem_a" and p["holders"] == ["dieu_8/khoan_2", "dieu_8"]
    assert [(e["kind"], e["scope"]) for e in p["effects"]] == [("repealed", "holder")]
    assert p["status"]["state"] == "in_force"
    art = client.get("/documents/145/2020/NĐ-CP/parts/Điều 8", params={"at": "2023-08-01"}).json()
    assert [(e["kind"], e["parts"], e["scope"]) for e in art["effects"]] == [
        ("amended", ["dieu_8/khoan_1"], "within"), ("repealed", ["dieu_8/khoan_2"], "within")]
    assert art["status"]["state"] == "amended" and art["heading"] == "Hợp đồng lao động"
    d9 = client.get("/documents/145/2020/NĐ-CP/parts/d9").json()
    assert [(e["kind"], e["by"], e["relation"]) for e in d9["effects"]] == [("detailed", "998/2024/TT-BNV", "GUIDES")]
    assert d9["status"]["state"] == "in_force"


def test_the_document_partly_in_force(client: TestClient) -> None:
    d = client.get("/documents/145/2020/NĐ-CP", params={"at": "2023-08-01"}).json()
    assert d["status"]["state"] == d["in_force"]["state"] == "partly_in_force"
    assert d["in_force"]["parts"] == ["dieu_8/khoan_2"]


def test_a_part_the_document_lacks(client: TestClient) -> None:
    r = client.get("/documents/145/2020/NĐ-CP/parts/Điều 20")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["articles"] == "Điều 1 to Điều 12" and "Điều 1 to Điều 12" in r.json()["detail"]
    r = client.get("/documents/145/2020/NĐ-CP/parts/hello")
    assert r.status_code == 422 and "khoản 2 Điều 8" in r.json()["detail"]
    r = client.get("/documents/145/2021/NĐ-CP/parts/Điều 8")
    assert r.status_code == 404 and r.json()["title"] == "Not found"


def test_a_document_not_read_in_full(client: TestClient) -> None:
    """Its parts are unknown but for those other texts' effects name: said, and answered from those effects."""
    t = client.get("/documents/996/2018/NĐ-CP/parts").json()
    assert t["read_in_full"] is False and t["state"] == "amended"
    assert [(p["id"], [c["id"] for c in p["children"]]) for p in t["parts"]] == [("dieu_5", ["dieu_5/khoan_1"])]
    p = client.get("/documents/996/2018/NĐ-CP/parts/d5k1").json()
    assert p["read_in_full"] is False and p["start"] is None and p["status"]["state"] == "amended"
    q = client.get("/documents/996/2018/NĐ-CP/parts/Điều 7").json()  # no effect on it: the document's status
    assert q["effects"] == [] and q["status"]["state"] == "in_force"


def test_the_table_of_effects(client: TestClient) -> None:
    t = client.get("/documents/145/2020/NĐ-CP/effects").json()
    rows = [(e["since"], e["parts"], e["kind"], e["by"], e["since_basis"]) for e in t["data"]]
    assert rows == [("2023-04-15", ["dieu_8/khoan_1"], "amended", "999/2023/ND-CP", "effective"),
                    ("2023-04-15", ["dieu_8a"], "inserted", "999/2023/ND-CP", "effective"),
                    ("2023-07-01", ["dieu_8/khoan_2"], "repealed", "999/2023/ND-CP", "stated"),
                    ("2024-06-20", ["dieu_9"], "detailed", "998/2024/TT-BNV", "effective")] and t["count"] == 4
    assert t["data"][0]["part_labels"] == ["khoản 1 Điều 8"] and t["data"][0]["by_label"] == "999/2023/NĐ-CP"
    out = client.get("/documents/999/2023/NĐ-CP/effects", params={"direction": "out"}).json()
    assert sorted((e["target"], e["kind"]) for e in out["data"]) == [
        ("145/2020/ND-CP", "amended"), ("145/2020/ND-CP", "inserted"), ("145/2020/ND-CP", "repealed"),
        ("996/2018/ND-CP", "amended")]
    assert client.get("/documents/999/2023/NĐ-CP/effects", params={"direction": "sideways"}).status_code == 422
