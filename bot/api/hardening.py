"""The HTTP app's guards: a request-body size limit, CORS from an allow-list, and security headers."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException
from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.api.errors import error_response
from bot.settings import Settings

MAX_BODY_BYTES = 16 * 1024
# Slack's button presses carry the whole message they were on (its blocks, sources included).
SLACK_MAX_BODY_BYTES = 1024 * 1024


def page_policy(frame_ancestors: str, *, form_action: str = "'none'") -> str:
    """The CSP of our HTML pages: scripts and styles only from files we serve, never inline scripts;
    forms post nowhere unless a page's own forms need it (the agent console's sign-in)."""
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        f"base-uri 'none'; form-action {form_action}; frame-ancestors {frame_ancestors}"
    )


def install(app: FastAPI, settings: Settings) -> None:
    """Add the guards; CORS outermost so that even a 413 or 429 reaches the calling page readably."""
    app.add_middleware(BodySizeLimit)
    app.add_middleware(SecurityHeaders, policy=page_policy(settings.frame_ancestors))
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=settings.cors_allow_credentials,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
            expose_headers=["Retry-After"],
            max_age=600,
        )


class BodySizeLimit:
    """413 for a body over the limit (16 KiB; 1 MiB for Slack's requests): told by Content-Length up
    front, else counted as it arrives."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = SLACK_MAX_BODY_BYTES if scope.get("path", "").startswith("/slack/") else MAX_BODY_BYTES
        too_large = f"the request body is larger than {limit // 1024} KiB"
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await error_response(413, "too_large", too_large)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:  # a chunked body: FastAPI turns this into the JSON error
                raise HTTPException(413, too_large)
            return message

        await self.app(scope, counted, send)


class SecurityHeaders:
    """nosniff and a referrer policy on every response; HTML pages also get the page CSP."""

    def __init__(self, app: ASGIApp, *, policy: str) -> None:
        self.app, self.policy = app, policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "same-origin"
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", self.policy)
            await send(message)

        await self.app(scope, receive, with_headers)
