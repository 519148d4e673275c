"""/ask: a question in Vietnamese or English, answered from the graph with evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph.questions import ask

from ..deps import StoreDep
from ..presenters import answer_out
from ..schemas import AnswerOut

router = APIRouter(tags=["ask"])


@router.get("/ask", response_model=AnswerOut, summary="Ask the graph a question (Vietnamese or English)")
def ask_endpoint(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="'Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?'",
                            examples=["Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?", "what replaced decree 43/2011?"])],
) -> AnswerOut:
    return answer_out(ask(store, q))
