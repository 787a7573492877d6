"""Out-of-scope replies that help: what the guide covers, what it lacks, and where else to ask."""

from __future__ import annotations

from bot.prompts import AnswerTexts
from bot.text_match import contains_normalized, content_terms
from bot.understanding import Reading


def refusal(reading: Reading, texts: AnswerTexts, *, channel: str | None) -> str:
    """The uncited reply for a question the guide does not answer."""
    if reading.shape == "chit_chat":
        return texts.chit_chat
    gap = lacks(reading.cleaned, texts)
    if not (gap or reading.attribute or reading.models):
        return texts.out_of_scope
    missing = texts.fill("lacks", gap=gap) if gap else ""
    elsewhere = texts.fill("elsewhere", channel=channel) if channel else texts.elsewhere_default
    return texts.fill("out_of_scope_hr", lacks=missing, elsewhere=elsewhere)


def lacks(question: str, texts: AnswerTexts) -> str | None:
    """The first listed topic the guide lacks that the question speaks of."""
    stems = set(content_terms(question))
    for gap in texts.gaps:
        for word in gap.words:
            if contains_normalized(question, word) or (" " not in word and set(content_terms(word)) & stems):
                return gap.gap
    return None
