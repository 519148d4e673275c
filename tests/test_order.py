"""The graph of a set of texts does not depend on the order and grouping in which they are built or ingested, nor on
an interruption that a re-run follows (issue 24, item 1): every way of building the fixtures gives the checksum of
the one-shot build, on the embedded store and on Neo4j, by `lexgraph build`, by `POST /ingest`, and after the Neo4j
server is killed mid-build."""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.api.main import create_app
from app.api.settings import Settings
from app.cli import app as cli_app
from bench.order_kill import kill_server
from graph.errors import StoreUnavailable
from graph.model import Graph
from graph.stores import Store
from graph.stores.memory import MemoryStore

from .conftest import GAZETTE, ROOT, SEEDS, Neo4jTarget

FILES = sorted(SEEDS.glob("*.txt")) + sorted(GAZETTE.glob("*.txt"))
SEEDS_N = 3  # random partitions and orders tried per store


def graph_sum(store: Store) -> str:
    """sha256 of the store's graph in canonical order: documents (with their dates of effect and evidence), relations
    (with their evidence) and bodies, each by key."""
    g = store.to_graph()
    c = Graph(documents={k: g.documents[k] for k in sorted(g.documents)},
              relations={k: g.relations[k] for k in sorted(g.relations)},
              agencies={k: g.agencies[k] for k in sorted(g.agencies)})
    return hashlib.sha256(c.model_dump_json().encode()).hexdigest()


def full_sum(store: Store) -> str:
    """`graph_sum` with the ambiguities, conflicts and rejected relations of the texts the store keeps."""
    from graph.incremental import checksum

    return checksum(store)


def partitions(seed: int) -> list[list[Path]]:
    """The fixture texts in a random order, cut into random groups of 1 to 6."""
    rnd = random.Random(seed)
    files = list(FILES)
    rnd.shuffle(files)
    out = []
    while files:
        n = rnd.randint(1, 6)
        out.append(files[:n])
        files = files[n:]
    return out


def build(store: str, files: list[Path], env: dict[str, str] | None = None) -> str:
    r = CliRunner().invoke(cli_app, ["build", *map(str, files), "--store", store, "--jobs", "1"], env=env)
    assert r.exit_code == 0, (r.output, r.exception)
    return r.output


def _neo4j(target: Neo4jTarget) -> tuple[Store, dict[str, str]]:
    return target.store(), {"LEXGRAPH_NEO4J_PASSWORD": target.password, "LEXGRAPH_NEO4J_USER": target.user}


# lexgraph build, in random partitions and orders -------------------------------------------------------------
def test_build_order_embedded(tmp_path: Path) -> None:
    one = str(tmp_path / "one.lexgraph")
    build(one, FILES)
    want = graph_sum(MemoryStore(one))
    two = str(tmp_path / "two.lexgraph")  # two steps: half, then all (the half read again)
    build(two, FILES[: len(FILES) // 2])
    build(two, FILES)
    assert graph_sum(MemoryStore(two)) == want, "two-step build"
    for seed in range(SEEDS_N):
        path = str(tmp_path / f"p{seed}.lexgraph")
        for part in partitions(seed):
            build(path, part)
        assert graph_sum(MemoryStore(path)) == want, f"partition {seed}: {partitions(seed)}"
    # the ambiguities too, and a store read back from its file
    sums = {full_sum(MemoryStore(p)) for p in [one, two, *(str(tmp_path / f"p{s}.lexgraph") for s in range(SEEDS_N))]}
    assert len(sums) == 1


def test_build_order_neo4j(neo4j_target: Neo4jTarget, tmp_path: Path) -> None:
    store, env = _neo4j(neo4j_target)
    try:
        store.clear()
        build(neo4j_target.uri, FILES, env)
        want = graph_sum(store)
        want_full = full_sum(store)
        # the same graph as the embedded store's one-shot build
        emb = str(tmp_path / "one.lexgraph")
        build(emb, FILES)
        assert graph_sum(MemoryStore(emb)) == want
        store.clear()
        build(neo4j_target.uri, FILES[: len(FILES) // 2], env)
        build(neo4j_target.uri, FILES, env)
        assert graph_sum(store) == want, "two-step build"
        for seed in range(SEEDS_N):
            store.clear()
            for part in partitions(100 + seed):
                build(neo4j_target.uri, part, env)
            assert graph_sum(store) == want, f"partition {seed}: {partitions(100 + seed)}"
            assert full_sum(store) == want_full
    finally:
        store.clear()
        store.close()


# POST /ingest, one text at a time -----------------------------------------------------------------------------
def _ingest_all_then_each(store_of: Any) -> None:
    h = {"X-API-Key": "k3y"}

    def all_at_once(name: str) -> Store:
        st = store_of(name)
        with TestClient(create_app(Settings(api_key="k3y"), store=st)) as c:
            r = c.post("/ingest", files=[("files", (f.name, f.read_bytes(), "text/plain")) for f in FILES], headers=h)
            assert r.status_code == 200, r.text
        return st

    want = graph_sum(all_at_once("one"))
    fulls = set()
    for seed in range(2):
        each = store_of(f"each{seed}")
        files = list(FILES)
        random.Random(seed).shuffle(files)
        with TestClient(create_app(Settings(api_key="k3y"), store=each)) as c:
            for f in files:  # (a file as uploaded: bytes decoded as the one-shot's were)
                r = c.post("/ingest", files=[("files", (f.name, f.read_bytes(), "text/plain"))], headers=h)
                assert r.status_code == 200, r.text
            assert graph_sum(each) == want, f"order {[f.name for f in files]}"
            counts = each.counts()  # the same text again changes nothing
            r = c.post("/ingest", files=[("files", (files[0].name, files[0].read_bytes(), "text/plain"))], headers=h)
            assert r.json()["added"] == {"documents": 0, "relations": 0, "agencies": 0} and each.counts() == counts
        fulls.add(full_sum(each))
    fulls.add(full_sum(all_at_once("one again")))  # the ambiguities too
    assert len(fulls) == 1


def test_ingest_one_at_a_time_embedded(tmp_path: Path) -> None:
    _ingest_all_then_each(lambda name: MemoryStore(tmp_path / f"{name}.lexgraph"))


def test_ingest_one_at_a_time_neo4j(neo4j_target: Neo4jTarget) -> None:
    stores: list[Store] = []

    def store_of(name: str) -> Store:
        for s in stores:  # one database: the previous graph is kept by its checksum only
            s.close()
        s = neo4j_target.store()
        s.clear()
        stores.append(s)
        return s

    try:
        _ingest_all_then_each(store_of)
    finally:
        stores[-1].clear()
        stores[-1].close()


# the Neo4j server killed mid-build, then the build run again ----------------------------------------------------
def _kill_server(target: Neo4jTarget) -> None:
    kill_server(target.config, start_timeout=180)


def test_neo4j_killed_mid_build_then_rerun(neo4j_target: Neo4jTarget) -> None:
    if neo4j_target.config is None:
        pytest.skip("killing the server needs the one the tests started (not LEXGRAPH_TEST_NEO4J_URI)")
    store, env = _neo4j(neo4j_target)
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env, "LEXGRAPH_NEO4J_BATCH": "4"}
    args = [sys.executable, "-m", "app.cli", "build", str(SEEDS), str(GAZETTE), "--store", neo4j_target.uri, "--jobs", "1"]
    try:
        store.clear()
        assert subprocess.run(args, env=env, cwd=ROOT, capture_output=True, timeout=600).returncode == 0
        want = graph_sum(store)
        half = [*args[:4], *map(str, FILES[: len(FILES) // 2]), *args[-4:]]
        # the points of the build at which the server is killed: while documents are written, while relations are;
        # the last while the build adds the rest to a store that holds half the texts (what an ingest is)
        for point, (kind, at, first) in enumerate([("documents", 40, False), ("relations", 300, False),
                                                   ("documents", 60, True)]):
            store.close()
            store = neo4j_target.store(connection_timeout=2, retry_time=1)
            store.clear()
            if first:
                assert subprocess.run(half, env=env, cwd=ROOT, capture_output=True, timeout=600).returncode == 0
                at += store.counts()[kind]
            p = subprocess.Popen(args, env=env, cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            deadline = time.monotonic() + 300
            while p.poll() is None and time.monotonic() < deadline and store.counts()[kind] < at:
                time.sleep(0.02)
            assert p.poll() is None, f"point {point}: the build finished before the fault"
            _kill_server(neo4j_target)
            _, err = p.communicate(timeout=300)
            # the build stops with one clear error, or, when the driver's retry reached the restarted server in time,
            # finishes (under load it may); either way no traceback, and the re-run below must give the same graph
            assert p.returncode in (0, 1) and "Traceback" not in err, err
            store.close()
            store = neo4j_target.store()
            again = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
            assert again.returncode == 0, again.stderr
            assert graph_sum(store) == want, f"killed at {at} {kind}{' after half the texts' if first else ''}, then run again"
            again = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
            assert graph_sum(store) == want, "a second re-run"
    finally:
        with contextlib.suppress(StoreUnavailable):  # (not to hide what failed, if the server is down)
            store.clear()
        store.close()


# the sources a store keeps, decoded once per process and read again by every build ----------------------------------
def test_decoded_once_resolves_as_decoded_afresh() -> None:
    """`Decoded` hands the resolver the same extraction objects build after build (the resolver changes what it reads:
    `close_names` shortens open names and drops the mentions it cannot close); each build over any set of the
    fixtures, in any order of builds, gives the graph of the same sources decoded afresh."""
    from graph.incremental import Decoded, canonical, dump_source, ordered
    from graph.pipeline import extract_file, extract_text
    from graph.resolve import Resolver

    kept = {str(f): dump_source(extract_file(f)) for f in FILES}
    # an open name ('… theo Luật Khuyến nông nộp hồ sơ.') that another text closes ('Luật Khuyến nông ngày …'): the
    # resolver shortens it when both are read, not when the first is read alone
    kept["open"] = dump_source(extract_text("NGHỊ ĐỊNH\nSố: 10/2021/NĐ-CP\n\nĐiều 1. Phạm vi\nTổ chức thực hiện theo "
                                            "Luật Khuyến nông nộp hồ sơ.\n", "open"))
    kept["closes"] = dump_source(extract_text("THÔNG TƯ\nSố: 11/2022/TT-BNNPTNT\n\nĐiều 1. Căn cứ Luật Khuyến nông "
                                              "ngày 20 tháng 6 năm 2020 của Quốc hội.\n", "closes"))

    def graph_of(sources: list[Any]) -> str:
        return canonical(Resolver().build(sources)).model_dump_json()

    decoded = Decoded()
    for some in ({"open": kept["open"], "closes": kept["closes"]}, {"open": kept["open"]}):
        assert graph_of(decoded.sources(some)) == graph_of(ordered(some)), sorted(some)
    rnd = random.Random(24)
    for _ in range(12):
        some = {k: kept[k] for k in rnd.sample(sorted(kept), rnd.randint(1, len(kept)))}
        assert graph_of(decoded.sources(some)) == graph_of(ordered(some)), sorted(some)
    assert graph_of(decoded.sources(kept)) == graph_of(ordered(kept))


def test_what_a_source_gives_alone_is_made_once_and_changes_nothing() -> None:
    """`Alone`: what resolving a source computes from it alone (sentences, evidence, the documents of names no other
    source changes, parts), made before the build (`prepare`, as a build's parent does while its workers read) or
    during it, is kept with the source and reused by the next build; the graph is that of sources read afresh, for a
    source prepared under another path too, and for an open name another source closes."""
    from graph.incremental import canonical, dump_source, load_source
    from graph.pipeline import extract_file, extract_text
    from graph.resolve import Resolver, prepare

    kept = [dump_source(extract_file(f)) for f in FILES]
    kept.append(dump_source(extract_text("NGHỊ ĐỊNH\nSố: 10/2021/NĐ-CP\n\nĐiều 1. Phạm vi\nTổ chức thực hiện theo "
                                         "Luật Khuyến nông nộp hồ sơ.\n", "open")))
    kept.append(dump_source(extract_text("THÔNG TƯ\nSố: 11/2022/TT-BNNPTNT\n\nĐiều 1. Căn cứ Luật Khuyến nông "
                                         "ngày 20 tháng 6 năm 2020 của Quốc hội.\n", "closes")))

    def graph_of(sources: list[Any]) -> str:
        return canonical(Resolver().build(sources)).model_dump_json()

    afresh = graph_of([load_source(k) for k in kept])
    prepared = [load_source(k) for k in kept]
    for r in prepared:
        prepare(r)
    made = [r.alone for r in prepared]
    for r, a in zip(prepared, made, strict=True):  # every mention's sentence, and its evidence, made already
        ex = r.extraction
        assert a is not None and ex is not None
        every = {id(m) for m in (*ex.mentions, ex.self_doc, ex.base_doc) if m is not None}
        assert set(a.spans) == every and len(a.evidence) >= len({s for _, s in a.spans.values()}), r.path
    assert sum(len(a.spans) for a in made if a is not None) > 100
    assert any(a is not None and a.parts for a in made)  # the Gazette fixtures are read in full
    assert graph_of(prepared) == afresh
    assert [r.alone for r in prepared] == made  # the build used what was prepared, and made nothing anew
    # the open name was shortened in the build (another source closes it): what its document is made of was made again
    open_ = next(r for r in prepared if r.path == "open")
    assert open_.alone is not None and open_.extraction is not None
    assert all(name == m.name for m, name, _ in open_.alone.fields_of.values())
    moved = [load_source(k) for k in kept]
    for r in moved:
        prepare(r)
        r.path = "elsewhere/" + r.path  # prepared for another path: its evidence names the other path
    assert graph_of(moved) == graph_of([_renamed(load_source(k)) for k in kept])
    assert all(r.alone is not None and r.alone.path == r.path for r in moved)


def test_an_open_name_closed_otherwise_build_after_build() -> None:
    """A store's decoded sources keep what resolution made of them (`Alone`), and an open name is shortened by what the
    other sources of each build name: builds over different sets give each the graph of its sources decoded afresh."""
    from graph.incremental import Decoded, canonical, dump_source, ordered
    from graph.pipeline import extract_text
    from graph.resolve import Resolver

    kept = {"open": dump_source(extract_text("NGHỊ ĐỊNH\nSố: 10/2021/NĐ-CP\n\nĐiều 1. Phạm vi\nTổ chức thực hiện theo "
                                             "Luật Khuyến nông nộp hồ sơ trực tuyến.\n", "open")),
            "short": dump_source(extract_text("THÔNG TƯ\nSố: 11/2022/TT-BNNPTNT\n\nĐiều 1. Căn cứ Luật Khuyến nông "
                                              "ngày 20 tháng 6 năm 2020 của Quốc hội.\n", "short")),
            "long": dump_source(extract_text("THÔNG TƯ\nSố: 12/2022/TT-BNNPTNT\n\nĐiều 1. Căn cứ Luật Khuyến nông nộp "
                                             "hồ sơ ngày 20 tháng 6 năm 2021 của Quốc hội.\n", "long"))}

    def graph_of(sources: list[Any]) -> str:
        return canonical(Resolver().build(sources)).model_dump_json()

    decoded = Decoded()
    names_read = set()
    for names in (["open", "short"], ["open", "long"], ["open", "short"], ["open"], ["open", "long"]):
        some = {k: kept[k] for k in names}
        sources = decoded.sources(some)
        assert graph_of(sources) == graph_of(ordered(some)), names
        opened = next(r for r in sources if r.path == "open")
        assert opened.alone is not None and opened.extraction is not None
        named = [m for m in opened.extraction.mentions if m.name]  # as this build left them
        names_read |= {m.name for m in named}
        # what is kept of each mention is what its name, as this build read it, makes
        assert all(held[-1].name == held[0].name for held in opened.alone.fields_of.values()), names
    # shortened one way, then the other; alone, ended by its mark, as written
    assert names_read == {"Luật Khuyến nông", "Luật Khuyến nông nộp hồ sơ", "Luật Khuyến nông nộp hồ sơ trực tuyến"}


def _renamed(r: Any) -> Any:
    r.path = "elsewhere/" + r.path
    return r


def test_kept_as_read_builds_the_graph_of_the_extractions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build's reading workers send back each extraction as the store keeps it (`SourceResult.kept`), which the
    parent decodes as it comes back: the store holds the graph of building from the extractions themselves, in one
    process or two; and results given to a second build give the graph of reading those texts afresh (the first build
    resolved, and so changed, what it decoded: a name one text leaves open and another closes)."""
    from graph import pipeline
    from graph.incremental import build_into

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)  # the fixtures are too small to be shared otherwise
    closes, opened = tmp_path / "closes.txt", tmp_path / "open.txt"
    closes.write_text("THÔNG TƯ\nSố: 11/2022/TT-BNNPTNT\n\nĐiều 1. Căn cứ Luật Khuyến nông ngày 20 tháng 6 năm 2020 "
                      "của Quốc hội.\n", encoding="utf-8")
    opened.write_text("Người dân thực hiện theo Luật Khuyến nông nộp hồ sơ.\n", encoding="utf-8")
    files = [*FILES, closes, opened]

    def built(name: str, results: list[Any]) -> str:
        store = MemoryStore(str(tmp_path / f"{name}.lexgraph"))
        build_into(store, results)
        try:
            return full_sum(store)
        finally:
            store.close()

    sums = {}
    for name, kept, jobs in (("extractions", False, 1), ("kept", True, 1), ("kept, two workers", True, 2)):
        results = pipeline.read_sources(files, [], jobs=jobs, kept=kept)
        assert [r.path for r in results] == [str(f) for f in files], name  # the longest read first, given in order
        if kept:
            assert all(r.kept for r in results)
            # in one process the extraction is dropped; with workers, the parent decodes each as it comes back
            assert all((r.extraction is None) == (jobs == 1) for r in results), name
        sums[name] = built(name, results)
    assert len(set(sums.values())) == 1, sums
    # the results of the last build, given again: alone, the open name is not closed, as when read afresh
    again = built("again", results[-1:])
    assert again == built("afresh", pipeline.read_sources([opened], [], kept=True))
    assert again != sums["extractions"]
    assert built("all again", results) == sums["extractions"]


def test_workers_forked_only_from_a_process_of_one_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading workers are forked (they start at once, with the modules this process holds) only where this process
    runs one thread; beside another thread (the service's, a progress bar's) they are started afresh, since a forked
    child keeps held any lock another thread held. Either way a shared read gives the results of one process."""
    import multiprocessing
    import sys
    import threading

    from graph import pipeline

    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked on Linux only")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    files = FILES[:6]
    alone = pipeline.read_sources(files, [], jobs=1, kept=True)
    monkeypatch.setattr(pipeline, "start_method", lambda: "fork")
    forked = pipeline.read_sources(files, [], jobs=2, kept=True)
    assert [(r.path, r.kept) for r in forked] == [(r.path, r.kept) for r in alone]
    monkeypatch.undo()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert pipeline.start_method() == "spawn"
        used: list[str] = []
        real = multiprocessing.get_context
        monkeypatch.setattr(pipeline.multiprocessing, "get_context", lambda m=None: used.append(m) or real(m))
        monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
        shared = pipeline.read_sources(files, [], jobs=2, kept=True)
        assert used == ["spawn"]
    finally:
        stop.set()
        other.join()
    assert [(r.path, r.kept) for r in shared] == [(r.path, r.kept) for r in alone]


def test_pdf_read_here_then_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has read a PDF here (its reader's fork server started) then reads PDFs over workers: they are
    started afresh, not forked (a forked worker cannot use its parent's fork server: 'No child processes'), and read
    what one process reads."""
    from graph import clean, pipeline

    folder = Path(__file__).parent / "fixtures" / "pdf"
    pdfs = [folder / "nd42.pdf", *sorted((folder / "gazette").glob("*.pdf"))]
    pipeline.read_sources(pdfs[:1], [], jobs=1, kept=True)
    assert clean.fork_server_started() and pipeline.start_method() == "spawn"
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    files = [*pdfs, *FILES[:4]]
    shared = pipeline.read_sources(files, [], jobs=2, kept=True)
    alone = pipeline.read_sources(files, [], jobs=1, kept=True)
    assert all(r.error is None for r in shared)
    assert [(r.path, r.kept) for r in shared] == [(r.path, r.kept) for r in alone]
