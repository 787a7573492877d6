"""Helpers shared by the HTTP tests (plain functions, no fixtures)."""

from __future__ import annotations

import time

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
