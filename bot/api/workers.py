"""`guidebot serve --workers N`: N uvicorn processes, each with its own SO_REUSEPORT listening socket.

One socket shared by all workers (uvicorn's own supervisor) lets whichever worker wakes first accept a
whole burst of keep-alive connections, so under load one worker answers while the other idles. With a
socket per worker the kernel spreads new connections across them."""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import time
from multiprocessing.process import BaseProcess
from types import FrameType

log = logging.getLogger(__name__)

APP = "bot.api.app:create_app_from_env"
BACKLOG = 2048
RESTART_PAUSE_S = 1.0


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound with SO_REUSEPORT (and SO_REUSEADDR), listening."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    return sock


def run_worker(host: str, port: int) -> None:
    """One worker process: its own socket, the app from the environment, uvicorn's server loop."""
    import uvicorn

    config = uvicorn.Config(APP, factory=True, log_config=None, access_log=False)
    uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


def serve_workers(*, host: str, port: int, count: int) -> None:
    """Start `count` workers and keep them running (one that dies is restarted) until SIGINT/SIGTERM."""
    # Fail here, in the parent, if the address is taken: not once per worker.
    listening_socket(host, port).close()
    spawn = multiprocessing.get_context("spawn")
    stopping = False

    def start() -> BaseProcess:
        process = spawn.Process(target=run_worker, args=(host, port), name="guidebot-worker")
        process.start()
        return process

    def stop(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    workers = [start() for _ in range(count)]
    log.info("serving on %s:%d with %d workers (one socket each)", host, port, count)
    while not stopping:
        time.sleep(0.2)
        for i, process in enumerate(workers):
            if not process.is_alive() and not stopping:
                log.error("worker %s exited with %s: restarting it", process.pid, process.exitcode)
                time.sleep(RESTART_PAUSE_S)
                workers[i] = start()
    for process in workers:
        process.terminate()
    for process in workers:
        process.join(timeout=20)
        if process.is_alive():
            process.kill()
