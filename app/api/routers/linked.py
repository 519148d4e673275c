"""/export (the graph as RDF, GraphML or neo4j-admin CSV) and /sparql (read-only, row and time limits).

Both run off the request path and are bounded (`app.api.offload`): an export is made once per version of the
graph and streamed from its file; SPARQL queries wait in a bounded queue for a worker process."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any, BinaryIO, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse

from graph.export import FORMATS

from ..offload import Exports, Sparql
from ..schemas import problem_response

router = APIRouter(tags=["linked data"])
CHUNK = 256 * 1024
# reads of export files (from the page cache, mostly): their own two threads, never the lookups' pool
_reader = ThreadPoolExecutor(2, thread_name_prefix="lexgraph-export-read")


def _matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match with the weak comparison (RFC 9110 §13.1.2)."""
    tags = [t.strip() for t in if_none_match.split(",")]
    return "*" in tags or etag.removeprefix("W/") in (t.removeprefix("W/") for t in tags)


async def _chunks(f: BinaryIO) -> AsyncIterator[bytes]:
    loop = asyncio.get_running_loop()
    try:
        while data := await loop.run_in_executor(_reader, f.read, CHUNK):
            yield data
    finally:
        f.close()


@router.get("/export", summary="The whole graph: Turtle, JSON-LD, N-Triples (ELI-aligned RDF), GraphML, or CSV (zip)",
            response_class=Response,
            responses={200: {"content": {m: {} for m in FORMATS.values()}, "description": "The export; its ETag "
                             "names the graph's version (If-None-Match: 304)"},
                       304: {"description": "Not modified: the graph is still at the version If-None-Match names"},
                       503: problem_response("As many exports as allowed are being made, or the store cannot be "
                                             "reached; retry after the Retry-After seconds")})
async def export_graph(request: Request,
                       format: Annotated[Literal["ttl", "jsonld", "nt", "graphml", "csv"], Query()] = "ttl") -> Response:
    exports: Exports = request.app.state.exports
    version = await exports.version()
    etag = exports.etag(version, format)
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and _matches(if_none_match, etag):
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": "no-cache"})
    for _ in range(3):
        path, made = await exports.get(format, version)
        try:
            f = path.open("rb")  # open now: a newer version may replace the file, this download keeps it
        except FileNotFoundError:  # replaced between: the newer one
            version = await exports.version()
            continue
        etag = exports.etag(made, format)
        ext = {"csv": "zip"}.get(format, format)
        headers = {"ETag": etag, "Cache-Control": "no-cache", "Content-Length": str(os.fstat(f.fileno()).st_size),
                   "Content-Disposition": f'attachment; filename="lexgraph.{ext}"'}
        return StreamingResponse(_chunks(f), media_type=FORMATS[format], headers=headers)
    raise HTTPException(503, "The graph changed while it was exported; try again.", headers={"Retry-After": "1"})


_SPARQL_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/sparql-results+json": {}, "text/turtle": {}},
          "description": "SELECT/ASK as SPARQL JSON results, CONSTRUCT/DESCRIBE as Turtle; at most the row limit "
                         "(X-Lexgraph-Truncated: true when cut)"},
    400: problem_response("Not a read-only SPARQL query (updates, SERVICE and FROM are refused)"),
    408: problem_response("The query ran past the time limit and was stopped"),
    415: problem_response("POST bodies are application/sparql-query or a form"),
    429: problem_response("As many queries as allowed are running or waiting; retry after the Retry-After seconds"),
    503: problem_response("The query's time ran out before a worker was free, or while the graph was loaded; "
                          "retry after the Retry-After seconds"),
}


async def _run(request: Request, query: str) -> Response:
    engine: Sparql = request.app.state.sparql
    res = await engine.query(query)
    headers = {"X-Lexgraph-Truncated": "true"} if res.truncated else {}
    return Response(res.body, media_type=res.media_type, headers=headers)


@router.get("/sparql", summary="SPARQL over the graph (read-only), the query in `?query=`", response_class=Response,
            responses=_SPARQL_RESPONSES, operation_id="sparql_get")
async def sparql_get(request: Request,
                     query: Annotated[str, Query(min_length=1, max_length=2000,
                                                 description="The query (longer ones by POST)")]) -> Response:
    """GET with `?query=`."""
    return await _run(request, query)


_FORM = {"type": "object", "required": ["query"], "properties": {"query": {"type": "string", "minLength": 1}}}


@router.post(
    "/sparql", summary="SPARQL over the graph (read-only), the query in the body or a form", response_class=Response,
    responses=_SPARQL_RESPONSES, operation_id="sparql_post",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/sparql-query": {"schema": {"type": "string", "minLength": 1}},
        "application/x-www-form-urlencoded": {"schema": _FORM},
        "multipart/form-data": {"schema": _FORM}}}})
async def sparql_post(request: Request,
                      query: Annotated[str | None, Query(max_length=2000, include_in_schema=False)] = None) -> Response:
    """POST with the query as an application/sparql-query body, or a form field `query` (URL-encoded or
    multipart)."""
    if not query:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            raw = await request.body()
            try:
                query = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPException(400, "The query is not UTF-8 text.") from None
        elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.form(max_files=0, max_fields=20)
            q = form.get("query")
            query = q if isinstance(q, str) else None
        else:
            raise HTTPException(415, "POST the query as application/sparql-query or as a form field 'query'.")
    if not query:
        raise HTTPException(422, "Give a query: an application/sparql-query body, or a form field 'query'.")
    return await _run(request, query)
