"""The answer chain as a LangChain runnable: read the question, retrieve, compose, cite and verify."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from bot.citations import cite, verify
from bot.compose import compose
from bot.contract import Citation, Status
from bot.embedding import TextEncoder
from bot.knowledge import Knowledge
from bot.prompts import AnswerTexts
from bot.query import Query, QueryReader
from bot.retrieval import HybridRetriever
from bot.scope import in_scope

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChainResult:
    status: Status
    answer: str
    citations: list[Citation]
    query: Query


def build_chain(
    *, kb: Knowledge, retriever: HybridRetriever, encoder: TextEncoder, texts: AnswerTexts
) -> Runnable[dict[str, Any], ChainResult]:
    """{'message', 'topic'} in, a verified ChainResult out."""
    reader = QueryReader(kb.vocabulary)

    def read(x: dict[str, Any]) -> dict[str, Any]:
        return {**x, "query": reader.read(x["message"], topic=tuple(x.get("topic", ())))}

    def retrieve(x: dict[str, Any]) -> dict[str, Any]:
        query: Query = x["query"]
        vector = encoder.encode([query.text])[0]
        return {**x, "found": retriever.retrieve(query, vector)}

    def answer(x: dict[str, Any]) -> ChainResult:
        query: Query = x["query"]
        out_of_scope = ChainResult("out_of_scope", texts.out_of_scope, [], query)
        if not in_scope(query, x["found"]):
            return out_of_scope
        draft = compose(query, x["found"], kb, texts)
        if not draft.claims or draft.weak:
            return out_of_scope
        text, citations = cite(draft)
        problems = verify(text, citations, kb)
        if problems:
            log.error("answer withheld, verification failed: %s", "; ".join(problems))
            return out_of_scope
        return ChainResult("answered", text, citations, query)

    return RunnableLambda(read) | RunnableLambda(retrieve) | RunnableLambda(answer)
