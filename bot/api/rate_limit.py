"""The per-client rate limit of the employee API (/api/chat, /api/feedback, /api/recommend).

`limits`' fixed-window strategy counting in the shared SQL store (bot/storage/rate_limits.py), so the
limit holds across workers and replicas. A client is its address as uvicorn sees it (behind a proxy,
uvicorn's --forwarded-allow-ips makes that the forwarded address)."""

from __future__ import annotations

import logging
import math
import time
from typing import Annotated

from fastapi import Depends, Request
from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import Engine

from bot.api.errors import ApiError
from bot.api.loader import get_service
from bot.contract import ErrorResponse
from bot.service import AnswerService
from bot.storage.rate_limits import SqlStorage

NAMESPACE = "api"

log = logging.getLogger(__name__)

# For the OpenAPI description of the limited routes.
RESPONSES: dict[int | str, dict[str, object]] = {
    413: {"model": ErrorResponse, "description": "The body is over 16 KiB"},
    429: {"model": ErrorResponse, "description": "Over the client's rate limit; see Retry-After"},
}


class RateLimit:
    """One limit (e.g. "60/minute") per client, counted in the database of the service's store."""

    def __init__(self, limit: str) -> None:
        self.item: RateLimitItem = parse(limit)
        self._limiter: FixedWindowRateLimiter | None = None

    def limiter(self, engine: Engine) -> FixedWindowRateLimiter:
        """The limiter on this engine (made once)."""
        if self._limiter is None:
            self._limiter = FixedWindowRateLimiter(SqlStorage(engine))
        return self._limiter

    def hit(self, client: str, engine: Engine) -> None:
        """Count one request of the client; a 429 with Retry-After when it is over the limit."""
        limiter = self.limiter(engine)
        try:
            if limiter.hit(self.item, NAMESPACE, client):
                return
        except StorageError:  # the database is down: answering beats refusing (the chat says why anyway)
            log.warning("rate limit not counted: its storage failed", exc_info=True)
            return
        reset_at = limiter.get_window_stats(self.item, NAMESPACE, client).reset_time
        wait = max(1, math.ceil(reset_at - time.time()))
        raise ApiError(
            429,
            "rate_limited",
            f"too many requests: at most {self.item.amount} per {_window(self.item)}; try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )


def _window(item: RateLimitItem) -> str:
    unit = item.GRANULARITY.name
    return unit if item.multiples == 1 else f"{item.multiples} {unit}s"


def client_address(request: Request) -> str:
    """Who is asking: the client's address (or 'unknown' when the server cannot tell)."""
    return request.client.host if request.client else "unknown"


def enforce(request: Request, service: Annotated[AnswerService, Depends(get_service)]) -> None:
    """FastAPI dependency: count the request against its client's limit (sync: runs in the thread pool)."""
    rate_limit: RateLimit = request.app.state.rate_limit
    rate_limit.hit(client_address(request), service.conversations.engine)
