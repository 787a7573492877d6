"""Facts withdrawn and told again, facts said of other companies, the models compared on several things
at once, who the employer is asked of a model, and topics the guide lacks named as such."""

from __future__ import annotations

import pytest

from bot.prompts import load_answer_texts
from bot.refusal import lacks
from bot.rules import extract_profile
from bot.settings import Settings
from tests.support import ask

pytestmark = pytest.mark.slow


def test_facts_withdrawn_start_the_profile_again(service) -> None:
    reply = ask(
        service,
        "we have 300 staff and an hr team of 6, cost matters most, which model?",
        "wait, those were our sister company's details. we're 12 people, no hr at all, want pooled insurance",
        answered=False,
    )
    assert reply.recommendation is not None and reply.recommendation.choice == "PEO", reply.answer
    assert "cost_priority" not in reply.recommendation.profile, reply.recommendation.profile
    assert reply.recommendation.profile.get("employees") == 12, reply.recommendation.profile


def test_a_fact_said_of_companies_in_general_is_not_ours() -> None:
    profile = extract_profile("we run 3 hr staff, but is the peo checklist just meant for firms with no hr?")
    assert profile.in_house_hr is True, profile


def test_the_models_set_side_by_side_on_several_things_is_no_request_for_advice(service) -> None:
    reply = ask(service, "put peo vs aso in a table: price, flexibility to customize, and our own vendors")
    assert reply.recommendation is None, reply.answer
    assert "Higher, bundled" in reply.answer and "customize" in reply.answer, reply.answer


def test_a_model_asked_to_be_the_employer_is_told_the_reader_stays_it(service) -> None:
    answer = ask(service, "once we sign, does the aso become the company's employer?").answer
    assert answer.startswith("No"), answer


def test_confusion_names_the_misconceptions_part(service) -> None:
    answer = ask(service, "what do folks commonly mix up about these two models, per the article?").answer
    assert "misconceptions" in answer and "Only partly true" in answer, answer


def test_gaps_outside_the_country_and_on_unions_are_named() -> None:
    texts = load_answer_texts(Settings().prompts_dir)
    assert lacks("can an aso pay our two staff in mexico", texts) == "payroll or HR rules outside the U.S."
    assert (
        lacks("our drivers are unionized, does that matter", texts)
        == "rules on unions or collective bargaining"
    )


def test_purely_or_merely_one_thing_is_a_claim_the_guide_says_more_than(service) -> None:
    answer = ask(service, "so an aso is merely somebody running the payroll?").answer
    assert answer.startswith("No, an ASO does more than that"), answer


def test_a_wish_put_over_everything_else_is_the_top_priority() -> None:
    profile = extract_profile("update: keeping costs down now wins over everything else")
    assert profile.cost_priority is True and profile.top_priority == "cost_priority", profile


def test_quoted_words_are_no_facts_of_ours(service) -> None:
    reading = service.reader.read(
        'my cfo insists the article says the peo "handles workers comp and compliance"'
    )
    assert not reading.facts.known(), reading.facts
    asked = service.reader.read(
        'someone wrote "an ASO is ideal if you already have HR infrastructure" - is that in there?'
    )
    assert not asked.wants_recommendation, asked


def test_final_answer_after_news_asks_the_advice_again(service) -> None:
    reply = ask(
        service,
        "250 staff, hr team of 4, we want pooled benefits and to share liability, which model?",
        "also the owners insist we remain the only employer. final answer?",
        answered=False,
    )
    assert reply.recommendation is not None, reply.answer
    assert reply.recommendation.profile.get("wants_full_control") is True, reply.recommendation.profile


def test_a_figure_asked_with_our_facts_is_no_request_for_advice(service) -> None:
    reply = ask(service, "ballpark, how many hours a month would a peo free up for our 3-person hr team?")
    assert reply.recommendation is None and reply.answer.startswith("The guide gives no figure"), reply.answer


def test_a_detail_said_of_the_other_model_reads_as_its_cell_and_points_the_other_one(service) -> None:
    first = ask(service, "is 'harder to customize services' said of an aso or a peo?")
    assert "|" not in first.answer, first.answer  # a cell under its column, not the raw row
    reply = ask(service, "is 'à la carte' said of a peo or an aso?", "and the other one, bundled?")
    assert reply.answer.startswith("Yes") and "PEO" in reply.answer, reply.answer


@pytest.mark.parametrize(
    "message",
    [
        "would a peo come out cheaper than running hr on our own?",
        "aso vs doing payroll in-house - which saves more",
    ],
)
def test_a_model_set_against_doing_it_ourselves_is_said_to_be_no_comparison_the_guide_makes(
    service, message: str
) -> None:
    reply = ask(service, message)
    assert reply.answer.startswith("The guide doesn't compare"), reply.answer
    assert not reply.answer.startswith(("Yes", "No")), reply.answer


def test_a_count_of_hr_staff_asked_is_a_figure_the_guide_does_not_give(service) -> None:
    reply = ask(
        service, "how many in-house staff must we have before the guide says an aso works?", answered=False
    )
    assert reply.recommendation is None and reply.answer.startswith("The guide gives no figure"), reply.answer


def test_chat_spelling_of_a_fact_after_our_advice_updates_it(service) -> None:
    reply = ask(
        service,
        "we're 30 people with no hr staff, which model fits us?",
        "btw we now have staff in 3 diff states",
    )
    assert reply.recommendation is not None and reply.recommendation.profile["multi_state"] is True, (
        reply.answer
    )


def test_the_attribute_compared_is_the_one_next_to_the_comparative(service) -> None:
    reply = ask(service, "peo or aso - which lets a company choose its insurance vendors more freely?")
    assert reply.answer.startswith("That's an ASO, per the guide"), reply.answer


def test_a_side_named_by_a_sentence_comes_with_the_attributes_table_row(service) -> None:
    reply = ask(service, "between peo and aso, which one keeps more of the liability with us")
    assert reply.answer.startswith("That's an ASO, per the guide"), reply.answer
    assert any(c.quote.startswith("Liability") for c in reply.citations), reply.answer
