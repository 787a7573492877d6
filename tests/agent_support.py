"""Helpers for the agent console's tests (plain functions, no fixtures)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

AGENT_TOKEN = "agent-token-for-tests-0123456789"
BEARER = {"Authorization": f"Bearer {AGENT_TOKEN}"}
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token a console page's forms carry."""
    found = CSRF_INPUT.search(html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def sign_in(client: TestClient) -> str:
    """Sign the client's browser in through the login form; the signed-in session's CSRF token."""
    client.cookies.clear()
    form = client.get("/agent/login")
    resp = client.post(
        "/agent/login",
        data={"token": AGENT_TOKEN, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    assert resp.status_code == 303 and resp.headers["location"] == "/agent"
    page = client.get("/agent")
    assert page.status_code == 200
    return csrf_of(page.text)
