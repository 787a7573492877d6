"""The domain vocabulary (models, attributes, comparatives, negation) loaded from vocabulary.yaml."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.validated_yaml import load_validated

VOCABULARY_PATH = Path(__file__).with_name("vocabulary.yaml")
CONCLUSION_WORDS = 4  # a conclusion put up to be confirmed ("so … basically all on us") says this much
REPORT_REACH = 3  # words before a verb of saying that name who said it ('my boss said…', 'i heard…')
DIRECTION_REACH = 30  # characters between a comparative and the attribute word it speaks of
# the asker has the provider do something: "have them file…", "get the PEO to run…" (models masked as X)
_CAUSING = re.compile(
    r"\b(?:have|get|make|let|pay)\s+(?:them|it|the provider|the vendor|(?:an?|the)\s+X)\s+(?:to\s+)?\w+"
)
_OR_NOT = re.compile(r"\bor (not|no)\b")
_CONDITIONS = ("if", "once", "when", "after")  # words opening a condition before the clause that asks
_SUPPOSING = re.compile(
    rf"\b(?:{'|'.join(_CONDITIONS)})\s+(?:we|i|you|they)(?:\s+\w+)?\s*$"
)  # "if we (ever) …"
# Words opening a phrase before the clause that asks ("with a PEO do we…", "if we went with an ASO would…").
_LEADING = frozenset({*_CONDITIONS, "with", "w", "under", "using", "for", "in"})
_SUBJECTS = frozenset(
    {
        "we",
        "i",
        "you",
        "it",
        "they",
        "our",
        "my",
        "the",
        "a",
        "an",
        "us",
        "their",
        "its",
        "that",
        "this",
        "there",
    }
    | {
        "your",
        "employees",
        "staff",
        "people",
        "ppl",
        "workers",
        "everyone",
        "anyone",
        "someone",
        "these",
        "those",
    }
)
_JOINED_MODELS = re.compile(r"\bX\s+(?:and|or|nor)\s+(?:an?\s+)?X\b")
_WEIGHED = re.compile(r"\b(?:than|vs|versus|between|which|whereas)\b")
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|main|different)"
# a condition on the asker's own doing: "if we used an ASO", "once we sign with a PEO"
_SUPPOSITION = re.compile(
    rf"\b(?:{'|'.join(_CONDITIONS)})\s+(?:we|i|its|it)\b.*?(?=\b(?:what|which|who|how|do|does|would|will|can)\b|$)"
)
_PERSONAL = frozenset({"we", "i", "you", "they", "it"})  # subjects that open a statement asked as a question
_WE_ARE = re.compile(r"\b(we|you|they)['’]re\b", re.IGNORECASE)
_PREPOSITIONS = frozenset({"for", "with", "on", "over", "to", "of", "about"})
_PREPOSITION_BEFORE = re.compile(
    rf"\b(for|of|on|over|with|about)\s+(the\s+|our\s+|my\s+|any\s+|all\s+)?({_COUNT}\s+)?$"
)


def _ends_in_preposition(phrase: str) -> bool:
    """The phrase ends in a preposition ('work for', 'help with', 'take on'): a verb's or an adjective's
    phrase, not a noun that a word before it could modify."""
    return phrase.rsplit(" ", 1)[-1] in _PREPOSITIONS


class VocabularyError(ValueError):
    """A vocabulary file that is missing or malformed; the message names the file."""


class Attribute(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    words: list[str] = Field(min_length=1)
    # what a company putting this first wants of it: "if cost is our main worry" wants less of it,
    # "if compliance is our biggest headache" more help with it
    wanted: Literal["more", "less"] | None = None


class Direction(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    more: list[str] = Field(min_length=1)
    less: list[str] = Field(min_length=1)
    neither: list[str] = Field(default_factory=list)


class Pronouns(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    pointing: frozenset[str] = Field(min_length=1)
    objects: frozenset[str] = Field(min_length=1)
    subjects: frozenset[str] = Field(min_length=1)


class Greeting(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    openers: list[str] = Field(min_length=1)
    greeted: list[str] = Field(min_length=1)
    groups: list[str] = Field(default_factory=list)

    def pattern(self) -> re.Pattern[str]:
        """The greeting at the start of a message, up to the punctuation or spaced dash ending it."""
        return _greeting_pattern(tuple(self.openers), tuple(self.greeted), tuple(self.groups))


@lru_cache(maxsize=4)
def _greeting_pattern(
    openers: tuple[str, ...], greeted: tuple[str, ...], groups: tuple[str, ...]
) -> re.Pattern[str]:
    def either(words: tuple[str, ...]) -> str:
        return "|".join(map(re.escape, words))

    group = rf"(?:\s+(?:{either(groups)}))?" if groups else ""
    return re.compile(
        rf"^\s*(?:{either(openers)})\s+(?:the\s+)?(?:{either(greeted)}){group}\s*(?:[\n,.!?:]|\s[-–—]\s)",
        re.IGNORECASE,
    )


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    """The compiled pattern of a list of phrases (compiled once per distinct list)."""
    return _phrase_pattern(tuple(phrases))


def _holds(phrases: list[str], text: str) -> bool:
    """True when one of the phrases stands in the text (as whole words)."""
    return bool(_pattern(phrases).search(_words(text)))


_PARTICLES = frozenset({"away", "up", "off", "out"})
_COUNTS = frozenset(
    {"two", "three", "four", "few", "2", "3", "4"}
)  # "the first two" counts, it points at none


@lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation of phrases (longest first); plurals allowed ('risks',
    'liabilities')."""
    parts = sorted({_words(p) for p in phrases if _words(p)}, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(_plural(_phrase(p)) for p in parts) + r")(?![a-z0-9])")


@lru_cache(maxsize=8)
def _slot_pattern(slots: tuple[str, ...]) -> re.Pattern[str]:
    """Phrases holding the placeholders V (a name) and X (a model), as written (compiled once per list)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, slots)) + r")\b")


def _plural(pattern: str) -> str:
    """A phrase's pattern taking its plural: 's', or 'ies' for a 'y' after a consonant."""
    if re.search(r"[^aeiou]y$", pattern):
        return pattern[:-1] + "(?:y|ies)"
    return pattern + "s?"


def _phrase(words: str) -> str:
    """A phrase's pattern; a verb and its particle may hold an object between them ('take control away'
    as 'take away', 'give it up' as 'give up')."""
    verb, _, particle = words.rpartition(" ")
    if particle in _PARTICLES and verb and " " not in verb:
        return re.escape(verb) + r"(?: [a-z0-9$%]+){0,2} " + re.escape(particle)
    return re.escape(words)


_QUOTED = re.compile(r"[“\"][^”\"]{3,}[”\"]")


def without_quoted(text: str) -> str:
    """The text without the words it quotes (the guide's or somebody's, not the asker's own)."""
    return _QUOTED.sub(" ", text)


def words_of(text: str) -> str:
    """The text as lowercase words joined by single spaces (how every phrase list is matched)."""
    return _words(text)


DENIAL_REACH = 3  # words before a comparative that may deny it ("dont want to give up control")


@lru_cache(maxsize=4)
def _shorthand_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the shorthand tokens (longest first) with the spaces after it."""
    longest = sorted(keys, key=len, reverse=True)
    return re.compile(r"(?<![\w/])(" + "|".join(map(re.escape, longest)) + r")\s*", re.IGNORECASE)


@lru_cache(maxsize=4)
def _chat_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the chat spellings as a whole word (not after an apostrophe: "we'r")."""
    word = "|".join(map(re.escape, keys))
    return re.compile(rf"(?<![\w'’/.])(?:{word})(?![\w'’/]|\.\w)", re.IGNORECASE)


def _words(text: str) -> str:
    """Lowercase words joined by single spaces; apostrophes go, hyphens split ('co-employer')."""
    text = text.lower().replace("’", "'").replace("'", "")
    return " ".join(re.findall(r"[a-z0-9$%]+", text))


_ARTICLES_AND_US = frozenset({"a", "an", "the", "us", "u", "we", "our"})

# "peo vs aso on payroll, tax filing and renewals": two models set against each other on what follows
_VERSUS = re.compile(r"\b(?:vs|versus)\b[^:]*?(?:\bon\b|:)")


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    models: dict[str, list[str]] = Field(min_length=1)
    attributes: dict[str, Attribute] = Field(min_length=1)
    direction: Direction
    negation: list[str] = Field(min_length=1)
    shorthand: dict[str, str]
    chat_words: dict[str, str]
    listing: list[str]
    form_words: frozenset[str]
    relating: frozenset[str]
    differing: frozenset[str]
    supposing: frozenset[str]
    asking_next: list[str]
    gathering: list[str]
    bare_which: list[str]
    criteria_verbs: list[str]
    criteria_nouns: list[str]
    criteria_search: list[str]
    letting: list[str]
    staying: list[str]
    passing_over: list[str]
    starting_over: list[str]
    shortening: list[str]
    one_line: list[str]
    ordinals: dict[str, int]
    list_items: list[str]
    status_quo: list[str]
    status_quo_against: list[str]
    filtering: list[str]
    comparing: list[str]
    wanting: list[str]
    embedded_asking: list[str]
    likening: list[str]
    wholes: list[str]
    partials: list[str]
    shares: list[str]
    equating: list[str]
    priority: list[str]
    readers_share: list[str]
    readers_doing: list[str]
    speaking_of_text: list[str]
    about_guide: list[str]
    which_things: list[str]
    duty_verbs: list[str]
    duty_wholes: list[str]
    duty_frames: list[str]
    taking_over: list[str]
    assisting: list[str]
    reasons_against: list[str]
    concluding: list[str]
    concluding_clauses: list[str]
    reasons_for: list[str]
    vendor_slots: list[str]
    choosing: list[str]
    universal: list[str]
    pronouns: Pronouns
    remark_openers: frozenset[str]
    owning: frozenset[str]
    greeting: Greeting
    asker_doing: list[str]
    setting_aside: list[str]
    everyday: dict[str, str]
    conversational: list[str]
    references: dict[str, list[str]]
    auxiliaries: list[str]
    fillers: list[str]
    causal: list[str]
    hedges: list[str]
    absolutes: list[str]
    restricting: list[str]
    certainty: list[str]
    qualifiers: list[str]
    reader: list[str]
    clauses: list[str]
    confirming_openers: list[str]
    confirming_tags: list[str]
    reporting: list[str]
    wh_words: list[str]
    restating: list[str]
    defining: list[str]
    receiving: list[str]
    requests: list[str]
    request_verbs: list[str]
    advice: list[str]
    answer_forms: list[str]
    asks_if_said: list[str]
    asks_where: list[str]
    permission: list[str]
    alike: list[str]
    guide_parts: dict[str, list[str]]

    def spelled_out(self, text: str) -> str:
        """The message with its slash shorthand and chat spellings written out ("w/o HR" → "without
        HR", "w/peo" → "with peo", "can u list" → "can you list")."""
        if self.shorthand:
            text = (
                _shorthand_pattern(tuple(self.shorthand))
                .sub(lambda m: self.shorthand[m.group(1).lower()] + " ", text)
                .rstrip()
            )
        if self.chat_words:
            text = _chat_pattern(tuple(self.chat_words)).sub(
                lambda m: self.chat_words[m.group(0).lower()], text
            )
        return text

    def asks_listing(self, text: str) -> bool:
        """True when the question asks for every item ('the main differences', 'as a list')."""
        return _holds(self.listing, text)

    def asks_comparing(self, text: str) -> bool:
        """True when the message asks for the models set side by side ('a 4 row compare', 'in a table')."""
        return _holds(self.comparing, text)

    def asks_side_by_side(self, text: str) -> bool:
        """True when the text asks two or more named models set side by side ('peo vs aso vs hro, table ok'):
        a request, whether or not it opens as one, and no claim put up for confirmation."""
        said = _words(text)
        return (self.asks_comparing(text) or bool(_VERSUS.search(said))) and len(self.models_named(said)) >= 2

    def against_status_quo(self, text: str) -> bool:
        """True when the text sets a model against the company doing it itself ('vs keeping it in house')."""
        said = _words(text)
        where = _pattern(self.status_quo).search(said)
        return where is not None and bool(_pattern(self.status_quo_against).search(said[: where.start()]))

    def row_place(self, text: str) -> int | None:
        """The place of a table row asked by it ("the very first row" → 1, "the last row" → -1), else None."""
        return self._place(_words(text).split(), ["row"], reach=3)

    def _place(self, said: list[str], nouns: list[str], *, reach: int) -> int | None:
        """The place an ordinal gives the first of the nouns it stands before, within reach words."""
        for i, word in enumerate(said):
            if word in nouns or word.rstrip("s") in nouns:
                before = [w for w in said[max(0, i - reach) : i] if w in self.ordinals]
                if before:
                    return self.ordinals[before[-1]]
        return None

    def pointed_place(self, text: str) -> tuple[int, str] | None:
        """An ordinal standing for one of the things named before ("the 2nd one", "the third", "the last
        one") as its place and its words; not a count of them ("the first two")."""
        said = _words(text).split()
        for i, word in enumerate(said[1:], start=1):
            after = said[i + 1 : i + 2]
            if said[i - 1] != "the" or word not in self.ordinals or (after and after[0] in _COUNTS):
                continue
            end = i + 2 if after == ["one"] else i + 1
            return self.ordinals[word], " ".join(said[i - 1 : end])
        return None

    def asks_duties(self, text: str) -> bool:
        """True when the text asks all a model does for us ("list everything a peo takes off our plate",
        "what does an aso actually handle for u, like day to day")."""
        whole = _holds(self.duty_wholes, text) or self.asks_listing(text)
        return (whole and _holds(self.duty_verbs, text)) or self._asks_what_it_does(text)

    def _asks_what_it_does(self, text: str) -> bool:
        """'What does X <duty verb>' with nothing after the verb but the asker and a frame of time or
        manner: it names no one thing done."""
        said = " ".join(w for w in _words(text).split() if w not in self.fillers)
        verb = _pattern(self.duty_verbs).search(said)
        if not (said.startswith("what ") and verb and len(self.models_named(said[: verb.start()])) == 1):
            return False
        after = _pattern(self.duty_frames).sub(" ", said[verb.end() :]).split()
        return not [w for w in after if w not in _ARTICLES_AND_US]

    def takes_over(self, text: str) -> bool:
        """True when the text has a model take a task over whole ("take workers comp off our hands"), not
        only work on it ("handle", "look after")."""
        return _holds(self.taking_over, text)

    def without_greeting(self, text: str) -> str:
        """The text without a greeting naming whom it greets ("Hi HR team - we have 40 staff")."""
        return self.greeting.pattern().sub("", text)

    def assists(self, text: str) -> bool:
        """True when the text asks whether a model lends a hand with a task ("can an aso help w workers
        comp"), less than taking it over."""
        return _holds(self.assisting, text)

    def names_readers_share(self, text: str) -> bool:
        """True when the text names the asker's own share ("still our responsibility", "all on us")."""
        return _holds(self.readers_share, text)

    def asks_reasons_against(self, text: str) -> bool:
        """True when the text asks the reasons against a model ("why not just use an aso?")."""
        return _holds(self.reasons_against, text)

    def vendors_named(self, text: str, unnamed: tuple[str, ...]) -> tuple[str, ...]:
        """The names the guide never uses (`unnamed`) that stand where a provider would ("is trinet a peo",
        "insperity or justworks?"), else ()."""
        norm = self._without_models(text)
        names = [w for w in unnamed if re.search(rf"\b{re.escape(w)}\b", norm)]
        if not names:
            return ()
        marked = re.sub(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", "V", norm)
        return tuple(names) if _slot_pattern(tuple(self.vendor_slots)).search(marked) else ()

    def asks_reasons_for(self, text: str) -> bool:
        """True when the text asks the reasons to choose a model ("why would anyone pick the aso")."""
        return _holds(self.reasons_for, text) and _holds(self.choosing, text)

    def item_place(self, text: str) -> int | None:
        """The place of a listed item pointed at ("the 2nd one?" → 2, "#3", "number 3", "the last point"
        → -1), else None; a table row's place is row_place's."""
        said = _words(text).split()
        if (place := self._place(said, self.list_items, reach=2)) is not None:
            return place
        for i, word in enumerate(said):
            if (
                word.isdigit()
                and 0 < int(word) < 20
                and i > 0
                and said[i - 1] in ("number", "no", "item", "point")
            ):
                return int(word)
        found = re.search(r"#\s*(\d{1,2})\b", text)
        return int(found.group(1)) if found and int(found.group(1)) > 0 else None

    def asks_some_items(self, text: str) -> bool:
        """True when the text asks only the items of a list that say something ('which ones mention…')."""
        return _holds(self.filtering, text)

    def asks_shorter(self, text: str) -> str | None:
        """The text without its words asking the answer before again, shorter ("ok in one sentence pls, for
        my ceo" → "ok pls, for my ceo"), when it has any; else None."""
        norm = _words(text)
        rest = _pattern([*self.shortening, *self.one_line]).sub(" ", norm)
        return " ".join(rest.split()) if rest != norm else None

    def asks_one_line(self, text: str) -> bool:
        """True when the text asks the answer in one line ("make it shorter pls, like one line")."""
        return _holds(self.one_line, text)

    def starts_over(self, text: str) -> bool:
        """True when the message withdraws the company facts told before ("oops, that was our parent
        co's profile. we're the subsidiary: …")."""
        return _holds(self.starting_over, text)

    def says_staying(self, text: str) -> bool:
        """True when the text says a thing stays where it was ('responsibility … stays with you')."""
        return _holds(self.staying, text)

    def speaks_of_reader(self, text: str) -> bool:
        """True when the guide's sentence speaks of the reader's company ('you', 'the client company')."""
        return _holds(self.reader, text)

    def opens_clause(self) -> re.Pattern[str]:
        """The words that open a new clause ('but', 'while', 'if'…), as one pattern."""
        return _pattern(self.clauses)

    def receives(self, word: str) -> bool:
        """True for a verb whose subject gets something rather than does it ('get', 'keep')."""
        return bool(_pattern(self.receiving).fullmatch(word))

    def is_reader(self, phrase: str) -> bool:
        """True when the phrase is how the guide or the asker names the reader's company ('you', 'we')."""
        return phrase in ("we", "i") or bool(_pattern(self.reader).fullmatch(phrase))

    def confirming(self, text: str) -> str | None:
        """The statement a confirming question puts up ('isn't it true that X', 'X, right?'), else None."""
        text = _WE_ARE.sub(r"\1 are", text)  # "we're 400 people…, right?" opens with no "were"
        norm = _words(text)
        opener = _pattern(self.confirming_openers).match(norm)
        if opener:
            return norm[opener.end() :].strip()
        tagged = re.compile(r"(?:^|\s)(?:" + _pattern(self.confirming_tags).pattern + r")\s*$")
        tag = tagged.search(norm)
        statement = norm[: tag.start()].split() if tag else []
        said = norm[tag.start() :].split() if tag else []
        # Without its '?' a tag still asks when it can be nothing else ("…under our own EIN right"), not
        # "…we have no" or "…is it".
        # ("…or anything. is she right" asks as a whole clause of its own)
        own_clause = len(said) >= 3
        unmistakable = said not in (["no"], ["yes"], ["true"]) and (
            own_clause or not set(said) & set(self.auxiliaries)
        )
        asked = text.rstrip().endswith("?") or unmistakable
        if tag and asked and len(statement) >= 3 and statement[0] not in (*self.wh_words, *self.auxiliaries):
            # "a PEO handles it, right?" (not "what kind of provider is it?")
            return self.without_report(" ".join(statement))
        # "both of them get better rates tho right, that's the point": a tag ending a clause, a remark after
        clauses = [_words(c) for c in re.split(r"[,;?]", text)]
        for i, clause in enumerate(clauses[:-1]):
            tag = tagged.search(clause)
            said = " ".join([*clauses[:i], clause[: tag.start()] if tag else ""]).split()
            if (
                tag
                and len(said) >= 3
                and said[0] not in self.wh_words
                and said[0] not in self.auxiliaries
                # ("compare pls, peo vs aso: co-employment or not, cost…" lists what to set side by side)
                and not self.asks_side_by_side(" ".join(said))
            ):
                return self.without_report(" ".join(said))
        # "so if we go aso its basically all on us for that": a conclusion put up to be confirmed
        words = norm.split()
        if words[:1] == ["so"] and _holds(self.concluding, norm) and not self.asks_wh(norm):
            # what follows a clause of conclusion ("…it basically means| we still file") is the claim
            concluded = list(_pattern(self.concluding_clauses).finditer(norm))
            rest = norm[concluded[-1].end() :].split() if concluded else []
            rest = rest if len(rest) >= CONCLUSION_WORDS else words[1:]
            if rest and rest[0] not in self.auxiliaries:
                return self.without_report(" ".join(rest))
        return None

    def only_tag(self, text: str) -> bool:
        """True when the text is a confirming tag alone ('true?', 'is that right??')."""
        return bool(_pattern(self.confirming_tags).fullmatch(_words(text)))

    def without_report(self, statement: str) -> str:
        """The claim of a reported statement ('my boss said there are three types' → 'there are three
        types'): the words after a verb of saying among its first few words, else the statement."""
        words = statement.split()
        found = _pattern(self.reporting).search(" ".join(words[: REPORT_REACH + 2]))
        if not found:
            return statement
        claim = " ".join(words[: REPORT_REACH + 2])[found.end() :].split() + words[REPORT_REACH + 2 :]
        if claim[:1] == ["that"]:
            claim = claim[1:]
        return " ".join(claim) if len(claim) >= 3 else statement

    def asks_wh(self, text: str) -> bool:
        """True when a clause opens with a wh-word ('…, who files the taxes?', 'whos responsible')."""
        for clause in re.split(r"[,;:.!?\u2014\u2013-]+", text):
            said = [w for w in _words(clause).split() if w not in self.fillers]
            if said[:1] and said[0] in self.wh_words:
                return True
            asking = self._main_clause(said) if said[:1] and said[0] in _LEADING else []
            if asking[:1] != said[:1] and asking[:1] and asking[0] in self.wh_words:
                return True  # "if we use a PEO who decides on pay?", "w/ a PEO who deals with COBRA?"
            if any(w in self.wh_words and w.endswith("s") and w != "whose" for w in said):
                return True  # "whos", "whats": a wh-word and its verb in one
        return False

    def asks(self, text: str) -> bool:
        """True when the text asks anything: a question mark, or a sentence that opens as a question
        ('is…', 'who…') or a request ('can you…'). "We're 600 people and like our broker" only tells."""
        if (
            "?" in text
            or self.confirming(text)
            or _holds(self.embedded_asking, text)
            or self.asks_everything(text)
        ):
            return True  # "…both get better rates tho right, that's the point", "my boss wants to know if…"
        text = _WE_ARE.sub(r"\1 are", text)  # "we're" is no "were"
        for sentence in re.split(r"[.!;\n]+|\s+[-–—]+\s+", text):  # a spaced dash ends a remark too
            said = " ".join(w for w in _words(sentence).split() if w not in self.fillers)
            if (
                self.opens_with_auxiliary(said)
                or self.asks_wh(sentence)
                or _pattern(self.requests).match(said)
                or _pattern(self.request_verbs).match(said)  # "list every step", "paste the tldr"
                or self.needs_of_answer(said)  # "need the exact text of the payroll row"
                or self.asks_side_by_side(sentence)  # "3 way compare pls, peo vs aso vs hro: cost, …"
            ):
                return True
            if self.asking_after_comma(sentence):
                return True
        return False

    def before_remark(self, sentence: str) -> str:
        """A question without a remark after its comma ("whats an hro, ppl keep throwing that around" →
        "whats an hro"): a later clause opening with who it speaks of and asking nothing is cut off, when
        what comes before it asks ("we're 25 people, nobody does hr, so which model" keeps its facts)."""
        clauses = sentence.split(",")
        for at, clause in enumerate(clauses[1:], start=1):
            said = _words(_WE_ARE.sub(r"\1 are", clause)).split()
            head = ",".join(clauses[:at]).strip()
            remarks = bool(said) and said[0] in self.remark_openers and not self.asks(clause)
            if (
                remarks
                and not self.only_tag(clause)
                and (self.opens_with_auxiliary(head) or self.asks_wh(head))
            ):
                return head
        return sentence

    def asking_after_comma(self, sentence: str) -> str | None:
        """The clause after a comma that asks in grammar, with what follows it ("we're 25 ppl, are we even
        allowed to use an aso" → "are we even allowed to use an aso"), else None."""
        clauses = sentence.split(",")
        for at, clause in enumerate(clauses[1:], start=1):
            head = _words(clause).split()[:2]
            asks = len(head) == 2 and head[0] in self.auxiliaries and head[1] in _SUBJECTS
            # ("we like our broker, if we move to a peo can we just keep our own plans")
            supposed = head[:1] and head[0] in _CONDITIONS and self.opens_with_auxiliary(clause)
            if asks or supposed:
                return ",".join(clauses[at:]).strip()
        return None

    def needs_of_answer(self, text: str) -> bool:
        """True when the text says what it needs of the answer ('just need a yes/no', 'need the exact
        text of…'), not of a model."""
        norm = _words(text)
        return bool(
            re.search(
                r"\b(?:need|needs|want|wants)\s+(?:a|an|the|your)?\s*(?:(?:full|whole|complete|quick|short)\s+)?(?:"
                + _pattern(self.answer_forms).pattern
                + ")",
                norm,
            )
        )

    def defines(self, text: str) -> bool:
        """True when the sentence says what something means ('simply means', 'in simple words')."""
        return _holds(self.defining, text)

    def hedged(self, text: str) -> bool:
        """True when the statement holds only in part ('may have less flexibility')."""
        return _holds(self.hedges, text)

    def unembedded(self, text: str) -> str:
        """A yes/no question asked inside a statement, as a question ("my boss wants to know if we lose
        control with a PEO" → "do we lose control with a PEO"); the text as it is when none is."""
        norm = _words(text)
        found = _pattern(self.embedded_asking).search(norm)
        if not found:
            return text
        rest = norm[found.end() :].split()
        if rest[:1] in (["if"], ["whether"]):
            rest = rest[1:]
        return f"do {' '.join(rest)}" if len(rest) >= 2 else text

    def asks_differs(self, text: str) -> bool:
        """True when the text asks whether something differs ("would that be any different with a PEO?",
        "does that change it?")."""
        return not self.differing.isdisjoint(_words(text).split())

    def asks_everything(self, text: str) -> bool:
        """True when the text asks for everything the guide says on something ("pull every line abt…")."""
        return _holds(self.gathering, text)

    def asks_next(self, text: str) -> bool:
        """True when a question only asks what news means for our advice ("now what?", "thoughts?")."""
        return _holds(self.asking_next, text)

    def supposes(self, text: str) -> bool:
        """True when the text supposes something ("what if we hire an HR manager", "hypothetically, …")."""
        return not self.supposing.isdisjoint(_words(text).split())

    def without_supposition(self, text: str) -> str:
        """The text without a condition supposing a model chosen ("what would remain our job if we used
        an ASO?" → "what would remain our job"); the text as it is when it holds none."""
        norm = _words(text)
        for m in _SUPPOSITION.finditer(norm):
            if self.models_named(m.group(0)):
                norm = norm.replace(m.group(0), " ")
        return " ".join(norm.split())

    def asks_of_every_model(self, text: str) -> bool:
        """True when the text asks a thing of whichever model ('whichever one we pick, …?')."""
        return _holds(self.universal, text)

    def asks_about_guide(self, text: str) -> bool:
        """True when the text asks who is behind the guide itself ('who actually wrote this guide?'), not
        when ('when was it written?' the guide does not say)."""
        return _holds(self.about_guide, text) and not _words(text).startswith("when")

    def part_named(self, text: str) -> str | None:
        """Words of the heading of the guide's part the text names ('the tldr' → 'tl;dr'), else None."""
        return next((part for part, names in self.guide_parts.items() if _holds(names, text)), None)

    def without_parts(self, text: str) -> str:
        """The text without the names of the guide's parts ('the decision criteria as a checklist…')."""
        names = [n for names in self.guide_parts.values() for n in names]
        return _pattern(names).sub(" ", _words(text))

    @property
    def framing_words(self) -> frozenset[str]:
        """Words that frame a question rather than say its subject ('says', 'tie', 'slide'): a guide
        lacking them says nothing of whether it covers the question."""
        return self.form_words | self.relating | {w for w in self.reporting if " " not in w}

    def claims_equal(self, text: str) -> bool:
        """True when the text claims the models come to the same ('it doesn't matter which one')."""
        return _holds(self.alike, text)

    def asks_permission(self, text: str) -> bool:
        """True when the text asks whether a model is open to a company at all ('are we even allowed')."""
        return _holds(self.permission, text)

    def without_permission(self, text: str) -> str:
        """The text without its words asking whether a model is open to it ('are we even eligible for')."""
        return _pattern(self.permission).sub(" ", _words(text))

    def asks_where_said(self, text: str) -> bool:
        """True when the text asks where in the guide something is said ('which section covers HROs?')."""
        return _holds(self.asks_where, text)

    def asks_whether_said(self, text: str) -> bool:
        """True when the text asks whether the guide says something ('is that actually in there?')."""
        return _holds(self.asks_if_said, text)

    def asks_readers_share(self, text: str) -> bool:
        """True when the text asks what stays with the asker's own company ('what's still on us', 'what
        do we still handle ourselves')."""
        return _holds(self.readers_share, text) or (
            _holds(self.readers_doing, text) and self.asker_is_subject(text)
        )

    def equates(self, text: str) -> bool:
        """True when the text says what a model is ("an ASO still counts as real HR outsourcing", "a PEO
        is basically a vendor"), not what it or anyone does."""
        norm = _words(text)
        after = r"\s+(?:still\s+|really\s+|just\s+)?" + _pattern(self.equating).pattern.lstrip("^")
        return any(re.search(p.pattern + after, norm) for p in self._model_patterns.values())

    def claims_whole(self, text: str) -> bool:
        """True when the text claims the whole of something ('all the liability', 'fully')."""
        return _holds(self.wholes, text)

    def states_part(self, text: str, *, shares: bool = True) -> bool:
        """True when the text states a part ('certain HR functions') or, with `shares`, a share ('Shared
        with PEO')."""
        return _holds(self.partials, text) or (shares and _holds(self.shares, text))

    def absolute(self, text: str) -> bool:
        """True when the question asks whether something holds always ('is a PEO always pricier?')."""
        return _holds(self.absolutes, text)

    def claims_certainty(self, message: str) -> bool:
        """True when the message claims an outcome for sure ('will definitely', a shouted 'WILL')."""
        return _holds(self.certainty, message) or bool(re.search(r"\bWILL\b", message))

    def restricts(self, text: str) -> bool:
        """True when the question asks whether a model does only the thing named ('just for payroll?')."""
        return _holds(self.restricting, text)

    def qualified(self, text: str) -> bool:
        """True when the statement holds as a rule, not always ('an ASO is typically cheaper')."""
        return _holds(self.qualifiers, text)

    def closes_with_which(self, text: str) -> bool:
        """True when the text's last clause is only a closing 'which' ("ok so which one")."""
        words = _words(re.split(r"[.?!,;:\n]|\s[-–—]\s", text.strip(" ?!.\n"))[-1]).split()
        while words and not _pattern(self.bare_which).fullmatch(" ".join(words)) and words[0] in self.fillers:
            words = words[1:]  # ("ok so which one then")
        return bool(_pattern(self.bare_which).fullmatch(" ".join(words)))

    def asks_advice(self, text: str) -> bool:
        """True when the text holds a word of asking for advice ('should', 'need', 'fit', ...), not in
        a supposition ("what happens to benefits if we go with a PEO?" supposes the choice made)."""
        norm = _words(text)
        if self.closes_with_which(text):
            return True
        form = re.compile(r"\s*(?:\d+\s+)?(?:" + _pattern(self.answer_forms).pattern + ")")  # "need a 4 row…"
        return any(
            not _SUPPOSING.search(norm[: m.start()])
            # "just need a yes/no for the ceo" needs something of the answer, not of a model
            and not (m.group().startswith("need") and form.match(norm, m.end()))
            for m in _pattern(self.advice).finditer(norm)
        )

    def asks_criteria(self, text: str) -> bool:
        """True when the text asks what to weigh in choosing a model (a checklist, "what should we look at
        when picking"), not which one fits: a verb of weighing whose object is the 'what' asked."""
        norm = _words(text)
        if _holds(self.criteria_nouns, norm):
            return True
        verbs = _pattern(self.criteria_verbs).pattern
        return bool(re.search(rf"(?<![a-z0-9])what(?:\s+[a-z0-9]+){{0,4}}\s+{verbs}", norm))

    def names_criteria(self, text: str) -> bool:
        """True when a sentence names what to weigh in choosing: factors by name ("consider factors like
        liability…") or a clause that bids to weigh ("Beyond price, look at…", "Also check accreditation")."""
        if _holds(self.criteria_nouns, text):
            return True
        bidding = re.compile(r"(?:also |then )?(?:" + _pattern(self.criteria_verbs).pattern + ")")
        return any(bidding.match(_words(clause)) for clause in re.split(r"[,;:]", text))

    def gives_reason(self, text: str) -> bool:
        """True when the text holds a causal word ('because', 'since', ...)."""
        return _holds(self.causal, text)

    def negated(self, text: str) -> bool:
        """True when the text holds a negation word (a closing 'or not?' only offers the choice)."""
        return _holds(self.negation, _OR_NOT.sub(" ", _words(text)))

    def reference(self, text: str) -> str | None:
        """'other', 'all' or 'one' when the text points back at an earlier topic, else None."""
        norm = _words(text)
        for kind in ("other", "all", "one"):
            if _holds(self.references.get(kind, []), norm):
                return kind
        return None

    def joins_models(self, text: str) -> bool:
        """True when two models stand joined as one subject ('PEO and ASO both…', 'any provider, PEO or
        ASO, gets…'), not weighed against each other ('a PEO cheaper than an ASO')."""
        norm = self._without_models(text)
        return bool(_JOINED_MODELS.search(norm)) and not _WEIGHED.search(norm)

    def asker_is_subject(self, text: str) -> bool:
        """'do we file…', 'can I keep…', 'we pay…', 'filed under our own EIN': the asker does the verb (not
        in an 'if we…' clause)."""
        if _holds(self.asker_doing, text):
            return True
        if self.causes_model(text):
            return False  # "can't we just go ASO and have them file the taxes?": they would file them
        words = _words(text).split()
        for i, w in enumerate(words):
            if w in ("us", "me") and i > 0 and words[i - 1] in self.letting:
                return True  # "does a PEO let us keep…": we keep; "…leave us as the sole employer": we are
            if w in ("i", "we") and (
                i == 0
                or words[i - 1] in self.auxiliaries
                or words[i - 1] in self.fillers
                or bool(self.models_named(words[i - 1]))  # "with a PEO we still run…"
            ):
                after = [v for v in words[i + 1 : i + 4] if v not in ("still", "also", "really")]
                doing = after[1:2] == ["to"] or (after[1:2] and after[1] in self.wh_words)
                if after and self.receives(after[0]) and not doing:
                    # "do we get help with a handbook?" we are served ("get to decide", "choose who gets
                    # hired": we do)
                    return False
                return not (i > 0 and words[i - 1] in ("if", "when"))
        return False

    def causes_model(self, text: str) -> bool:
        """True when the asker has the provider do the verb ('have them file…', 'get the PEO to run…')."""
        norm = self._without_models(text)
        return bool(_CAUSING.search(norm))

    def declares_asking(self, text: str) -> bool:
        """True for a statement asked with a question mark: "and we'd still be the employer w/ them?",
        "they handle COBRA?" (a subject opens it, no wh-word asks)."""
        if not text.rstrip().endswith("?") or self.asks_wh(text):
            return False
        text = re.sub(r"\b(\w+)['’](?:d|ll|re|ve|s)\b", r"\1", text)  # "we'd" → "we"
        words = [w for w in _words(text).split() if w not in self.fillers and w not in ("basically", "like")]
        words = self.without_report(" ".join(words)).split()  # "the guide says PEOs are only for…?"
        # "we'd still be the employer?", "an ASO only works if you have HR staff?"
        opens_with_model = bool(self.models_named(" ".join(words[:3]))) and words[:1] != ["which"]
        return len(words) >= 3 and (words[0] in _PERSONAL or opens_with_model)

    def opens_with_auxiliary(self, text: str) -> bool:
        """True for 'is…', 'so does…', 'and can…', 'if we went with an ASO would we…': the grammar of a
        yes/no question ("we're in 3 states" tells: its "we're" is no "were")."""
        words = _words(_WE_ARE.sub(r"\1 are", text)).split()
        while words and words[0] in self.fillers:
            words = words[1:]
        words = self._main_clause(words)
        return bool(words) and words[0] in self.auxiliaries and not self.without_request(" ".join(words))

    def opens_with_request(self, text: str) -> bool:
        """True when the text opens by asking for something to be done ('explain aso to me…')."""
        words = [w for w in _words(text).split() if w not in self.fillers]
        return bool(_pattern(self.request_verbs).match(" ".join(words)))

    def without_request(self, text: str) -> str | None:
        """What a request asks for ('could you list the myths?' → 'list the myths', 'do you know what
        an HRO is' → 'what an hro is'), None when the text is no request ('can you keep your own broker?'
        asks a question of anyone)."""
        norm = _words(text)
        opener = _pattern(self.requests).match(norm)
        if not opener:
            return None
        rest = norm[opener.end() :].strip()
        rest = re.sub(r"^(?:please|pls|plz|just|quickly)\s+", "", rest)
        first = rest.split()[0] if rest else ""
        embedded = first in self.wh_words or first in ("if", "whether")  # "do you know what…"
        return rest if embedded or _pattern(self.request_verbs).match(rest) else None

    def asking_clause(self, text: str) -> str:
        """The clause that asks, after a leading condition ("if we sign with a PEO do we still make the
        hiring calls?" asks "do we still make the hiring calls"); else the text as it is."""
        split = self._condition_split(text)
        return " ".join(split[1]) if split and split[1] else text

    def condition_of(self, text: str) -> str:
        """The leading condition of a question ("if an ex-employee sues us" of "if an ex-employee sues
        us, is the PEO on the hook?"), else ''."""
        split = self._condition_split(text)
        return " ".join(split[0]) if split else ""

    def _condition_split(self, text: str) -> tuple[list[str], list[str]] | None:
        """A question opening with a condition as (condition, the clause that asks); both empty when no
        asking clause is found after it. None when it opens with no condition."""
        words = _words(text).split()
        while words and words[0] in self.fillers:
            words = words[1:]
        if not words or words[0] not in _CONDITIONS:
            return None
        main = self._main_clause(words)
        return ([], []) if main is words else (words[: len(words) - len(main)], main)

    def _main_clause(self, words: list[str]) -> list[str]:
        """After a leading condition ('if we went with an ASO would our staff get…'), the clause that
        asks: from its first auxiliary followed by its subject; else the words as they are."""
        if not words or words[0] not in _LEADING:
            return words
        condition = words[0] in _CONDITIONS  # its own verb comes before the asking one
        for i in range(2, len(words) - 1):
            # "if we used an hro would payroll still run…": the condition ends at the model it names
            after_model = bool(self.models_named(words[i - 1]))
            before = words[i + 1] in _SUBJECTS or bool(self.models_named(words[i + 1]))
            subject = not condition or after_model or before
            if words[i] in self.wh_words or (words[i] in self.auxiliaries and subject):
                return words[i:]  # "if we move benefits to a PEO, what control do we give up?" asks "what"
        return words

    @cached_property
    def _model_patterns(self) -> dict[str, re.Pattern[str]]:
        return {model: _phrase_pattern((model, *names)) for model, names in self.models.items()}

    @cached_property
    def _attribute_patterns(self) -> dict[str, re.Pattern[str]]:
        return {name: _phrase_pattern((name, *a.words)) for name, a in self.attributes.items()}

    def models_likened(self, text: str) -> tuple[str, ...]:
        """Models held up for comparison ('like the PEO', 'than an ASO'), not the ones asked about."""
        norm = _words(text)
        likening = _pattern(self.likening).pattern
        return tuple(
            model
            for model, p in self._model_patterns.items()
            if re.search(
                rf"{likening}\s+(?:(?:in|with|under|at|for)\s+)?(?:(?:a|an|the|your|our)\s+)?(?:{p.pattern})",
                norm,
            )
        )

    def models_doing_alike(self, text: str) -> tuple[str, ...]:
        """Models held up as doing the same thing ("does an hro take over payroll the way a peo does",
        "…like an aso would"): a model after a likening word and before an auxiliary closing it."""
        norm = _words(text)
        likening = _pattern([w for w in self.likening if w != "than"]).pattern  # ("than" sets sides apart)
        auxiliary = "|".join(map(re.escape, self.auxiliaries))
        return tuple(
            model
            for model, p in self._model_patterns.items()
            if re.search(rf"{likening}\s+(?:(?:a|an|the)\s+)?(?:{p.pattern})\s+(?:{auxiliary})\b", norm)
        )

    def models_equated(self, text: str) -> tuple[str, ...]:
        """Models a pointer is asked to be ("are they a PEO provider themselves?", "is it an ASO?"): what
        'it' or 'they' is held up against, not asked about."""
        norm = _words(text)
        predicate = (
            r"(?:\b(?:is|are|isnt|arent)\s+(?:it|they|that|this|those)"
            r"|\b(?:thats|that is|theyre|they are))\s+"  # "…an HRO, thats just a PEO with a new name?"
        )
        fillers = r"(?:(?:a|an|the|really|actually|basically|technically|just|also|kind of|type of)\s+)*"
        return tuple(
            model
            for model, p in self._model_patterns.items()
            if re.search(rf"{predicate}{fillers}(?:{p.pattern})", norm)
        )

    def models_named(self, text: str) -> tuple[str, ...]:
        """Canonical model names mentioned in the text, in order of first mention."""
        norm = _words(text)
        found = sorted(
            (m.start(), model) for model, p in self._model_patterns.items() if (m := p.search(norm))
        )
        return tuple(model for _, model in found)

    def models_set_against(self, text: str) -> tuple[str, ...]:
        """Models named in a relative clause that denies them what is asked ("the PEO pros that an ASO
        doesn't give you", "what a PEO covers which an HRO won't"): held up for contrast, not asked of."""
        norm = _words(text)
        against = []
        for model, pattern in self._model_patterns.items():
            for m in pattern.finditer(norm):
                before = norm[: m.start()].split()[-3:]
                after = " ".join(norm[m.end() :].split()[:3])
                if {"that", "which"} & set(before) and self.negated(after):
                    against.append(model)
        return tuple(against)

    def models_speaking(self, text: str) -> tuple[str, ...]:
        """Models named as the one who says something ("wisemonk claims a peo will…"): the speaker of a
        claim, not what it is about."""
        norm = _words(text)
        reporting = re.compile(rf"\s*(?:{_pattern(self.reporting).pattern})")
        return tuple(
            model
            for model, pattern in self._model_patterns.items()
            if any(reporting.match(norm, m.end()) for m in pattern.finditer(norm))
        )

    def models_passed_over(self, text: str) -> tuple[str, ...]:
        """Models named as the ones not chosen ("reasons to pick an ASO over a PEO", "…instead of a PEO")."""
        norm = _words(text)
        passed = re.compile(r"\b(?:" + _pattern(self.passing_over).pattern + r")\s+(?:an?\s+|the\s+)?$")
        return tuple(
            model
            for model, pattern in self._model_patterns.items()
            if any(passed.search(norm[: m.start()]) for m in pattern.finditer(norm))
        )

    def attributes_named(self, text: str) -> tuple[str, ...]:
        """Attributes the text speaks of, in order of first mention."""
        # (a comma parts the items of a list: "benefits, payroll and workers comp" is no compound)
        norm = self._without_models(re.sub(r"\s*[,;]\s*", " and ", text))
        spans = sorted(
            (m.start(), m.end(), name)
            for name, p in self._attribute_patterns.items()
            if (m := p.search(norm))
        )
        # "legal employer" is one phrase of the employer role, not "legal" (compliance) before "employer".
        # (two attributes holding the same words both stand: "firing" is hiring's and control's)
        spans = [s for s in spans if not any(o[:2] != s[:2] and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
        # "besides cost, any certifications to check?" asks about what is not set aside.
        aside = re.compile(r"(?:" + _pattern(self.setting_aside).pattern + r")\s+(?:the\s+)?$")
        kept = [s for s in spans if not aside.search(norm[: s[0]])]
        spans = kept if kept else spans
        # In "employer liability" the first word only modifies the second: the second is what is asked.
        # A phrase ending in a preposition ("work for", "help with") is a verb's: the word before it is its
        # subject ("how does pricing work for each"), not a modifier; a comparative after it ("insurance
        # cheaper") is no compound: both stand.
        heads = [
            s
            for s, nxt in zip(spans, [*spans[1:], None])
            if not (
                nxt
                and nxt[0] == s[1] + 1
                and not _ends_in_preposition(norm[nxt[0] : nxt[1]])
                and not self.direction_of(norm[nxt[0] : nxt[1]])
            )
        ]
        # Where each head's phrase starts ("employer liability" starts at "employer").
        starts: dict[tuple[int, int, str], int] = {}
        for prev, span in zip([None, *spans], spans):
            starts[span] = starts[prev] if prev and span[0] == prev[1] + 1 else span[0]
        # In "responsibility for workers' comp" or "take on any of the employer liability" the object of
        # the preposition after another attribute's words is what is asked ("pricing … a % of payroll"
        # asks the pricing).
        objects = [
            s
            for s in heads
            if (prep := _PREPOSITION_BEFORE.search(norm[: starts[s]]))
            and any(o[1] <= prep.start() and len(norm[o[1] : prep.start()].split()) <= 1 for o in spans)
        ]
        ordered = [*objects, *[s for s in heads if s not in objects]] if len(heads) > 1 else heads
        return tuple(name for _, _, name in ordered)

    def attributes_mentioned(self, text: str) -> frozenset[str]:
        """Every attribute any of whose words the text holds, modifiers included ('size, risk tolerance'
        mentions both size and risk)."""
        norm = self._without_models(text)
        return frozenset(name for name, p in self._attribute_patterns.items() if p.search(norm))

    def without_models(self, text: str) -> str:
        """The text's words with the model names left out ('downside of a' for 'downside of a PEO')."""
        norm = _words(text)
        for p in self._model_patterns.values():
            norm = p.sub(" ", norm)
        return " ".join(norm.split())

    def short_named(self, text: str) -> str:
        """The text's words with each model named by its short name ("administrative services organization
        aso" → "aso aso")."""
        norm = _words(text)
        for model, p in self._model_patterns.items():
            norm = p.sub(model.lower(), norm)
        return norm

    def _without_models(self, text: str) -> str:
        norm = _words(text)
        for p in self._model_patterns.values():
            norm = p.sub("X", norm)
        return norm

    def direction_near(self, text: str, attribute: str | None) -> str | None:
        """Which way the text leans about the attribute: the comparative word nearest to its words."""
        norm = self._without_idioms(text)
        if not attribute or attribute not in self._attribute_patterns:
            return self.direction_of(text)
        at = [m.start() for m in self._attribute_patterns[attribute].finditer(norm)]
        leans = [(m.start(), "more") for m in _pattern(self.direction.more).finditer(norm)]
        leans += [(m.start(), "less") for m in _pattern(self.direction.less).finditer(norm)]
        near = [(abs(p - a), d) for p, d in leans for a in at if abs(p - a) <= DIRECTION_REACH]
        return min(near)[1] if near else None

    def compared_attribute(self, text: str, attributes: tuple[str, ...]) -> str | None:
        """Of several attributes, the one a comparative speaks of, its words next to it ("pick our own
        vendors/insurance more freely": freedom, not insurance), else None."""
        norm = self._without_idioms(text)
        leans = [m for d in (self.direction.more, self.direction.less) for m in _pattern(d).finditer(norm)]
        # the words right after a comparative first ("more freely"), then those right before it
        near = [
            (0 if m.start() == lean.end() + 1 else 1, name)
            for name in attributes
            if name in self._attribute_patterns
            for m in self._attribute_patterns[name].finditer(norm)
            for lean in leans
            if m.start() == lean.end() + 1 or lean.start() == m.end() + 1
        ]
        best = [name for rank, name in near if rank == min(near)[0]] if near else []
        return best[0] if len(set(best)) == 1 else None

    def held_for(self, text: str, attributes: tuple[str, ...]) -> str | None:
        """Of several attributes, the one a word of liability is held for ("who is actually responsible for
        filing payroll taxes": payroll, not liability), else None."""
        norm = _words(text)
        found = re.search(self._attribute_patterns["liability"].pattern + r"\s+for\s+", norm)
        after = self.attributes_named(norm[found.end() :]) if found else ()
        return after[0] if after and after[0] != "liability" and after[0] in attributes else None

    def compared_on(self, text: str, attribute: str) -> bool:
        """True when a comparative stands right before the attribute's words ('for the lower price',
        'to get better benefits'): the attribute is what is gained or traded for, not the topic."""
        norm = _words(text)
        if attribute not in self._attribute_patterns:
            return False
        before = [norm[: m.start()].split()[-1:] for m in self._attribute_patterns[attribute].finditer(norm)]
        return any(self.direction_of(" ".join(words)) for words in before)  # "lose on benefits": no

    def _without_idioms(self, text: str) -> str:
        """The text's words with the idioms that lean no way blanked out ('at least')."""
        norm = _words(text)
        return _pattern(self.direction.neither).sub(" ", norm) if self.direction.neither else norm

    def wanted_of(self, text: str, attribute: str | None) -> str | None:
        """The way a question that puts the attribute first leans ("if cost is our biggest worry which
        one" asks which costs less), else None."""
        if not attribute or not _holds(self.priority, text):
            return None
        return self.attributes[attribute].wanted if attribute in self.attributes else None

    def direction_of(self, text: str) -> str | None:
        """'more' or 'less' when the text leans one way (first comparative word wins), else None."""
        norm = self._without_idioms(text)
        more, less = _pattern(self.direction.more).search(norm), _pattern(self.direction.less).search(norm)
        first = more if more and (not less or more.start() < less.start()) else less
        if first is None:
            return None
        leans = "more" if first is more else "less"
        # "…but dont want to give up control", "without giving up control" lean the other way (a denied
        # claim, "an aso isnt pricier, is it", stays as said: its answer turns round instead)
        before = " ".join(norm[: first.start()].split()[-DENIAL_REACH:])
        denied_wish = _holds(self.negation, before) and _holds(self.wanting, before)
        turned = denied_wish or before.endswith("without")
        return {"more": "less", "less": "more"}[leans] if turned else leans

    def lessened(self, text: str) -> str | None:
        """The word a 'less' comparative lessens ('help' in 'Limited help with compliance'), if any."""
        norm = _words(text)
        found = _pattern(self.direction.less).search(norm)
        after = norm[found.end() :].split() if found else []
        return after[0] if after else None

    def mask(self, text: str) -> str:
        """The text with model names as 'X' and attribute words as 'Y': its wording without its topic."""
        norm = self._without_models(text)
        for p in self._attribute_patterns.values():
            norm = p.sub("Y", norm)
        return norm


def load_vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    """The vocabulary file, validated; raises VocabularyError naming the file on any problem."""
    return load_validated(path, Vocabulary, VocabularyError)


VOCABULARY = load_vocabulary()
