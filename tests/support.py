"""Helpers shared by the tests (plain functions and classes, no fixtures)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from bot.citations import verify
from bot.contract import ChatResponse
from bot.service import AnswerService

# The fields of a chat response (../shared/CONTRACT.md, and message_index added for feedback).
CHAT_KEYS = frozenset(
    {"conversation_id", "status", "answer", "citations", "recommendation", "follow_up", "message_index"}
)


def wait_ready(client: TestClient, timeout: float = 30.0) -> None:
    """Poll /readyz until the app's background load finishes."""
    deadline = time.monotonic() + timeout
    while client.get("/readyz").status_code != 200:
        assert time.monotonic() < deadline, "service never became ready"
        time.sleep(0.02)


class Clock:
    """A settable UTC clock for the stores (starts on 10 March 2026, noon)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def ask(service: AnswerService, *turns: str, answered: bool = True) -> ChatResponse:
    """The reply to the last of the turns, asked as one conversation; its citations verify against the
    guide and (unless `answered` is False) it is an answer, not a refusal."""
    conversation = None
    for turn in turns:
        reply = service.answer(message=turn, conversation_id=conversation)
        conversation = reply.conversation_id
    if answered:
        assert reply.status == "answered", reply.answer
    assert verify(reply.answer, reply.citations, service.kb) == []
    return reply
