"""/export (the graph as RDF, GraphML or neo4j-admin CSV) and /sparql (read-only, row and time limits)."""

from __future__ import annotations

import threading
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from graph.export import FORMATS, export
from graph.sparql import SparqlEngine
from graph.stores.base import Store

from ..deps import SettingsDep, StoreDep
from ..schemas import problem_response
from ..settings import Settings

router = APIRouter(tags=["linked data"])
_engine_lock = threading.Lock()


@router.get("/export", summary="The whole graph: Turtle, JSON-LD, N-Triples (ELI-aligned RDF), GraphML, or CSV (zip)",
            response_class=Response,
            responses={200: {"content": {m: {} for m in FORMATS.values()}, "description": "The export"}})
def export_graph(store: StoreDep, settings: SettingsDep,
                 format: Annotated[Literal["ttl", "jsonld", "nt", "graphml", "csv"], Query()] = "ttl") -> Response:
    data = export(store.to_graph(), format, settings.base_iri)
    ext = {"csv": "zip"}.get(format, format)
    return Response(data, media_type=FORMATS[format],
                    headers={"Content-Disposition": f'attachment; filename="lexgraph.{ext}"'})


def _engine(request: Request, store: Store, settings: Settings) -> SparqlEngine:
    """The app's SPARQL worker, (re)loaded when the store has changed since it was last loaded."""
    with _engine_lock:
        engine: SparqlEngine | None = getattr(request.app.state, "sparql", None)
        if engine is None:
            engine = SparqlEngine(settings.sparql_row_limit, settings.sparql_time_limit)
            request.app.state.sparql = engine
        revision = store.revision()
        if engine.revision != revision:
            engine.load(export(store.to_graph(), "nt", settings.base_iri), revision)
        return engine


async def _run(request: Request, store: Store, settings: Settings, query: str | None) -> Response:
    if not query:
        raise HTTPException(422, "Give a query: ?query=SELECT … , a form field 'query', or an application/sparql-query body.")
    engine = await run_in_threadpool(_engine, request, store, settings)
    res = await run_in_threadpool(engine.query, query)
    headers = {"X-Lexgraph-Truncated": "true"} if res.truncated else {}
    return Response(res.body, media_type=res.media_type, headers=headers)


_SPARQL_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {"application/sparql-results+json": {}, "text/turtle": {}},
          "description": "SELECT/ASK as SPARQL JSON results, CONSTRUCT/DESCRIBE as Turtle; at most the row limit "
                         "(X-Lexgraph-Truncated: true when cut)"},
    400: problem_response("Not a read-only SPARQL query (updates, SERVICE and FROM are refused)"),
    408: problem_response("The query ran past the time limit and was stopped"),
    415: problem_response("POST bodies are application/sparql-query or a form"),
}


@router.get("/sparql", summary="SPARQL over the graph (read-only), the query in `?query=`", response_class=Response,
            responses=_SPARQL_RESPONSES, operation_id="sparql_get")
@router.post(
    "/sparql", summary="SPARQL over the graph (read-only), the query in the body or a form", response_class=Response,
    responses=_SPARQL_RESPONSES, operation_id="sparql_post",
    openapi_extra={"requestBody": {"required": False, "content": {
        "application/sparql-query": {"schema": {"type": "string", "minLength": 1}},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "required": ["query"], "properties": {
            "query": {"type": "string", "minLength": 1}}}}}}})
async def sparql(request: Request, store: StoreDep, settings: SettingsDep,
                 query: Annotated[str | None, Query(max_length=2000, description="GET: the query (longer ones by POST)")]
                 = None) -> Response:
    """GET with `?query=`; POST with the query as an application/sparql-query body or a form field `query`."""
    if request.method == "POST" and query is None:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            raw = await request.body()
            try:
                query = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPException(400, "The query is not UTF-8 text.") from None
        elif ctype == "application/x-www-form-urlencoded":
            form = await request.form()
            q = form.get("query")
            query = q if isinstance(q, str) else None
        else:
            raise HTTPException(415, "POST the query as application/sparql-query or as a form field 'query'.")
    return await _run(request, store, settings, query)
