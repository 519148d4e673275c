"""Neo4j Browser in a real headless Chromium, and the ready queries of app/neo4j_files/queries.cypher."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from app.browser_style import colours, grass
from graph.pipeline import extract_paths

from .conftest import GAZETTE, ROOT, SEEDS, Neo4jTarget, Service, running_service

QUERIES = ROOT / "app" / "neo4j_files" / "queries.cypher"
SCREENSHOTS = Path(os.environ.get("LEXGRAPH_SCREENSHOTS", ROOT / ".lexgraph" / "screenshots"))
DOCS_IMG = ROOT / "docs" / "img"  # the pictures the README and docs show, taken by these tests
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# --disable-dev-shm-usage: Chromium's shared memory goes to /tmp, not /dev/shm. Debian's launcher adds it only when
# /dev/shm is small, and its check breaks when /dev/shm is mounted twice (findmnt prints two lines), as in containers;
# a small /dev/shm then crashes the renderer while it draws a large graph ("Target crashed").
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-dev-shm-usage"]

# A renderer that crashes is the machine's, not the page's: such a test runs once more, in a fresh browser. A page that
# crashes Chromium every time still fails; any other error (an assertion, a timeout) fails at once.
pytestmark = pytest.mark.flaky(reruns=1, only_rerun=["Target crashed", "Page crashed"])


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
    assert (ROOT / "app" / "neo4j_files" / "lexgraph.grass").read_text(encoding="utf-8") == grass()


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
def test_browser_shows_what_replaced_43_2011(loaded: Neo4jTarget, gazette_service: Service) -> None:
    """Neo4j Browser on the server `lexgraph neo4j start` configures: once connected, the project's guide opens and
    its style is applied by themselves (browser.post_connect_cmd, from the lexgraph service); documents are
    captioned by their number."""
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    assert Path(CHROMIUM).exists(), "Chromium is needed: apt-get install chromium (scripts/test.sh does it)"
    assert loaded.http_url, "the Browser test needs the server's HTTP address"
    if loaded.config is None:
        pytest.skip("the Browser's guide and style are set by the server the tests start")
    # the server was told to load them from `browser_service` (LEXGRAPH_SERVICE_URL, default port 8000): the page's
    # requests there are answered by the service this test runs, wherever it listens
    wanted = loaded.config.browser_service
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            served: list[str] = []

            def forward(route: Any) -> None:
                path = route.request.url[len(wanted):]
                served.append(path)
                route.fulfill(response=route.fetch(url=gazette_service.url + path))

            page.route(wanted + "/neo4j/**", forward)
            page.goto(f"{loaded.http_url}/browser/", wait_until="networkidle")
            page.fill('[data-testid="boltaddress"]', loaded.uri)
            page.fill('[data-testid="username"]', loaded.user)
            page.fill('[data-testid="password"]', loaded.password)
            page.click('[data-testid="connect"]')
            page.wait_for_selector("text=You are connected", timeout=30_000)
            # the guide opens by itself, and its first slide names what the graph holds
            try:
                page.wait_for_selector("text=lexgraph: văn bản pháp luật Việt Nam", timeout=30_000)
            except Exception:
                page.screenshot(path=str(SCREENSHOTS / "neo4j-browser-failed.png"))
                raise
            assert {"/neo4j/lexgraph.grass", "/neo4j/guide.html"} <= set(served), served
            page.wait_for_timeout(500)
            page.screenshot(path=str(DOCS_IMG / "neo4j-browser-guide.png"))

            def run(statement: str) -> None:
                statement = " ".join(line.strip() for line in statement.splitlines())  # as one line
                page.locator('[data-testid="activeEditor"] textarea').focus()
                page.keyboard.press("Control+a")
                page.keyboard.press("Backspace")
                page.keyboard.insert_text(statement)
                page.click('[data-testid="editor-Run"]')

            run(ready_queries()[0])  # no `:style` pasted: it is already applied
            try:
                page.wait_for_selector("text=Displaying 3 nodes, 2 relationships", timeout=30_000)
            except Exception:
                page.screenshot(path=str(SCREENSHOTS / "neo4j-browser-failed.png"))
                raise
            page.wait_for_timeout(2500)  # let the force layout settle before the picture
            page.screenshot(path=str(DOCS_IMG / "neo4j-browser-replaced-by.png"))
            # the style is applied: Nghị định nodes wear the ontology's colour for NghiDinh, captioned by number
            fills = page.eval_on_selector_all("svg circle", "cs => cs.map(c => (c.getAttribute('fill') || '').toLowerCase())")
            assert colours()["NghiDinh"][0].lower() in fills
            captions = page.eval_on_selector_all("svg g.node text", "ts => ts.map(t => t.textContent.trim())")
            assert "42/2022/NĐ-CP" in captions and "43/2011/NĐ-CP" in captions, captions
            assert not any("{" in c or "source" in c for c in captions), captions  # no evidence JSON
            # and the answer is there: 42/2022/NĐ-CP replaced 43/2011/NĐ-CP
            page.click('[data-testid="cypherFrameSidebarTable"] >> nth=0')
            table = page.locator('[data-testid="frameContents"]').first.inner_text()
            assert "42/2022/NĐ-CP" in table and "43/2011/NĐ-CP" in table
        finally:
            browser.close()


@pytest.fixture(scope="module")
def gazette_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    from graph.stores.memory import MemoryStore

    store = tmp_path_factory.mktemp("page") / "g.lexgraph"
    MemoryStore(store).upsert(extract_paths([SEEDS, GAZETTE]))
    with running_service(str(store)) as service:
        yield service


@contextmanager
def offline_page(width: int = 1300, height: int = 860) -> Iterator[tuple[Any, list[str], list[str]]]:
    """A page in headless Chromium with the network cut: any request that leaves 127.0.0.1 is aborted and
    recorded; so are the page's script errors."""
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    assert Path(CHROMIUM).exists(), "Chromium is needed: apt-get install chromium (scripts/test.sh does it)"
    outside: list[str] = []
    errors: list[str] = []

    def guard(route: Any) -> None:
        host = route.request.url.split("/")[2].split(":")[0]
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
            context.route("**/*", guard)
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            yield page, outside, errors
        finally:
            browser.close()


def _shot(page: Any, name: str, full: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_IMG / name), full_page=full)


@pytest.mark.browser
def test_search_document_graph_evidence(gazette_service: Service) -> None:
    """A person's way through the page, offline: search by a number written loosely, open the document, read
    its status and its relations laid out as the Lược đồ, open a sentence of evidence, draw the graph, open a
    node's page; then the same in English."""
    base = gazette_service.url
    with offline_page() as (page, outside, errors):
        page.goto(base + "/", wait_until="networkidle")
        _wait_until(page, "() => document.body.dataset.ready === '1'", 20)
        assert page.inner_text("h1") == "Tra cứu văn bản pháp luật" and page.locator(".message").count() == 0
        page.fill("#q", "nghi dinh 43/2011")  # no diacritics, no code
        page.press("#q", "Enter")
        page.wait_for_selector("ol.results li")
        first = page.locator("ol.results li").first
        assert "Nghị định 43/2011/NĐ-CP" in first.inner_text() and "bị thay thế" in first.inner_text()
        page.fill("#q", "thong tin")  # words of titles, without diacritics
        page.press("#q", "Enter")
        _wait_until(page, "() => document.querySelectorAll('ol.results li').length >= 5", 10)
        assert page.locator("ol.results .badge").count() >= 5  # each with its status
        page.wait_for_timeout(300)
        _shot(page, "page-search.png")
        page.goto(base + "/#/?q=" + quote("43/2011/nd-cp"))
        page.wait_for_selector("ol.results li a.number")
        page.click("ol.results li a.number >> nth=0")

        # the document's page
        page.wait_for_selector("#schema")
        assert page.inner_text("h1") == "Nghị định 43/2011/NĐ-CP"
        assert "Hết hiệu lực — bị thay thế" in page.inner_text(".facts")
        assert "Bị thay thế bởi 42/2022/NĐ-CP" in page.inner_text("#reasons")
        assert "42/2022/NĐ-CP" in page.inner_text("#chain")
        acted_on = page.locator("#acted-on")
        assert acted_on.locator("h3[data-relation=REPLACES]").inner_text() == "Văn bản thay thế (1)"
        entry = acted_on.locator("li").first
        assert "Nghị định 42/2022/NĐ-CP" in entry.inner_text()
        entry.locator("summary").click()  # the evidence, one click away
        assert "đã được thay thế bằng Nghị định số 42/2022/NĐ-CP" in entry.locator("blockquote").first.inner_text()
        assert entry.locator("summary").inner_text().endswith("…”")  # its preview ends at a word
        # the status on a chosen day, with the reasons
        page.fill("#at", "2015-01-01")
        page.click(".status-box button[type=submit]")
        _wait_until(page, "() => location.hash.includes('at=2015-01-01') && !!document.getElementById('reasons')", 10)
        page.wait_for_selector("#reasons")
        assert "Còn hiệu lực" in page.inner_text(".status-box h2") and "01/01/2015" in page.inner_text(".status-box h2")
        page.goto(base + "/#/document/" + quote("Luật Thống kê 2015"))
        page.wait_for_selector("#acted-on h3[data-relation=AMENDS]")
        assert page.inner_text("h1") == "Luật Thống kê 89/2015/QH13"
        assert "Văn bản sửa đổi, bổ sung (2)" in page.inner_text("#acted-on")
        page.locator("#acted-on details.evidence").first.locator("summary").click()
        page.wait_for_timeout(200)
        _shot(page, "page-document.png", full=True)

        # the graph: depth 1, acting relations drawn, citations folded into counts, Vietnamese labels
        page.goto(base + "/#/graph/" + quote("139/2026/NĐ-CP"))
        _wait_until(page, "() => !!window.cy && window.cy.nodes().length >= 3", 20)
        labels = page.evaluate("window.cy.nodes().map(n => n.data('label'))")
        # what it replaced, its issuer, and the ministry its preamble says proposed it ('Theo đề nghị của Bộ trưởng Bộ
        # Tài chính'); no basis or citation until unfolded
        assert set(labels) == {"139/2026/NĐ-CP", "60/2018/NĐ-CP", "Chính phủ", "Bộ Tài chính"} and len(labels) == 4
        assert "thay thế" in page.evaluate("window.cy.edges().map(e => e.data('label'))")
        notice = page.inner_text("#notice")
        assert "văn bản căn cứ" in notice and "văn bản dẫn chiếu" in notice and page.inner_text("#cut") == ""
        assert page.input_value("#depth") == "1"
        page.wait_for_timeout(300)
        _shot(page, "page-graph.png")
        page.click("#unfold")  # the legal bases and citations, once asked for
        _wait_until(page, "() => !!window.cy && window.cy.nodes().length > 10", 10)
        # an edge's sentence, then a node opens its page
        page.evaluate("window.cy.edges().filter(e => e.data('type') === 'REPLACES')[0].emit('tap')")
        assert "thay thế" in page.inner_text("#edge-info")
        page.evaluate("window.cy.getElementById('60/2018/ND-CP').emit('tap')")
        page.wait_for_selector("#schema")
        assert page.inner_text("h1") == "Nghị định 60/2018/NĐ-CP"

        # English
        page.click("#lang")
        page.wait_for_selector("#acted-on")
        assert page.inner_text("#acted-on h2") == "What acts on this text"
        assert "Texts replacing it (1)" in page.inner_text("#acted-on") and "No longer in force" in page.inner_text(".facts")
        assert page.evaluate("document.documentElement.lang") == "en"
        page.click("#lang")
        assert not outside and not errors, (outside, errors)


@pytest.mark.browser
def test_graph_notices_agencies_and_errors(gazette_service: Service) -> None:
    base = gazette_service.url
    with offline_page() as (page, outside, errors):
        # a limit that cuts the drawing says so
        page.goto(base + "/#/graph/" + quote("139/2026/NĐ-CP") + "?limit=4")
        _wait_until(page, "() => !!window.cy && window.cy.nodes().length >= 2", 20)
        assert "dừng ở 4 nút" in page.inner_text("#cut")
        # a body is drawn with its documents, and its node opens nothing but its own drawing
        page.goto(base + "/#/graph?agency=" + quote("Bộ TT&TT"))
        _wait_until(page, "() => !!window.cy && window.cy.nodes().length >= 6", 20)
        assert "Bộ Thông tin và Truyền thông" in page.evaluate("window.cy.nodes().map(n => n.data('label'))")
        # /graph/view?ref=… still draws (the README's picture)
        page.goto(base + "/graph/view?ref=42/2022/NĐ-CP", wait_until="networkidle")
        _wait_until(page, "() => !!window.cy && window.cy.nodes().length >= 3", 20)
        assert {"42/2022/NĐ-CP", "43/2011/NĐ-CP", "Chính phủ"} <= set(page.evaluate("window.cy.nodes().map(n => n.data('label'))"))
        page.wait_for_timeout(300)
        _shot(page, "graph-view.png")
        # an unknown number is one message, in the page's language, with the close matches as links
        page.goto(base + "/graph/view?ref=43/2012/NĐ-CP", wait_until="networkidle")
        page.wait_for_selector(".message")
        assert page.locator(".message").count() == 1
        text = page.inner_text(".message")
        assert text.startswith("Không tìm thấy văn bản “43/2012/NĐ-CP”.") and "43/2011/NĐ-CP" in text
        assert "No document" not in text and text.count("43/2011/NĐ-CP") == 1
        page.click(".message a >> text=43/2011/NĐ-CP")
        page.wait_for_selector("#schema")
        page.click("#lang")
        page.goto(base + "/#/graph/" + quote("43/2012/NĐ-CP"))
        page.wait_for_selector(".message")
        assert page.inner_text(".message").startswith("No document “43/2012/NĐ-CP”.")
        page.click("#lang")
        assert not outside and not errors, (outside, errors)


@pytest.mark.browser
def test_landing_page_on_other_stores(tmp_path: Path) -> None:
    """A store without the seed documents opens on the search, not on an error; an empty one says to build."""
    from graph.stores.memory import MemoryStore

    store = tmp_path / "gazette.lexgraph"
    MemoryStore(store).upsert(extract_paths([GAZETTE]))
    with running_service(str(store)) as service, offline_page() as (page, outside, errors):
        page.goto(service.url + "/", wait_until="networkidle")
        _wait_until(page, "() => document.body.dataset.ready === '1'", 20)
        assert page.locator("#q").is_visible() and page.locator(".message").count() == 0
        assert page.locator("#banner").is_hidden()
        assert not outside and not errors
    with running_service(str(tmp_path / "never-built.lexgraph")) as service, offline_page() as (page, outside, errors):
        page.goto(service.url + "/", wait_until="networkidle")
        _wait_until(page, "() => document.body.dataset.ready === '1'", 20)
        assert page.locator("#q").is_visible()
        assert "hãy chạy lexgraph build trước" in page.inner_text("#banner")
        assert not errors


@pytest.mark.browser
def test_api_docs_render_offline(gazette_service: Service) -> None:
    """/docs (Swagger UI) and /redoc with every request outside the machine refused: they draw the operations."""
    base = gazette_service.url
    with offline_page() as (page, outside, errors):
        page.goto(base + "/docs", wait_until="networkidle")
        page.wait_for_selector(".opblock", timeout=20_000)
        assert page.locator(".opblock").count() >= 15
        assert "/documents/{ref}" in page.inner_text("#swagger-ui")
        page.goto(base + "/redoc", wait_until="networkidle")
        page.wait_for_selector("h2:has-text('List and search documents')", timeout=20_000)
        assert not outside and not errors, (outside, errors)


@pytest.fixture(scope="module")
def parts_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    from graph.stores.memory import MemoryStore

    from .parts_graph import parts_graph

    store = tmp_path_factory.mktemp("parts-page") / "g.lexgraph"
    MemoryStore(store).upsert(parts_graph())
    with running_service(str(store)) as service:
        yield service


@pytest.mark.browser
def test_a_document_part_by_part(parts_service: Service) -> None:
    """Issue 25 §4: a document's page shows its parts as a tree, each with its status badge on the chosen day, the
    effects on a part with their sentence one click away, the table of effects; partly in force said so."""
    from .parts_graph import S_REPEAL_2

    base = parts_service.url
    with offline_page() as (page, outside, errors):
        page.goto(base + "/#/document/" + quote("145/2020/NĐ-CP") + "?at=2023-08-01", wait_until="networkidle")
        page.wait_for_selector("#parts li.part")
        assert "Hết hiệu lực một phần" in page.inner_text("#doc-state")
        assert "khoản 2 Điều 8 (Bị bãi bỏ" in page.inner_text("#ended-parts").replace("Hết hiệu lực — bị bãi bỏ", "Bị bãi bỏ")
        k2 = page.locator('li.part[data-part="dieu_8/khoan_2"]')
        assert k2.get_attribute("data-state") == "repealed" and "01/07/2023" in k2.locator("summary").first.inner_text()
        assert page.locator('li.part[data-part="dieu_8/khoan_1"]').get_attribute("data-state") == "amended"
        assert page.locator('li.part[data-part="dieu_1"]').get_attribute("data-state") == "in_force"
        quote_box = k2.locator("ul.part-effects details.evidence").first
        assert not quote_box.locator("blockquote").is_visible()
        quote_box.locator("summary").click()  # the sentence, one click away
        assert quote_box.locator("blockquote").inner_text().startswith(S_REPEAL_2)
        rows = page.locator("#effects table.effects tbody tr")
        assert rows.count() == 4 and rows.nth(2).get_attribute("data-kind") == "repealed"
        assert "khoản 2 Điều 8" in rows.nth(2).inner_text() and "999/2023/NĐ-CP (Điều 2)" in rows.nth(2).inner_text()
        page.wait_for_timeout(200)
        _shot(page, "page-parts.png", full=True)
        # another day: before the repeal took hold, the khoản is in force and the text only amended
        page.fill("#at", "2023-05-01")
        page.click(".status-box button[type=submit]")
        _wait_until(page, "() => location.hash.includes('at=2023-05-01') && !!document.querySelector('#parts li.part')", 10)
        page.wait_for_selector("#parts li.part")
        assert page.locator('li.part[data-part="dieu_8/khoan_2"]').get_attribute("data-state") == "in_force"
        assert "Hết hiệu lực một phần" not in page.inner_text("#doc-state")
        # a text not read in full: said so, with the parts other texts act on
        page.goto(base + "/#/document/" + quote("996/2018/NĐ-CP"))
        page.wait_for_selector("#parts li.part")
        assert "chưa được đọc toàn văn" in page.inner_text("#parts")
        assert page.locator('li.part[data-part="dieu_5/khoan_1"]').get_attribute("data-state") == "amended"
        page.click("#lang")
        page.wait_for_selector("#parts li.part")
        assert page.inner_text("#effects-h") == "Table of effects" and "amended" in page.inner_text("#effects")
        page.click("#lang")
        assert not outside and not errors, (outside, errors)
