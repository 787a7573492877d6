"""A bounded async load generator: N keep-alive clients, each one request at a time, for a fixed time."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import aiohttp


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)  # "200", "503", or an exception's name

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def throughput(self) -> float:
        """Completed requests (any status) per second."""
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> dict[str, int]:
        """Every outcome but 200, by status code or exception name."""
        return {k: v for k, v in sorted(self.statuses.items()) if k != "200"}

    def percentile(self, q: float) -> float:
        """The q-quantile (0..1) of response times in milliseconds (nearest rank)."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _one_client(
    session: aiohttp.ClientSession,
    url: str,
    questions: Sequence[str],
    start: int,
    stop_at: float,
    out: LoadResult,
) -> None:
    i = start
    while time.perf_counter() < stop_at:
        question = questions[i % len(questions)]
        i += 1
        began = time.perf_counter()
        try:
            async with session.post(url, json={"message": question}) as response:
                await response.read()
                outcome = str(response.status)
        except (aiohttp.ClientError, TimeoutError) as exc:
            outcome = type(exc).__name__
        out.latencies_ms.append((time.perf_counter() - began) * 1000)
        out.statuses[outcome] += 1


async def run_load(url: str, questions: Sequence[str], *, clients: int, seconds: float) -> LoadResult:
    """POST {"message": question} to url from `clients` keep-alive connections for `seconds`."""
    connector = aiohttp.TCPConnector(limit=clients, force_close=False)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        began = time.perf_counter()
        stop_at = began + seconds
        result = LoadResult(clients=clients, seconds=seconds)
        await asyncio.gather(
            *(_one_client(session, url, questions, k * 7, stop_at, result) for k in range(clients))
        )
        result.seconds = time.perf_counter() - began  # includes the last requests' tails
    return result


def load(url: str, questions: Sequence[str], *, clients: int, seconds: float) -> LoadResult:
    """run_load from synchronous code."""
    return asyncio.run(run_load(url, questions, clients=clients, seconds=seconds))
