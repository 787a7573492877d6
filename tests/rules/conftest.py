"""Shared fixtures for the rules-layer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.rules.table import DEFAULT_RULES_PATH, RulesTable, load_table


@pytest.fixture(scope="session")
def table() -> RulesTable:
    """The real rules table and prompts shipped with the bot."""
    return load_table()


@pytest.fixture(scope="session")
def rules_text() -> str:
    """The shipped rules.yaml, to derive broken copies from."""
    return DEFAULT_RULES_PATH.read_text(encoding="utf-8")


@pytest.fixture
def write_rules(tmp_path: Path, rules_text: str):
    """Write a copy of rules.yaml with one edit applied; returns its path."""

    def write(old: str, new: str, *, count: int = 1) -> Path:
        assert old in rules_text, f"test setup: {old!r} not in rules.yaml"
        path = tmp_path / "rules.yaml"
        path.write_text(rules_text.replace(old, new, count), encoding="utf-8")
        return path

    return write
