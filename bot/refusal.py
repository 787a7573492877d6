"""Out-of-scope replies that help: what the guide covers, what it lacks, and where else to ask."""

from __future__ import annotations

from bot.prompts import AnswerTexts
from bot.text_match import content_terms, normalize
from bot.understanding import Reading


def refusal(reading: Reading, texts: AnswerTexts, *, channel: str | None) -> str:
    """The uncited reply for a question the guide does not answer."""
    gap = lacks(reading.cleaned, texts)
    if reading.shape == "chit_chat" and not gap:  # "hey how many PTO days do I have left" is no chat
        return texts.chit_chat
    if not (gap or reading.attribute or reading.models):
        return texts.out_of_scope
    missing = texts.fill("lacks", gap=gap) if gap else ""
    elsewhere = texts.fill("elsewhere", channel=channel) if channel else texts.elsewhere_default
    return texts.fill("out_of_scope_hr", lacks=missing, elsewhere=elsewhere)


def lacks(question: str, texts: AnswerTexts, *, unknown_to: frozenset[str] | None = None) -> str | None:
    """The first listed topic the guide lacks that the question speaks of; with `unknown_to` (the
    stems of the corpus's words), only by a word the guide never uses ('California', 'PTO', '401k'),
    which settles that the guide cannot answer it whatever else the question names."""
    stems = set(content_terms(question))
    spaced = f" {normalize(question)} "
    for gap in texts.gaps:
        for word in gap.words:
            single = " " not in word and {t for t in content_terms(word) if len(t) > 2} & stems
            if not (single or f" {normalize(word)} " in spaced):
                continue
            terms = set(content_terms(word))
            if unknown_to is None or (terms and not terms & unknown_to):
                return gap.gap
    return None
