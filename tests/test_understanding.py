"""Reading a message once: shape, models, attribute and what a follow-up refers back to."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.language.shapes import ShapesError, load_examples
from bot.language.vocabulary import VOCABULARY, VocabularyError, load_vocabulary
from bot.understanding import Context
from ingest.sentence_roles import leans_on_previous, sentence_role, without_publisher_frame


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
        # an object of a figure's preposition is what the figure is of: the pricing is asked
        ("is aso pricing a set fee or a cut of payroll", ("ASO",), ("cost", "payroll")),
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
        # a publisher's frame before the sentence's own clause: the clause is content (said without it)
        ("In our experience guiding companies, the key differences come down to control.", "content"),
        ("We help global companies hire in India, with local expertise.", "publisher"),
        ("In our view, we are the best partner for you.", "publisher"),
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


def test_a_publisher_frame_is_not_said_in_the_answer() -> None:
    framed = "From what we’ve seen, ASOs are appealing for businesses that keep control."
    assert without_publisher_frame(framed) == "ASOs are appealing for businesses that keep control."
    unframed = "We go beyond what a typical PEO would cover, by offering more."
    assert without_publisher_frame(unframed) == unframed


def test_a_sentence_that_points_back_is_marked() -> None:
    assert leans_on_previous("This doesn’t mean you lose control.")
    assert leans_on_previous("Also, it covers the payroll taxes.")
    assert not leans_on_previous("An ASO is typically cheaper.")
    # 'also' only adds: a bidding sentence after it stands on its own
    assert not leans_on_previous("Also check accreditation.")


def test_bad_language_files_are_refused_with_the_file_name(tmp_path: Path) -> None:
    bad = tmp_path / "shapes.yaml"
    bad.write_text("yes_no: []\nnot_a_shape: [hello]\n", encoding="utf-8")
    with pytest.raises(ShapesError, match=r"shapes\.yaml"):
        load_examples(bad)
    vocab = tmp_path / "vocabulary.yaml"
    vocab.write_text("models: {}\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"vocabulary\.yaml"):
        load_vocabulary(vocab)


def test_a_word_given_twice_in_a_language_file_is_refused(tmp_path: Path) -> None:
    """Plain YAML keeps the second of two entries silently; a data file must not lose the first."""
    real = Path(__file__).parents[1] / "bot" / "language" / "vocabulary.yaml"
    text = real.read_text(encoding="utf-8").replace(
        "\neveryday:\n", "\neveryday:\n  fire: firing\n  fire: hiring\n", 1
    )
    twice = tmp_path / "vocabulary.yaml"
    twice.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"'fire' is given twice"):
        load_vocabulary(twice)


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


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("how do they split work b/w them", "how do they split work between them"),
        ("w/peo who files", "with peo who files"),
        ("cheaper b/c no bundling?", "cheaper because no bundling?"),
        ("A/B test w/o HR", "A/B test without HR"),
    ],
)
def test_shorthand_is_written_out_from_the_vocabulary(typed: str, read: str) -> None:
    assert VOCABULARY.spelled_out(typed) == read


@pytest.mark.slow
def test_the_other_one_is_the_counterpart_of_the_model_in_focus(service) -> None:
    # The previous question was about the PEO, weighed against an ASO: "the other one" is the ASO.
    focus = Context(models=("PEO", "ASO"), attribute="benefits", shape="attribute")
    reading = service.reader.read("k and for the other one?", focus)
    assert (reading.models, reading.attribute, reading.reference) == (("ASO",), "benefits", "other")


@pytest.mark.slow
def test_stating_company_facts_alone_starts_a_recommendation(service) -> None:
    reading = service.reader.read("fyi we have 35 staff spread over 4 states and nobody doing hr")
    assert reading.wants_recommendation and reading.shape == "recommend"
    assert not service.reader.read("we have 35 staff, what does an ASO cost").wants_recommendation


@pytest.mark.slow
@pytest.mark.parametrize(
    "message",
    [
        "which of these is simpler to tailor for our team",
        "which one would take recruiting off our plate",
    ],
)
def test_which_one_has_a_capability_asks_the_guide_not_our_advice(service, message: str) -> None:
    assert not service.reader.read(message).wants_recommendation


def test_which_fits_us_still_asks_our_advice() -> None:
    assert VOCABULARY.asks_advice("which is best for our company")
    assert not VOCABULARY.asks_advice("which is easier to tailor to the services we need")


def test_pricing_words_are_cost_and_a_verb_phrase_is_no_head() -> None:
    assert VOCABULARY.attributes_named("how is an hro priced") == ("cost",)
    assert VOCABULARY.attributes_named("how do the fees work for an eor")[:1] == ("cost",)
    assert VOCABULARY.attributes_named("employer liability under an hro") == ("liability",)


def test_how_much_asks_a_figure_only_for_an_amount(service) -> None:
    read = service.reader.queries.read
    assert read("how much would an eor set us back").asks_figure
    assert read("how much money does a peo save").asks_figure
    assert not read("how much of the benefits work does an aso take over").asks_figure
    assert not read("how much say do we keep over raises").asks_figure


def test_a_message_that_only_tells_asks_nothing() -> None:
    assert not VOCABULARY.asks("we're a 20 person shop. our payroll is a mess")
    assert VOCABULARY.asks("we're a 20 person shop. can a PEO take payroll")
    assert VOCABULARY.asks("we're a 20 person shop, who handles workers comp")


def test_a_model_held_up_for_comparison_is_not_the_one_asked_about(service) -> None:
    first = service.reader.read("so what is an ASO exactly")
    follow = service.reader.read("does it file our taxes the way a PEO does?", first.context())
    assert follow.models[0] == "ASO", follow  # asked of the ASO, beside the PEO
    assert VOCABULARY.models_likened("is it pricier than an HRO") == ("HRO",)


def test_saying_same_about_another_model_carries_the_question_over(service) -> None:
    first = service.reader.read("who looks after benefits enrollment under an ASO")
    follow = service.reader.read("is it the same deal for a peo", first.context())
    assert follow.models == ("PEO",) and follow.attribute == first.attribute, follow
    assert follow.proposition == first.query.text or follow.shape in ("yes_no", "attribute"), follow


def test_company_facts_then_which_model_ask_for_advice_whatever_else_they_name(service) -> None:
    reading = service.reader.read(
        "we're 25 people in ohio, nobody does hr, we'd love better health plans for staff - so which model"
    )
    assert reading.wants_recommendation and reading.shape == "recommend", reading


def test_a_tag_closing_a_clause_before_a_remark_confirms_that_clause() -> None:
    said = "an aso takes on our liability yeah, thats what the sales rep told us"
    assert VOCABULARY.confirming(said) == "an aso takes on our liability"
    assert VOCABULARY.asks(said)
    assert VOCABULARY.confirming("is a peo right, or an aso?") is None  # 'right' as 'suitable'


def test_an_attribute_set_aside_is_not_the_one_asked() -> None:
    assert VOCABULARY.attributes_named("apart from liability, which certifications matter?") == (
        "accreditation",
    )
    assert VOCABULARY.attributes_named("aside from pricing, anything else") == ("cost",)  # nothing else named


def test_a_model_likened_to_the_one_in_focus_is_compared_not_swapped_in(service) -> None:
    first = service.reader.read("what is an employer of record")
    follow = service.reader.read("is it basically the same as an ASO?", first.context())
    assert follow.models == ("EOR", "ASO") and follow.shape == "comparison", follow


def test_a_reported_claim_put_up_for_confirming_is_the_claim() -> None:
    claim = VOCABULARY.confirming("my cfo reckons an aso shares our liability, is that correct?")
    assert claim == "an aso shares our liability"
    assert VOCABULARY.confirming("an aso shares our liability, is that correct?") == claim
    assert VOCABULARY.only_tag("correct?") and not VOCABULARY.only_tag("correct me if wrong")


def test_a_bare_tag_without_a_question_mark_still_confirms() -> None:
    assert (
        VOCABULARY.confirming("the aso takes over workers comp for us yeah")
        == "the aso takes over workers comp for us"
    )
    assert VOCABULARY.confirming("we have staff in 3 states and no") is None
    assert VOCABULARY.opens_with_auxiliary("under an aso are the taxes ours to file")


def test_facts_then_a_which_question_that_leans_asks_which_one_does_it(service) -> None:
    reading = service.reader.read(
        "we have 30 staff across 5 states, which model is better at multi-state taxes"
    )
    assert reading.shape == "which_more" and not reading.wants_recommendation, reading


def test_we_as_employer_of_record_is_a_role_not_the_eor_model(service) -> None:
    reading = service.reader.read("r we still the employer of record w an aso")
    assert reading.models == ("ASO",) and reading.attribute == "employer role", reading


def test_a_question_after_a_leading_phrase_or_a_supposed_choice_asks_the_guide(service) -> None:
    for message in (
        "in a peo arrangement who are the carriers for the pooled plans",
        "if we used an aso would payroll still go out under our own EIN",
        "once we sign with an aso, what tasks stay on our plate?",
    ):
        assert not service.reader.read(message).wants_recommendation, message


def test_yes_no_grammar_decides_when_the_shape_examples_hardly_do(service) -> None:
    assert service.reader.read("does the peo take the admin load off us or not").shape == "yes_no"
    assert service.reader.read("and we'd still be the employer w/ them?").shape == "yes_no"


def test_statements_of_what_a_model_is() -> None:
    assert VOCABULARY.equates("an aso still counts as real hr outsourcing")
    assert not VOCABULARY.equates("an aso files our payroll taxes")
    assert VOCABULARY.models_set_against("the peo perks that an aso doesnt offer") == ("ASO",)


@pytest.mark.slow
def test_a_remark_before_a_conditioned_question_is_no_part_of_its_claim(service) -> None:
    # 'they' is the model the condition names; 'her' in the remark adds nothing to the claim
    reading = service.reader.read(
        "new starter on monday - if we used an ASO would they help enroll her in our plan"
    )
    assert reading.proposition == "would they help enroll her in our plan"
    assert reading.models == ("ASO",) and reading.shape == "yes_no"


@pytest.mark.parametrize(
    ("message", "shape", "proposition"),
    [
        ("whats an aso exactly, everyone at work keeps mentioning it", "definition", "whats an aso exactly"),
        ("does a peo run payroll, we're about 30 people", "yes_no", "does a peo run payroll"),
    ],
)
def test_a_remark_after_the_questions_comma_is_no_part_of_it(service, message, shape, proposition) -> None:
    reading = service.reader.read(message)
    assert (reading.shape, reading.proposition) == (shape, proposition)


@pytest.mark.slow
def test_after_our_advice_a_supposed_fact_asks_it_again_and_a_question_asks_the_guide(service) -> None:
    advised = Context(models=("ASO",), shape="recommend")
    assert service.reader.read("what if we end up with no HR staff next year?", advised).wants_recommendation
    asking = service.reader.read(
        "would we have to stop working with our current benefits broker then", advised
    )
    assert not asking.wants_recommendation


@pytest.mark.slow
def test_who_the_employees_work_for_asks_the_employer_role(service) -> None:
    peo = Context(models=("PEO",), attribute="liability", shape="yes_no")
    assert service.reader.read("so who do our staff work for then?", peo).attribute == "employer role"


@pytest.mark.slow
def test_a_question_asked_inside_a_statement_is_asked(service) -> None:
    reading = service.reader.read("my manager is wondering whether we give up control of firing with a peo")
    assert reading.proposition == "do we give up control of firing with a peo"
    assert reading.shape == "yes_no" and not reading.wants_recommendation


@pytest.mark.slow
def test_what_about_a_new_topic_after_a_yes_no_asks_that_question_of_it(service) -> None:
    hiring = Context(
        models=("PEO",), attribute="hiring", shape="yes_no", text="do we lose control of hiring with a peo"
    )
    reading = service.reader.read("and what about firing?", hiring)
    assert reading.proposition == "do we lose control of firing with a peo", reading.proposition


@pytest.mark.slow
def test_what_with_a_comparative_asks_for_a_side_and_what_we_lose_does_not(service) -> None:
    assert service.reader.read("what's pricier for a small team, a peo or an aso?").shape == "which_more"
    assert service.reader.read("what do we lose with a peo on benefits").shape != "which_more"


@pytest.mark.slow
def test_a_request_is_no_yes_no_unless_it_asks_whether(service) -> None:
    assert (
        service.reader.read("could you compare an aso and a peo on liability and payroll").shape != "yes_no"
    )
    assert service.reader.read("can you tell me whether a peo files our taxes").shape == "yes_no"


@pytest.mark.slow
def test_what_about_both_after_one_model_asks_each(service) -> None:
    aso = Context(
        models=("ASO",), attribute="liability", shape="yes_no", text="does an aso carry our liability"
    )
    assert set(service.reader.read("and what about both of them?", aso).models) == {"ASO", "PEO"}


@pytest.mark.slow
def test_a_new_fact_after_our_advice_with_does_that_change_it_asks_it_again(service) -> None:
    advised = Context(models=("PEO",), shape="recommend")
    reading = service.reader.read(
        "update: our cfo says lowest cost is the priority now. does that change it?", advised
    )
    assert reading.wants_recommendation
    assert not service.reader.read(
        "so what do we lose if we go the cheaper route", advised
    ).wants_recommendation


@pytest.mark.slow
def test_the_words_reporting_a_claim_lean_no_way(service) -> None:
    reading = service.reader.read(
        "my cfo keeps saying the guide lays out 3 legal kinds of peo, is that actually right"
    )
    assert reading.direction is None and reading.shape == "yes_no"


def test_a_denied_comparative_leans_the_other_way() -> None:
    assert VOCABULARY.direction_of("for firms that want help but do not want to give up control") == "more"
    assert VOCABULARY.direction_of("with which one would we give up control") == "less"


def test_two_attributes_holding_the_same_word_both_stand() -> None:
    assert set(VOCABULARY.attributes_named("who has the final call on firing someone")) >= {
        "hiring",
        "control",
    }


def test_a_closing_wh_sentence_without_its_question_mark_is_a_question_of_its_own(service) -> None:
    message = "our cfo says an aso takes the liability. is that right? who files payroll taxes then\nthx"
    assert len(service.reader.questions(message)) == 2
    assert service.reader.questions("which one trains managers - peo, aso or hro?") == []


def test_a_question_after_a_remark_and_a_condition_asks_and_is_no_request_for_advice(service) -> None:
    reading = service.reader.read("we love our broker, if we switch to a peo do we keep our own plans")
    assert not reading.wants_recommendation and reading.shape == "yes_no", reading


def test_a_quick_q_opener_leaves_the_yes_no_grammar_after_it(service) -> None:
    assert service.reader.read("quick q can a peo run our payroll").shape == "yes_no"


def test_a_greeting_to_the_hr_team_and_a_need_to_confirm_ask_no_advice(service) -> None:
    reading = service.reader.read(
        "Hi HR team - we're switching to an ASO in the spring. "
        "I need to confirm: do we still file the payroll taxes?"
    )
    assert not reading.wants_recommendation and reading.facts.in_house_hr is None, reading


def test_each_numbered_item_asking_in_its_grammar_is_a_question_of_its_own(service) -> None:
    message = (
        "hi all,\nfinance wants two answers:\n1) with a peo do we still run payroll ourselves\n"
        "2) what happens to our liability\nthanks"
    )
    parts = service.reader.questions(message)
    assert len(parts) == 2 and "payroll" in parts[0] and "liability" in parts[1], parts
    assert service.reader.questions("the first two, which one is cheaper") == []
