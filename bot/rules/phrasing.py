"""How users phrase facts: text normalisation and the scope of a negation ("we don't want to share …")."""

from __future__ import annotations

import re

_SOFTENERS = (  # phrases that contain a negation word but mean "fine with"
    (r"\b(?:do not|don't|dont|wouldn't|would not) mind\b", "ok with"),
    (r"\bnot (?:opposed|against) to\b", "ok with"),
    (r"\bno (?:problem|issue|issues) with\b", "ok with"),
    (r"\b(?:not sure|no idea|not certain)\b", "unsure"),
    # "everyone's in ohio" says where everyone is (no one's possessions: a pronoun's 's is 'is')
    (r"\b(everyone|everybody|all|it|that|there|everything|nobody|no one)'s\b", r"\1 is"),
    # "the board does NOT like the idea of sharing liability": the idea is denied, as with a plain "not"
    (
        r"\b(?:do not|don't|dont|does not|doesn't|doesnt|would not|wouldn't|wouldnt)\s+(?:really\s+)?"
        r"(?:like|love|want|fancy)\s+the\s+(?:idea|thought|notion)\s+of\b",
        "not",
    ),
)
_NEGATION_WORDS = frozenset(
    [
        "no",
        "not",
        "never",
        "dont",
        "without",
        "lack",
        "lacks",
        "lacking",
        "lacked",
        "nor",
        "neither",
        "zero",
        "none",
        "hardly",
        "avoid",
        "nobody",
        "cannot",
        "against",
        "opposed",
    ]
)
_NEGATION_WINDOW = 4  # words before a match that may negate it
_CLAUSE_BREAK = re.compile(
    r"[.;!?\n:()\[\]]|,|\s[-–—]\s|\b(?:but|and|or|so|while|whereas|although|though|however|because|since|plus"
    r"|also|yet)\b"
)
_WORD = re.compile(r"[a-z0-9']+")
# What follows a thing to say it does not matter: "… are not important", "… isn't a priority for us".
_DISMISSED = re.compile(
    r"\s*(?:\w+\s+){0,3}?(?:(?:is|are|was|were)\s+)?(?:not|n't|isn't|aren't|isnt|arent|never)\s+"
    r"(?:really\s+|that\s+|very\s+|a\s+|our\s+|the\s+|an\s+|at all\s+)*"
    r"(?:important|priority|needed|necessary|concern|big deal|relevant|essential|critical|key|issue|focus)\b"
    r"|\s*(?:\w+\s+){0,3}?(?:doesn't|don't|doesnt|dont|does not|do not)\s+(?:really\s+)?matter\b"
)
# A negation followed by one of these nouns has found its object ("no HR want cheap").
_NEGATION_OBJECTS = frozenset(
    ["hr", "staff", "team", "employees", "people", "ppl", "entity", "benefits", "insurance"]
)


def normalise(text: str) -> str:
    """Lowercase, straight quotes, single spaces, and 'don't mind'-style phrases made positive."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", " - ").replace("\u00a0", " ")
    text = text.replace("&", " and ").replace(" + ", " and ")
    for pattern, replacement in _SOFTENERS:
        text = re.sub(pattern, replacement, text)
    return re.sub(r"[ \t]+", " ", text).strip()


# Verbs of giving way: negated, they insist on what follows ("won't budge on", "will not compromise on").
_YIELDING = frozenset({"budge", "compromise", "bend", "negotiate", "yield", "waver"})


def _negates(words: list[str]) -> bool:
    """A negation among the words, with no object of its own after it ("no HR" negates the HR)."""
    for i, word in enumerate(words):
        if words[i + 1 : i + 2] and words[i + 1] in _YIELDING:
            continue  # "won't budge on filing under our own EIN" insists on it
        if _is_negation(word) and not _NEGATION_OBJECTS.intersection(words[i + 1 :]):
            return True
    return False


def _is_negation(word: str) -> bool:
    return word in _NEGATION_WORDS or word.endswith("n't") or word in {"dont", "doesnt", "isnt", "arent"}


def negated(text: str, match: re.Match[str], *, inner: bool = False) -> bool:
    """Whether a negation word sits shortly before the match in its clause (or inside it, if inner); a
    negation reaches over 'or' ("super against any co-employment or sharing liability", "doesnt want to
    share liability or give up any control")."""
    before = text[: match.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clauses: list[str] = []
    end = len(before)
    while breaks:
        last = breaks.pop()
        clauses.append(before[last.end() : end])
        if last.group(0).strip() not in ("or", "nor"):
            break
        end = last.start()
    else:
        clauses.append(before[:end])
    # the clause of the match looks a few words back; one reached over 'or' is negated anywhere in it
    # ("leadership doesnt want to share liability or give up any control")
    if any(
        _negates(_WORD.findall(c)[-_NEGATION_WINDOW:] if i == 0 else _WORD.findall(c))
        for i, c in enumerate(clauses)
    ):
        return True
    if inner and any(_is_negation(w) for w in _WORD.findall(match.group(0))):
        return True
    after = text[match.end() :]
    rest = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
    return bool(_DISMISSED.match(rest))  # "pooled benefits are not important to us"
