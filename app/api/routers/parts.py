"""/documents/{ref}/parts and /effects: a document part by part (issue 25 §4). Each endpoint reads the store twice
at most: the document with what acts on it (`Store.document_relations`), then its parts (`Store.parts`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from graph.provisions import PartsView

from ..deps import Day, StoreDep, json_response, store_call
from ..presenters import effects_table_out, part_detail_out, parts_out
from ..schemas import EffectOut, Page, PartDetailOut, PartsOut, problem_response

router = APIRouter(prefix="/documents", tags=["parts"])

AT = Query(description="Each part's status on this day (YYYY-MM-DD); default today")
PART = ("The part as people write it: 'Điều 8 khoản 2', 'khoản 2 Điều 8', 'điểm a khoản 2 Điều 8', 'd8k2', 'd8k2a', "
        "'Phụ lục II', 'Chương III', 'article 8', 'clause 2 of article 8', or its id 'dieu_8/khoan_2'")
NOT_FOUND = problem_response("No such document (close matches in `suggestions`), or the document, read in full, has "
                             "no such part (`articles` gives its range)")


@router.get("/{ref:path}/parts/{part:path}", response_model=PartDetailOut,
            summary="One part: its span, the effects on it with evidence, its status on a day",
            responses={404: NOT_FOUND, 409: problem_response("The number names several documents"),
                       422: problem_response("The part is not written as a part")})
@store_call
def part_of(ref: str, part: Annotated[str, Path(description=PART, max_length=200)], store: StoreDep,
            at: Annotated[Day | None, AT] = None) -> Response:
    return json_response(part_detail_out(PartsView.read(store, ref, at), part))


@router.get("/{ref:path}/parts", response_model=PartsOut,
            summary="The tree of a document's parts, each with its status on a day",
            responses={404: NOT_FOUND, 409: problem_response("The number names several documents")})
@store_call
def parts_of(ref: str, store: StoreDep, at: Annotated[Day | None, AT] = None) -> Response:
    return json_response(parts_out(PartsView.read(store, ref, at)))


@router.get("/{ref:path}/effects", response_model=Page[EffectOut],
            summary="A table of effects: the part affected, the effect, by which text and part, since when, evidence",
            responses={404: NOT_FOUND, 409: problem_response("The number names several documents")})
@store_call
def effects_of(ref: str, store: StoreDep,
               direction: Annotated[Literal["in", "out"], Query(
                   description="in: the effects of other texts on this one; out: this text's effects on others")] = "in",
               ) -> Response:
    rows = effects_table_out(store.document_relations(ref, None, direction))
    return json_response(Page[EffectOut](data=rows, count=len(rows)))
