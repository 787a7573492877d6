"""The answer before asked again, shorter; two models asked apart with nothing narrower; several models
asked side by side in a request that does not open as one."""

from __future__ import annotations

import re

import pytest

from bot.language.vocabulary import VOCABULARY
from tests.support import ask

pytestmark = pytest.mark.slow

SHORT_ANSWER = "Short version of ASO vs PEO"


def test_words_asking_it_shorter_leave_the_rest_of_the_message() -> None:
    assert VOCABULARY.asks_shorter("can u boil that down for the exec team") == "can u for the exec team"
    assert VOCABULARY.asks_shorter("who files payroll taxes under an aso") is None


def test_two_models_asked_apart_get_the_guides_short_answer_then_its_table(service) -> None:
    reply = ask(service, "what sets an aso apart from a peo")
    lines = reply.answer.splitlines()
    assert SHORT_ANSWER in lines[1], reply.answer
    for cell in ("Co-employment", "All on you", "Higher, bundled", "Larger firms with HR staff"):
        assert cell in reply.answer, reply.answer


def test_asked_shorter_the_question_before_is_answered_in_one_sentence(service) -> None:
    reply = ask(
        service, "peo and aso - how do they differ", "condense that into a single sentence for the board"
    )
    assert len(reply.citations) == 1, reply.answer
    assert SHORT_ANSWER in reply.answer, reply.answer


def test_asked_shorter_a_definition_keeps_its_first_sentence(service) -> None:
    full = ask(service, "what's a professional employer organization")
    short = ask(service, "what's a professional employer organization", "too long, simpler pls")
    assert len(full.citations) > 1 and len(short.citations) == 1, short.answer
    assert short.citations[0].quote == full.citations[0].quote


def test_asked_shorter_a_yes_no_keeps_its_verdict(service) -> None:
    reply = ask(service, "in a few words: does the aso leave us as the only employer?")
    assert reply.answer.startswith("Yes"), reply.answer
    assert len(reply.citations) == 1, reply.answer


def test_asked_shorter_after_a_why_the_reason_is_said_shorter(service) -> None:
    reply = ask(service, "list the peo cons for me", "how come it costs more", "can u say that in one line")
    assert "because" in reply.answer and "Cons of" not in reply.answer, reply.answer
    assert len(reply.citations) == 1, reply.answer


def test_a_new_model_with_the_shortening_asks_of_that_model(service) -> None:
    reply = ask(service, "explain peos", "now an hro, one line")
    assert "HRO" in reply.answer and len(reply.citations) <= 2, reply.answer


def test_or_not_inside_a_list_of_things_to_compare_puts_up_no_claim() -> None:
    assert VOCABULARY.confirming("quick compare of peo vs aso: co-employment or not, cost, control") is None
    assert VOCABULARY.confirming("a peo shares liability or not") is not None


@pytest.mark.parametrize(
    ("message", "cells"),
    [
        # several models side by side, with no opening request
        (
            "side by side for the wiki: peo, aso and hro - employer or not, price, pooled insurance."
            " grid fine",
            ("HRO", "Higher, bundled"),
        ),
        # models set against each other on a list, beside a fact of ours
        (
            "we have one hr coordinator. aso versus peo on: benefits, payroll and workers comp",
            ("Access pooled plans", "ASO runs payroll, you file taxes", "You stay responsible"),
        ),
        # pros and cons beside our facts
        (
            "we're 90 people across 4 states with two hr staff - list the peo pros and cons for a co like us",
            ("Higher cost than ASO", "Shared liability"),
        ),
    ],
)
def test_the_guides_rows_or_lists_asked_beside_our_facts_are_no_request_for_advice(
    service, message: str, cells: tuple[str, ...]
) -> None:
    reply = ask(service, message)
    assert reply.recommendation is None, reply.answer
    for cell in cells:
        assert cell in reply.answer, reply.answer


def _bullets(answer: str) -> list[str]:
    return re.findall(r"^- (.+?) \[\d+\]\.?$", answer, flags=re.MULTILINE)


def test_a_list_said_shorter_keeps_every_item_of_its_first_list(service) -> None:
    # the downsides come as the cons list and the FAQ's downside answer: shorter, the cons list whole
    longer = ask(service, "what's bad about peos")
    shorter = ask(service, "what's bad about peos", "too long, trim it down")
    first = longer.answer.split("\n\n")[0]
    assert len(_bullets(shorter.answer)) == len(_bullets(first)) == 5, shorter.answer
    assert len(shorter.citations) < len(longer.citations)
    # steps, by their names
    steps = ask(service, "how does an aso work step by step?", "can u make that shorter")
    assert _bullets(steps.answer) == re.findall(
        r"^- ([^:\n]+):", ask(service, "how does an aso work step by step?").answer, flags=re.MULTILINE
    )


def test_a_list_asked_in_one_line_runs_on_with_every_item(service) -> None:
    listed = ask(service, "what are the downsides of an aso?")
    reply = ask(service, "what are the downsides of an aso?", "pls squeeze that into one line")
    assert (
        "\n" not in reply.answer
        and reply.answer.count(";") == len(_bullets(listed.answer.split("\n\n")[0])) - 1
    )
    assert reply.answer.endswith("."), reply.answer


def test_where_a_shorter_answer_is_going_is_no_question_of_its_own(service) -> None:
    steps = ask(service, "how does an aso work, step by step")
    shorter = ask(service, "how does an aso work, step by step", "shorter pls, it goes in a slide deck")
    assert shorter.answer.startswith("From the guide (How does an ASO work?)"), shorter.answer
    assert len(shorter.answer) < len(steps.answer), shorter.answer
