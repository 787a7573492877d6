"""The answer chain as a LangChain runnable: retrieve for a reading, compose in its shape, cite and verify."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from bot.answer_shapes import compose_answer
from bot.citations import cite, verify
from bot.contract import Citation, Status
from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY
from bot.prompts import AnswerTexts
from bot.refusal import lacks, refusal
from bot.retrieval import HybridRetriever
from bot.scope import in_scope
from bot.text_match import stem
from bot.understanding import Reading

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChainResult:
    status: Status
    answer: str
    citations: list[Citation]


def build_chain(
    *, kb: Knowledge, retriever: HybridRetriever, texts: AnswerTexts, other_hr_channel: str | None = None
) -> Runnable[dict[str, Any], ChainResult]:
    """{'reading'} in (a message read once by MessageReader), a verified ChainResult out."""

    corpus_stems = frozenset(stem(w) for w in kb.vocabulary)

    def retrieve(x: dict[str, Any]) -> dict[str, Any]:
        reading: Reading = x["reading"]
        return {**x, "found": retriever.retrieve(reading.query, reading.vector)}

    def declined(reading: Reading) -> ChainResult:
        return ChainResult("out_of_scope", refusal(reading, texts, channel=other_hr_channel), [])

    def answer(x: dict[str, Any]) -> ChainResult:
        reading: Reading = x["reading"]
        # A follow-up is judged with what it refers back to; a new question on its own words.
        # A question naming no model nor table row is judged on its own words ("how many vacation days
        # do I get?" is not about PEOs because the guide's subject would be PEO vs ASO).
        pointed = VOCABULARY.reference(reading.cleaned) is not None  # "the two models", "either"
        if reading.reference == "implicit" and not reading.attribute and not pointed:
            judged = replace(reading.asked, models=())
        else:
            judged = reading.query if reading.reference is not None else reading.asked
        if (reading.shape == "chit_chat" and not reading.models) or not in_scope(judged, x["found"]):
            return declined(reading)
        # "What does California law say about PEOs?"; a model's missing figure is said below instead.
        figure_of_model = reading.query.asks_figure and bool(VOCABULARY.models_named(reading.cleaned))
        if not figure_of_model and lacks(reading.cleaned, texts, unknown_to=corpus_stems):
            return declined(reading)
        draft = compose_answer(reading, x["found"], kb, texts)
        if not draft.claims or draft.weak:
            return declined(reading)
        text, citations = cite(draft)
        problems = verify(text, citations, kb)
        if problems:
            log.error("answer withheld, verification failed: %s", "; ".join(problems))
            return declined(reading)
        return ChainResult("answered", text, citations)

    return RunnableLambda(retrieve) | RunnableLambda(answer)
