"""The pure rules engine: a profile and a table in, a recommendation out (see rules.yaml for the policy)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.contract import Choice, Profile, Reason, Recommendation
from bot.rules.follow_up import summary_sentence
from bot.rules.table import NUMBER_FIELDS, Condition, Rule, RulesTable

Kind = Literal["route", "decided", "conflict", "insufficient"]

SUMMARY_FACTS = 3  # facts named in a summary sentence
CONFLICT_FACTS_PER_SIDE = 2


@dataclass(frozen=True)
class Outcome:
    """The engine's decision before it is worded: choice, why, and each side's fired rules."""

    choice: Choice
    kind: Kind
    reasons: tuple[Rule, ...]
    peo: tuple[Rule, ...]
    aso: tuple[Rule, ...]
    stressed: frozenset[str] = frozenset()  # ids of the rules the company's top priority fires
    musts: frozenset[str] = frozenset()  # ids of the rules the fact it calls a must fires


def recommend(profile: Profile, table: RulesTable) -> Recommendation:
    """Which model fits this profile, with reasons, missing facts and a one-sentence summary."""
    outcome = decide(profile, table)
    missing = missing_fields(profile, table, choice=outcome.choice)
    return Recommendation(
        choice=outcome.choice,
        summary=_summary(outcome, missing, table),
        reasons=[_reason(rule) for rule in outcome.reasons],
        missing=missing,
        profile=profile.known(),
    )


def leanings(profile: Profile, table: RulesTable) -> list[Reason]:
    """The reasons of the rules the facts so far fire, when they are too few to decide ("we're fine
    carrying the risk ourselves" leans to an ASO before the other facts are known)."""
    outcome = decide(profile, table)
    if outcome.kind != "insufficient":
        return []
    return [_reason(rule) for rule in (*outcome.peo, *outcome.aso)]


def leaning_side(profile: Profile, table: RulesTable) -> str | None:
    """The one model the facts so far all favour, when they are too few to decide; else None."""
    outcome = decide(profile, table)
    if outcome.kind != "insufficient" or bool(outcome.peo) == bool(outcome.aso):
        return None
    return "PEO" if outcome.peo else "ASO"


def against(profile: Profile, table: RulesTable) -> list[Reason]:
    """The reasons of the rules that pull the other way from a decided choice ("you want pooled
    benefits" against an ASO chosen for its lower cost and your HR team), heaviest first."""
    return [_reason(rule) for rule in _against(decide(profile, table))[:CONFLICT_FACTS_PER_SIDE]]


def _against(outcome: Outcome) -> tuple[Rule, ...]:
    if outcome.kind != "decided":
        return ()
    return outcome.aso if outcome.choice == "PEO" else outcome.peo


def side_of(profile: Profile, table: RulesTable) -> str | None:
    """The one model these facts point to: the one they decide, else the one they all lean to."""
    outcome = decide(profile, table)
    if outcome.kind in ("route", "decided"):
        return outcome.choice
    return leaning_side(profile, table)


def needs_more_info(rec: Recommendation) -> bool:
    """True when the choice is open for lack of facts (no reasons), not a conflict (both sides' reasons)."""
    return rec.choice == "UNDECIDED" and not rec.reasons and bool(rec.missing)


def decide(profile: Profile, table: RulesTable) -> Outcome:
    """Apply the table: hard routes first, then PEO vs ASO weights with the minimum margin."""
    fired = [rule for rule in table.rules if fires(rule, profile, table)]
    for route in table.route_precedence:
        routed = tuple(rule for rule in fired if rule.route == route)
        if routed:
            return Outcome(choice=route, kind="route", reasons=routed, peo=(), aso=())
    musts = frozenset(rule.id for rule in fired if set(profile.stressed("must_have")) & set(rule.when))
    stressed = frozenset(rule.id for rule in fired if profile.top_priority in rule.when) - musts

    def weight(rule: Rule) -> int:
        bonus = table.must_weight if rule.id in musts else table.priority_weight if rule.id in stressed else 0
        return (rule.weight or 0) + bonus

    peo = tuple(sorted((rule for rule in fired if rule.favours == "PEO"), key=lambda rule: -weight(rule)))
    aso = tuple(sorted((rule for rule in fired if rule.favours == "ASO"), key=lambda rule: -weight(rule)))
    peo_score, aso_score = sum(map(weight, peo)), sum(map(weight, aso))

    def outcome(choice: Choice, kind: Kind, reasons: tuple[Rule, ...]) -> Outcome:
        return Outcome(
            choice=choice, kind=kind, reasons=reasons, peo=peo, aso=aso, stressed=stressed, musts=musts
        )

    if {r.id for r in peo} & musts and {r.id for r in aso} & musts:
        # "two non negotiables: pooled plans AND our own EIN": no model meets every must
        return outcome("UNDECIDED", "conflict", peo + aso)
    if peo_score - aso_score >= table.min_margin:
        return outcome("PEO", "decided", peo)
    if aso_score - peo_score >= table.min_margin:
        return outcome("ASO", "decided", aso)
    if min(peo_score, aso_score) >= table.min_margin:
        return outcome("UNDECIDED", "conflict", peo + aso)
    return outcome("UNDECIDED", "insufficient", ())


def missing_fields(profile: Profile, table: RulesTable, *, choice: Choice | None = None) -> list[str]:
    """Unanswered fields for which some value changes the choice, most decisive first."""
    choice = choice or decide(profile, table).choice
    known = profile.known()
    out = []
    for name in table.missing_order:
        if name in known:
            continue
        for value in candidate_values(name, table):
            if decide(Profile.model_validate({**known, name: value}), table).choice != choice:
                out.append(name)
                break
    return out


def candidate_values(name: str, table: RulesTable) -> list[int | bool]:
    """Values worth trying for a field: both booleans, or head counts around every bound in the table."""
    if name not in NUMBER_FIELDS:
        return [False, True]
    points = {1}
    for rule in table.rules:
        cond = rule.when.get(name)
        bounds = [cond] if isinstance(cond, int) else [b for _, b in cond.bounds()] if cond else []
        for bound in bounds:
            number = table.bound(bound)
            points.update(n for n in (number - 1, number, number + 1) if n >= 1)
    return sorted(points)


def fires(rule: Rule, profile: Profile, table: RulesTable) -> bool:
    """Whether every condition of the rule holds; an unanswered field holds no condition."""
    return all(_holds(getattr(profile, name), cond, table) for name, cond in rule.when.items())


def _holds(value: int | bool | None, cond: Condition, table: RulesTable) -> bool:
    if value is None:
        return False
    if isinstance(cond, bool):
        return value is cond
    if isinstance(cond, int):
        return value == cond
    return all(_compare(value, op, table.bound(bound)) for op, bound in cond.bounds())


def _compare(value: int | bool, op: str, bound: int) -> bool:
    checks = {"lt": value < bound, "lte": value <= bound, "gt": value > bound, "gte": value >= bound}
    return checks[op]


def _reason(rule: Rule) -> Reason:
    return Reason(rule_id=rule.id, text=rule.reason, section=rule.section, quote=rule.quote)


def _summary(outcome: Outcome, missing: list[str], table: RulesTable) -> str:
    prompts = table.prompts

    def facts_of(rules: tuple[Rule, ...]) -> list[str]:
        return [
            prompts.summary.must.format(fact=rule.fact)
            if rule.id in outcome.musts
            else prompts.summary.priority.format(fact=rule.fact)
            if rule.id in outcome.stressed
            else rule.fact
            for rule in rules
        ]

    if outcome.kind in ("route", "decided"):
        facts = facts_of(outcome.reasons[:SUMMARY_FACTS])
        against = facts_of(_against(outcome)[:CONFLICT_FACTS_PER_SIDE])
        return summary_sentence(outcome.choice, prompts=prompts, facts=facts, against=against)
    if outcome.kind == "conflict":
        peo_facts = facts_of(outcome.peo[:CONFLICT_FACTS_PER_SIDE])
        aso_facts = facts_of(outcome.aso[:CONFLICT_FACTS_PER_SIDE])
        musts_apart = all({r.id for r in side} & outcome.musts for side in (outcome.peo, outcome.aso))
        kind = "musts_conflict" if musts_apart else "conflict"
        return summary_sentence(kind, prompts=prompts, peo_facts=peo_facts, aso_facts=aso_facts)
    if missing:
        return summary_sentence("needs_info", prompts=prompts, missing=missing)
    return summary_sentence("unclear", prompts=prompts)
