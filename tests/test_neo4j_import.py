"""`lexgraph neo4j import`: neo4j-admin's offline importer gives the store exactly what a build gives.

A second local Neo4j (its own home in a temporary folder, its own ports, the test server's jars) is replaced by an
import of the seeds and the Gazette fixture; every query of the store interface must then answer as the embedded
store does, a later build must merge into the imported graph without adding anything, and a second import must
give the same graph.
"""

from __future__ import annotations

import csv
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app import neo4j_server as ns
from app.bulk_import import bulk_load
from app.cli import app
from graph.model import Relation
from graph.stores.memory import MemoryStore
from graph.stores.neo4j_import import ImportFiles, write_import_files
from graph.stores.neo4j_store import Neo4jStore

from .test_store_contract import _seed_graph, assert_same_answers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def import_server(neo4j_target: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ns.ServerConfig]:
    if neo4j_target.config is None:
        pytest.skip("LEXGRAPH_TEST_NEO4J_URI names a server elsewhere; the offline import needs a local one")
    home = tmp_path_factory.mktemp("neo4j-import")
    (home / "lib").symlink_to(neo4j_target.config.lib_dir, target_is_directory=True)  # the jars, already fetched
    cfg = ns.ServerConfig(password=neo4j_target.password, home=home, bolt_port=_free_port(), http_port=_free_port(),
                          heap_size="512m", pagecache_size="256m")
    try:
        yield cfg
    finally:
        ns.stop(cfg)


def test_import_gives_what_a_build_gives(import_server: ns.ServerConfig, tmp_path: Path) -> None:
    g = _seed_graph()
    report = bulk_load(import_server, g)
    mem = MemoryStore(tmp_path / "g.lexgraph")
    mem.upsert(_seed_graph())
    neo = Neo4jStore(import_server.bolt_uri, password=import_server.password)
    try:
        c = mem.counts()
        assert (report.documents, report.agencies, report.relations) == (c["documents"], c["agencies"], c["relations"])
        assert report.import_seconds > 0 and report.seconds >= report.import_seconds
        assert_same_answers(mem, neo)
        # a later build merges into the imported graph: nothing new, no evidence doubled
        stats = neo.upsert(_seed_graph())
        assert (stats.documents, stats.relations, stats.agencies) == (0, 0, 0)
        assert_same_answers(mem, neo)
    finally:
        neo.close()
        mem.close()
    # importing again replaces the graph with the same one
    again = bulk_load(import_server, _seed_graph())
    assert (again.documents, again.relations) == (report.documents, report.relations)


def test_import_refuses_a_running_server(import_server: ns.ServerConfig, tmp_path: Path) -> None:
    ns.start(import_server)
    with pytest.raises(ns.Neo4jServerError, match="running; stop it"):
        ns.import_database(import_server, tmp_path, ImportFiles(nodes=[["documents.csv"]], relationships=[],
                                                                 documents=0, agencies=0, relations=0, multiline=False))


def test_cli_import_asks_before_replacing(tmp_path: Path) -> None:
    env = {"LEXGRAPH_NEO4J_PASSWORD": "a-password-1", "LEXGRAPH_NEO4J_HOME": str(tmp_path / "home")}
    r = CliRunner().invoke(app, ["neo4j", "import", "seeds"], env=env)
    assert r.exit_code == 2
    assert "--replace" in r.output
    assert not (tmp_path / "home").exists()  # nothing installed, nothing replaced


def test_import_files_say_when_a_field_spans_lines(tmp_path: Path) -> None:
    # the importer reads files in parallel chunks unless a field may span lines: the writer tells which
    g = _seed_graph()
    files = write_import_files(g, tmp_path / "a")
    assert files.multiline is False
    header = (tmp_path / "a" / "documents.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("key:ID(Document),base,number,") and header.endswith(":LABEL")
    key = list(g.documents)[-1]  # in the last worker's slice
    g.documents[key] = g.documents[key].model_copy(update={"title": "hai\ndòng"})
    assert write_import_files(g, tmp_path / "b", workers=2).multiline is True


def _rows(folder: Path, files: ImportFiles) -> dict[str, list[list[str]]]:
    """Each group of files as the importer reads it (one header, then the rows of every file), rows sorted."""
    out = {}
    for group in files.nodes + files.relationships:
        lines: list[list[str]] = []
        for name in group:
            with (folder / name).open(encoding="utf-8", newline="") as f:
                lines.extend(csv.reader(f))
        out[group[0]] = [lines[0], *sorted(lines[1:])]
    return out


def test_import_files_hold_the_same_rows_in_one_or_several_processes(tmp_path: Path) -> None:
    g = _seed_graph()
    one = write_import_files(g, tmp_path / "one", workers=1)
    assert one.nodes == [["documents.csv"], ["agencies.csv"], ["parts.csv"]] and one.parts == 1
    for k in (2, 3):
        more = write_import_files(g, tmp_path / str(k), workers=k)
        assert more.parts == k and more.nodes[0] == ["documents.csv"] + [f"documents.{i}.csv" for i in range(1, k)]
        assert (more.documents, more.agencies, more.relations, more.multiline) == \
            (one.documents, one.agencies, one.relations, one.multiline)
        assert _rows(tmp_path / str(k), more) == _rows(tmp_path / "one", one)
        # only the first file of a group has the header
        assert not (tmp_path / str(k) / "documents.1.csv").read_text(encoding="utf-8").startswith("key:ID")
    assert one.relations == len(g.relations) and one.documents == len(g.documents)
    # a relation type outside the ontology is refused, also when another process writes it
    bad = Relation.model_construct(type="NOT_A_TERM", source=next(iter(g.documents)), target=next(iter(g.documents)),
                                   evidence=[])
    g.relations["bad"] = bad  # the last relation: in the last worker's slice
    with pytest.raises(ValueError, match="not a term of the ontology"):
        write_import_files(g, tmp_path / "bad", workers=2)


def test_import_files_written_here_when_another_process_dies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # at a million documents beside a running server a forked writer once ran out of memory and was killed
    import os

    from graph.stores import neo4j_import

    g = _seed_graph()
    want = write_import_files(g, tmp_path / "want", workers=2)
    monkeypatch.setattr(neo4j_import, "_in_child", lambda *a: os._exit(9))
    got = write_import_files(g, tmp_path / "got", workers=2)
    assert got == want
    for name in [n for group in want.nodes + want.relationships for n in group]:
        assert (tmp_path / "got" / name).read_bytes() == (tmp_path / "want" / name).read_bytes()


def test_csv_export_loads_into_a_server_as_a_build(import_server: ns.ServerConfig, tmp_path: Path) -> None:
    """`lexgraph export --format csv` gives the files `lexgraph neo4j import` loads: a user who loads them into
    a server of their own as IMPORT.txt says (neo4j-admin, then schema.cypher) gets what a build gives."""
    from graph.export import write_csv_dir

    mem = MemoryStore(tmp_path / "g.lexgraph")
    mem.upsert(_seed_graph())
    folder = tmp_path / "csv"
    paths = write_csv_dir(mem.to_graph(), folder)
    assert {p.name for p in paths} == {"documents.csv", "agencies.csv", "relations_documents.csv",
                                      "relations_agencies.csv", "parts.csv", "has_part_documents.csv",
                                      "has_part_parts.csv", "affects.csv", "schema.cypher", "IMPORT.txt"}
    how = (folder / "IMPORT.txt").read_text(encoding="utf-8")
    assert ("neo4j-admin database import full neo4j --overwrite-destination=true --array-delimiter=U+001F "
            "--multiline-fields=false --nodes=documents.csv --nodes=agencies.csv --nodes=parts.csv "
            "--relationships=relations_documents.csv --relationships=relations_agencies.csv "
            "--relationships=has_part_documents.csv --relationships=has_part_parts.csv "
            "--relationships=affects.csv") in how
    ns.stop(import_server)
    # the files as IMPORT.txt names them, with the options it gives
    named = ImportFiles(nodes=[["documents.csv"], ["agencies.csv"], ["parts.csv"]],
                        relationships=[["relations_documents.csv"], ["relations_agencies.csv"],
                                       ["has_part_documents.csv"], ["has_part_parts.csv"], ["affects.csv"]],
                        documents=0, agencies=0, relations=0, multiline=False)
    assert named.command() in how
    ns.import_database(import_server, folder, named)
    ns.start(import_server)
    neo = Neo4jStore(import_server.bolt_uri, password=import_server.password)
    try:
        with neo.driver.session() as s:
            for q in (folder / "schema.cypher").read_text(encoding="utf-8").split(";\n"):
                if q.strip():
                    s.run(q).consume()
            s.run("CALL db.awaitIndexes(300)").consume()
        assert_same_answers(mem, neo)
    finally:
        neo.close()
        mem.close()


def test_import_columns_are_the_properties_a_build_writes() -> None:
    # the columns are listed with their types; a property added to what `upsert` writes must be added there too
    from graph.stores.neo4j_import import DOC_COLUMNS
    from graph.stores.neo4j_store import _new_doc_props

    columns = {"key"} | {c for c, _ in DOC_COLUMNS}
    for d in _seed_graph().documents.values():
        assert set(_new_doc_props(d)) <= columns, set(_new_doc_props(d)) - columns


def test_import_reconciles_an_undated_number_with_its_dated_document(import_server: ns.ServerConfig,
                                                                     tmp_path: Path) -> None:
    """A graph that holds 'Quyết định 1000/QĐ-TTg' (an article names it without a year) and the decision itself
    (dated 2024): after the import the store holds one document, as after two builds."""
    from graph.model import Graph
    from graph.pipeline import extract_text
    from graph.resolve import Resolver

    news = Resolver().build([extract_text(
        "Thủ tướng Chính phủ đã ký Quyết định 1000/QĐ-TTg về chuyển đổi số. Quyết định 1000/QĐ-TTg "
        "thay thế Quyết định số 12/2015/QĐ-TTg.", "news.txt")])
    decision = Resolver().build([extract_text(
        "Quyết định số 1000/QĐ-TTg ngày 3 tháng 6 năm 2024 của Thủ tướng Chính phủ về chuyển đổi số.", "qd.txt")])
    both = Graph()
    for g in (news, decision):
        both.documents.update(g.documents)
        both.relations.update(g.relations)
        both.agencies.update(g.agencies)
    assert {"1000/QD-TTG", "1000/QD-TTG@2024"} <= set(both.documents)
    bulk_load(import_server, both)
    mem = MemoryStore(tmp_path / "g.lexgraph")
    mem.upsert(news)
    mem.upsert(decision)
    neo = Neo4jStore(import_server.bolt_uri, password=import_server.password)
    try:
        assert neo.keys_with_base("1000/QD-TTG") == ["1000/QD-TTG@2024"]
        d = neo.document("1000/QĐ-TTg")
        assert {e.source for e in d.evidence} == {"news.txt", "qd.txt"}
        assert [r.other for r in neo.relations(d.key, "REPLACES", "out")] == ["12/2015/QD-TTG"]
        assert mem.counts() == neo.counts() and mem.to_graph() == neo.to_graph()
    finally:
        neo.close()
        mem.close()
