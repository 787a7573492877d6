"""Benchmark guidebot against a tutorial RAG in the same run: ingest, cold start, and load at 1, 8
and 32 keep-alive clients (throughput, p50/p95/p99, errors, RSS). Run: python -m bench.benchmark [--quick]."""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.load import LoadResult, load
from bench.server_process import ROOT, free_port, post_json, running_server, wait_ready, wait_workers_ready

LEVELS = (1, 8, 32)
QUESTION_SETS = (ROOT.parent / "shared" / "eval" / "dev.jsonl", ROOT / "tests" / "eval" / "extra.jsonl")
GUIDEBOT_ENV = {"GUIDEBOT_ANSWER_CACHE": "false"}  # every request does the work; no cached answers
RSS_LIMIT_MB = 1536


def first_turns() -> list[str]:
    """The first turn of every eval case."""
    return [
        json.loads(line)["turns"][0]
        for path in QUESTION_SETS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its children, in MB."""
    root = psutil.Process(pid)
    total = 0
    for proc in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total / 2**20


@dataclass
class ServerRun:
    name: str
    cold_start_s: float
    levels: dict[int, LoadResult] = field(default_factory=dict)
    rss_mb: float = 0.0  # the highest seen, sampled after each level


def drive(run: ServerRun, base: str, pid: int, questions: list[str], seconds: float) -> ServerRun:
    """Warm up, then load the server at each client count and sample its memory."""
    load(f"{base}/api/chat", questions, clients=4, seconds=min(2.0, seconds))
    for clients in LEVELS:
        run.levels[clients] = load(f"{base}/api/chat", questions, clients=clients, seconds=seconds)
        run.rss_mb = max(run.rss_mb, tree_rss_mb(pid))
        print(f"  {run.name} {clients} clients: {run.levels[clients].throughput:.1f} req/s", file=sys.stderr)
    return run


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


def bench_guidebot(questions: list[str], seconds: float) -> ServerRun:
    """`guidebot serve` with its default workers; cold start is a restart with the index on disk."""
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        data, log_path = Path(tmp) / "data", Path(tmp) / "serve.log"
        with running_server(data, workers=None, env=GUIDEBOT_ENV) as (base, _):
            wait_ready(base)  # builds the index
        start = time.perf_counter()
        with running_server(data, workers=None, env=GUIDEBOT_ENV, log_path=log_path) as (base, proc):
            wait_workers_ready(log_path, workers)
            post_json(f"{base}/api/chat", {"message": "What is a PEO?"})
            run = ServerRun(f"guidebot ({workers} workers)", time.perf_counter() - start)
            return drive(run, base, proc.pid, questions, seconds)


@contextlib.contextmanager
def running_tutorial() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """bench/tutorial_rag.py as its own process on a free port."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.tutorial_rag", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}", proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def bench_tutorial(questions: list[str], seconds: float) -> ServerRun:
    start = time.perf_counter()
    with running_tutorial() as (base, proc):
        wait_ready(base)
        post_json(f"{base}/api/chat", {"message": "What is a PEO?"})
        run = ServerRun("tutorial RAG (1 worker)", time.perf_counter() - start)
        return drive(run, base, proc.pid, questions, seconds)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b and not math.isnan(a) and not math.isnan(b) else "n/a"


def table(ours: ServerRun, peer: ServerRun) -> list[str]:
    """A Markdown table: one row per server and client count, then the guidebot/tutorial ratios."""
    lines = [
        "| clients | server | req/s | p50 ms | p95 ms | p99 ms | errors | RSS MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for clients in LEVELS:
        for run in (ours, peer):
            r = run.levels[clients]
            errors = ", ".join(f"{k}: {v}" for k, v in r.errors.items()) or "none"
            lines.append(
                f"| {clients} | {run.name} | {r.throughput:.1f} | {r.percentile(0.5):.1f} | "
                f"{r.percentile(0.95):.1f} | {r.percentile(0.99):.1f} | {errors} | {run.rss_mb:.0f} |"
            )
    lines += [
        "",
        "| clients | throughput ratio | p50 ratio | p95 ratio | p99 ratio |",
        "|---|---|---|---|---|",
    ]
    for clients in LEVELS:
        g, t = ours.levels[clients], peer.levels[clients]
        lines.append(
            f"| {clients} | {ratio(g.throughput, t.throughput)} | "
            + " | ".join(ratio(g.percentile(q), t.percentile(q)) for q in (0.5, 0.95, 0.99))
            + " |"
        )
    return lines


def targets(ours: ServerRun, peer: ServerRun) -> list[str]:
    """Each target with its figure and whether it is met."""
    g32, t32, g1, t1 = ours.levels[32], peer.levels[32], ours.levels[1], peer.levels[1]
    server_errors = sum(v for r in ours.levels.values() for k, v in r.statuses.items() if k.startswith("5"))
    checks = [
        ("throughput at 32 clients >= 4x tutorial", f"{ratio(g32.throughput, t32.throughput)}x",
         g32.throughput >= 4 * t32.throughput),
        ("p95 at 32 clients <= 1/4 of tutorial's", f"{ratio(g32.percentile(0.95), t32.percentile(0.95))}x",
         g32.percentile(0.95) <= t32.percentile(0.95) / 4),
        ("no 5xx", str(server_errors), server_errors == 0),
        ("single-client p50 <= tutorial's", f"{g1.percentile(0.5):.1f} vs {t1.percentile(0.5):.1f} ms",
         g1.percentile(0.5) <= t1.percentile(0.5)),
        ("all workers' RSS <= 1.5 GB", f"{ours.rss_mb:.0f} MB", ours.rss_mb <= RSS_LIMIT_MB),
        ("cold start to ready <= 10 s", f"{ours.cold_start_s:.1f} s", ours.cold_start_s <= 10),
    ]  # fmt: skip
    return [f"- {'met' if ok else 'MISSED'}: {name} ({figure})" for name, figure, ok in checks]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="3 s per level instead of 20 (a smoke test)")
    parser.add_argument("--seconds", type=float, help="seconds per load level (overrides --quick)")
    args = parser.parse_args()
    seconds = args.seconds or (3.0 if args.quick else 20.0)
    questions = first_turns()
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}")
    print(f"{len(questions)} questions (first turns), {seconds:g} s per level, levels {LEVELS}\n")
    load_s, ingest_s = ingest_seconds()
    ours = bench_guidebot(questions, seconds)
    peer = bench_tutorial(questions, seconds)
    print(f"full ingest into an empty index: {ingest_s:.1f} s, plus {load_s:.1f} s model load")
    print(f"cold start, process start to every worker ready and a first answer: {ours.cold_start_s:.1f} s "
          f"(tutorial: {peer.cold_start_s:.1f} s)\n")  # fmt: skip
    print("\n".join(table(ours, peer)))
    print("\n" + "\n".join(targets(ours, peer)))


if __name__ == "__main__":
    main()
