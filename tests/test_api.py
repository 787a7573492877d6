"""The real HTTP app through TestClient on the shared service, plus one end-to-end `guidebot serve`."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bench.server_process import running_server
from bench.server_process import wait_ready as wait_until_ready
from bot.api import create_app
from bot.api.docs_page import render_document
from bot.contract import ChatResponse, Recommendation
from bot.service import AnswerService
from bot.settings import Settings
from ingest.corpus import ListBlock, Paragraph, Section, Table, parse_markdown
from tests.support import CHAT_KEYS, wait_ready

CITATION_KEYS = {"n", "doc_id", "doc_title", "section", "quote", "url"}


def assert_error(resp, status: int, code: str) -> str:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]["message"]


def assert_chat_contract(body: dict) -> ChatResponse:
    assert set(body) == CHAT_KEYS
    parsed = ChatResponse.model_validate(body)
    assert parsed.status in ("answered", "out_of_scope", "needs_more_info")
    assert parsed.conversation_id
    ns = [c.n for c in parsed.citations]
    assert ns == list(range(1, len(ns) + 1))
    for cit in body["citations"]:
        assert set(cit) == CITATION_KEYS
    markers = {int(m) for m in re.findall(r"\[(\d+)\]", parsed.answer)}
    assert markers <= set(ns), f"answer cites {markers} but citations are {ns}"
    if parsed.status == "answered":
        assert parsed.citations
    if parsed.status == "out_of_scope":
        assert parsed.citations == []
    if parsed.status == "needs_more_info":
        assert parsed.follow_up
    return parsed


# --- /api/chat -------------------------------------------------------------------------------------


def test_chat_answers_with_contract_shape(client: TestClient) -> None:
    resp = client.post("/api/chat", json={"message": "What is the downside of a PEO?"})
    assert resp.status_code == 200
    parsed = assert_chat_contract(resp.json())
    assert parsed.status == "answered"
    assert all(c.url.startswith("/docs/peo-vs-aso#") or c.url.startswith("http") for c in parsed.citations)


def test_chat_out_of_scope_has_no_citations(client: TestClient) -> None:
    resp = client.post("/api/chat", json={"message": "What is the boiling point of mercury?"})
    assert resp.status_code == 200
    assert_chat_contract(resp.json())


def test_chat_keeps_the_conversation(client: TestClient) -> None:
    first = client.post("/api/chat", json={"message": "What is a PEO?", "channel": "web"}).json()
    conv = first["conversation_id"]
    second = client.post("/api/chat", json={"message": "What are its downsides?", "conversation_id": conv})
    assert second.status_code == 200
    assert assert_chat_contract(second.json()).conversation_id == conv


def test_chat_unknown_conversation_starts_a_new_one(client: TestClient) -> None:
    resp = client.post("/api/chat", json={"message": "What is an ASO?", "conversation_id": "c_nope"})
    assert resp.status_code == 200
    assert_chat_contract(resp.json())


def test_chat_recommendation_turns(client: TestClient) -> None:
    first = client.post("/api/chat", json={"message": "Which model should we choose, PEO or ASO?"}).json()
    assert_chat_contract(first)
    second = client.post(
        "/api/chat",
        json={
            "message": "We have 8 employees, no HR staff, and pooled health benefits matter a lot.",
            "conversation_id": first["conversation_id"],
        },
    ).json()
    parsed = assert_chat_contract(second)
    if parsed.recommendation is not None:
        Recommendation.model_validate(second["recommendation"])


def test_markup_in_a_question_never_comes_back(client: TestClient) -> None:
    resp = client.post("/api/chat", json={"message": "<script>alert(1)</script> what is a PEO?"})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/json")
    body = assert_chat_contract(resp.json())
    assert "<script" not in body.answer and "alert(1)" not in body.answer


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"message": ""}, "message"),
        ({"message": "   \n\t "}, "message"),
        ({"message": "x" * 2001}, "message"),
        ({"message": 42}, "message"),
        ({"message": "hi", "conversation_id": 7}, "conversation_id"),
        ({"message": "hi", "channel": "fax"}, "channel"),
        ({"conversation_id": "c_1"}, "message"),
        (["What is a PEO?"], "body"),
    ],
)
def test_chat_rejects_bad_requests(client: TestClient, payload: object, field: str) -> None:
    message = assert_error(client.post("/api/chat", json=payload), 422, "invalid_request")
    assert field in message


def test_chat_accepts_exactly_2000_characters(client: TestClient) -> None:
    resp = client.post("/api/chat", json={"message": "  " + "PEO " * 500 + "  "})
    assert resp.status_code == 200
    assert_chat_contract(resp.json())


@pytest.mark.parametrize("raw", [b'{"message": "What is a PEO?"', b"not json", b""])
def test_chat_rejects_malformed_or_missing_body(client: TestClient, raw: bytes) -> None:
    resp = client.post("/api/chat", content=raw, headers={"content-type": "application/json"})
    message = assert_error(resp, 422, "invalid_request")
    assert "body" in message


# --- /api/recommend --------------------------------------------------------------------------------


def test_recommend_happy_path(client: TestClient) -> None:
    resp = client.post(
        "/api/recommend", json={"employees": 12, "in_house_hr": False, "wants_pooled_benefits": True}
    )
    assert resp.status_code == 200
    rec = Recommendation.model_validate(resp.json())
    assert set(resp.json()) == {"choice", "summary", "reasons", "missing", "profile"}
    assert rec.choice == "PEO"
    assert rec.profile == {"employees": 12, "in_house_hr": False, "wants_pooled_benefits": True}
    assert all(r.quote and r.section for r in rec.reasons)


def test_recommend_weighs_a_stated_priority(client: TestClient) -> None:
    facts = {"employees": 40, "in_house_hr": True, "wants_pooled_benefits": True}
    plain = Recommendation.model_validate(client.post("/api/recommend", json=facts).json())
    stressed = client.post("/api/recommend", json={**facts, "top_priority": "wants_pooled_benefits"})
    assert stressed.status_code == 200, stressed.text
    rec = Recommendation.model_validate(stressed.json())
    assert plain.choice == "UNDECIDED" and rec.choice == "PEO" and "above all" in rec.summary
    assert rec.profile["top_priority"] == "wants_pooled_benefits"


def test_recommend_empty_profile_is_allowed(client: TestClient) -> None:
    resp = client.post("/api/recommend", json={})
    assert resp.status_code == 200
    assert Recommendation.model_validate(resp.json()).missing


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"employees": 0}, "employees: Input should be greater than or equal to 1"),
        ({"employees": "12"}, "employees"),
        ({"in_house_hr": "no"}, "in_house_hr"),
        ({"employees": 5, "favourite_colour": "blue"}, "favourite_colour"),
        ({"employees": 5, "must_have": "cost_priority"}, "does not answer"),  # a must on no stated fact
        ({"cost_priority": True, "top_priority": "employees"}, "top_priority"),  # a head count is no wish
    ],
)
def test_recommend_rejects_bad_profiles(client: TestClient, payload: dict, expected: str) -> None:
    message = assert_error(client.post("/api/recommend", json=payload), 422, "invalid_request")
    assert expected in message


# --- health, docs, routing -------------------------------------------------------------------------


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    assert client.head("/healthz").status_code == 200


def test_doc_page_has_anchors_and_escapes_text(client: TestClient, service: AnswerService) -> None:
    resp = client.get("/docs/peo-vs-aso")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/html")
    page = resp.text
    assert 'id="what-is-a-peo"' in page
    assert re.findall(r"<script\b[^>]*>", page.lower()) == ['<script src="/static/docs-highlight.js" defer>']
    doc = service.kb.docs["peo-vs-aso"]
    for section in doc.sections:
        assert f'id="{section.anchor}"' in page
    assert "&amp;" in page or "&#x27;" in page  # the guide's "&" and "'" arrive escaped
    if any(s.promotional for s in doc.sections):
        assert "Publisher&#x27;s note" in page
    assert "<table>" in page and "<li>" in page


def test_render_document_escapes_every_text() -> None:
    hostile = '<script>alert(1)</script> & "quoted"'
    doc = parse_markdown(
        f"---\ntitle: 'T <b>'\nsource_url: 'javascript:alert(1)'\npromotional: [promo]\n---\n"
        f"# T <b>\n\n{hostile}\n\n## Promo {{#promo}}\n\nBuy <img src=x onerror=alert(1)>\n",
        doc_id="t",
    )
    extra = Section(
        "<i>h</i>",
        'a"b',
        2,
        ("<i>h</i>",),
        (
            Paragraph(hostile),
            ListBlock((hostile,), ordered=True, lead_in=hostile),
            Table((hostile,), ((hostile,),)),
        ),
    )
    page = render_document(doc) + render_document(replace(doc, sections=(extra,)))
    page = page.replace('<script src="/static/docs-highlight.js" defer></script>', "")  # ours, external
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;" in page
    assert 'id="a&quot;b"' in page
    assert 'href="javascript' not in page
    assert 'class="promotional"' in page and "Publisher&#x27;s note" in page
    assert "<ol>" in page and "<table>" in page


def test_unknown_doc_and_route_and_method_are_json_errors(client: TestClient) -> None:
    assert_error(client.get("/docs/no-such-doc"), 404, "not_found")
    assert_error(client.get("/nowhere"), 404, "not_found")
    assert_error(client.get("/api/chat"), 405, "method_not_allowed")
    assert client.get("/openapi.json").status_code == 200


# --- readiness --------------------------------------------------------------------------------------


def test_readyz_is_503_until_the_service_loads(settings: Settings, service: AnswerService) -> None:
    release = threading.Event()

    def slow_factory(_: Settings) -> AnswerService:
        release.wait(30)
        return service

    brief = settings.model_copy(update={"warmup_wait_seconds": 0.2})
    with TestClient(create_app(brief, service_factory=slow_factory)) as c:
        assert c.get("/healthz").status_code == 200
        assert_error(c.get("/readyz"), 503, "not_ready")
        assert_error(c.post("/api/chat", json={"message": "What is a PEO?"}), 503, "not_ready")
        assert_error(c.post("/api/recommend", json={}), 503, "not_ready")
        release.set()
        wait_ready(c)
        assert c.post("/api/chat", json={"message": "What is a PEO?"}).status_code == 200


def test_a_question_reaching_a_worker_still_loading_waits_for_it(
    settings: Settings, service: AnswerService
) -> None:
    # another worker may already have answered /readyz: the question is answered, not refused
    release = threading.Event()

    def slow_factory(_: Settings) -> AnswerService:
        release.wait(30)
        return service

    with TestClient(create_app(settings, service_factory=slow_factory)) as c:
        threading.Timer(0.5, release.set).start()
        reply = c.post("/api/chat", json={"message": "What is a PEO?"})
        assert reply.status_code == 200, reply.text


def test_a_failed_load_keeps_readyz_503_with_the_reason(settings: Settings) -> None:
    def broken_factory(_: Settings) -> AnswerService:
        raise RuntimeError("index folder is unreadable")

    with TestClient(create_app(settings, service_factory=broken_factory)) as c:
        deadline = time.monotonic() + 10
        while "unreadable" not in c.get("/readyz").text:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert "unreadable" in assert_error(c.get("/readyz"), 503, "not_ready")
        assert_error(c.post("/api/chat", json={"message": "hi"}), 503, "not_ready")
        assert c.get("/healthz").status_code == 200


# --- end to end: the real console script over real HTTP --------------------------------------------


def http(method: str, url: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.mark.slow
def test_guidebot_serve_end_to_end(tmp_path: Path) -> None:
    log_path = tmp_path / "serve.log"
    with running_server(tmp_path / "data", cwd=tmp_path, log_path=log_path) as (base, proc):
        try:
            wait_until_ready(base, timeout=120)
        except TimeoutError:
            pytest.fail(log_path.read_text(errors="replace")[-3000:])
        assert proc.poll() is None
        status, body = http("POST", base + "/api/chat", {"message": "What is an ASO?"})
        assert status == 200
        assert assert_chat_contract(body).status == "answered"
        status, body = http("POST", base + "/api/chat", {"message": ""})
        assert status == 422 and body["error"]["code"] == "invalid_request"
        assert "POST /api/chat 200" in log_path.read_text(errors="replace")  # one log line per request
