"""The Slack formatter and texts: pure functions, table-tested."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from bot.contract import ChatResponse, Citation, Reason, Recommendation
from bot.rules.quick_replies import load_quick_replies
from bot.settings import Settings
from bot.slack.format import (
    ESCALATE,
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    SHARE,
    AnswerRef,
    absolute,
    escape,
    home_view,
    mrkdwn,
    reply_blocks,
    short_quote,
)
from bot.slack.texts import SlackTextsError, default_texts, load_texts

TEXTS = default_texts()
BASE = "https://guidebot.example.com"


def citation(n: int, **fields: str) -> Citation:
    values = {
        "doc_id": "peo-vs-aso",
        "doc_title": "PEO vs. ASO",
        "section": f"Section {n}",
        "quote": f"Quote number {n}.",
        "url": f"/docs/peo-vs-aso#section-{n}",
    }
    return Citation(n=n, **(values | fields))


def response(answer: str, citations: list[Citation], **fields: object) -> ChatResponse:
    values: dict[str, object] = {"conversation_id": "c_1", "status": "answered", "message_index": 2}
    return ChatResponse(answer=answer, citations=citations, **(values | fields))  # type: ignore[arg-type]


def sections(blocks: list[dict]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def action_ids(blocks: list[dict]) -> list[str]:
    return [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a & b", "a &amp; b"),
        ("<script>", "&lt;script&gt;"),
        ("<!channel> hi", "&lt;!channel&gt; hi"),
        ("<!everyone>", "&lt;!everyone&gt;"),
        ("hey @here and @channel", "hey @\u200bhere and @\u200bchannel"),
        ("@Everyone", "@\u200bEveryone"),
        ("mail me@example.com", "mail me@example.com"),
        ("&amp;", "&amp;amp;"),  # text is escaped as typed, never interpreted
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_mrkdwn_converts_bold_and_bullets() -> None:
    assert mrkdwn("**PEO** <b>\n- one\n- two") == "*PEO* &lt;b&gt;\n• one\n• two"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/docs/peo-vs-aso#a", f"{BASE}/docs/peo-vs-aso#a"),
        ("docs/x", f"{BASE}/docs/x"),
        ("https://other.example.org/guide#b", "https://other.example.org/guide#b"),
    ],
)
def test_absolute(url: str, expected: str) -> None:
    assert absolute(url, BASE) == expected
    assert absolute(url, BASE + "/") == expected


def test_short_quote_cuts_at_a_word() -> None:
    quote = "word " * 100
    short = short_quote(quote, limit=23)
    assert short == "word word word word…"
    assert short_quote("  a   b ") == "a b"


def test_sources_are_numbered_as_the_markers_and_linked() -> None:
    reply = response(
        "PEOs pool benefits [1]. ASOs do not [2].", [citation(1), citation(2, quote="x <y> & z")]
    )
    blocks = reply_blocks(reply, texts=TEXTS, base_url=BASE)
    texts = sections(blocks)
    assert texts[0] == "PEOs pool benefits [1]. ASOs do not [2]."
    sources = [t for t in texts if t.startswith("*[")]
    assert [re.match(r"\*\[(\d+)\]\*", s).group(1) for s in sources] == ["1", "2"]  # type: ignore[union-attr]
    assert sources[0].startswith(f"*[1]* <{BASE}/docs/peo-vs-aso#section-1|Section 1>")
    assert sources[1].endswith(">x &lt;y&gt; &amp; z")
    assert action_ids(blocks) == [FEEDBACK_UP, FEEDBACK_DOWN, ESCALATE]
    assert {e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]} == {"c_1:2"}


def test_share_button_and_no_buttons() -> None:
    reply = response("An answer [1].", [citation(1)])
    assert action_ids(reply_blocks(reply, texts=TEXTS, base_url=BASE, share=True))[0] == SHARE
    assert action_ids(reply_blocks(reply, texts=TEXTS, base_url=BASE, buttons=False)) == []


def test_out_of_scope_has_no_sources_block() -> None:
    reply = response("The guide does not cover that.", [], status="out_of_scope")
    blocks = reply_blocks(reply, texts=TEXTS, base_url=BASE)
    assert [b["type"] for b in blocks] == ["section", "actions"]


def test_recommendation_block_shows_choice_and_reasons() -> None:
    reason = Reason(rule_id="r", text="Without HR staff, a PEO does it all <fully>.", section="S", quote="q")
    rec = Recommendation(
        choice="PEO", summary="A PEO fits.", reasons=[reason, reason], missing=[], profile={}
    )
    blocks = reply_blocks(
        response("A PEO fits [1].", [citation(1)], recommendation=rec), texts=TEXTS, base_url=BASE
    )
    (block,) = [t for t in sections(blocks) if t.startswith("*Recommendation")]
    assert block == "*Recommendation: PEO*\nA PEO fits.\n• Without HR staff, a PEO does it all &lt;fully&gt;."


def test_follow_up_offers_answers_for_the_facts_it_asks() -> None:
    missing = ["in_house_hr", "employees", "multi_state", "cost_priority"]
    rec = Recommendation(choice="UNDECIDED", summary="?", reasons=[], missing=missing, profile={})
    question = "Could you tell me whether you have HR staff, how many employees and where they are?"
    reply = response(question, [], status="needs_more_info", recommendation=rec, follow_up=question)
    blocks = reply_blocks(reply, texts=TEXTS, base_url=BASE, asked_facts=3)
    assert sections(blocks) == [question]
    likely = [e for b in blocks if b.get("block_id") == "guidebot_follow_up" for e in b["elements"]]
    offered = [o.label for field in missing[:3] for o in load_quick_replies().root[field]]
    assert [e["text"]["text"] for e in likely] == offered
    assert all(AnswerRef.decode(json.loads(e["value"])["ref"]) == AnswerRef("c_1", 2) for e in likely)


def test_answer_ref_round_trip() -> None:
    ref = AnswerRef("c_abc", 12)
    assert AnswerRef.decode(ref.encode()) == ref
    assert AnswerRef.decode("nonsense") is None
    assert AnswerRef.decode(":3") is None


def test_home_view_explains_how_to_ask() -> None:
    view = home_view(TEXTS, documents=[("PEO & ASO", "/docs/peo-vs-aso")], base_url=BASE)
    assert view["type"] == "home"
    text = str(view)
    assert "/hrguide" in text and "PEO" in text
    assert f"• <{BASE}/docs/peo-vs-aso|PEO &amp; ASO>" in text


def test_bad_texts_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "texts.yaml"
    path.write_text("home: {}\nreply: {}\nsurprise: 1\n")
    with pytest.raises(SlackTextsError, match=str(path)):
        load_texts(path)


def test_manifest_asks_for_what_the_app_handles() -> None:
    manifest = yaml.safe_load(
        (Path(__file__).resolve().parent.parent / "slack" / "manifest.yaml").read_text()
    )
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == ["/hrguide"]
    assert features["app_home"]["home_tab_enabled"] and features["app_home"]["messages_tab_enabled"]
    events = set(settings["event_subscriptions"]["bot_events"])
    assert {"app_mention", "app_home_opened", "message.im", "message.channels", "message.groups"} <= events
    assert settings["interactivity"]["is_enabled"]
    urls = {settings["event_subscriptions"]["request_url"], settings["interactivity"]["request_url"]}
    urls.add(features["slash_commands"][0]["url"])
    assert {u.rsplit("/", 2)[-2:] == ["slack", "events"] for u in urls} == {True}
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "channels:history"} <= scopes


def test_settings_take_slacks_own_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s3cret")
    monkeypatch.setenv("GUIDEBOT_SLACK_APP_TOKEN", "xapp-ignored")  # the credentials have no prefix
    monkeypatch.setenv("GUIDEBOT_SLACK_API_URL", "http://127.0.0.1:9/api/")
    monkeypatch.setenv("GUIDEBOT_SLACK_SUPPORT_CHANNEL", "C0HELP")
    settings = Settings()
    assert settings.slack_bot_token is not None and settings.slack_bot_token.get_secret_value() == "xoxb-1"
    assert settings.slack_signing_secret is not None
    assert settings.slack_app_token is None
    assert (settings.slack_api_url, settings.slack_support_channel) == ("http://127.0.0.1:9/api/", "C0HELP")
    assert "xoxb-1" not in repr(settings)  # secrets stay out of logs
