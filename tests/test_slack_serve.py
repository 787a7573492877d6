"""End to end: a real `guidebot serve` process with GUIDEBOT_SLACK_API_URL on a mock Slack."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from pathlib import Path

import pytest

from bench.server_process import running_server, wait_workers_ready
from tests.slack_mock import event_body, mention, mock_slack, signed_headers, wait_until
from tests.test_slack_app import in_channel, markers, posts, source_numbers

SECRET = "e2e-signing-secret"

pytestmark = pytest.mark.slow


def post_event(base: str, body: dict, *, retry: int | None = None) -> int:
    raw = json.dumps(body)
    request = urllib.request.Request(
        f"{base}/slack/events", data=raw.encode(), headers=signed_headers(SECRET, raw, retry=retry)
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.status)


def test_a_mention_and_its_retry_get_exactly_one_threaded_reply(tmp_path: Path) -> None:
    log_path = tmp_path / "serve.log"
    with mock_slack() as mock:
        env = {
            "SLACK_BOT_TOKEN": "xoxb-e2e",
            "SLACK_SIGNING_SECRET": SECRET,
            "GUIDEBOT_SLACK_API_URL": mock.api_url,
            "GUIDEBOT_SLACK_LINK_BASE_URL": "https://guidebot.example.com",
        }
        # Two workers: the retries may land on either; the shared store lets exactly one answer.
        with running_server(tmp_path / "data", cwd=tmp_path, log_path=log_path, env=env, workers=2) as (
            base,
            _,
        ):
            try:
                wait_workers_ready(log_path, 2, timeout=300)
            except TimeoutError:
                pytest.fail(log_path.read_text(errors="replace")[-3000:])
            ts = f"{time.time():.6f}"
            body = event_body(
                mention("What is the downside of a PEO?", ts=ts, channel="CE2E"), event_id="EvE2E"
            )
            assert post_event(base, body) == 200
            (reply,) = in_channel(mock, "CE2E")
            for retry in (1, 2, 3):  # Slack re-sends it as if we had been slow
                assert post_event(base, body, retry=retry) == 200
            log = lambda: log_path.read_text(errors="replace")  # noqa: E731
            dropped = lambda: log().count("slack event EvE2E was already taken")  # noqa: E731
            wait_until(lambda: dropped() == 3, what="the three retries to be dropped")
            assert posts(mock, "CE2E") == [reply]
            assert reply.body["thread_ts"] == ts
            numbers = source_numbers(reply.body["blocks"])
            assert numbers == list(range(1, len(numbers) + 1)) and markers(reply.body["blocks"]) == set(
                numbers
            )
            assert re.search(
                r"<https://guidebot\.example\.com/docs/[^|]+\|", json.dumps(reply.body["blocks"])
            )
            assert "POST /slack/events 200" in log()
