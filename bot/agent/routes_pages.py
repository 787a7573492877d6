"""/agent pages: sign-in, the assist page, the conversation log and the coverage gaps (server-rendered)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from bot.agent.auth import CSRF_FIELD, Session, agent_auth, new_session
from bot.agent.routes_api import gap_encoder, gap_groups
from bot.api.hardening import page_policy
from bot.api.loader import ServiceLoader
from bot.service import AnswerService
from bot.storage.log import ConversationLog, LogFilter

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
LOGIN_FAILED = "Sign-in failed."
# The console's pages load only their own files (no inline scripts or styles), are never framed, and
# their sign-in and sign-out forms post to the console.
PAGE_POLICY = page_policy("'none'", form_action="'self'")

router = APIRouter(prefix="/agent", include_in_schema=False)


class SignInRequired(Exception):
    """A page was asked for without a signed-in session: answered 401 with the sign-in form."""


def signed_in(request: Request) -> Session:
    """Page dependency: the browser's signed-in session, else SignInRequired."""
    session = agent_auth(request).session(request)
    if session is None or not session.signed_in:
        raise SignInRequired
    return session


SignedIn = Annotated[Session, Depends(signed_in)]


def login_page(request: Request, *, status: int = 200, error: str | None = None) -> Response:
    """The sign-in form with a fresh anonymous session (its CSRF token is in the form and the cookie)."""
    session = new_session(signed_in=False)
    response = _render(request, "login.html", session, status=status, error=error)
    agent_auth(request).store(response, session)
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    """The sign-in form (or the console, for a browser already signed in)."""
    session = agent_auth(request).session(request)
    if session and session.signed_in:
        return RedirectResponse("/agent", status_code=303)
    return login_page(request)


@router.post("/login")
def login(
    request: Request, token: Annotated[str, Form()] = "", csrf_token: Annotated[str, Form()] = ""
) -> Response:
    """Check the agent token; a new signed-in session on success, 401 with no detail otherwise."""
    auth = agent_auth(request)
    if not auth.csrf_ok(auth.session(request), csrf_token) or not auth.token_matches(token):
        return login_page(request, status=401, error=LOGIN_FAILED)
    response = RedirectResponse("/agent", status_code=303)
    auth.store(response, new_session(signed_in=True))
    return response


@router.post("/logout")
def logout(request: Request, session: SignedIn, csrf_token: Annotated[str, Form()] = "") -> Response:
    """End the session (the form must carry the session's CSRF token)."""
    auth = agent_auth(request)
    if not auth.csrf_ok(session, csrf_token):
        return _render(request, "error.html", session, status=403, error="The form expired: reload the page.")
    response = RedirectResponse("/agent/login", status_code=303)
    auth.forget(response)
    return response


@router.get("")
def assist_page(request: Request, session: SignedIn) -> Response:
    """The ask box, the reply draft and its trace, and the profile form."""
    return _render(request, "assist.html", session, page="assist", profile_fields=_profile_fields())


@router.get("/conversations")
def conversations_page(
    request: Request, session: SignedIn, filters: Annotated[LogFilter, Query()]
) -> Response:
    """The conversation log with filters."""
    found = ConversationLog(_service(request).conversations.engine).conversations(filters)
    query = request.url.query
    return _render(
        request,
        "conversations.html",
        session,
        page="conversations",
        filters=filters,
        conversations=[c.summary() for c in found],
        csv_url="/api/agent/conversations.csv" + (f"?{query}" if query else ""),
    )


@router.get("/conversations/{conversation_id}")
def conversation_page(request: Request, session: SignedIn, conversation_id: str) -> Response:
    """One conversation in full."""
    found = ConversationLog(_service(request).conversations.engine).conversation(conversation_id)
    if found is None:
        return _render(request, "error.html", session, status=404, error="No such conversation.")
    return _render(request, "conversation.html", session, page="conversations", conversation=found)


@router.get("/gaps")
async def gaps_page(request: Request, session: SignedIn) -> Response:
    """Coverage gaps: failed questions grouped by meaning, newest first."""
    service = _service(request)
    groups = await asyncio.to_thread(gap_groups, service, gap_encoder(request, service))
    return _render(request, "gaps.html", session, page="gaps", groups=groups)


def _service(request: Request) -> AnswerService:
    loader: ServiceLoader = request.app.state.loader
    return loader.require()


def _profile_fields() -> list[tuple[str, str, str]]:
    """(name, kind, description) of each profile field, for the profile form."""
    from bot.contract import PROFILE_FIELDS, Profile

    fields = Profile.model_fields
    return [
        (
            name,
            "number" if fields[name].annotation == int | None else "choice",
            fields[name].description or name,
        )
        for name in PROFILE_FIELDS
    ]


def _render(
    request: Request, template: str, session: Session, *, status: int = 200, **context: Any
) -> HTMLResponse:
    context = {"csrf": session.csrf, "csrf_field": CSRF_FIELD, "signed_in": session.signed_in, **context}
    response = TEMPLATES.TemplateResponse(request, template, context, status_code=status)
    response.headers["Cache-Control"] = "no-store"  # employees' questions stay out of shared caches
    response.headers["Content-Security-Policy"] = PAGE_POLICY
    return response
