"""The FastAPI query service: `create_app()` builds the app around a store (the embedded file by default,
Neo4j when LEXGRAPH_STORE is a bolt:// or neo4j:// URI); `lexgraph serve` runs it with uvicorn.

The store is built at start-up and handed to the app (`app.state.store`), so tests can pass their own.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from graph.stores import Store, open_store

from . import problems
from .offload import Exports, Sparql
from .routers import agencies, ask, documents, graph, health, ingest, linked, page, parts
from .schemas import problem_response
from .settings import Settings

STATIC = Path(__file__).resolve().parent.parent / "static"


# every operation can answer with these; all errors are RFC 9457 problem details
ERRORS: dict[int | str, dict[str, object]] = {
    404: problem_response("Not found (unknown document, body or endpoint); close matches in `suggestions`"),
    409: problem_response("The number names several documents; `candidates` lists them"),
    413: problem_response("Request body too large"),
    414: problem_response("Path or query string too long"),
    422: problem_response("Invalid request: the problem says which parameter and why"),
    431: problem_response("Request line and headers too large (LEXGRAPH_MAX_HEADER_BYTES)"),
    503: problem_response("The store cannot be reached (Neo4j down); retry after the Retry-After seconds"),
}


def store_of(settings: Settings) -> Store:
    """The store LEXGRAPH_STORE names (`graph.stores.open_store`), with the Neo4j credentials the settings hold
    (the environment, or a `.env` file)."""
    return open_store(settings.store, user=settings.neo4j_user, password=settings.neo4j_password_value(),
                      database=settings.neo4j_database)


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or Settings()
    owned = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.store is None:
            app.state.store = store_of(settings)
        # exports and SPARQL: made and run off the request path, bounded, in their own threads and processes
        app.state.exports = Exports(settings, app.state.store)
        app.state.sparql = Sparql(settings, app.state.exports)
        # what is loaded now lives as long as the service: out of the collector's way (its full collections
        # would otherwise walk the whole store now and then, a pause in the latency's tail)
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            app.state.sparql.close()
            app.state.exports.close()
            if owned and app.state.store is not None:
                app.state.store.close()

    # FastAPIOffline: FastAPI whose /docs (Swagger UI) and /redoc load their scripts and styles from the service
    # (the package ships them), not from a CDN, so they work on a machine without internet
    app = FastAPIOffline(
        redoc_url=None,  # /redoc: routers/page.py, the same assets, and nothing fetched from another origin
        title="lexgraph",
        version="0.1.0",
        summary="A knowledge graph of Vietnamese legal documents: what replaced, amended, guides or implements what, "
                "with the sentence that says so.",
        lifespan=lifespan,
        responses=ERRORS,
    )
    app.state.settings = settings
    app.state.store = store
    problems.install(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-API-Key"])
    app.add_middleware(problems.LimitsMiddleware, max_body=settings.max_body_bytes, max_query=settings.max_query_bytes)
    for r in (parts.router, documents.router, agencies.router, graph.router, ask.router, ingest.router, linked.router, health.router,
              page.router):
        app.include_router(r)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
