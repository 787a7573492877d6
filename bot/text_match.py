"""Word-level text helpers shared by retrieval, scope checks and citation verification."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "doing",
        "have",
        "has",
        "had",
        "having",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "she",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "can",
        "could",
        "should",
        "would",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "not",
        "no",
        "nor",
        "than",
        "too",
        "very",
        "just",
        "also",
        "only",
        "own",
        "same",
        "such",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "any",
        "all",
        "about",
        "into",
        "over",
        "under",
        "again",
        "further",
        "once",
        "up",
        "down",
        "out",
        "off",
        "s",
        "t",
        "don",
        "tell",
        "explain",
        "show",
        "give",
        "know",
        "want",
        "need",
        "like",
        "please",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
        "talk",
        "discuss",
        "learn",
        "info",
        "information",
        "describe",
        "overview",
        "basics",
        "lets",
        "ok",
        "okay",
        "so",
        "well",
        "let",
        "get",
        "got",
        "make",
        "im",
        "ive",
        "id",
        "youre",
        "theyre",
        "whats",
        "thats",
        "whos",
        "dont",
        "doesnt",
        "isnt",
        "arent",
        "cant",
        "wont",
        "one",
    ]
)


def normalize(text: str) -> str:
    """Lowercase words separated by single spaces: '&' reads 'and', punctuation and quotes vanish."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower().replace("&", " and ")
    text = text.replace("'", " ")
    return re.sub(r"[^a-z0-9$%]+", " ", text).strip()


def words(text: str) -> list[str]:
    return normalize(text).split()


def stem(word: str) -> str:
    """A light suffix stripper so 'benefits'/'benefit', 'taxes'/'tax' and 'costing'/'cost' meet."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed words that carry meaning (stopwords dropped)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def contains_normalized(haystack: str, needle: str) -> bool:
    """True when the needle's words stand, in order and contiguous, in the haystack."""
    n = normalize(needle)
    return bool(n) and f" {n} " in f" {normalize(haystack)} "
