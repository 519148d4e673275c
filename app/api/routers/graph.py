"""/graph: a document's (or a body's) neighbourhood as nodes and edges, and the page that draws it (offline)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from graph.model import AGENCY_RELATIONS, Document
from graph.stores.base import Neighbourhood
from graph.vocab import vocabulary

from ..deps import StoreDep
from ..schemas import GraphEdge, GraphNode, GraphOut
from .page import FOLDED, page_response

router = APIRouter(prefix="/graph", tags=["graph"])


@router.get("", response_model=GraphOut, summary="Documents and bodies around a document, for drawing")
def neighbourhood(
    store: StoreDep,
    ref: Annotated[str, Query(min_length=1, max_length=300, description="A document number in any written form")],
    depth: Annotated[int, Query(ge=0, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000)] = 300,
) -> GraphOut:
    # one node more than asked for tells whether the limit cut the drawing; the nodes come nearest first
    nb = _first_level(store, ref, limit + 1) if depth == 1 else store.neighbourhood(ref, depth=depth, limit=limit + 1)
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


def _first_level(store: StoreDep, ref: str, limit: int) -> Neighbourhood:
    """Depth 1, read in one call: the document and the others of its relations, those that act on it or that it
    acts on (and its issuer) before its legal bases and citations, so a limit cuts the citations first."""
    view = store.document_relations(ref)
    d = view.document
    v = vocabulary()
    order = {t: i for i, t in enumerate(v.relation_types)}
    rels = sorted(view.relations, key=lambda r: (r.type in FOLDED, order.get(r.type, len(order))))
    nodes: dict[str, dict[str, object]] = {d.key: _doc_node(d)}
    edges: list[dict[str, object]] = []
    for r in rels:
        if r.other not in nodes:
            if len(nodes) >= limit:
                continue
            if r.type in AGENCY_RELATIONS:
                a = v.agencies.get(r.other)
                nodes[r.other] = {"id": r.other, "kind": "agency", "label": a.name if a else r.other}
            elif r.other in view.others:
                nodes[r.other] = _doc_node(view.others[r.other])
            else:
                continue
        s, t = (d.key, r.other) if r.direction == "out" else (r.other, d.key)
        edges.append({"source": s, "target": t, "type": r.type, "evidence": r.evidence[0].sentence if r.evidence else None})
    return Neighbourhood(list(nodes.values()), edges, d.key)


def _doc_node(d: Document) -> dict[str, object]:
    return {"id": d.key, "kind": "document", "label": d.label, "type": d.type, "type_id": d.type_id,
            "date": d.date.isoformat() if d.date else None, "title": d.title}


def agency_graph(store: StoreDep, agency: str, limit: int) -> GraphOut:
    """A body and the documents it issued (`GET /agencies/{agency}/graph`; at most `limit` nodes)."""
    aid = store.agency_id(agency[:200])
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
