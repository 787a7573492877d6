"""Numbers in digits or words ("1,200", "1.2k", "fifteen", "a dozen") and head counts ("12-person")."""

from __future__ import annotations

import re

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
NUM_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "thousand", "dozen"], key=len, reverse=True))
_NUM_WORDS = rf"(?:(?:an?\s+)?(?:{NUM_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{NUM_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?k|\d+)"
NUMBER = rf"(?:{_DIGITS}|{_NUM_WORDS})"


def parse_number(phrase: str) -> int | None:
    """'1,200' -> 1200, '1.5k' -> 1500, 'two hundred and five' -> 205, 'a dozen' -> 12."""
    phrase = phrase.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?\s?k", phrase):
        return round(float(phrase.rstrip("k").strip()) * 1000)
    if re.fullmatch(r"[\d,]+", phrase):
        return int(phrase.replace(",", ""))
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", phrase):
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in _UNITS:
            current, seen = current + _UNITS[word], True
        elif word in _TENS:
            current, seen = current + _TENS[word], True
        elif word == "hundred":
            current, seen = max(current, 1) * 100, True
        elif word == "dozen":
            current, seen = max(current, 1) * 12, True
        elif word == "thousand":
            total, current, seen = total + max(current, 1) * 1000, 0, True
        elif word != "and":
            return None
    return total + current if seen else None


_ABOUT = (
    r"(?:(?:about|around|roughly|approximately|approx\.?|nearly|almost|over|under|"
    r"just over|just under|some|~)\s*)?"
)
_PEOPLE = (
    r"(?:people|persons?|employees?|staff(?:ers)?|workers?|team ?members|members|heads|ftes?|full[- ]?timers"
    r"|folks|ppl|strong)"
)
_PEOPLE_ADJ = (
    r"(?:(?:full[- ]time|part[- ]time|permanent|salaried|hourly|w-?2|u\.?s\.?(?:[- ]based)?|"
    r"remote|total|seasonal|contract|temporary|office|field|in-office|on-site|onsite|local)"
    r"(?:\s+and\s+|\s*,\s*|\s+or\s+|\s+)){0,3}"
)
_NOT_PEOPLE = (
    r"(?!\s*(?:states?|countries|locations|offices|years?|months?|weeks?|days?|hours?|%|percent|dollars|k\b))"
)
_COUNT_PATTERNS = (
    re.compile(rf"\b(?P<n>{NUMBER})\+?(?:\s*-\s*|\s+){_PEOPLE_ADJ}{_PEOPLE}\b"),
    re.compile(
        r"(?<!hr )(?<!people )\b(?:team|staff|company|headcount|head count|workforce|"
        r"firm|business|startup|organi[sz]ation"
        rf"|crew|shop|size)\s*(?:of|is|at|:|=|around|about)?\s*{_ABOUT}(?P<n>{NUMBER})\b{_NOT_PEOPLE}"
    ),
    re.compile(rf"\bemploy(?:s|ing)?\s+{_ABOUT}(?P<n>{NUMBER})\b{_NOT_PEOPLE}"),
    re.compile(rf"\b{_ABOUT}(?P<n>{NUMBER})\s+of\s+us\b"),
    re.compile(rf"\bwe(?:'re| are)\s+{_ABOUT}(?P<n>{NUMBER})\s*(?=[.,!?;]|$|\s(?:and|with|but|so|now)\b)"),
)


# A count of the HR team, not of the company: "a 6-person HR team", "our HR dept has six people".
# "5 HR people", "2 ppl in hr": a count of the HR team, not of the company
_HR_TEAM_AFTER = re.compile(
    r"\s*(?:(?:in|on|doing|running)\s+(?:our\s+)?)?(?:hr|human resources|people ops|people operations)\b"
)
_HIRING_BEFORE = re.compile(
    r"\b(?:hire|hiring|hired|bring on|bringing on|onboard|onboarding|add|adding)\s+(?:about\s+|around\s+|~)?"
    r"(?:\d+\s*(?:-|–|to|or)\s*)?$"
)
_HR_TEAM_BEFORE = re.compile(
    r"\b(?:hr|human resources|people ops)\s+(?:team|dept|department|staff|function|group)\s+"
    r"(?:has|have|had|is|are|of|with)\s+(?:only\s+|just\s+)?$"
)


def people_count(text: str) -> int | None:
    """The head count stated in normalised text (the earliest one), or None."""
    found: list[tuple[int, int]] = []
    for pattern in _COUNT_PATTERNS:
        for match in pattern.finditer(text):
            before = text[: match.start()]
            if _HR_TEAM_AFTER.match(text, match.end()) or _HR_TEAM_BEFORE.search(before):
                continue
            if _HIRING_BEFORE.search(before):
                continue  # "we want to hire 2 people in the UK" counts hires, not the company
            number = parse_number(match.group("n"))
            if number is not None and number >= 1:
                found.append((match.start(), number))
    return min(found)[1] if found else None
