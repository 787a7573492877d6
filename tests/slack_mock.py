"""A local stand-in for Slack: a real HTTP server on a free port that records every call.

It answers the Web API methods the app uses (auth.test, chat.postMessage, views.publish,
apps.connections.open), takes response_url posts under /response/..., and can answer 429 with a
Retry-After. Also: signed request bodies as Slack sends them."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from slack_sdk.signature import SignatureVerifier

BOT_USER = "UBOT"
TEAM = "T0001"


@dataclass
class Call:
    """One request the mock received: the API method (or response path), its body, when, its answer."""

    method: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float
    status: int = 200


@dataclass
class MockSlack:
    base: str = ""
    calls: list[Call] = field(default_factory=list)
    socket_url: str = "ws://127.0.0.1:1/"
    _limits: dict[str, list[int]] = field(default_factory=dict)
    _gates: dict[str, threading.Event] = field(default_factory=dict)
    _changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.base}/response/{name}"

    def rate_limit(self, method: str, *, times: int, retry_after: int) -> None:
        """Answer the next `times` calls of `method` with 429 and this Retry-After."""
        self._limits.setdefault(method, []).extend([retry_after] * times)

    @contextmanager
    def held(self, method: str) -> Iterator[None]:
        """Calls of `method` wait (unanswered) until the block ends."""
        gate = self._gates[method] = threading.Event()
        try:
            yield
        finally:
            gate.set()
            del self._gates[method]

    def wait_at_gate(self, method: str) -> None:
        gate = self._gates.get(method)
        if gate is not None:
            gate.wait(timeout=120)  # a bug that makes the ack wait fails the test instead of hanging it

    def record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def calls_to(self, method: str, *, ok_only: bool = True) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)]

    def wait_for(
        self, method: str, count: int = 1, *, ok_only: bool = True, timeout: float = 120
    ) -> list[Call]:
        """The calls of `method` once there are at least `count` of them (raises past the timeout)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(found := self.calls_to_locked(method, ok_only)) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"{count} call(s) of {method} not seen; got {[c.method for c in self.calls]}"
                    )
                self._changed.wait(left)
            return found

    def calls_to_locked(self, method: str, ok_only: bool) -> list[Call]:
        return [c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)]

    def answer(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one call (429 when a rate limit is queued)."""
        limits = self._limits.get(method)
        if limits:
            retry_after = limits.pop(0)
            payload = {"ok": False, "error": "ratelimited"}
            return 429, {"Retry-After": str(retry_after)}, json.dumps(payload).encode()
        if method.startswith("response/"):
            return 200, {}, b"ok"
        results: dict[str, dict[str, Any]] = {
            "auth.test": {"user_id": BOT_USER, "bot_id": "BBOT", "team_id": TEAM, "user": "guidebot"},
            "chat.postMessage": {"channel": body.get("channel"), "ts": f"{time.time():.6f}"},
            "views.publish": {"view": body.get("view")},
            "apps.connections.open": {"url": self.socket_url},
        }
        payload = {"ok": True, **results.get(method, {})}
        return 200, {}, json.dumps(payload).encode()


def _handler(mock: MockSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            if "json" in (self.headers.get("Content-Type") or ""):
                body = json.loads(raw or "{}")
            else:
                body = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
            method = self.path.lstrip("/").removeprefix("api/")
            mock.wait_at_gate(method)
            status, headers, payload = mock.answer(method, body)
            mock.record(Call(method, body, dict(self.headers), time.monotonic(), status))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def mock_slack() -> Iterator[MockSlack]:
    """A running mock Slack on 127.0.0.1 and a free port; stopped on exit."""
    mock = MockSlack()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(mock))
    mock.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield mock
    finally:
        server.shutdown()
        server.server_close()


def signed_headers(
    secret: str,
    body: str,
    *,
    timestamp: int | None = None,
    retry: int | None = None,
    content_type: str = "application/json",
) -> dict[str, str]:
    """The headers Slack sends with a request body: timestamp and v0 signature (and a retry number)."""
    ts = str(timestamp if timestamp is not None else int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    headers = {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature, "Content-Type": content_type}
    if retry is not None:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    return headers


def event_body(event: dict[str, Any], *, event_id: str) -> dict[str, Any]:
    """An Events API envelope around one event."""
    return {
        "token": "legacy",
        "team_id": TEAM,
        "api_app_id": "A0001",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
    }


def mention(text: str, *, ts: str, channel: str = "C0001", thread_ts: str | None = None) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": "U0001",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }
    return event | ({"thread_ts": thread_ts} if thread_ts else {})


def message(
    text: str,
    *,
    ts: str,
    channel: str = "C0001",
    thread_ts: str | None = None,
    channel_type: str = "channel",
    **extra: Any,
) -> dict[str, Any]:
    event = {
        "type": "message",
        "user": "U0001",
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "channel_type": channel_type,
        **extra,
    }
    return event | ({"thread_ts": thread_ts} if thread_ts else {})


def block_actions(
    action: dict[str, Any],
    *,
    response_url: str,
    message_ts: str,
    message: dict[str, Any] | None = None,
    channel: str = "C0001",
    ephemeral: bool = False,
) -> dict[str, Any]:
    """A block_actions payload as Slack posts it for a button press on the message at `message_ts`."""
    payload = {
        "type": "block_actions",
        "user": {"id": "U0001", "username": "asker", "team_id": TEAM},
        "api_app_id": "A0001",
        "token": "legacy",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        },
        "trigger_id": "1.2.3",
        "team": {"id": TEAM, "domain": "example"},
        "channel": {"id": channel, "name": "general"},
        "response_url": response_url,
        "actions": [{"type": "button", "block_id": "b", "action_ts": f"{time.time():.6f}", **action}],
    }
    return payload | ({"message": message} if message else {})


def wait_until(predicate: Callable[[], bool], *, timeout: float = 120, what: str = "condition") -> None:
    """Poll until `predicate()` holds (raises past the timeout)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not reached")
        time.sleep(0.02)
