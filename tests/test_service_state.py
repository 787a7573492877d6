"""The answer service's shared state: every turn stored in SQL, repeated questions answered from cache."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from langchain_core.runnables import RunnableLambda

from bot.answer_cache import AnswerCache
from bot.chain import ChainResult
from bot.embedding import Embedder
from bot.query_vectors import QueryVectorCache
from bot.service import AnswerService
from bot.storage.conversations import ConversationStore
from bot.storage.db import create_db_engine
from bot.storage.migrate import upgrade


class CountingChain:
    """The real chain, counting its invocations."""

    def __init__(self, service: AnswerService) -> None:
        self.inner, self.calls = service.chain, 0

    def __call__(self, x: dict[str, Any]) -> ChainResult:
        self.calls += 1
        return self.inner.invoke(x)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ConversationStore]:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'guidebot.sqlite3'}")
    upgrade(engine)
    yield ConversationStore(engine, ttl_seconds=3600)
    engine.dispose()


@pytest.fixture
def chain(service: AnswerService) -> CountingChain:
    return CountingChain(service)


def make_service(
    service: AnswerService, *, chain: CountingChain, store: ConversationStore, cache: bool = True
) -> AnswerService:
    """The shared service's real parts around a counted chain, a fresh database and (maybe) a cache."""
    return AnswerService(
        chain=RunnableLambda(chain),
        reader=service.reader,
        kb=service.kb,
        rules=service.rules,
        conversations=store,
        answers=AnswerCache() if cache else None,
    )


def test_turns_are_stored_and_a_second_worker_continues(
    service: AnswerService, chain: CountingChain, store: ConversationStore
) -> None:
    first = make_service(service, chain=chain, store=store)
    opening = first.answer(message="What is a PEO?", channel="web")
    second = make_service(service, chain=chain, store=store)  # another worker on the same database
    follow_up = second.answer(message="What are its cons?", conversation_id=opening.conversation_id)
    assert follow_up.conversation_id == opening.conversation_id
    assert "PEO" in follow_up.answer
    turns = store.turns(opening.conversation_id)
    assert [(t.message, t.channel, t.status) for t in turns] == [
        ("What is a PEO?", "web", "answered"),
        ("What are its cons?", "api", follow_up.status),
    ]
    assert turns[0].answer == opening.answer
    assert turns[0].citations == [c.model_dump(mode="json") for c in opening.citations]


def test_a_repeated_question_is_served_from_cache(
    service: AnswerService, chain: CountingChain, store: ConversationStore
) -> None:
    bot = make_service(service, chain=chain, store=store)
    first = bot.answer(message="What is the downside of a PEO?")
    again = bot.answer(message="what is the DOWNSIDE of a PEO")
    assert chain.calls == 1
    assert again.conversation_id != first.conversation_id
    assert again.model_dump(exclude={"conversation_id"}) == first.model_dump(exclude={"conversation_id"})
    assert [t.answer for t in store.turns(again.conversation_id)] == [first.answer]


def test_another_conversation_context_misses(
    service: AnswerService, chain: CountingChain, store: ConversationStore
) -> None:
    bot = make_service(service, chain=chain, store=store)
    bot.answer(message="What are its cons?")
    aso = bot.answer(message="What is an ASO?")
    assert chain.calls == 2
    follow_up = bot.answer(message="What are its cons?", conversation_id=aso.conversation_id)
    assert chain.calls == 3 and "ASO" in follow_up.answer


def test_no_cache_when_turned_off(
    service: AnswerService, chain: CountingChain, store: ConversationStore
) -> None:
    bot = make_service(service, chain=chain, store=store, cache=False)
    bot.answer(message="What is a PEO?")
    bot.answer(message="What is a PEO?")
    assert chain.calls == 2


def test_a_changed_index_misses(
    service: AnswerService, chain: CountingChain, store: ConversationStore
) -> None:
    bot = make_service(service, chain=chain, store=store)
    bot.answer(message="What is a PEO?")
    bot.kb = copy.copy(service.kb)
    bot.kb.fingerprint = "re-ingested"
    bot.answer(message="What is a PEO?")
    assert chain.calls == 2


class CountingEncoder(Embedder):
    """Stands in for the model (no load): one-hot vectors by text length, counting calls."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        self.calls.append(list(texts))
        return np.eye(len(texts), 8, dtype=np.float32)


def test_query_vectors_are_cached() -> None:
    inner = CountingEncoder()
    encoder = QueryVectorCache(inner, max_items=2)
    first = encoder.encode(["what is a peo"])
    first[0, 0] = 42.0  # callers get their own copy
    assert encoder.encode(["what is a peo"])[0, 0] == 1.0
    assert encoder.embed_query("what is a peo") == [1.0] + [0.0] * 7
    encoder.encode(["a", "b"])  # a batch's texts are cached one by one
    encoder.encode(["b", "a"])
    assert inner.calls == [["what is a peo"], ["a", "b"]]
    encoder.encode(["b", "c"])  # only the unseen text reaches the model
    assert inner.calls[-1] == ["c"]
