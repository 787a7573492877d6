"""Under load, `guidebot serve --workers 2` with a low rate limit: 32 concurrent clients (each its own
loopback address, a new connection per request so both workers see every client) get 200 or 429, never a
5xx; no client gets more than its limit however its requests spread over the workers (the counters are
in the shared SQL store); and a limited client gets answers again once its Retry-After has passed."""

from __future__ import annotations

import asyncio
import re
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from bench.server_process import running_server, wait_workers_ready

CLIENTS = 32
LIMIT = 5
WINDOW_S = 20  # long enough that a client's burst sits in one window on a busy machine
MAX_TRIES = 4 * LIMIT
SERVED = re.compile(r"\[(\d+)\] bot\.api\.requests: POST /api/recommend (\d{3})")


@dataclass
class Client:
    """One client's run: statuses until its first 429, the wait it was told, and the answer after it."""

    address: str
    statuses: list[int] = field(default_factory=list)
    retry_after: int | None = None
    limited_body: dict | None = None
    after_wait: int | None = None
    answer: dict | None = None


async def run_client(base: str, client: Client) -> None:
    connector = aiohttp.TCPConnector(local_addr=(client.address, 0), force_close=True)
    timeout = aiohttp.ClientTimeout(total=300)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        for _ in range(MAX_TRIES):
            async with session.post(f"{base}/api/recommend", json={"employees": 12}) as resp:
                client.statuses.append(resp.status)
                if resp.status == 429:
                    client.retry_after = int(resp.headers["Retry-After"])
                    client.limited_body = await resp.json()
                    break
        if client.retry_after is None:
            return
        await asyncio.sleep(client.retry_after)
        async with session.post(f"{base}/api/chat", json={"message": "What is a PEO?"}) as resp:
            client.after_wait = resp.status
            client.answer = await resp.json()


async def run_all(base: str) -> list[Client]:
    clients = [Client(f"127.0.0.{n}") for n in range(2, 2 + CLIENTS)]
    await asyncio.gather(*(run_client(base, c) for c in clients))
    return clients


@pytest.mark.slow
def test_32_clients_against_a_low_limit_on_two_workers(tmp_path: Path) -> None:
    log_path = tmp_path / "serve.log"
    env = {"GUIDEBOT_RATE_LIMIT": f"{LIMIT} per {WINDOW_S} seconds"}
    with running_server(tmp_path / "data", cwd=tmp_path, log_path=log_path, workers=2, env=env) as (base, _):
        try:
            wait_workers_ready(log_path, 2)
        except TimeoutError:
            pytest.fail(log_path.read_text(errors="replace")[-3000:])
        clients = asyncio.run(run_all(base))
        for path in ("/widget.js", "/demo", "/"):
            with urllib.request.urlopen(base + path, timeout=30) as page:
                assert page.status == 200, f"the workers serve {path} too"

    statuses = [s for c in clients for s in c.statuses] + [c.after_wait for c in clients]
    assert not [s for s in statuses if s is None or s >= 500], "never a 5xx"
    assert set(statuses) <= {200, 429}
    for client in clients:
        assert client.statuses[-1] == 429, f"{client.address} was never limited: {client.statuses}"
        assert client.statuses[:-1] == [200] * (len(client.statuses) - 1)
        assert len(client.statuses) - 1 <= LIMIT, f"{client.address} got past its limit: {client.statuses}"
        assert client.limited_body is not None and client.limited_body["error"]["code"] == "rate_limited"
        assert client.retry_after is not None and 1 <= client.retry_after <= WINDOW_S
        assert client.after_wait == 200, f"{client.address} was still refused after Retry-After"
        assert client.answer is not None and client.answer["status"] == "answered"
    served = SERVED.findall(log_path.read_text(errors="replace"))
    assert len({pid for pid, _ in served}) == 2, "both workers counted requests against the same limits"
