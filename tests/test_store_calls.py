"""How often each endpoint and each kind of question reads the store (issue 22): once for a document, whatever it
shows; a list of documents in one call whatever its length.

On the embedded store a counting subclass records each call the service makes to the store's reading primitives
(the methods Neo4j answers with one query each; a primitive calling another counts once). On Neo4j a counting
subclass records each Cypher query sent: the round trips themselves. Both must give the same counts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.settings import Settings
from graph.model import Graph
from graph.pipeline import extract_paths
from graph.stores.base import Store
from graph.stores.memory import MemoryStore
from graph.stores.neo4j_store import Neo4jStore

from .conftest import GAZETTE, SEEDS

# the store's reading primitives: what a request may cost; composites (document, resolve, neighbourhood …) count
# as the primitives they call
PRIMITIVES = ("get", "brief", "briefs", "relations", "relations_of", "documents", "documents_with_base",
              "keys_with_base", "keys_named", "candidates", "document_chain", "chain", "document_relations",
              "agencies", "counts", "all_keys", "to_graph", "parts")


class CountingStore(MemoryStore):
    """The embedded store, recording each outermost call to a reading primitive."""

    calls: list[str]

    def __init__(self) -> None:
        super().__init__()
        self.calls = []
        self._depth = threading.local()


def _counted(name: str) -> Callable[..., Any]:
    method = getattr(MemoryStore, name)

    def wrapper(self: CountingStore, *args: Any, **kwargs: Any) -> Any:
        depth = getattr(self._depth, "n", 0)
        if depth == 0:
            self.calls.append(name)
        self._depth.n = depth + 1
        try:
            return method(self, *args, **kwargs)
        finally:
            self._depth.n = depth

    return wrapper


for _name in PRIMITIVES:
    setattr(CountingStore, _name, _counted(_name))


class CountingNeo4jStore(Neo4jStore):
    """The Neo4j store, recording each query it sends (each one round trip)."""

    calls: list[str] = []

    def _read(self, statement: str, **params: Any) -> list[Any]:
        self.calls.append(statement.strip().splitlines()[0][:60])
        return super()._read(statement, **params)


_GRAPH: list[Graph] = []


def _graph() -> Graph:
    if not _GRAPH:
        _GRAPH.append(extract_paths([SEEDS, GAZETTE]))
    return _GRAPH[0].model_copy(deep=True)


@pytest.fixture(scope="module", params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def counted(request: pytest.FixtureRequest) -> Iterator[tuple[TestClient, Store, list[str]]]:
    store: CountingStore | CountingNeo4jStore
    if request.param == "memory":
        store = CountingStore()
    else:
        target = request.getfixturevalue("neo4j_target")
        store = CountingNeo4jStore(target.uri, user=target.user, password=target.password)
        store.clear()
    store.upsert(_graph())
    with TestClient(create_app(Settings(api_key=None), store=store)) as c:
        yield c, store, store.calls
    store.close()


def calls_of(counted: tuple[TestClient, Store, list[str]], path: str, **params: str) -> list[str]:
    client, _, calls = counted
    calls.clear()
    r = client.get(path, params=params or None)
    assert r.status_code == 200, (path, r.text[:300])
    return list(calls)


@pytest.mark.parametrize(("path", "params", "n"), [
    ("/documents/42/2022/NĐ-CP", {}, 1),  # the document, its relations both ways, their other ends, its status
    ("/documents/43/2011/NĐ-CP", {"at": "2020-01-01"}, 1),  # and what replaced it, for the status on a day
    ("/documents/Nghị định 42/2022", {}, 1),  # a number without its code
    ("/documents/Luật Du lịch", {}, 1),  # a law by its name
    ("/documents/43/2011/NĐ-CP/replaced-by", {}, 1),
    ("/documents/43/2011/NĐ-CP/replaced-by", {"at": "2024-01-01"}, 1),
    ("/documents/decree 43/2011/replaced-by", {}, 1),
    ("/documents/42/2022/NĐ-CP/replaces", {}, 1),
    ("/documents/749/QĐ-TTg/relations", {"type": "IMPLEMENTS", "direction": "out"}, 1),
    ("/documents/52-NQ/TW/relations", {}, 1),
    ("/documents/42/2022/NĐ-CP/timeline", {}, 1),
    ("/documents/43/2011/NĐ-CP/status", {"at": "2020-01-01"}, 1),  # what acts on it, and those texts' dates
    ("/documents", {"q": "nghi dinh", "limit": "200"}, 1),  # a page and the count
    ("/documents", {"q": "nghi dinh", "limit": "200", "state": "true"}, 3),  # … what acts on them, and its dates
    ("/agencies/BTTTT/documents", {}, 1),
    ("/graph", {"ref": "42/2022/NĐ-CP", "depth": "1"}, 1),  # the document and its neighbours: one read
    ("/graph", {"ref": "42/2022/NĐ-CP", "depth": "2"}, 2),  # … and their relations in one more
    ("/graph", {"ref": "139/2026/NĐ-CP", "depth": "3"}, 5),  # … then the next level's documents, and relations
    ("/agencies/BTTTT/graph", {}, 1),  # a body and the documents it issued
    # issue 25 §4: the document with what acts on it (and their dates), then its parts
    ("/documents/139/2026/NĐ-CP/parts", {}, 2),
    ("/documents/139/2026/NĐ-CP/parts", {"at": "2026-01-01"}, 2),
    ("/documents/139/2026/NĐ-CP/parts/Điều 2 khoản 1", {}, 2),
    ("/documents/139/2026/NĐ-CP/parts/d2k1", {"at": "2026-07-01"}, 2),
    ("/documents/43/2011/NĐ-CP/parts/Điều 5", {}, 2),  # not read in full: from what other texts say of it
    ("/documents/139/2026/NĐ-CP/effects", {}, 1),  # the effects on it, with the texts acting
    ("/documents/139/2026/NĐ-CP/effects", {"direction": "out"}, 1),
])
def test_endpoint_reads(counted: tuple[TestClient, Store, list[str]], path: str, params: dict[str, str], n: int) -> None:
    calls = calls_of(counted, path, **params)
    assert len(calls) == n, calls


def test_graph_reads_a_level_at_a_time(counted: tuple[TestClient, Store, list[str]]) -> None:
    """However many nodes: at most two reads a level (its documents, then their relations), the first level one."""
    for depth in (1, 2, 3):
        calls = calls_of(counted, "/graph", ref="139/2026/NĐ-CP", depth=str(depth), limit="1000")
        assert len(calls) <= 2 * depth - 1, (depth, calls)


ASK = [  # each kind of question, in one read of the store
    ("Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?", "replaced_by", 1),
    ("what replaced decree 43/2011?", "replaced_by", 1),
    ("Nghị định 42/2022/NĐ-CP thay thế văn bản nào?", "replaces", 1),
    ("Quyết định 749/QĐ-TTg thực hiện nghị quyết nào?", "implements_out", 1),
    ("what implements resolution 52-NQ/TW, and who issued it?", "implements_in", 1),
    ("Văn bản nào căn cứ Luật Tổ chức Chính phủ năm 2025?", "based_on_in", 1),
    ("Nghị định 42/2022 còn hiệu lực không?", "status", 1),
    ("Nghị định 43/2011/NĐ-CP còn hiệu lực vào ngày 1/1/2020 không?", "status", 1),
    ("Ai ban hành Quyết định 749/QĐ-TTg?", "issuer", 1),
    ("When did the Law on Tourism take effect?", "effective", 1),
    ("Nghị định 42/2022/NĐ-CP là gì?", "overview", 1),
    ("Văn bản nào sửa đổi Luật Xuất bản?", "ambiguous", 1),
    ("Bộ TT&TT ban hành những văn bản nào?", "issued_by", 2),  # the page, then every document's evidence at once
    ("Chính phủ ban hành những văn bản nào?", "issued_by", 2),
    # issue 26 §2: the questions people ask
    ("Quyết định 749/QĐ-TTg năm 2020 do ai ban hành?", "issuer", 1),  # a year given: the lookup takes it
    ("Quyết định 505 do ai ban hành?", "issuer", 2),  # a bare number: the candidates, then the one document
    ("Thông tư 1 do ai ban hành?", "ambiguous", 1),  # … or the candidates alone
    ("Ai trình Quyết định 749/QĐ-TTg?", "proposer", 1),
    ("Nghị định 139/2026/NĐ-CP được ban hành ngày nào?", "issued_on", 1),
    ("Văn bản nào bãi bỏ Nghị định 60/2018/NĐ-CP?", "repeals_in", 1),  # and what replaced it, in the same read
    ("Nghị định 123/2026/NĐ-CP làm hết hiệu lực những nghị định nào?", "ends_out", 1),
    ("Nghị định nào quy định chi tiết nội dung chế độ báo cáo thống kê cấp quốc gia?", "search", 1),
    ("Chính phủ ban hành những nghị định nào về thống kê?", "issued_by", 2),
    # the documents, what acts on them, the texts that act (dated by their own dates): three reads for the list
    ("Những văn bản nào của Chính phủ đã hết hiệu lực vào ngày 2/7/2026?", "no_longer_in_force", 3),
    ("Which circulars are in force on 1 March 2026?", "in_force", 3),
    ("Những nghị định nào có hiệu lực từ ngày 1/7/2026?", "taking_effect", 2),  # those of that year and the year before
    # issue 25 §4: a part — the document with what acts on it, then its parts
    ("khoản 1 Điều 2 Nghị định 139/2026/NĐ-CP còn hiệu lực không?", "part_status", 2),
    ("Điều 2 Nghị định 139/2026/NĐ-CP đã được sửa đổi chưa?", "part_effects", 2),
    ("what changed article 2 of decree 139/2026?", "part_effects", 2),
    # two facts of one document asked together: one read of the relations both need
    ("Who issued decree 139/2026/NĐ-CP and when did it take effect?", "issuer+effective", 1),
    ("Nghị định 60/2018/NĐ-CP do ai ban hành và còn hiệu lực không?", "issuer+status", 1),
    # a date that is no real day is said so before the store is read
    ("Nghị định 42/2022/NĐ-CP còn hiệu lực vào ngày 31/2/2026 không?", "invalid_date", 0),
]


@pytest.mark.parametrize(("q", "intent", "n"), ASK)
def test_ask_reads(counted: tuple[TestClient, Store, list[str]], q: str, intent: str, n: int) -> None:
    client, _, calls = counted
    calls.clear()
    a = client.get("/ask", params={"q": q}).json()
    assert a["intent"] == intent, a
    assert len(calls) == n, calls


def test_a_list_is_one_read_whatever_its_length(counted: tuple[TestClient, Store, list[str]]) -> None:
    """What a body issued: the same two reads for 100 documents as for 5 (no read per document)."""
    client, _, calls = counted
    calls.clear()
    many = client.get("/ask", params={"q": "Chính phủ ban hành những văn bản nào?"}).json()
    n_many, calls_many = len(many["items"]), list(calls)
    calls.clear()
    few = client.get("/ask", params={"q": "Bộ TT&TT ban hành những văn bản nào?"}).json()
    assert n_many > 3 * len(few["items"]) > 0 and len(calls_many) == len(calls) == 2
    assert all(i["evidence"] for i in many["items"])


def test_an_unknown_document_costs_its_suggestions(counted: tuple[TestClient, Store, list[str]]) -> None:
    """A reference the graph lacks: the one lookup, then (Neo4j) every key and the labels of the close ones."""
    client, store, calls = counted
    calls.clear()
    r = client.get(f"/documents/{quote('43/2012/NĐ-CP')}")
    assert r.status_code == 404 and r.json()["suggestions"]
    assert len(calls) == (1 if isinstance(store, MemoryStore) else 3), calls
