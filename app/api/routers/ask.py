"""/ask: a question in Vietnamese or English, answered from the graph with evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph.ask import Answer, ask

from ..deps import StoreDep
from ..schemas import AgencyRef, AnswerItemOut, AnswerOut, DocumentBrief, EvidenceOut, agency_ref

router = APIRouter(tags=["ask"])


def answer_out(a: Answer) -> AnswerOut:
    ag: AgencyRef | None = agency_ref(a.agency)
    return AnswerOut(
        question=a.question, understood=a.understood, language=a.language, answer=a.text, intent=a.intent,
        subject=DocumentBrief.of(a.subject) if a.subject else None, agency=ag,
        items=[AnswerItemOut(key=i.key, label=i.label, kind=i.kind, relation=i.relation, direction=i.direction,
                             document=DocumentBrief.of(i.document) if i.document else None,
                             evidence=[EvidenceOut.of(e) for e in i.evidence]) for i in a.items],
        candidates=a.candidates, examples=a.examples, evidence=[EvidenceOut.of(e) for e in a.evidence])


@router.get("/ask", response_model=AnswerOut, summary="Ask the graph a question (Vietnamese or English)")
def ask_endpoint(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="'Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?'",
                            examples=["Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?", "what replaced decree 43/2011?"])],
) -> AnswerOut:
    return answer_out(ask(store, q))
