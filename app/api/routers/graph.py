"""/graph: a document's (or a body's) neighbourhood as nodes and edges, and the page that draws it (offline)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse

from ..deps import StoreDep
from ..schemas import GraphEdge, GraphNode, GraphOut
from .page import page_response

router = APIRouter(prefix="/graph", tags=["graph"])


@router.get("", response_model=GraphOut, summary="Documents and bodies around a document or a body, for drawing")
def neighbourhood(
    store: StoreDep,
    ref: Annotated[str | None, Query(min_length=1, max_length=300,
                                     description="A document number in any written form")] = None,
    agency: Annotated[str | None, Query(min_length=1, max_length=200,
                                        description="Or a body (id, code or name: 'BTTTT', 'Bộ TT&TT'): it and the "
                                                    "documents it issued")] = None,
    depth: Annotated[int, Query(ge=0, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000)] = 300,
) -> GraphOut:
    if (ref is None) == (agency is None):
        raise HTTPException(422, "Give either ref (a document) or agency (a body).")
    if agency is not None:
        return _agency(store, agency, limit)
    assert ref is not None
    # one node more than asked for tells whether the limit cut the drawing; the nodes come nearest first
    nb = store.neighbourhood(ref, depth=depth, limit=limit + 1)
    truncated = len(nb.nodes) > limit
    kept = nb.nodes[:limit]
    ids = {str(n["id"]) for n in kept}
    nodes = [GraphNode(id=str(n["id"]), kind=n["kind"], label=str(n["label"]), type=n.get("type"),  # type: ignore[arg-type]
                       type_id=n.get("type_id"), date=n.get("date"), title=n.get("title"))  # type: ignore[arg-type]
             for n in kept]
    nodes.sort(key=lambda n: (n.id != nb.start, n.kind, n.id))
    edges = [GraphEdge(source=str(e["source"]), target=str(e["target"]), type=str(e["type"]),
                       evidence=e.get("evidence"))  # type: ignore[arg-type]
             for e in nb.edges if str(e["source"]) in ids and str(e["target"]) in ids]
    return GraphOut(nodes=nodes, edges=edges, start=nb.start, truncated=truncated, limit=limit)


def _agency(store: StoreDep, agency: str, limit: int) -> GraphOut:
    """A body and the documents it issued (the most recent first, at most `limit` nodes)."""
    from graph.vocab import vocabulary

    aid = store.agency_id(agency)
    a = vocabulary().agencies.get(aid)
    docs, n = store.documents(issuer=aid, limit=max(1, limit - 1))
    docs.sort(key=lambda d: d.date.isoformat() if d.date else str(d.year or ""), reverse=True)
    nodes = [GraphNode(id=aid, kind="agency", label=a.name if a else aid)]
    nodes += [GraphNode(id=d.key, kind="document", label=d.label, type=d.type, type_id=d.type_id,
                        date=d.date.isoformat() if d.date else None, title=d.title) for d in docs]
    edges = [GraphEdge(source=d.key, target=aid, type="ISSUED_BY") for d in docs]
    return GraphOut(nodes=nodes, edges=edges, start=aid, truncated=n > len(docs), limit=limit)


@router.get("/view", response_class=HTMLResponse, summary="The page that draws the neighbourhood (offline)")
def view(ref: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
    # the page (`/`) reads ?ref= itself and fetches /graph; nothing of the request is written into the HTML
    return page_response()
