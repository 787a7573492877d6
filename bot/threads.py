"""CPU threads per `serve` process, so N workers together use the machine's cores and no more."""

from __future__ import annotations

import os
import sys

THREAD_ENV_VARS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def threads_per_worker(workers: int, cores: int | None = None) -> int:
    """The cores divided between the workers, at least one thread each."""
    return max(1, (cores or os.cpu_count() or 1) // max(1, workers))


def limit_threads(threads: int) -> None:
    """Cap OpenMP's and torch's thread pools in this process (call before the model loads).

    torch sizes its pool from OMP_NUM_THREADS when it is imported, so it is not imported here: the ONNX
    backend never needs it."""
    for name in THREAD_ENV_VARS:
        os.environ[name] = str(threads)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)
