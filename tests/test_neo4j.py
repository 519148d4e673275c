"""The Neo4j store against the real server the test session starts: schema, CLI builds, crashes, outages."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from graph.errors import StoreUnavailable
from graph.pipeline import extract_paths
from graph.stores.memory import MemoryStore
from graph.stores.neo4j_store import Neo4jStore

from .conftest import GAZETTE, ROOT, SEEDS, Neo4jTarget


def cli(target: Neo4jTarget, *args: str, batch: int | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LEXGRAPH_NEO4J_PASSWORD": target.password, "COLUMNS": "200"}
    if batch:
        env["LEXGRAPH_NEO4J_BATCH"] = str(batch)
    return subprocess.Popen([sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def neo(neo4j_target: Neo4jTarget) -> Neo4jStore:
    s = neo4j_target.store()
    s.clear()
    yield s
    s.close()


def expected_counts(tmp_path: Path) -> dict[str, int]:
    m = MemoryStore(tmp_path / "expected.lexgraph")
    m.upsert(extract_paths([SEEDS, GAZETTE]))
    return m.counts()


def test_schema_labels_and_full_text(neo: Neo4jStore) -> None:
    neo.upsert(extract_paths([SEEDS]))
    names = {r["name"] for r in neo._read("SHOW CONSTRAINTS YIELD name")}
    assert {"document_key", "agency_id"} <= names
    idx = {r["name"]: r["type"] for r in neo._read("SHOW INDEXES YIELD name, type")}
    assert idx["document_titles"] == "FULLTEXT" and idx["document_search"] == "TEXT"
    labels = {tuple(sorted(r["l"])) for r in neo._read("MATCH (d:Document {key: '42/2022/ND-CP'}) RETURN labels(d) AS l")}
    assert labels == {("Document", "NghiDinh")}
    hits = neo.search_titles("cung cấp thông tin môi trường mạng")
    assert hits[0][0] == "42/2022/ND-CP"
    assert neo.search_titles("cung cap thong tin moi truong mang")[0][0] == "42/2022/ND-CP"
    assert neo.search_titles("\") OR ~ * [ 1=1 //") == neo.search_titles("OR 1 1")  # Lucene syntax is only words
    assert neo.search_titles("*?~") == []


def test_cli_build_twice_same_counts(neo4j_target: Neo4jTarget, neo: Neo4jStore, tmp_path: Path) -> None:
    for _ in range(2):
        p = cli(neo4j_target, "build", str(SEEDS), str(GAZETTE), "--store", neo4j_target.uri)
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert "built" in out
        assert neo.counts() == expected_counts(tmp_path)
    p = cli(neo4j_target, "replaced-by", "43/2011/nd-cp", "--store", neo4j_target.uri)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0 and "42/2022/NĐ-CP" in out, err


def test_build_killed_half_way_leaves_whole_documents(neo4j_target: Neo4jTarget, neo: Neo4jStore,
                                                      tmp_path: Path) -> None:
    """SIGKILL a build while it writes (small batches, so the kill lands between transactions)."""
    want = expected_counts(tmp_path)
    p = cli(neo4j_target, "build", str(SEEDS), str(GAZETTE), "--store", neo4j_target.uri, batch=3)
    deadline = time.monotonic() + 240
    seen = 0
    while time.monotonic() < deadline and p.poll() is None:
        seen = neo.counts()["documents"]
        if seen > 0:
            break
        time.sleep(0.02)
    assert p.poll() is None, "the build ended before it could be killed"
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    got = neo.counts()
    assert 0 < got["documents"] + got["relations"] < want["documents"] + want["relations"], (got, want)
    # every document that is there is whole: every attribute of its row, its type label, evidence
    broken = neo._read("MATCH (d:Document) WHERE d.type_id IS NULL OR d.search IS NULL OR d.base IS NULL "
                       "OR size(labels(d)) <> 2 OR size(d.evidence) = 0 RETURN d.key AS key")
    assert broken == []
    # run again: complete, and the same as an uninterrupted build
    p = cli(neo4j_target, "build", str(SEEDS), str(GAZETTE), "--store", neo4j_target.uri)
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    assert neo.counts() == want


def test_unreachable_neo4j_is_a_clear_error() -> None:
    """No server (nothing listens on port 9; needs no Neo4j): a clear error, after a bounded number of attempts —
    counted on a real loopback socket that takes each connection and closes it, not timed."""
    s = Neo4jStore("bolt://127.0.0.1:9", password="x", connection_timeout=1, retry_time=0)
    with pytest.raises(StoreUnavailable) as e:
        s.ping()
    assert "cannot be reached" in str(e.value)
    s.close()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        attempts = 0

        def drop_each() -> None:
            nonlocal attempts
            while True:
                try:
                    conn, _ = listener.accept()
                except OSError:  # the listener closed: the test is over
                    return
                attempts += 1
                conn.close()

        threading.Thread(target=drop_each, daemon=True).start()
        s = Neo4jStore(f"bolt://127.0.0.1:{listener.getsockname()[1]}", password="x", connection_timeout=1, retry_time=0)
        with pytest.raises(StoreUnavailable) as e:
            s.ping()
        s.close()
    # the read and the one retry on a fresh connection the store allows itself: no retry loop
    assert "cannot be reached" in str(e.value) and 1 <= attempts <= 2, attempts
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LEXGRAPH_NEO4J_PASSWORD": "x"}
    r = subprocess.run([sys.executable, "-m", "app.cli", "build", str(SEEDS), "--store", "bolt://127.0.0.1:9"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "cannot be reached" in r.stderr and "Traceback" not in r.stderr


def test_wrong_password_is_a_clear_error(neo4j_target: Neo4jTarget) -> None:
    s = Neo4jStore(neo4j_target.uri, password="not-the-password", retry_time=0)
    with pytest.raises(StoreUnavailable) as e:
        s.ping()
    assert "credentials" in str(e.value) and "not-the-password" not in str(e.value)


def test_routing_uri_and_database_from_uri(neo4j_target: Neo4jTarget) -> None:
    """A neo4j:// routing URI works against a single server too (the path past one machine)."""
    uri = neo4j_target.uri.replace("bolt://", "neo4j://")
    s = Neo4jStore.from_uri(uri + "/neo4j")
    assert s.database == "neo4j" and s.uri == uri
    s.close()
    s = Neo4jStore(uri, password=neo4j_target.password, database="neo4j")
    try:
        assert s.ping()
    finally:
        s.close()


def test_hostile_strings_are_parameters(neo: Neo4jStore) -> None:
    neo.upsert(extract_paths([SEEDS]))
    before = neo.counts()
    for q in ["') DETACH DELETE n //", "$key", "{", "' OR 1=1 --", "\x00\x01", "a" * 100_000]:
        docs, n = neo.documents(q=q)
        assert n == 0 and docs == []
        assert neo.keys_with_base(q) == []
        assert neo.get(q) is None
    assert neo.counts() == before


def _nodes(store: Neo4jStore) -> dict[str, dict[str, object]]:
    return {r["d"]["key"]: {**dict(r["d"]), "labels": sorted(r["d"].labels)}
            for r in store._read("MATCH (d:Document) RETURN d")}


def test_created_documents_equal_merged_ones(neo: Neo4jStore) -> None:
    """The fast path (CREATE with every property computed in Python) writes the very nodes the MERGE path
    computes in Cypher: search text, caption, labels, dates, dates of effect."""
    g = extract_paths([SEEDS, GAZETTE])
    neo.upsert(g)
    created = _nodes(neo)
    neo.clear()
    neo.create_new = False
    neo.upsert(g)
    merged = _nodes(neo)
    assert created.keys() == merged.keys() and len(created) == len(g.documents)
    for k in created:
        assert created[k] == merged[k], k


def test_a_key_taken_meanwhile_is_merged_not_lost(neo: Neo4jStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A concurrent writer that creates a key between the check and the CREATE: the batch fails on the key
    constraint and is merged instead, so both writers' evidence survives. The race is made certain by blinding
    the check for stored keys."""
    from graph.stores import cypher as C

    g = extract_paths([SEEDS])
    neo.upsert(g)
    want = neo.counts()
    doc = neo.get("42/2022/ND-CP")
    assert doc is not None
    other = doc.evidence[0].model_copy(update={"source": "another-writer.txt"})
    g2 = extract_paths([SEEDS])
    g2.documents["42/2022/ND-CP"] = g2.documents["42/2022/ND-CP"].model_copy(update={"evidence": [other]})
    monkeypatch.setattr(C, "EXISTING_KEYS", "UNWIND $keys AS k WITH k WHERE false RETURN k AS key")
    neo.upsert(g2)
    assert neo.counts() == want
    again = neo.get("42/2022/ND-CP")
    assert again is not None and other in again.evidence and doc.evidence[0] in again.evidence


def test_parts_and_effects_as_browser_users_see_them(neo: Neo4jStore) -> None:
    """Parts are (:Part) nodes under their document by HAS_PART, down the tree; an effect on a part is also an
    AFFECTS relationship from the acting document to the part (with the relation's type, the kind, as written, the
    day); neither shows among a document's relations. Constraint and index for parts."""
    from .test_store_contract import _amending_graph

    g = extract_paths([GAZETTE / "nghi-dinh-so-111-2022-nd-cp-38434.txt", GAZETTE / "nghi-dinh-so-139-2026-nd-cp-469377.txt"])
    neo.upsert(g)
    neo.upsert(_amending_graph())
    names = {r["name"] for r in neo._read("SHOW CONSTRAINTS YIELD name")}
    assert "part_id" in names and "part_doc" in {r["name"] for r in neo._read("SHOW INDEXES YIELD name")}
    n = len(g.parts["111/2022/ND-CP"])
    assert neo._read("MATCH (p:Part {doc: '111/2022/ND-CP'}) RETURN count(p) AS n")[0]["n"] == n
    tree = neo._read("MATCH (:Document {key: '111/2022/ND-CP'})-[:HAS_PART*]->(p:Part) RETURN count(DISTINCT p) AS n")
    assert tree[0]["n"] == n
    rec = neo._read("MATCH (:Document {key: '111/2022/ND-CP'})-[:HAS_PART*]->(:Part {part: 'dieu_3'})-[:HAS_PART]->"
                    "(k:Part {part: 'dieu_3/khoan_2'}) RETURN k.id AS id, k.label AS label")[0]
    assert (rec["id"], rec["label"]) == ("111/2022/ND-CP#dieu_3/khoan_2", "khoản 2")
    affects = neo._read("MATCH (d:Document)-[a:AFFECTS]->(p:Part) RETURN d.key AS d, a.type AS t, a.kind AS kind, "
                        "a.written AS w, p.part AS part ORDER BY part")
    assert [(r["d"], r["t"], r["kind"], r["w"], r["part"]) for r in affects] == [
        ("139/2026/ND-CP", "AMENDS", "repealed", "khoản 2 Điều 3", "dieu_3/khoan_2"),
        ("139/2026/ND-CP", "AMENDS", "amended", "Điều 4", "dieu_4"),
        ("139/2026/ND-CP", "AMENDS", "suspended", None, "dieu_4/khoan_1/diem_a")]  # dieu_99: no such part
    assert all(r.type != "HAS_PART" and r.type != "AFFECTS" for r in neo.relations("111/2022/ND-CP"))
    neo.replace_graph(g, {})  # the effects gone: their AFFECTS too
    assert neo._read("MATCH ()-[a:AFFECTS]->() RETURN count(a) AS n")[0]["n"] == 0
