"""Follow-ups that point back past a remark, a detail only one model's row speaks of, topics the guide
lacks, and a bare 'which is better for us'."""

from __future__ import annotations

import re

import pytest

from bot.language.vocabulary import VOCABULARY
from tests.support import ask

pytestmark = pytest.mark.slow


def test_the_pointer_before_a_comma_is_the_one_asked_about(service) -> None:
    reply = ask(
        service,
        "tell me what an ASO is",
        "does it co-employ our staff the way a PEO does?",
        "ok and how does it compare to an HRO, both seem like plain vendors to me",
    )
    assert "HRO" in reply.answer and "ASO" in reply.answer, reply.answer
    assert "Co-employment" not in reply.answer.split("[1]")[0], reply.answer  # not the PEO's row first


def test_a_row_whose_other_cell_holds_the_words_settles_it_for_the_model_asked(service) -> None:
    answer = ask(service, "would our team join the pooled insurance plans if we picked an aso").answer
    assert answer.startswith("No"), answer
    assert "names it only for" not in answer, answer


def test_contract_lock_ins_are_a_topic_the_guide_lacks(service) -> None:
    reply = ask(service, "will an aso lock us in for two years or is there an early exit", answered=False)
    assert reply.status == "out_of_scope" and "contract terms" in reply.answer, reply.answer


def test_which_is_better_for_us_without_facts_asks_for_them(service) -> None:
    reply = ask(service, "honestly which is better for our company, an aso or a peo", answered=False)
    assert reply.status == "needs_more_info" and reply.follow_up, reply.answer


def test_each_row_named_in_a_list_comes_and_a_model_the_table_lacks_comes_beside_it(service) -> None:
    rows = ask(service, "payroll, benefits and liability for peo and aso as a table please").answer
    for label in ("payroll", "benefits", "liability"):
        assert f"lists {label} for a PEO" in rows, rows
    three = ask(service, "peo, aso and hro compared: who is the employer and what services, as a grid").answer
    assert "HRO" in three.split("[2]")[-1], three  # the HRO's own sentence beside the table's rows


def test_reasons_to_pick_one_model_over_another_are_its_list_of_when_to_choose_it(service) -> None:
    answer = ask(service, "list the reasons a business would choose a peo instead of an aso").answer
    assert "choose a PEO if" in answer, answer


def test_a_rare_attribute_no_list_item_names_is_answered_by_the_sentence_naming_it(service) -> None:
    answer = ask(service, "which accreditations does the guide say to look for, as a list").answer
    assert "accreditation (IRS CPEO, ESAC)" in answer, answer


def test_a_gap_is_named_by_the_most_of_its_words(service) -> None:
    reply = ask(service, "what's the suta rate in ohio and the filing deadline", answered=False)
    assert "tax rates, tax forms or filing deadlines" in reply.answer, reply.answer


def test_everything_the_guide_says_on_a_topic_comes_from_every_part_of_it(service) -> None:
    reply = ask(service, "every line the guide has on liability under a peo and an aso, leave nothing out")
    answer = reply.answer
    assert "under a PEO:" in answer and "under an ASO:" in answer, answer
    assert "“Shared with PEO”" in answer, answer  # the table's row
    assert "among the cons of an ASO" in answer, answer  # a con, as a sentence (no raw 'a | b' row)
    assert " | " not in answer, answer
    sections = {c.section for c in reply.citations}
    assert len(sections) >= 3, sections  # gathered from across the guide, not one section


def test_a_detail_the_guide_says_once_is_in_scope_and_answered_by_its_sentence(service) -> None:
    question = "the guide mentions a turnkey solution somewhere, which model was that about?"
    answer = ask(service, question).answer
    assert "turnkey solution" in answer and "PEO" in answer, answer


def test_same_for_another_model_after_a_list_asks_for_its_list(service) -> None:
    answer = ask(service, "walk me through how an aso works step by step", "and the same for a peo?").answer
    assert "How does a PEO work?" in answer and "Service agreement" in answer, answer


def test_a_word_the_guide_says_once_settles_a_yes_no_by_the_pro_or_con_holding_it(service) -> None:
    answer = ask(service, "is a peo easy to customize to how we work?").answer
    assert "Harder to customize services" in answer.split("[1]")[0], answer


def test_keeping_what_we_have_is_no_comparative() -> None:
    assert VOCABULARY.direction_of("can we keep our existing carriers with a peo") is None
    assert VOCABULARY.direction_of("do we keep more control with an aso") == "more"


def test_the_publisher_reporting_a_claim_is_not_the_model_asked_about(service) -> None:
    reply = ask(service, "a colleague says wisemonk claims an aso always costs less. is that what it says?")
    assert "EOR" not in reply.answer.split("[1]")[0], reply.answer


def test_a_follow_up_naming_its_own_pair_compares_that_pair(service) -> None:
    answer = ask(service, "how do a peo and an aso differ", "and peo vs hro?").answer
    assert "HRO" in answer and "ASO" not in answer.split("[1]")[0], answer


def test_a_part_of_the_guide_named_in_a_should_question_is_that_part(service) -> None:
    reply = ask(service, "per the tldr what should a company weigh up?")
    assert reply.recommendation is None and "TL;DR" in reply.answer, reply.answer


def test_how_so_after_an_answer_asks_its_reasons(service) -> None:
    reply = ask(service, "does a peo cost more than an aso", "like how?")
    assert reply.status == "answered" and "bundles services" in reply.answer, reply.answer


def test_a_follow_up_that_is_only_a_condition_naming_another_model_asks_the_question_before_of_it(
    service,
) -> None:
    reply = ask(
        service, "who files the payroll taxes with a peo", "and if it's an aso doing our payroll instead?"
    )
    assert not reply.answer.startswith(("Yes", "No")), reply.answer
    assert "you file taxes" in reply.answer or "you file payroll taxes" in reply.answer, reply.answer


def test_a_detail_carried_from_the_turn_before_and_named_only_for_another_model_is_said_so(service) -> None:
    reply = ask(
        service, "what happens with eligibility and cobra under a peo", "with an aso, who does that bit"
    )
    assert reply.answer.startswith("The guide doesn't say that of an ASO"), reply.answer
    assert "COBRA" in reply.answer, reply.answer


def test_an_english_word_is_not_corrected_into_a_longer_guide_word_of_another_stem(service) -> None:
    assert service.reader.queries.read("who handles that part").text == "who handles that part"


@pytest.mark.parametrize("follow_up", ["ok, and the catch with that?", "any gotchas with it tho"])
def test_the_catch_after_our_advice_is_the_advised_models_cons(service, follow_up: str) -> None:
    reply = ask(service, "we have 450 staff and an in-house hr team of five, which model fits us?", follow_up)
    assert reply.recommendation is None, reply.answer
    assert reply.answer.startswith("Cons of an ASO"), reply.answer


def test_a_listed_item_asked_by_its_place_is_answered_on_its_own(service) -> None:
    listed = ask(service, "give me the cons of an aso")
    items = re.findall(r"^- (.+?) \[\d+\]$", listed.answer, flags=re.MULTILINE)
    second = ask(service, "give me the cons of an aso", "what does the second one mean?")
    assert second.answer.startswith(f"On “{items[1]}”:"), second.answer
    # after an item, "the last one" still points into the same list
    last = ask(service, "give me the cons of an aso", "what does the second one mean?", "and the last one?")
    assert last.answer.startswith(f"On “{items[-1]}”:"), last.answer


def test_a_step_asked_by_its_place_is_named_by_its_label(service) -> None:
    steps = ask(service, "how does a peo work, step by step")
    labels = re.findall(r"^- ([^:\n]+):", steps.answer, flags=re.MULTILINE)
    reply = ask(service, "how does a peo work, step by step", "can you explain #2 a bit more")
    assert reply.answer.startswith(f"On “{labels[1]}”:"), reply.answer


def test_a_message_asking_two_things_answers_each_in_turn(service) -> None:
    reply = ask(
        service, "does an aso file our payroll taxes for us? and would it take on any of our liability?"
    )
    first, second = reply.answer.split("\n\n")
    assert first.startswith("No") and second.startswith("No"), reply.answer
    assert "tax" in first.lower() and "liab" in second.lower(), reply.answer
    assert [c.n for c in reply.citations] == list(range(1, len(reply.citations) + 1))


@pytest.mark.parametrize(
    "follow_up", ["and how's it diff from an hro", "ok hows that diffrent from an hro then"]
)
def test_that_set_against_a_new_model_compares_the_two(service, follow_up: str) -> None:
    reply = ask(service, "explain what an aso is", follow_up)
    assert {c.section for c in reply.citations} == {"What is the difference between ASO and HRO?"}, (
        reply.answer
    )


def test_whose_ein_after_a_payroll_question_is_answered_by_the_sentence_naming_it(service) -> None:
    reply = ask(service, "does a peo run our payroll?", "ok and under which ein?")
    assert "EIN" in reply.citations[0].quote and "PEO" in reply.citations[0].quote, reply.answer


def test_a_yes_no_carried_to_a_model_the_guide_never_says_it_of_says_so(service) -> None:
    reply = ask(service, "does a peo manage our workers comp?", "ok and would an hro?")
    assert reply.answer.startswith("The guide doesn't say how an HRO handles workers comp"), reply.answer
    assert all("HRO" in c.quote for c in reply.citations), reply.answer


def test_a_follow_up_repeating_the_question_before_asks_more_of_its_attribute(service) -> None:
    reply = ask(service, "does a peo help with workers comp", "ok but how much help")
    quotes = " ".join(c.quote for c in reply.citations).lower()
    assert "workers" in quotes and "comp" in quotes, reply.answer


@pytest.mark.parametrize(
    "turns",
    [
        ("why would anybody sign with a peo",),
        ("who handles benefits with an aso", "so why would a business go with the peo then"),
    ],
)
def test_reasons_to_choose_a_model_are_its_list_of_when_to_choose_it(service, turns: tuple[str, ...]) -> None:
    answer = ask(service, *turns).answer
    assert "choose a PEO if" in answer and "choose an ASO if" not in answer, answer


def test_two_questions_joined_by_and_are_answered_each_in_turn(service) -> None:
    reply = ask(service, "is a peo more expensive, and does it take on some of our liability")
    first, second = reply.answer.split("\n\n")[:2]
    assert first.startswith("Yes") and "cost" in first.lower(), reply.answer
    assert second.startswith("Yes") and "liab" in second.lower(), reply.answer


def test_advice_asked_beside_a_question_comes_with_its_answer(service) -> None:
    reply = ask(
        service,
        "we're 400 people with our own HR department and want to stay the only employer. "
        "which model fits, and what would we still be responsible for?",
    )
    assert reply.recommendation is not None and reply.recommendation.choice == "ASO", reply.answer
    advice, answer = reply.answer.split("\n\n", 1)
    assert advice.startswith("An ASO fits") and "All on you" in answer, reply.answer


def test_a_claim_after_a_condition_is_of_its_own_attribute(service) -> None:
    reply = ask(service, "say the PEO messes up our benefits enrollment - would they share the liability?")
    assert reply.answer.startswith("Yes"), reply.answer
    assert "liab" in reply.answer.split("[1]")[0].lower(), reply.answer


def test_a_figure_asked_after_a_question_on_cost_is_said_missing_for_those_models(service) -> None:
    reply = ask(service, "is an aso the cheaper option?", "ok but are there real dollar amounts in there")
    assert reply.status == "answered" and reply.answer.startswith("The guide gives no figure"), reply.answer
    assert "cost" in reply.answer.lower(), reply.answer


def test_a_yes_no_on_what_the_guide_never_says_of_the_model_says_so_then_what_it_says_of_it(service) -> None:
    reply = ask(service, "would an hro take care of payroll for us, or is that just peos and asos")
    assert reply.answer.startswith("The guide doesn't say how an HRO handles payroll"), reply.answer
    assert all("HRO" in c.quote for c in reply.citations), reply.answer


def test_a_conclusion_opened_by_so_is_put_up_to_be_confirmed(service) -> None:
    reply = ask(
        service,
        "who pays payroll taxes with an aso",
        "so if we went that way it basically means we still do the tax filings ourselves",
    )
    assert reply.answer.startswith("Yes"), reply.answer


def test_an_ordinal_points_at_the_models_in_the_order_the_user_named_them(service) -> None:
    turns = ["comparing hro, peo and aso for next year - which ones keep us the sole employer?"]
    second = ask(service, *turns, "ok the third one, does it file our payroll taxes?")
    assert second.answer.startswith("No") and "ASO" in second.answer.split("[1]")[0], second.answer
    first = ask(service, *turns, "and the first one - does it pool benefits?")
    assert "HRO" in first.answer.split("[1]")[0], first.answer


def test_what_stays_with_us_after_a_question_on_a_model_is_our_share_of_it(service) -> None:
    reply = ask(service, "how does an aso work", "ok so what stays w us then")
    assert reply.answer.startswith("What the guide says stays with you under an ASO"), reply.answer


def test_duties_asked_beside_what_stays_with_us_get_both_lists(service) -> None:
    answer = ask(
        service, "list all the stuff an aso takes care of and what's still our responsibility"
    ).answer
    taken, _, kept = answer.partition("stays with you")
    assert "processes payroll" in taken and "remains fully responsible" not in taken, answer
    assert "[" in kept and "processes payroll" not in kept, answer


def test_same_for_another_model_after_an_item_asks_that_item_of_its_list(service) -> None:
    reply = ask(service, "walk me through how a peo works", "whats the 3rd step", "and for an aso?")
    assert reply.answer.startswith("On “Benefits administration”") and "ASO" in reply.answer, reply.answer


def test_those_two_after_same_for_another_model_are_both_models_talked_through(service) -> None:
    turns = ("is an aso a co-employer", "and an hro?", "so which of those two is more for recruiting stuff")
    answer = ask(service, *turns).answer
    assert answer.startswith("That's an HRO"), answer
    first = ask(
        service, "who files payroll taxes with a peo", "what about an aso?", "and the first one, whose EIN?"
    )
    assert "PEO" in first.answer.split("[1]")[0], first.answer
