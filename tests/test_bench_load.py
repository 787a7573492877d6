"""The benchmark's load generator against a real uvicorn server on loopback, for about two seconds."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from bench.load import load
from bench.server_process import free_port


class Question(BaseModel):
    message: str


def echo_app() -> FastAPI:
    """Answers every message, except 'fail', which gets a 503."""
    app = FastAPI()

    @app.post("/api/chat")
    async def chat(question: Question) -> dict[str, str]:
        if question.message == "fail":
            raise HTTPException(503)
        return {"answer": question.message}

    return app


@pytest.fixture
def base() -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(echo_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_load_counts_requests_statuses_and_latencies(base: str) -> None:
    result = load(f"{base}/api/chat", ["What is a PEO?", "fail", "ASO vs HRO"], clients=4, seconds=2.0)
    assert result.requests > 20 and 2.0 <= result.seconds < 10
    assert result.statuses["200"] > 0 and result.errors == {"503": result.statuses["503"]}
    assert len(result.latencies_ms) == result.requests
    assert 0 < result.percentile(0.5) <= result.percentile(0.95) <= result.percentile(0.99)
    assert result.throughput == pytest.approx(result.requests / result.seconds)


def test_a_server_that_is_not_there_is_counted_as_errors() -> None:
    result = load(f"http://127.0.0.1:{free_port()}/api/chat", ["What is a PEO?"], clients=2, seconds=0.3)
    assert result.requests > 0 and "200" not in result.statuses
    assert set(result.errors) == {"ClientConnectorError"}
