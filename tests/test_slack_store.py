"""The Slack app's shared-store tables on SQLite and a real Postgres: one claim per event id, threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.contract import ChatResponse
from bot.storage.migrate import head_revisions
from bot.storage.slack import SlackStore, ThreadKey


def test_the_slack_migration_is_a_head() -> None:
    assert "0003s" in head_revisions()


def test_an_event_id_is_claimed_once(engine: Engine) -> None:
    store = SlackStore(engine)
    assert store.claim_event("Ev1") is True
    assert store.claim_event("Ev1") is False
    assert SlackStore(engine).claim_event("Ev1") is False  # another worker's store: same answer
    assert store.claim_event("Ev2") is True


def test_concurrent_claims_have_one_winner(engine: Engine) -> None:
    stores = [SlackStore(engine) for _ in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda s: s.claim_event("EvRace"), stores))
    assert sorted(results) == [False] * 7 + [True]


def test_old_claims_are_dropped(engine: Engine) -> None:
    now = datetime(2026, 1, 2, tzinfo=UTC)
    clock = [now - timedelta(days=2)]
    store = SlackStore(engine, clock=lambda: clock[0])
    assert store.claim_event("EvOld")
    clock[0] = now
    assert store.claim_event("EvNew")
    assert store.claim_event("EvOld")  # a day later the id is forgotten (Slack retries within minutes)


def test_threads_map_to_conversations(engine: Engine) -> None:
    store = SlackStore(engine)
    key = ThreadKey("T1", "C1", "123.456")
    assert store.conversation(key) is None
    store.remember(key, "c_first")
    assert store.conversation(key) == "c_first"
    store.remember(key, "c_second")  # an expired conversation is replaced by a new one
    assert store.conversation(key) == "c_second"
    assert store.conversation(ThreadKey("T1", "C1", "")) is None
    assert store.conversation(ThreadKey("T2", "C1", "123.456")) is None


def test_sent_answers_are_kept(engine: Engine) -> None:
    store = SlackStore(engine)
    response = ChatResponse(
        conversation_id="c_1", status="out_of_scope", answer="Not covered.", citations=[], message_index=0
    )
    store.save_answer(question="What is X?", response=response)
    sent = store.answer("c_1", 0)
    assert sent is not None and sent.question == "What is X?" and sent.response == response
    assert store.answer("c_1", 1) is None
    with pytest.raises(ValueError):
        store.save_answer(question="q", response=response.model_copy(update={"message_index": None}))
