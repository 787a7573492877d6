"""Words quoted back at the guide are looked up; parts of the guide asked for whole come whole; claims
made for sure, restricted to one thing or reported by someone are weighed as claimed."""

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
