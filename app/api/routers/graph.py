"""/graph: a document's neighbourhood as nodes and edges, and a page that draws it (offline)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from app.browser_style import AGENCY_COLOUR, colours

from ..deps import StoreDep
from ..schemas import GraphEdge, GraphNode, GraphOut

router = APIRouter(prefix="/graph", tags=["graph"])
PAGE = Path(__file__).resolve().parent.parent.parent / "static" / "graph.html"


@router.get("", response_model=GraphOut, summary="Documents and bodies around a document, for drawing")
def neighbourhood(
    store: StoreDep,
    ref: Annotated[str, Query(min_length=1, max_length=300, description="A document number in any written form")],
    depth: Annotated[int, Query(ge=0, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000)] = 300,
) -> GraphOut:
    nb = store.neighbourhood(ref, depth=depth, limit=limit)
    nodes = [GraphNode(id=str(n["id"]), kind=n["kind"], label=str(n["label"]), type=n.get("type"),  # type: ignore[arg-type]
                       type_id=n.get("type_id"), date=n.get("date"), title=n.get("title"))  # type: ignore[arg-type]
             for n in nb.nodes]
    nodes.sort(key=lambda n: (n.id != nb.start, n.kind, n.id))
    edges = [GraphEdge(source=str(e["source"]), target=str(e["target"]), type=str(e["type"]),
                       evidence=e.get("evidence")) for e in nb.edges]  # type: ignore[arg-type]
    return GraphOut(nodes=nodes, edges=edges)


@router.get("/view", response_class=HTMLResponse, summary="A page that draws the neighbourhood (Cytoscape.js, offline)")
def view(ref: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
    # the page reads ?ref= itself and fetches /graph; nothing of the request is written into the HTML
    style = {"types": {t: c[0] for t, c in colours().items()}, "agency": AGENCY_COLOUR[0]}
    html = PAGE.read_text(encoding="utf-8").replace("/*STYLE*/{}", json.dumps(style).replace("<", "\\u003c"))
    return HTMLResponse(html, headers={"Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                                       "script-src 'self' 'unsafe-inline'; img-src 'self' data:"})
