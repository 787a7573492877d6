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
from bot.rules.numbers import NUM_WORD, NUMBER, parse_number, people_count
from bot.rules.phrasing import negated, normalise

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
    r"(?:team|department|dept|staff|staffer|person|people|ppl|manager|managers|director|lead|leader|head"
    r"|generalists?|specialists?|professionals?|business partners?|coordinator|administrator|officer"
    r"|function|folks|employees?|hires?|experts?|pros?|mgrs?|gal|guy)"
)
_HR_MOD = (
    r"(?:(?:full|fully[- ]staffed|experienced|dedicated|in-house|in house|internal|small|strong|established"
    r"|solid|capable|seasoned|mature|existing|whole|entire|proper|"
    rf"large|big|full-time|part-time|own|\d+|{NUM_WORD})"
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
    # "our only hr person quit last wk": the HR staff it had is gone
    _fixed(
        r"\b(?:only|sole|one|single|lone|our|the|my|both|both of our|all|all of our|all our|our two"
        r"|our 2)\s+"
        rf"{_HR}[\s-]+{_HR_ROLE}\s+(?:just\s+|recently\s+|both\s+|all\s+)?"
        r"(?:quit|left|resigned|retired|is leaving|are leaving|walked out|was let go|got let go|was laid off"
        r"|got laid off|were let go|were laid off|departed|moved on|is gone|are gone|passed away)\b",
        False,
    ),
    _fixed(
        r"\b(?:no|zero|without|lack(?:s|ing)?|nor|not any)\s+(?:an?\s+|"
        r"any\s+)?(?:(?:dedicated|in-house|in house|internal"
        rf"|formal|real|actual|full-time|full time|proper|strong|official)\s+){{0,2}}{_HR}\b"
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
    # "2 ppl in hr", "three folks doing hr"
    _says(
        rf"\b(?:\d+|{NUM_WORD}|a few|a couple of|some)\s+(?:people|ppl|persons?|folks|staff|employees)\s+"
        rf"(?:in|on|doing|running|handling)\s+(?:our\s+)?{_HR}\b"
    ),
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
    r"(?:(?:insurance\s+)?brokers?|benefits?(?:\s+plans?)?|plans?|health\s+plans?|"
    r"insurance|carriers?|coverage|policies)"
)

POOLED_BENEFITS = (
    _says(rf"\b(?:our|my|their)\s+(?:own|existing|current)\s+{_OWN_PLANS}\b", False),
    # "benefits r fine, we just want the cheapest option": no want of better plans
    _says(
        rf"\b{_BEN}\s+(?:are|is|r)\s+(?:fine|ok|okay|good|not an issue|not a problem|sorted|covered"
        r"|handled)\b",
        False,
    ),
    # "if we have to pick, benefits beat cost": ranked above cost, they are wanted
    _says(
        rf"\b{_BEN}\s+(?:beats?|trumps?|outranks?|wins? over|over|ahead of|before)\s+(?:the\s+)?"
        r"(?:costs?|price|pricing|budget|money|savings)\b"
    ),
    _says(
        r"\b(?:work with|use|using|have|keep|love|like|trust)\s+(?:an?|our|my)\s+(?:own\s+)?"
        r"(?:benefits?|insurance|health)\s+(?:broker|brokers|carrier|advisor)\b",
        False,
    ),
    # keeping the broker it has: "keep our broker", "happy with our current benefits broker"
    _says(
        r"\b(?:keep|keeping|stick with|sticking with|stay with|staying with|happy with|like|love|trust"
        r"|satisfied with|use|using)\s+(?:our|my)\s+(?:own\s+|current\s+|existing\s+)?(?:benefits?\s+|"
        r"insurance\s+|health\s+)?(?:broker|brokers|carrier|carriers)\b",
        False,
    ),
    _says(rf"\b{_QUAL}(?:(?:,\s*|\s+and\s+|[\s-]+){_QUAL})*[\s-]+{_BEN}"),
    _says(r"\b(?:pool|pooled|pooling)\b"),
    # unhappy with the benefits it has: "our health plan is bad", "benefits are weak"
    _says(
        rf"\b{_BEN}\s+(?:is|are|was|were|feels?|looks?|seems?)\s+(?:\w+\s+)?(?:bad|poor|weak|terrible|awful"
        r"|lacking|subpar|mediocre|uncompetitive|lousy|expensive|pricey|costly|overpriced|a problem|an issue"
        r"|meh|so-so|not great"
        r"|not good|crappy|sucks|behind)\b"
    ),
    _says(
        r"\b(?:offer|offering|provide|providing|give|giving|get|getting|fix|fixing|improving|upgrading|"
        rf"access to|attract\w*|retain\w*|improve|upgrade|want|need)\b(?:\s+[a-z]+){{0,4}}?\s+{_BEN}"
    ),
    _says(
        rf"\b{_BEN}[^.;,]{{0,40}}(?:\b(?:priority|important|matters?|key|crucial|critical|big deal|focus"
        r"|compete|attract|retain|win|number one|top thing|main thing)\b|#1|no\. 1)",
        inner=True,
    ),
)

_RISK = r"(?:risks?|liabilit(?:y|ies)|responsibilit(?:y|ies)|burden|exposure)"
_RISK_MOD = (  # "offload some of the legal/compliance risk", "help with the workers comp risk"
    r"(?:[\s/]+(?:the|some|of|our|that|this|and|employer|employment|employer's|compliance|"
    r"legal|hr|payroll|tax|more|much|a lot of|all|workers'?|comp|compensation|injury|safety))*"
)

_SHARED_DUTY = (
    r"(?:(?:payroll\s+)?tax(?:es)?\s+(?:filings?|notices?|compliance)|payroll\s+tax(?:es)?|compliance"
    r"|workers'?\s*comp(?:ensation)?|work comp|injury claims)"
)
_HAND_OFF = (
    r"(?:killing us|a nightmare|nightmare|headaches?|(?:real\s+|main\s+|biggest\s+)?pain(?:\s+point)?"
    r"|off (?:our|my) (?:plate|hands|desk)|someone else (?:to\s+)?(?:handle|handles|do|does|file|files|own"
    r"|owns|take|takes|deal)|hand (?:off|over)|offload|get rid of|drowning|overwhelm\w*|struggl\w*)"
)

SHARED_LIABILITY = (
    _fixed(r"\brisk[- ]?averse\b", True),  # "we're a pretty risk averse bunch"
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
        r"|take on|takes on|carry|absorb|help with|help us with)\b"
        rf"{_RISK_MOD}[\s/]+(?:compliance\s+)?{_RISK}\b"
    ),
    _says(rf"\bless\s+(?:compliance\s+|legal\s+)?{_RISK}\b"),
    _says(
        r"\b(?:worried|concerned|nervous|anxious|scared|afraid|stressed|"
        r"worry|worries|worrying)\b[^.;,]{0,12}\b(?:about|of|by)\s+"
        r"(?:[a-z']+\s+){0,3}?(?:compliance|liability|lawsuits?|penalties|"
        r"fines|audits?|risks?|mistakes|legal|claims|comp)\b"
    ),
    _only_negated(r"\bco-?employ\w*", False),
    # the duties the guide says a PEO shares, as a pain to hand off ("workers comp is killing us",
    # "finance wants someone else to handle payroll tax filing", "the real pain is compliance stuff")
    _says(rf"\b{_SHARED_DUTY}\b[^.;]{{0,50}}\b{_HAND_OFF}", inner=True),
    _says(rf"\b{_HAND_OFF}[^.;]{{0,40}}\b{_SHARED_DUTY}\b"),
)

FULL_CONTROL = (
    _says(
        r"\b(?:worried|concerned|afraid|wary|nervous)\b[^.;,]{0,20}\b(?:lose|"
        r"losing|give up|giving up|cede|ceding)\s+(?:some\s+|any\s+)?control\b"
    ),
    _says(r"\b(?:worried|concerned|afraid|wary|nervous)\b[^.;,]{0,20}\bco-?employ\w*"),
    # "nervous about any outside company 'being the employer' of our people"
    _says(
        r"\b(?:worried|concerned|afraid|wary|nervous|uneasy|uncomfortable|scared)\b[^.;]{0,40}\b(?:being|becoming"
        r"|be|acting as)\s+(?:the|our|an?)\s+(?:legal\s+|co-?)?employer\b"
    ),
    _says(r"\b(?:fine|ok|okay|comfortable|happy|open)\s+(?:with|to)\s+co-?employ\w*", False),
    _only_negated(r"\bco-?employ\w*", True),
    _says(
        r"\b(?:lose|losing|give up|giving up|cede|ceding|hand over|"
        r"handing over|surrender|share|sharing)\s+(?:some\s+|any\s+|all\s+|of\s+)?control\b",
        False,
    ),
    # "we'd drop the broker if we have to": their own vendors are no longer a must
    _says(
        r"\b(?:drop|dropping|ditch|ditching|give up|giving up|let go of|part with|lose|losing|switch"
        r"|switching)\s+(?:the|our|my)\s+(?:current\s+|existing\s+)?(?:insurance\s+)?"
        r"(?:broker|brokers|vendors?|carriers?)\b",
        False,
    ),
    _says(
        r"\b(?:stay|remain|be|being|staying|remaining|keep being|continue as|"
        r"are)\s+(?:the\s+|our\s+)?(?:sole|only|sole legal|legal|official|single)\s+employer\b"
    ),
    _says(r"\bsole employer\b"),
    # "no outside company gets to be a legal employer of our ppl"
    _says(
        r"\b(?:no|nobody|no one|not an?)\s+(?:outside\s+|other\s+|third[- ]party\s+)?"
        r"(?:company|one|body|vendor|provider|firm|party)?\s*(?:else\s+)?"
        r"(?:gets to be|becomes?|is|can be|will be|may be)\s+(?:an?\s+|the\s+|our\s+)?"
        r"(?:legal\s+|co-?\s?)?employer\b"
    ),
    _says(
        r"\b(?:keep|keeping|retain|retaining|maintain|maintaining|have|"
        r"having|want|need|stay in|prefer)\b(?:\s+(?:full|complete|"
        r"total|all|absolute|tight|tighter|more|100%|the|our|ultimate|direct|final))*\s+control\b"
    ),
    _says(r"\b(?:full|complete|total|tight|tighter|absolute)\s+control\b"),
    _says(r"\b(?:under|with|using)\s+(?:our|my)\s+(?:own\s+)?(?:ein|fein|tax id|employer id)\b"),
    _says(r"\b(?:our|my)\s+own\s+(?:ein|fein)\b"),
    _says(
        r"\b(?:keep|keeping|use|using|stick with|sticking with|choose|"
        r"choosing|pick|picking|select|maintain|maintaining)\s+(?:our|"
        rf"my)\s+(?:own\s+)?(?:existing\s+|current\s+)?(?:vendors?|carriers?|providers?|{_OWN_PLANS})\b"
    ),
    _says(r"\b(?:our|my)\s+own\s+(?:insurance\s+)?(?:brokers?|vendors?|carriers?|providers?)\b"),
    _says(r"\b(?:driver's seat|drivers seat|call the shots|in charge of everything)\b"),
    # "objects to being locked into a vendor's systems", "we customize a lot of our processes"
    _says(
        r"\b(?:locked|lock|tied|stuck|dependent|depending)\s+(?:in\s+)?(?:into|to|on|with)\s+(?:an?\s+|the\s+|their\s+)?"
        r"(?:vendor|provider|peo)(?:'s|s|s')?\s+(?:own\s+)?(?:systems?|platforms?|tools?|software|providers?)\b"
    ),
    _says(r"\bcustomi[sz]\w*\s+(?:a lot|everything|heavily|most|all|our own|a ton)\b"),
    _says(
        r"\b(?:care|caring|cares|worried|concerned|fussed|bothered)\s+(?:much\s+|a lot\s+|too much\s+)?"
        r"(?:about|with)\s+(?:having\s+|keeping\s+|retaining\s+)?(?:full\s+|complete\s+|total\s+)?control\b"
    ),
)

# "…matters more to us than cost": what it says first outranks what follows
_MORE_THAN = (
    r"(?:matters?|important|counts?|weighs?|priority)\s+(?:a lot\s+|much\s+|far\s+)?more\s+"
    r"(?:to (?:us|me)\s+)?than"
)

COST_PRIORITY = (
    # "cost is secondary", "money isn't the main issue"
    _fixed(
        r"\b(?:costs?|price|budget|money|spend)\s+(?:is|are|'s)\s+(?:now\s+|really\s+)?"
        r"(?:secondary|less important|no object|not an issue|below|under"
        r"|not (?:a|the|our) (?:main |big )?(?:priority|concern|issue|thing|problem)"
        r"|not important|a secondary concern|second)\b",
        False,
    ),
    # "cost dead last", "budget is last on the list": put below everything else
    _fixed(
        r"\b(?:costs?|price|budget|money|spend)\s+(?:is\s+|are\s+|'s\s+)?(?:now\s+)?"
        r"(?:dead last|last|lowest priority|the lowest priority|bottom of the list|at the bottom"
        r"|least important)\b",
        False,
    ),
    # "ok forget cost", "never mind the budget": cost no longer counts
    _fixed(
        r"\b(?:forget|scratch|drop|never\s?mind|nevermind|ignore)\s+(?:about\s+)?(?:the\s+)?"
        r"(?:costs?|price|pricing|budget|money|cheapest option)\b",
        False,
    ),
    # "offloading liability matters more to us than cost now"
    _fixed(
        rf"\b{_MORE_THAN}\s+(?:the\s+)?(?:costs?|price|budget|money|saving money)\b",
        False,
    ),
    # "…is now priority #1, above cost"
    _fixed(
        r"\b(?:above|ahead of|before|over)\s+(?:the\s+)?(?:costs?|price|budget)"
        r"(?:\s+(?:now|too))?\s*(?:[.,;!]|$)",
        False,
    ),
    # "hates bundled pricing and wants to only pay for what we actually use"
    _says(r"\b(?:hates?|hate|dislikes?|no|against|avoid)\s+bundl\w*"),
    _says(r"\b(?:only\s+pay|pay\s+only)\s+for\s+what\s+(?:we|i)\s+(?:actually\s+|really\s+)?(?:use|need)\b"),
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
    # "costs as low as possible", "keep the fees low"
    _says(r"\b(?:costs?|prices?|fees?|spend(?:ing)?)\s+(?:as\s+)?(?:low|down|minimal)\b"),
    _says(r"\b(?:tight|limited|small|lean|shoestring|modest|strict|constrained|fixed|low)\s+budget\b"),
    _says(r"\bon a budget\b"),
    # "not blowing the budget", "without going over budget"
    _fixed(
        r"\b(?:not|never|without|no)\s+(?:blow|blowing|bust|busting|break|breaking|exceed\w*|going over"
        r"|go over)\s+(?:the\s+|our\s+)?budget\b",
        True,
    ),
    _says(r"\b(?:watch\w*|counts?|count\w*)\s+every\s+(?:dollar|penny|cent|buck)\b"),
    _says(r"\b(?:budget|cost|price)[- ](?:conscious|sensitive|constrained|focused|driven)\b"),
    _says(r"\b(?:save|saving)\s+(?:money|cash)\b|\bbootstrapped\b|\bcash[- ]strapped\b|\bas cheap as\b"),
    # "cost and getting pooled health benefits matter exactly the same to us"
    _says(r"\b(?:costs?|price|budget|money)\s+and\s+[^.;]{0,50}?\bmatters?\b"),
    _fixed(r"\b(?:can't|cannot|can not)\s+afford\b", True),
    _says(
        r"\b(?:worried|concerned|care|caring|cares|focused|thinking)\s+(?:a lot\s+|"
        r"mostly\s+|mainly\s+)?(?:about|on)\s+(?:the\s+|our\s+)?(?:costs?|"
        r"price|budget|money|fees|spend)\b"
    ),
    _says(
        r"\b(?:budget|costs?|price|pricing|money|affordability|spend)\b[^.;,]{0,25}\b(?:priority|"
        r"concern|constraint|focus"
        r"|matters?|king|tight|object|main thing|everything|deciding factor|top|deal[- ]?breaker"
        r"|non-?\s?negotiable|number one)\b|\b(?:budget|costs?|price|pricing|money)\s+(?:is\s+)?#\s?1",
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
    # "closing the other 2 states and consolidating into 1": down to one state
    _fixed(
        r"\bclos\w*\s+(?:down\s+)?(?:the\s+|our\s+)?(?:other|remaining)\s+(?:\w+\s+)?(?:states?|locations?)\b",
        False,
    ),
    _fixed(
        r"\b(?:consolidat\w*|moving everyone|move everyone|moving everything|relocat\w*|centraliz\w*)\b"
        r"[^.;]{0,30}?\b(?:into|to|down to|in)\s+(?:one|1|a single|just one|only one)\b",
        False,
    ),
    _fixed(r"\b(?:more than|over)\s+(?:one|1|a single)\s+state\b", True),
    _says(
        r"\b(?:(?:all|only|just)\s+(?:[a-z]+\s+){0,2}?in|single|one|"
        r"1|a single|the same|same|just one|only one)[\s-]+state\b",
        False,
    ),
    _says(
        rf"\b(?:all|only|just|entirely|everyone|everybody|everything)\b(?:\s+[a-z]+){{0,3}}?\s+(?:in|"
        # (not a list of states: "in texas, colorado and ny")
        rf"based in|located in|from)\s+{_STATE}\b(?!\s*(?:,|&|/|\band\b)\s*(?:and\s+)?{_STATE}\b)",
        False,
    ),
    _says(r"\bmulti-?\s?states?\b"),
    # "expanding into 2 more states next year", "adding another state": beyond the one they are in
    _says(rf"\b(?:{_MANY}|one|an?)\s+(?:more|new|other|additional|extra)\s+states?\b|\banother\s+state\b"),
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
    r"|hiring (?:pipeline|process)|talent pipeline"
    r"|leadership development|employee engagement|engagement|succession planning|compensation planning"
    r"|org(?:anizational)? design|hr strategy|strategic hr)"
)
_ADMIN = r"(?:payroll|benefits|compliance|tax|taxes|insurance|workers)"

STRATEGIC_HR_ONLY = (
    _says(
        r"\b(?:only|just|solely|purely|mainly|mostly|primarily|simply|exclusively"
        rf"|all (?:we|i) (?:want|need) (?:is|are))\b(?:\s+(?!{_ADMIN}\b)[a-z']+){{0,7}}?\s+{_STRATEGIC}\b"
    ),
    # "help with performance reviews, not payroll"
    _fixed(rf"\b{_STRATEGIC}\b[^.;?]{{0,40}}[,;]?\s+(?:but\s+)?not\s+(?:the\s+)?{_ADMIN}\b", True),
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
    # "separately for our us team": people in the U.S.
    _fixed(
        r"\b(?:our\s+)?(?:us|u\.s\.|american|domestic|stateside)\s+(?:team|staff|employees|people|ppl|workforce)\b",
        False,
    ),
    # "and if they were in texas instead?": the hires are in a U.S. state
    _fixed(rf"\b(?:in|to|from)\s+{_STATE}\s+instead\b", False),
    _fixed(
        r"\b(?:they|them|hires|engineers|developers|devs|people|ppl|staff|employees)\s+(?:were|are|would be"
        rf"|will be|be|being)\s+(?:based\s+)?in\s+{_STATE}\b",
        False,
    ),
    # "ok forget india", "scratch the overseas hires": the plan to hire abroad is dropped
    _fixed(
        r"\b(?:forget|scratch|drop|dropping|never\s?mind|nevermind|shelve|shelving|cancel|cancelled|ditch)\s+"
        rf"(?:about\s+)?(?:the\s+)?(?:{_COUNTRY}|{_ABROAD}|international|overseas|foreign|eor|abroad)\b",
        False,
    ),
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
    _says(rf"\b{_HIRE}\b(?:\s+[a-z0-9~-]+){{0,4}}?\s+{_ABROAD}"),
    _says(
        rf"\b{_HIRE}\b(?:\s+[a-z0-9~-]+){{0,4}}?\s+(?:in|from|based in|"
        rf"located in|out of)\s+(?:the\s+)?{_COUNTRY}\b"
    ),
    _says(
        r"\b(?:employees?|staff|team members?|workers?|contractors?|"
        r"developers?|engineers?|people|ppl|talent|hires?|someone|team)\s+(?:in|"
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


def _first_statement(text: str, cues: tuple[Cue, ...]) -> tuple[bool, re.Match[str]] | None:
    """The value of the first cue that matches and states one, with the words that state it; a cue said
    of other companies ("is that list only for cos w/ no hr?") states nothing of ours."""
    for cue in cues:
        for match in cue.pattern.finditer(text):
            if _of_others(text, match):
                continue
            value = cue.negated if negated(text, match, inner=cue.inner) else cue.value
            if value is not None and cue.counted:
                value = _counted(match, value)
            if value is not None:
                return value, match
    return None


# Words for companies in general: a fact right after them ("companies with no HR") is not the asker's,
# unless likened to the asker ("companies like ours with no HR").
_OTHERS = frozenset({"companies", "cos", "firms", "businesses", "employers", "orgs", "organizations", "ones"})
_OTHERS_REACH = 3  # words before a cue's match that may name whose fact it is


def _of_others(text: str, match: re.Match[str]) -> bool:
    before = re.findall(r"[a-z0-9']+", text[: match.start()])[-_OTHERS_REACH:]
    return bool(_OTHERS.intersection(before)) and not {"like", "ours", "us"}.intersection(before)


def _counted(match: re.Match[str], value: bool) -> bool:
    """'5 states' is several; '1 states' is not."""
    count = match.group("n")
    if count is None:
        return value
    number = parse_number(count)
    return value if number is None or number >= 2 else not value


# Words putting one wish above the rest: "getting that off our plate is the #1 goal", "finance badly
# wants…", "…matters more to us than cost".
_TOP = re.compile(
    r"(?:#\s?1|\bnumber one|\bno\.? 1)(?:\s+(?:goal|priority|thing|concern|need|ask|requirement|wish|focus"
    r"|issue|pain|problem|reason|criterion|want)\b|(?:\s+(?:now|too|again|for us|for me))?\s*(?:[.,;!?]|$))"
    r"|\b(?:top priority|top goal|main goal|main thing|main priority|first priority"
    r"|priority one|biggest (?:thing|priority|goal|concern|worry|issue|problem|headache|pain|challenge"
    r"|struggle)|most important|matters most|cares? (?:about )?most|the one thing"
    r"|above all|first and foremost|badly|the real pain|real pain|main pain|top concern"
    rf"|only thing that matters|{_MORE_THAN}|outranks|trumps|beats?|over everything(?: else)?"
    r"|more than anything"
    r"|wins over everything|(?:we|i) (?:just|only) (?:want|need|care about)"
    r"|all (?:we|i) (?:want|need|care about))\b"
    # the first of priorities put in order: "priorities in order: 1) better health benefits 2) low cost"
    r"|\bpriorit(?:y|ies)\b[^.!?;\n]{0,30}?(?:\(1\)|\b1\))"
)
# Words making a wish a must: "keeping our broker is non-negotiable", "no co-employment, period".
_MUST = re.compile(
    r"\b(?:non-?\s?negotiable|must[- ]have|(?:is|are|be|becomes?|becoming|now|also|too) a must"
    r"|a must (?:too|as well)"
    r"|deal[- ]?breaker|at all costs|period|full stop|(?:won'?t|will not|wouldn'?t|not going to) budge"
    r"|hard requirement"
    r"|red line|no matter what|absolutely (?:need|must|want|have to)|hard no|not up for debate)\b"
)
# Several musts named at once: every wish in that sentence is one ("two non negotiables: pooled health plans
# AND payroll taxes under our own ein", "pooled plans and our own broker are both musts").
_MUSTS = re.compile(
    r"\b(?:non-?\s?negotiables|must[- ]haves|musts|deal[- ]?breakers|hard requirements|red lines)\b"
)
# The wishes a company can put first (its head count, HR staff and states are facts, not wishes).
# On a tie ("no co-employment, period" states both control and liability) the first listed is put first.
_WISHES = ("wants_pooled_benefits", "wants_full_control", "wants_shared_liability", "cost_priority")
# Wishes that can be put first only when wanted ("cost is secondary" puts nothing first).
_ONLY_WANTED = frozenset({"wants_full_control", "cost_priority"})
_SENTENCE = re.compile(r"[^.!?;\n]+")


def _stressed(text: str, said: dict[str, re.Match[str]], stressing: re.Pattern[str]) -> str | None:
    """The wish stated in the last sentence that stresses one, nearest the stressing words."""
    for sentence in reversed(list(_SENTENCE.finditer(text))):
        stresses = list(stressing.finditer(text, sentence.start(), sentence.end()))
        inside = {
            name: match for name, match in said.items() if sentence.start() <= match.start() < sentence.end()
        }
        if stresses and inside:
            stress = stresses[-1]
            return min(inside, key=lambda name: (_distance(inside[name], stress), _WISHES.index(name)))
    return None


def _distance(a: re.Match[str], b: re.Match[str]) -> int:
    return max(0, a.start() - b.end(), b.start() - a.end())


def extract_profile(text: str) -> Profile:
    """The profile facts stated in one message, the wish it puts first and the one it calls a must;
    fields it does not mention stay unset."""
    clean = normalise(text)
    facts: dict[str, int | bool | str | tuple[str, ...]] = {}
    employees = people_count(clean)
    if employees is not None:
        facts["employees"] = employees
    said: dict[str, re.Match[str]] = {}
    for name, cues in FIELD_CUES.items():
        found = _first_statement(clean, cues)
        if found is not None:
            facts[name], match = found
            if name in _WISHES and (facts[name] or name not in _ONLY_WANTED):
                said[name] = match
    if (wish := _stressed(clean, said, _TOP)) is not None:
        facts["top_priority"] = wish
    musts = _all_stressed(clean, said, _MUSTS) or [w for w in [_stressed(clean, said, _MUST)] if w]
    if musts:
        facts["must_have"] = tuple(musts)
    return Profile.model_validate(facts)


def _all_stressed(text: str, said: dict[str, re.Match[str]], stressing: re.Pattern[str]) -> list[str]:
    """Every wish stated in the last sentence that stresses several at once, in the order said."""
    for sentence in reversed(list(_SENTENCE.finditer(text))):
        inside = [n for n, m in said.items() if sentence.start() <= m.start() < sentence.end()]
        if stressing.search(text, sentence.start(), sentence.end()) and inside:
            kept: list[str] = []  # one wish per phrase ("our own broker" states control and benefits)
            for name in sorted(inside, key=_WISHES.index):
                if all(_distance(said[name], said[other]) > 0 for other in kept):
                    kept.append(name)
            return sorted(kept, key=lambda name: said[name].start())
    return []
