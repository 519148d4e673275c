"""The page a person uses (`/`: search, a document's page, the graph), the vocabulary it is labelled with, and the
guide and style Neo4j Browser loads after connecting to the local server (`lexgraph neo4j start`)."""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import HTMLResponse, Response

from app.browser_style import AGENCY_COLOUR, colours, grass
from graph.vocab import _rows, vocabulary

from ..schemas import DocumentTypeOut, RelationTypeOut, VocabularyOut

router = APIRouter()
STATIC = Path(__file__).resolve().parent.parent.parent / "static"
# legal bases and citations: folded into counts on the graph until asked for; every other relation is drawn
FOLDED = ("BASED_ON", "CITES")
# the page's own scripts and styles only; cytoscape sets style attributes on what it draws
CSP = ("default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def page_response() -> HTMLResponse:
    """The single page (`app/static/index.html`): it reads the route from the address (`#/document/…`, or
    `/graph/view?ref=…`) and fetches what it shows from the API."""
    return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"),
                        headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"})


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index() -> HTMLResponse:
    return page_response()


@router.get("/redoc", response_class=HTMLResponse, include_in_schema=False)
def redoc() -> HTMLResponse:
    """ReDoc from the assets fastapi-offline ships (`/static-offline-docs`); its policy keeps the page from loading
    anything from elsewhere (ReDoc's footer asks a CDN for a logo: refused here before it leaves the machine)."""
    page = get_redoc_html(openapi_url="/openapi.json", title="lexgraph - ReDoc", with_google_fonts=False,
                          redoc_js_url="/static-offline-docs/redoc.standalone.js",
                          redoc_favicon_url="/static-offline-docs/favicon.png")
    page.headers["Content-Security-Policy"] = "img-src 'self' data:; font-src 'self' data:; connect-src 'self'"
    return page


@cache
def _vocabulary() -> VocabularyOut:
    v = vocabulary()
    rows = {r["id"]: r for r in _rows("relations.tsv")}
    rels = [RelationTypeOut(id=r.id, label_vi=r.label_vi, label_en=r.label_en, inverse_en=r.inverse_en,
                            domain=r.domain, range=r.range, acting=r.id not in FOLDED,
                            heading_out_vi=rows[r.id].get("heading_out_vi", ""),
                            heading_in_vi=rows[r.id].get("heading_in_vi", ""),
                            heading_out_en=rows[r.id].get("heading_out_en", ""),
                            heading_in_en=rows[r.id].get("heading_in_en", ""))
            for r in v.relation_types.values()]
    fills = colours()
    types = [DocumentTypeOut(id=t.id, name=t.name, name_en=t.name_en, colour=fills[t.id][0])
             for t in v.doc_types.values()]
    return VocabularyOut(relations=rels, document_types=types, agency_colour=AGENCY_COLOUR[0])


@router.get("/vocabulary", response_model=VocabularyOut, tags=["vocabulary"],
            summary="Relation types and document types, with their Vietnamese and English labels and colours")
def vocabulary_out() -> Response:
    return Response(_vocabulary().model_dump_json(), media_type="application/json",
                    headers={"Cache-Control": "max-age=300"})


# Neo4j Browser (another origin: the local server's http://127.0.0.1:7474) fetches these after connecting, as the
# server's browser.post_connect_cmd says; both are public and read-only
_CORS = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"}


QUERIES = STATIC.parent / "neo4j_files" / "queries.cypher"


@cache
def guide_html() -> str:
    """The guide Neo4j Browser plays after connecting: what the graph holds, then each ready query of
    app/neo4j_files/queries.cypher as a slide whose query runs on a click."""
    slides = ["""<slide class="row-fluid"><div class="col-sm-12">
<h3>lexgraph: văn bản pháp luật Việt Nam / Vietnamese legal documents</h3>
<p>Each <code>:Document</code> is a legal document, captioned by its number and coloured by its type
(<code>:NghiDinh</code>, <code>:Luat</code> …); each <code>:Agency</code> a body. Relationships are the ontology's:
<code>REPLACES</code>, <code>REPEALS</code>, <code>AMENDS</code>, <code>GUIDES</code>, <code>IMPLEMENTS</code>,
<code>BASED_ON</code>, <code>CITES</code>, <code>ISSUED_BY</code>; each carries the sentence that states it
(<code>r.evidence</code>).</p>
<p>The style is already applied. The next slides are ready queries: click one to put it in the editor, then run it.</p>
</div></slide>"""]
    if QUERIES.is_file():
        comment: list[str] = []
        body: list[str] = []
        for line in [*QUERIES.read_text(encoding="utf-8").splitlines(), ""]:
            if line.startswith("//"):
                comment.append(line[2:].strip())
            elif line.strip():
                body.append(line)
            elif body:  # a blank line ends a query: its title is the comment line just above it
                title = next((c for c in reversed(comment) if c), "")
                slides.append(f'<slide class="row-fluid"><div class="col-sm-12"><h3>{escape(title)}</h3>'
                              f'<pre class="runnable">{escape(chr(10).join(body))}</pre></div></slide>')
                comment, body = [], []
    return "\n".join(slides) + "\n"


@router.get("/neo4j/guide.html", response_class=HTMLResponse, include_in_schema=False)
def neo4j_guide() -> HTMLResponse:
    return HTMLResponse(guide_html(), headers=_CORS)


@router.get("/neo4j/lexgraph.grass", include_in_schema=False)
def neo4j_style() -> Response:
    return Response(grass(), media_type="text/plain; charset=utf-8", headers=_CORS)
