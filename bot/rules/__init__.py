"""The deterministic recommendation layer: rules table, engine, profile extractor and follow-up wording."""

from bot.rules.engine import needs_more_info, recommend
from bot.rules.extract import extract_profile
from bot.rules.follow_up import follow_up_question, reason_sentences
from bot.rules.merge import merge_profile
from bot.rules.request import asks_for_recommendation
from bot.rules.table import (
    PromptsError,
    RecommendationPrompts,
    RulesError,
    RulesTable,
    load_prompts,
    load_table,
)

__all__ = [
    "PromptsError",
    "RecommendationPrompts",
    "RulesError",
    "RulesTable",
    "asks_for_recommendation",
    "extract_profile",
    "follow_up_question",
    "load_prompts",
    "load_table",
    "merge_profile",
    "needs_more_info",
    "reason_sentences",
    "recommend",
]
