"""Conversations kept in SQL: any worker or a restarted process picks a conversation up where it was."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Insert, Table, bindparam, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.contract import ChatResponse
from bot.conversation import ConversationState
from bot.storage.masking import mask_personal_data, mask_secrets
from bot.storage.models import Conversation, Escalation, Feedback, Turn
from bot.storage.state import from_json, to_json


def utc_now() -> datetime:
    return datetime.now(UTC)


# The statements of every turn, built once with bound parameters: SQLAlchemy then reuses their
# compiled form instead of building and compiling new ones per request.
CONVERSATIONS: Table = Conversation.metadata.tables[Conversation.__tablename__]
TURNS: Table = Turn.metadata.tables[Turn.__tablename__]
STATE_OF = select(CONVERSATIONS.c.state).where(
    CONVERSATIONS.c.id == bindparam("id"), CONVERSATIONS.c.updated_at >= bindparam("cutoff")
)
LAST_TURN = select(func.max(TURNS.c.index)).where(TURNS.c.conversation_id == bindparam("id"))
ADD_TURN = insert(TURNS)


def _upsert_for(dialect: str) -> Insert:
    """Insert a conversation, or update its state and time when it exists (the row is locked)."""
    new = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(CONVERSATIONS)
    return new.on_conflict_do_update(
        index_elements=[CONVERSATIONS.c.id],
        set_={"state": new.excluded.state, "updated_at": new.excluded.updated_at},
    )


UPSERT = {dialect: _upsert_for(dialect) for dialect in ("postgresql", "sqlite")}


@dataclass(frozen=True)
class TurnRecord:
    """What one turn leaves in the log: the user's message and the bot's answer."""

    message: str
    answer: str
    status: str
    channel: str
    citations: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, response: ChatResponse, *, message: str, channel: str) -> TurnRecord:
        """The record of a chat response to a message."""
        return cls(
            message=message,
            answer=response.answer,
            status=response.status,
            channel=channel,
            citations=[c.model_dump(mode="json") for c in response.citations],
        )


@dataclass(frozen=True)
class StoredTurn:
    index: int
    message: str
    answer: str
    status: str
    channel: str
    citations: list[dict[str, Any]]
    created_at: datetime


class ConversationStore:
    """Conversation state and turns in SQL.

    Two clocks: a conversation's state (the context follow-ups read) expires after the TTL, checked on
    read; its log (turns, feedback, escalations) stays until `purge_older_than` deletes it at the
    retention period."""

    def __init__(
        self,
        engine: Engine,
        *,
        ttl_seconds: float,
        clock: Callable[[], datetime] = utc_now,
        mask_personal: bool = True,
    ) -> None:
        self.engine = engine
        self._ttl = timedelta(seconds=ttl_seconds)
        self._clock = clock
        self._mask_personal = mask_personal

    def get(self, conversation_id: str | None) -> tuple[str, ConversationState]:
        """The state for a known, unexpired id; otherwise a new id with a fresh state."""
        if conversation_id:
            with self.engine.begin() as conn:
                data = conn.execute(
                    STATE_OF, {"id": conversation_id, "cutoff": self._cutoff()}
                ).scalar_one_or_none()
            if data is not None:
                return conversation_id, from_json(data)
        return f"c_{secrets.token_hex(8)}", ConversationState()

    def save(
        self, conversation_id: str, state: ConversationState, *, turn: TurnRecord | None = None
    ) -> int | None:
        """Store the state after a turn and append the turn (if given); returns the turn's index."""
        now = self._clock()
        with self.engine.begin() as conn:
            # The upsert locks the conversation's row, so concurrent turns get consecutive indexes.
            self._upsert(conn, conversation_id, state, channel=turn.channel if turn else "api", now=now)
            if turn is None:
                return None
            last_index = conn.execute(LAST_TURN, {"id": conversation_id}).scalar_one_or_none()
            index = 0 if last_index is None else last_index + 1
            row = {
                "conversation_id": conversation_id,
                "index": index,
                "channel": turn.channel,
                "message": self._stored_text(turn.message),
                "answer": turn.answer,
                "status": turn.status,
                "citations": turn.citations,
                "created_at": now,
            }
            conn.execute(ADD_TURN, row)
        return index

    def turns(self, conversation_id: str) -> list[StoredTurn]:
        """The conversation's turns, oldest first."""
        query = select(Turn).where(Turn.conversation_id == conversation_id).order_by(Turn.index)
        with Session(self.engine) as session:
            rows = session.scalars(query).all()
        return [
            StoredTurn(
                index=r.index,
                message=r.message,
                answer=r.answer,
                status=r.status,
                channel=r.channel,
                citations=r.citations,
                created_at=r.created_at,
            )
            for r in rows
        ]

    def purge_older_than(self, *, days: float) -> int:
        """Delete conversations idle for longer than `days`, with their turns, feedback and escalations.

        The retention period of the log; returns how many conversations went."""
        idle = Conversation.updated_at < self._clock() - timedelta(days=days)
        old = select(Conversation.id).where(idle)
        with self.engine.begin() as conn:
            for table in (Feedback, Escalation, Turn):
                conn.execute(delete(table).where(table.conversation_id.in_(old)))
            gone = conn.execute(delete(Conversation).where(idle))
        return gone.rowcount

    def _cutoff(self) -> datetime:
        return self._clock() - self._ttl

    def _stored_text(self, text: str) -> str:
        """A question as the log keeps it: no Slack secrets, and (unless turned off) no e-mails or phones."""
        text = mask_secrets(text)
        return mask_personal_data(text) if self._mask_personal else text

    def _upsert(
        self, conn: Connection, conversation_id: str, state: ConversationState, *, channel: str, now: datetime
    ) -> None:
        row = {"id": conversation_id, "channel": channel, "created_at": now, "updated_at": now}
        conn.execute(UPSERT[conn.dialect.name], {**row, "state": to_json(state)})
