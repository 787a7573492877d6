"""The conversation log as agents read it: conversations by filter, one in full, and the questions that
show a gap in the guide (out of scope, a follow-up left unanswered, a thumbs-down, an escalation)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import ColumnElement, Engine, exists, or_, select
from sqlalchemy.orm import aliased

from bot.contract import Channel, Status
from bot.storage.models import Conversation, Escalation, Feedback, Turn

GapReason = Literal["out_of_scope", "unanswered_follow_up", "thumbs_down", "escalated"]
MAX_PAGE = 500
MAX_GAP_QUESTIONS = 2000  # the newest ones; grouping compares every pair


class LogFilter(BaseModel):
    """Which conversations to list; every filter optional, all given ones must hold."""

    model_config = ConfigDict(extra="forbid")

    channel: Channel | None = None  # a turn came through this channel
    status: Status | None = None  # a turn ended with this status
    thumbs_down: bool = False  # a turn was rated down
    escalated: bool = False  # a turn was handed to a person
    since: date | None = None  # active on or after this day (UTC)
    until: date | None = None  # started on or before this day (UTC)
    limit: int = Field(default=100, ge=1, le=MAX_PAGE)
    offset: int = Field(default=0, ge=0)

    @field_validator("channel", "status", "since", "until", mode="before")
    @classmethod
    def _blank_is_any(cls, value: object) -> object:
        """An empty form field (`?channel=`) filters nothing."""
        return None if value == "" else value

    @field_validator("thumbs_down", "escalated", mode="before")
    @classmethod
    def _blank_is_off(cls, value: object) -> object:
        return False if value == "" else value


class TurnView(BaseModel):
    index: int
    created_at: datetime
    channel: str
    message: str
    answer: str
    status: str
    citations: list[dict[str, Any]]
    rating: str | None = None
    comment: str | None = None
    escalated_to: list[str] = Field(default_factory=list)


class ConversationView(BaseModel):
    id: str
    channel: str
    created_at: datetime
    updated_at: datetime
    turns: list[TurnView]

    def summary(self) -> ConversationSummary:
        """The list row: counts and the first question instead of every turn."""
        return ConversationSummary(
            id=self.id,
            channel=self.channel,
            created_at=self.created_at,
            updated_at=self.updated_at,
            turn_count=len(self.turns),
            first_question=self.turns[0].message if self.turns else "",
            statuses=sorted({t.status for t in self.turns}),
            thumbs_down=sum(t.rating == "down" for t in self.turns),
            escalations=sum(len(t.escalated_to) for t in self.turns),
        )


class ConversationSummary(BaseModel):
    id: str
    channel: str
    created_at: datetime
    updated_at: datetime
    turn_count: int
    first_question: str
    statuses: list[str]
    thumbs_down: int
    escalations: int


class GapQuestion(BaseModel):
    """A stored question the guide did not answer well, and why it counts as a gap."""

    conversation_id: str
    index: int
    message: str
    status: str
    created_at: datetime
    reasons: list[GapReason]


class ConversationLog:
    """Read-only queries over the stored conversations, turns, feedback and escalations."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def conversations(self, filters: LogFilter) -> list[ConversationView]:
        """The matching conversations, most recently active first, with their turns."""
        query = (
            select(Conversation)
            .where(*_conditions(filters))
            .order_by(Conversation.updated_at.desc(), Conversation.id)
            .limit(filters.limit)
            .offset(filters.offset)
        )
        with self.engine.begin() as conn:
            rows = conn.execute(query).mappings().all()
        return self._views(list(rows))

    def conversation(self, conversation_id: str) -> ConversationView | None:
        """One conversation in full, or None if it is not stored."""
        with self.engine.begin() as conn:
            row = (
                conn.execute(select(Conversation).where(Conversation.id == conversation_id))
                .mappings()
                .first()
            )
        return self._views([row])[0] if row else None

    def gap_questions(self, *, limit: int = MAX_GAP_QUESTIONS) -> list[GapQuestion]:
        """Questions that ended out of scope, follow-ups never answered, thumbs-downs and escalations.

        The newest `limit` of them, newest first."""
        later = aliased(Turn)
        rated_down = exists().where(
            Feedback.conversation_id == Turn.conversation_id,
            Feedback.message_index == Turn.index,
            Feedback.rating == "down",
        )
        escalated = exists().where(
            Escalation.conversation_id == Turn.conversation_id, Escalation.message_index == Turn.index
        )
        last = ~exists().where(later.conversation_id == Turn.conversation_id, later.index > Turn.index)
        unanswered = (Turn.status == "needs_more_info") & last
        query = select(
            Turn.conversation_id,
            Turn.index,
            Turn.message,
            Turn.status,
            Turn.created_at,
            rated_down.label("down"),
            escalated.label("escalated"),
            unanswered.label("unanswered"),
        ).where(or_(Turn.status == "out_of_scope", unanswered, rated_down, escalated))
        with self.engine.begin() as conn:
            rows = conn.execute(query.order_by(Turn.created_at.desc(), Turn.id).limit(limit)).mappings().all()
        return [GapQuestion.model_validate({**r, "reasons": _reasons(r)}) for r in rows]

    def _views(self, conversations: list[Any]) -> list[ConversationView]:
        ids = [c["id"] for c in conversations]
        if not ids:
            return []
        with self.engine.begin() as conn:
            turns = conn.execute(
                select(Turn).where(Turn.conversation_id.in_(ids)).order_by(Turn.conversation_id, Turn.index)
            ).mappings()
            by_conversation: dict[str, list[TurnView]] = defaultdict(list)
            for t in turns:
                by_conversation[t["conversation_id"]].append(TurnView.model_validate(dict(t)))
            ratings = conn.execute(select(Feedback).where(Feedback.conversation_id.in_(ids))).mappings()
            rated = {(r["conversation_id"], r["message_index"]): r for r in ratings}
            sent = conn.execute(
                select(Escalation).where(Escalation.conversation_id.in_(ids)).order_by(Escalation.id)
            ).mappings()
            escalations: dict[tuple[str, int], list[str]] = defaultdict(list)
            for e in sent:
                escalations[(e["conversation_id"], e["message_index"])].append(e["destination"])
        views = []
        for c in conversations:
            turns_of = by_conversation[c["id"]]
            for turn in turns_of:
                rating = rated.get((c["id"], turn.index))
                turn.rating = rating["rating"] if rating else None
                turn.comment = rating["comment"] if rating else None
                turn.escalated_to = escalations[(c["id"], turn.index)]
            views.append(
                ConversationView(
                    id=c["id"],
                    channel=c["channel"],
                    created_at=c["created_at"],
                    updated_at=c["updated_at"],
                    turns=turns_of,
                )
            )
        return views


def _conditions(f: LogFilter) -> list[ColumnElement[bool]]:
    of_conversation = Turn.conversation_id == Conversation.id
    conditions: list[ColumnElement[bool]] = []
    if f.channel:
        conditions.append(exists().where(of_conversation, Turn.channel == f.channel))
    if f.status:
        conditions.append(exists().where(of_conversation, Turn.status == f.status))
    if f.thumbs_down:
        conditions.append(
            exists().where(Feedback.conversation_id == Conversation.id, Feedback.rating == "down")
        )
    if f.escalated:
        conditions.append(exists().where(Escalation.conversation_id == Conversation.id))
    if f.since:
        conditions.append(Conversation.updated_at >= _start_of(f.since))
    if f.until:
        conditions.append(Conversation.created_at < _start_of(f.until) + timedelta(days=1))
    return conditions


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _reasons(row: Any) -> list[GapReason]:
    found: list[tuple[bool, GapReason]] = [
        (row["status"] == "out_of_scope", "out_of_scope"),
        (bool(row["unanswered"]), "unanswered_follow_up"),
        (bool(row["down"]), "thumbs_down"),
        (bool(row["escalated"]), "escalated"),
    ]
    return [reason for holds, reason in found if holds]
