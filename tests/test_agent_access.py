"""Who gets into the agent console: off without a token; 401s, sign-in, sign-out and CSRF with one."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from bot.agent.auth import SESSION_COOKIE
from bot.api import create_app
from bot.service import AnswerService
from bot.settings import Settings
from tests.agent_support import AGENT_TOKEN, BEARER, csrf_of, sign_in
from tests.support import wait_ready

API_READS = [
    "/api/agent/conversations",
    "/api/agent/gaps",
    "/api/agent/conversations.csv",
    "/api/agent/gaps.csv",
]
PAGES = ["/agent", "/agent/conversations", "/agent/gaps"]


def assert_unauthorized(resp) -> None:
    assert resp.status_code == 401, resp.text
    assert resp.json() == {"error": {"code": "unauthorized", "message": "authentication required"}}


def test_without_a_token_the_console_is_off_and_says_so(
    settings: Settings, service: AnswerService, caplog: pytest.LogCaptureFixture
) -> None:
    assert settings.agent_token is None
    with caplog.at_level(logging.INFO, logger="bot.agent.console"):
        app = create_app(settings, service_factory=lambda _: service)
    assert any("agent console is off" in r.getMessage() for r in caplog.records)
    with TestClient(app, base_url="https://testserver") as client:
        wait_ready(client)
        for path in [*PAGES, "/agent/login", *API_READS, "/agent/static/agent.js"]:
            assert client.get(path, headers=BEARER).status_code == 404, path
        assert client.post("/api/agent/assist", json={"message": "What is a PEO?"}).status_code == 404


@pytest.mark.parametrize("path", API_READS)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Bearer {AGENT_TOKEN}x"},
        {"Authorization": f"Basic {AGENT_TOKEN}"},
        {"Authorization": AGENT_TOKEN},
    ],
)
def test_the_api_refuses_missing_or_wrong_tokens_alike(agent_client: TestClient, path: str, headers) -> None:
    agent_client.cookies.clear()
    assert_unauthorized(agent_client.get(path, headers=headers))


def test_the_api_answers_the_bearer_token(agent_client: TestClient) -> None:
    agent_client.cookies.clear()
    for path in API_READS:
        resp = agent_client.get(path, headers=BEARER)
        assert resp.status_code == 200, path
        assert resp.headers["cache-control"] == "no-store", path
    resp = agent_client.post("/api/agent/recommend", json={"employees": 12}, headers=BEARER)
    assert resp.status_code == 200
    assert_unauthorized(agent_client.post("/api/agent/recommend", json={"employees": 12}))


@pytest.mark.parametrize("path", PAGES)
def test_pages_without_a_session_answer_401_with_the_sign_in_form(
    agent_client: TestClient, path: str
) -> None:
    agent_client.cookies.clear()
    resp = agent_client.get(path, follow_redirects=False)
    assert resp.status_code == 401
    assert 'action="/agent/login"' in resp.text and 'name="token"' in resp.text
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    assert "unsafe-inline" not in resp.headers["content-security-policy"]


def test_sign_in_sets_a_secure_http_only_cookie_and_opens_the_pages(agent_client: TestClient) -> None:
    agent_client.cookies.clear()
    form = agent_client.get("/agent/login")
    resp = agent_client.post(
        "/agent/login", data={"token": AGENT_TOKEN, "csrf_token": csrf_of(form.text)}, follow_redirects=False
    )
    assert resp.status_code == 303
    cookie = resp.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    for flag in ("HttpOnly", "Secure", "SameSite=strict"):
        assert flag.lower() in cookie.lower()
    assert AGENT_TOKEN not in cookie
    for path in PAGES:
        page = agent_client.get(path)
        assert page.status_code == 200, path
        assert "<script" not in page.text.replace('<script src="/agent/static/agent.js" defer></script>', "")
    assert agent_client.get("/api/agent/conversations").status_code == 200  # the session reads the API


@pytest.mark.parametrize(
    "token, csrf",
    [("wrong-token", "page"), ("", "page"), (AGENT_TOKEN, ""), (AGENT_TOKEN, "forged")],
)
def test_a_failed_sign_in_is_401_without_saying_why(agent_client: TestClient, token: str, csrf: str) -> None:
    agent_client.cookies.clear()
    form = agent_client.get("/agent/login")
    sent = csrf_of(form.text) if csrf == "page" else csrf
    resp = agent_client.post(
        "/agent/login", data={"token": token, "csrf_token": sent}, follow_redirects=False
    )
    assert resp.status_code == 401
    assert "Sign-in failed." in resp.text and "token" not in resp.text.split("Sign-in failed.")[1][:40]
    assert agent_client.get("/agent", follow_redirects=False).status_code == 401


def test_a_session_must_send_its_csrf_token_to_write(agent_client: TestClient) -> None:
    csrf = sign_in(agent_client)
    body = {"employees": 12, "in_house_hr": False}
    assert_unauthorized(agent_client.post("/api/agent/recommend", json=body))
    assert_unauthorized(agent_client.post("/api/agent/recommend", json=body, headers={"X-CSRF-Token": "x"}))
    ok = agent_client.post("/api/agent/recommend", json=body, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200


def test_a_tampered_cookie_is_no_session(agent_client: TestClient) -> None:
    sign_in(agent_client)
    value = agent_client.cookies[SESSION_COOKIE]
    agent_client.cookies.clear()
    agent_client.cookies.set(SESSION_COOKIE, value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1])
    assert agent_client.get("/agent", follow_redirects=False).status_code == 401
    assert_unauthorized(agent_client.get("/api/agent/gaps"))


def test_sign_out_needs_the_csrf_token_and_ends_the_session(agent_client: TestClient) -> None:
    csrf = sign_in(agent_client)
    refused = agent_client.post("/agent/logout", data={"csrf_token": "forged"}, follow_redirects=False)
    assert refused.status_code == 403
    assert agent_client.get("/agent").status_code == 200  # still signed in
    resp = agent_client.post("/agent/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"] == "/agent/login"
    assert SESSION_COOKIE not in agent_client.cookies
    assert agent_client.get("/agent", follow_redirects=False).status_code == 401


def test_employee_endpoints_expose_no_stored_conversations(agent_client: TestClient) -> None:
    agent_client.cookies.clear()
    mine = agent_client.post("/api/chat", json={"message": "What is a PEO?", "channel": "web"}).json()
    for path in ("/api/conversations", f"/api/conversations/{mine['conversation_id']}", "/api/gaps"):
        assert agent_client.get(path).status_code == 404
    assert_unauthorized(agent_client.get(f"/api/agent/conversations/{mine['conversation_id']}"))


def test_the_log_pages_and_api_filter_like_the_form_sends(agent_client: TestClient) -> None:
    agent_client.cookies.clear()
    out = agent_client.post(
        "/api/chat", json={"message": "What is the boiling point of lead?", "channel": "slack"}
    )
    conv = out.json()["conversation_id"]
    listed = agent_client.get(
        "/api/agent/conversations?status=out_of_scope&channel=slack", headers=BEARER
    ).json()
    assert conv in {c["id"] for c in listed["conversations"]}
    assert all("out_of_scope" in c["statuses"] for c in listed["conversations"])
    bad = agent_client.get("/api/agent/conversations?status=lost", headers=BEARER)
    assert bad.status_code == 422 and "status" in bad.json()["error"]["message"]
    missing = agent_client.get("/api/agent/conversations/c_nope", headers=BEARER)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"

    sign_in(agent_client)
    form = "channel=slack&status=out_of_scope&since=&until=&thumbs_down=&escalated="
    page = agent_client.get(f"/agent/conversations?{form}")
    assert page.status_code == 200 and f'href="/agent/conversations/{conv}"' in page.text
    assert f"/api/agent/conversations.csv?{form}" in page.text.replace("&amp;", "&")
    exported = agent_client.get(f"/api/agent/conversations.csv?{form}")
    assert exported.status_code == 200 and conv in exported.text
    one = agent_client.get(f"/agent/conversations/{conv}")
    assert one.status_code == 200 and "What is the boiling point of lead?" in one.text
    assert agent_client.get("/agent/conversations/c_nope").status_code == 404


def test_the_log_keeps_no_tokens_or_request_headers(agent_client: TestClient, service: AnswerService) -> None:
    agent_client.cookies.clear()
    secret = "xoxb-123456789012-abcdefghijklmnop"
    resp = agent_client.post(
        "/api/chat",
        json={"message": f"Our bot token is {secret}; write to me at ann@example.com", "channel": "slack"},
        headers={
            "Authorization": f"Bearer {secret}",
            "X-Slack-Signature": "v0=deadbeef",
            "Cookie": "sid=s3cr3t",
        },
    )
    assert resp.status_code == 200
    with service.conversations.engine.begin() as conn:
        dump = " ".join(
            str(row)
            for table in ("conversations", "turns", "feedback", "escalations")
            for row in conn.exec_driver_sql(f"SELECT * FROM {table}").all()
        )
    for kept_out in (secret, "v0=deadbeef", "s3cr3t", "ann@example.com"):
        assert kept_out not in dump
    assert "[secret]" in dump and "[email]" in dump
