"""Neo4j Browser in a real headless Chromium, and the ready queries of deploy/neo4j/queries.cypher."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.browser_style import colours, grass
from graph.pipeline import extract_paths

from .conftest import GAZETTE, ROOT, SEEDS, Neo4jTarget, running_service

QUERIES = ROOT / "deploy" / "neo4j" / "queries.cypher"
SCREENSHOTS = Path(os.environ.get("LEXGRAPH_SCREENSHOTS", ROOT / ".lexgraph" / "screenshots"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def ready_queries() -> list[str]:
    text = "\n".join(line for line in QUERIES.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("//"))
    return [q.strip() for q in text.split(";") if q.strip()]


@pytest.fixture(scope="module")
def loaded(neo4j_target: Neo4jTarget) -> Neo4jTarget:
    s = neo4j_target.store()
    s.clear()
    s.upsert(extract_paths([SEEDS, GAZETTE]))
    s.close()
    return neo4j_target


def _wait_until(page: object, predicate: str, seconds: float) -> None:
    """Poll a predicate from here: the graph page's Content-Security-Policy forbids the eval that Playwright's
    wait_for_function polls with in the page (it failed whenever the first check came too early)."""
    import time

    deadline = time.monotonic() + seconds
    while not page.evaluate(predicate):  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {seconds} s: {predicate}")
        page.wait_for_timeout(100)  # type: ignore[attr-defined]


def test_style_file_matches_the_ontology() -> None:
    assert (ROOT / "deploy" / "neo4j" / "lexgraph.grass").read_text(encoding="utf-8") == grass()


def test_every_ready_query_answers(loaded: Neo4jTarget) -> None:
    s = loaded.store()
    try:
        qs = ready_queries()
        assert len(qs) == 7
        for q in qs:
            assert s._read(q), q
        chain = s._read(qs[1])
        assert [r["replaced_by"] for r in chain] == ["42/2022/NĐ-CP"] and "thay thế" in chain[0]["evidence"]
    finally:
        s.close()


@pytest.mark.browser
def test_browser_shows_what_replaced_43_2011(loaded: Neo4jTarget) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    assert Path(CHROMIUM).exists(), "Chromium is needed: apt-get install chromium (scripts/test.sh does it)"
    assert loaded.http_url, "the Browser test needs the server's HTTP address"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{loaded.http_url}/browser/", wait_until="networkidle")
            page.fill('[data-testid="boltaddress"]', loaded.uri)
            page.fill('[data-testid="username"]', loaded.user)
            page.fill('[data-testid="password"]', loaded.password)
            page.click('[data-testid="connect"]')
            page.wait_for_selector("text=You are connected", timeout=30_000)

            def run(statement: str) -> None:
                statement = " ".join(line.strip() for line in statement.splitlines())  # as one line
                page.locator('[data-testid="activeEditor"] textarea').focus()
                page.keyboard.press("Control+a")
                page.keyboard.press("Backspace")
                page.keyboard.insert_text(statement)
                page.click('[data-testid="editor-Run"]')

            run(":style " + grass())
            page.wait_for_timeout(500)
            run(ready_queries()[0])
            try:
                page.wait_for_selector("text=Displaying 3 nodes, 2 relationships", timeout=30_000)
            except Exception:
                page.screenshot(path=str(SCREENSHOTS / "neo4j-browser-failed.png"))
                raise
            page.wait_for_timeout(2500)  # let the force layout settle before the picture
            page.screenshot(path=str(SCREENSHOTS / "neo4j-browser-replaced-by.png"))
            # the style is applied: Nghị định nodes wear the ontology's colour for NghiDinh
            fills = page.eval_on_selector_all("svg circle", "cs => cs.map(c => (c.getAttribute('fill') || '').toLowerCase())")
            assert colours()["NghiDinh"][0].lower() in fills
            # and the answer is there: 42/2022/NĐ-CP replaced 43/2011/NĐ-CP
            page.click('[data-testid="cypherFrameSidebarTable"] >> nth=0')
            table = page.locator('[data-testid="frameContents"]').first.inner_text()
            assert "42/2022/NĐ-CP" in table and "43/2011/NĐ-CP" in table
        finally:
            browser.close()


@pytest.mark.browser
def test_graph_view_draws_offline(tmp_path: Path) -> None:
    """/graph/view in headless Chromium: the neighbourhood is drawn, with no request leaving the machine."""
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    from graph.stores.memory import MemoryStore

    store = tmp_path / "g.lexgraph"
    MemoryStore(store).upsert(extract_paths([SEEDS]))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_service(str(store)) as service, playwright.sync_playwright() as p:
        base = service.url
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 800})
            hosts: set[str] = set()
            page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{base}/graph/view?ref=42/2022/NĐ-CP&depth=1", wait_until="networkidle")
            _wait_until(page, "() => !!window.cy && window.cy.nodes().length >= 3", 30)
            labels = page.evaluate("window.cy.nodes().map(n => n.data('label'))")
            assert {"42/2022/NĐ-CP", "43/2011/NĐ-CP", "Chính phủ"} <= set(labels)
            edges = page.evaluate("window.cy.edges().map(e => e.data('label'))")
            assert "REPLACES" in edges
            page.wait_for_timeout(500)
            page.screenshot(path=str(SCREENSHOTS / "graph-view.png"))
            # an unknown number: the page says so, with close matches
            page.fill("#ref", "43/2012/NĐ-CP")
            page.click("button[type=submit]")
            _wait_until(page, "() => document.getElementById('message').textContent.length > 0", 10)
            assert "43/2011/NĐ-CP" in page.inner_text("#message")
            assert hosts == {base.split("/")[2]} and not errors
        finally:
            browser.close()
