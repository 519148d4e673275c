"""What a new user meets around the answers (issue 26 §1 and §3), short of a browser: the page's API (vocabulary,
search with status, the graph's limits and bodies), the service on an empty store, offline API docs, evidence
previews cut at a word, and the local Neo4j's set-up (password, variables, Maven progress, Browser settings)."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.api.settings import Settings
from app.messages import clip
from graph.pipeline import extract_paths
from graph.stores.memory import MemoryStore

from .conftest import GAZETTE, SEEDS


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = MemoryStore(tmp_path_factory.mktemp("page") / "g.lexgraph")
    store.upsert(extract_paths([SEEDS, GAZETTE]))
    with TestClient(create_app(Settings(api_key=None), store=store)) as c:
        yield c


@pytest.fixture()
def empty(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "never-built.lexgraph"
    with TestClient(create_app(Settings(store=str(path)), store=MemoryStore(path))) as c:
        yield c


def test_the_page_is_at_the_root_and_in_the_graph_view(client: TestClient) -> None:
    for path in ("/", "/graph/view?ref=42/2022/NĐ-CP"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert '<script src="/static/app.js"></script>' in r.text and "cytoscape" in r.text
        # everything from the service itself: no inline script, no other origin
        assert "script-src 'self'" in r.headers["content-security-policy"] and "http" not in r.text
    for asset in ("/static/app.js", "/static/app.css", "/static/vendor/cytoscape.min.js"):
        assert client.get(asset).status_code == 200


def test_relation_headings_are_data(client: TestClient) -> None:
    """The Lược đồ's headings come from ontology/relations.tsv, not from the page's script."""
    v = client.get("/vocabulary").json()
    rels = {r["id"]: r for r in v["relations"]}
    assert rels["REPLACES"]["heading_out_vi"] == "Văn bản bị thay thế" and rels["REPLACES"]["heading_in_vi"] == "Văn bản thay thế"
    assert rels["GUIDES"]["heading_out_vi"] == "Văn bản được hướng dẫn" and rels["GUIDES"]["heading_in_vi"] == "Văn bản hướng dẫn"
    assert rels["AMENDS"]["heading_in_vi"] == "Văn bản sửa đổi, bổ sung"
    assert rels["BASED_ON"]["heading_out_vi"] == "Văn bản căn cứ" and rels["CITES"]["heading_out_vi"] == "Văn bản dẫn chiếu"
    assert not rels["BASED_ON"]["acting"] and not rels["CITES"]["acting"] and rels["REPLACES"]["acting"]
    assert {t["id"] for t in v["document_types"]} >= {"NghiDinh", "Luat"} and v["agency_colour"].startswith("#")
    js = Path(__file__).resolve().parent.parent.joinpath("app", "static", "app.js").read_text(encoding="utf-8")
    assert "Văn bản bị thay thế" not in js and "Văn bản hướng dẫn" not in js


def test_search_gives_each_document_its_status(client: TestClient) -> None:
    r = client.get("/documents", params={"q": "43/2011", "state": "true"}).json()
    hit = next(d for d in r["data"] if d["key"] == "43/2011/ND-CP")
    assert hit["state"] == "replaced" and hit["type"] == "Nghị định" and hit["issuer"]["id"] == "CP"
    assert client.get("/documents", params={"q": "43/2011"}).json()["data"][0]["state"] is None  # only when asked
    # the same status as the document's own page, for every document listed
    page = client.get("/documents", params={"q": "luat", "state": "true", "limit": 30}).json()["data"]
    assert len(page) == 30
    for d in page:
        assert d["state"] == client.get(f"/documents/{d['key']}").json()["status"]["state"], d["key"]


def test_document_relations_name_the_other_document(client: TestClient) -> None:
    d = client.get("/documents/42/2022/NĐ-CP").json()
    rep = next(r for r in d["relations"] if r["type"] == "REPLACES")
    assert rep["other_type"] == "Nghị định" and rep["other_label"] == "43/2011/NĐ-CP"


def test_graph_says_when_the_limit_cuts_and_cuts_citations_first(client: TestClient) -> None:
    full = client.get("/graph", params={"ref": "139/2026/NĐ-CP"}).json()
    assert not full["truncated"] and full["start"] == "139/2026/ND-CP" and len(full["nodes"]) > 10
    cut = client.get("/graph", params={"ref": "139/2026/NĐ-CP", "limit": 4}).json()
    assert cut["truncated"] and len(cut["nodes"]) == 4 and cut["limit"] == 4
    # the acting relation (it replaces 60/2018/NĐ-CP) and the issuer are kept before legal bases and citations
    assert {"REPLACES", "ISSUED_BY"} <= {e["type"] for e in cut["edges"]}
    assert not client.get("/graph", params={"ref": "139/2026/NĐ-CP", "depth": 2}).json()["truncated"]


def test_an_agency_can_be_drawn(client: TestClient) -> None:
    g = client.get("/agencies/Bộ TT&TT/graph").json()
    assert g["start"] == "BTTTT" and g["nodes"][0]["kind"] == "agency" and len(g["nodes"]) >= 6
    assert all(e["type"] == "ISSUED_BY" and e["target"] == "BTTTT" for e in g["edges"])
    assert client.get("/agencies/Bộ Không Có/graph").status_code == 404
    g = client.get("/agencies/CP/graph", params={"limit": 3}).json()
    assert g["truncated"] and len(g["nodes"]) == 3


def test_api_docs_are_served_by_the_service(client: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        html = client.get(path).text
        assert "cdn." not in html and "fonts.googleapis" not in html and "/static-offline-docs/" in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"):
        assert client.get(f"/static-offline-docs/{asset}").status_code == 200


def test_an_empty_store_says_to_build_first(empty: TestClient) -> None:
    r = empty.get("/ready")
    assert r.status_code == 503 and r.json()["empty_store"] and "lexgraph build" in r.json()["detail"]
    r = empty.get("/documents/42/2022/NĐ-CP")
    assert r.status_code == 404 and "lexgraph build" in r.json()["detail"] and r.json()["empty_store"]
    assert empty.get("/").status_code == 200  # the page, which shows the search and says the same
    assert empty.get("/health").status_code == 200


def test_neo4j_browser_guide_and_style(client: TestClient) -> None:
    from app.browser_style import grass

    g = client.get("/neo4j/guide.html")
    assert g.headers["access-control-allow-origin"] == "*"  # Browser fetches it from its own origin
    assert g.text.count("<slide") == 8 and '<pre class="runnable">MATCH (old:Document' in g.text
    s = client.get("/neo4j/lexgraph.grass")
    assert s.text == grass() and 'caption: "{caption}"' in s.text and s.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize(("text", "n", "want"), [
    ("Nghị định số 43/2011/NĐ-CP đã được thay thế bằng Nghị định số 42/2022/NĐ-CP", 40, "Nghị định số 43/2011/NĐ-CP đã được thay…"),
    ("ngắn", 40, "ngắn"),
    ("một  câu\nhai dòng", 40, "một câu hai dòng"),
    ("x" * 50, 10, "x" * 9 + "…"),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", 30, "Căn cứ Luật Tổ chức Chính phủ…"),
])
def test_previews_end_at_a_word(text: str, n: int, want: str) -> None:
    got = clip(text, n)
    assert got == want and len(got) <= n
    if got.endswith("…"):
        assert text.replace("\n", " ").replace("  ", " ").startswith(got[:-1]) or got[:-1].startswith("x")


# ---- the local Neo4j's set-up (no server needed) ------------------------------------------------------------------

@pytest.fixture()
def neo4j_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for var in ("LEXGRAPH_NEO4J_PASSWORD", "LEXGRAPH_NEO4J_PASSWORD_FILE", "LEXGRAPH_NEO4J_HEAP",
                "LEXGRAPH_NEO4J_PAGECACHE", "LEXGRAPH_SERVICE_URL", "LEXGRAPH_PORT"):
        monkeypatch.delenv(var, raising=False)
    home = tmp_path / ".lexgraph" / "neo4j"
    monkeypatch.setenv("LEXGRAPH_NEO4J_HOME", str(home))
    return home


def test_first_start_needs_no_password_variable(neo4j_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import neo4j_server as ns

    cfg = ns.ServerConfig.from_env()
    kept = neo4j_env.parent / "neo4j.password"
    assert kept.read_text(encoding="utf-8").strip() == cfg.password and len(cfg.password) >= 8
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert ns.ServerConfig.from_env().password == cfg.password  # kept, not made again
    monkeypatch.setenv("LEXGRAPH_NEO4J_PASSWORD", "from-the-environment")  # the environment wins
    assert ns.ServerConfig.from_env().password == "from-the-environment"
    monkeypatch.delenv("LEXGRAPH_NEO4J_PASSWORD")
    kept.unlink()
    ns.ServerConfig.from_env(require_password=False)  # stop and status make none
    assert not kept.exists()


def test_heap_page_cache_and_browser_settings(neo4j_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import neo4j_server as ns

    monkeypatch.setenv("LEXGRAPH_NEO4J_HEAP", "1g")
    monkeypatch.setenv("LEXGRAPH_NEO4J_PAGECACHE", "512m")
    monkeypatch.setenv("LEXGRAPH_PORT", "8123")
    cfg = ns.ServerConfig.from_env()
    assert (cfg.heap_size, cfg.pagecache_size) == ("1g", "512m")
    conf = ns._conf_text(cfg)
    assert "server.memory.heap.max_size=1g" in conf and "server.memory.pagecache.size=512m" in conf
    assert ("browser.post_connect_cmd=style http://127.0.0.1:8123/neo4j/lexgraph.grass;"
            "play http://127.0.0.1:8123/neo4j/guide.html") in conf
    assert "browser.remote_content_hostname_whitelist=127.0.0.1," in conf
    monkeypatch.setenv("LEXGRAPH_NEO4J_HEAP", "lots")
    with pytest.raises(ns.Neo4jServerError, match="heap_size"):
        ns.ServerConfig.from_env()


def test_maven_progress_is_told(neo4j_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in `mvn` that prints what Maven prints while it downloads: the fetch tells how far it has got."""
    from app import neo4j_server as ns

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    mvn = bin_dir / "mvn"
    mvn.write_text(f"""#!{sys.executable}
import sys, time
out = next(a.split('=', 1)[1] for a in sys.argv if a.startswith('-DoutputDirectory='))
for i in range(40):
    print(f"[INFO] Downloaded from central: https://repo.example/x{{i}}.jar (512 kB at 1.0 MB/s)", flush=True)
    time.sleep(0.1)
import pathlib
pathlib.Path(out).mkdir(parents=True, exist_ok=True)
(pathlib.Path(out) / "neo4j-kernel-5.26.0.jar").write_bytes(b"jar")
""", encoding="utf-8")
    mvn.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    cfg = ns.ServerConfig.from_env()
    cfg.java_home = Path(sys.prefix)  # only handed to Maven's environment here
    told: list[str] = []
    cfg.home.mkdir(parents=True)
    ns._fetch_jars(cfg, told.append)
    assert told[0].startswith("fetching Neo4j") and "first start only" in told[0]
    assert any("files fetched" in t for t in told[1:-1]), told
    assert told[-1] == "Maven: 40 files fetched, 20.5 MB; done"
    assert (cfg.lib_dir / "neo4j-kernel-5.26.0.jar").exists()


def test_neo4j_help_names_every_variable() -> None:
    import subprocess

    from .conftest import ROOT

    env = {**os.environ, "COLUMNS": "120", "PYTHONPATH": str(ROOT)}
    for args in (["neo4j", "--help"], ["neo4j", "start", "--help"]):
        text = subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, env=env,
                              cwd=ROOT).stdout
        for var in ("LEXGRAPH_NEO4J_PASSWORD", "LEXGRAPH_NEO4J_PASSWORD_FILE", "LEXGRAPH_NEO4J_HOME",
                    "LEXGRAPH_NEO4J_BOLT_PORT", "LEXGRAPH_NEO4J_HTTP_PORT", "LEXGRAPH_NEO4J_HEAP",
                    "LEXGRAPH_NEO4J_PAGECACHE", "LEXGRAPH_JAVA_HOME", "LEXGRAPH_SERVICE_URL"):
            assert var in text, (args, var)
        assert "Java 17 or 21" in text and "Maven" in text and "<home>.password" in text and ".local/share/lexgraph/neo4j" in text
