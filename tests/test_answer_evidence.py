"""Verdicts, sides, lists and support taken from the evidence that speaks to what was asked."""

from __future__ import annotations

from functools import partial

import pytest

from tests.support import ask

pytestmark = pytest.mark.slow


_ask = partial(ask, answered=False)


@pytest.mark.parametrize("question", ["explain employers of record to me", "EOR? what is that"])
def test_a_model_described_only_by_the_publisher_is_described_with_whose_words_they_are(
    service, question: str
) -> None:
    reply = _ask(service, question)
    assert reply.status == "answered", reply.answer
    assert reply.answer.startswith("The guide touches on this only in its publisher's description")
    assert "without setting up a local entity" in reply.answer


def test_a_refusal_claims_no_more_than_the_guide_covers(service) -> None:
    refused = _ask(service, "how many PTO days do I have left this year?")
    assert refused.status == "out_of_scope"
    assert "EOR" not in refused.answer


@pytest.mark.parametrize(
    "question",
    ["how is payroll handled in a PEO vs an ASO", "what do benefits look like with a PEO and with an ASO"],
)
def test_a_row_asked_of_two_models_gets_no_overview_of_the_whole_choice(service, question: str) -> None:
    answer = _ask(service, question).answer
    assert answer.startswith("The guide's table lists")
    for overview in ("made simple", "comes down to", "Short version"):
        assert overview not in answer


def test_who_does_something_in_two_models_asks_each_models_row_not_a_side(service) -> None:
    answer = _ask(service, "who is on the hook for workers comp in a PEO vs an ASO").answer
    assert answer.startswith("The guide's table lists workers’ comp for a PEO as")


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        # the sentence on the thing asked settles it, not the benefits row ("You source your own")
        ("will an ASO take care of our benefits renewals and enrollment?", "Yes"),
        # "Limited help with payroll taxes" would be some help: a limited thing is there in part
        ("is an ASO any help with compliance?", "Partly"),
        # what we have now is our own: the one cell of the reader's own ("You source your own") decides
        ("going peo - do we get to hang on to our existing broker and plans?", "No"),
        ("could we stick with our current broker + plans under an aso", "Yes"),
        # a duty staying with us ("You stay responsible") denies a takeover and confirms our share
        ("with an aso, would workers comp be totally off our plate?", "No"),
        ("if we pick an aso the workers comp stuff is still on us, right?", "Yes"),
        ("can an aso take our workers comp completely off our hands", "No"),
        # 'employees' names no price ('per employee' does): better insurance is no cheaper service
        ("do employees get better insurance with an aso", "No"),
    ],
)
def test_a_verdict_comes_from_the_evidence_on_what_is_asked(service, question: str, opening: str) -> None:
    answer = _ask(service, question).answer
    assert answer.startswith(opening), answer


@pytest.mark.parametrize(
    "question", ["will an ASO always be the cheaper option?", "does a PEO cost more every time?"]
)
def test_an_always_question_answered_by_a_rule_of_thumb_is_not_always(service, question: str) -> None:
    answer = _ask(service, question).answer
    assert answer.startswith("Not always"), answer
    assert "typically" in answer or "often" in answer or "can also" in answer


@pytest.mark.parametrize(
    "question", ["what do people usually get wrong about an ASO vs a PEO?", "list the myths about PEOs"]
)
def test_myths_are_the_guides_misconceptions_with_their_corrections(service, question: str) -> None:
    answer = _ask(service, question).answer
    assert answer.count("\n- ") >= 4
    assert "Not true" in answer and "Only partly true" in answer


@pytest.mark.parametrize(
    ("question", "lead_in"),
    [
        ("how can we tell whether a PEO is the best fit for our business?", "choose a PEO if:"),
        ("how can a company tell an ASO is the best fit for it?", "choose an ASO if:"),
    ],
)
def test_signs_a_model_fits_are_its_choose_if_list(service, question: str, lead_in: str) -> None:
    assert lead_in in _ask(service, question).answer.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("which model is easier to tailor to our needs?", "ASO"),  # "Harder to customize services" (PEO)
    ],
)
def test_which_one_names_the_side_the_guide_says_it_of(service, question: str, side: str) -> None:
    answer = _ask(service, question).answer
    assert answer.startswith(f"That's an {side}, per the guide"), answer


def test_which_of_the_models_in_play_asks_for_a_side(service) -> None:
    answer = _ask(service, "compare a PEO and an ASO", "which of those handles workers comp for us?").answer
    assert answer.startswith("That's a PEO, per the guide"), answer


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("While an ASO keeps costs down, there are caveats.", "lead_in"),  # announces what follows
        ("Unlike a PEO model, there is no co-employment.", "content"),
    ],
)
def test_a_sentence_announcing_what_follows_is_a_lead_in(sentence: str, role: str) -> None:
    from ingest.sentence_roles import sentence_role

    assert sentence_role(sentence) == role


def test_a_yes_no_for_each_model_cites_the_evidence_for_each(service) -> None:
    reply = _ask(service, "do an ASO and a PEO both get employees into pooled health plans?")
    assert reply.answer.startswith("Only for a PEO, not for an ASO"), reply.answer
    assert "“You source your own”" in reply.answer or "No access to pooled benefits" in reply.answer
    assert "there are trade-offs" not in reply.answer


def test_a_phrase_of_one_attribute_is_not_read_as_two() -> None:
    from bot.language.vocabulary import VOCABULARY

    assert VOCABULARY.attributes_named("who counts as the legal employer then")[:1] == ("employer role",)


def test_same_for_another_model_after_a_wh_question_compares_their_cells(service) -> None:
    reply = _ask(service, "who is the legal employer under a PEO?", "is that the same with an ASO?")
    assert reply.answer.startswith("No, not for an ASO"), reply.answer


def test_what_a_model_makes_us_give_up_on_an_attribute_without_a_row_lists_its_cons_on_it(service) -> None:
    answer = _ask(service, "tell me about PEOs", "what flexibility would we give up?").answer
    assert "Less flexibility in choosing vendors" in answer and "Harder to customize services" in answer
    assert "Higher cost than ASO" not in answer  # a con, but not on what was asked


def test_support_speaks_of_the_attribute_in_its_own_words_not_in_a_list_lead_in(service) -> None:
    answer = _ask(service, "for a PEO and for an ASO, what sort of business is each ideal for?").answer
    assert answer.startswith("The guide's table lists a PEO as best for")
    assert "works best if you only want to outsource" not in answer  # 'best' here is no 'best for'


def test_two_models_the_guide_never_compares_say_so_and_what_it_says_of_each(service) -> None:
    answer = _ask(service, "how does an employer of record differ from an ASO?").answer
    assert answer.startswith("The guide doesn't compare them directly"), answer
    assert "without setting up a local entity" in answer and "Administrative Services Organization" in answer


def test_a_verb_and_its_particle_hold_an_object_between_them() -> None:
    from bot.language.vocabulary import VOCABULARY

    assert VOCABULARY.negated("would a PEO take decisions away from managers")
    assert not VOCABULARY.negated("would a PEO take over payroll")


def test_a_myth_settles_a_question_whose_negation_is_split_by_its_object(service) -> None:
    assert _ask(service, "will a PEO take our control away?").answer.startswith("No")


@pytest.mark.parametrize(
    "question",
    [
        "we have offices in 3 states - can a PEO handle payroll taxes for all of them?",
        "we've got workers in 5 states — could a PEO file the payroll taxes for them?",
    ],
)
def test_a_remark_about_us_does_not_make_us_the_doer_of_what_is_asked(service, question: str) -> None:
    assert _ask(service, question).answer.startswith("Yes")


@pytest.mark.parametrize(
    "question", ["under a PEO who is in charge day to day?", "who calls the shots day-to-day with a PEO"]
)
def test_who_is_in_charge_is_answered_with_who_decides_not_a_list_of_cons(service, question: str) -> None:
    answer = _ask(service, question).answer
    assert "day-to-day decisions" in answer or "remains in charge" in answer, answer
    assert "among the cons" not in answer


@pytest.mark.parametrize(
    ("text", "terms", "doer"),
    [
        ("Benefits enrollment handled by the ASO", {"enrol"}, "ASO"),  # a passive names its doer after 'by'
        ("You already have in-house HR staff", {"alreadi", "hr"}, None),  # having is no doing
        (
            "An HRO doesn't become a co-employer; instead, it lets you stay the sole employer",
            {"sole"},
            "reader",
        ),
    ],
)
def test_who_does_what_is_read_in_its_clause(text: str, terms: set[str], doer: str | None) -> None:
    from bot.evidence import doer_of

    assert doer_of(text, terms) == doer


def test_the_clause_that_says_it_is_the_one_holding_the_asked_words() -> None:
    from bot.evidence import said_where

    text = "An HRO doesn't become a co-employer; instead, it keeps you the sole employer"
    assert "not" not in said_where(text, {"sole", "employ"}) and "sole" in said_where(
        text, {"sole", "employ"}
    )


def test_a_myth_on_another_attribute_gives_way_to_a_statement_of_the_claim(service) -> None:
    reply = ask(service, "on paper is the peo legally the employer of our staff?")
    assert reply.answer.startswith("Yes"), reply.answer
    assert "legal employer" in reply.citations[0].quote, reply.answer
