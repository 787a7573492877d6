"""Builds the guidebot HTTP app: routes, JSON errors, request log, and the background service load."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.agent.console import install_console
from bot.api import docs_page, hardening, rate_limit, routes_chat, routes_feedback, routes_health
from bot.api.errors import install_error_handlers
from bot.api.loader import ServiceFactory, ServiceLoader, default_factory
from bot.api.retention import purge_on_schedule
from bot.log_setup import configure_logging
from bot.settings import Settings
from bot.slack.http import slack_router
from bot.threads import limit_threads, threads_per_worker
from bot.web import pages

log = logging.getLogger("bot.api.requests")


def create_app(settings: Settings | None = None, *, service_factory: ServiceFactory | None = None) -> FastAPI:
    """The FastAPI app; the service is loaded once, in the background, when the app starts."""
    settings = settings or Settings()
    loader = ServiceLoader(settings, service_factory or default_factory)

    pool = ThreadPoolExecutor(max_workers=settings.answer_threads, thread_name_prefix="guidebot-answer")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        loader.start()
        purging = asyncio.create_task(
            purge_on_schedule(loader, days=settings.retention_days, every_s=settings.retention_check_seconds)
        )
        yield
        purging.cancel()
        pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="guidebot",
        summary="Answers questions about HR outsourcing models from a guide, with verified citations.",
        docs_url=None,  # /docs/{doc_id} serves the corpus; the OpenAPI JSON stays at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.loader = loader
    app.state.answer_pool = pool
    app.state.rate_limit = rate_limit.RateLimit(settings.rate_limit)
    install_error_handlers(app)
    employee_api = [Depends(rate_limit.enforce)]  # not /healthz, pages, static files or /docs
    app.include_router(routes_health.router)
    limited = rate_limit.RESPONSES
    app.include_router(routes_chat.router, dependencies=employee_api, responses=limited)
    app.include_router(routes_feedback.router, dependencies=employee_api, responses=limited)
    app.include_router(docs_page.router)
    app.include_router(slack_router(settings, loader, pool))
    pages.install(app)
    hardening.install(app, settings)
    install_console(app, settings)
    app.add_middleware(RequestLog)
    return app


def create_app_from_env() -> FastAPI:
    """The app for one `guidebot serve` worker: Settings from the environment, its share of the cores."""
    settings = Settings()
    configure_logging(settings.log_level)  # workers are fresh interpreters: the CLI's set-up is not theirs
    threads = threads_per_worker(settings.worker_count())
    limit_threads(threads)
    if "embedding_threads" not in settings.model_fields_set:  # GUIDEBOT_EMBEDDING_THREADS wins
        settings = settings.model_copy(update={"embedding_threads": threads})
    return create_app(settings)


class RequestLog:
    """Logs one INFO line per request: method, path (at most 80 characters), status, milliseconds."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            ms = (time.perf_counter() - started) * 1000
            path = scope.get("path", "")
            log.info("%s %s %d %.0fms", scope.get("method"), path[:80], status, ms)
