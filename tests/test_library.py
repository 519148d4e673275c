"""lexgraph as a Python user uses it: `import graph`, read texts, keep them in a store, ask."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import graph

from .conftest import ROOT, SEEDS


def test_read_store_and_ask(tmp_path: Path) -> None:
    g = graph.read_paths([SEEDS])
    assert isinstance(g, graph.Graph) and "42/2022/ND-CP" in g.documents and len(g.sources) == 5
    store = graph.open_store(tmp_path / "seeds.lexgraph")
    try:
        assert isinstance(store, graph.Store)
        store.upsert(g)
        a = graph.ask(store, "what replaced decree 43/2011?")
        assert isinstance(a, graph.Answer) and a.understood and a.intent == "replaced_by"
        assert [i.key for i in a.items] == ["42/2022/ND-CP"] and "thay thế" in a.items[0].evidence[0].sentence
        assert a.text.startswith("Nghị định 43/2011/NĐ-CP was replaced by Nghị định 42/2022/NĐ-CP")
    finally:
        store.close()
    again = graph.open_store(str(tmp_path / "seeds.lexgraph"))  # a path as text too; the file persisted
    assert graph.ask(again, "Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?").items[0].key == "42/2022/ND-CP"


def test_read_text() -> None:
    g = graph.read_text("Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ thay thế Nghị định số 43/2011/NĐ-CP.")
    assert {"42/2022/ND-CP", "43/2011/ND-CP"} <= set(g.documents)
    rel = next(r for r in g.relations.values() if r.type == "REPLACES")
    assert (rel.source, rel.target) == ("42/2022/ND-CP", "43/2011/ND-CP") and rel.evidence[0].source == "<text>"
    assert graph.read_text("Không có số hiệu nào.", path="tin.txt").sources[0].path == "tin.txt"


def test_names_are_imported_lazily() -> None:
    """`import graph.numbers` loads neither the model (pydantic), the pipeline nor a store; `graph.ask` does."""
    code = ("import sys, graph.numbers; heavy = [m for m in ('pydantic', 'graph.model', 'graph.pipeline', "
            "'graph.stores', 'graph.questions', 'neo4j') if m in sys.modules]; print(heavy); "
            "import graph; graph.ask; print(sorted(m for m in ('graph.questions', 'neo4j') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:2] == ["[]", "['graph.questions']"], out
    assert set(graph.__all__) == {"read_text", "read_paths", "open_store", "ask", "Answer", "Graph", "Store"}
    assert set(graph.__all__) <= set(dir(graph))
    from graph import numbers, vocab  # submodules still import as submodules

    assert numbers.__name__ == "graph.numbers" and vocab.__name__ == "graph.vocab"


def test_open_store_reads_a_uri(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path opens the embedded store; a Neo4j URI the Neo4j store (nothing is sent until it is used), its
    database from the URI, else the arguments (what the service's settings hold), else the environment."""
    from app.api.main import store_of
    from app.api.settings import Settings
    from graph.stores.memory import MemoryStore
    from graph.stores.neo4j_store import Neo4jStore

    monkeypatch.setenv("LEXGRAPH_NEO4J_DATABASE", "fromenv")
    assert isinstance(graph.open_store(tmp_path / "x.lexgraph"), MemoryStore)
    stores = [graph.open_store("neo4j://user:p%40ss@127.0.0.1:9/lexgraph"), graph.open_store("bolt+s://127.0.0.1:9"),
              graph.open_store("bolt://127.0.0.1:9", database="given"),
              store_of(Settings(store="bolt://127.0.0.1:9", neo4j_database="settings"))]
    try:
        assert all(isinstance(s, Neo4jStore) for s in stores)
        assert [s.database for s in stores] == ["lexgraph", "fromenv", "given", "settings"]  # type: ignore[attr-defined]
        assert stores[0].uri == "neo4j://127.0.0.1:9"  # type: ignore[attr-defined]  (the credentials left out)
    finally:
        for s in stores:
            s.close()
