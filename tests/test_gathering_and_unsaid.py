"""Requests for every place the guide says a thing, a request sentence beside a remark, idioms for the
downsides, an attribute the guide never speaks of for a model, and news after advice with a question
about the guide between."""

from __future__ import annotations

import pytest

from bot.prompts import load_answer_texts
from bot.refusal import lacks
from bot.settings import Settings
from tests.support import ask

pytestmark = pytest.mark.slow


def test_every_place_a_word_is_said_gathers_each_sentence_holding_it(service) -> None:
    answer = ask(service, "show me each place the article brings up brokers, with what it says").answer
    assert answer.count("brokers") >= 4, answer  # the PEO's and ASO's choose-if lines, the steps, the myth
    assert "enrollment, renewals" in answer and "simply helps you manage" in answer, answer


def test_gathering_with_no_model_named_adds_what_is_said_of_both(service) -> None:
    answer = ask(service, "everything the guide says about operating in several states").answer
    assert "across multiple states" in answer and "ensures compliance across states" in answer, answer
    assert "for both or in general" in answer and "multi-state payroll complexity" in answer, answer


def test_a_request_beside_a_remark_is_read_as_the_question(service) -> None:
    answer = ask(service, "give me every line the guide has on cobra. we're in two states btw").answer
    assert "COBRA" in answer and not answer.startswith("The guide doesn't settle"), answer


def test_the_other_side_of_the_coin_asks_the_downsides_of_the_same_model(service) -> None:
    answer = ask(service, "why do companies go for a PEO", "and the other side of the coin?").answer
    assert answer.startswith("Cons of a PEO"), answer


def test_an_attribute_never_said_of_a_model_says_so_then_what_is_said_of_it(service) -> None:
    reply = ask(service, "with an hro who is liable if payroll taxes are filed late?")
    assert reply.status == "answered", reply.answer
    assert reply.answer.startswith("The guide doesn't say how an HRO handles"), reply.answer
    assert "co-employer" in reply.answer, reply.answer
    # a model held up as doing the same ("the way a peo does") is not asked of, and its sentence shows
    # nothing of the HRO
    alike = ask(service, "would an hro run our payroll and benefits the same way a peo would?").answer
    assert alike.startswith("The guide doesn't say how an HRO handles"), alike


def test_news_after_advice_asks_it_again_past_a_question_about_the_guide(service) -> None:
    reply = ask(
        service,
        "we have 40 staff, nobody in hr, which model should we pick",
        "how are payroll taxes handled there",
        "we also need the lowest possible cost now, does that flip things?",
        answered=False,
    )
    assert reply.recommendation is not None, reply.answer
    assert reply.recommendation.profile.get("cost_priority") is True, reply.recommendation


def test_a_gap_word_is_matched_in_its_forms_but_not_by_an_everyday_word_stemming_alike() -> None:
    texts = load_answer_texts(Settings().prompts_dir)
    assert (
        lacks("can the aso help if an ex-employee files lawsuits", texts)
        == "lawsuits or employment law advice"
    )
    assert lacks("which model suits companies in several states", texts) is None  # 'several' ≠ 'severance'


def test_a_yes_no_asked_of_both_is_a_yes_no(service) -> None:
    reading = service.reader.read("do both of them take care of benefits administration?")
    assert reading.shape == "yes_no" and set(reading.models) == {"PEO", "ASO"}, reading


def test_a_closing_which_asks_advice_but_a_which_with_a_property_asks_the_guide(service) -> None:
    advice = service.reader.read("we're 45 ppl, 3 hr ppl in house, we'd like to keep our plans. so which one")
    assert advice.wants_recommendation and advice.facts.in_house_hr is True, advice
    guide = service.reader.read("so which of the three handles the payroll tax filings for us")
    assert not guide.wants_recommendation, guide


def test_software_the_guide_never_describes_is_named_as_the_gap(service) -> None:
    answer = ask(
        service, "does an aso give staff a mobile app to check their payslips?", answered=False
    ).answer
    assert "portals or apps" in answer, answer


def test_too_small_for_a_model_is_answered_from_who_it_is_best_for(service) -> None:
    answer = ask(service, "is a 9-person startup too small to use a peo?").answer
    assert answer.startswith("No"), answer
    assert "Small/growing firms" in answer, answer


def test_quoted_words_said_of_the_other_model_are_no_yes(service) -> None:
    answer = ask(
        service, 'i think "lower cost than a peo" is one of the peo pros, right? is that in there'
    ).answer
    assert answer.startswith("No, not of a PEO: the guide says that of an ASO"), answer
    assert "|" not in answer, answer


def test_a_yes_no_about_a_thing_the_guide_never_names_says_so_first(service) -> None:
    reply = ask(service, "under an aso would our team still see the same dentists?")
    assert reply.answer.startswith("The guide doesn't say anything about dentists"), reply.answer
    assert not reply.answer.startswith(("Yes", "No")), reply.answer


def test_a_word_the_guide_says_in_other_words_is_no_unknown_thing(service) -> None:
    reply = ask(service, "is responsibility for workers comp split between us and the peo?")
    assert "doesn't say anything about" not in reply.answer, reply.answer


@pytest.mark.parametrize(
    "message",
    [
        "ok but could an aso take on hiring for our two open reqs?",  # a detail beside what is asked
        "and the owner says nobody but us is the legal employer of our staff, period",  # a tag, no thing
        "benefits are pretty much a toss-up between an aso and a peo, yeah?",  # what the subject is
    ],
)
def test_an_unknown_word_beside_the_claim_is_no_thing_the_guide_never_names(service, message: str) -> None:
    reply = ask(service, message, answered=False)
    assert "doesn't say anything about" not in reply.answer, reply.answer


def test_only_the_items_of_a_list_saying_a_word_when_only_those_are_asked(service) -> None:
    reply = ask(service, "of the aso process steps, just the ones that talk about payroll pls")
    assert "processes payroll" in reply.answer, reply.answer
    assert "Service agreement" not in reply.answer and "templates" not in reply.answer, reply.answer


def test_a_rare_word_in_a_remark_beside_the_claim_is_no_detail_said_of_another_model(service) -> None:
    message = "for our vendor checklist - does a peo really take on taxes and benefits as employer of record?"
    reply = ask(service, message)
    assert "names it only for" not in reply.answer, reply.answer


@pytest.mark.parametrize(
    "question",
    [
        "what should our execs weigh when deciding between the two, pls make it a checklist",
        "we have ~40 staff and a single hr person, what do we need to check before signing with a provider?",
        "which factors matter most in choosing a peo or an aso",
    ],
)
def test_asking_what_to_weigh_gets_the_guides_criteria_not_our_advice(service, question: str) -> None:
    reply = ask(service, question)
    assert reply.recommendation is None, reply.answer
    decide = [c for c in reply.citations if c.section == "How do you decide between a PEO and ASO?"]
    assert reply.citations[0] == decide[0] and len(decide) >= 3, reply.answer
    # and the factors the guide names elsewhere ("Also check accreditation…")
    assert "The guide also names:" in reply.answer and "accreditation" in reply.answer, reply.answer


@pytest.mark.parametrize(
    "question",
    ["what's paychex's monthly fee per employee for its peo?", "rough cost of insperity per head?"],
)
def test_a_named_vendors_price_is_out_of_scope_saying_the_guide_gives_none(service, question: str) -> None:
    reply = ask(service, question, answered=False)
    assert reply.status == "out_of_scope" and not reply.citations, reply.answer
    assert "vendor prices" in reply.answer, reply.answer
    # the model's own cost is what the guide does say
    assert ask(service, "rough cost of a peo per head?").citations


@pytest.mark.parametrize(
    "question",
    ["is there a minimum company size before an aso will work with us?", "min # of staff for a peo??"],
)
def test_a_size_threshold_asked_is_no_figure_the_guide_gives_then_whom_it_suits(
    service, question: str
) -> None:
    reply = ask(service, question)
    assert reply.answer.startswith("The guide gives no figure"), reply.answer
    assert any(c.quote.startswith("Best for") for c in reply.citations), reply.answer


def test_a_sentence_sharing_only_the_verb_does_not_settle_an_attribute_it_never_names(service) -> None:
    # "You sign a contract that outlines which HR services the ASO will handle" says nothing of hiring
    answer = ask(service, "would an aso handle hiring for us").answer
    assert not answer.startswith("Yes"), answer
