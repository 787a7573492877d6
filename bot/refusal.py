"""Out-of-scope replies that help: what the guide covers, what it lacks, and where else to ask."""

from __future__ import annotations

from bot.guide_words import EVERYDAY_IN_ENGLISH
from bot.prompts import AnswerTexts
from bot.query import english_words
from bot.text_match import content_terms, normalize
from bot.understanding import Reading


def refusal(reading: Reading, texts: AnswerTexts, *, channel: str | None) -> str:
    """The uncited reply for a question the guide does not answer."""
    # ("is trinet any good?" asks of a provider; "what does trinet charge?" of its prices, named below)
    of_provider = reading.vendors and not reading.query.asks_figure
    gap = next((g.gap for g in texts.gaps if g.of_providers), None) if of_provider else None
    gap = gap or lacks(reading.cleaned, texts)
    if reading.shape == "chit_chat" and not gap:  # "hey how many PTO days do I have left" is no chat
        return texts.chit_chat
    if not (gap or reading.attribute or reading.models):
        return texts.out_of_scope
    missing = texts.fill("lacks", gap=gap) if gap else ""
    elsewhere = texts.fill("elsewhere", channel=channel) if channel else texts.elsewhere_default
    return texts.fill("out_of_scope_hr", lacks=missing, elsewhere=elsewhere)


def lacks(question: str, texts: AnswerTexts, *, unknown_to: frozenset[str] | None = None) -> str | None:
    """The listed topic the guide lacks that the question speaks of most (by the most of its words; the
    first listed on a tie: "futa tax rate … when do we deposit it?" is about tax rates, not one's own pay);
    with `unknown_to` (the stems of the corpus's words), only by words the guide never uses
    ('California', 'PTO', '401k'), which settle that the guide cannot answer it whatever else it names."""
    spaced = f" {normalize(question)} "
    # the typed words by their stems, looked up per listed word
    by_terms: dict[frozenset[str], list[str]] = {}
    for typed in spaced.split():
        by_terms.setdefault(frozenset(content_terms(typed)), []).append(typed)

    def said(word: str) -> bool:
        stems = frozenset(t for t in content_terms(word) if len(t) > 2)
        single = " " not in word and any(_same_word(word, w) for w in by_terms.get(stems, ()))
        phrase = normalize(word)
        if not (single or f" {phrase} " in spaced or f" {phrase}s " in spaced):  # ('w-2s', 'pay stubs')
            return False
        terms = set(content_terms(word))
        return unknown_to is None or (bool(terms) and not terms & unknown_to)

    # ('rate' and 'rates' count once)
    counts = [
        (len({frozenset(content_terms(w)) for w in gap.words if said(w)}), -i, gap.gap)
        for i, gap in enumerate(texts.gaps)
    ]
    most = max(counts, default=None)
    return most[2] if most and most[0] else None


def _same_word(listed: str, typed: str) -> bool:
    """One word in two forms: the same stem ("lawsuits" is "lawsuit"), but no everyday English word
    that only stems alike ("several" is no "severance", though both stem to "sever")."""
    stems = {t for t in content_terms(listed) if len(t) > 2}
    if not stems or stems != set(content_terms(typed)):
        return False
    return typed == normalize(listed) or english_words().get(typed, 0) < EVERYDAY_IN_ENGLISH
