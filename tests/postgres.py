"""A throwaway Postgres server for tests: initdb and pg_ctl in a temp dir on a free loopback port."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SUPERUSER = "guidebot"


def postgres_bin() -> Path | None:
    """The newest installed server's bin folder (Debian's layout first, then PATH), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(args: list[str], *, owner: str | None) -> None:
    """Run a server tool, as `owner` when we are root (initdb and postgres refuse to run as root)."""
    command = ["runuser", "-u", owner, "--", *args] if owner else args
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed ({done.returncode}): {done.stderr or done.stdout}")


@contextmanager
def running_postgres(bin_dir: Path) -> Iterator[str]:
    """Start a server and yield its base URL (no database part); it is stopped and removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="guidebot-pg-"))
    owner = None
    if os.geteuid() == 0:
        owner = "postgres"
        user = pwd.getpwnam(owner)
        os.chown(root, user.pw_uid, user.pw_gid)
    data, log = root / "data", root / "server.log"
    port = free_port()
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg_ctl = str(bin_dir / "pg_ctl")
    started = False
    try:
        initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust"]
        _run([*initdb, "-E", "UTF8", "--locale=C", "--no-sync"], owner=owner)
        _run([pg_ctl, "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", options, "start"], owner=owner)
        started = True
        yield f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}"
    finally:
        if started:
            _run([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], owner=owner)
        shutil.rmtree(root, ignore_errors=True)
