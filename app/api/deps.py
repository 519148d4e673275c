"""What every router needs: the store and settings the app was built with, and the ingest key check (what the
responses show is built in `presenters`)."""

from __future__ import annotations

import datetime as dt
import functools
import hmac
import re
from collections.abc import Awaitable, Callable
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, HTTPException, Request, Response, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, BeforeValidator

from graph.stores.base import Store

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

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(v: object) -> object:
    """A day as ISO 8601 writes it (YYYY-MM-DD), a real calendar date: not a number of seconds since 1970 (which
    pydantic would read '0' as), not '20240105' nor '2024-1-5'."""
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    if isinstance(v, str) and _ISO_DAY.fullmatch(v):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            raise ValueError(f"{v} is not a calendar date (YYYY-MM-DD)") from None
    raise ValueError("a day is written YYYY-MM-DD (ISO 8601)")


Day = Annotated[dt.date, BeforeValidator(_iso_day)]

_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="The key in LEXGRAPH_API_KEY")


def require_api_key(settings: SettingsDep, key: Annotated[str | None, Security(_key_header)] = None) -> None:
    """Only the ingest endpoint writes, and only with the key; compared in constant time, never logged."""
    expected = settings.api_key_value()
    if not expected:
        raise HTTPException(403, "Ingest is off: the service has no API key (set LEXGRAPH_API_KEY).")
    if not key or not hmac.compare_digest(key.encode("utf-8", "surrogatepass"), expected.encode("utf-8")):
        raise HTTPException(401, "A valid X-API-Key header is needed to ingest.", headers={"WWW-Authenticate": "X-API-Key"})
