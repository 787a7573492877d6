"""Splits text into sentences without breaking at abbreviations such as 'vs.' or 'U.S.'."""

from __future__ import annotations

import re

_ABBREVIATIONS = ("vs.", "v.", "e.g.", "i.e.", "U.S.", "U.K.", "Mr.", "Ms.", "Dr.", "Inc.", "approx.", "No.")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each stripped, in order."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return []
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start() + len(match.group(0).rstrip())].strip()
        if candidate.endswith(_ABBREVIATIONS):
            continue
        out.append(candidate)
        start = match.end()
    out.append(text[start:].strip())
    return [s for s in out if s]
