"""Loads the answer service once per process in a background thread; handlers wait on nothing."""

from __future__ import annotations

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
            return
        self.service = service
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


async def get_service(request: Request) -> AnswerService:
    """FastAPI dependency: the loaded service or 503."""
    loader: ServiceLoader = request.app.state.loader
    return loader.require()
