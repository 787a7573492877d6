"""Citations: markers before punctuation, numbering, and verification that refuses anything unsupported."""

from __future__ import annotations

from bot.citations import cite, joined, verify, with_marker
from bot.compose import Claim, Draft
from bot.contract import Citation


def test_marker_goes_before_closing_punctuation() -> None:
    assert with_marker("Costs can also be higher.", 1) == "Costs can also be higher [1]."
    assert with_marker("Cost: PEO higher", 2) == "Cost: PEO higher [2]"


def test_same_quote_shares_one_number(service) -> None:
    chunk = service.kb.chunks[5]
    text, citations = cite(Draft(claims=[Claim("A.", chunk, chunk.body), Claim("B.", chunk, chunk.body)]))
    assert text == "A [1]. B [1]." and [c.n for c in citations] == [1]
    assert citations[0].url == f"/docs/{chunk.doc_id}#{chunk.anchor}"


def test_verification_refuses_paraphrase_wrong_section_and_bad_markers(service) -> None:
    kb = service.kb
    ok = Citation(
        n=1,
        doc_id="peo-vs-aso",
        doc_title="t",
        section="What is the downside of a PEO?",
        quote="Costs can also be higher",
        url="/docs/peo-vs-aso#what-is-the-downside-of-a-peo",
    )
    assert verify("Costs are higher [1].", [ok], kb) == []
    paraphrase = ok.model_copy(update={"quote": "PEOs usually cost a lot more money"})
    wrong_section = ok.model_copy(
        update={"url": "/docs/peo-vs-aso#what-is-a-peo", "section": "What is a PEO?"}
    )
    assert verify("X [1].", [paraphrase], kb)
    assert verify("X [1].", [wrong_section], kb)
    assert verify("X [2].", [ok], kb) == ["marker [2] has no citation", "citation [1] is never referred to"]


def test_joined_answers_share_one_numbering() -> None:
    def cited(n: int, quote: str) -> Citation:
        return Citation(n=n, doc_id="d", doc_title="D", section="S", quote=quote, url="/docs/d#s")

    text, citations = joined(
        [
            ("A [1]. B [2].", [cited(1, "a"), cited(2, "b")]),
            ("B again [1]. C [2].", [cited(1, "b"), cited(2, "c")]),
        ]
    )
    assert text == "A [1]. B [2].\n\nB again [2]. C [3]."
    assert [(c.n, c.quote) for c in citations] == [(1, "a"), (2, "b"), (3, "c")]


def test_a_models_name_spelled_out_makes_no_two_sentences_alike() -> None:
    from bot.compose import similar

    assert not similar(
        "An Administrative Services Organization (ASO) is another type of HR outsourcing provider.",
        "The ASO simply provides administrative services and expertise to make HR easier.",
    )
    assert similar(
        "A PEO works through a co-employment arrangement, handling payroll taxes and compliance.",
        "A PEO (Professional Employer Organization) works under a co-employment arrangement, taking on "
        "payroll taxes and compliance.",
    )
