"""Deterministic, word-based extraction of profile facts from one message (no model involved).

Each profile field has a list of cues in priority order. A cue is a regex plus the value it gives
when stated plainly and the value when negated ("we don't want to share liability"). Negation is
looked for in the few words before the match, inside the same clause, and for some cues inside the
match itself ("benefits aren't a priority"). The first cue that yields a value decides the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.contract import Profile

# ---------------------------------------------------------------------------------------------
# Text normalisation and negation


_SOFTENERS = (  # phrases that contain a negation word but mean "fine with"
    (r"\b(?:do not|don't|dont|wouldn't|would not) mind\b", "ok with"),
    (r"\bnot (?:opposed|against) to\b", "ok with"),
    (r"\bno (?:problem|issue|issues) with\b", "ok with"),
    (r"\b(?:not sure|no idea|not certain)\b", "unsure"),
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
    ]
)
_NEGATION_WINDOW = 4  # words before a match that may negate it
_CLAUSE_BREAK = re.compile(
    r"[.;!?\n:()\[\]]|,|\s[-–—]\s|\b(?:but|and|or|so|while|whereas|although|though|however|because|since|plus"
    r"|also|yet)\b"
)
_WORD = re.compile(r"[a-z0-9']+")
# A negation followed by one of these nouns has found its object ("no HR want cheap").
_NEGATION_OBJECTS = frozenset(
    ["hr", "staff", "team", "employees", "people", "ppl", "entity", "benefits", "insurance"]
)


def normalise(text: str) -> str:
    """Lowercase, straight quotes, single spaces, and 'don't mind'-style phrases made positive."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", " - ").replace("\u00a0", " ")
    text = text.replace("&", " and ")
    for pattern, replacement in _SOFTENERS:
        text = re.sub(pattern, replacement, text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _is_negation(word: str) -> bool:
    return word in _NEGATION_WORDS or word.endswith("n't") or word in {"dont", "doesnt", "isnt", "arent"}


def negated(text: str, match: re.Match[str], *, inner: bool = False) -> bool:
    """Whether a negation word sits shortly before the match in its clause (or inside it, if inner)."""
    before = text[: match.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    words = _WORD.findall(clause)[-_NEGATION_WINDOW:]
    for i, word in enumerate(words):
        if _is_negation(word) and not _NEGATION_OBJECTS.intersection(words[i + 1 :]):
            return True
    return inner and any(_is_negation(w) for w in _WORD.findall(match.group(0)))


# ---------------------------------------------------------------------------------------------
# Numbers: digits ("1,200", "1.2k") and words ("fifteen", "two hundred and fifty", "a dozen")

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
_NUM_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "thousand", "dozen"], key=len, reverse=True))
_NUM_WORDS = rf"(?:(?:an?\s+)?(?:{_NUM_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUM_WORD}))*)"
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


def people_count(text: str) -> int | None:
    """The head count stated in normalised text (the earliest one), or None."""
    found: list[tuple[int, int]] = []
    for pattern in _COUNT_PATTERNS:
        for match in pattern.finditer(text):
            number = parse_number(match.group("n"))
            if number is not None and number >= 1:
                found.append((match.start(), number))
    return min(found)[1] if found else None


# ---------------------------------------------------------------------------------------------
# Cues per field


@dataclass(frozen=True)
class Cue:
    """A regex, the value it states, and the value when negated (None: no statement)."""

    pattern: re.Pattern[str]
    value: bool | None
    negated: bool | None
    inner: bool = False
    counted: bool = False  # a named group `n` holds a count: a count below two flips the value


def _says(regex: str, value: bool = True, *, inner: bool = False, counted: bool = False) -> Cue:
    """A cue whose value flips under negation."""
    return Cue(re.compile(regex), value, not value, inner, counted)


def _fixed(regex: str, value: bool) -> Cue:
    """A cue whose wording already carries its polarity ('no HR', 'all in one state')."""
    return Cue(re.compile(regex), value, value)


def _only_negated(regex: str, value: bool) -> Cue:
    """A cue that states something only when negated ('we don't want co-employment')."""
    return Cue(re.compile(regex), None, value)


_HR = r"(?:hr|human resources|people ops|people operations)"
_HR_ROLE = (
    r"(?:team|department|dept|staff|staffer|person|people|manager|managers|director|lead|leader|head"
    r"|generalists?|specialists?|professionals?|business partners?|coordinator|administrator|officer"
    r"|function|folks|employees?|hires?|experts?|pros?)"
)
_HR_MOD = (
    r"(?:(?:full|fully[- ]staffed|experienced|dedicated|in-house|in house|internal|small|strong|established"
    r"|solid|capable|seasoned|mature|existing|whole|entire|proper|"
    rf"large|big|full-time|part-time|own|\d+|{_NUM_WORD})"
    r"[\s-]+){0,3}"
)
_HR_NOT_STAFF = (
    r"(?!\s*(?:outsourcing|provider|help|needs|tasks|functions|support|services|work|admin\w*|stuff))"
)
_FOUNDER = (
    r"(?:the founders?|our founders?|founders?|the ceo|our ceo|ceo|"
    r"the owner|owner|office manager|our office manager|the office manager|our cfo|"
    r"our coo|bookkeeper|our bookkeeper|(?:my|our) (?:wife|husband|partner|spouse|co-?founder)"
    r"|(?:an?|our) (?:office|operations|ops) manager)"
)

IN_HOUSE_HR = (
    _fixed(
        r"\b(?:no|zero|without|lack(?:s|ing)?|nor|not any)\s+(?:an?\s+|"
        r"any\s+)?(?:(?:dedicated|in-house|in house|internal"
        rf"|formal|real|actual|full-time|proper|strong|official)\s+){{0,2}}{_HR}\b"
        r"(?!\s*(?:outsourcing|provider|services|software|system|platform))",
        False,
    ),
    _fixed(rf"\b(?:nobody|no one|no-one|noone|none of us)\b[^.,;]{{0,25}}\b{_HR}\b", False),
    _fixed(
        r"\b(?:not|\w+n't|dont|never)\s+(?:\w+\s+)?"
        rf"(?:anyone|anybody|someone|a person|any staff|any people)\b[^.,;]{{0,25}}\b{_HR}\b",
        False,
    ),
    _says(
        rf"\b{_HR}\s+(?:is|are)\s+(?:fully\s+)?(?:staffed|in-house|in house|handled in-house|done in-house)\b"
    ),
    _fixed(
        rf"\b{_FOUNDER}\s+(?:handles?|does|do|manages?|covers?|juggles?|"
        rf"takes? care of|runs?)\s+(?:all\s+)?(?:the\s+|our\s+)?{_HR}\b",
        False,
    ),
    _fixed(rf"\b{_HR}\s+is\s+(?:handled|done|managed|covered)\s+by\s+{_FOUNDER}\b", False),
    _fixed(
        rf"\b(?:do|does|handle|handles|manage|manages|cover|juggle)\s+(?:all\s+)?(?:the\s+|our\s+)?{_HR}"
        r"(?:\s+[a-z]+)?\s+(?:myself|ourselves|on my own|on our own)\b",
        False,
    ),
    _says(rf"\b{_HR_MOD}{_HR}[\s-]+{_HR_ROLE}\b"),
    _says(r"\b(?:head|director|vp|chief|manager) of (?:hr|human resources|people)\b"),
    _says(r"\bchro\b"),
    _says(r"\bpeople\s+(?:team|ops|operations|function|department|manager|lead|partner)\b"),
    _says(rf"\b(?:in-house|in house|internal)\s+{_HR}\b{_HR_NOT_STAFF}"),
    _says(rf"\bha(?:ve|s)\s+(?:an?\s+)?{_HR}\b{_HR_NOT_STAFF}"),
)

_BEN = (
    r"(?:benefits?(?:\s+(?:plans?|packages?|options?))?|health\s+(?:insurance|plans?|coverage|benefits|care)"
    r"|healthcare|medical\s+(?:insurance|plans?|coverage|benefits)|insurance|health\s+plans?|dental|perks)\b"
    r"(?!\s*(?:admin\w*|enrol\w*|paperwork|broker))"
)
_QUAL = (
    r"(?:good|better|great|strong|stronger|competitive|affordable|cheaper|pooled|group|quality|high-quality"
    r"|decent|solid|attractive|rich|robust|comprehensive|big-company|large-company|enterprise-grade|top-notch"
    r"|excellent|best|proper|generous|richer|nice)"
)
_OWN_PLANS = (
    r"(?:(?:insurance\s+)?brokers?|benefits?(?:\s+plans?)?|plans|health\s+plans?|"
    r"insurance|carriers?|coverage|policies)"
)

POOLED_BENEFITS = (
    _says(rf"\b(?:our|my)\s+(?:own|existing|current)\s+{_OWN_PLANS}\b", False),
    _says(
        r"\b(?:work with|use|using|have|keep|love|like|trust)\s+(?:an?|our|my)\s+(?:own\s+)?"
        r"(?:benefits?|insurance|health)\s+(?:broker|brokers|carrier|advisor)\b",
        False,
    ),
    _says(rf"\b{_QUAL}(?:(?:,\s*|\s+and\s+|[\s-]+){_QUAL})*[\s-]+{_BEN}"),
    _says(r"\b(?:pool|pooled|pooling)\b"),
    _says(
        r"\b(?:offer|offering|provide|providing|give|giving|get|getting|"
        rf"access to|attract\w*|retain\w*|improve|upgrade|want|need)\b(?:\s+[a-z]+){{0,4}}?\s+{_BEN}"
    ),
    _says(
        rf"\b{_BEN}[^.;,]{{0,25}}\b(?:priority|important|matters?|key|crucial|critical|big deal|focus"
        r"|compete|attract|retain|win)\b",
        inner=True,
    ),
)

_RISK = r"(?:risks?|liabilit(?:y|ies)|responsibilit(?:y|ies)|burden|exposure)"
_RISK_MOD = (
    r"(?:\s+(?:the|some|of|our|that|this|employer|employment|employer's|compliance|"
    r"legal|hr|payroll|tax|more|much|a lot of|all))*"
)

SHARED_LIABILITY = (
    _says(
        rf"\b(?:comfortable|fine|ok|okay|happy|prepared|willing|content)\b[^.;,]{{0,15}}\b(?:keep|"
        r"keeping|hold|holding"
        r"|carry|carrying|retain|retaining|own|owning|with|taking|"
        r"take|bear|bearing)\s+(?:on\s+)?(?:all|full|the full"
        rf"|complete|sole|our)?\s*(?:the\s+)?(?:compliance\s+|legal\s+|employer\s+)?{_RISK}\b",
        False,
    ),
    _says(
        r"\b(?:keep|keeping|retain|retaining|take|taking|bear|bearing|"
        r"assume|assuming|hold|holding|carry|carrying)\s+"
        r"(?:on\s+)?(?:all|full|complete|sole)\s+(?:the\s+)?(?:compliance\s+|"
        rf"legal\s+|employer\s+)?{_RISK}\b",
        False,
    ),
    _says(r"\b(?:fine|ok|okay|comfortable|happy|open)\s+(?:with|to)\s+co-?employ\w*"),
    _fixed(
        r"\b(?:handle|manage|own|do)\s+(?:all\s+)?(?:our\s+)?compliance\s+(?:ourselves|"
        r"in-house|in house|internally)\b",
        False,
    ),
    _says(rf"\bshar(?:e|ed|ing)\b{_RISK_MOD}\s+{_RISK}\b"),
    _says(
        r"\b(?:offload|off-load|transfer|shift|hand off|outsource|"
        r"reduce|lower|minimi[sz]e|limit|spread|split"
        rf"|take on|takes on|carry|absorb|help with|help us with)\b{_RISK_MOD}\s+(?:compliance\s+)?{_RISK}\b"
    ),
    _says(rf"\bless\s+(?:compliance\s+|legal\s+)?{_RISK}\b"),
    _says(
        r"\b(?:worried|concerned|nervous|anxious|scared|afraid|stressed|"
        r"worry|worries|worrying)\b[^.;,]{0,12}\b(?:about|of|by)\s+"
        r"(?:[a-z']+\s+){0,3}?(?:compliance|liability|lawsuits?|penalties|"
        r"fines|audits?|risks?|mistakes|legal|claims|comp)\b"
    ),
    _only_negated(r"\bco-?employ\w*", False),
)

FULL_CONTROL = (
    _says(
        r"\b(?:worried|concerned|afraid|wary|nervous)\b[^.;,]{0,20}\b(?:lose|"
        r"losing|give up|giving up|cede|ceding)\s+(?:some\s+|any\s+)?control\b"
    ),
    _says(r"\b(?:worried|concerned|afraid|wary|nervous)\b[^.;,]{0,20}\bco-?employ\w*"),
    _says(r"\b(?:fine|ok|okay|comfortable|happy|open)\s+(?:with|to)\s+co-?employ\w*", False),
    _only_negated(r"\bco-?employ\w*", True),
    _says(
        r"\b(?:lose|losing|give up|giving up|cede|ceding|hand over|"
        r"handing over|surrender|share|sharing)\s+(?:some\s+|any\s+|all\s+|of\s+)?control\b",
        False,
    ),
    _says(
        r"\b(?:stay|remain|be|being|staying|remaining|keep being|continue as|"
        r"are)\s+(?:the\s+|our\s+)?(?:sole|only|sole legal|legal|official|single)\s+employer\b"
    ),
    _says(r"\bsole employer\b"),
    _says(
        r"\b(?:keep|keeping|retain|retaining|maintain|maintaining|have|"
        r"having|want|need|stay in|prefer)\b(?:\s+(?:full|complete|"
        r"total|all|absolute|tight|tighter|more|100%|the|our|ultimate|direct|final))*\s+control\b"
    ),
    _says(r"\b(?:full|complete|total|tight|tighter|absolute)\s+control\b"),
    _says(r"\b(?:under|with|using)\s+(?:our|my)\s+own\s+(?:ein|fein|tax id|employer id)\b"),
    _says(r"\b(?:our|my)\s+own\s+(?:ein|fein)\b"),
    _says(
        r"\b(?:keep|keeping|use|using|stick with|sticking with|choose|"
        r"choosing|pick|picking|select|maintain|maintaining)\s+(?:our|"
        rf"my)\s+(?:own\s+)?(?:existing\s+|current\s+)?(?:vendors?|carriers?|providers?|{_OWN_PLANS})\b"
    ),
    _says(r"\b(?:our|my)\s+own\s+(?:insurance\s+)?(?:brokers?|vendors?|carriers?|providers?)\b"),
    _says(r"\b(?:driver's seat|drivers seat|call the shots|in charge of everything)\b"),
    _says(
        r"\b(?:care|caring|cares|worried|concerned|fussed|bothered)\s+(?:much\s+|a lot\s+|too much\s+)?"
        r"(?:about|with)\s+(?:having\s+|keeping\s+|retaining\s+)?(?:full\s+|complete\s+|total\s+)?control\b"
    ),
)

COST_PRIORITY = (
    _fixed(
        r"\b(?:ok with|happy to|willing to|fine with|prepared to|able to)\s+(?:pay|"
        r"paying|spend|spending)\s+(?:a bit\s+|a little\s+)?(?:more|extra|a premium|for quality)\b",
        False,
    ),
    _says(r"\bcheap(?:est|er)?\b(?!\s+(?:health|benefits?|insurance|plans?|coverage))"),
    _says(
        r"\b(?:lowest|lower|low|minimal|minimum|least)\s+(?:possible\s+)?(?:costs?|"
        r"prices?|fees?|spend|option)\b"
    ),
    _says(
        r"\b(?:cut|cutting|reduce|reducing|minimi[sz]e|minimi[sz]ing|"
        r"keep|keeping|save on|saving on|control|contain|lower|lowering)\s+(?:our\s+|"
        r"the\s+)?(?:hr\s+)?(?:costs?|spend(?:ing)?|expenses?|overhead)\b"
    ),
    _says(r"\b(?:tight|limited|small|lean|shoestring|modest|strict|constrained|fixed|low)\s+budget\b"),
    _says(r"\bon a budget\b"),
    _says(r"\b(?:budget|cost|price)[- ](?:conscious|sensitive|constrained|focused|driven)\b"),
    _says(r"\b(?:save|saving)\s+(?:money|cash)\b|\bbootstrapped\b|\bcash[- ]strapped\b|\bas cheap as\b"),
    _fixed(r"\b(?:can't|cannot|can not)\s+afford\b", True),
    _says(
        r"\b(?:worried|concerned|care|caring|cares|focused|thinking)\s+(?:a lot\s+|"
        r"mostly\s+|mainly\s+)?(?:about|on)\s+(?:the\s+|our\s+)?(?:costs?|"
        r"price|budget|money|fees|spend)\b"
    ),
    _says(
        r"\b(?:budget|costs?|price|pricing|money|affordability|spend)\b[^.;,]{0,25}\b(?:priority|"
        r"concern|constraint|focus"
        r"|matters?|king|tight|object|main thing|everything|deciding factor|top)\b",
        inner=True,
    ),
)

_STATES = (
    "alabama|alaska|arizona|arkansas|california|colorado|connecticut|"
    "delaware|florida|georgia|hawaii|idaho|illinois"
    "|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|"
    "michigan|minnesota|mississippi|missouri"
    "|montana|nebraska|nevada|new hampshire|new jersey|new mexico|"
    "new york|north carolina|north dakota|ohio|oklahoma"
    "|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia"
    "|washington|west virginia|wisconsin|wyoming"
)
_STATE = rf"(?:(?<!west )(?<!new )(?:{_STATES}))"
_MANY = (
    r"(?:several|multiple|many|various|a few|few|different|numerous|"
    r"a handful of|a bunch of|a number of|a couple of"
    rf"|a couple|lots of|more than one|two or more|(?P<n>{NUMBER}))"
)

MULTI_STATE = (
    _fixed(r"\b(?:more than|over)\s+(?:one|1|a single)\s+state\b", True),
    _says(
        r"\b(?:(?:all|only|just)\s+(?:[a-z]+\s+){0,2}?in|single|one|"
        r"1|a single|the same|same|just one|only one)[\s-]+state\b",
        False,
    ),
    _says(
        rf"\b(?:all|only|just|entirely|everyone|everybody)\b(?:\s+[a-z]+){{0,3}}?\s+(?:in|"
        rf"based in|located in|from)\s+{_STATE}\b(?!\s+and\b)",
        False,
    ),
    _says(r"\bmulti-?\s?states?\b"),
    _says(rf"\b{_MANY}\s+(?:different\s+|u\.?s\.?\s+|us\s+)?states\b", counted=True),
    _says(
        r"\b(?:across|throughout|all over)\s+(?:the\s+)?(?:country|"
        r"nation|us|u\.s\.|usa|united states)\b|\bnationwide\b|\bcoast to coast\b|\bevery state\b"
    ),
    _says(rf"\b(?P<first>{_STATE})\b[^.;]{{0,60}}?\b(?!(?P=first)\b){_STATE}\b"),
)

_STRATEGIC = (
    r"(?:recruit(?:ing|ment|ers?)?|talent acquisition|sourcing(?: candidates)?|"
    r"training|learning and development|l&d"
    r"|performance(?: management| reviews?| frameworks?| evaluations?| appraisals?)?|employee development"
    r"|leadership development|employee engagement|engagement|succession planning|compensation planning"
    r"|org(?:anizational)? design|hr strategy|strategic hr)"
)
_ADMIN = r"(?:payroll|benefits|compliance|tax|taxes|insurance|workers)"

STRATEGIC_HR_ONLY = (
    _says(
        r"\b(?:only|just|solely|purely|mainly|mostly|primarily|simply|"
        rf"exclusively)\b(?:\s+(?!{_ADMIN}\b)[a-z']+){{0,5}}?\s+{_STRATEGIC}\b"
    ),
    _says(rf"\b{_STRATEGIC}(?:\s+(?:support|help|services))?\s+only\b"),
    _says(
        rf"\b{_ADMIN}\b[^.;]{{0,40}}\b(?:already\s+)?(?:handled|covered|"
        rf"sorted|taken care of|in place|fine)\b[^.]{{0,80}}\b{_STRATEGIC}\b"
    ),
    _says(r"\bstrategic\s+(?:hr|human resources)\b"),
    Cue(
        re.compile(
            rf"\b(?:need|needs|want|wants|looking for|require)\b[^.;]{{0,25}}\b(?:payroll|"
            rf"{_ADMIN}\s+admin\w*)\b"
        ),
        False,
        None,
    ),
)

_COUNTRY = (
    r"(?:london|berlin|paris|dublin|amsterdam|madrid|lisbon|warsaw|toronto|vancouver|bangalore|bengaluru"
    r"|mumbai|manila|sydney|tokyo|tel aviv|germany|france|the uk|uk|u\.k\.|united kingdom|britain"
    r"|england|scotland|ireland|spain|portugal|italy"
    r"|netherlands|holland|belgium|poland|sweden|norway|denmark|finland|"
    r"switzerland|austria|czech republic|czechia"
    r"|romania|ukraine|greece|hungary|estonia|lithuania|latvia|serbia|"
    r"croatia|bulgaria|india|pakistan|bangladesh"
    r"|sri lanka|nepal|philippines|vietnam|indonesia|thailand|malaysia|"
    r"singapore|china|japan|south korea|korea|taiwan"
    r"|hong kong|australia|new zealand|canada|(?<!new )mexico|brazil|argentina|colombia|chile|peru|costa rica"
    r"|nigeria|kenya|south africa|egypt|morocco|israel|turkey|uae|"
    r"dubai|saudi arabia|europe|asia|latin america"
    r"|latam|emea|apac|africa|south america|the eu|eu)"
)
_ABROAD = (
    r"(?:abroad|overseas|internationally|offshore|globally|outside (?:the )?(?:us|"
    r"u\.s\.|usa|united states|country)"
    r"|in (?:another|other|a foreign|foreign|a different|different) countr(?:y|ies))"
)
_HIRE = (
    r"(?:hir(?:e|es|ed|ing)|recruit(?:s|ing)?|employ(?:s|ing)?|onboard(?:ing)?|"
    r"add(?:ing)?|bring(?:ing)? on|pay(?:ing)?|engag(?:e|ing)|expand(?:ing)?|"
    r"grow(?:ing)?)"
)
_ENTITY = r"(?:entity|entities|subsidiary|legal presence|branch)"

HIRING_ABROAD = (
    _says(
        r"\b(?:no|without)\s+(?:setting up\s+|opening\s+|forming\s+|"
        r"establishing\s+|creating\s+|registering\s+|having\s+|incorporating\s+)?(?:an?\s+|"
        rf"our own\s+|any\s+)?(?:local\s+|foreign\s+|legal\s+|overseas\s+|own\s+)?{_ENTITY}\b"
    ),
    _says(
        r"\b(?:have|has|with|through|own|via)\s+(?:an?\s+|our\s+)?(?:own\s+)?(?:local\s+|"
        rf"foreign\s+|legal\s+|[a-z]+\s+)?{_ENTITY}\b",
        False,
    ),
    _says(
        r"\bwithout\s+(?:setting up|opening|forming|establishing|creating|registering|incorporating"
        r"|starting)\s+"
        r"(?:an?\s+|our own\s+|any\s+)?(?:local\s+|foreign\s+|legal\s+|overseas\s+)?"
        r"(?:company|business|corporation|office|branch|presence)\b"
    ),
    _says(rf"\b{_HIRE}\b(?:\s+[a-z-]+){{0,4}}?\s+{_ABROAD}"),
    _says(
        rf"\b{_HIRE}\b(?:\s+[a-z-]+){{0,4}}?\s+(?:in|from|based in|"
        rf"located in|out of)\s+(?:the\s+)?{_COUNTRY}\b"
    ),
    _says(
        r"\b(?:employees?|staff|team members?|workers?|contractors?|"
        r"developers?|engineers?|people|talent|hires?|someone|team)\s+(?:in|"
        rf"from|based in|located in)\s+(?:the\s+)?{_COUNTRY}\b"
    ),
    _says(
        r"\b(?:international|foreign|overseas|global|offshore|cross-border)\s+(?:contractors?|"
        r"employees?|staff|hires?|hiring|workers?|team(?: members)?|"
        r"talent|expansion|workforce|payroll)\b"
    ),
    _says(r"\b(?:need|want|use|looking for|get)\s+(?:an?\s+)?(?:eor|employer of record)\b"),
    _says(
        r"\b(?:all|only|just|entirely|exclusively)\b[^.;]{0,25}\b(?:in the us|"
        r"in the u\.s\.|in the united states|us-based|u\.s\.-based|domestic|stateside)\b",
        False,
    ),
)

FIELD_CUES: dict[str, tuple[Cue, ...]] = {
    "in_house_hr": IN_HOUSE_HR,
    "wants_pooled_benefits": POOLED_BENEFITS,
    "wants_shared_liability": SHARED_LIABILITY,
    "wants_full_control": FULL_CONTROL,
    "cost_priority": COST_PRIORITY,
    "multi_state": MULTI_STATE,
    "strategic_hr_only": STRATEGIC_HR_ONLY,
    "hiring_abroad_without_entity": HIRING_ABROAD,
}


def first_value(text: str, cues: tuple[Cue, ...]) -> bool | None:
    """The value of the first cue (in priority order) that matches and states a value."""
    for cue in cues:
        for match in cue.pattern.finditer(text):
            value = cue.negated if negated(text, match, inner=cue.inner) else cue.value
            if value is not None and cue.counted:
                value = _counted(match, value)
            if value is not None:
                return value
    return None


def _counted(match: re.Match[str], value: bool) -> bool:
    """'5 states' is several; '1 states' is not."""
    count = match.group("n")
    if count is None:
        return value
    number = parse_number(count)
    return value if number is None or number >= 2 else not value


def extract_profile(text: str) -> Profile:
    """The profile facts stated in one message; fields it does not mention stay unset."""
    clean = normalise(text)
    facts: dict[str, int | bool] = {}
    employees = people_count(clean)
    if employees is not None:
        facts["employees"] = employees
    for name, cues in FIELD_CUES.items():
        value = first_value(clean, cues)
        if value is not None:
            facts[name] = value
    return Profile.model_validate(facts)


# ---------------------------------------------------------------------------------------------
# Is this a request for a recommendation?

_US = r"\b(?:we|us|our|ours|we're|we've|we'd|we'll|i|i'm|i've|me|my|mine)\b"
_MODEL = (
    r"(?:an?\s+)?(?:peo|aso|hro|eor|professional employer organi[sz]ation|"
    r"administrative services organi[sz]ation|employer of record)s?"
)
_ASK_CUES = (
    # "should we go with a PEO", "do we need an ASO", "would a PEO work for us"
    re.compile(
        r"\b(?:should|shall|ought)\s+(?:we|i)\s+(?:really\s+|just\s+)?(?:go with|go for|use|pick|choose|"
        r"get|sign up|opt|consider|switch|move|outsource|partner|need|be using|do|select|hire an?|look at"
        r"|want|take|adopt|sign with|work with|try)\b"
    ),
    re.compile(
        rf"\b(?:do|would|will|could)\s+(?:we|i)\s+(?:really\s+|actually\s+)?(?:need|want|benefit from"
        rf"|be better off with|go with|use|pick|choose)\s+{_MODEL}\s*(?:\?|$|or\b|for\b|now\b|instead\b)"
    ),
    re.compile(r"\b(?:what|which)\s+(?:one\s+)?would\s+you\s+(?:do|choose|pick|go with|use|get|take)\b"),
    re.compile(rf"(?:^|[,;:-]\s*){_MODEL}\s*\?\s*$"),
    re.compile(r"\bwhich\b[^?.]{0,40}\bshould\s+(?:we|i)\b"),
    re.compile(
        rf"\b(?:would|will|does|do|could|is|are)\s+{_MODEL}\s+(?:be\s+)?(?:work|"
        rf"fit|suit|right|better|best|good|make sense|the right|a good|worth|overkill|enough|necessary"
        rf"|needed|suitable|ideal|appropriate|too much|the way to go)\b[^?]*{_US}"
    ),
    # "can you recommend ...", "what would you suggest"
    re.compile(r"\b(?:recommend|recommendation|suggest|suggestion|advise|advice)\w*\b"),
    # "which model fits us", "what is best for our company", "which is right for us"
    re.compile(
        r"\b(?:which|what)\b[^?.]{0,60}\b(?:fits?|suits?|right|best|"
        r"better|ideal|appropriate|makes? (?:more )?sense|works? best|way to go|go with|pick|choose)\b"
    ),
    re.compile(
        r"\bhelp\s+(?:us|me)\s+(?:to\s+)?(?:decide|choose|pick|figure out|"
        r"select)\b|\b(?:trying|need|want)\s+to\s+(?:decide|choose|"
        r"pick)\b|\b(?:deciding|choosing|torn)\s+between\b"
    ),
    re.compile(
        rf"\b(?:is|are)\s+{_MODEL}\s+(?:a\s+)?(?:good|right|better|"
        r"the best|the right|best)\s+(?:fit|choice|option|idea|move|call)\b"
    ),
    re.compile(rf"\b{_MODEL}\s+or\s+{_MODEL}\b[^.?!]*\?"),
)
_BARE_CHOICE = re.compile(
    rf"^(?:so\s*,?\s*|ok\s*,?\s*|well\s*,?\s*)?{_MODEL}\s+or\s+{_MODEL}\s*(?:then|for us|for me)?\s*\??$"
    # "ASO vs HRO" alone asks for a comparison; "PEO vs ASO for us?" asks for a pick.
    rf"|^{_MODEL}\s+(?:vs\.?|versus)\s+{_MODEL}\s*(?:for us|for me)\s*\??$"
    r"|^(?:so\s*,?\s*)?(?:which|what)\s+(?:model|one|option)\s*(?:then|for us|for me)?\s*\?$"
)
_GENERAL_QUESTION = re.compile(
    r"\b(?:what|how|why|when|who)\s+(?:is|are|'s|does|do)\s+(?:the\s+)?(?:difference|"
    r"differences|pros|cons|downsides?|benefits|advantages|disadvantages|"
    r"meaning|definition|cost|price)\b"
    # "When should I choose an ASO?" asks for the guide's criteria, not for a pick for the asker.
    r"|^\s*(?:when|why|in what cases)\s+(?:should|would|do|does|might|is)\b"
)
_THE_GUIDE = re.compile(r"\b(?:the guide|the article|the document|it)\s+(?:recommend|suggest|advise)\w*")
_ADDRESSEE = re.compile(rf"{_US}|\byou\b|\byour\s+(?:recommendation|suggestion|advice|pick|take|opinion)\b")


def asks_for_recommendation(text: str) -> bool:
    """Whether the message asks which model fits the asker, not a general question about the guide."""
    clean = normalise(text)
    for sentence in re.split(r"(?<=[.?!])\s+|\n+", clean):
        if _BARE_CHOICE.match(sentence.strip(" .!")):
            return True
    if _THE_GUIDE.search(clean) and not re.search(_US, clean):
        return False
    personal = bool(_ADDRESSEE.search(clean))
    if not personal:
        return False
    if _GENERAL_QUESTION.search(clean) and not re.search(r"\b(?:for|fits?|suits?)\s+(?:us|me|our)\b", clean):
        return False
    return any(cue.search(clean) for cue in _ASK_CUES)
