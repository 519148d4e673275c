"""/health (the process answers) and /ready (the store answers)."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import StoreDep
from ..schemas import Health, problem_response

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, response_model_exclude_none=True, summary="The service process is up")
async def health() -> Health:
    # on the event loop: the answer needs no thread, so it never waits for one
    return Health(status="ok")


@router.get("/ready", response_model=Health, summary="The store answers (503 when it does not)",
            responses={503: problem_response("The store cannot be reached")})
def ready(store: StoreDep) -> Health:
    store.ping()
    return Health(status="ready", store=type(store).__name__, documents=store.counts()["documents"])
