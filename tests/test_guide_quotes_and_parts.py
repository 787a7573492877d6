"""Words quoted back at the guide are looked up; parts of the guide asked for whole come whole; claims
made for sure, restricted to one thing, reported by someone, leaving the duty with the reader or said of
who does what are weighed as claimed."""

from __future__ import annotations

import pytest

from tests.support import ask

pytestmark = pytest.mark.slow


def test_quoted_words_the_guide_says_are_found_where_it_says_them(service) -> None:
    reply = ask(service, 'does the guide really say "costs can also be higher"? need it for a memo')
    assert reply.answer.startswith("Yes, the guide says that, under “What is the downside of a PEO?”"), (
        reply.answer
    )
    assert "Costs can also be higher" in reply.citations[0].quote


def test_quoted_words_the_guide_does_not_say_are_denied_with_the_nearest(service) -> None:
    answer = ask(
        service, 'a coworker swears the guide says "an aso shares all your liability" - is that in there?'
    ).answer
    assert answer.startswith("No, the guide doesn't say that"), answer
    assert "liability" in answer


@pytest.mark.parametrize(
    ("message", "section", "holds"),
    [
        ("show me the TL;DR please", "TL;DR", "Choose an ASO if you have in-house HR staff"),
        (
            "which questions are in the faq section",
            "Frequently asked questions",
            "What is the downside of a PEO?",
        ),
    ],
)
def test_a_part_of_the_guide_asked_for_comes_whole(service, message: str, section: str, holds: str) -> None:
    reply = ask(service, message)
    assert reply.status == "answered" and section in reply.answer and holds in reply.answer, reply.answer
    assert len(reply.citations) >= 5


def test_what_the_answer_must_be_is_no_request_for_advice(service) -> None:
    reply = ask(service, "need the exact text of the liability row for our deck")
    assert reply.recommendation is None and "“Shared with PEO”" in reply.answer, reply.answer


@pytest.mark.parametrize(
    ("message", "opening"),
    [
        ("does an hro only handle recruiting?", "No, an HRO does more than that"),
        ("if we sign with a PEO our insurance costs are guaranteed to drop, yes?", "Not always"),
        ("my VP figures an ASO shares our liability - is that accurate?", "No"),
        ("our COO is convinced a peo means losing control over staff. fair?", "No"),
        ("does the peo decide who gets fired?", "No"),
        # help that leaves the duty with the reader is only partly so; the part it does is a yes
        ("will an aso look after our workers compensation?", "Partly"),
        ("will an aso give us a hand with the workers comp paperwork?", "Yes"),
        # who does what is asked is read in the clause asking it ('we' only remain the employer)
        ("with an aso does the provider file the taxes and we still get to be the only employer?", "No"),
        ("with an aso do we still file the payroll taxes ourselves?", "Yes"),
        # a name the guide never uses gets no yes or no
        ("so the peo would deal with our fmcsa safety compliance, right?", "The guide doesn't cover FMCSA"),
        # the asker's purpose is no part of the claim
        ("could an aso handle our workers compensation claims so we don't have to bother?", "No"),
        # 'us' after a letting verb is the one the rest is said of
        ("would a peo keep us as the only employer of our staff?", "No"),
        ("does an aso leave us the sole legal employer?", "Yes"),
    ],
)
def test_claims_are_weighed_as_claimed(service, message: str, opening: str) -> None:
    answer = ask(service, message).answer
    assert answer.startswith(opening), answer


def test_a_condition_on_a_topic_the_guide_lacks_is_no_settled_yes(service) -> None:
    answer = ask(
        service, "if a worker brings a discrimination lawsuit, does the PEO share it with us?"
    ).answer
    assert answer.startswith("The guide doesn't cover"), answer


@pytest.mark.parametrize(
    ("turns", "opening"),
    [
        # the asker has the provider do it: the provider is the doer asked about
        (("could we just pick an ASO and get them to file our payroll taxes?",), "No"),
        # a denial in the claim's clause on the attribute is answered as a denial
        (
            ("a colleague says an aso only advises, it doesn't actually process payroll. is he right",),
            "Actually",
        ),
        # 'either of them' asks of the two in focus, not of the model held up beside them
        (
            ("how is an aso different from an hro", "would either of them be a co-employer like a peo is?"),
            "No",
        ),
    ],
)
def test_who_is_asked_about_is_read_from_the_grammar(service, turns: tuple[str, ...], opening: str) -> None:
    answer = ask(service, *turns).answer
    assert answer.startswith(opening), answer


def test_a_question_of_what_the_guide_ties_to_a_goal_is_no_request_for_advice(service) -> None:
    reply = ask(
        service,
        'our coo says outsourcing would "free up time for strategy" - which model does the guide link it to',
    )
    assert reply.recommendation is None and "strategic initiatives" in reply.answer, reply.answer


def test_a_question_of_whether_a_model_is_open_to_us_asks_the_guide(service) -> None:
    reply = ask(
        service,
        "we're 30 people with one hr coordinator, are we even eligible for an aso or is it for big firms",
    )
    assert reply.recommendation is None and "Larger firms with HR staff" in reply.answer, reply.answer


def test_a_which_question_on_a_pro_or_con_names_its_side(service) -> None:
    answer = ask(service, "between peo and aso, which offers less support for growing SMBs").answer
    assert answer.startswith("That's an ASO, per the guide") and "Less support for growing SMBs" in answer, (
        answer
    )


def test_a_request_to_explain_a_model_is_answered_with_what_it_is(service) -> None:
    answer = ask(service, "walk me through what an hro is - a firm, a kind of plan, or what?").answer
    assert answer.startswith("An HRO"), answer


def test_a_wanted_list_of_what_stays_with_us_is_the_readers_share(service) -> None:
    answer = ask(service, "i want the whole list of things we still decide ourselves under a peo").answer
    assert "hiring, firing, pay decisions" in answer, answer


def test_a_claim_that_the_models_come_to_the_same_is_weighed_on_their_row(service) -> None:
    answer = ask(service, "liability-wise it makes no real difference if we go peo or aso, correct?").answer
    assert answer.startswith("No, the guide tells them apart on liability"), answer
    assert "“Shared with PEO”" in answer and "“All on you”" in answer, answer


def test_one_step_asked_about_by_its_own_words_comes_alone(service) -> None:
    answer = ask(service, "what does the aso service contract we sign spell out").answer
    assert "You sign a contract that outlines" in answer.split("[1]")[0], answer
    assert "\n- " not in answer, answer


def test_plural_words_name_their_attribute(service) -> None:
    answer = ask(service, "under a peo, which responsibilities are shared exactly?").answer
    assert "payroll taxes, compliance, and workers’ compensation" in answer, answer


def test_a_side_is_named_on_a_sentence_saying_what_was_asked_not_another_comparative(service) -> None:
    answer = ask(service, "peo or aso: which one lets us go more a la carte").answer
    assert answer.startswith("That's an ASO, per the guide") and "à la carte" in answer.split("[1]")[0], (
        answer
    )


def test_a_follow_up_naming_two_models_answers_for_each_as_far_as_the_guide_goes(service) -> None:
    answer = ask(
        service, "does a peo take on some of our liability?", "and an aso? or an hro, for that matter"
    ).answer
    assert answer.startswith("No for an ASO; the guide doesn't say it of an HRO"), answer


def test_a_model_held_up_beside_the_one_advised_is_not_the_one_asked_about(service) -> None:
    answer = ask(
        service,
        "no entity in germany, we want to hire three engineers there. which model?",
        "would they be co-employed with us, like under a peo?",
    ).answer
    assert "the guide doesn't say it of an EOR" in answer.split(":")[0], answer


def test_a_service_the_guide_names_only_for_another_model_is_said_so(service) -> None:
    answer = ask(service, "could an aso run our new-manager training sessions?").answer
    assert answer.startswith("The guide doesn't say that of an ASO; it names it only for an HRO"), answer


def test_a_question_after_a_remark_and_a_comma_is_settled_on_the_sentence_naming_its_detail(service) -> None:
    answer = ask(
        service, "our controller burns a week every quarter on reports, would an aso help with reporting"
    ).answer
    assert answer.startswith("Yes") and "reporting" in answer.split("[1]")[0], answer


def test_the_other_way_round_asks_the_question_before_of_the_other_model(service) -> None:
    answer = ask(service, "what would make a company choose an aso", "and vice versa?").answer
    assert "choose a PEO if" in answer, answer


def test_a_newborn_added_to_my_insurance_is_my_own_benefits_not_the_guides(service) -> None:
    reply = ask(service, "how do i get my newborn onto my health plan, is there a deadline", answered=False)
    assert reply.status == "out_of_scope" and "your own pay, benefits or claims" in reply.answer, reply.answer


def test_the_decision_criteria_asked_for_as_a_checklist_come_whole(service) -> None:
    answer = ask(
        service, "give me the decision criteria as a checklist, peo side vs aso side for each"
    ).answer
    assert all(
        f"{item}:" in answer for item in ("Risk & liability", "Benefits access", "HR resources", "Budget")
    )


def test_pros_and_cons_of_a_model_the_guide_lists_none_for_are_said_to_be_missing(service) -> None:
    answer = ask(service, "what are the upsides and downsides of an hro").answer
    assert answer.startswith("The guide lists no pros and cons for an HRO"), answer


def test_a_question_on_what_the_guide_is_written_for_is_not_about_its_author(service) -> None:
    answer = ask(
        service, "is this guide only written for small companies or also for big ones like us (900 staff)"
    ).answer
    assert "Wisemonk" not in answer, answer


def test_where_the_guide_speaks_of_a_model_is_each_section_naming_it(service) -> None:
    reply = ask(service, "which part of the guide covers the HRO at all?")
    assert reply.answer.startswith("The guide speaks of an HRO in these sections"), reply.answer
    assert {c.section for c in reply.citations} == {
        "What is the difference between PEO and HRO?",
        "What is the difference between ASO and HRO?",
    }, reply.citations


def test_their_systems_after_a_named_model_are_the_models(service) -> None:
    answer = ask(
        service, "we built our own payroll stack. if we sign with a peo do we have to use their systems?"
    ).answer
    assert "“Dependent on PEO’s systems & providers”" in answer, answer


def test_an_offered_denial_after_the_question_asks_for_no_advice(service) -> None:
    message = "our hr person is swamped. an aso would hand us policy templates, right? or is that a peo thing"
    reply = ask(service, message)
    assert reply.recommendation is None and reply.answer.startswith("Yes"), reply.answer


@pytest.mark.parametrize(
    ("message", "opening"),
    [
        # a row the question names by its label answers, whatever details it leaves out
        ("with an aso they'd own our workers comp, the policies and the claims and everything, yeah?", "No"),
        # a sentence holding the rare words is no yes unless the model does them there
        ("is CPEO some kind of irs seal for peos? saw it next to esac", "The guide doesn't"),
    ],
)
def test_rare_words_settle_only_where_the_model_does_them(service, message: str, opening: str) -> None:
    answer = ask(service, message).answer
    assert answer.startswith(opening), answer


def test_a_count_of_more_states_is_no_comparative(service) -> None:
    reply = ask(
        service,
        "we're adding 3 more states next year, does that tip things toward a peo or an aso",
        answered=False,
    )
    assert reply.recommendation is not None, reply.answer


def test_what_a_myth_says_the_reader_loses_is_what_a_question_says_the_model_takes(service) -> None:
    answer = ask(service, "with a peo, the peo ends up controlling our staff, right?").answer
    assert answer.startswith("No"), answer


@pytest.mark.parametrize(
    ("turns", "cell"),
    [
        (("what does the second row of the comparison table say",), "Shared with PEO"),
        (("show me the table's cost row", "and the bottom row?"), "Larger firms with HR staff"),
    ],
)
def test_a_table_row_asked_by_its_place(service, turns: tuple[str, ...], cell: str) -> None:
    reply = ask(service, *turns)
    assert cell in reply.answer and len(reply.citations) == 1, reply.answer


def test_a_model_without_a_column_asked_of_the_table_is_said_to_be_missing_from_it(service) -> None:
    reply = ask(service, "which column of the comparison table covers an eor?")
    assert reply.answer.startswith("The guide's comparison table has columns for a PEO and an ASO only"), (
        reply.answer
    )


def test_which_model_the_guide_says_quoted_words_of(service) -> None:
    reply = ask(
        service, 'quick q - "acts more like a third-party vendor" is said about which one, aso or peo?'
    )
    assert reply.answer.startswith("The guide says that of an ASO"), reply.answer


def test_which_items_of_a_quoted_part_is_no_question_of_which_model_said_it(service) -> None:
    reply = ask(service, 'in the "how does an aso work" steps, which ones mention payroll?')
    assert "doesn't say that in those words" not in reply.answer, reply.answer
