"""Errors as RFC 9457 problem details (`application/problem+json`), and the request size limits.

Every error a client can cause gets a 4xx with a message a person can act on; an unreachable store is a
503; nothing ever shows a stack trace. Inputs are never echoed in full (a 10 MB query string stays out of
the answer and the log).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.messages import clip, empty_store
from graph.errors import (
    AmbiguousReference,
    InputError,
    NoSuchPart,
    NotAPart,
    NotFound,
    NumberError,
    StoreError,
    StoreFull,
    StoreUnavailable,
)
from graph.sparql import SparqlError, SparqlTimeout

from .offload import Busy, ExportFailed

log = logging.getLogger("lexgraph.api")
MEDIA = "application/problem+json"


def problem(status: int, title: str, detail: str, headers: dict[str, str] | None = None, **ext: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **ext}
    return JSONResponse(body, status_code=status, media_type=MEDIA, headers=headers)


def _short(v: object, n: int = 120) -> str:
    return clip(str(v), n)


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 401: "Unauthorized",
                  403: "Forbidden", 413: "Request too large", 414: "Query too long", 415: "Unsupported media type",
                  422: "Invalid request", 503: "Unavailable"}
        detail = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and detail == "Not Found":
            detail = "No such endpoint; see / for the page that looks things up, and /docs for the API."
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:  # every method the path answers, not only the first route's
            allowed: set[str] = set()
            for route in _all_routes(app.routes):
                if route.path_regex.match(request.url.path):
                    allowed |= route.methods or set()
            if allowed:
                headers["Allow"] = ", ".join(sorted(allowed))
                detail = f"This endpoint answers {headers['Allow']}."
        return problem(exc.status_code, titles.get(exc.status_code, "Error"), detail, headers=headers or None)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": _short(e.get("msg", ""))}
                  for e in exc.errors()[:20]]
        detail = "; ".join(f"{e['where']}: {e['problem']}" for e in errors) or "invalid request"
        return problem(422, "Invalid request", _short(detail, 500), errors=errors)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        detail = _short(str(exc), 300)
        if not exc.suggestions and _empty(request):
            return problem(404, "Not found", detail + " " + empty_store(request.app.state.settings.store),
                           suggestions=[], empty_store=True)
        return problem(404, "Not found", detail, suggestions=exc.suggestions)

    @app.exception_handler(NoSuchPart)
    async def no_such_part(_: Request, exc: NoSuchPart) -> JSONResponse:
        return problem(404, "No such part", _short(str(exc), 300), document=exc.document, articles=exc.articles)

    @app.exception_handler(NotAPart)
    async def not_a_part(_: Request, exc: NotAPart) -> JSONResponse:
        return problem(422, "Not a part", _short(str(exc), 300))

    @app.exception_handler(AmbiguousReference)
    async def ambiguous(_: Request, exc: AmbiguousReference) -> JSONResponse:
        return problem(409, "Reference names several documents", _short(str(exc), 300), candidates=exc.candidates)

    @app.exception_handler(NumberError)
    async def bad_number(_: Request, exc: NumberError) -> JSONResponse:
        return problem(422, "Not a document number", _short(str(exc), 300))

    @app.exception_handler(InputError)
    async def bad_input(_: Request, exc: InputError) -> JSONResponse:
        return problem(422, "Unreadable input", _short(str(exc), 300))

    @app.exception_handler(SparqlError)
    async def bad_sparql(_: Request, exc: SparqlError) -> JSONResponse:
        return problem(400, "Query refused", _short(str(exc), 400))

    @app.exception_handler(SparqlTimeout)
    async def slow_sparql(_: Request, exc: SparqlTimeout) -> JSONResponse:
        return problem(408, "Query stopped", str(exc))

    @app.exception_handler(Busy)
    async def busy(_: Request, exc: Busy) -> JSONResponse:
        title = "Too many requests" if exc.status == 429 else "Busy"
        return problem(exc.status, title, str(exc), headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(ExportFailed)
    async def export_failed(_: Request, exc: ExportFailed) -> JSONResponse:
        return problem(503, "Export failed", _short(str(exc), 400), headers={"Retry-After": "30"})

    @app.exception_handler(StoreUnavailable)
    async def unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        log.warning("store unavailable: %s", exc)
        return problem(503, "Store unavailable", str(exc), headers={"Retry-After": "5"})

    @app.exception_handler(StoreFull)
    async def store_full(_: Request, exc: StoreFull) -> JSONResponse:
        log.error("store full: %s", exc)
        return problem(507, "Insufficient storage",
                       "The graph could not be saved: no space is left on the store's disk (or a file size or disk "
                       "quota limit was reached). Nothing was added; the graph served is the one before this request. "
                       "Free space where the store is kept and send it again.")

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return problem(503, "Store error", "The graph store could not answer; try again later.",
                       headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return problem(500, "Internal error", "Something went wrong on our side; it has been logged.")


def _empty(request: Request) -> bool:
    """The store holds no documents: an unknown number then means the graph was never built."""
    try:
        return bool(request.app.state.store.counts()["documents"] == 0)
    except Exception:
        return False


def _all_routes(routes: list[Any]) -> list[APIRoute]:
    """Every APIRoute, also inside included routers (however the FastAPI version wraps them)."""
    out: list[APIRoute] = []
    for r in routes:
        if isinstance(r, APIRoute):
            out.append(r)
        inner = getattr(r, "original_router", None) or getattr(r, "router", None)
        if inner is not None and hasattr(inner, "routes"):
            out.extend(_all_routes(list(inner.routes)))
    return out


class LimitsMiddleware:
    """Refuse over-long paths and query strings (414) and bodies over the limit (413), before any work."""

    def __init__(self, app: ASGIApp, max_body: int, max_query: int) -> None:
        self.app, self.max_body, self.max_query = app, max_body, max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query or len(scope.get("raw_path") or b"") > 4096:
            await problem(414, "Query too long", f"Paths and query strings are limited to {self.max_query} bytes.")(
                scope, receive, send)
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    n = int(v)
                except ValueError:
                    n = -1
                if n < 0 or n > self.max_body:
                    await problem(413, "Request too large", f"Bodies are limited to {self.max_body} bytes.")(
                        scope, receive, send)
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge()
            return msg

        started = False

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited, tracking_send)
        except _TooLarge:
            if not started:
                await problem(413, "Request too large", f"Bodies are limited to {self.max_body} bytes.")(
                    scope, receive, send)


class _TooLarge(Exception):
    pass
