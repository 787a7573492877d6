"""Coverage gaps: failed questions grouped by meaning (the real MiniLM encoder), end to end via the API."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from bot.agent.csv_export import GAP_COLUMNS
from bot.gaps import group_gaps
from bot.service import AnswerService
from bot.storage.log import GapQuestion
from tests.agent_support import BEARER

SEEDED = {
    "laptop": [
        "How do I reset my laptop password?",
        "I forgot the password for my work laptop, how can I reset it?",
        "Steps to change my computer login password",
    ],
    "parking": [
        "Where can I park my car at the office?",
        "Is there employee parking near the building?",
        "How do I get a parking permit for the office garage?",
    ],
    "vacation": [
        "How many vacation days do I get per year?",
        "What is my annual paid time off allowance?",
    ],
}
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def seeded() -> list[GapQuestion]:
    out, n = [], 0
    for topic, questions in SEEDED.items():
        for text in questions:
            n += 1
            out.append(
                GapQuestion(
                    conversation_id=f"c_{topic}_{n}",
                    index=0,
                    message=text,
                    status="out_of_scope",
                    created_at=START + timedelta(hours=n),
                    reasons=["out_of_scope"],
                )
            )
    return out


def test_similar_questions_land_in_one_group(service: AnswerService) -> None:
    groups = group_gaps(seeded(), service.reader.encoder)
    by_topic = {frozenset(q.conversation_id.split("_")[1] for q in g.questions) for g in groups}
    assert by_topic == {frozenset({"laptop"}), frozenset({"parking"}), frozenset({"vacation"})}
    for g in groups:
        members = [q.message for q in g.questions]
        assert g.label in members and g.count == len(members)
        assert g.last_seen == max(q.created_at for q in g.questions)
        assert [q.created_at for q in g.questions] == sorted(
            (q.created_at for q in g.questions), reverse=True
        )
        assert g.reasons == {"out_of_scope": g.count}
    assert [g.last_seen for g in groups] == sorted((g.last_seen for g in groups), reverse=True)


def test_the_label_is_the_most_typical_question(service: AnswerService) -> None:
    questions = seeded()[:3]
    vectors = service.reader.encoder.encode([q.message for q in questions])
    typical = questions[int((vectors @ vectors.T).sum(axis=1).argmax())].message
    (group,) = group_gaps(questions, service.reader.encoder)
    assert group.label == typical


def test_no_questions_no_groups(service: AnswerService) -> None:
    assert group_gaps([], service.reader.encoder) == []
    (one,) = group_gaps(seeded()[:1], service.reader.encoder)
    assert one.count == 1 and one.label == SEEDED["laptop"][0]


def test_out_of_scope_chat_questions_show_up_grouped_in_the_gaps(agent_client: TestClient) -> None:
    asked = [
        "What is the boiling point of mercury?",
        "At what temperature does mercury boil?",
        "Who won the football world cup in 2014?",
        "Which country won the 2014 FIFA World Cup?",
    ]
    for message in asked:
        body = agent_client.post("/api/chat", json={"message": message, "channel": "web"}).json()
        assert body["status"] == "out_of_scope", message
    resp = agent_client.get("/api/agent/gaps", headers=BEARER)
    assert resp.status_code == 200
    groups = resp.json()["groups"]

    def group_of(message: str) -> dict:
        (found,) = [g for g in groups if message in {q["message"] for q in g["questions"]}]
        return found

    mercury, cup = group_of(asked[0]), group_of(asked[2])
    assert group_of(asked[1]) is mercury and group_of(asked[3]) is cup and mercury is not cup
    assert mercury["label"] in asked[:2] and cup["label"] in asked[2:]
    assert mercury["count"] >= 2 and mercury["reasons"]["out_of_scope"] >= 2
    seen = [g["last_seen"] for g in groups]
    assert seen == sorted(seen, reverse=True)

    exported = agent_client.get("/api/agent/gaps.csv", headers=BEARER)
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert tuple(rows[0]) == GAP_COLUMNS and len(rows) == len(groups) + 1
    assert all(len(r) == len(GAP_COLUMNS) for r in rows)
    assert {r[0] for r in rows[1:]} == {g["label"] for g in groups}

    page = agent_client.get("/agent/gaps", headers=BEARER)
    assert page.status_code == 401  # pages take the session cookie, not the bearer header


def test_a_second_gap_report_encodes_no_stored_question_again(
    agent_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    for message in ("What is the boiling point of mercury?", "Who won the 2014 world cup?"):
        agent_client.post("/api/chat", json={"message": message, "channel": "web"})
    first = agent_client.get("/api/agent/gaps", headers=BEARER).json()["groups"]
    encoded: list[str] = []
    inner = agent_client.app.state.gap_encoder.inner  # type: ignore[attr-defined]
    original = inner.encode

    def counting(texts: list[str], **kwargs: int) -> object:
        encoded.extend(texts)
        return original(texts, **kwargs)

    monkeypatch.setattr(inner, "encode", counting)
    again = agent_client.get("/api/agent/gaps.csv", headers=BEARER)
    assert again.status_code == 200 and encoded == []
    assert agent_client.get("/api/agent/gaps", headers=BEARER).json()["groups"] == first
