"""Turns the agent console on (GUIDEBOT_AGENT_TOKEN set) or leaves it off: its routes then 404."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from bot.agent.auth import AgentAuth
from bot.settings import Settings

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"


def install_console(app: FastAPI, settings: Settings) -> None:
    """Add the /agent pages and /api/agent API if an agent token is configured; else log that it is off."""
    token = settings.agent_token.get_secret_value() if settings.agent_token else ""
    if not token:
        log.info("agent console is off: GUIDEBOT_AGENT_TOKEN is not set (/agent and /api/agent answer 404)")
        return
    # Imported here: a server without the console never loads its pages, templates and gap grouping.
    from bot.agent import routes_api, routes_pages

    app.state.agent_auth = AgentAuth(token)
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.mount("/agent/static", StaticFiles(directory=STATIC_DIR), name="agent-static")
    app.add_exception_handler(routes_pages.SignInRequired, _sign_in)
    log.info("agent console is on at /agent")


async def _sign_in(request: Request, _: Exception) -> Response:
    from bot.agent.routes_pages import login_page

    return login_page(request, status=401)
