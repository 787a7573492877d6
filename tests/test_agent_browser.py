"""The agent console in real headless Chromium (Debian's, never a downloaded one) against a real server:
sign in, ask, copy the draft, open the coverage gaps."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from pydantic import SecretStr

from bot.api import create_app
from bot.service import AnswerService
from bot.settings import Settings
from tests.agent_support import AGENT_TOKEN

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def console_url(settings: Settings, service: AnswerService) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, the console on, around the shared service."""
    app = create_app(
        settings.model_copy(update={"agent_token": SecretStr(AGENT_TOKEN)}), service_factory=lambda _: service
    )
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    host, port = sock.getsockname()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        reason = "Chromium is not installed at /usr/bin/chromium"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the browser test: apt-get install chromium")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def test_sign_in_ask_copy_and_open_the_gaps(browser, console_url: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(base_url=console_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=console_url)
    page = context.new_page()
    problems: list[str] = []
    expected = "the server responded with a status of 401"  # the sign-in form's own status

    def on_console(msg) -> None:
        if msg.type == "error" and expected not in msg.text:
            problems.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(str(exc)))

    def on_failed(request) -> None:
        if request.failure != "net::ERR_ABORTED":  # a load cut short by the next navigation is no fault
            problems.append(f"failed: {request.url} ({request.failure})")

    page.on("requestfailed", on_failed)
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}") if r.status == 404 else None)

    # Not signed in: the console answers with the sign-in form.
    first = page.goto("/agent")
    assert first is not None and first.status == 401
    page.fill("#token", "not the token")
    page.click("button[type=submit]")
    expect(page.get_by_role("alert")).to_have_text("Sign-in failed.")
    page.fill("#token", AGENT_TOKEN)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{console_url}/agent")
    cookie = next(c for c in context.cookies() if c["name"] == "guidebot_agent")
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Strict"

    # Ask: a draft with numbered sources and its trace beside it.
    page.fill("#question", "What is the downside of a PEO?")
    page.click("#ask-form button[type=submit]")
    expect(page.locator("#draft")).to_be_visible()
    expect(page.locator("#draft-status")).to_have_text("answered")
    assert page.locator("#draft-sources li").count() >= 1
    assert page.locator("#passages tr").count() >= 1
    assert page.locator("#passages tr.used").count() >= 1
    expect(page.locator("#follow-up")).to_contain_text("PEO")

    # Copy the draft both ways; the clipboard holds the footnoted text.
    page.click("#copy-markdown")
    expect(page.locator("#copy-status")).to_have_text("Copied as Markdown.")
    markdown = page.evaluate("navigator.clipboard.readText()")
    assert "[^1]: [" in markdown and ("](http" in markdown)
    page.click("#copy-plain")
    expect(page.locator("#copy-status")).to_have_text("Copied as plain text.")
    plain = page.evaluate("navigator.clipboard.readText()")
    assert "Sources:" in plain and "[1] " in plain and "[^" not in plain

    # The rules, run from the profile form.
    page.select_option("#profile-in_house_hr", "false")
    page.select_option("#profile-wants_pooled_benefits", "true")
    page.fill("#profile-employees", "12")
    page.click("#profile-form button[type=submit]")
    expect(page.locator("#rules-trace")).to_be_visible()
    expect(page.locator("#rules")).to_contain_text("no-hr-staff")

    # An out-of-scope question, then the gaps page lists it.
    page.fill("#question", "What is the capital of Australia?")
    page.click("#ask-form button[type=submit]")
    expect(page.locator("#draft-status")).to_have_text("out_of_scope")
    page.click("text=Coverage gaps")
    expect(page).to_have_url(f"{console_url}/agent/gaps")
    expect(page.locator("h1")).to_have_text("Coverage gaps")
    expect(page.locator("table.gaps")).to_contain_text("What is the capital of Australia?")

    # The conversation log shows the console's own turns; sign-out ends the session.
    page.click("text=Conversations")
    row = page.locator("table.log tr", has_text="What is the downside of a PEO?").first
    expect(row).to_contain_text("agent")
    row.locator("a").click()
    expect(page.locator("article.turn")).to_have_count(2)
    expect(page.locator("article.turn").nth(1)).to_contain_text("What is the capital of Australia?")
    page.click("text=Sign out")
    expect(page).to_have_url(f"{console_url}/agent/login")
    assert page.goto("/agent").status == 401  # type: ignore[union-attr]
    assert problems == [], problems  # no script errors, no Content-Security-Policy violations
    context.close()
