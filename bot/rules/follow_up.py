"""The sentences the recommendation layer speaks: summaries and the follow-up question."""

from __future__ import annotations

from collections.abc import Sequence

from bot.contract import Reason, Recommendation
from bot.rules.table import RecommendationPrompts, load_prompts
from bot.tables import with_article

COUNTERPARTS = {"PEO": "ASO", "ASO": "PEO"}


def join_phrases(phrases: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c' (duplicates dropped, order kept)."""
    unique = list(dict.fromkeys(p for p in phrases if p))
    if len(unique) <= 1:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def questions_for(missing: Sequence[str], prompts: RecommendationPrompts) -> str:
    """The phrases for the most decisive missing fields, joined into one clause."""
    top = missing[: prompts.follow_up.max_facts]
    return join_phrases([getattr(prompts.field_questions, name) for name in top])


def summary_sentence(
    kind: str,
    *,
    prompts: RecommendationPrompts,
    facts: Sequence[str] = (),
    peo_facts: Sequence[str] = (),
    aso_facts: Sequence[str] = (),
    missing: Sequence[str] = (),
    against: Sequence[str] = (),
) -> str:
    """One summary sentence from the template for `kind` (a choice, 'conflict', 'needs_info', 'unclear');
    a chosen PEO or ASO ends with the facts `against` it, which point to the other model."""
    template: str = getattr(prompts.summary, kind)
    sentence = template.format(
        facts=join_phrases(facts),
        peo_facts=join_phrases(peo_facts),
        aso_facts=join_phrases(aso_facts),
        questions=questions_for(missing, prompts),
    )
    if not against or kind not in COUNTERPARTS:
        return sentence
    tail = prompts.summary.against.format(facts=join_phrases(against), model=with_article(COUNTERPARTS[kind]))
    return f"{sentence.removesuffix('.')}{tail}."


def follow_up_question(rec: Recommendation, prompts: RecommendationPrompts | None = None) -> str:
    """One question asking for the few facts that would decide the choice, most decisive first."""
    prompts = prompts or load_prompts()
    if not rec.missing:
        return prompts.follow_up.fallback
    return prompts.follow_up.question.format(questions=questions_for(rec.missing, prompts))


def reason_sentences(rec: Recommendation) -> list[Reason]:
    """The reasons behind a recommendation with repeated sentences dropped, in the engine's order."""
    seen: set[str] = set()
    out: list[Reason] = []
    for reason in rec.reasons:
        if reason.text not in seen:
            seen.add(reason.text)
            out.append(reason)
    return out
