"""/documents: list and search, one document with its status and relations, its status on a day, replacement chains."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from graph.errors import NotFound
from graph.model import RelationType
from graph.status import ACTING, STATUS_TYPES, changes, events, status_on

from ..deps import Day, StoreDep, json_response, store_call
from ..presenters import chain_out, document_out, events_out, relations_out
from ..schemas import (
    ChainOut,
    DocumentBrief,
    DocumentFound,
    DocumentOut,
    EventOut,
    Page,
    RelationOut,
    StatusAtOut,
    problem_response,
)

router = APIRouter(prefix="/documents", tags=["documents"])

REF_DOC = ("Any written form of a number: 'Nghị định 42/2022/NĐ-CP', '42/2022/nd-cp', URL-encoded or plain "
           "slashes, or the slashes as '-' or '_' ('42-2022-ND-CP'); 'Nghị định 43/2011' without the code; a number "
           "without a year takes one: '749/QĐ-TTg 2020'.")


@router.get("", response_model=Page[DocumentFound], summary="List and search documents")
def list_documents(
    store: StoreDep,
    type: Annotated[str | None, Query(max_length=60, description="Type name or id: 'Nghị định', 'NghiDinh'")] = None,
    issuer: Annotated[str | None, Query(max_length=200, description="Body id, code or name: 'BTTTT', 'Bộ TT&TT'")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    q: Annotated[str | None, Query(max_length=300, description="Words of the number or title, with or without diacritics")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    state: Annotated[bool, Query(description="Give each document's status today (two more reads for the page: "
                                             "what acts on its documents, and those texts' dates)")] = False,
) -> Page[DocumentFound]:
    issuer_id = store.agency_id(issuer) if issuer else None
    docs, n = store.documents(type=type, issuer=issuer_id, year=year, q=q, limit=limit, offset=offset)
    found = [DocumentFound(**dict(DocumentBrief.of(d))) for d in docs]
    if state and docs:
        acting = store.relations_of([d.key for d in docs], ACTING, "in")
        others = store.briefs(sorted({r.other for rels in acting.values() for r in rels}))
        for d, f in zip(docs, found, strict=True):
            f.state = status_on(d, changes(acting.get(d.key, []), others)).state
    return Page[DocumentFound](data=found, count=n)


@router.get("/{ref:path}/replaced-by", response_model=ChainOut, summary="What replaced a document: the chain to the one in force")
@store_call
def replaced_by(ref: str, store: StoreDep,
                at: Annotated[Day | None, Query(description="The chain as it stood on this day (YYYY-MM-DD)")] = None
                ) -> Response:
    return json_response(chain_out(*store.document_chain(ref, "in"), "replaced_by", at))


@router.get("/{ref:path}/timeline", response_model=Page[EventOut],
            summary="Issue, effect, each amendment, replacement or repeal, in date order, with evidence")
@store_call
def timeline_of(ref: str, store: StoreDep) -> Response:
    view = store.document_relations(ref, STATUS_TYPES, "in")
    data = events_out(events(view.document, changes(view.relations, view.others)))
    return json_response(Page[EventOut](data=data, count=len(data)))


@router.get("/{ref:path}/status", response_model=StatusAtOut,
            summary="In force on a day (default today): the state, since when and why, with the sentences")
@store_call
def status_of(ref: str, store: StoreDep,
              at: Annotated[Day | None, Query(description="The status on this day (YYYY-MM-DD); default today")] = None
              ) -> Response:
    view = store.document_relations(ref, STATUS_TYPES, "in")
    return json_response(StatusAtOut.of(status_on(view.document, changes(view.relations, view.others), at)))


@router.get("/{ref:path}/replaces", response_model=ChainOut, summary="What a document replaced, and what that replaced")
@store_call
def replaces(ref: str, store: StoreDep) -> Response:
    return json_response(chain_out(*store.document_chain(ref, "out"), "replaces"))


@router.get("/{ref:path}/relations", response_model=Page[RelationOut], summary="Relations of a document, with evidence")
@store_call
def relations(
    ref: str, store: StoreDep,
    type: Annotated[RelationType | None, Query(description="One relation type (ontology/relations.tsv)")] = None,
    direction: Annotated[Literal["out", "in", "both"], Query()] = "both",
) -> Response:
    view = store.document_relations(ref, None if type is None else (type,), direction)
    rels = relations_out(view.relations, view.others)
    return json_response(Page[RelationOut](data=rels, count=len(rels)))


@router.get("/{ref:path}", response_model=DocumentOut, summary="One document: issuer, date, title, status, relations",
            responses={404: problem_response("Unknown; close matches in `suggestions`"),
                       409: problem_response("The number names several documents; `candidates` lists them")})
@store_call
def get_document(ref: str, store: StoreDep,
                 at: Annotated[Day | None, Query(description="Status on this day (YYYY-MM-DD); default today")] = None
                 ) -> Response:
    if not ref.strip():
        raise NotFound(ref)
    return json_response(document_out(store.document_relations(ref), at=at))
