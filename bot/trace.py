"""How an answer was reached, for the agent console: follow-up resolution, passages, rules that fired."""

from __future__ import annotations

from pydantic import BaseModel

from bot.chain import ChainResult
from bot.contract import Choice, Profile
from bot.knowledge import Knowledge
from bot.rules.engine import fires, recommend
from bot.rules.table import Rule, RulesTable
from bot.understanding import Context, Reading

PASSAGE_CHARS = 400  # enough of a passage to recognise it beside the answer


class FollowUpTrace(BaseModel):
    """How the message was read against the conversation so far."""

    shape: str
    reference: str | None  # how it pointed back ('other', 'ellipsis', 'why', ...); None: a new question
    models: list[str]  # the models it was taken to be about, after resolution
    attribute: str | None
    searched: str  # the words retrieval searched for
    previous_topic: list[str]  # what the conversation was about before it
    previous_question: str


class PassageTrace(BaseModel):
    """One retrieved passage: its rank, fused score and whether the answer quotes it."""

    rank: int | None  # None: not among the retrieved, but quoted (found through its section or table)
    chunk_id: str
    doc_id: str
    section: str
    score: float
    used: bool
    text: str


class RuleTrace(BaseModel):
    """One rule of the table that fired for the profile."""

    rule_id: str
    effect: str  # "favours PEO (weight 3)" or "routes to EOR"
    reason: str
    section: str
    quote: str


class RecommendationTrace(BaseModel):
    """The rules engine's work for a profile: every rule that fired and the facts still missing."""

    profile: dict[str, int | bool | str | tuple[str, ...]]
    choice: Choice
    fired: list[RuleTrace]
    missing: list[str]


class AnswerTrace(BaseModel):
    """Everything the console shows beside a reply draft."""

    message: str
    follow_up: FollowUpTrace
    passages: list[PassageTrace]
    recommendation: RecommendationTrace | None = None


def rule_trace(profile: Profile, table: RulesTable) -> RecommendationTrace:
    """Every rule that fires for the profile (table order), the choice and the missing facts."""
    rec = recommend(profile, table)
    return RecommendationTrace(
        profile=profile.known(),
        choice=rec.choice,
        fired=[_rule(rule) for rule in table.rules if fires(rule, profile, table)],
        missing=rec.missing,
    )


def answer_trace(
    reading: Reading,
    context: Context,
    *,
    kb: Knowledge,
    result: ChainResult | None = None,
    recommendation: RecommendationTrace | None = None,
) -> AnswerTrace:
    """The trace of one turn: the chain's retrieval (an answer) or the rules' work (a recommendation)."""
    return AnswerTrace(
        message=reading.message,
        follow_up=FollowUpTrace(
            shape=reading.shape,
            reference=reading.reference,
            models=list(reading.models),
            attribute=reading.attribute,
            searched=reading.query.text,
            previous_topic=list(context.models),
            previous_question=context.text,
        ),
        passages=_passages(result, kb) if result else [],
        recommendation=recommendation,
    )


def _passages(result: ChainResult, kb: Knowledge) -> list[PassageTrace]:
    hits = result.retrieval.hits if result.retrieval else []
    ranked: list[tuple[int | None, str, float]] = [
        (n, hit.chunk_id, hit.score) for n, hit in enumerate(hits, 1)
    ]
    retrieved = {hit.chunk_id for hit in hits}
    ranked += [(None, chunk_id, 0.0) for chunk_id in result.used if chunk_id not in retrieved]
    return [_passage(rank, chunk_id, score, result, kb) for rank, chunk_id, score in ranked]


def _passage(
    rank: int | None, chunk_id: str, score: float, result: ChainResult, kb: Knowledge
) -> PassageTrace:
    chunk = kb.chunks[kb.chunk_index[chunk_id]]
    return PassageTrace(
        rank=rank,
        chunk_id=chunk_id,
        doc_id=chunk.doc_id,
        section=chunk.section,
        score=round(score, 4),
        used=chunk_id in result.used,
        text=chunk.body[:PASSAGE_CHARS],
    )


def _rule(rule: Rule) -> RuleTrace:
    effect = f"routes to {rule.route}" if rule.route else f"favours {rule.favours} (weight {rule.weight})"
    return RuleTrace(
        rule_id=rule.id, effect=effect, reason=rule.reason, section=rule.section, quote=rule.quote
    )
