"""POST /slack/events: Slack's HTTP requests (events, slash command, buttons) into the Bolt app."""

from __future__ import annotations

import logging
from concurrent.futures import Executor

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from bot.api.errors import ApiError
from bot.api.loader import ServiceLoader
from bot.settings import Settings

log = logging.getLogger(__name__)

NOT_CONFIGURED = "the Slack app is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to serve /slack/events"


def slack_router(settings: Settings, loader: ServiceLoader, answer_pool: Executor) -> APIRouter:
    """The /slack/events route: Bolt when Slack is configured, else a 404 that says why."""
    router = APIRouter()
    if settings.slack_bot_token is None or settings.slack_signing_secret is None:
        log.info(NOT_CONFIGURED)

        @router.post("/slack/events", include_in_schema=False)
        def not_configured() -> Response:
            raise ApiError(404, "not_found", NOT_CONFIGURED)

        return router

    # Imported here: a server without Slack never loads Bolt and the SDK (a few tenths of a second).
    from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response

    from bot.slack.app import build_slack_app, slack_bot

    bolt = build_slack_app(settings, slack_bot(settings, lambda: loader.service, answer_pool=answer_pool))

    @router.post("/slack/events", include_in_schema=False)
    async def slack_events(request: Request) -> Response:
        """Verified by Bolt (signature, 5-minute window), acknowledged at once, answered after."""
        body = await request.body()
        # Bolt's dispatch blocks until the listener acks (a database claim, maybe auth.test): a thread.
        response = await run_in_threadpool(bolt.dispatch, to_bolt_request(request, body))
        return to_starlette_response(response)

    return router
