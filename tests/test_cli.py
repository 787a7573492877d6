"""The `guidebot` console script, run as a real subprocess on a temp data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.contract import ChatResponse, Recommendation
from tests.support import CHAT_KEYS

GUIDEBOT = str(Path(sys.executable).with_name("guidebot"))


def run(*args: str, data_dir: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GUIDEBOT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [GUIDEBOT, *args], env=env, cwd=data_dir.parent, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "data"


@pytest.fixture(scope="module")
def first_ingest(data_dir: Path) -> dict[str, int]:
    """`guidebot ingest --json` on an empty folder; later tests reuse the index it builds."""
    done = run("ingest", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, done.stdout
    return json.loads(lines[0])


@pytest.mark.slow
def test_ingest_twice_reports_nothing_new(data_dir: Path, first_ingest: dict[str, int]) -> None:
    assert set(first_ingest) == {"added", "updated", "deleted", "unchanged"}
    assert first_ingest["added"] > 0
    again = run("ingest", "--json", data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    counts = json.loads(again.stdout)
    assert (counts["added"], counts["updated"], counts["deleted"]) == (0, 0, 0)
    assert counts["unchanged"] == first_ingest["added"]


@pytest.mark.slow
def test_ask_json_is_the_contract(data_dir: Path, first_ingest: dict[str, int]) -> None:
    done = run("ask", "--json", "What is the downside of a PEO?", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert set(body) == CHAT_KEYS
    parsed = ChatResponse.model_validate(body)
    assert parsed.status == "answered"
    assert [c.n for c in parsed.citations] == list(range(1, len(parsed.citations) + 1))


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_ask_rejects_empty_or_long_question(tmp_path: Path, question: str) -> None:
    done = run("ask", question, data_dir=tmp_path / "data")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "message" in done.stderr
    assert not (tmp_path / "data").exists()  # nothing was loaded or built


def test_recommend_json_picks_peo(tmp_path: Path) -> None:
    done = run(
        "recommend", "--employees", "8", "--no-hr-staff", "--pooled-benefits", "--json", data_dir=tmp_path
    )
    assert done.returncode == 0, done.stderr
    rec = Recommendation.model_validate_json(done.stdout)
    assert rec.choice == "PEO"
    assert rec.profile == {"employees": 8, "in_house_hr": False, "wants_pooled_benefits": True}
    assert "sentence_transformers" not in done.stderr  # rules only, no model


def test_recommend_human_output(tmp_path: Path) -> None:
    done = run("recommend", "--hr-staff", "--full-control", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Choice: ")


def test_recommend_rejects_zero_employees(tmp_path: Path) -> None:
    done = run("recommend", "--employees", "0", data_dir=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "employees" in done.stderr


def test_serve_refuses_to_start_on_a_malformed_rules_table(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\nrules:\n  - id: x\n    favours: PEO\n    weight: lots\n", encoding="utf-8")
    env = {**os.environ, "GUIDEBOT_DATA_DIR": str(tmp_path / "data"), "GUIDEBOT_RULES_PATH": str(rules)}
    done = subprocess.run(
        [GUIDEBOT, "serve", "--port", "1"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert str(rules) in done.stderr and ":" in done.stderr.split(str(rules), 1)[1][:8]


@pytest.mark.slow
def test_chat_repl_keeps_the_conversation(data_dir: Path, first_ingest: dict[str, int]) -> None:
    env = {**os.environ, "GUIDEBOT_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [GUIDEBOT, "chat"],
        input="What is an ASO?\nwho files taxes then?\n" + "x" * 2001 + "\n/quit\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "Administrative Services Organization" in done.stdout
    assert "EIN" in done.stdout  # the follow-up was read against the ASO topic
    assert "longer than 2000 characters" in done.stderr
