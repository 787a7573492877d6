"""What each sentence of the corpus is, so answers are built from content only."""

from __future__ import annotations

import re
from typing import Literal

Role = Literal["content", "lead_in", "transition", "publisher", "myth", "verdict", "filler", "question"]

# The publisher speaking as "we"/"our" about itself (not the reader's "we" inside a quoted myth).
_PUBLISHER = re.compile(r"\b(we|we['’]ve|we['’]re|our|ours|us)\b", re.IGNORECASE)
# A frame of the publisher's before the sentence's own clause ("In our experience guiding companies…,
# the key differences come down to…"): the rest says something in its own right.
_PUBLISHER_FRAME = re.compile(
    r"^(?:in|from|based on|after|through|having)\b[^,]*\b(?:we|we['’]ve|we['’]re|our|us)\b[^,]*,\s*",
    re.IGNORECASE,
)
_TRANSITION = re.compile(r"^(next|now|let['’]s|here['’]s|here is|here are|below)\b", re.IGNORECASE)
_VERDICT = re.compile(r"^(not |only )?(partly )?(true|wrong|false)\b|^they['’]re not\b", re.IGNORECASE)
_QUOTED = re.compile(r"^[“\"].*[”\"]$")
_FILLER = re.compile(r"^(that|this)(['’]s| is)\b", re.IGNORECASE)
# A sentence that ends by announcing what the next ones say ("While a PEO can pool…, there are
# trade-offs.") leads into them and says nothing on its own.
_ANNOUNCING = re.compile(r"\bthere (are|is) (some |a few |several )?(?!no\b)[\w-]+\.$", re.IGNORECASE)
# A sentence that opens by pointing back leans on the one before it ("also" only adds: "Also check
# accreditation…" stands alone, "Also, it…" points back).
_DEPENDENT = re.compile(
    r"^(also,? )?(this|that|these|those|it|its|it['’]s|they|them|but|however|so|even so|still|both)\b",
    re.IGNORECASE,
)
FILLER_MAX_WORDS = 10


def without_publisher_frame(sentence: str) -> str:
    """The sentence without a publisher's frame before its own clause, capitalised ("In our experience
    …, the key differences come down to…" → "The key differences come down to…"); else as it is."""
    framed = _PUBLISHER_FRAME.match(sentence)
    if not framed or _PUBLISHER.search(sentence[framed.end() :]):
        return sentence
    rest = sentence[framed.end() :]
    return rest[:1].upper() + rest[1:]


def sentence_role(sentence: str) -> Role:
    """The role of one sentence of the guide (a publisher's frame before its own clause aside)."""
    text = without_publisher_frame(sentence.strip())
    if _QUOTED.match(text):
        return "myth"
    if _VERDICT.match(text):
        return "verdict"
    if text.endswith(":") or _ANNOUNCING.search(text):
        return "lead_in"
    if text.endswith("?"):
        return "question"
    if _TRANSITION.match(text):
        return "transition"
    if _PUBLISHER.search(text):
        return "publisher"
    if (_FILLER.match(text) and len(text.split()) <= FILLER_MAX_WORDS) or len(text.split()) < 3:
        return "filler"
    return "content"


def leans_on_previous(sentence: str) -> bool:
    """True when the sentence opens with a word that points back at the sentence before it."""
    return bool(_DEPENDENT.match(sentence.strip()))
