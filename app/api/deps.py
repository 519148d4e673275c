"""What every router needs: the store and settings the app was built with, and the ingest key check."""

from __future__ import annotations

import datetime as dt
import functools
import hmac
from collections.abc import Awaitable, Callable
from typing import Annotated, Literal, ParamSpec, TypeVar

from fastapi import Depends, HTTPException, Request, Response, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader
from pydantic import BaseModel

from graph.model import AGENCY_RELATIONS, Document
from graph.status import status_at
from graph.stores.base import RelationView, Store
from graph.vocab import vocabulary

from .schemas import DocumentOut, EffectiveOut, EvidenceOut, RelationOut, Status, StatusAtOut, agency_ref
from .settings import Settings


# async: a plain attribute read, run on the event loop (a sync dependency would cost a thread-pool hop per request)
async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]

P = ParamSpec("P")
R = TypeVar("R")


def store_call(fn: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """A lookup endpoint: on the event loop when the store answers from memory (no thread hop, no GIL
    hand-over between threads under load), in the thread pool when it waits on a network (Neo4j)."""

    @functools.wraps(fn)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        store = kwargs.get("store")
        if isinstance(store, Store) and store.in_memory:
            return fn(*args, **kwargs)
        return await run_in_threadpool(fn, *args, **kwargs)

    return wrapper


def json_response(model: BaseModel) -> Response:
    """The response model, already validated by its construction, serialised once (FastAPI would dump, validate
    and serialise it again); the endpoint still declares `response_model` for the OpenAPI schema."""
    return Response(model.model_dump_json(), media_type="application/json")

SettingsDep = Annotated[Settings, Depends(get_settings)]

_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="The key in LEXGRAPH_API_KEY")


def require_api_key(settings: SettingsDep, key: Annotated[str | None, Security(_key_header)] = None) -> None:
    """Only the ingest endpoint writes, and only with the key; compared in constant time, never logged."""
    expected = settings.api_key_value()
    if not expected:
        raise HTTPException(403, "Ingest is off: the service has no API key (set LEXGRAPH_API_KEY).")
    if not key or not hmac.compare_digest(key.encode("utf-8", "surrogatepass"), expected.encode("utf-8")):
        raise HTTPException(401, "A valid X-API-Key header is needed to ingest.", headers={"WWW-Authenticate": "X-API-Key"})


def relations_out(store: Store, rels: list[RelationView]) -> list[RelationOut]:
    """Relations with the other end's label: the documents read in one call (one round trip on Neo4j)."""
    v = vocabulary()
    docs = store.briefs(sorted({r.other for r in rels if r.type not in AGENCY_RELATIONS}))
    out = []
    for r in rels:
        if r.type in AGENCY_RELATIONS:
            a = v.agencies.get(r.other)
            out.append(RelationOut.of(r, a.name if a else r.other, "agency"))
        else:
            d = docs.get(r.other)
            out.append(RelationOut.of(r, d.label if d else r.other, "document"))
    return out


def document_out(store: Store, d: Document, at: dt.date | None = None) -> DocumentOut:
    rels = store.relations(d.key)
    incoming = [r for r in rels if r.direction == "in"]  # read once, for the status and the status on `at`
    st = store.status(d.key, incoming)
    kind: Literal["replaced", "repealed", "amended", "in_force_as_far_as_known"] = st["state"]  # type: ignore[assignment]
    return DocumentOut(
        key=d.key, number=d.number, name=d.name, type=d.type, type_id=d.type_id, issuer=agency_ref(d.issuer),
        co_issuers=[a for a in (agency_ref(x) for x in d.co_issuers) if a is not None],
        date=d.date, year=d.year, title=d.title,
        status=Status(state=kind, replaced_by=list(st["replaced_by"]), repealed_by=list(st["repealed_by"]),  # type: ignore[call-overload]
                      amended_by=list(st["amended_by"])),  # type: ignore[call-overload]
        relations=relations_out(store, rels),
        evidence=[EvidenceOut.of(e) for e in d.evidence[:5]], mentions=d.mentions,
        effective=d.effective, expires=d.expires,
        effective_statements=[EffectiveOut(date=c.date, part=c.part, rule=c.rule, evidence=EvidenceOut.of(c.evidence))
                              for c in d.effective_claims],
        effective_conflicts=[EffectiveOut(date=c.date, part=c.part, rule=c.rule, evidence=EvidenceOut.of(c.evidence))
                             for c in d.effective_conflicts],
        in_force=StatusAtOut.of(status_at(store, d.key, at, incoming, d)),
    )
