"""Who may use the console: a bearer token for the API, a signed session cookie (with CSRF) for the pages."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from bot.api.errors import ApiError

SESSION_COOKIE = "guidebot_agent"
SESSION_MAX_AGE_S = 8 * 3600  # a working day; then the agent signs in again
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Session:
    """A browser's console session: signed in or not, and the CSRF token its forms must send back."""

    signed_in: bool
    csrf: str


class AgentAuth:
    """Checks the agent token and issues and reads session cookies signed with it (itsdangerous)."""

    def __init__(self, token: str) -> None:
        self._token = token.encode()
        # Keyed by the token itself: changing GUIDEBOT_AGENT_TOKEN signs every browser out.
        self._signer = URLSafeTimedSerializer(token, salt="guidebot-agent-session")

    def token_matches(self, given: str) -> bool:
        """Whether a presented token is the agent token (constant-time)."""
        return hmac.compare_digest(given.encode(), self._token)

    def bearer_ok(self, request: Request) -> bool:
        """Whether the request carries `Authorization: Bearer <agent token>`."""
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and self.token_matches(given.strip())

    def session(self, request: Request) -> Session | None:
        """The request's session cookie if it is ours, unaltered and not older than the session lifetime."""
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie:
            return None
        try:
            data = self._signer.loads(cookie, max_age=SESSION_MAX_AGE_S)
        except BadSignature:  # also SignatureExpired
            return None
        if not isinstance(data, dict) or not isinstance(data.get("csrf"), str):
            return None
        return Session(signed_in=data.get("agent") is True, csrf=data["csrf"])

    def csrf_ok(self, session: Session | None, given: str | None) -> bool:
        """Whether a form's or header's CSRF token is the one bound to this browser's session."""
        return session is not None and bool(given) and hmac.compare_digest(session.csrf, given or "")

    def store(self, response: Response, session: Session) -> None:
        """Set the session cookie: signed, HTTP-only, secure, same-site strict."""
        response.set_cookie(
            SESSION_COOKIE,
            self._signer.dumps({"agent": session.signed_in, "csrf": session.csrf}),
            max_age=SESSION_MAX_AGE_S,
            path="/",
            secure=True,
            httponly=True,
            samesite="strict",
        )

    def forget(self, response: Response) -> None:
        """Remove the session cookie."""
        response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict")


def new_session(*, signed_in: bool) -> Session:
    """A session with a fresh CSRF token (a new one at every sign-in and sign-out)."""
    return Session(signed_in=signed_in, csrf=secrets.token_urlsafe(32))


def agent_auth(request: Request) -> AgentAuth:
    """The app's AgentAuth (the console's routes exist only when a token is configured)."""
    auth: AgentAuth = request.app.state.agent_auth
    return auth


def require_agent(request: Request, response: Response) -> None:
    """API dependency: a bearer token, or the console's signed-in session (plus its CSRF header to write)."""
    auth = agent_auth(request)
    response.headers["Cache-Control"] = "no-store"  # employees' questions stay out of shared caches
    if auth.bearer_ok(request):
        return
    session = auth.session(request)
    reads = request.method in SAFE_METHODS
    if session and session.signed_in and (reads or auth.csrf_ok(session, request.headers.get(CSRF_HEADER))):
        return
    raise ApiError(401, "unauthorized", "authentication required", headers={"WWW-Authenticate": "Bearer"})
