"""The Slack app through /slack/events on the real HTTP app, against a local mock Slack Web API.

Every request is signed as Slack signs it; replies are read from what the mock server recorded."""

from __future__ import annotations

import json
import logging
import re
import time
import urllib.parse
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bot.api import create_app
from bot.service import AnswerService
from bot.settings import Settings
from bot.slack.format import ESCALATE, FEEDBACK_DOWN, FEEDBACK_UP, SHARE, escape
from bot.storage.slack import SlackStore, ThreadKey
from tests.slack_mock import (
    TEAM,
    Call,
    MockSlack,
    block_actions,
    event_body,
    mention,
    message,
    mock_slack,
    signed_headers,
    wait_until,
)
from tests.support import wait_ready

SECRET = "test-signing-secret"
LINK_BASE = "https://guidebot.example.com"
SUPPORT = "C0SUPPORT"

pytestmark = pytest.mark.slow


def slack_settings(settings: Settings, mock: MockSlack) -> Settings:
    return settings.model_copy(
        update={
            "slack_bot_token": SecretStr("xoxb-test"),
            "slack_signing_secret": SecretStr(SECRET),
            "slack_api_url": mock.api_url,
            "slack_support_channel": SUPPORT,
            "slack_link_base_url": LINK_BASE,
        }
    )


@pytest.fixture(scope="module")
def slack(settings: Settings, service: AnswerService) -> Iterator[tuple[TestClient, MockSlack]]:
    with mock_slack() as mock:
        app = create_app(slack_settings(settings, mock), service_factory=lambda _: service)
        with TestClient(app) as client:
            wait_ready(client)
            yield client, mock


@pytest.fixture
def client(slack: tuple[TestClient, MockSlack]) -> TestClient:
    return slack[0]


@pytest.fixture
def mock(slack: tuple[TestClient, MockSlack]) -> MockSlack:
    return slack[1]


def post_json(client: TestClient, body: dict[str, Any], **signing: Any) -> httpx.Response:
    raw = json.dumps(body)
    return client.post("/slack/events", content=raw, headers=signed_headers(SECRET, raw, **signing))


def post_form(client: TestClient, form: dict[str, str]) -> httpx.Response:
    raw = urllib.parse.urlencode(form)
    headers = signed_headers(SECRET, raw, content_type="application/x-www-form-urlencoded")
    return client.post("/slack/events", content=raw, headers=headers)


def press(client: TestClient, payload: dict[str, Any]) -> httpx.Response:
    return post_form(client, {"payload": json.dumps(payload)})


def in_channel(mock: MockSlack, channel: str, count: int = 1) -> list[Call]:
    """Wait for `count` messages posted to `channel` and return all of them."""
    wait_until(lambda: len(posts(mock, channel)) >= count, what=f"{count} post(s) to {channel}")
    return posts(mock, channel)


def posts(mock: MockSlack, channel: str) -> list[Call]:
    return [c for c in mock.calls_to("chat.postMessage") if c.body.get("channel") == channel]


def texts_of(blocks: list[dict[str, Any]]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b.get("type") == "section"]


def source_numbers(blocks: list[dict[str, Any]]) -> list[int]:
    return [int(m.group(1)) for t in texts_of(blocks) if (m := re.match(r"\*\[(\d+)\]\* <", t))]


def markers(blocks: list[dict[str, Any]]) -> set[int]:
    answer = " ".join(t for t in texts_of(blocks) if not re.match(r"\*\[\d+\]\* <", t))
    return {int(n) for n in re.findall(r"\[(\d+)\]", answer)}


def buttons(blocks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["action_id"]: e for b in blocks if b["type"] == "actions" for e in b["elements"]}


def unique_ts() -> str:
    return f"{time.time():.6f}"


# --- signatures -------------------------------------------------------------------------------------


def test_signed_mention_is_answered_in_its_thread_with_numbered_sources(
    client: TestClient, mock: MockSlack
) -> None:
    ts = unique_ts()
    resp = post_json(
        client, event_body(mention("What is the downside of a PEO?", ts=ts, channel="C1"), event_id="Ev1")
    )
    assert resp.status_code == 200
    (post,) = in_channel(mock, "C1")
    assert post.body["thread_ts"] == ts
    assert post.headers["Authorization"] == "Bearer xoxb-test"
    blocks = post.body["blocks"]
    numbers = source_numbers(blocks)
    assert numbers and numbers == list(range(1, len(numbers) + 1))
    assert markers(blocks) == set(numbers), "sources must be numbered exactly as the answer's markers"
    links = re.findall(r"<([^|>]+)\|", " ".join(texts_of(blocks)))
    assert links and all(url.startswith(("https://", "http://")) for url in links)
    assert any(url.startswith(f"{LINK_BASE}/docs/") for url in links) or all("docs" not in u for u in links)
    assert {FEEDBACK_UP, FEEDBACK_DOWN, ESCALATE} <= set(buttons(blocks))
    assert post.body["text"]  # plain fallback for notifications


def test_tampered_or_stale_requests_are_refused(client: TestClient, mock: MockSlack) -> None:
    body = event_body(mention("What is a PEO?", ts=unique_ts(), channel="C2"), event_id="Ev2")
    raw = json.dumps(body)
    headers = signed_headers(SECRET, raw)
    tampered = raw.replace("What is a PEO?", "What is an EOR?")
    assert client.post("/slack/events", content=tampered, headers=headers).status_code == 401
    stale = signed_headers(SECRET, raw, timestamp=int(time.time()) - 6 * 60)  # Bolt allows five minutes
    assert client.post("/slack/events", content=raw, headers=stale).status_code == 401
    wrong = signed_headers("not-the-secret", raw)
    assert client.post("/slack/events", content=raw, headers=wrong).status_code == 401
    # a correctly signed copy still goes through: the refusals above posted nothing
    assert post_json(client, body).status_code == 200
    assert len(in_channel(mock, "C2")) == 1


def test_request_url_verification_answers_the_challenge(client: TestClient) -> None:
    """What Slack sends when an admin saves the Request URL from the manifest."""
    resp = post_json(client, {"token": "legacy", "challenge": "c-123", "type": "url_verification"})
    assert resp.status_code == 200 and resp.json() == {"challenge": "c-123"}


# --- threads -----------------------------------------------------------------------------------------


def test_a_thread_is_one_conversation(client: TestClient, mock: MockSlack, service: AnswerService) -> None:
    root = unique_ts()
    post_json(client, event_body(mention("What is a PEO?", ts=root, channel="C3"), event_id="Ev3a"))
    in_channel(mock, "C3", 1)
    follow = message("What are its downsides?", ts=unique_ts(), channel="C3", thread_ts=root)
    post_json(client, event_body(follow, event_id="Ev3b"))
    second = in_channel(mock, "C3", 2)[1]
    assert second.body["thread_ts"] == root
    conversation = SlackStore(service.conversations.engine).conversation(ThreadKey(TEAM, "C3", root))
    assert conversation is not None
    turns = service.conversations.turns(conversation)
    assert [t.message for t in turns] == ["What is a PEO?", "What are its downsides?"]
    # the follow-up was read with the first turn as context: it is answered about PEOs, from the guide
    assert turns[1].status == "answered"
    assert any("PEO" in c["section"] or "PEO" in c["quote"] for c in turns[1].citations)
    assert source_numbers(second.body["blocks"])


def ignored(caplog: pytest.LogCaptureFixture, event_id: str) -> bool:
    return f"slack event {event_id} is not for the bot: ignored" in caplog.text


def test_a_mention_in_a_thread_is_answered_once(
    client: TestClient, mock: MockSlack, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack sends a mention twice (app_mention and message): only the app_mention answers."""
    caplog.set_level(logging.DEBUG, logger="bot.slack.listeners")
    root = unique_ts()
    post_json(client, event_body(mention("What is an EOR?", ts=root, channel="C13"), event_id="Ev13a"))
    in_channel(mock, "C13", 1)
    later = unique_ts()
    again = mention("And an ASO?", ts=later, channel="C13", thread_ts=root)
    as_message = message(again["text"], ts=later, channel="C13", thread_ts=root)
    post_json(client, event_body(as_message, event_id="Ev13b"))
    post_json(client, event_body(again, event_id="Ev13c"))
    post_json(
        client,
        event_body(message("And an HRO?", ts=unique_ts(), channel="C13", thread_ts=root), event_id="Ev13d"),
    )
    replies = in_channel(mock, "C13", 3)
    wait_until(lambda: ignored(caplog, "Ev13b"), what="the message copy of the mention to be ignored")
    assert len(posts(mock, "C13")) == 3 and {r.body["thread_ts"] for r in replies} == {root}


def test_threads_it_was_not_mentioned_in_and_bots_are_ignored(
    client: TestClient, mock: MockSlack, caplog: pytest.LogCaptureFixture
) -> None:
    stranger = message("What is a PEO?", ts=unique_ts(), channel="C4", thread_ts="1.000001")
    from_bot = message("What is an ASO?", ts=unique_ts(), channel="C4", channel_type="im", bot_id="BOTHER")
    top_level = message("What is an ASO?", ts=unique_ts(), channel="C4")
    edited = message(
        "What is an ASO?", ts=unique_ts(), channel="D4", channel_type="im", subtype="message_changed"
    )
    caplog.set_level(logging.DEBUG, logger="bot.slack.listeners")
    for n, event in enumerate([stranger, from_bot, top_level, edited]):
        assert post_json(client, event_body(event, event_id=f"Ev4{n}")).status_code == 200
    wait_until(lambda: all(ignored(caplog, f"Ev4{n}") for n in range(3)), what="the three to be ignored")
    # a direct message afterwards is answered: the ignored ones above never posted
    dm = message("What is an ASO?", ts=unique_ts(), channel="D4", channel_type="im")
    post_json(client, event_body(dm, event_id="Ev4dm"))
    (reply,) = in_channel(mock, "D4")
    assert reply.body.get("thread_ts") is None  # a DM is answered in the conversation itself
    assert posts(mock, "C4") == []


def test_requests_are_acked_before_the_answer_is_posted(client: TestClient, mock: MockSlack) -> None:
    """The HTTP response does not wait for the reply: Slack's posts are held until after it."""
    with mock.held("chat.postMessage"), mock.held("response/ack15"):
        event = event_body(mention("What is a PEO?", ts=unique_ts(), channel="C15"), event_id="Ev15")
        assert post_json(client, event).status_code == 200
        assert (
            post_form(client, command_form("What is an ASO?", mock.response_url("ack15"))).status_code == 200
        )
        assert posts(mock, "C15") == [] and mock.calls_to("response/ack15") == []
    assert len(in_channel(mock, "C15")) == 1
    assert len(mock.wait_for("response/ack15")) == 1


# --- Slack's rules -----------------------------------------------------------------------------------


def test_a_retry_of_a_delivered_event_posts_nothing(
    client: TestClient, mock: MockSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.slack.bot")
    body = event_body(mention("What is an ASO?", ts=unique_ts(), channel="C5"), event_id="Ev5")
    assert post_json(client, body).status_code == 200
    in_channel(mock, "C5")
    assert post_json(client, body, retry=1).status_code == 200
    wait_until(lambda: "Ev5 was already taken" in caplog.text, what="the retry to be dropped")
    assert len(posts(mock, "C5")) == 1


def test_a_retry_whose_first_delivery_never_arrived_is_answered_once(
    client: TestClient, mock: MockSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.slack.bot")
    body = event_body(mention("What is an ASO?", ts=unique_ts(), channel="C6"), event_id="Ev6")
    assert post_json(client, body, retry=1).status_code == 200
    assert post_json(client, body, retry=2).status_code == 200
    wait_until(lambda: "Ev6 was already taken" in caplog.text, what="the second retry to be dropped")
    assert len(in_channel(mock, "C6")) == 1


def test_rate_limited_post_is_retried_after_retry_after(client: TestClient, mock: MockSlack) -> None:
    mock.rate_limit("chat.postMessage", times=1, retry_after=1)
    post_json(client, event_body(mention("What is a PEO?", ts=unique_ts(), channel="C7"), event_id="Ev7"))
    assert len(in_channel(mock, "C7")) == 1
    tries = [c for c in mock.calls_to("chat.postMessage", ok_only=False) if c.body.get("channel") == "C7"]
    assert [c.status for c in tries] == [429, 200]
    assert tries[1].at - tries[0].at >= 1.0  # it waited the Retry-After before trying again


# --- /hrguide, buttons, App Home ---------------------------------------------------------------------


def command_form(text: str, response_url: str) -> dict[str, str]:
    return {
        "token": "legacy",
        "team_id": TEAM,
        "channel_id": "C8",
        "user_id": "U0001",
        "command": "/hrguide",
        "text": text,
        "response_url": response_url,
        "trigger_id": "1.2.3",
        "api_app_id": "A0001",
    }


def test_slash_command_answers_privately_and_shares(client: TestClient, mock: MockSlack) -> None:
    url = mock.response_url("cmd8")
    resp = post_form(client, command_form("What is the downside of a PEO?", url))
    assert resp.status_code == 200
    (private,) = mock.wait_for("response/cmd8")
    assert private.body["response_type"] == "ephemeral"
    share = buttons(private.body["blocks"])[SHARE]
    pressed = block_actions(
        {"action_id": SHARE, "value": share["value"]},
        response_url=mock.response_url("share8"),
        message_ts="1.1",
        ephemeral=True,
        channel="C8",
    )
    assert press(client, pressed).status_code == 200
    shared, deleted = mock.wait_for("response/share8", 2)
    assert shared.body["response_type"] == "in_channel"
    assert texts_of(shared.body["blocks"]) == texts_of(private.body["blocks"])  # the same answer, for all
    assert SHARE not in buttons(shared.body["blocks"])
    assert deleted.body.get("delete_original") is True


def test_slash_command_without_a_question_gets_usage(client: TestClient) -> None:
    resp = post_form(client, command_form("  ", "http://127.0.0.1:1/unused"))
    assert resp.status_code == 200 and "/hrguide" in resp.json()["text"]


def answered_in(client: TestClient, mock: MockSlack, channel: str, question: str) -> Call:
    post_json(client, event_body(mention(question, ts=unique_ts(), channel=channel), event_id=f"Ev{channel}"))
    return in_channel(mock, channel)[-1]


def test_feedback_buttons_store_the_rating(
    client: TestClient, mock: MockSlack, service: AnswerService
) -> None:
    reply = answered_in(client, mock, "C9", "What is an ASO?")
    value = buttons(reply.body["blocks"])[FEEDBACK_DOWN]["value"]
    for action_id, name in [(FEEDBACK_UP, "up9"), (FEEDBACK_DOWN, "down9")]:
        pressed = block_actions(
            {"action_id": action_id, "value": value},
            response_url=mock.response_url(name),
            message_ts="9.9",
            message=reply.body,
            channel="C9",
        )
        assert press(client, pressed).status_code == 200
        (thanks,) = mock.wait_for(f"response/{name}")
        assert thanks.body["response_type"] == "ephemeral"
    conversation, index = value.rsplit(":", 1)
    ratings = service.feedback.ratings(conversation)
    assert [(r.message_index, r.rating, r.channel) for r in ratings] == [(int(index), "down", "slack")]


def test_ask_a_person_posts_to_the_support_channel(
    client: TestClient, mock: MockSlack, service: AnswerService
) -> None:
    question = "What is a PEO? <!channel> @here & thanks"
    reply = answered_in(client, mock, "C10", question)
    value = buttons(reply.body["blocks"])[ESCALATE]["value"]
    pressed = block_actions(
        {"action_id": ESCALATE, "value": value},
        response_url=mock.response_url("esc10"),
        message_ts="10.1",
        message=reply.body,
        channel="C10",
    )
    assert press(client, pressed).status_code == 200
    (told,) = mock.wait_for("response/esc10")
    assert "passed" in told.body["text"] and f"<#{SUPPORT}>" in told.body["text"]
    (escalated,) = in_channel(mock, SUPPORT)
    text = " ".join(texts_of(escalated.body["blocks"]))
    assert "<@U0001>" in text
    assert "&lt;!channel&gt;" in text and "@\u200bhere" in text and "&amp; thanks" in text
    assert "<!channel>" not in json.dumps(escalated.body) and "@here" not in text
    assert texts_of(reply.body["blocks"])[0] in text  # the answer as the asker saw it
    assert source_numbers(escalated.body["blocks"]) == source_numbers(reply.body["blocks"])
    conversation, index = value.rsplit(":", 1)
    assert service.feedback.escalations(conversation) == [(int(index), SUPPORT)]


def test_follow_up_question_offers_likely_answers(
    client: TestClient, mock: MockSlack, service: AnswerService
) -> None:
    reply = answered_in(client, mock, "C11", "Which model should my company choose?")
    offered = buttons(reply.body["blocks"])
    likely = [b for action_id, b in offered.items() if action_id.startswith("guidebot_follow_up_")]
    assert likely, "a needs_more_info answer offers its likely answers as buttons"
    choice = likely[0]
    pressed = block_actions(
        {"action_id": choice["action_id"], "value": choice["value"]},
        response_url=mock.response_url("fu11"),
        message_ts="11.1",
        message=reply.body,
        channel="C11",
    )
    assert press(client, pressed).status_code == 200
    posted = in_channel(mock, "C11", 2)
    assert posted[1].body["thread_ts"] == reply.body["thread_ts"]
    key = ThreadKey(TEAM, "C11", reply.body["thread_ts"])
    conversation = SlackStore(service.conversations.engine).conversation(key)
    assert conversation is not None
    said = json.loads(choice["value"])["text"]
    assert [t.message for t in service.conversations.turns(conversation)] == [
        "Which model should my company choose?",
        said,  # the button's answer is the thread's next turn, read with the question before it
    ]


def test_recommendation_block_names_the_choice_and_reasons(
    client: TestClient, mock: MockSlack, service: AnswerService
) -> None:
    question = "We have 12 employees, no HR staff and want pooled health benefits. Which model fits us?"
    reply = answered_in(client, mock, "C16", question)
    value = buttons(reply.body["blocks"])[ESCALATE]["value"]
    conversation, index = value.rsplit(":", 1)
    sent = SlackStore(service.conversations.engine).answer(conversation, int(index))
    assert sent is not None and sent.response.recommendation is not None
    rec = sent.response.recommendation
    (block,) = [t for t in texts_of(reply.body["blocks"]) if t.startswith("*Recommendation: ")]
    assert block.startswith(f"*Recommendation: {rec.choice}*")
    assert rec.reasons and all(f"• {escape(r.text)}" in block for r in rec.reasons)


def test_app_home_is_published(client: TestClient, mock: MockSlack) -> None:
    event = {
        "type": "app_home_opened",
        "user": "U0012",
        "channel": "D12",
        "tab": "home",
        "event_ts": unique_ts(),
    }
    assert post_json(client, event_body(event, event_id="Ev12")).status_code == 200
    (publish,) = [c for c in mock.wait_for("views.publish") if c.body["user_id"] == "U0012"]
    assert publish.body["view"]["type"] == "home"
    view = json.dumps(publish.body["view"])
    assert "/hrguide" in view
    assert f"<{LINK_BASE}/docs/" in view or "<http" in view  # the guide's documents, linked


# --- without Slack ------------------------------------------------------------------------------------


def no_service(_: Settings) -> AnswerService:
    raise RuntimeError("this test needs no answer service")


def test_without_slack_settings_events_answer_404(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.slack.http")
    app = create_app(settings, service_factory=no_service)
    with TestClient(app) as plain:
        resp = plain.post("/slack/events", content=b"{}")
        assert plain.get("/healthz").status_code == 200
    assert resp.status_code == 404
    assert resp.json()["error"]["code"] == "not_found"
    assert "SLACK_BOT_TOKEN" in resp.json()["error"]["message"]
    assert "Slack app is off" in caplog.text
