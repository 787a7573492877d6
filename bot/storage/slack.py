"""What the Slack app keeps in the shared store: claimed event ids, threads' conversations, answers sent.

Every Slack worker or replica reads and writes these, so any of them can take any request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, String, Text, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from bot.contract import ChatResponse
from bot.storage.conversations import utc_now
from bot.storage.models import Base

# Slack retries an event three times within about five minutes; a day of ids is ample.
EVENT_ID_TTL = timedelta(days=1)


class SlackEvent(Base):
    """An Events API delivery already taken by a worker (its event_id is claimed once)."""

    __tablename__ = "slack_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)


class SlackThread(Base):
    """The guidebot conversation a Slack thread (or direct-message channel) is."""

    __tablename__ = "slack_threads"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    thread_ts: Mapped[str] = mapped_column(String(32), primary_key=True)  # "" for a DM's main channel
    conversation_id: Mapped[str] = mapped_column(String(128))
    updated_at: Mapped[datetime]


class SlackAnswer(Base):
    """One answer the Slack app gave (question and full response), for Share and Ask a person."""

    __tablename__ = "slack_answers"

    conversation_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    message_index: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    question: Mapped[str] = mapped_column(Text)
    response: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


@dataclass(frozen=True)
class ThreadKey:
    """Where a Slack conversation happens: workspace, channel and thread (empty for a DM's main channel)."""

    team_id: str
    channel_id: str
    thread_ts: str


@dataclass(frozen=True)
class SentAnswer:
    question: str
    response: ChatResponse


class SlackStore:
    """Event-id claims, thread to conversation mapping and sent answers, in the shared SQL store."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.engine = engine
        self._clock = clock

    def claim_event(self, event_id: str) -> bool:
        """True for the first claim of an event id in any worker; False when it was already claimed."""
        now = self._clock()
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(SlackEvent).where(SlackEvent.received_at < now - EVENT_ID_TTL))
                conn.execute(insert(SlackEvent).values(event_id=event_id, received_at=now))
        except IntegrityError:
            return False
        return True

    def conversation(self, key: ThreadKey) -> str | None:
        """The conversation id of a thread the bot takes part in, else None."""
        query = select(SlackThread.conversation_id).where(*_is(key))
        with self.engine.begin() as conn:
            return conn.execute(query).scalar_one_or_none()

    def remember(self, key: ThreadKey, conversation_id: str) -> None:
        """Record (or move) the conversation a thread is."""
        values = {"conversation_id": conversation_id, "updated_at": self._clock()}
        with self.engine.begin() as conn:
            if conn.execute(update(SlackThread).where(*_is(key)).values(**values)).rowcount:
                return
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(SlackThread).values(**vars(key), **values))
        except IntegrityError:  # another worker inserted it meanwhile: the newer turn's id wins
            with self.engine.begin() as conn:
                conn.execute(update(SlackThread).where(*_is(key)).values(**values))

    def save_answer(self, *, question: str, response: ChatResponse) -> None:
        """Keep an answer given in Slack (its message_index must be set)."""
        if response.message_index is None:
            raise ValueError("an answer without a message_index cannot be kept")
        with self.engine.begin() as conn:
            conn.execute(
                insert(SlackAnswer).values(
                    conversation_id=response.conversation_id,
                    message_index=response.message_index,
                    question=question,
                    response=response.model_dump(mode="json"),
                    created_at=self._clock(),
                )
            )

    def answer(self, conversation_id: str, message_index: int) -> SentAnswer | None:
        """An answer the Slack app gave, or None."""
        query = select(SlackAnswer.question, SlackAnswer.response).where(
            SlackAnswer.conversation_id == conversation_id, SlackAnswer.message_index == message_index
        )
        with self.engine.begin() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        return SentAnswer(question=row.question, response=ChatResponse.model_validate(row.response))


def _is(key: ThreadKey) -> tuple[Any, ...]:
    return (
        SlackThread.team_id == key.team_id,
        SlackThread.channel_id == key.channel_id,
        SlackThread.thread_ts == key.thread_ts,
    )
