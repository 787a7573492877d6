"""Reads each message once: its shape, the models and attribute asked about, and what it refers back to."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

import numpy as np

from bot.contract import Profile
from bot.embedding import TextEncoder
from bot.language.shapes import Shape, ShapeReader
from bot.language.vocabulary import VOCABULARY, Vocabulary, without_quoted, words_of
from bot.query import Query, QueryReader, asks_figure, strip_instructions
from bot.rules.extract import extract_profile
from bot.rules.request import asks_for_recommendation, asks_the_guide, speaks_for_asker
from bot.text_match import MODEL_NAME_STEMS, STOPWORDS, content_terms, stem, without_asker
from bot.unknown_object import GuideWordVectors, unknown_object

_LIST_ITEM = re.compile(r"\n\s*(?:\d{1,2}[).:]|[-*•])\s+")  # a numbered or bulleted item opening a line
_ASKED_AND = re.compile(r",\s*(?:and|plus|also|and also)\s+", re.IGNORECASE)  # "which fits, and who files…"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s+[-–—]+\s+")  # a spaced dash also ends a remark
QUESTION_WORDS = 2  # a sentence asks a question of its own with this many words of its own
_WHICH = frozenset({"which", "wich", "whcih", "whihc"})  # as typed in a hurry
WHICH_REACH = 5  # "hro vs aso - which one covers more?" asks for a side as "which covers more?" does
# Shapes that carry the previous question over to a new model or attribute, or ask about its answer.
CARRY_OVER: frozenset[Shape] = frozenset({"swap", "why"})
# Shapes a "same for X?" asks again of X, whole.
LISTING_SHAPES: frozenset[Shape] = frozenset({"steps", "list", "pros_cons"})
# Shapes a request for our own recommendation never has (they ask what the guide says).
NOT_ADVICE: frozenset[Shape] = frozenset(
    {"list", "steps", "pros_cons", "definition", "why", "chit_chat", "which_more"}
)
# A follow-up this short, with no model of its own, is about the previous turn's models.
ELLIPSIS_WORDS = 7
COUNTERPART = {"PEO": "ASO", "ASO": "PEO"}
# A question of these shapes that names no model, in the guide's words only, is about the guide's subject.
IMPLICIT_PAIR: frozenset[Shape] = frozenset({"which_more", "list", "comparison", "pros_cons", "attribute"})
IMPLICIT_MODELS = ("PEO", "ASO")
_PROS_CONS = frozenset({stem("pros"), stem("cons")})  # the columns of the guide's pros-and-cons tables
_WHAT_IF = re.compile(r"(?:ok\s+|so\s+)?(?:and\s+)?what\s+if\b")  # "what if we hire an HR manager…"
_CARRY_OPENER = re.compile(r"(?:ok\s+|so\s+)?(?:and\s+)?(?:what|how)\s+(?:about|abt)\b|and\s+")
_OFFERED_DENIAL = re.compile(
    r",?\s+or\s+(?:is|are|was|do|does|would|will|can)\s+(?:it|that|they|this|we|you|he|she)\b", re.IGNORECASE
)
# The asker's purpose after the claim ("can an aso take over our claims so we dont have to deal w/ them"):
# why they ask, no part of what is asked.
_PURPOSE = re.compile(
    r",?\s+so\s+(?:that\s+)?(?:we|i)\s+(?:dont|don't|do not|wont|won't|can|could|would|no longer)\b",
    re.IGNORECASE,
)
_THE_MODELS = re.compile(r"\b(?:either|both|them|em|each|the two|those two|these two)\b")
_OR_WHAT = re.compile(r"\bor (?:what|something(?: else)?|whatever)\s*$")
_COMPANY_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
# Below this the shape examples hardly decide; a question's grammar does.
CLEAR_SHAPE = 0.4
ASKING_WORDS = 4  # a clause after a comma this long that opens asking is the question, not a tag
DEFINITION_WORDS = 4  # a question holding this many of the guide's words besides a model's name asks more
ADVICE_PROBABILITY = 0.5  # a recommendation request naming no model must read clearly as one


@dataclass(frozen=True)
class Context:
    """What the previous turns were about: the only conversation state reading needs."""

    models: tuple[str, ...] = ()
    attribute: str | None = None
    shape: str | None = None
    text: str = ""
    advised: bool = False  # our recommendation was given in an earlier turn, not only in the last
    named: tuple[str, ...] = ()  # the models the last message naming several named, in its order
    why: str = ""  # the last message, when it asked why of the answer before
    item: int | None = None  # the place of the listed item the last answer was about


@dataclass(frozen=True)
class Reading:
    """Everything the answer chain and the rules layer need from one message."""

    message: str
    cleaned: str
    proposition: str  # what a yes/no asks: the message, or for "and the other one?" the previous question
    shape: Shape
    probability: float
    models: tuple[str, ...]
    attribute: str | None
    direction: str | None  # 'more' or 'less' for which-is-more questions
    reference: str | None  # how the message pointed back ('other', 'all', 'one', 'ellipsis', 'swap')
    wants_recommendation: bool
    mentioned: tuple[str, ...]  # the models the message's own words name (not resolved from the context)
    put_up: str | None  # the model a confirming question puts up ("that's the ASO profile, right?")
    facts: Profile  # the profile facts the message states (for the rules layer)
    # the claim asked with model names masked, encoded on first use (only a table cell weighed by meaning
    # needs it)
    claim_vector: Callable[[], np.ndarray] = field(repr=False, compare=False)
    query: Query  # what is searched: the message's words plus the models and attribute resolved
    asked: Query  # the message's own words (with the resolved models): what scope is judged on
    vector: np.ndarray = field(repr=False, compare=False)
    part: str | None = None  # words of the heading of the part of the guide asked for whole ("the tldr")
    starts_over: bool = False  # the facts told before were another company's, or are withdrawn
    brief: bool = False  # the previous question asked again, for its answer in one sentence
    item: int | None = None  # the previous question asked again, for the item at this place of its list
    about_item: str | None = None  # a listed item asked about ("the 2nd one? what does it mean"), as worded
    duties: bool = False  # it asks all a model does for us ("list everything a peo takes off our plate")
    # names of providers asked about ("is trinet a peo?"), which the guide lacks
    vendors: tuple[str, ...] = ()
    unknown_object: str | None = None  # what a yes/no claims something of, when the guide never speaks of it

    def context(self) -> Context:
        """The context the next message is read in."""
        return Context(models=self.models, attribute=self.attribute, shape=self.shape, text=self.query.text)


class MessageReader:
    """Turns a message and its conversation context into a Reading (one embedding batch per message)."""

    def __init__(
        self,
        *,
        vocabulary: Vocabulary,
        shapes: ShapeReader,
        queries: QueryReader,
        encoder: TextEncoder,
        guide_words: GuideWordVectors | None = None,
    ) -> None:
        self.vocabulary, self.shapes, self.queries, self.encoder = vocabulary, shapes, queries, encoder
        self.guide_words = guide_words

    def questions(self, message: str) -> list[str]:
        """A message asking two or more things, one per '?' ("…is that accurate? and would we lose say
        over who we hire?") or ", and" ("which fits, and what stays with us"), as parts to answer in turn,
        each with the remarks before it (an alternative, "…? or an hro?", asks nothing more, nor does a
        sentence naming no model with fewer than two words of its own, "hey?"); else []."""
        vocab = self.vocabulary
        # (a sentence asking two things is two, each asking by its grammar; so is each item of a numbered
        # or bulleted list asking in its grammar: "1) if we switch do we stop filing…\n2) would our ppl…")
        items = [i.strip() for i in _LIST_ITEM.split(message.strip()) if i.strip()]
        listed = {i for i in items[1:] if vocab.opens_with_auxiliary(i) or vocab.asks_wh(i)}
        split = [self._asked_clauses(s) for i in items for s in _SENTENCE_END.split(i) if s.strip()]
        # a clause asking by its grammar is marked as asking, with its '?'
        asking = {c for clauses in split if len(clauses) > 1 for c in clauses} | listed
        sentences = [_asked(c) if c in asking else c for clauses in split for c in clauses]
        asking = {_asked(c) for c in asking}
        marked = [i for i, s in enumerate(sentences) if s.rstrip().endswith("?")]
        ends = [
            i
            for i, s in enumerate(sentences)
            # ("…is that right?? who actually makes the call on firing when we're w/ a peo\nthanks" asks two;
            # "which one helps w training - peo, aso or hro?" one)
            if (
                i in marked
                or (i > max(marked, default=-1) and (words_of(s).split() or [""])[0] in vocab.wh_words)
            )
            and words_of(s).split()[:1] != ["or"]
            and (
                s in asking
                or vocab.only_tag(s)  # (it asks of the remark before it)
                or bool(vocab.models_named(s))
                or len(content_terms(vocab.without_models(s))) >= QUESTION_WORDS
            )
        ]
        if len(ends) < 2:
            return []
        starts = [0, *(e + 1 for e in ends[:-1])]
        return [" ".join(sentences[a : e + 1]) for a, e in zip(starts, ends)]

    def remarks_and_question(self, part: str) -> tuple[str, str]:
        """A part of a message as the remarks before its last sentence and that sentence, the one asking."""
        sentences = [s for s in _SENTENCE_END.split(part.strip()) if s.strip()]
        return " ".join(sentences[:-1]), sentences[-1] if sentences else part

    def _asked_clauses(self, sentence: str) -> list[str]:
        """A sentence asking two things joined by ", and" ("which model fits, and what would we still be on
        the hook for") as two questions; else the sentence."""
        vocab = self.vocabulary
        found = _ASKED_AND.search(sentence)
        if not found:
            return [sentence]
        first, second = sentence[: found.start()], sentence[found.end() :]
        asks = [vocab.opens_with_auxiliary(c) or vocab.asks_wh(c) for c in (first, second)]
        if not all(asks) or second.split()[0].lower() not in {*vocab.wh_words, *vocab.auxiliaries}:
            return [sentence]
        return [_asked(first), _asked(second)]

    def read(self, message: str, context: Context | None = None) -> Reading:
        """The reading of a message; follow-ups resolve against the context."""
        context = context or Context()
        vocab = self.vocabulary
        cleaned = vocab.spelled_out(strip_instructions(message)[0])
        shorter = vocab.asks_shorter(cleaned)
        if shorter is not None:
            # "ok now in one sentence, its for my ceo": the question before, answered shorter; "and an aso,
            # in one sentence?" asks its own question so
            again = (
                # "why is it pricier tho" → "make it shorter pls": the reason again, shorter
                self.read(context.why, context)
                if context.why
                else self.read(context.text)
                if context.text and not self._names_topic(shorter)
                else self.read(shorter, context)
            )
            return replace(again, message=message, cleaned=cleaned, brief=True)
        place = vocab.item_place(cleaned) if context.shape in LISTING_SHAPES and context.text else None
        if place is not None and not vocab.models_named(cleaned):
            # "the 2nd one? what does that mean in practice" after a list: its question asked again, for
            # the item the service then asks about
            return replace(self.read(context.text), message=message, cleaned=cleaned, item=place)
        ordinal = vocab.pointed_place(cleaned) if place is None and len(context.named) >= 2 else None
        if ordinal and 0 < abs(ordinal[0]) <= len(context.named) and not vocab.models_named(cleaned):
            # "the 2nd one, does it run payroll?" after "we're looking at peo, aso and hro": the ASO
            spot, words = ordinal
            model = context.named[spot - 1] if spot > 0 else context.named[spot]
            typed = re.compile(r"\b" + r"\s+".join(map(re.escape, words.split())) + r"\b", re.IGNORECASE)
            return replace(self.read(typed.sub(f"the {model}", cleaned, count=1), context), message=message)
        first = self.queries.read(cleaned)
        question = _the_question(cleaned, vocab)  # its grammar says how it asks; all of it, what about
        if vocab.asks_side_by_side(question):
            # "side by side pls: peo, aso and hro - employer or not, price": all of it asks
            question = cleaned
        # The shape is read from what a request asks for ("could you list…" asks for a list, not a yes).
        shaped = first.text
        if (vocab.opens_with_auxiliary(cleaned) or vocab.asks_wh(cleaned)) and (
            unremarked := vocab.before_remark(cleaned)
        ) != cleaned:
            # a remark after the question's comma is no part of its shape ("whats an hro, ppl keep
            # throwing that around" asks a definition)
            shaped = self.queries.read(unremarked).text
        asked_for = vocab.without_request(shaped) or shaped
        masked, written = self.encoder.encode([vocab.mask(asked_for), shaped])
        guess = self.shapes.guess(masked=masked, written=written)
        shape: Shape = guess.shape
        # The models the question names ("whats an HRO? keep seeing it next to PEO" asks of the HRO).
        named = vocab.models_named(question) or vocab.models_named(first.text)
        if len(named) >= 2 and (against := vocab.models_set_against(question)) and set(named) - set(against):
            named = tuple(m for m in named if m not in against)  # "the PEO pros that an ASO doesn't give"
        if len(named) >= 2 and (speaking := vocab.models_speaking(cleaned)) and set(named) - set(speaking):
            named = tuple(m for m in named if m not in speaking)  # "wisemonk claims a peo will…"
        if len(named) >= 2 and (alike := vocab.models_doing_alike(question)) and set(named) - set(alike):
            named = tuple(m for m in named if m not in alike)  # "…payroll taxes the way a peo does"
        pointer = _pointer(question, question, vocab) if context.models else None
        likened = vocab.models_likened(question) if context.models else ()
        if pointer not in ("one", "all") and set(named) - set(likened):
            likened = ()  # "is an ASO cheaper than a PEO?" asks of the ASO it names
        # ("would those devs be co-employed with us like in a PEO setup?" after our EOR advice asks of
        # the EOR: the PEO is only held up beside it)
        # "are they a PEO provider themselves?" after the publisher: how 'they' and a PEO differ
        equated = vocab.models_equated(question) if pointer else ()
        if equated and set(equated) != set(context.models[:1]):
            likened = equated
        of_them = pointer == "all" and bool(_THE_MODELS.search(words_of(question)))  # not "those devs"
        if likened and of_them and (pointed := tuple(m for m in context.models if m not in likened)):
            # "does either of them share liability the way a PEO would?" asks of them, not of the PEO
            named = pointed
        elif likened and context.models:
            # "is it a co-employer like the PEO?": 'it' is asked about, the PEO held up beside it
            named = tuple(dict.fromkeys((context.models[0], *likened)))
        elif len(named) >= 2 and (here := vocab.models_equated(cleaned)) and set(named) - set(here):
            equated = likened = here  # "a vendor pitched us an HRO, thats just a PEO with a new name?"
        # The words as typed first: typo fixing must not turn "suited" into "suite".
        # a remark beside a question with a topic of its own names no attribute of it ("…real HR
        # outsourcing, right? my CFO calls it payroll software")
        own_topic = len([w for w in content_terms(vocab.without_models(question)) if w not in STOPWORDS]) >= 2
        topic_text = question if own_topic and question != cleaned else first.text
        # a claim after a condition is of its own attribute ("if the aso messes up the payroll tax filings,
        # is it liable or are we?"); a condition scopes a wh-question ("if we move our benefits to a PEO,
        # what control do we give up?")
        asking = vocab.asking_clause(question)
        attributes = (
            (vocab.attributes_named(asking) if vocab.opens_with_auxiliary(asking) else ())
            or vocab.attributes_named(question)
            or vocab.attributes_named(topic_text)
        )
        # (the claim's own words: "my manager keeps saying…" leans no way)
        direction = vocab.direction_of(vocab.without_report(words_of(topic_text)))
        if (
            direction
            and len(attributes) >= 2
            and (compared := vocab.compared_attribute(question, attributes))
        ):
            # "which one lets us pick our own vendors/insurance more freely" compares on freedom
            attributes = (compared, *(a for a in attributes if a != compared))
        if len(attributes) >= 2 and (held := vocab.held_for(asking, attributes)):
            # "who is actually responsible for filing payroll taxes" asks of payroll
            attributes = (held, *(a for a in attributes if a != held))
        if attributes[:1] == ("best for",):
            direction = None  # "better for small firms" asks which fits them, not which has more
        # "if compliance is our biggest headache which one": the side giving more help with it
        direction = direction or vocab.wanted_of(topic_text, attributes[0] if attributes else None)
        if shape == "recommend" and not speaks_for_asker(cleaned):
            shape = "general"  # "is PEO or ASO the better fit for small firms?" asks what the guide says
        offers_models = len(named) >= 2 and " or " in f" {words_of(question)} "  # "…an HRO or an ASO thing?"
        unknown = set(content_terms(" ".join(first.unknown)))
        known = set(content_terms(vocab.without_models(first.text))) - unknown - STOPWORDS
        if shape == "definition" and len(known) >= DEFINITION_WORDS:
            shape = "general"  # "what does the aso service contract we sign spell out" asks of its contract
        if shape == "recommend" and not (vocab.asks_advice(question) or asks_for_recommendation(cleaned)):
            if guess.probability < CLEAR_SHAPE and vocab.asks_wh(question):
                shape = "general"  # "with a peo who does our employee handbook" asks who, not our advice
            elif any(vocab.without_request(clause) for clause in re.split(r"[,;:]", question)):
                shape = "definition" if named else "general"  # "can someone spell out peo, aso, hro and eor"
            elif vocab.declares_asking(question) and not offers_models:
                # "and they'd write our handbooks too?" asks whether it is so ("peo or aso for a 20 person
                # startup?" offers a choice)
                shape = "yes_no"
        if shape == "chit_chat" and vocab.row_place(cleaned) is not None:
            shape = "attribute"  # "ok and the very last row" asks a row of the table
        if shape == "chit_chat" and context.text and _echoes(question, context.text, vocab):
            shape = "general"  # "ok but how much help" asks more of the question before, no small talk
        if shape == "chit_chat" and context.models and vocab.asks_readers_share(first.text):
            shape = "general"  # "what stays w us?" after a question on an ASO asks what stays with us
        unsure = guess.probability < CLEAR_SHAPE and shape not in ("which_more", "recommend", "chit_chat")
        if shape in ("pros_cons", "list", "general", "attribute") and words_of(question).startswith("why "):
            shape = "why"  # "why is higher cost one of the PEO cons?" asks the guide's reason, not the list
        if named and shape not in ("recommend", "chit_chat") and vocab.asks_reasons_against(question):
            # "why not an aso?": the reasons against it, its cons; after our advice, why it passed it over
            shape, direction = ("why", direction) if context.shape == "recommend" else ("pros_cons", "less")
        reasons_for = (
            bool(named) and shape not in ("recommend", "chit_chat") and vocab.asks_reasons_for(question)
        )
        if reasons_for and not vocab.asks_reasons_against(question):
            # "why would anyone pick the aso then": the guide's list of when to choose it; after our advice,
            # why it chose that model
            shape = "why" if context.shape == "recommend" else "list"
        if unsure and context.text and _CARRY_OPENER.match(words_of(question)):
            shape = "swap"  # "what about the stuff after someone leaves, like cobra": the last question of it
        grammar_asks = vocab.opens_with_auxiliary(question) or vocab.declares_asking(question)
        if (shape in ("attribute", "general", "definition") or unsure) and grammar_asks:
            shape = "yes_no"  # "does the aso take stuff off my plate too or nah": its grammar asks yes or no
        statement = vocab.confirming(question)  # "isn't it true that X?", "X, right?" ask whether X
        unsure_yes_no = guess.probability < CLEAR_SHAPE and not (grammar_asks or statement)
        requested = vocab.without_request(question) or ""
        asks_whether = not {"if", "whether"}.isdisjoint(requested.split())  # "could you tell me if…"
        if shape == "yes_no" and (unsure_yes_no or (requested and not asks_whether)):
            # "compare peo and aso on benefits and cost": nothing in its grammar asks yes or no; "can you
            # compare…" is a request
            shape = "comparison" if len(named) >= 2 else "general"
        if (
            shape == "yes_no"
            and len(named) == 1
            and not attributes
            and (vocab.opens_with_request(cleaned) or _OR_WHAT.search(words_of(question)))
        ):
            # "explain aso to me like im new here - is it a company, a contract, or what?": the request
            # governs, and "…or what?" asks what it is, not yes or no
            shape = "definition"
        clauses = [c for c in re.split(r"[,;]", question) if c.strip() and not vocab.only_tag(c)]
        restated = [c for c in clauses[1:] if _restates(c, vocab)]
        if statement and restated:
            # "w/ a PEO we still run the team, they don't take that over, right?" puts up its first claim;
            # a clause pointing back at it ("they don't take that over") restates it
            kept = ", ".join(c for c in clauses if c not in restated)
            statement = vocab.confirming(f"{kept}, right?") or statement
        if shape == "yes_no" and not vocab.opens_with_auxiliary(question) and vocab.asks_wh(question):
            shape = "attribute" if attributes else "general"  # "…, whos responsible for the coverage"
        both = vocab.reference(first.text) == "all"  # "will either a PEO or an ASO…" asks of each
        two_sides = direction and len(named) >= 2 and shape in ("yes_no", "comparison", "general")
        # The sentence that asks offers the two sides ("is PEO or ASO pricier?", "PEO vs ASO, which…");
        # "PEO isn't cheaper than an ASO, is it" puts one statement up for a yes or no.
        offers_both = " or " in f" {words_of(question)} " or vocab.asks_wh(question)
        if two_sides and not both and offers_both:
            shape = "which_more"  # "is PEO or ASO pricier?" names the two sides and asks which
        if shape == "recommend" and _asks_which_has(question, cleaned, vocab):
            shape = "which_more"  # "which one would help with training our managers?" asks the guide
        # (words quoted are the guide's or somebody's, no facts of ours: "she says the guide literally says
        # the aso 'takes on risk and compliance'")
        facts = extract_profile(without_quoted(vocab.without_greeting(cleaned)))
        # "we're 400 people with an HR team… which model fits?" asks our advice, whichever way it leans.
        # "we only need help with reviews. is that an ASO or an HRO job?" asks which one for us, too.
        advice_on_facts = bool(facts.known()) and (
            vocab.asks_advice(question) or (offers_models and not vocab.direction_of(question))
        )
        # "40 people, one HR generalist, we keep our broker - which model" asks our advice; "…we're in 6
        # states - which model handles that better" leans a way: it asks which one does.
        leans = vocab.direction_of(question) is not None
        if (
            advice_on_facts
            and not leans
            and shape in ("which_more", "comparison", "general", "attribute", "yes_no")
        ):
            shape = "recommend"
        if (
            # "PEO vs HRO - which one becomes a co-employer?", "which one is meant for bigger firms?"
            (direction or len(named) >= 2 or attributes[:1] == ("best for",))
            # a request for our advice ("…, which model?") stays one unless its question leans a way
            and (
                shape in ("general", "comparison", "attribute")
                or (vocab.direction_of(question) and not vocab.asks_advice(question))
            )
            and shape not in ("chit_chat", "yes_no", "which_more")
            and (
                {"which", "who"} & set(question.lower().split()[:WHICH_REACH])
                # "whats cheaper for a 10 person company": a comparative straight after 'what' asks a side
                or _what_comparative(question, vocab)
            )
            and not advice_on_facts
            and _offers_sides(question, direction=direction)
        ):
            shape = "which_more"  # "which model is meant more for bigger firms?" asks for a side
        if statement and shape != "chit_chat" and (shape != "recommend" or not vocab.asks_advice(statement)):
            shape = "yes_no"  # "both of them get better rates, right?" asks whether it is so, not our advice
        criteria = vocab.asks_criteria(cleaned)  # "what should we be looking at when picking…"
        # (a message naming the pros-and-cons columns asks those, whatever else it asks)
        names_columns = bool(_PROS_CONS & set(first.terms))
        duty_shapes = ("general", "attribute") if names_columns else ("general", "attribute", "pros_cons")
        # (in the message, or in its question without its remarks: "what does an aso actually handle for
        # us? trying to understand what we'd be paying for")
        duties = vocab.asks_duties(cleaned) or vocab.asks_duties(question)
        if shape in duty_shapes and duties:
            # "what all does an aso handle for us, list pls", "what kind of stuff would we hand off to it"
            shape = "list"
        if shape in ("recommend", "which_more", "comparison") and criteria:
            shape = "list"  # the guide's criteria, not our advice nor a side ("which factors matter most")
        restating = {stem(w) for w in (*vocab.restating, *vocab.differing)}
        pointing = {stem(w) for kind in vocab.references.values() for p in kind for w in p.split()}
        # ("ok and the reverse" points back and says nothing of its own)
        unsaid = restating | pointing | {stem(w) for w in vocab.fillers}
        own_words = [w for w in first.terms if w not in MODEL_NAME_STEMS | unsaid and stem(w) not in unsaid]
        says_same = {stem(w) for w in words_of(cleaned).split()} & (restating - pointing)
        # "what if we went peo instead?" supposes another model and asks nothing of its own
        # (and "if we go aso what would we still do ourselves?" supposes the choice made and asks of it)
        unsupposed = vocab.without_supposition(question)
        only_supposes = unsupposed != words_of(question) and not [
            w
            for w in unsupposed.split()
            if w not in STOPWORDS and w not in vocab.wh_words and stem(w) not in restating
        ]
        if only_supposes and not statement:
            own_words = []
        if (
            # ("so if we go aso its basically all on us for that" puts up a conclusion of its own)
            (says_same or (only_supposes and not statement))
            and not own_words
            and named
            and context.text
            and shape != "chit_chat"
            and (shape != "recommend" or only_supposes)
        ):
            shape = "swap"  # "is it the same deal with the ASO?" asks the previous question of the ASO
        if (
            likened
            and (says_same or "differ" in words_of(question) or equated)
            and shape in ("swap", "yes_no", "general")
        ):
            shape = "comparison"  # "is that the same thing as a PEO?" (after an EOR) asks how the two differ
        models, attribute, reference = self._resolve(
            shape, named=named, attributes=attributes, text=first.text, question=question, context=context
        )
        if shape == "chit_chat" and reference == "other" and context.text:
            shape = "swap"  # "ok and the reverse": the question before, of the other model
        if shape in CARRY_OVER and context.shape and context.shape not in ("recommend", "chit_chat"):
            if shape == "swap":
                shape = context.shape  # type: ignore[assignment]
        elif shape == "swap":
            shape = "attribute" if attribute else "general"
        if shape == "comparison" and reference and len(models) < 2:
            shape = "general"
        implicit = (
            shape in IMPLICIT_PAIR
            or vocab.reference(first.text) == "all"  # "does either of them…"
            or (shape == "general" and attribute is not None)  # "which model is better for a startup?"
        )
        known_enough = bool(first.terms) and (bool(attribute) or len(first.unknown) * 2 <= len(first.terms))
        if not models and implicit and known_enough:
            models, reference = IMPLICIT_MODELS, "implicit"  # the guide's own subject: PEO vs ASO
        counterpart = COUNTERPART.get(models[0]) if len(models) == 1 else None
        if shape == "which_more" and counterpart and reference == "ellipsis" and _says_which(question):
            models = (*models, counterpart)  # "so if compliance is the worry, which one?" after the ASO
        if shape == "which_more" and len(models) == 1 and reference in ("ellipsis", "one", "swap", "other"):
            shape = "attribute"  # "who files the taxes then?" asks of the one model in play
        if shape == "which_more" and not direction and reference in ("all", "implicit") and both:
            # "what is each model best for?" asks the row for each, not a side; "do both of them help with
            # compliance?" asks yes or no of each
            shape = "yes_no" if grammar_asks else "attribute"
        # A yes/no about what a model does ("would an ASO work alongside our HR team?") asks the guide;
        # one about fit ("would an ASO make sense for us?", "do we need a PEO?") asks our advice.
        asks_of_model = (
            vocab.opens_with_auxiliary(question)
            and bool(models)
            and not vocab.asks_advice(question)
            and not offers_models
        )
        # "whichever one we pick, peo or aso, we're not stuck doing payroll anymore?" asks it of both
        of_every = vocab.asks_of_every_model(question)
        if of_every and question.rstrip().endswith("?") and not vocab.asks_wh(question):
            shape = "yes_no"
        # "are we even allowed to use an ASO at 25 people?" asks the guide's rules, in yes/no form
        asks_rule = bool(named) and vocab.asks_permission(question)
        if asks_rule and shape == "recommend":
            shape = "yes_no"
        # "on benefits it makes no difference whether we pick a PEO or an ASO, right?" claims a fact
        equal = vocab.claims_equal(question) and len(models) >= 2 and bool(attribute)
        if equal and shape in ("recommend", "general", "comparison", "which_more"):
            shape = "yes_no"
        factual = (
            of_every
            or asks_rule
            or equal
            or (shape == "yes_no" and bool(attribute) and not vocab.asks_advice(cleaned))
            or asks_of_model
            # "a peo will get our premiums down no matter what, right?" puts up a claim about the model
            or (statement is not None and bool(models) and not vocab.asks_advice(statement))
            or vocab.asks_everything(cleaned)  # "everything the guide says about operating in several states"
            # "how many hrs a week would an aso save our 2 person hr team?" asks a figure, whoever asks it
            or first.asks_figure
            # "…a direct quote from the guide: “An ASO is ideal if…” is that in there?" asks about its words
            or (without_quoted(cleaned) != cleaned and vocab.asks_whether_said(cleaned))
            # "need a 4 row compare: peo vs aso on cost, customizing, own vendors and who it's best for"
            or (
                len(named) >= 2
                and len(attributes) >= 2
                and vocab.asks_side_by_side(cleaned)  # ("…peo vs aso on payroll, tax filing, renewals")
                and not vocab.asks_advice(cleaned)
            )
        )
        # "bullet the aso pros + cons that matter for a multi-state co like ours" asks the guide's lists
        if names_columns and shape == "recommend":
            shape = "pros_cons"
        factual = factual or names_columns
        supposes = unsupposed != words_of(question) and not vocab.asks_advice(unsupposed)
        # A request for our recommendation speaks of choosing or of the models ("how many PTO days do we
        # get?" speaks of us, but asks nothing the rules table decides).
        about_models = bool(named) or vocab.asks_advice(cleaned) or guess.probability >= ADVICE_PROBABILITY
        # After our recommendation, "what would we give up vs a PEO?" asks about it, stating no new fact.
        about_advice = (
            context.shape == "recommend"
            and vocab.asks_wh(question)
            and not facts.known()
            and not vocab.asks_advice(question)  # "so which one for us?" asks it again
        )
        # "we're 600 people with a big HR team" asks nothing; facts about us are what the rules table decides.
        only_tells = bool(facts.known()) and not vocab.asks(cleaned)
        # "we're risk averse, so the ASO lines up better for us, yeah?" puts a fit up with our facts
        confirms_fit = statement is not None and advice_on_facts and bool(named)
        # "what if we hire an HR manager next year, does that flip it?" after our advice (also with a question
        # about the guide between): the advice again with the fact supposed ("would we have to drop our
        # current broker then?" asks the guide)
        revises = (
            (context.shape == "recommend" or context.advised)
            and bool(facts.known())
            and not vocab.models_named(cleaned)
            # ("update, cost is THE priority now. does that change your answer?"); "so what do we give up if
            # we go the cheaper route?" asks about it
            and (
                (
                    (vocab.supposes(cleaned) or vocab.asks_differs(cleaned))
                    and not (vocab.asks_wh(question) and not _WHAT_IF.match(words_of(question)))
                )
                or vocab.asks_next(question)  # "…keeping our broker is non-negotiable. now what?"
            )
        )
        # "what if we went aso instead?" after our advice puts that model up against it
        proposes = context.shape == "recommend" and only_supposes and len(named) == 1
        # "can u just tell me which is better for us, peo or aso" asks which fits us; "which is cheaper for
        # us?" leans a way: it asks which side the guide names
        asks_fit = shape == "which_more" and not direction and asks_for_recommendation(cleaned)
        wants = (
            only_tells
            # "…keeping our own ein. what's left?"; after our advice "…same answer?" asks it again, whatever
            # facts were read
            or (
                vocab.asks_next(question)
                and (bool(facts.known()) or context.advised or context.shape == "recommend")
            )
            or confirms_fit
            or asks_fit
            # "so which one" after our advice asks it again
            or (vocab.closes_with_which(question) and (context.advised or context.shape == "recommend"))
            or revises
            or proposes
            or (
                about_models
                # ("which model does the guide tie that to?" asks the guide; with our facts it asks for us)
                and not (shape in NOT_ADVICE or factual or about_advice)
                # (a part of the guide named asks the guide: "whats the tl;dr say we should weigh")
                and not (
                    (asks_the_guide(cleaned) or vocab.part_named(cleaned) is not None) and not facts.known()
                )
                and (
                    asks_for_recommendation(cleaned)
                    # facts of a company and a request for advice ask it, whoever's company it is ("sister
                    # co: 80 ppl, no HR, they want low cost… which model", a customer's in a ticket); "is it
                    # a good fit for a startup with no HR?" asks the guide
                    or (
                        shape == "recommend"
                        and (
                            speaks_for_asker(cleaned)
                            or (advice_on_facts and not vocab.opens_with_auxiliary(question))
                        )
                        and not supposes
                    )
                )
            )
        )
        if only_tells or confirms_fit or asks_fit:
            shape = "recommend"
        elif shape == "recommend" and not wants:
            # "is it a good fit for a small startup?" asks what the guide says, in yes/no form.
            shape = "yes_no" if grammar_asks else "general"
        if shape == "general" and len(named) >= 2 and attribute and not wants:
            shape = "comparison"  # "peo vs aso for compliance help?" compares them on it
        claimed = _OFFERED_DENIAL.split(question)[0]
        if (
            shape == "comparison"
            and claimed != question
            and len(vocab.models_named(claimed)) == 1
            and grammar_asks
        ):
            shape = "yes_no"  # "can an hro run our payroll or is that just a peo/aso thing" claims it of one
        if (
            _says_which(question)
            and reference in ("all", "implicit")
            and len(models) >= 2
            and (shape in ("general", "attribute") or (direction and shape in ("pros_cons", "list")))
        ):
            # "which of those would help us with recruiting?", "which model gives less support to growing
            # smbs" ask for a side
            shape = "which_more"
        # a leading 'if we sign with a PEO' is no part of the claim asked about
        proposition = statement or vocab.asking_clause(vocab.unembedded(question))
        # "can an ASO help with reporting too or is it purely a payroll thing?": the first alternative is
        # the claim; the second only offers its denial
        if shape == "yes_no":
            proposition = _PURPOSE.split(_OFFERED_DENIAL.split(proposition)[0])[0]
        if of_every:  # "whichever one we pick, peo or aso, they run payroll?": the claim, of each model
            claim = [c for c in re.split(r"[,;]", question) if not vocab.asks_of_every_model(c)]
            rest = ", ".join(c for c in claim if not vocab.models_named(c) and c.strip())
            proposition = (vocab.confirming(rest) or words_of(rest)) if rest else proposition
        said = words_of(proposition).split()
        # "if we were on an aso would they help enroll her" asks of the ASO: 'they' is the subject
        # ("if we go with a peo are we stuck using their systems?": 'their' is the PEO's)
        of_named = bool(vocab.models_named(question)) and (
            (vocab.opens_with_auxiliary(proposition) and vocab.reference(" ".join(said[1:2])) is not None)
            or "their" in said
            or vocab.causes_model(question)  # "…go aso and have them file the taxes?"
        )
        # (the 'that' of a tag, "…, is that accurate?", points at the claim it ends; a claim put up
        # naming a model speaks of it: "an aso is just a consultant, they give advice…, is she right")
        points = vocab.reference(statement or proposition) in ("one", "all")
        if (
            question != cleaned
            and points
            and not of_named
            and not (statement and vocab.models_named(statement))
        ):
            # "we have an HR team. would an ASO work alongside them?": what 'them' is stands in the remark;
            # who says it does not ("we have people in 4 states - can a PEO handle the taxes for all of
            # them?" asks whether the PEO does it, not whether we do).
            put = question if statement else proposition
            # (a remark after the question says what is pointed at only for a bare pointer, "…all of
            # them? we have ppl in 4 states"; "can we get into those pooled plans thru an aso? our current
            # plan is kinda meh" asks of the pooled plans)
            before, _, after = cleaned.partition(question)
            remark = before if before.strip() else after if _bare_pointer(question) else ""
            proposition = f"{put} {without_asker(remark)}".strip()
        topic_before = (
            ((reference == "one" and not named) or (bool(named) and context.shape not in (None, "yes_no")))
            and bool(context.text)
            and _points_at_topic(question, vocab)
        )
        if topic_before:
            # "who handles COBRA with a PEO?" → "can we still do it our own way?": 'it' is what was asked
            # about (COBRA), not the model; "what's benefits leverage?" → "does an ASO offer that?"
            proposition = f"{proposition} {_topic_of(context.text, vocab)}"
            attribute = attribute or context.attribute
        if reference == "swap" and says_same and not own_words and context.shape in LISTING_SHAPES:
            shape = context.shape  # "first thing that happens with a PEO, step 1?" → "same for an ASO?"
        elif reference == "swap" and says_same and not own_words and vocab.asks_wh(context.text):
            if context.attribute or not context.models or set(models) == set(context.models):
                # "who manages workers' comp under a PEO?" → "same for an ASO?": is it the same?
                shape = "yes_no"
            else:  # "what does a PEO do?" → "is it the same deal with an ASO?": how do they differ?
                shape, models = "comparison", tuple(dict.fromkeys((*context.models[:1], *models)))
        if shape == "yes_no" and not own_words and context.text and (reference or named):
            # "and the other one?", "does the same apply to an ASO?": the previous question again; after a
            # wh-question ("what does benefits leverage mean?" → "does an ASO give us any of that?") its
            # topic, asked in this question's grammar
            proposition = context.text
            # ("would that be any different with a PEO?" after "who's on the hook?" asks that again)
            differs = vocab.asks_differs(question)
            if context.shape not in (None, "yes_no") and vocab.opens_with_auxiliary(question) and not differs:
                proposition = f"{words_of(question)} {_topic_of(context.text, vocab)}"
            attribute = attribute or context.attribute
            direction = direction or vocab.direction_of(proposition)
            reference = reference or "swap"
        elif shape == "yes_no" and reference == "swap" and context.shape == "yes_no" and context.attribute:
            # "what about firing?" after "do we lose control of hiring with a PEO?": that question, of firing
            asked = _topic_of(_CARRY_OPENER.sub("", words_of(question), count=1), vocab)
            said = words_of(vocab.asking_clause(vocab.unembedded(context.text))).split()
            at = next((i for i, w in enumerate(said) if context.attribute in vocab.attributes_named(w)), None)
            if asked and at is not None and vocab.claims_whole(asked):
                # "for everything??" after "is the peo basically the employer of record?": that claim,
                # of the whole
                proposition = f"{' '.join(said)} {words_of(question)}"
            elif asked and at is not None:
                proposition = " ".join([*said[:at], asked, *said[at + 1 :]])
                direction = direction or vocab.direction_of(proposition)
        masked_claim = vocab.mask(proposition)
        claim_vector: Callable[[], np.ndarray] = lambda: masked  # noqa: E731
        if shape == "yes_no" and masked_claim != vocab.mask(asked_for):
            # the cells are weighed against the claim asked, not the remarks or tag around it ("my cfo
            # thinks an ASO takes on our liability. is that right?")
            claim_vector = cache(lambda: self.encoder.encode([masked_claim])[0])
        query, vector = first, written
        extra = [m for m in models if m not in named]
        if attribute and attribute not in first.text:
            extra.append(attribute)  # the guide's word for it: "certifications" searches "accreditation"
        if criteria and not attribute:
            # "what do we check before signing": what the guide weighs to decide ("what certifications
            # should we look for" asks of its own thing)
            extra += vocab.criteria_search
        if reasons_for and shape == "list":
            extra.append("choose")  # "whats the appeal of an aso" searches its list of when to choose it
        if reference == "why" and context.text:
            extra.append(context.text)
        elif (reference in ("other", "swap", "ellipsis") and context.text and not own_words) or topic_before:
            extra.append(vocab.without_models(context.text))  # "and the other one?" asks that again
        # "are we even eligible for an ASO?": 'eligible' asks the rule, it is not the guide's eligibility
        searched = vocab.without_permission(cleaned) if asks_rule else cleaned
        if asks_rule:
            first = self.queries.read(searched)
        if extra or asks_rule:
            query = self.queries.read(f"{searched} {' '.join(extra)}")
            query = _with_models(query, models)
            vector = self.encoder.encode([query.text])[0]
        else:
            query = _with_models(query, models)
        if asks_rule and asks_figure(cleaned):  # "is there a minimum number of employees…": the figure asked
            query = replace(query, asks_figure=True)
        confirmed = vocab.confirming(cleaned)
        # "can u paste the guide's tldr", "what questions does the faq cover": a part of the guide, whole
        # (not "the faq says a peo shares certain liabilities - which ones?": that asks of a model, in it)
        rest = vocab.without_parts(cleaned)
        narrower = (
            wants or shape == "yes_no" or vocab.attributes_named(rest) or len(vocab.models_named(rest)) == 1
        )
        part = vocab.part_named(cleaned) if not narrower else None
        # "we're 40 ppl, no hr - insperity or justworks?" asks of providers, not models
        vendors = vocab.vendors_named(cleaned, first.unnamed)
        # "the 2nd one?" → "same step for a peo?", "and for an aso?": that place of its list
        relisted = (
            reference == "swap" and not own_words and shape == context.shape and shape in LISTING_SHAPES
        )
        item = context.item if relisted else None
        return Reading(
            message=message,
            cleaned=cleaned,
            proposition=proposition,
            shape=shape,
            probability=guess.probability,
            models=models,
            attribute=attribute,
            direction=direction,
            reference=reference,
            wants_recommendation=wants and not vendors,
            vendors=vendors,
            mentioned=vocab.models_named(cleaned),
            put_up=named[0] if proposes else next(iter(vocab.models_named(confirmed or "")), None),
            facts=facts,
            claim_vector=claim_vector,
            item=item,
            duties=duties,
            query=query,
            asked=_with_models(first, models),
            vector=vector,
            part=part,
            starts_over=vocab.starts_over(cleaned),
            # ("…$250 a month per head for a peo, is that about right?" asks a figure, which it lacks)
            unknown_object=(
                unknown_object(proposition, question, query, guide=self.guide_words, encoder=self.encoder)
                if shape == "yes_no" and not query.asks_figure
                else None
            ),
        )

    def _names_topic(self, text: str) -> bool:
        """True when the text names a model or a word the guide uses ("for my ceo" names none)."""
        query = self.queries.read(text)
        unknown = set(content_terms(" ".join(query.unknown)))
        return bool(query.models) or any(t not in unknown and t not in STOPWORDS for t in query.terms)

    def _resolve(
        self,
        shape: Shape,
        *,
        named: tuple[str, ...],
        attributes: tuple[str, ...],
        text: str,
        question: str,
        context: Context,
    ) -> tuple[tuple[str, ...], str | None, str | None]:
        """Models, attribute and how the message pointed back at the context (None: it did not)."""
        attribute = attributes[0] if attributes else None
        if not context.models and not context.attribute:
            return named, attribute, None
        pointer = _pointer(question, text, self.vocabulary)
        if pointer == "other" and context.models and not named:
            return _counterpart(context.models), attribute or context.attribute, "other"
        if shape == "why":
            return named or context.models, attribute or context.attribute, "why"
        if shape == "swap":
            # "same for an ASO?" keeps the attribute; "and workers comp?" keeps the models; after a
            # comparison, the new model takes the place of the one compared with ("HRO vs PEO" → "same
            # question for an ASO?" → HRO vs ASO).
            if len(named) >= 2:
                return named, attribute or context.attribute, "swap"  # "and aso vs hro?" names its pair
            if named and len(context.models) >= 2 and context.shape == "comparison":
                kept = tuple(m for m in context.models[:-1] if m not in named)
                return (*kept, *named), attribute or context.attribute, "swap"
            if (
                not named
                and pointer == "all"
                and len(context.models) == 1
                and context.models[0] in COUNTERPART
            ):
                # "what about both of them?" after a question on one model asks it of each
                return (
                    (*context.models, COUNTERPART[context.models[0]]),
                    attribute or context.attribute,
                    "swap",
                )
            return named or context.models, attribute or context.attribute, "swap"
        if named:
            if (pointer or len(named) == 1) and shape in ("comparison", "which_more"):
                # "that vs an HRO": 'that' is the model in focus; "those vs an HRO" all of them
                held = context.models[:1] if pointer == "one" else context.models
                joined = tuple(dict.fromkeys((*held, *named)))
                return joined, attribute or context.attribute, "one"
            return named, attribute, None
        if (
            pointer == "all"
            and len(context.models) == 1
            and not set(words_of(text).split()) - _COMPANY_PRONOUNS
            & {w for phrase in self.vocabulary.references["all"] for w in phrase.split()}
        ):
            pointer = "one"  # "do they manage me now?" after a PEO: a company is 'they'
        if pointer == "all" and len(context.models) == 1 and context.models[0] in context.named[1:]:
            # "which of those two…" after "does an aso…?" → "same for hro?": the models the talk went through
            return context.named, attribute or context.attribute, pointer
        if pointer == "all" and len(context.models) == 1 and (other := COUNTERPART.get(context.models[0])):
            return (*context.models, other), attribute or context.attribute, pointer  # "true for both?"
        if pointer == "one" and context.shape in ("which_more", "recommend"):
            # "any downsides going that route?": the side named, or the one our advice chose
            return context.models[:1], attribute, pointer
        if pointer in ("all", "one"):
            return context.models, attribute, pointer
        content = [w for w in text.split() if w not in STOPWORDS]
        if context.models and len(content) <= ELLIPSIS_WORDS and shape != "chit_chat":
            # "how much help tho" after "do asos help w compliance?" asks more of that question's attribute
            echoed = _echoes(text, context.text, self.vocabulary)
            return context.models, attribute or (context.attribute if echoed else None), "ellipsis"
        return (), attribute, None


def _asked(clause: str) -> str:
    """The clause with its question mark."""
    return clause if clause.rstrip().endswith("?") else f"{clause.rstrip()}?"


def _echoes(text: str, before: str, vocab: Vocabulary) -> bool:
    """True when every word the text says of its own is a word of the question before ("ok but how much
    help" after "does a peo help with workers comp")."""
    fillers = {stem(w) for w in vocab.fillers}
    own = {stem(w) for w in words_of(text).split() if w not in STOPWORDS} - fillers
    return bool(own) and own <= {stem(w) for w in words_of(before).split()}


def _pointer(question: str, text: str, vocab: Vocabulary) -> str | None:
    """How a message points back: its question's clause before a comma first ("so how is it different
    from an aso then, both sound like just vendors" asks of 'it': the remark's 'both' are the two
    compared), else anywhere in the text."""
    return vocab.reference(question.split(",")[0]) or vocab.reference(text)


def _counterpart(models: tuple[str, ...]) -> tuple[str, ...]:
    """What "the other one" points at: the counterpart of the model in focus, the one the previous
    question was about ("who files the taxes with an ASO instead of a PEO?" is about the ASO, so the
    other one is the PEO); the models themselves when the one in focus has no counterpart."""
    other = COUNTERPART.get(models[0])
    return (other,) if other else models


def _bare_pointer(question: str) -> bool:
    """A pointer word of the question stands for a thing on its own ("handle the taxes for all of them"),
    not as the determiner of a noun ("those pooled plans")."""
    said = words_of(question).split()
    return any(
        w in VOCABULARY.pronouns.pointing and (i + 1 == len(said) or said[i + 1] in STOPWORDS)
        for i, w in enumerate(said)
    )


def _the_question(text: str, vocab: Vocabulary) -> str:
    """The sentence that asks, without the remarks around it: the first ending in '?' ("tbh I'm nervous.
    do we lose control?", "is there a list? my boss says so"), else a last sentence that asks in
    grammar ("we're small. which one helps more with compliance"), else the one sentence that asks."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    if len(sentences) < 2:
        return _past_remark(text, vocab)
    asking = [i for i, s in enumerate(sentences) if s.rstrip().endswith("?")]
    last = sentences[-1]
    # "new hire starts monday - if we were on an aso would they help enroll her" asks past its condition
    asks = vocab.opens_with_auxiliary(vocab.asking_clause(last)) or vocab.asks_wh(last)
    at = asking[0] if asking else len(sentences) - 1 if asks else None
    if at is None:
        # "list everything it says abt multi-state. we're in 3 states" asks in its request
        requesting = [i for i, s in enumerate(sentences) if vocab.asks(s)]
        if len(requesting) != 1:
            return text
        at = requesting[0]
    if at and vocab.only_tag(sentences[at]):
        # "my boss thinks a PEO takes over - true?": the tag asks whether the remark before it holds.
        return f"{sentences[at - 1].rstrip(' .!,')}, {sentences[at].strip()}"
    after = words_of(sentences[at + 1]).split() if at + 1 < len(sentences) else []
    if after[:1] == ["or"] and vocab.models_named(" ".join(after[1:3])):
        # "and with an aso? or an hro for that matter": the alternative model goes on asking ("…? or is
        # that only a peo thing" offers the claim's denial)
        return f"{sentences[at].strip()} {sentences[at + 1].strip()}"
    return _past_remark(sentences[at], vocab)


def _past_remark(sentence: str, vocab: Vocabulary) -> str:
    """A sentence asking after a remark and a comma, from where it asks ("our hr lead spends 2 days a
    month on reports, does an aso help with reporting?" asks "does an aso help with reporting?"); a
    sentence that itself opens asking, or holds no such clause, as it is."""
    if vocab.opens_with_auxiliary(sentence) or vocab.asks_wh(sentence):
        return vocab.before_remark(sentence)
    # (not a tag: "an aso runs payroll, does it?" puts the remark up)
    clause = vocab.asking_after_comma(sentence)
    asks = clause is not None and len(words_of(clause).split()) >= ASKING_WORDS and not vocab.only_tag(clause)
    return clause if clause and asks else sentence


def _what_comparative(question: str, vocab: Vocabulary) -> bool:
    """'What' with a comparative straight after it ("whats cheaper…", "what is more flexible…") asks
    which side, as 'which' does ("what do we lose…" does not)."""
    said = words_of(question).split()
    after = said[1:2] if said[:1] == ["whats"] else said[2:3] if said[:2] == ["what", "is"] else []
    return bool(after) and vocab.direction_of(after[0]) is not None


def _asks_which_has(question: str, cleaned: str, vocab: Vocabulary) -> bool:
    """A which-question asking which model has a capability or a property ("which one would help with
    training our managers?", "which is easier to tailor?"), not which fits us: no word of advice or
    choice in it ("which one suits us?", "which should we pick?")."""
    return _says_which(question) and not vocab.asks_advice(question) and not asks_for_recommendation(cleaned)


def _says_which(question: str) -> bool:
    """'which' among the first words of the question or of one of its clauses ("hro vs aso - which one
    covers more?", "of the options the guide covers, which one is meant for recruiting?")."""
    clauses = re.split(r"[,;:]", question.lower())
    said = words_of(question).split()
    if any(w in _WHICH and nxt in VOCABULARY.which_things for w, nxt in pairwise(said)):
        return False  # "which countries do they work in?" asks for things, not for a side
    # or closing it: "so if compliance is our biggest headache rn which one"
    return any(_WHICH & {*clause.split()[:WHICH_REACH], *clause.split()[-2:]} for clause in clauses)


def _topic_of(text: str, vocab: Vocabulary) -> str:
    """What a question asked about, without its models, grammar or words about the guide's wording
    ("the faq says to weigh benefits leverage - what does that mean" → "benefits leverage")."""
    said = words_of(vocab.without_models(text)).split()
    return " ".join(
        w for w in said if w not in STOPWORDS and w not in vocab.wh_words and w not in vocab.speaking_of_text
    )


def _restates(clause: str, vocab: Vocabulary) -> bool:
    """A clause that only points back at the one before ("they don't take that over", "it stays that
    way"): 'that'/'it'/'this' as its object, no model and no word of a topic of its own."""
    said = words_of(clause).split()
    return (
        len(said) >= 3
        and not vocab.models_named(clause)
        and bool(vocab.pronouns.objects & set(said[1:]))
        and not vocab.attributes_named(clause)
    )


def _points_at_topic(question: str, vocab: Vocabulary) -> bool:
    """'it'/'that' stands as the object of someone's doing ("can we do it our own way?", "do they
    handle that?", "does an ASO offer that?"): it points at the thing last asked about, not at the model
    ("is it cheaper?")."""
    said = words_of(question).split()
    pointer = next((i for i, w in enumerate(said) if w in vocab.pronouns.objects), None)
    return pointer is not None and any(
        w in vocab.pronouns.subjects or vocab.models_named(w) for w in said[:pointer]
    )


def _offers_sides(question: str, *, direction: str | None) -> bool:
    """The question asks for one side: it says which, offers the models with 'or', or leans a way ("who
    takes on more liability"). "Who carries the liability in a PEO vs an ASO" asks of each model."""
    said = f" {words_of(question)} "
    return bool(direction) or " which " in said or " or " in said


def _with_models(query: Query, models: tuple[str, ...]) -> Query:
    """The query with the resolved models (retrieval weighs chunks by them)."""
    if query.models == models:
        return query
    from dataclasses import replace

    return replace(query, models=models)
