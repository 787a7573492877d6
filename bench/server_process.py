"""Starts `guidebot serve` as a real process on a free loopback port, and stops it."""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A load generator is one client address: lift the per-client rate limit unless `env` sets one.
UNLIMITED = "1000000/minute"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(base: str, *, timeout: float = 180.0) -> float:
    """Seconds until /readyz answers 200; raises TimeoutError past the timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=2) as r:
                if r.status == 200:
                    return time.perf_counter() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{base} not ready after {timeout} s")


READY_LINE = re.compile(r"\[(\d+)\] bot\.api\.loader: service ready")


def ready_workers(log_path: Path) -> set[str]:
    """The pids of the `serve` workers whose service has logged that it is ready."""
    return set(READY_LINE.findall(log_path.read_text(errors="replace")))


def wait_workers_ready(log_path: Path, count: int, *, timeout: float = 240.0) -> float:
    """Seconds until `count` workers have logged that they are ready; raises TimeoutError past the timeout."""
    start = time.perf_counter()
    while len(ready_workers(log_path)) < count:
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{count} workers not ready after {timeout} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def post_json(url: str, payload: dict[str, object], timeout: float = 30.0) -> dict[str, object]:
    req = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return dict(json.loads(r.read().decode()))


@contextlib.contextmanager
def running_server(
    data_dir: Path | None = None,
    *,
    cwd: Path = ROOT,
    log_path: Path | None = None,
    workers: int | None = 1,
    env: Mapping[str, str] | None = None,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A `guidebot serve` process on 127.0.0.1 with its own data folder; yields (base URL, process).

    workers=None leaves serve's default (one per core). Its stderr (the request log) goes to log_path
    when given; env adds to this process's environment."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="guidebot-") as tmp:
        env = {
            **os.environ,
            "GUIDEBOT_DATA_DIR": str(data_dir or Path(tmp) / "data"),
            "GUIDEBOT_RATE_LIMIT": UNLIMITED,
            **(env or {}),
        }
        guidebot = Path(sys.executable).with_name("guidebot")
        log = log_path.open("wb") if log_path else subprocess.DEVNULL
        proc = subprocess.Popen(
            [str(guidebot), "serve", "--host", "127.0.0.1", "--port", str(port)]
            + (["--workers", str(workers)] if workers else []),
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            yield f"http://127.0.0.1:{port}", proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if log_path:
                log.close()  # type: ignore[union-attr]
