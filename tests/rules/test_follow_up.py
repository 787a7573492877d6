"""The follow-up question and the sentences around a recommendation."""

from __future__ import annotations

import re

import pytest

from bot.contract import Profile, Reason, Recommendation
from bot.rules.engine import recommend
from bot.rules.follow_up import follow_up_question, join_phrases, reason_sentences
from bot.rules.table import RulesTable


@pytest.mark.parametrize(
    "facts",
    [{}, {"cost_priority": True}, {"employees": 40}, {"multi_state": True, "cost_priority": True}],
)
def test_follow_up_names_the_most_decisive_missing_facts(table: RulesTable, facts: dict) -> None:
    rec = recommend(Profile(**facts), table)
    question = follow_up_question(rec, table.prompts)
    phrases = table.prompts.field_questions
    asked = [f for f in rec.missing if getattr(phrases, f) in question]
    assert asked == rec.missing[: table.prompts.follow_up.max_facts]
    assert 1 <= len(asked) <= 3
    assert not re.search(r"\d", question)
    assert question.count("?") == 1 and question.endswith("?")


def test_follow_up_without_missing_fields_falls_back(table: RulesTable) -> None:
    rec = Recommendation(choice="UNDECIDED", summary="x", reasons=[], missing=[], profile={})
    assert follow_up_question(rec, table.prompts) == table.prompts.follow_up.fallback


def test_follow_up_loads_default_prompts() -> None:
    rec = Recommendation(choice="UNDECIDED", summary="x", reasons=[], missing=["in_house_hr"], profile={})
    assert "HR" in follow_up_question(rec)


@pytest.mark.parametrize(
    ("phrases", "joined"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c"), (["a", "a"], "a")],
)
def test_join_phrases(phrases: list[str], joined: str) -> None:
    assert join_phrases(phrases) == joined


def test_reason_sentences_drop_repeats(table: RulesTable) -> None:
    rec = recommend(Profile(strategic_hr_only=True), table)
    assert rec.choice == "HRO"
    sentences = reason_sentences(rec)
    assert all(isinstance(s, Reason) for s in sentences)
    assert len({s.text for s in sentences}) == len(sentences) >= 1
