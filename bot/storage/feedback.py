"""Feedback on a turn and escalations of a turn to a person, kept beside the conversation's turns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select, update

from bot.storage.conversations import utc_now
from bot.storage.models import Escalation, Feedback, Turn


class UnknownTurn(LookupError):
    """No turn with that index in that conversation (or no such conversation)."""


@dataclass(frozen=True)
class Rating:
    """One stored rating of a turn."""

    conversation_id: str
    message_index: int
    rating: str
    comment: str | None
    channel: str
    created_at: datetime


class FeedbackStore:
    """Ratings (one per turn, the latest wins) and escalations, each pointing at a stored turn."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.engine = engine
        self._clock = clock

    def rate(
        self,
        *,
        conversation_id: str,
        message_index: int,
        rating: str,
        channel: str,
        comment: str | None = None,
    ) -> None:
        """Store a rating ("up" or "down") of a turn, replacing an earlier one; UnknownTurn if none."""
        values = {"rating": rating, "comment": comment, "channel": channel, "created_at": self._clock()}
        with self.engine.begin() as conn:
            _require_turn(conn, conversation_id, message_index)
            done = conn.execute(
                update(Feedback)
                .where(Feedback.conversation_id == conversation_id, Feedback.message_index == message_index)
                .values(**values)
            )
            if done.rowcount == 0:
                conn.execute(
                    insert(Feedback).values(
                        conversation_id=conversation_id, message_index=message_index, **values
                    )
                )

    def ratings(self, conversation_id: str) -> list[Rating]:
        """The conversation's ratings, by turn."""
        query = (
            select(Feedback)
            .where(Feedback.conversation_id == conversation_id)
            .order_by(Feedback.message_index)
        )
        with self.engine.begin() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            Rating(
                conversation_id=r["conversation_id"],
                message_index=r["message_index"],
                rating=r["rating"],
                comment=r["comment"],
                channel=r["channel"],
                created_at=r["created_at"],
            )
            for r in rows
        ]

    def escalate(self, *, conversation_id: str, message_index: int, channel: str, destination: str) -> None:
        """Record that a turn was handed to a person at `destination`; UnknownTurn if there is no turn."""
        with self.engine.begin() as conn:
            _require_turn(conn, conversation_id, message_index)
            conn.execute(
                insert(Escalation).values(
                    conversation_id=conversation_id,
                    message_index=message_index,
                    channel=channel,
                    destination=destination,
                    created_at=self._clock(),
                )
            )

    def escalations(self, conversation_id: str) -> list[tuple[int, str]]:
        """(turn index, destination) of each escalation of the conversation, oldest first."""
        query = (
            select(Escalation.message_index, Escalation.destination)
            .where(Escalation.conversation_id == conversation_id)
            .order_by(Escalation.id)
        )
        with self.engine.begin() as conn:
            return [(i, d) for i, d in conn.execute(query).all()]


def _require_turn(conn: Connection, conversation_id: str, message_index: int) -> None:
    found = conn.execute(
        select(Turn.id).where(Turn.conversation_id == conversation_id, Turn.index == message_index)
    ).first()
    if found is None:
        raise UnknownTurn(f"no turn {message_index} in conversation {conversation_id!r}")
