"""Writing a file so that readers, other processes included, see the old file or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def atomic_write(target: Path, write: Callable[[Path], object]) -> None:
    """Call write(tmp_path) and rename the result into place: two processes never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is readable like any other
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def cached(
    path: Path,
    *,
    load: Callable[[Path], T | None],
    compute: Callable[[], T],
    save: Callable[[Path, T], object],
) -> T:
    """What `load` reads from `path`, else `compute()` written there atomically. A missing, empty,
    damaged or foreign file (load raises, or returns None for a file that is not this value) is
    computed again."""
    try:
        found = load(path)
        if found is not None:
            return found
    except (OSError, ValueError, KeyError, EOFError):
        pass  # missing or unreadable: compute again
    value = compute()
    atomic_write(path, lambda tmp: save(tmp, value))
    return value
