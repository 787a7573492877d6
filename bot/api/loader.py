"""Loads the answer service once per process in a background thread; a request arriving while it loads
waits a few seconds for it (another worker may already have said it is ready), then gets a 503."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from fastapi import Request

from bot.api.errors import ApiError
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.service import AnswerService

log = logging.getLogger(__name__)

ServiceFactory = Callable[[Settings], "AnswerService"]
WAIT_STEP = 0.05  # seconds between looks at a service still loading


def default_factory(settings: Settings) -> AnswerService:
    """The real service: model, index and rules, built by the composition root."""
    from bot.wiring import build_service  # imported here so importing the app stays cheap

    return build_service(settings)


class ServiceLoader:
    """Holds the service once loaded, or the reason it is not (still loading, or failed)."""

    def __init__(self, settings: Settings, factory: ServiceFactory) -> None:
        self.settings, self.factory = settings, factory
        self.service: AnswerService | None = None
        self.error: str | None = None
        self._thread: threading.Thread | None = None
        self._done = threading.Event()  # set once loading has ended, either way

    def start(self) -> None:
        """Begin loading in a daemon thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._load, name="guidebot-loader", daemon=True)
            self._thread.start()

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            service = self.factory(self.settings)
        except Exception as exc:
            self.error = f"loading the service failed: {type(exc).__name__}: {exc}"
            log.exception("loading the service failed")
            self._done.set()
            return
        self.service = service
        self._done.set()  # (after the service is set: a waiter woken reads it)
        log.info("service ready in %.1f s", time.perf_counter() - started)

    @property
    def reason(self) -> str:
        """Why the service cannot answer yet."""
        return self.error or "the service is still loading the model and index"

    def require(self) -> AnswerService:
        """The loaded service, or a 503 not_ready error."""
        if self.service is None:
            raise ApiError(503, "not_ready", self.reason, headers={"Retry-After": "5"})
        return self.service

    async def awaited(self) -> AnswerService:
        """The service, waiting up to warmup_wait_seconds while it still loads (no thread held); then as
        require()."""
        deadline = time.monotonic() + self.settings.warmup_wait_seconds
        while not self._done.is_set() and time.monotonic() < deadline:
            await asyncio.sleep(WAIT_STEP)
        return self.require()


async def get_service(request: Request) -> AnswerService:
    """FastAPI dependency: the loaded service (waited for a few seconds while it loads) or 503."""
    loader: ServiceLoader = request.app.state.loader
    return await loader.awaited()
