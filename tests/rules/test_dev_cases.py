"""The dev recommendation cases, end to end through extractor, merge, engine and follow-up."""

from __future__ import annotations

from bot.contract import Profile
from bot.rules import (
    asks_for_recommendation,
    extract_profile,
    follow_up_question,
    merge_profile,
    needs_more_info,
    recommend,
)
from bot.rules.table import RulesTable


def _converse(turns: list[str], table: RulesTable):
    """Merge each turn's facts into the conversation's profile, as the answer service does."""
    profile = Profile()
    for turn in turns:
        profile = merge_profile(profile, extract_profile(turn), table)
    return recommend(profile, table)


def test_small_firm_without_hr_wanting_benefits_gets_a_peo(table: RulesTable) -> None:
    text = "We have 8 employees, no HR staff, and we want good group health insurance. What should we pick?"
    assert asks_for_recommendation(text)
    rec = _converse([text], table)
    assert rec.choice == "PEO"
    assert not needs_more_info(rec)
    assert rec.profile == {"employees": 8, "in_house_hr": False, "wants_pooled_benefits": True}
    assert {r.rule_id for r in rec.reasons} >= {"no-hr-staff", "pooled-benefits"}


def test_large_firm_with_hr_wanting_control_gets_an_aso(table: RulesTable) -> None:
    text = (
        "We're a 600-person company with an experienced HR team and we want to stay the sole employer. "
        "PEO or ASO?"
    )
    assert asks_for_recommendation(text)
    rec = _converse([text], table)
    assert rec.choice == "ASO"
    assert {r.rule_id for r in rec.reasons} >= {"has-hr-staff", "full-control"}


def test_bare_question_needs_more_info(table: RulesTable) -> None:
    text = "Which is right for us, PEO or ASO?"
    assert asks_for_recommendation(text)
    rec = _converse([text], table)
    assert rec.choice == "UNDECIDED"
    assert needs_more_info(rec)
    question = follow_up_question(rec, table.prompts)
    assert question.endswith("?") and question.count("?") == 1
    assert table.prompts.field_questions.in_house_hr in question


def test_two_turns_merge_into_a_peo(table: RulesTable) -> None:
    first = "Can you recommend an HR outsourcing model for us?"
    second = "We're 15 people, no HR, and want to share liability for compliance."
    assert asks_for_recommendation(first)
    assert needs_more_info(_converse([first], table))
    rec = _converse([first, second], table)
    assert rec.choice == "PEO"
    assert rec.profile == {"employees": 15, "in_house_hr": False, "wants_shared_liability": True}


def test_later_turns_correct_earlier_ones(table: RulesTable) -> None:
    rec = _converse(
        ["We have no HR team.", "Actually, we do have an HR manager and want full control."], table
    )
    assert rec.profile["in_house_hr"] is True
    assert rec.choice == "ASO"
