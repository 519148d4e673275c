"""/ingest: texts or files in, extracted and merged into the store; idempotent; needs the API key."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from graph.incremental import build_into, source_key
from graph.pipeline import extract_bytes, extract_text
from graph.resolve import SourceResult

from ..deps import StoreDep, require_api_key
from ..schemas import IngestOut, IngestSource, IngestText, problem_response
from ..writes import write_queue

router = APIRouter(tags=["ingest"])
MAX_FILES = 50

_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": IngestText.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
        },
    }
}


@router.post("/ingest", response_model=IngestOut, dependencies=[Depends(require_api_key)], openapi_extra=_BODY,
             summary="Add texts (JSON {text, name}, text/plain, or uploaded files) to the graph",
             responses={400: problem_response("Unreadable multipart body"), 401: problem_response("No or wrong X-API-Key"), 403: problem_response("Ingest is off"),
                        415: problem_response("Unsupported content type"),
                        503: problem_response("Store unreachable, or LEXGRAPH_INGEST_QUEUE ingests already wait to write; retry after Retry-After"),
                        507: problem_response("No space left to save the store: nothing was added")})
async def ingest(request: Request, store: StoreDep) -> IngestOut:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    results: list[SourceResult] = []
    keys: list[str] = []  # the name each text is kept under (graph.incremental): its name, else its content
    if ctype == "application/json":
        raw = await request.body()
        try:
            body = IngestText.model_validate_json(raw)
        except ValidationError as e:
            msg = "; ".join(f"{'.'.join(str(p) for p in x['loc']) or 'body'}: {x['msg']}" for x in e.errors()[:5])
            raise HTTPException(422, f"Invalid JSON body: {msg[:300]}") from None
        results.append(await run_in_threadpool(extract_text, body.text, body.name or "ingest.txt"))
        keys.append(source_key(results[-1], None if body.name else body.text))
    elif ctype == "text/plain":
        raw = await request.body()
        results.append(await run_in_threadpool(extract_bytes, raw, "ingest.txt"))
        keys.append(source_key(results[-1], raw))
    elif ctype == "multipart/form-data":
        form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
        files = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
        if not files:
            raise HTTPException(422, "No file in the form: send files as 'files' fields.")
        for f in files:
            data = await f.read()
            results.append(await run_in_threadpool(extract_bytes, data, (f.filename or "upload.txt")[:200]))
            keys.append(source_key(results[-1], None if f.filename else data))
    else:
        raise HTTPException(415, "Send application/json {\"text\": …}, text/plain, or multipart/form-data files.")
    async with write_queue(request).turn():  # one write at a time, in order; waiting holds no thread
        return await run_in_threadpool(_merge, store, results, keys)


def _merge(store: Any, results: list[SourceResult], keys: list[str] | None = None) -> IngestOut:
    if results and all(r.error for r in results):
        raise HTTPException(422, "Nothing could be read: " + "; ".join(f"{r.path}: {r.error}" for r in results)[:500])
    # the graph of every text the store keeps and these, resolved together (whatever the order texts come in)
    built = build_into(store, results, keys)
    stats = built.stats
    return IngestOut(
        sources=[IngestSource(name=s.path, document=s.document, error=s.error) for s in built.sources],
        documents=built.named, relations=built.stated,
        added={"documents": stats.documents, "relations": stats.relations, "agencies": stats.agencies},
    )
