"""The chat widget in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against the
real app on the shared service: the demo page, sources and the highlighted quote, history across a
reload, feedback stored in SQL, markup shown as text, quick replies, keyboard use at 360 px, and the
messages for an unreachable or rate-limiting server. Screenshots of each state are kept as artifacts."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.api import create_app
from bot.rules.table import load_prompts
from bot.service import AnswerService
from bot.settings import Settings
from tests.live_server import serving

playwright_api = pytest.importorskip("playwright.sync_api")
Browser, Page, expect = playwright_api.Browser, playwright_api.Page, playwright_api.expect

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ANSWER_TIMEOUT_MS = 120_000  # a busy shared machine; no assertion is about speed

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base_url(settings: Settings, service: AnswerService) -> Iterator[str]:
    """The real app, served by uvicorn on a free loopback port."""
    with serving(create_app(settings, service_factory=lambda _: service)) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from Debian (Playwright never downloads a browser here)."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the browser tests")
        pytest.skip(reason)
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go: $GUIDEBOT_TEST_ARTIFACTS, else <pytest's temp dir>/artifacts."""
    configured = os.environ.get("GUIDEBOT_TEST_ARTIFACTS")
    folder = Path(configured) if configured else tmp_path_factory.getbasetemp() / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Problems:
    """Console errors (a CSP violation among them), uncaught page errors and dialogs of one page."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (empty sessionStorage) and page; no console error or dialog allowed."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(ANSWER_TIMEOUT_MS)
    tab = context.new_page()
    problems = Problems(tab)
    tab.problems = problems
    yield tab
    context.close()
    assert problems.dialogs == [], "no script of the page or the widget opens a dialog"
    assert problems.errors == [], "no console error (a CSP violation would be one)"


def open_widget(page: Any, base_url: str) -> Any:
    page.goto(f"{base_url}/demo")
    page.get_by_role("button", name="Open chat").click()
    box = page.get_by_role("textbox", name="Your question")
    expect(box).to_be_focused()
    return box


def ask(page: Any, text: str) -> dict[str, Any]:
    """Type a question, press Enter, and return the API's answer once the widget has shown it."""
    box = page.get_by_role("textbox", name="Your question")
    answers = page.locator("#guidebot-widget article.bot")
    before = answers.count()
    box.fill(text)
    with page.expect_response(re.compile(r"/api/chat$")) as response:
        box.press("Enter")
    expect(answers).to_have_count(before + 1)
    return dict(response.value.json())


def log(page: Any) -> Any:
    return page.get_by_role("log", name="Conversation")


def squash(text: str) -> str:
    return re.sub(r"[\s|]+", "", text).lower()


def test_demo_page_answers_with_sources_that_open_the_highlighted_quote(
    page: Any, base_url: str, artifacts: Path
) -> None:
    page.goto(f"{base_url}/demo")
    assert page.locator("script[src$='/widget.js']").count() == 1
    assert page.evaluate("document.getElementById('guidebot-widget').shadowRoot.mode") == "open"
    page.screenshot(path=artifacts / "demo-closed.png")
    box = open_widget(page, base_url)
    expect(log(page)).to_have_attribute("aria-live", "polite")
    page.screenshot(path=artifacts / "demo-open.png")

    held: list[Any] = []  # hold the request to see the typing indicator, then let it through
    page.route(re.compile(r"/api/chat$"), lambda route: held.append(route))
    box.fill("What is the downside of a PEO?")
    box.press("Enter")
    expect(page.get_by_role("status").filter(has_text="guidebot is typing")).to_be_visible()
    with page.expect_response(re.compile(r"/api/chat$")) as response:
        held[0].continue_()
    page.unroute(re.compile(r"/api/chat$"))
    answer = response.value.json()
    assert answer["status"] == "answered" and answer["citations"]
    expect(page.get_by_role("status").filter(has_text="guidebot is typing")).to_be_hidden()

    first = answer["citations"][0]
    for citation in answer["citations"]:
        expect(page.get_by_role("button", name=f"Source {citation['n']}", exact=True)).to_be_visible()
    source = page.get_by_role("button", name="Source 1", exact=True)
    source.click()
    expect(source).to_have_attribute("aria-expanded", "true")
    panel = page.locator(f"#guidebot-widget #{source.get_attribute('aria-controls')}")
    expect(panel.locator("blockquote")).to_have_text(first["quote"])
    expect(panel).to_contain_text(first["section"])
    page.screenshot(path=artifacts / "demo-answer-with-source.png")

    link = panel.get_by_role("link", name="Read it in the guide")
    href = urlsplit(link.get_attribute("href"))
    anchor = urlsplit(first["url"]).fragment
    assert (href.path, href.fragment) == (f"/docs/{first['doc_id']}", anchor)
    assert parse_qs(href.query)["highlight"] == [first["quote"]]
    with page.context.expect_page() as opened:
        link.click()
    doc = opened.value
    Problems(doc)
    doc.wait_for_load_state("load")
    marks = doc.locator("mark.quote")
    expect(marks.first).to_be_in_viewport()
    assert squash("".join(marks.all_inner_texts())) == squash(first["quote"])
    section_ids = marks.evaluate_all("ms => ms.map(m => m.closest('section').querySelector('[id]').id)")
    assert set(section_ids) == {anchor}, "the quote is marked inside the cited section"
    doc.screenshot(path=artifacts / "docs-highlighted-quote.png")


def test_the_conversation_survives_a_reload_and_new_chat_starts_over(
    page: Any, base_url: str, service: AnswerService, artifacts: Path
) -> None:
    open_widget(page, base_url)
    first = ask(page, "What is a PEO?")
    page.reload()
    expect(page.get_by_role("textbox", name="Your question")).to_be_visible()  # it reopens as it was
    expect(log(page).locator(".msg")).to_have_count(2)
    expect(log(page).locator(".msg.user")).to_have_text(re.compile("What is a PEO\\?"))
    follow_up = ask(page, "what are its cons?")
    assert follow_up["conversation_id"] == first["conversation_id"], "the same conversation goes on"
    assert [t.message for t in service.conversations.turns(first["conversation_id"])] == [
        "What is a PEO?",
        "what are its cons?",
    ]
    page.screenshot(path=artifacts / "demo-after-reload.png")
    page.get_by_role("button", name="New chat").click()
    expect(log(page).locator(".msg")).to_have_count(0)
    fresh = ask(page, "What is an ASO?")
    assert fresh["conversation_id"] != first["conversation_id"]


def test_feedback_on_an_answer_is_stored(page: Any, base_url: str, service: AnswerService) -> None:
    open_widget(page, base_url)
    answer = ask(page, "Who files payroll taxes under a PEO?")
    bar = page.get_by_role("group", name="Rate this answer").last
    bar.get_by_role("button", name="Helpful", exact=True).click()
    expect(bar.get_by_role("status")).to_have_text("Thanks for your feedback.")
    bar.get_by_role("button", name="Not helpful").click()
    bar.get_by_role("textbox", name="What was wrong? (optional)").fill("I wanted the state rules too")
    bar.get_by_role("button", name="Send comment").click()
    expect(bar.get_by_role("status")).to_have_text("Thanks, your comment is saved.")
    expect(bar.get_by_role("button", name="Not helpful")).to_have_attribute("aria-pressed", "true")
    [rating] = service.feedback.ratings(answer["conversation_id"])
    assert (rating.message_index, rating.rating, rating.comment, rating.channel) == (
        answer["message_index"],
        "down",
        "I wanted the state rules too",
        "web",
    )


def test_markup_in_a_question_is_shown_as_text_and_never_runs(page: Any, base_url: str) -> None:
    open_widget(page, base_url)
    hostile = "<img src=x onerror=alert(1)>"
    ask(page, hostile)
    expect(log(page).locator(".msg.user p")).to_have_text(hostile)
    assert page.locator("#guidebot-widget img").count() == 0
    assert page.evaluate("window.document.images.length") == 0
    # page fixture: no dialog opened, no console error


def test_a_hostile_answer_is_rendered_inert(page: Any, base_url: str, artifacts: Path) -> None:
    """Even if the server's answer held markup, script links or images, the widget builds inert text."""
    crafted = {
        "conversation_id": "c_crafted",
        "status": "answered",
        "answer": (
            "**Bold** and *soft* [1] <b onmouseover=alert(1)>tag</b>\n\n"
            "- [bad](javascript:alert(1)) and [good](https://example.com/x)\n"
            "- ![pic](https://example.com/p.png) `code`"
        ),
        "citations": [
            {
                "n": 1,
                "doc_id": "peo-vs-aso",
                "doc_title": "T <i>",
                "section": "S <script>alert(1)</script>",
                "quote": "<img src=x onerror=alert(1)>",
                "url": "/docs/peo-vs-aso#what-is-a-peo",
            }
        ],
        "recommendation": None,
        "follow_up": None,
        "message_index": None,
    }
    open_widget(page, base_url)
    page.route(re.compile(r"/api/chat$"), lambda route: route.fulfill(json=crafted))
    ask(page, "anything")
    bot = log(page).locator("article.bot")
    expect(bot.locator("p strong").first).to_have_text("Bold")
    expect(bot.locator("em")).to_have_text("soft")
    expect(bot.locator("code")).to_have_text("code")
    expect(bot).to_contain_text("<b onmouseover=alert(1)>tag</b>")
    assert bot.locator("b, img, script").count() == 0
    links = bot.get_by_role("link")
    expect(links).to_have_count(1)
    expect(links).to_have_attribute("href", "https://example.com/x")
    expect(bot).to_contain_text("bad")
    bot.get_by_role("button", name="Source 1").click()
    expect(bot.locator("blockquote")).to_have_text("<img src=x onerror=alert(1)>")
    expect(bot.locator(".source-title strong")).to_have_text("S <script>alert(1)</script>")
    page.screenshot(path=artifacts / "hostile-answer-inert.png")


def test_a_follow_up_question_is_answered_with_a_quick_reply(
    page: Any, base_url: str, artifacts: Path
) -> None:
    open_widget(page, base_url)
    asked = ask(page, "We have 40 employees. Which model fits us?")
    assert asked["status"] == "needs_more_info" and asked["recommendation"]["missing"]
    chips = page.get_by_role("group", name="Quick replies").get_by_role("button")
    expect(chips.first).to_be_visible()
    table = json.loads(page.evaluate(f"fetch('{base_url}/widget/quick-replies.json').then(r => r.text())"))
    field = next(name for name in asked["recommendation"]["missing"] if name in table)
    chip = table[field][-1]
    page.screenshot(path=artifacts / "follow-up-chips.png")
    with page.expect_response(re.compile(r"/api/chat$")) as response:
        chips.filter(has_text=chip["label"]).click()
    reply = response.value.json()
    expect(log(page).locator(".msg.user").last).to_have_text(re.compile(re.escape(chip["message"])))
    assert reply["conversation_id"] == asked["conversation_id"]
    assert reply["recommendation"]["profile"][field] == chip["value"], "the chip answered the follow-up"
    assert reply["recommendation"]["profile"]["employees"] == 40, "what was said before is kept"
    expect(page.get_by_role("group", name="Quick replies")).to_have_count(
        1 if reply["status"] == "needs_more_info" else 0
    )
    rec = reply["recommendation"]
    if rec["reasons"]:  # a recommendation: a card with the choice and each reason with its source
        card = log(page).locator("article.bot").last.get_by_role("region", name="Recommendation")
        expect(card).to_contain_text(rec["choice"] if rec["choice"] != "UNDECIDED" else "no clear choice")
        for reason in rec["reasons"]:
            expect(card).to_contain_text(reason["text"])
        cited = [c for c in reply["citations"] if any(r["quote"] == c["quote"] for r in rec["reasons"])]
        for citation in cited:
            expect(card.get_by_role("button", name=f"Source {citation['n']}", exact=True)).to_be_visible()
    page.screenshot(path=artifacts / "after-quick-reply.png")


def test_a_recommendation_shows_as_a_card_with_sourced_reasons(
    page: Any, base_url: str, artifacts: Path
) -> None:
    open_widget(page, base_url)
    reply = ask(
        page, "We have 12 employees, no HR staff and want pooled health benefits. Which model fits us?"
    )
    rec = reply["recommendation"]
    assert rec["choice"] != "UNDECIDED" and rec["reasons"]
    card = log(page).get_by_role("region", name="Recommendation")
    expect(card.locator(".choice")).to_have_text(f"Recommendation: {rec['choice']}")
    expect(card).to_contain_text(rec["summary"])
    reasons = card.get_by_role("listitem")
    expect(reasons).to_have_count(len(rec["reasons"]))
    for item, reason in zip(reasons.all(), rec["reasons"], strict=True):
        expect(item).to_contain_text(reason["text"])
        source = item.get_by_role("button", name=re.compile(r"^Source \d+$"))
        source.click()
        box = page.locator(f"#guidebot-widget #{source.get_attribute('aria-controls')}")
        expect(box.locator("blockquote")).to_have_text(reason["quote"])
        expect(box).to_contain_text(reason["section"])
    # what the choice costs us comes under the card, with its own sources, and the reasons only once
    article = log(page).locator("article.bot").last
    expect(article).to_contain_text(load_prompts().summary.trade_offs)
    expect(article.get_by_text(rec["reasons"][0]["text"], exact=False)).to_have_count(1)
    page.screenshot(path=artifacts / "recommendation-card.png")


def test_keyboard_alone_works_on_a_360_px_screen(browser: Any, base_url: str, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.set_default_timeout(ANSWER_TIMEOUT_MS)
    page = context.new_page()
    problems = Problems(page)
    page.goto(f"{base_url}/demo")
    launcher = page.get_by_role("button", name="Open chat")
    for _ in range(20):  # Tab until the launcher has focus, as a keyboard user would
        page.keyboard.press("Tab")
        if launcher.evaluate("b => b.getRootNode().activeElement === b"):
            break
    page.keyboard.press("Enter")
    box = page.get_by_role("textbox", name="Your question")
    expect(box).to_be_focused()
    page.keyboard.type("What is an EOR?")
    with page.expect_response(re.compile(r"/api/chat$")):
        page.keyboard.press("Enter")
    expect(log(page).locator("article.bot")).to_have_count(1)
    panel = page.get_by_role("dialog", name="guidebot chat")
    frame = panel.bounding_box()
    assert frame is not None and frame["x"] >= 0 and frame["x"] + frame["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "no sideways scrolling"
    expect(page.get_by_role("button", name="Send")).to_be_in_viewport()
    page.screenshot(path=artifacts / "narrow-360px.png")
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(launcher).to_be_focused()
    context.close()
    assert problems.errors == [] and problems.dialogs == []


def test_full_page_chat(page: Any, base_url: str, artifacts: Path) -> None:
    page.goto(base_url + "/")
    expect(page.get_by_role("button", name="Open chat")).to_have_count(0)
    box = page.get_by_role("textbox", name="Your question")
    expect(box).to_be_visible()
    answer = ask(page, "What is the difference between a PEO and an ASO?")
    assert answer["status"] == "answered"
    page.get_by_role("button", name="Source 1", exact=True).click()
    page.screenshot(path=artifacts / "full-page-chat.png")


def test_an_unreachable_server_is_reported_and_the_question_kept(page: Any, base_url: str) -> None:
    box = open_widget(page, base_url)
    page.route(re.compile(r"/api/chat$"), lambda route: route.abort("connectionrefused"))
    box.fill("What is an HRO?")
    box.press("Enter")
    expect(page.get_by_role("alert")).to_have_text(re.compile("Can't reach guidebot"))
    expect(box).to_have_value("What is an HRO?")
    expect(log(page).locator(".msg")).to_have_count(0)
    page.problems.errors.clear()  # the refused request is logged as a console error on purpose


def test_a_rate_limited_user_is_told_how_long_to_wait(
    browser: Any, settings: Settings, service: AnswerService, artifacts: Path
) -> None:
    limited = settings.model_copy(update={"rate_limit": "2/5 minutes"})
    with serving(create_app(limited, service_factory=lambda _: service)) as base:
        context = browser.new_context()
        context.set_default_timeout(ANSWER_TIMEOUT_MS)
        page = context.new_page()
        box = open_widget(page, base)
        ask(page, "What is a PEO?")
        ask(page, "What is an ASO?")
        box.fill("What is an HRO?")
        with page.expect_response(re.compile(r"/api/chat$")) as response:
            box.press("Enter")
        assert response.value.status == 429
        wait = response.value.headers["retry-after"]
        expect(page.get_by_role("alert")).to_have_text(re.compile(f"too quickly.*wait {wait} second"))
        expect(box).to_have_value("What is an HRO?")
        page.screenshot(path=artifacts / "rate-limited.png")
        context.close()
