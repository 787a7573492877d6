"""The pure engine: truth table, routes, margins, missing fields, determinism and monotonicity."""

from __future__ import annotations

import re
from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.contract import PROFILE_FIELDS, Profile
from bot.rules.engine import against, candidate_values, decide, fires, needs_more_info, recommend
from bot.rules.extract import extract_profile
from bot.rules.merge import merge_profile
from bot.rules.table import RulesTable, load_table

BOOL_FIELDS = [f for f in PROFILE_FIELDS if f != "employees"]
LARGER = load_table().thresholds["larger_firm"]
SMALL, LARGE = max(1, LARGER // 10), LARGER * 5

profiles = st.builds(
    Profile,
    employees=st.none() | st.integers(min_value=1, max_value=LARGER * 20),
    **{name: st.none() | st.booleans() for name in BOOL_FIELDS},
)
quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# (profile, expected choice, expected needs_more_info)
TRUTH_TABLE = [
    ({}, "UNDECIDED", True),
    # one strong fact decides
    ({"in_house_hr": False}, "PEO", False),
    ({"in_house_hr": True}, "ASO", False),
    ({"wants_pooled_benefits": True}, "PEO", False),
    ({"wants_shared_liability": True}, "PEO", False),
    ({"wants_full_control": True}, "ASO", False),
    # weak facts alone do not
    ({"cost_priority": True}, "UNDECIDED", True),
    ({"multi_state": True}, "UNDECIDED", True),
    ({"employees": SMALL}, "UNDECIDED", True),
    ({"employees": LARGE}, "UNDECIDED", True),
    ({"wants_pooled_benefits": False}, "UNDECIDED", True),
    ({"multi_state": True, "cost_priority": True}, "UNDECIDED", True),
    # weak facts add up
    ({"multi_state": True, "employees": SMALL}, "PEO", False),
    ({"cost_priority": True, "wants_shared_liability": False}, "ASO", False),
    ({"cost_priority": True, "employees": LARGE}, "ASO", False),
    # the guide's typical profiles
    ({"employees": SMALL, "in_house_hr": False, "wants_pooled_benefits": True}, "PEO", False),
    ({"employees": LARGE, "in_house_hr": True, "wants_full_control": True}, "ASO", False),
    ({"in_house_hr": True, "cost_priority": True, "wants_shared_liability": False}, "ASO", False),
    ({"in_house_hr": False, "wants_shared_liability": True, "multi_state": True}, "PEO", False),
    ({"in_house_hr": True, "wants_pooled_benefits": True, "wants_shared_liability": True}, "PEO", False),
    # real conflicts between known facts: undecided, and that is the answer
    ({"in_house_hr": False, "wants_full_control": True}, "UNDECIDED", False),
    ({"in_house_hr": False, "cost_priority": True, "wants_full_control": True}, "UNDECIDED", False),
    ({"wants_pooled_benefits": True, "in_house_hr": True}, "UNDECIDED", False),
    # hard routes win over any weights
    ({"strategic_hr_only": True, "in_house_hr": False, "wants_pooled_benefits": True}, "HRO", False),
    ({"hiring_abroad_without_entity": True, "in_house_hr": True, "wants_full_control": True}, "EOR", False),
    ({"hiring_abroad_without_entity": True, "strategic_hr_only": True}, "EOR", False),
    ({"hiring_abroad_without_entity": False, "strategic_hr_only": False}, "UNDECIDED", True),
]


@pytest.mark.parametrize(("facts", "choice", "more_info"), TRUTH_TABLE, ids=lambda v: str(v))
def test_truth_table(table: RulesTable, facts: dict, choice: str, more_info: bool) -> None:
    rec = recommend(Profile(**facts), table)
    assert rec.choice == choice
    assert needs_more_info(rec) is more_info
    assert rec.profile == Profile(**facts).known()


def test_whole_small_profile_space_keeps_the_invariants(table: RulesTable) -> None:
    """Every profile over small domains: routes win, reasons agree with the choice, margin respected."""
    by_id = {rule.id: rule for rule in table.rules}
    domains = [[None, SMALL, LARGE]] + [[None, False, True]] * len(BOOL_FIELDS)
    for values in product(*domains):
        profile = Profile(**dict(zip(PROFILE_FIELDS, values, strict=True)))
        outcome = decide(profile, table)
        if profile.hiring_abroad_without_entity:
            assert outcome.choice == "EOR"
        elif profile.strategic_hr_only:
            assert outcome.choice == "HRO"
        fired = [r for r in table.rules if fires(r, profile, table)]
        peo = sum(r.weight or 0 for r in fired if r.favours == "PEO")
        aso = sum(r.weight or 0 for r in fired if r.favours == "ASO")
        if outcome.choice in ("PEO", "ASO"):
            assert {by_id[r.id].favours for r in outcome.reasons} == {outcome.choice}
            lead = peo - aso if outcome.choice == "PEO" else aso - peo
            assert lead >= table.min_margin
        if outcome.choice == "UNDECIDED":
            assert abs(peo - aso) < table.min_margin


def test_empty_profile_lists_what_to_ask(table: RulesTable) -> None:
    rec = recommend(Profile(), table)
    assert rec.choice == "UNDECIDED"
    assert rec.reasons == []
    assert rec.profile == {}
    assert rec.missing[:2] == [f for f in table.missing_order if f in rec.missing][:2]
    assert "in_house_hr" in rec.missing


def test_conflict_shows_both_sides(table: RulesTable) -> None:
    rec = recommend(Profile(in_house_hr=False, wants_full_control=True, cost_priority=True), table)
    by_id = {rule.id: rule for rule in table.rules}
    assert {by_id[r.rule_id].favours for r in rec.reasons} == {"PEO", "ASO"}
    assert not needs_more_info(rec)
    assert "PEO" in rec.summary and "ASO" in rec.summary


def test_a_decided_choice_names_the_facts_pulling_the_other_way(table: RulesTable) -> None:
    # the HR team and the wish for control outweigh the wish for pooled benefits, which is not dropped
    profile = Profile(in_house_hr=True, wants_full_control=True, wants_pooled_benefits=True)
    rec = recommend(profile, table)
    assert rec.choice == "ASO"
    assert rec.summary.endswith(", though you want pooled health benefits, which points to a PEO.")
    assert [reason.rule_id for reason in against(profile, table)] == ["pooled-benefits"]
    assert "pooled-benefits" not in {reason.rule_id for reason in rec.reasons}
    unopposed = Profile(in_house_hr=True, wants_full_control=True)
    assert "though" not in recommend(unopposed, table).summary and not against(unopposed, table)


def test_route_precedence_is_the_tables(table: RulesTable) -> None:
    both = Profile(hiring_abroad_without_entity=True, strategic_hr_only=True)
    assert recommend(both, table).choice == table.route_precedence[0]
    swapped = table.model_copy(update={"route_precedence": tuple(reversed(table.route_precedence))})
    assert recommend(both, swapped).choice == table.route_precedence[1]


def test_reasons_carry_guide_sections_and_quotes(table: RulesTable) -> None:
    rec = recommend(Profile(in_house_hr=False, wants_pooled_benefits=True), table)
    by_id = {rule.id: rule for rule in table.rules}
    assert rec.reasons
    for reason in rec.reasons:
        rule = by_id[reason.rule_id]
        assert (reason.text, reason.section, reason.quote) == (rule.reason, rule.section, rule.quote)


def test_reasons_heaviest_first(table: RulesTable) -> None:
    rec = recommend(Profile(employees=SMALL, multi_state=True, in_house_hr=False), table)
    weights = [next(r.weight for r in table.rules if r.id == reason.rule_id) for reason in rec.reasons]
    assert weights == sorted(weights, reverse=True)


@quick
@given(profile=profiles)
def test_deterministic(table: RulesTable, profile: Profile) -> None:
    first = recommend(profile, table).model_dump_json()
    again = recommend(Profile(**profile.known()), load_table()).model_dump_json()
    assert first == again


@quick
@given(profile=profiles)
def test_missing_is_honest(table: RulesTable, profile: Profile) -> None:
    """A field is listed iff some value of it changes the choice; listed fields follow the table's order."""
    rec = recommend(profile, table)
    known = profile.known()
    for name in PROFILE_FIELDS:
        if name in known:
            assert name not in rec.missing
            continue
        values = (
            [False, True] if name != "employees" else sorted({*range(1, LARGER * 3, 7), LARGER - 1, LARGER})
        )
        changes = any(recommend(Profile(**{**known, name: v}), table).choice != rec.choice for v in values)
        assert (name in rec.missing) == changes, name
    assert rec.missing == [f for f in table.missing_order if f in rec.missing]


@quick
@given(profile=profiles)
def test_summary_states_no_numbers_beyond_the_profile(table: RulesTable, profile: Profile) -> None:
    rec = recommend(profile, table)
    allowed = {str(v) for v in profile.known().values() if not isinstance(v, bool)}
    assert set(re.findall(r"\d+", rec.summary)) <= allowed
    assert len(re.findall(r"[.!?](?:\s|$)", rec.summary)) == 1, "one sentence"
    assert rec.summary.endswith(".")


def _adding_one_fact(profile: Profile, table: RulesTable, side: str):
    """Profiles with one unanswered field answered so that only rules for `side` newly fire."""
    known = profile.known()
    before = {r.id for r in table.rules if fires(r, profile, table)}
    for name in PROFILE_FIELDS:
        if name in known:
            continue
        for value in candidate_values(name, table):
            richer = Profile(**{**known, name: value})
            new = [r for r in table.rules if fires(r, richer, table) and r.id not in before]
            if new and all(r.favours == side for r in new):
                yield richer


@quick
@given(profile=profiles)
def test_monotone_peo(table: RulesTable, profile: Profile) -> None:
    if decide(profile, table).choice != "PEO":
        return
    for richer in _adding_one_fact(profile, table, "PEO"):
        assert decide(richer, table).choice == "PEO", richer.known()


@quick
@given(profile=profiles)
def test_monotone_aso(table: RulesTable, profile: Profile) -> None:
    if decide(profile, table).choice != "ASO":
        return
    for richer in _adding_one_fact(profile, table, "ASO"):
        assert decide(richer, table).choice == "ASO", richer.known()


@quick
@given(profile=profiles)
def test_only_profile_fields_matter(table: RulesTable, profile: Profile) -> None:
    """The engine sees nothing but the profile: equal profiles give equal output, whatever built them."""
    rebuilt = Profile.model_validate_json(profile.model_dump_json())
    assert recommend(rebuilt, table) == recommend(profile, table)


# ---- a stated top priority ---------------------------------------------------------------------

WISHES = ["wants_pooled_benefits", "wants_shared_liability", "wants_full_control", "cost_priority"]


def test_a_stated_priority_settles_what_its_facts_left_open(table: RulesTable) -> None:
    facts = {"in_house_hr": True, "wants_pooled_benefits": True}
    assert decide(Profile(**facts), table).choice == "UNDECIDED"
    stressed = recommend(Profile(**facts, top_priority="wants_pooled_benefits"), table)
    assert stressed.choice == "PEO"
    assert "above all, you want pooled health benefits" in stressed.summary
    assert stressed.profile["top_priority"] == "wants_pooled_benefits"


def test_a_priority_needs_its_fact_answered() -> None:
    with pytest.raises(ValueError, match="does not answer"):
        Profile(in_house_hr=True, top_priority="cost_priority")
    with pytest.raises(ValueError):
        Profile(in_house_hr=True, top_priority="employees")  # a head count is no wish


def test_a_later_wish_turns_round_what_it_cannot_stand_beside(table: RulesTable) -> None:
    strategic = Profile(strategic_hr_only=True, employees=40)
    later = merge_profile(strategic, Profile(wants_pooled_benefits=True), table)
    assert later.strategic_hr_only is False and later.employees == 40  # more than strategic help now
    both = merge_profile(strategic, Profile(wants_shared_liability=True, strategic_hr_only=True), table)
    assert both.strategic_hr_only is True  # the turn answers it itself
    assert merge_profile(strategic, Profile(wants_pooled_benefits=False), table).strategic_hr_only is True


def test_a_later_priority_replaces_the_earlier_one() -> None:
    first = Profile(wants_shared_liability=True, top_priority="wants_shared_liability")
    later = first.merged(Profile(wants_full_control=True, top_priority="wants_full_control"))
    assert later.top_priority == "wants_full_control" and later.wants_shared_liability is True
    turned = first.merged(Profile(wants_shared_liability=False))
    assert turned.top_priority is None and turned.wants_shared_liability is False
    cheap = Profile(cost_priority=True, top_priority="cost_priority")
    assert cheap.merged(extract_profile("ok forget cost")).top_priority is None  # no stale priority


@quick
@given(profile=profiles, wish=st.sampled_from(WISHES))
def test_stressing_a_fact_never_turns_the_choice_from_its_side(
    table: RulesTable, profile: Profile, wish: str
) -> None:
    """Putting a fact first only strengthens the side its rules favour."""
    if getattr(profile, wish) is None:
        return
    before = decide(profile, table)
    after = decide(Profile(**profile.known(), top_priority=wish), table)
    sides = {r.favours for r in table.rules if r.favours and fires(r, profile, table) and wish in r.when}
    if before.choice in sides:
        assert after.choice == before.choice, profile.known()


@quick
@given(profile=profiles, wish=st.sampled_from(WISHES))
def test_a_must_decides_whatever_the_other_facts(table: RulesTable, profile: Profile, wish: str) -> None:
    """A fact called a must takes its side, unless a route decides first."""
    if getattr(profile, wish) is None:
        return
    sides = {r.favours for r in table.rules if r.favours and fires(r, profile, table) and wish in r.when}
    outcome = decide(Profile(**profile.known(), must_have=wish), table)
    if len(sides) == 1 and outcome.kind != "route":
        assert outcome.choice in sides, profile.known()
        assert "as a must" in recommend(Profile(**profile.known(), must_have=wish), table).summary


def test_musts_on_both_sides_leave_no_model_meeting_every_must(table: RulesTable) -> None:
    profile = Profile(
        employees=20,
        in_house_hr=False,
        wants_pooled_benefits=True,
        wants_full_control=True,
        must_have=("wants_pooled_benefits", "wants_full_control"),
    )
    rec = recommend(profile, table)
    assert rec.choice == "UNDECIDED" and rec.summary.startswith("No model meets every must"), rec.summary
    assert {r.rule_id for r in rec.reasons} >= {"pooled-benefits"}, rec.reasons


def test_a_must_stated_later_joins_the_one_before_unless_turned_round() -> None:
    first = Profile(wants_full_control=True, must_have="wants_full_control")
    joined = first.merged(Profile(wants_pooled_benefits=True, must_have="wants_pooled_benefits"))
    assert joined.must_have == ("wants_full_control", "wants_pooled_benefits")
    turned = joined.merged(Profile(wants_full_control=False))
    assert turned.must_have == ("wants_pooled_benefits",)
