"""Benchmark: full ingest, cold start (process start to first answer), warm /api/chat latency over HTTP."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.server_process import ROOT, post_json, running_server, wait_ready

QUESTIONS = [
    json.loads(line)["turns"][0]
    for line in (ROOT.parent / "shared" / "eval" / "dev.jsonl").read_text().splitlines()
    if line.strip()
]


def ingest_seconds() -> tuple[float, float]:
    """(model load, full ingest into an empty index) in seconds, in this process."""
    from bot.embedding import make_embedder
    from bot.settings import Settings
    from bot.wiring import prepare_index

    start = time.perf_counter()
    encoder = make_embedder(Settings())
    loaded = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        prepare_index(Settings(data_dir=Path(tmp)), encoder)
    return loaded - start, time.perf_counter() - loaded


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    load_s, ingest_s = ingest_seconds()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        # Index built once first, so cold start measures a restart with an index on disk.
        with running_server(data) as (base, _):
            wait_ready(base)
        start = time.perf_counter()
        with running_server(data) as (base, _):
            wait_ready(base, timeout=120)
            post_json(f"{base}/api/chat", {"message": "What is a PEO?"})
            cold = time.perf_counter() - start
            for q in QUESTIONS:  # warm-up round
                post_json(f"{base}/api/chat", {"message": q})
            latencies = []
            for _ in range(10):
                for q in QUESTIONS:
                    t = time.perf_counter()
                    post_json(f"{base}/api/chat", {"message": q})
                    latencies.append((time.perf_counter() - t) * 1000)
            batch = QUESTIONS * 10
            t = time.perf_counter()
            with ThreadPoolExecutor(max_workers=4) as pool:
                list(pool.map(lambda q: post_json(f"{base}/api/chat", {"message": q}), batch))
            throughput = len(batch) / (time.perf_counter() - t)
    print(
        json.dumps(
            {
                "cores": os.cpu_count(),
                "model_load_s": round(load_s, 2),
                "full_ingest_s": round(ingest_s, 2),
                "cold_start_to_first_answer_s": round(cold, 2),
                "warm_requests": len(latencies),
                "warm_p50_ms": round(statistics.median(latencies), 1),
                "warm_p95_ms": round(percentile(latencies, 0.95), 1),
                "throughput_rps_4_clients": round(throughput, 1),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
