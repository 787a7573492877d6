"""The answer chain as a LangChain runnable: retrieve for a reading, compose in its shape, cite and verify."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from bot.answer_shapes import about_guide, about_item, compose_answer, quote_answer
from bot.citations import cite, verify
from bot.compose import Draft
from bot.contract import Citation, Status
from bot.guide_words import GuideWords
from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY
from bot.prompts import AnswerTexts
from bot.quotes import find_quote, quoted_to_check
from bot.refusal import lacks, refusal
from bot.retrieval import HybridRetriever, Retrieval
from bot.scope import in_scope
from bot.text_match import normalize, stem
from bot.understanding import Reading

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChainResult:
    status: Status
    answer: str
    citations: list[Citation]
    retrieval: Retrieval | None = None  # what was retrieved (for the agent console's trace)
    used: tuple[str, ...] = ()  # ids of the chunks the answer's claims quote, in claim order
    focus: tuple[str, ...] = ()  # the model the answer names (a which-question's side)
    listed: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a list answer's (title, items), as shown


def build_chain(
    *, kb: Knowledge, retriever: HybridRetriever, texts: AnswerTexts, other_hr_channel: str | None = None
) -> Runnable[dict[str, Any], ChainResult]:
    """{'reading'} in (a message read once by MessageReader), a verified ChainResult out."""

    corpus_stems = frozenset(stem(w) for w in kb.vocabulary)

    def retrieve(x: dict[str, Any]) -> dict[str, Any]:
        reading: Reading = x["reading"]
        return {**x, "found": retriever.retrieve(reading.query, reading.vector)}

    def declined(reading: Reading, found: Retrieval) -> ChainResult:
        return ChainResult("out_of_scope", refusal(reading, texts, channel=other_hr_channel), [], found)

    def answer(x: dict[str, Any]) -> ChainResult:
        reading: Reading = x["reading"]
        # A follow-up is judged with what it refers back to; a new question on its own words, and one
        # naming no model nor table row without the guide's subject ("how many vacation days do I get?"
        # is not about PEOs because the guide's subject is PEO vs ASO).
        pointed = VOCABULARY.reference(reading.cleaned) is not None  # "the two models", "either"
        if reading.reference == "implicit" and not reading.attribute and not pointed:
            judged = replace(reading.asked, models=())
        else:
            judged = reading.query if reading.reference is not None else reading.asked
        named = set(reading.mentioned)
        # "who wrote this guide?", "…are they a PEO themselves?"
        if VOCABULARY.asks_about_guide(reading.cleaned) and named - {"EOR"} <= set(
            VOCABULARY.models_equated(reading.cleaned)
        ):
            return finished(about_guide(kb, texts), reading, x["found"])
        # "cfo quoted the guide saying "…" - is that actually in there?": the words looked up, not weighed
        if quoted := quoted_to_check(reading.cleaned, reading.shape):
            draft = quote_answer(reading, find_quote(kb, quoted), x["found"], kb, texts)
            return finished(draft, reading, x["found"])
        # "What does California law say about PEOs?"; a model's missing figure is said below instead.
        # ("does the guide give actual $ numbers" after a question on cost asks it of those models)
        pointed_back = reading.reference not in (None, "implicit")
        figure_of_model = reading.query.asks_figure and bool(reading.mentioned or pointed_back)
        # "$99/month is what a PEO would run us, right?": however many words the guide lacks, it can say
        # it gives no figure and what it says of the cost
        priced = figure_of_model and reading.attribute is not None
        # "where does the guide talk about HROs?" asks of the guide itself
        where = VOCABULARY.asks_where_said(reading.cleaned) and bool(reading.mentioned or reading.attribute)
        chat = reading.shape == "chit_chat" and not reading.models
        details = frozenset(GuideWords.of(kb).details(judged.terms))
        covered = in_scope(judged, x["found"], details=details)
        if reading.vendors:  # "is trinet a peo or an aso?": the guide names no providers
            return declined(reading, x["found"])
        if not (reading.part or where or reading.about_item) and (chat or not (covered or priced)):
            return declined(reading, x["found"])
        # what is asked, not a remark beside it ("…right? our CFO calls it just payroll software")
        # (a follow-up's proposition is the question before, answered already: its own words are judged)
        asked = reading.cleaned if reading.reference else reading.proposition
        # "our company signed with a PEO - who's running my paycheck now?" asks what the model does
        of_model = bool(reading.models) and reading.reference != "implicit" and reading.attribute is not None
        # a leading condition is part of what is asked ("if an ex-employee sues us, is the PEO on the hook?")
        condition = "" if reading.reference else VOCABULARY.condition_of(reading.cleaned)
        gap = lacks(asked, texts, unknown_to=corpus_stems) or lacks(condition, texts, unknown_to=corpus_stems)
        # "does a PEO handle our OSHA compliance?": a name the guide never uses, asked in the claim
        unnamed = [w for w in reading.query.unnamed if w in normalize(reading.proposition).split()]
        if unnamed and reading.query.asks_figure:
            # "how much does trinet charge per employee?": a named vendor's figure, which the guide never
            # gives, whatever it says of the model's cost
            return declined(reading, x["found"])
        if not gap and unnamed and reading.shape == "yes_no":
            gap = " or ".join(_as_typed(w, reading.message) for w in unnamed)
            of_model = True  # nothing to refuse: the nearest the guide says, without a yes or no
        if gap and not (figure_of_model or of_model):
            return declined(reading, x["found"])
        draft = compose_answer(reading, x["found"], kb, texts)
        if reading.about_item:  # "the 2nd one? what does it mean": which item is answered, first
            draft = about_item(draft, reading.about_item, texts)
        if gap and not figure_of_model and reading.shape == "yes_no":
            # "would the PEO run our 401k too?": no yes or no the guide cannot give; what it says nearest
            draft.lead = texts.fill("gap_lead", gap=gap)
        return finished(draft, reading, x["found"])

    def finished(draft: Draft, reading: Reading, found: Retrieval) -> ChainResult:
        """The draft cited and verified; declined when it holds nothing or fails verification."""
        if not draft.claims or draft.weak:
            return declined(reading, found)
        text, citations = cite(draft)
        problems = verify(text, citations, kb)
        if problems:
            log.error("answer withheld, verification failed: %s", "; ".join(problems))
            return declined(reading, found)
        used = tuple(dict.fromkeys(claim.chunk.id for claim in draft.claims))
        groups = draft.groups or ([("", draft.claims)] if draft.as_list else [])
        listed = tuple((title, tuple(c.text for c in claims)) for title, claims in groups)
        return ChainResult("answered", text, citations, found, used, draft.focus, listed)

    return RunnableLambda(retrieve) | RunnableLambda(answer)


ACRONYM_LETTERS = 5  # an unknown short word typed in lower case reads as an acronym ('osha' → 'OSHA')


def _as_typed(word: str, message: str) -> str:
    """The word as the user typed it ('EEO-1'), a short lower-case one as an acronym ('OSHA')."""
    typed = re.search(rf"\b{re.escape(word)}\b", message, re.IGNORECASE)
    said = typed.group(0) if typed else word
    return said.upper() if said.islower() and len(said) <= ACRONYM_LETTERS else said
