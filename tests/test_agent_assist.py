"""Reply drafts and their traces: passages with ranks and scores, the follow-up read, the rules fired."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from bot.contract import Profile
from bot.rules.engine import recommend
from bot.service import AnswerService
from tests.agent_support import BEARER


def assist(client: TestClient, message: str, conversation_id: str | None = None) -> dict:
    resp = client.post(
        "/api/agent/assist", json={"message": message, "conversation_id": conversation_id}, headers=BEARER
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_an_answer_traces_its_passages_and_which_it_quotes(agent_client: TestClient) -> None:
    data = assist(agent_client, "What is the downside of a PEO?")
    response, trace = data["response"], data["trace"]
    assert response["status"] == "answered" and response["citations"]
    passages = trace["passages"]
    ranked = [p for p in passages if p["rank"] is not None]
    assert [p["rank"] for p in ranked] == list(range(1, len(ranked) + 1))
    scores = [p["score"] for p in ranked]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    used = [p for p in passages if p["used"]]
    assert used
    # Every cited quote lies in a passage marked as used (whitespace and table pipes aside).
    flat = [re.sub(r"[\s|]+", " ", p["text"]) for p in used]
    for cit in response["citations"]:
        head = re.sub(r"[\s|]+", " ", cit["quote"])[:60]
        assert any(head in text for text in flat) or cit["section"] in {p["section"] for p in used}
    assert trace["follow_up"]["reference"] is None and trace["recommendation"] is None
    assert "PEO" in trace["follow_up"]["models"]


def test_a_follow_up_traces_what_it_was_resolved_to(agent_client: TestClient) -> None:
    first = assist(agent_client, "What does a PEO cost?")
    conv = first["response"]["conversation_id"]
    second = assist(agent_client, "And what about an ASO?", conv)
    follow = second["trace"]["follow_up"]
    assert second["response"]["conversation_id"] == conv
    assert follow["reference"] is not None
    assert "PEO" in follow["previous_topic"] and "ASO" in follow["models"]
    assert follow["previous_question"]


def test_a_recommendation_traces_profile_fired_rules_and_missing_facts(
    agent_client: TestClient, service: AnswerService
) -> None:
    data = assist(
        agent_client, "Which should we choose? We have 12 employees, no HR staff and want pooled benefits."
    )
    response, rec_trace = data["response"], data["trace"]["recommendation"]
    assert rec_trace is not None and response["recommendation"] is not None
    assert rec_trace["profile"] == response["recommendation"]["profile"]
    assert rec_trace["profile"]["in_house_hr"] is False and rec_trace["profile"]["employees"] == 12
    fired = {r["rule_id"]: r for r in rec_trace["fired"]}
    assert {r["rule_id"] for r in response["recommendation"]["reasons"]} <= set(fired)
    table = {rule.id: rule for rule in service.rules.rules}
    for rule_id, r in fired.items():
        rule = table[rule_id]
        assert r["quote"] == rule.quote
        assert r["effect"] in (f"favours {rule.favours} (weight {rule.weight})", f"routes to {rule.route}")
    assert rec_trace["missing"] == response["recommendation"]["missing"]
    assert data["trace"]["passages"] == []


def test_the_profile_form_runs_the_rules_directly(agent_client: TestClient, service: AnswerService) -> None:
    profile = {"employees": 40, "in_house_hr": True, "wants_full_control": True}
    resp = agent_client.post("/api/agent/recommend", json=profile, headers=BEARER)
    assert resp.status_code == 200
    body = resp.json()
    expected = recommend(Profile.model_validate(profile), service.rules)
    assert body["recommendation"] == expected.model_dump()
    assert body["trace"]["choice"] == expected.choice
    assert {r.rule_id for r in expected.reasons} <= {r["rule_id"] for r in body["trace"]["fired"]}
    assert body["trace"]["missing"] == expected.missing
    bad = agent_client.post("/api/agent/recommend", json={"employees": 0}, headers=BEARER)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"


def test_the_draft_has_footnoted_sources_in_markdown_and_plain_text(agent_client: TestClient) -> None:
    data = assist(agent_client, "What is the downside of a PEO?")
    citations, draft = data["response"]["citations"], data["draft"]
    markdown, plain = draft["markdown"], draft["plain_text"]
    body = markdown[: markdown.index("[^1]: [")]  # the answer, before its footnotes
    for c in citations:
        url = c["url"] if c["url"].startswith("http") else "https://testserver" + c["url"]
        assert f"[^{c['n']}]: [" in markdown and f"]({url})" in markdown
        assert f"[^{c['n']}]" in body
        assert f"[{c['n']}] {c['section']}" in plain and url in plain
    assert "[^" not in plain and "Sources:" in plain


def test_a_console_turn_is_logged_as_channel_agent(agent_client: TestClient) -> None:
    data = assist(agent_client, "Who files payroll taxes under an ASO?")
    conv = data["response"]["conversation_id"]
    stored = agent_client.get(f"/api/agent/conversations/{conv}", headers=BEARER).json()
    assert [t["channel"] for t in stored["turns"]] == ["agent"]
    assert stored["turns"][0]["message"] == "Who files payroll taxes under an ASO?"
    assert stored["turns"][0]["answer"] == data["response"]["answer"]


def test_an_empty_question_is_a_clear_error(agent_client: TestClient) -> None:
    resp = agent_client.post("/api/agent/assist", json={"message": "   "}, headers=BEARER)
    assert resp.status_code == 422 and "message" in resp.json()["error"]["message"]
