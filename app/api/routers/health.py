"""/health (the process answers) and /ready (the store answers)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.messages import empty_store

from ..deps import SettingsDep, StoreDep
from ..problems import problem
from ..schemas import Health, problem_response

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, response_model_exclude_none=True, summary="The service process is up")
async def health() -> Health:
    # on the event loop: the answer needs no thread, so it never waits for one
    return Health(status="ok")


@router.get("/ready", response_model=Health, summary="The store answers and holds documents (503 when it does not)",
            responses={503: problem_response("The store cannot be reached, or holds no documents yet (run `lexgraph "
                                             "build` first)")})
def ready(store: StoreDep, settings: SettingsDep) -> Health | JSONResponse:
    store.ping()
    n = store.counts()["documents"]
    if n == 0:
        then = "" if settings.uses_neo4j else " Then start the service again."
        return problem(503, "Not ready", empty_store(settings.store) + then, headers={"Retry-After": "30"},
                       empty_store=True)
    return Health(status="ready", store=type(store).__name__, documents=n)
