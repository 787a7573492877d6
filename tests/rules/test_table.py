"""The rules table and prompts: load-time validation with file, line and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.contract import PROFILE_FIELDS
from bot.rules.table import (
    DEFAULT_PROMPTS_PATH,
    PromptsError,
    RulesError,
    RulesTable,
    load_prompts,
    load_table,
)
from bot.text_match import contains_normalized
from ingest.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[2]


def guide_sections() -> dict[str, str]:
    """Heading -> section text, read by the corpus loader the service itself uses."""
    return {s.heading: s.text for doc in load_corpus(ROOT / "corpus") for s in doc.sections}


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing needle."""
    hits = [i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


# ---- the shipped table ------------------------------------------------------------------------


def test_shipped_table_loads(table: RulesTable) -> None:
    assert table.rules
    assert {r.favours for r in table.rules if r.favours} == {"PEO", "ASO"}
    assert {r.route for r in table.rules if r.route} == {"HRO", "EOR"}
    assert sorted(table.missing_order) == sorted(PROFILE_FIELDS)


def test_larger_firm_threshold_is_data_not_code(table: RulesTable) -> None:
    assert "larger_firm" in table.thresholds
    uses = [r.id for r in table.rules if "employees" in r.when]
    assert uses, "some rule should look at head count"


@pytest.mark.parametrize("rule_index", range(len(load_table().rules)))
def test_every_quote_is_verbatim_in_its_section(table: RulesTable, rule_index: int) -> None:
    rule = table.rules[rule_index]
    sections = guide_sections()
    assert rule.section in sections, f"{rule.id}: no heading {rule.section!r} in the corpus"
    assert contains_normalized(sections[rule.section], rule.quote), f"{rule.id}: quote not in section"


def test_every_trade_off_quote_is_verbatim_in_its_section(table: RulesTable) -> None:
    sections = guide_sections()
    offs = [t for items in table.trade_offs.values() for t in items]
    assert {"PEO", "ASO"} <= set(table.trade_offs) and offs
    for t in offs:
        assert contains_normalized(sections[t.section], t.quote), t


def test_quotes_do_not_span_sections(table: RulesTable) -> None:
    sections = guide_sections()
    for rule in table.rules:
        homes = [t for t, body in sections.items() if contains_normalized(body, rule.quote)]
        assert rule.section in homes


# ---- broken tables fail at load with file:line: reason --------------------------------------


def _assert_error(path: Path, line: int, *reason_parts: str) -> None:
    with pytest.raises(RulesError) as caught:
        load_table(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:"), message
    for part in reason_parts:
        assert part.lower() in message.lower(), message


def test_bad_yaml(write_rules) -> None:
    path = write_rules("when: {in_house_hr: false}", "when: {in_house_hr: false")
    with pytest.raises(RulesError) as caught:
        load_table(path)
    message = str(caught.value)
    assert str(path) in message and "invalid YAML" in message
    line = int(message.split(":")[1])
    assert abs(line - line_of(path, "when: {in_house_hr: false")) <= 2


def test_unknown_key_in_rule(write_rules) -> None:
    path = write_rules(
        "    favours: PEO\n    weight: 3\n", "    favours: PEO\n    weight: 3\n    colour: blue\n"
    )
    _assert_error(path, line_of(path, "colour: blue"), "no-hr-staff", "colour", "extra")


def test_unknown_top_level_key(write_rules) -> None:
    path = write_rules("min_margin:", "tie_break: coin\nmin_margin:")
    _assert_error(path, line_of(path, "tie_break"), "tie_break")


def test_wrong_type(write_rules) -> None:
    path = write_rules("    weight: 3\n", '    weight: "three"\n')
    _assert_error(path, line_of(path, 'weight: "three"'), "no-hr-staff", "weight", "integer")


def test_bool_where_number_expected(write_rules) -> None:
    path = write_rules("when: {employees: {lt: larger_firm}}", "when: {employees: true}")
    _assert_error(path, line_of(path, "when: {employees: true}"), "small-firm", "employees")


def test_unknown_profile_field(write_rules) -> None:
    path = write_rules("when: {in_house_hr: false}", "when: {has_hr_staff: false}")
    _assert_error(path, line_of(path, "has_hr_staff"), "no-hr-staff", "unknown profile field", "has_hr_staff")


def test_turn_round_names_only_yes_no_facts(write_rules) -> None:
    wishes = "[wants_pooled_benefits, wants_shared_liability]"
    path = write_rules(wishes, "[wants_pooled_benefits, employees]")
    _assert_error(path, line_of(path, "strategic_hr_only: [wants_pooled"), "employees", "yes/no")


def test_duplicate_id(write_rules) -> None:
    path = write_rules("- id: pooled-benefits", "- id: no-hr-staff")
    _assert_error(path, line_of(path, "- id: no-hr-staff", occurrence=2), "duplicate id", "no-hr-staff")


def test_duplicate_key(write_rules) -> None:
    path = write_rules("    weight: 3\n", "    weight: 3\n    weight: 9\n")
    _assert_error(path, line_of(path, "weight: 9"), "duplicate key", "weight")


def test_unknown_threshold(write_rules) -> None:
    path = write_rules("{employees: {lt: larger_firm}}", "{employees: {lt: big_firm}}")
    _assert_error(path, line_of(path, "big_firm"), "small-firm", "unknown threshold", "big_firm")


def test_rule_needs_exactly_one_effect(write_rules) -> None:
    path = write_rules(
        "    favours: PEO\n    weight: 3\n", "    favours: PEO\n    weight: 3\n    route: HRO\n"
    )
    _assert_error(path, line_of(path, "- id: no-hr-staff"), "no-hr-staff", "exactly one effect")


def test_favours_needs_weight(write_rules) -> None:
    path = write_rules("    favours: PEO\n    weight: 3\n", "    favours: PEO\n")
    _assert_error(path, line_of(path, "- id: no-hr-staff"), "no-hr-staff", "weight")


def test_unknown_side(write_rules) -> None:
    path = write_rules("    favours: PEO\n    weight: 3\n", "    favours: HRO\n    weight: 3\n")
    _assert_error(path, line_of(path, "favours: HRO"), "no-hr-staff", "favours")


def test_numbers_in_user_facing_text(write_rules) -> None:
    path = write_rules("fact: you have no in-house HR staff", "fact: you have 0 in-house HR staff")
    _assert_error(path, line_of(path, "fact: you have 0"), "no-hr-staff", "no numbers")


def test_missing_order_must_list_every_field(write_rules) -> None:
    path = write_rules("  - strategic_hr_only\n", "")
    _assert_error(path, line_of(path, "missing_order:") + 1, "missing_order", "every profile field")


def test_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("- just\n- a list\n")
    _assert_error(path, 1, "mapping")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read"):
        load_table(tmp_path / "nope.yaml")


def test_threshold_is_editable(tmp_path: Path, rules_text: str) -> None:
    """Moving the 'larger firm' line moves the engine's decision without touching code."""
    from bot.contract import Profile
    from bot.rules.engine import decide

    shipped = load_table()
    threshold = shipped.thresholds["larger_firm"]
    path = tmp_path / "rules.yaml"
    path.write_text(rules_text.replace(f"larger_firm: {threshold}", f"larger_firm: {threshold * 10}"))
    edited = load_table(path)
    profile = Profile(employees=threshold, multi_state=True)
    assert decide(profile, shipped).choice == "UNDECIDED"  # multi-state vs larger firm
    assert decide(profile, edited).choice == "PEO"  # now a smaller firm


# ---- prompts -----------------------------------------------------------------------------------


def test_prompts_load() -> None:
    prompts = load_prompts()
    assert "{facts}" in prompts.summary.PEO


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("  max_facts: 3\n", "  max_facts: 3\n  tone: cheerful\n", "tone"),
        ('PEO: "A PEO fits: {facts}."', 'PEO: "A PEO fits: {reasons}."', "summary.PEO"),
        ('PEO: "A PEO fits: {facts}."', 'PEO: "A PEO fits 2 of you: {facts}."', "no numbers"),
        ("  cost_priority: whether lowest cost matters most\n", "", "cost_priority"),
        ("summary:", "summary: [", "invalid YAML"),
    ],
)
def test_broken_prompts_name_the_file(tmp_path: Path, old: str, new: str, reason: str) -> None:
    text = DEFAULT_PROMPTS_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "recommendation.yaml"
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(PromptsError) as caught:
        load_prompts(path)
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)
