"""Reading a message once: shape, models, attribute and what a follow-up refers back to."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.language.shapes import ShapesError, load_examples
from bot.language.vocabulary import VOCABULARY, VocabularyError, load_vocabulary
from bot.understanding import Context
from ingest.sentence_roles import leans_on_previous, sentence_role


@pytest.mark.parametrize(
    ("text", "models", "attributes"),
    [
        ("is liability shared with an ASO?", ("ASO",), ("liability",)),
        # the object of 'take on' (itself words of HR scope) is what is asked
        ("do they take on any of the employer liability", (), ("liability", "hr scope")),
        ("so what does an ASO really take on", ("ASO",), ("hr scope",)),
        ("who takes responsibility for workers' compensation", (), ("workers comp", "liability")),
        ("Professional Employer Organizations and HROs", ("PEO", "HRO"), ()),
        ("does it become a co-employer", (), ("employer role",)),
        # a count between the preposition and its object: the object is still what is asked
        ("any legal register of the five types of ASO?", ("ASO",), ("types", "compliance")),
    ],
)
def test_vocabulary_finds_models_and_the_attribute_asked(text, models, attributes) -> None:
    assert VOCABULARY.models_named(text) == models
    assert VOCABULARY.attributes_named(text) == attributes


def test_masking_keeps_the_wording_and_drops_the_topic() -> None:
    assert VOCABULARY.mask("Is liability shared with an ASO?") == "is Y shared with an X"


def test_grammar_cues() -> None:
    assert VOCABULARY.opens_with_auxiliary("so does an ASO file taxes")
    assert not VOCABULARY.opens_with_auxiliary("can you explain what a PEO is")
    assert VOCABULARY.negated("An HRO provider doesn't become a co-employer")
    assert not VOCABULARY.negated("hro = co-employer like a peo? or no")
    assert (
        VOCABULARY.direction_near("Choose an ASO for lower cost and to keep control in-house", "control")
        == "more"
    )
    assert VOCABULARY.reference("what about the other one") == "other"
    assert VOCABULARY.reference("does either of them") == "all"


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("In our experience guiding companies, the key differences come down to control.", "publisher"),
        ("Next, let's go through how to choose.", "transition"),
        ("Here is a clear view of the Pros & Cons:", "lead_in"),
        ("“Using a PEO means I lose control of my employees.”", "myth"),
        ("Not true.", "verdict"),
        ("That’s the core of the key differences.", "filler"),
        ("An ASO is typically cheaper.", "content"),
    ],
)
def test_sentence_roles(sentence: str, role: str) -> None:
    assert sentence_role(sentence) == role


def test_a_sentence_that_points_back_is_marked() -> None:
    assert leans_on_previous("This doesn’t mean you lose control.")
    assert leans_on_previous("Also check accreditation.")
    assert not leans_on_previous("An ASO is typically cheaper.")


def test_bad_language_files_are_refused_with_the_file_name(tmp_path: Path) -> None:
    bad = tmp_path / "shapes.yaml"
    bad.write_text("yes_no: []\nnot_a_shape: [hello]\n", encoding="utf-8")
    with pytest.raises(ShapesError, match=r"shapes\.yaml"):
        load_examples(bad)
    vocab = tmp_path / "vocabulary.yaml"
    vocab.write_text("models: {}\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"vocabulary\.yaml"):
        load_vocabulary(vocab)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("message", "shape"),
    [
        ("does an aso carry any of the liability", "yes_no"),
        ("which one is pricier", "which_more"),
        ("walk me through the process", "steps"),
        ("upsides and downsides of an ASO", "pros_cons"),
        ("whats an hro", "definition"),
        ("hello!", "chit_chat"),
    ],
)
def test_shapes_are_read_from_example_phrasings(service, message: str, shape: str) -> None:
    assert service.reader.read(message).shape == shape


@pytest.mark.slow
def test_follow_ups_resolve_against_the_previous_question(service) -> None:
    read = service.reader.read
    hro = Context(models=("HRO",), shape="definition")
    assert read("does it become a co-employer?", hro).models == ("HRO",)
    peo = Context(models=("PEO",), attribute="liability", shape="yes_no")
    swapped = read("same for an ASO?", peo)
    assert (swapped.models, swapped.attribute, swapped.shape) == (("ASO",), "liability", "yes_no")
    other = read("and workers comp?", peo)
    assert (other.models, other.attribute) == (("PEO",), "workers comp")
    assert read("what about the other one?", peo).models == ("ASO",)
    assert set(read("that vs an HRO?", peo).models) == {"PEO", "HRO"}
    assert read("why is that?", peo).shape == "why"


@pytest.mark.slow
def test_choosing_criteria_are_not_a_request_for_our_recommendation(service) -> None:
    assert not service.reader.read("what should we look at when choosing a provider").wants_recommendation
    assert service.reader.read("we have 12 staff and no HR, which should we pick?").wants_recommendation


def test_grammar_after_a_leading_condition_and_models_joined_as_one_subject() -> None:
    assert VOCABULARY.opens_with_auxiliary("if we sign with an ASO do we keep our broker")
    assert not VOCABULARY.opens_with_auxiliary("if we sign with an ASO, who runs payroll")
    assert VOCABULARY.asks_wh("if we sign with an ASO who runs payroll")
    assert VOCABULARY.joins_models("a colleague says a PEO and an ASO both lower our premiums")
    assert VOCABULARY.joins_models("any provider, PEO or ASO, handles compliance")
    assert not VOCABULARY.joins_models("is a PEO pricier than an ASO")
    assert not VOCABULARY.joins_models("which handles compliance, a PEO or an ASO")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("message", "shape", "advice"),
    [
        # a comparative statement put up for a yes or no, not a choice between two sides
        ("an aso isnt pricier than a peo is it", "yes_no", False),
        ("is a PEO or an ASO pricier?", "which_more", False),
        # what a model does, asked in yes/no form, is a question for the guide even with facts around it
        ("our company has an HR group already. can an ASO support them?", "yes_no", False),
        ("if we signed up with an ASO would employees get pooled health plans", "yes_no", False),
        # facts about us and a question of fit ask for our advice, whatever way the words lean
        ("we're 600 people, HR department of 12, keeping our own benefits broker. what fits us?", None, True),
        ("we're 30 people with no HR. would a PEO make sense for us?", None, True),
        # an auxiliary question offering two models is a choice, not a yes or no
        ("we only need help with performance reviews. is that an aso or an hro job?", None, True),
    ],
)
def test_yes_no_questions_and_requests_for_advice_are_told_apart(
    service, message: str, shape: str | None, advice: bool
) -> None:
    reading = service.reader.read(message)
    assert reading.wants_recommendation == advice
    if shape:
        assert reading.shape == shape


@pytest.mark.slow
def test_a_question_pointing_into_its_remark_asks_about_the_remark(service) -> None:
    reading = service.reader.read("our company has an HR group already. can an ASO support them?")
    assert "HR group" in reading.proposition


@pytest.mark.slow
def test_slash_shorthand_is_read_as_words(service) -> None:
    reading = service.reader.read("we're a startup w/o any hr people, is a peo right for that?")
    assert reading.facts.in_house_hr is False
    assert VOCABULARY.attributes_named("would it work for a tiny shop") == ("best for",)


def test_a_reported_claim_put_up_for_confirming_is_the_claim() -> None:
    claim = VOCABULARY.confirming("my cfo reckons an aso shares our liability, is that correct?")
    assert claim == "an aso shares our liability"
    assert VOCABULARY.confirming("an aso shares our liability, is that correct?") == claim
    assert VOCABULARY.only_tag("correct?") and not VOCABULARY.only_tag("correct me if wrong")
