"""Feedback and escalations in SQL, on SQLite and on a real Postgres: they point at stored turns only."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.conversation import ConversationState
from bot.storage.conversations import ConversationStore, TurnRecord
from bot.storage.feedback import FeedbackStore, UnknownTurn


@pytest.fixture
def conversation(engine: Engine) -> str:
    store = ConversationStore(engine, ttl_seconds=3600)
    conv_id, state = store.get(None)
    for n in range(2):
        record = TurnRecord(message=f"q{n}", answer=f"a{n}", status="answered", channel="web")
        assert store.save(conv_id, state or ConversationState(), turn=record) == n
    return conv_id


def test_a_second_rating_of_a_turn_replaces_the_first(engine: Engine, conversation: str) -> None:
    feedback = FeedbackStore(engine)
    feedback.rate(conversation_id=conversation, message_index=1, rating="up", channel="web")
    feedback.rate(
        conversation_id=conversation, message_index=1, rating="down", channel="web", comment="too long"
    )
    feedback.rate(conversation_id=conversation, message_index=0, rating="up", channel="slack")
    ratings = feedback.ratings(conversation)
    assert [(r.message_index, r.rating, r.comment, r.channel) for r in ratings] == [
        (0, "up", None, "slack"),
        (1, "down", "too long", "web"),
    ]


def test_feedback_and_escalations_need_a_stored_turn(engine: Engine, conversation: str) -> None:
    feedback = FeedbackStore(engine)
    with pytest.raises(UnknownTurn):
        feedback.rate(conversation_id=conversation, message_index=7, rating="up", channel="web")
    with pytest.raises(UnknownTurn):
        feedback.rate(conversation_id="c_nobody", message_index=0, rating="up", channel="web")
    with pytest.raises(UnknownTurn):
        feedback.escalate(conversation_id="c_nobody", message_index=0, channel="slack", destination="#hr")
    assert feedback.ratings(conversation) == []


def test_escalations_are_kept_in_order(engine: Engine, conversation: str) -> None:
    feedback = FeedbackStore(engine)
    feedback.escalate(conversation_id=conversation, message_index=1, channel="slack", destination="C123")
    feedback.escalate(conversation_id=conversation, message_index=0, channel="web", destination="C123")
    assert feedback.escalations(conversation) == [(1, "C123"), (0, "C123")]
