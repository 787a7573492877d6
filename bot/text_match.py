"""Word-level text helpers shared by retrieval, scope checks and citation verification."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS

from bot.language.vocabulary import VOCABULARY

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})

# The library's English stopwords (NLTK's list, as bm25s ships it), plus the conversational words
# of the domain vocabulary file, with apostrophes dropped the way normalize() drops them.
STOPWORDS = frozenset(
    w.replace("'", "") for w in (*STOPWORDS_EN_PLUS, *VOCABULARY.conversational)
) | frozenset(STOPWORDS_EN_PLUS)
_STEMMER = Stemmer.Stemmer("english")
TERMS_CACHE = 65_536


# The words by which the asker speaks of themselves ("do we file…", "our EIN").
ASKER_WORDS = frozenset({"i", "we", "im", "ive", "myself", "ourselves", "my", "our", "ours", "mine"})


def without_asker(text: str) -> str:
    """The text without the words by which the asker speaks of themselves ('we have an HR team' →
    'have an HR team')."""
    return " ".join(w for w in text.split() if not ASKER_WORDS & set(words(w)))


def normalize(text: str) -> str:
    """Lowercase words separated by single spaces: '&' reads 'and', punctuation and quotes vanish."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower().replace("&", " and ")
    text = text.replace("'", " ")
    return re.sub(r"[^a-z0-9$%]+", " ", text).strip()


def words(text: str) -> list[str]:
    return normalize(text).split()


_NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate(["two", "three", "four", "five", "six", "seven", "eight", "nine"], 2)
}


def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: 'benefits'/'benefit', 'taxes'/'tax', 'costing'/'cost' meet; a
    number word is its digits ('three types' meets '3 types')."""
    return _NUMBER_WORDS.get(word) or str(_STEMMER.stemWord(word))


@lru_cache(maxsize=TERMS_CACHE)
def content_terms(text: str) -> tuple[str, ...]:
    """Stemmed words that carry meaning (stopwords dropped); remembered, as the guide's sentences recur."""
    return tuple(stem(w) for w in words(text) if w not in STOPWORDS)


def contains_normalized(haystack: str, needle: str) -> bool:
    """True when the needle's words stand, in order and contiguous, in the haystack."""
    n = normalize(needle)
    return bool(n) and f" {n} " in f" {normalize(haystack)} "


# Stems of the one-word model names (PEO, ASO, CPEO…): a name says which model, not what about it.
MODEL_NAME_STEMS = frozenset(
    content_terms(name)[0]
    for model, names in VOCABULARY.models.items()
    for name in (model, *names)
    if " " not in name.strip() and content_terms(name)
)
# Stems of every word of every model name, full names included ("professional", "employ", …).
MODEL_WORD_STEMS = frozenset(
    stem(w)
    for model, names in VOCABULARY.models.items()
    for name in (model, *names)
    for w in name.lower().split()
)
