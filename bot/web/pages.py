"""Routes of the web front end: its two pages, the widget script, static files and the quick replies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from bot.rules.quick_replies import load_quick_replies

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
PAGES_DIR = WEB_DIR / "pages"
REVALIDATE = {"Cache-Control": "no-cache"}  # browsers keep a copy but check the ETag: updates show at once

router = APIRouter(include_in_schema=False)


@router.get("/")
def chat_page() -> HTMLResponse:
    """The full-page chat."""
    return _page("chat.html")


@router.get("/demo")
def demo_page() -> HTMLResponse:
    """A sample host page that embeds the widget with one script tag, the way a customer would."""
    return _page("demo.html")


@router.get("/widget.js")
def widget_script() -> FileResponse:
    """The widget: plain JavaScript, no build step."""
    return FileResponse(STATIC_DIR / "widget.js", media_type="text/javascript", headers=REVALIDATE)


@router.get("/widget/quick-replies.json")
def quick_replies() -> dict[str, Any]:
    """The chips offered under a follow-up question, per missing profile field."""
    return load_quick_replies().model_dump()


def _page(name: str) -> HTMLResponse:
    return HTMLResponse((PAGES_DIR / name).read_text(encoding="utf-8"), headers=REVALIDATE)


def install(app: FastAPI) -> None:
    """Add the pages and serve the static files under /static."""
    load_quick_replies()  # a broken quick_replies.yaml stops the start, with its file and problem
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
