"""Helpers shared by the tests (plain functions and classes, no fixtures)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from fastapi.testclient import TestClient

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
