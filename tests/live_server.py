"""A real uvicorn server for an app in this process (on a free loopback port), for browser and load tests."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

import uvicorn
from fastapi import FastAPI

from bench.server_process import free_port
from bench.server_process import wait_ready as wait_until_ready


@contextlib.contextmanager
def serving(app: FastAPI, *, timeout: float = 60.0) -> Iterator[str]:
    """Serve the app on 127.0.0.1 until the block ends; yields its base URL once /readyz answers 200."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the test server on port {port} did not start")
            time.sleep(0.02)
        wait_until_ready(base, timeout=timeout)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=20)
