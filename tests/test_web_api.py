"""The hardened HTTP API and the web front end's routes, through the real app on the shared service:
feedback, body size, the rate limit (shared by every app on one database), CORS, security headers."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from bot.api import create_app
from bot.rules.extract import extract_profile
from bot.rules.quick_replies import QuickRepliesError, load_quick_replies
from bot.service import AnswerService
from bot.settings import Settings
from tests.support import wait_ready
from tests.test_api import assert_error


@pytest.fixture
def make_client(settings: Settings, service: AnswerService) -> Iterator:
    """Clients of fresh apps around the shared service, with settings changed as asked."""
    opened: list[TestClient] = []

    def make(address: str = "10.1.0.1", **changes: object) -> TestClient:
        app = create_app(settings.model_copy(update=changes), service_factory=lambda _: service)
        client = TestClient(app, client=(address, 40000))
        client.__enter__()
        wait_ready(client)
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


# --- feedback ---------------------------------------------------------------------------------


def test_feedback_is_stored_and_a_later_rating_wins(client: TestClient, service: AnswerService) -> None:
    answer = client.post("/api/chat", json={"message": "What is a PEO?", "channel": "web"}).json()
    turn = {"conversation_id": answer["conversation_id"], "message_index": answer["message_index"]}
    assert client.post("/api/feedback", json=turn | {"rating": "up"}).json() == {"status": "stored"}
    resp = client.post("/api/feedback", json=turn | {"rating": "down", "comment": "too short"})
    assert resp.status_code == 200
    [rating] = service.feedback.ratings(answer["conversation_id"])
    assert (rating.message_index, rating.rating, rating.comment) == (
        answer["message_index"],
        "down",
        "too short",
    )


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"conversation_id": "c_missing", "message_index": 0, "rating": "up"}, 404, "not_found"),
        ({"conversation_id": "c_1", "message_index": 0, "rating": "meh"}, 422, "invalid_request"),
        ({"conversation_id": "c_1", "message_index": -1, "rating": "up"}, 422, "invalid_request"),
        ({"conversation_id": "c_1", "message_index": 0, "rating": "up", "extra": 1}, 422, "invalid_request"),
        ({"message_index": 0, "rating": "up"}, 422, "invalid_request"),
    ],
)
def test_bad_feedback_gets_a_contract_error(
    client: TestClient, payload: dict, status: int, code: str
) -> None:
    assert_error(client.post("/api/feedback", json=payload), status, code)


# --- request size -----------------------------------------------------------------------------


def test_a_body_over_16_kib_is_refused_with_413(client: TestClient) -> None:
    big = {"message": "x" * (16 * 1024)}
    assert "16 KiB" in assert_error(client.post("/api/chat", json=big), 413, "too_large")


def test_a_streamed_body_over_16_kib_is_refused_with_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked, counted as it arrives
        yield b'{"message": "'
        for _ in range(20):
            yield b"y" * 1024
        yield b'"}'

    resp = client.post("/api/chat", content=chunks(), headers={"Content-Type": "application/json"})
    assert_error(resp, 413, "too_large")


def test_a_body_just_under_the_limit_gets_the_message_rule_not_413(client: TestClient) -> None:
    assert_error(client.post("/api/chat", json={"message": "z" * 16_000}), 422, "invalid_request")


# --- rate limit -------------------------------------------------------------------------------


def test_over_the_limit_a_client_gets_429_with_retry_after(make_client) -> None:
    client = make_client("10.2.0.1", rate_limit="2/minute")
    profile = {"employees": 12}
    assert [client.post("/api/recommend", json=profile).status_code for _ in range(2)] == [200, 200]
    resp = client.post("/api/recommend", json=profile)
    assert "2 per minute" in assert_error(resp, 429, "rate_limited")
    assert 1 <= int(resp.headers["Retry-After"]) <= 60
    assert_error(client.post("/api/chat", json={"message": "What is a PEO?"}), 429, "rate_limited")
    assert_error(client.post("/api/feedback", json={}), 429, "rate_limited")
    other = make_client("10.2.0.2", rate_limit="2/minute")
    assert other.post("/api/recommend", json=profile).status_code == 200, "each client has its own limit"


def test_the_limit_holds_across_apps_sharing_the_database(make_client) -> None:
    first = make_client("10.3.0.1", rate_limit="3/minute")
    second = make_client("10.3.0.1", rate_limit="3/minute")  # another worker or replica, same store
    statuses = [c.post("/api/recommend", json={}).status_code for c in (first, second, first, second)]
    assert statuses == [200, 200, 200, 429]


def test_health_pages_static_files_and_docs_are_not_limited(make_client) -> None:
    client = make_client("10.4.0.1", rate_limit="1/minute")
    for path in ["/healthz", "/readyz", "/", "/demo", "/widget.js", "/static/widget.css", "/docs/peo-vs-aso"]:
        assert [client.get(path).status_code for _ in range(3)] == [200] * 3, path


# --- CORS, headers, pages ---------------------------------------------------------------------


def test_cors_answers_only_the_allowed_origins(make_client) -> None:
    client = make_client(cors_origins=["https://intranet.example.com"])
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = client.options("/api/chat", headers={"Origin": "https://intranet.example.com", **preflight})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://intranet.example.com"
    assert "access-control-allow-credentials" not in allowed.headers
    refused = client.options("/api/chat", headers={"Origin": "https://evil.example.net", **preflight})
    assert "access-control-allow-origin" not in refused.headers
    limited = make_client("10.5.0.1", rate_limit="1/minute", cors_origins=["https://intranet.example.com"])
    limited.post("/api/recommend", json={})
    resp = limited.post("/api/recommend", json={}, headers={"Origin": "https://intranet.example.com"})
    assert resp.status_code == 429
    assert "Retry-After" in resp.headers["access-control-expose-headers"], "the widget can read the wait"


def test_settings_refuse_a_wildcard_origin_with_credentials() -> None:
    with pytest.raises(ValidationError, match="may not contain '\\*'"):
        Settings(cors_origins=["*"], cors_allow_credentials=True)
    assert Settings(cors_origins="https://a.example, https://b.example").cors_origins == [
        "https://a.example",
        "https://b.example",
    ]


def test_serve_refuses_to_start_with_a_wildcard_origin_and_credentials(tmp_path: Path) -> None:
    guidebot = Path(sys.executable).with_name("guidebot")
    env = {"GUIDEBOT_CORS_ORIGINS": "*", "GUIDEBOT_CORS_ALLOW_CREDENTIALS": "true", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [str(guidebot), "serve", "--port", "1"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "GUIDEBOT_CORS_ORIGINS may not contain '*'" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("bad", ["self", "'self'; script-src *", "", "https://a.example,https://b.example"])
def test_settings_refuse_a_frame_ancestors_that_is_not_csp_sources(bad: str) -> None:
    with pytest.raises(ValidationError, match="frame_ancestors"):
        Settings(frame_ancestors=bad)


def test_settings_refuse_a_malformed_rate_limit() -> None:
    with pytest.raises(ValidationError, match="not a rate limit"):
        Settings(rate_limit="lots")


@pytest.mark.parametrize("path", ["/", "/demo", "/docs/peo-vs-aso"])
def test_pages_carry_a_strict_csp_and_load_no_inline_script(make_client, path: str) -> None:
    client = make_client(frame_ancestors="https://intranet.example.com")
    resp = client.get(path)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors https://intranet.example.com" in csp
    assert resp.headers["x-content-type-options"] == "nosniff"
    scripts = re.findall(r"<script\b[^>]*>", resp.text)
    assert all("src=" in tag for tag in scripts), "every script is an external file"
    assert "<style" not in resp.text and " style=" not in resp.text


def test_demo_embeds_the_widget_with_one_script_tag(client: TestClient) -> None:
    page = client.get("/demo").text
    assert len(re.findall(r'<script src="[^"]*/widget\.js" defer></script>', page)) == 1
    assert page.count("<script") == 1


def test_widget_and_static_files_are_served_with_their_types(client: TestClient) -> None:
    script = client.get("/widget.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "attachShadow" in script.text and "innerHTML" not in script.text
    assert client.get("/static/widget.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/docs-highlight.js").status_code == 200
    assert_error(client.get("/static/nothing.js"), 404, "not_found")


def test_errors_everywhere_are_contract_json(client: TestClient) -> None:
    assert_error(client.get("/no/such/page"), 404, "not_found")
    assert_error(client.put("/api/feedback", json={}), 405, "method_not_allowed")


# --- quick replies ----------------------------------------------------------------------------


def test_quick_replies_are_served(client: TestClient) -> None:
    assert client.get("/widget/quick-replies.json").json() == load_quick_replies().model_dump()


CHIPS = [(field, chip) for field, chips in load_quick_replies().root.items() for chip in chips]


@pytest.mark.parametrize(("field", "chip"), CHIPS, ids=[f"{f}-{c.label}" for f, c in CHIPS])
def test_each_quick_reply_gives_its_field_the_listed_value(field: str, chip) -> None:
    assert getattr(extract_profile(chip.message), field) == chip.value


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("head_count:\n  - {label: a, message: b, value: 1}\n", "not profile fields: head_count"),
        ("employees:\n  - {label: a, message: b}\n", "value"),
        ("employees: [\n", "while parsing"),
    ],
)
def test_a_broken_quick_replies_file_names_itself_and_the_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "quick_replies.yaml"
    path.write_text(text)
    with pytest.raises(QuickRepliesError, match=re.escape(str(path))) as failure:
        load_quick_replies(path)
    assert problem in str(failure.value)
