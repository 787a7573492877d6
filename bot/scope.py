"""Decides whether the guide covers a question at all, from the words asked and how well anything matched."""

from __future__ import annotations

from bot.query import Query
from bot.retrieval import Retrieval

MIN_MATCH_WITH_MODEL = 0.25  # a question naming PEO/ASO/HRO/EOR needs at least this much of a match
MIN_MATCH = 0.42  # one that names none needs a clearer match
MAX_UNKNOWN_SHARE = 0.5  # more unknown words than this and the subject is not in the guide


def in_scope(query: Query, found: Retrieval, *, details: frozenset[str] = frozenset()) -> bool:
    """True when the guide can answer: known words asked, and a close enough passage found, or a word
    asked that the guide says in a few sentences only (`details`: "which model does the guide call a
    turnkey solution?" is in scope however loosely the whole question matches)."""
    if not query.terms or not found.hits:
        return False
    unknown_share = len(query.unknown) / len(query.terms)
    if details & set(query.terms) and unknown_share < MAX_UNKNOWN_SHARE:
        return True
    if query.models:
        return found.best_sentence >= MIN_MATCH_WITH_MODEL and unknown_share <= 0.67
    return found.best_sentence >= MIN_MATCH and unknown_share < MAX_UNKNOWN_SHARE
