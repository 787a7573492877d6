"""A local stand-in for Slack's Socket Mode endpoint: a real websocket server on a free port.

It sends envelopes to the connected app and records the acknowledgements the app sends back."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from websockets.sync.server import ServerConnection, serve


@dataclass
class SocketModeServer:
    url: str = ""
    acks: list[dict[str, Any]] = field(default_factory=list)
    _connection: ServerConnection | None = None
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def handle(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "debug_info": {}}))
        with self._changed:
            self._connection = connection
            self._changed.notify_all()
        for raw in connection:
            with self._changed:
                self.acks.append(json.loads(raw))
                self._changed.notify_all()

    def wait_connected(self, timeout: float = 120) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self._connection is not None, timeout):
                raise TimeoutError("the app never connected over Socket Mode")

    def send(self, kind: str, payload: dict[str, Any], *, envelope_id: str) -> dict[str, Any]:
        """Send one envelope and return the app's acknowledgement of it."""
        self.wait_connected()
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": 0,
            "retry_reason": "",
        }
        assert self._connection is not None
        self._connection.send(json.dumps(envelope))
        deadline = time.monotonic() + 60
        with self._changed:
            while not (found := [a for a in self.acks if a.get("envelope_id") == envelope_id]):
                if not self._changed.wait(max(0.0, deadline - time.monotonic())):
                    raise TimeoutError(f"envelope {envelope_id} was never acknowledged")
            return found[0]


@contextmanager
def socket_mode_server() -> Iterator[SocketModeServer]:
    """A running websocket server on 127.0.0.1 and a free port; stopped on exit."""
    state = SocketModeServer()
    with serve(state.handle, "127.0.0.1", 0) as server:
        state.url = f"ws://127.0.0.1:{server.socket.getsockname()[1]}/link"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield state
        finally:
            server.shutdown()
