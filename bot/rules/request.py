"""Whether a message asks which model fits the asker, as opposed to a general question about the guide."""

from __future__ import annotations

import re

from bot.rules.phrasing import normalise

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
    # ("they give advice but don't run payroll" describes a provider: advice asked is advice for us)
    re.compile(
        r"\b(?:recommend|recommendation|suggest|suggestion|advise)\w*\b"
        r"|\b(?:your|any|some|need|want|looking for|appreciate|would love)\s+(?:\w+\s+)?advice\b"
    ),
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
# "what happens to benefits if we go with a PEO?" supposes the choice made; it asks nothing of it.
_SUPPOSED_CHOICE = re.compile(
    r"\b(?:if|once|when|after)\s+(?:we|i)\s+(?:\w+\s+)?(?:go with|went with|go for|pick|picked|choose"
    r"|chose|sign up with|signed up with|sign with|signed with|switch to|switched to|move to|moved to|use"
    r"|used)\s+[^,.?!]*"
)
# "which model does the guide tie that to?", "what does the article recommend for startups?": the guide's
# word asked, not ours (unless for us: "per the guide, which fits us?")
_THE_GUIDE = re.compile(
    r"\b(?:the guide|the article|the document|it)\s+(?:recommend|suggest|advise)\w*"
    r"|\b(?:does|do|did|would)\s+(?:the\s+)?(?:guide|article|doc|document|page|faq|table)\s+\w+"
)
_FOR_US = re.compile(r"\b(?:for|fits?|suits?)\s+(?:us|me|our)\b")
_ADDRESSEE = re.compile(rf"{_US}|\byou\b|\byour\s+(?:recommendation|suggestion|advice|pick|take|opinion)\b")


def asks_for_recommendation(text: str) -> bool:
    """Whether the message asks which model fits the asker, not a general question about the guide."""
    clean = _SUPPOSED_CHOICE.sub(" ", normalise(text))
    for sentence in re.split(r"(?<=[.?!])\s+|\n+", clean):
        if _BARE_CHOICE.match(sentence.strip(" .!")):
            return True
    if asks_the_guide(clean):
        return False
    personal = bool(_ADDRESSEE.search(clean))
    if not personal:
        return False
    if _GENERAL_QUESTION.search(clean) and not re.search(r"\b(?:for|fits?|suits?)\s+(?:us|me|our)\b", clean):
        return False
    return any(cue.search(clean) for cue in _ASK_CUES)


def asks_the_guide(text: str) -> bool:
    """Whether the message asks what the guide says or advises ("which model does the guide tie that
    to?"), not what fits the asker ("per the guide, which fits us?")."""
    clean = normalise(text)
    return bool(_THE_GUIDE.search(clean)) and not _FOR_US.search(clean)


def speaks_for_asker(text: str) -> bool:
    """Whether the message speaks of the asker's own company ('we', 'our', 'I', 'my', 'your advice')."""
    return bool(_ADDRESSEE.search(normalise(text)))
