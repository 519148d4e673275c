"""/agencies: the issuing bodies and their documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ..deps import StoreDep
from ..schemas import AgencyOut, DocumentBrief, GraphOut, Page
from .graph import agency_graph

router = APIRouter(prefix="/agencies", tags=["agencies"])


@router.get("", response_model=Page[AgencyOut], summary="Every body in the graph, with its number of documents")
def list_agencies(store: StoreDep) -> Page[AgencyOut]:
    rows = [AgencyOut(id=a.id, name=a.name, name_en=a.name_en, documents=n) for a, n in store.agencies()]
    return Page[AgencyOut](data=rows, count=len(rows))


@router.get("/{agency}/documents", response_model=Page[DocumentBrief], summary="Documents a body issued")
def agency_documents(
    agency: str, store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[DocumentBrief]:
    docs, n = store.issuer_documents(agency[:200], limit=limit, offset=offset)
    return Page[DocumentBrief](data=[DocumentBrief.of(d) for d in docs], count=n)


@router.get("/{agency}/graph", response_model=GraphOut, summary="A body and the documents it issued, for drawing")
def agency_neighbourhood(agency: str, store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 300) -> GraphOut:
    return agency_graph(store, agency, limit)
