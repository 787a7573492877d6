"""Words a message quotes, put to the guide: "cfo quoted the guide saying "vary depending on the provider
and state law" - is that actually in there?" is answered by finding them, not by weighing a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY, without_quoted, words_of

_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]+)[\"“”«»]")
MIN_QUOTED_WORDS = 3  # fewer quoted words name a term ("the "payroll" row"), they quote no saying
# asking which model ("which one is that", "said about which one"), not which items ("which ones mention…")
_WHICH_MODEL = re.compile(r"\bwhich (?:one(?!s)|model|of them|of the two|is that)\b")
SAID = 90  # how closely (0-100, case and punctuation aside) the guide must hold the words to say them
NEAR = 70  # how closely a sentence must hold them to be the nearest thing the guide says


@dataclass(frozen=True)
class QuoteFound:
    quoted: str
    row: int | None  # the unit (sentence or table row) holding the words most closely, if near
    said: bool  # the guide says them (in a form at least SAID close)


def quoted_to_check(message: str, shape: str) -> str | None:
    """The words a message quotes and asks the guide for ("…"? is that in there; which one does it say
    "…" of?), else None."""
    whether = shape in ("yes_no", "general", "definition") and VOCABULARY.asks_whether_said(message)
    if not (whether or asks_which_said(message, shape)):
        return None
    spans = [s.strip(" .,!?") for s in _QUOTED.findall(message)]
    return max((s for s in spans if len(s.split()) >= MIN_QUOTED_WORDS), key=len, default=None)


def asks_which_said(message: str, shape: str) -> bool:
    """True when a message asks which model the guide says words of ("…" is said about which one?)."""
    return shape == "which_more" or bool(_WHICH_MODEL.search(words_of(without_quoted(message))))


def find_quote(kb: Knowledge, quoted: str) -> QuoteFound:
    """Where the guide holds the quoted words, and whether it says them."""
    texts = kb.derived(
        "quote_texts",
        lambda k: [
            utils.default_process(t) if kind == "sentence" else ""
            for t, kind in zip(k.units.texts, k.units.kinds)
        ],
    )
    wanted = utils.default_process(quoted)
    best = process.extractOne(wanted, texts, scorer=fuzz.partial_ratio, processor=None)
    if best is None:
        return QuoteFound(quoted, None, False)
    _, score, row = best
    # a sentence shorter than the quote holds only part of it
    score *= min(1.0, len(texts[row]) / max(len(wanted), 1))
    return QuoteFound(quoted, row if score >= NEAR else None, score >= SAID)


def _sentence_texts(kb: Knowledge) -> list[str]:
    """Each unit's text as rapidfuzz compares it ('' for a heading: no answer quotes one)."""
    return [
        utils.default_process(t) if k == "sentence" else "" for t, k in zip(kb.units.texts, kb.units.kinds)
    ]
