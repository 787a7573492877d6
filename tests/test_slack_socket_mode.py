"""Socket Mode: the same payloads over a real websocket reach the same listeners as HTTP events.

Slack's own Socket Mode endpoint is out of reach, so a local websocket server stands in for it: the
mock Web API's apps.connections.open hands out its ws:// URL, and Bolt's SocketModeHandler (the
slack_sdk built-in client) connects to it exactly as it would to Slack's wss:// URL."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.service import AnswerService
from bot.settings import Settings
from bot.slack.app import build_slack_app, slack_bot
from bot.slack.format import FEEDBACK_UP
from bot.slack.socket_mode import socket_mode_handler
from tests.slack_mock import MockSlack, block_actions, event_body, mention, mock_slack
from tests.socket_mode_server import SocketModeServer, socket_mode_server
from tests.test_slack_app import buttons, command_form, in_channel, source_numbers

pytestmark = pytest.mark.slow


def socket_settings(settings: Settings, mock: MockSlack) -> Settings:
    return settings.model_copy(
        update={
            "slack_bot_token": SecretStr("xoxb-test"),
            "slack_app_token": SecretStr("xapp-test"),
            "slack_api_url": mock.api_url,
            "slack_link_base_url": "https://guidebot.example.com",
        }
    )


@pytest.fixture
def slack(settings: Settings, service: AnswerService) -> Iterator[tuple[MockSlack, SocketModeServer]]:
    with mock_slack() as mock, socket_mode_server() as server:
        mock.socket_url = server.url
        configured = socket_settings(settings, mock)
        app = build_slack_app(configured, slack_bot(configured, lambda: service))
        handler = socket_mode_handler(configured, app)
        handler.connect()
        try:
            yield mock, server
        finally:
            handler.close()


def test_events_commands_and_buttons_over_socket_mode(slack: tuple[MockSlack, SocketModeServer]) -> None:
    mock, server = slack
    (opened,) = mock.calls_to("apps.connections.open")
    assert opened.headers["Authorization"] == "Bearer xapp-test"
    ts = f"{time.time():.6f}"
    ack = server.send(
        "events_api",
        event_body(mention("What is an ASO?", ts=ts, channel="CS1"), event_id="EvS1"),
        envelope_id="e1",
    )
    assert ack == {"envelope_id": "e1"}
    (reply,) = in_channel(mock, "CS1")
    assert reply.body["thread_ts"] == ts and source_numbers(reply.body["blocks"])

    ack = server.send(
        "slash_commands", command_form("What is a PEO?", mock.response_url("sock-cmd")), envelope_id="e2"
    )
    assert ack["envelope_id"] == "e2"
    (private,) = mock.wait_for("response/sock-cmd")
    assert private.body["response_type"] == "ephemeral" and source_numbers(private.body["blocks"])

    value = buttons(reply.body["blocks"])[FEEDBACK_UP]["value"]
    pressed = block_actions(
        {"action_id": FEEDBACK_UP, "value": value},
        response_url=mock.response_url("sock-up"),
        message_ts="1.2",
        message=reply.body,
        channel="CS1",
    )
    assert server.send("interactive", pressed, envelope_id="e3")["envelope_id"] == "e3"
    (thanks,) = mock.wait_for("response/sock-up")
    assert thanks.body["response_type"] == "ephemeral"


def test_guidebot_slack_command_answers_over_socket_mode(tmp_path: Path, settings: Settings) -> None:
    """`guidebot slack` as a real process: it connects, and a mention gets one threaded reply."""
    with mock_slack() as mock, socket_mode_server() as server:
        mock.socket_url = server.url
        env = {
            **os.environ,
            "GUIDEBOT_DATA_DIR": str(settings.data_dir),  # the session's index: no second build
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_APP_TOKEN": "xapp-test",
            "GUIDEBOT_SLACK_API_URL": mock.api_url,
        }
        log = (tmp_path / "slack.log").open("wb")
        guidebot = Path(sys.executable).with_name("guidebot")
        proc = subprocess.Popen([str(guidebot), "slack"], env=env, cwd=tmp_path, stdout=log, stderr=log)
        try:
            server.wait_connected(timeout=240)
            ts = f"{time.time():.6f}"
            body = event_body(mention("What is a PEO?", ts=ts, channel="CS2"), event_id="EvS2")
            assert server.send("events_api", body, envelope_id="e4") == {"envelope_id": "e4"}
            (reply,) = in_channel(mock, "CS2")
            assert reply.body["thread_ts"] == ts and source_numbers(reply.body["blocks"])
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            log.close()


def test_guidebot_slack_needs_its_tokens(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    guidebot = Path(sys.executable).with_name("guidebot")
    done = subprocess.run([str(guidebot), "slack"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2
    assert "SLACK_APP_TOKEN" in done.stderr
