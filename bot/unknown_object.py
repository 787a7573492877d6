"""A thing a yes/no claims something of that the guide never speaks of ("can ppl keep their current
doctors?"): a word unknown to the guide and near none of its words in MiniLM meaning."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bot.embedding import TextEncoder
from bot.language.vocabulary import VOCABULARY, words_of
from bot.query import Query
from bot.text_match import MODEL_NAME_STEMS, content_terms, stem

# A word the guide lacks is one it speaks of in other words when a guide word is this close in MiniLM
# meaning ('split' ~ 'separate' 0.77, 'org' ~ 'organization' 0.74; 'doctors' ~ 'health' 0.55)
NEAR_GUIDE_WORD = 0.65
_DETERMINERS = frozenset(
    {"a", "an", "the", "our", "their", "my", "your", "his", "her", "any", "some", "same"}
)
_PREPOSITIONS = frozenset(
    {"for", "of", "on", "in", "to", "with", "at", "by", "about", "from", "over", "under"}
)
_COPULAS = frozenset({"is", "are", "was", "were", "s", "be", "being", "been", "seems", "sounds", "feels"})
OBJECT_REACH = 3  # how far before a thing its determiner may stand ("our own in-house doctors")


@dataclass(frozen=True)
class GuideWordVectors:
    """The guide's own words as unit vectors, to tell a word the guide lacks but means in other words
    ('org', 'split') from one it never speaks of ('doctors')."""

    vectors: np.ndarray

    @classmethod
    def of(cls, words: frozenset[str], encoder: TextEncoder) -> GuideWordVectors:
        vectors = encoder.encode(sorted(w for w in words if w.isalpha() and len(w) > 2))
        return cls(vectors / np.linalg.norm(vectors, axis=1, keepdims=True))

    def near(self, vector: np.ndarray) -> bool:
        """True when a guide word is close in meaning to the word with this vector."""
        return float((self.vectors @ (vector / np.linalg.norm(vector))).max()) >= NEAR_GUIDE_WORD


def unknown_object(
    proposition: str, question: str, query: Query, *, guide: GuideWordVectors | None, encoder: TextEncoder
) -> str | None:
    """The thing a claim is made of, when the guide never speaks of it: its last word unknown to the
    guide and like none of the guide's words in meaning ("…keep their current doctors" but not "…is the
    liability split", whose 'split' is near 'separate'); only a word of the asking sentence itself
    counts (not of a remark beside it, "we're doubling headcount this yr. does the guide…")."""
    asked = set(words_of(question).split())
    said = [
        w
        for w in words_of(proposition).split()
        if w in asked
        and content_terms(w)
        and not VOCABULARY.models_named(w)
        and stem(w) not in MODEL_NAME_STEMS
    ]
    unknown = set(content_terms(" ".join(query.unknown)))
    if not said or stem(said[-1]) not in unknown or guide is None:
        return None
    # the thing a claim is made of follows its verb and determiner in the claim's last clause ("keep
    # their current doctors", "see the same dentists"; not "…of our ppl, period", "the co we just
    # acquired" nor "run recruiting for our 3 open reqs")
    words = words_of(re.split(r"[,;:]|\s[-–—]\s", proposition)[-1]).split()
    if said[-1] not in words:
        return None
    at = len(words) - 1 - words[::-1].index(said[-1])
    before = [i for i in range(max(0, at - OBJECT_REACH), at) if words[i] in _DETERMINERS]
    if not before or (before[0] > 0 and words[before[0] - 1] in _PREPOSITIONS):
        return None
    if any(w in _COPULAS for w in words[max(0, before[0] - OBJECT_REACH) : before[0]]):
        return None  # what the subject is said to be ("compliance is basically a wash"), no thing claimed of
    return said[-1] if not guide.near(encoder.encode([said[-1]])[0]) else None
