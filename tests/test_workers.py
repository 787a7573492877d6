"""`guidebot serve --workers 2`: both workers answer, and a follow-up keeps its context across workers
and across a restart (conversations live in the shared SQL store, not in one process)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bench.server_process import post_json, running_server, wait_ready, wait_workers_ready
from bot.threads import threads_per_worker

ANSWERED_CHAT = re.compile(r"\[(\d+)\] bot\.api\.requests: POST /api/chat 200")
PAIRS = 30


@pytest.mark.parametrize(
    ("workers", "cores", "threads"), [(1, 2, 2), (2, 2, 1), (4, 2, 1), (2, 8, 4), (3, 8, 2), (1, 1, 1)]
)
def test_workers_split_the_cores_between_them(workers: int, cores: int, threads: int) -> None:
    assert threads_per_worker(workers, cores) == threads


def chat_pids(log_path: Path) -> set[str]:
    """The pids of the workers that answered a chat request with 200."""
    return set(ANSWERED_CHAT.findall(log_path.read_text(errors="replace")))


def ask(base: str, message: str, conversation_id: str | None = None) -> dict[str, Any]:
    """One chat turn over a fresh connection (urllib never keeps a connection alive)."""
    payload = {"message": message} | ({"conversation_id": conversation_id} if conversation_id else {})
    return post_json(f"{base}/api/chat", payload)


def about_peo(reply: dict[str, Any]) -> bool:
    """The follow-up 'what are its cons?' was read as being about a PEO."""
    cited = " ".join(f"{c['section']} {c['quote']}" for c in reply["citations"])
    return reply["status"] == "answered" and "PEO" in cited


@pytest.mark.slow
def test_two_workers_both_answer_and_follow_ups_keep_their_context(tmp_path: Path) -> None:
    log_path = tmp_path / "serve.log"
    # A fresh data folder: both workers start at once and find no index, so the sync lock is exercised.
    with running_server(tmp_path / "data", cwd=tmp_path, log_path=log_path, workers=2) as (base, _):
        try:
            wait_workers_ready(log_path, 2)
        except TimeoutError:
            pytest.fail(log_path.read_text(errors="replace")[-3000:])
        follow_ups = []
        for _ in range(PAIRS):
            first = ask(base, "What is a PEO?")
            follow_ups.append(ask(base, "what are its cons?", str(first["conversation_id"])))
    assert len(chat_pids(log_path)) == 2, "both workers answer chat requests"
    lost = [r for r in follow_ups if not about_peo(r)]
    assert not lost, f"{len(lost)} of {PAIRS} follow-ups lost their context, e.g. {lost[0]}"


@pytest.mark.slow
def test_a_follow_up_after_a_restart_keeps_its_context(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with running_server(data, cwd=tmp_path) as (base, _):
        wait_ready(base, timeout=180)
        first = ask(base, "What is a PEO?")
    with running_server(data, cwd=tmp_path) as (base, _):
        wait_ready(base, timeout=180)
        reply = ask(base, "what are its cons?", str(first["conversation_id"]))
    assert reply["conversation_id"] == first["conversation_id"]
    assert about_peo(reply)
