"""Answers in the shape asked, on the real guide: polarity, the side named, whole lists, no filler."""

from __future__ import annotations

import re

import pytest

from bot.language.vocabulary import VOCABULARY
from tests.support import ask

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("does an ASO share liability with us?", "No"),
        ("does a PEO share liability?", "Yes"),
        ("do ASOs give access to pooled health plans?", "No"),
        ("is an ASO cheaper?", "Yes"),
        ("is a PEO cheaper than an ASO?", "No"),
        ("does an HRO become a co-employer?", "No"),
    ],
)
def test_yes_no_questions_open_with_the_guides_answer(service, question: str, opening: str) -> None:
    assert ask(service, question).answer.startswith(opening)


@pytest.mark.parametrize(
    ("question", "side"),
    [("which costs more?", "PEO"), ("which one is cheaper", "ASO"), ("which gives you more control", "ASO")],
)
def test_which_is_more_names_the_side_first(service, question: str, side: str) -> None:
    first = re.split(r"(?<=[.:])\s", ask(service, question).answer)[0]
    assert side in first


def test_pros_and_cons_give_both_whole_columns(service) -> None:
    answer = ask(service, "pros/cons of an ASO?").answer
    assert "Pros" in answer and "Cons" in answer
    assert answer.count("\n- ") >= 10


def test_steps_give_every_step(service) -> None:
    answer = ask(service, "how does a PEO work, step by step?").answer
    for step in (
        "Service agreement",
        "Payroll administration",
        "Benefits administration",
        "Workers",
        "HR expertise",
    ):
        assert step in answer


def test_table_rows_read_as_sentences(service) -> None:
    answer = ask(service, "what about liability with an ASO vs a PEO?").answer
    assert "|" not in answer and "“All on you”" in answer


def test_a_follow_up_keeps_the_thread(service) -> None:
    about_hro = ask(service, "what is an HRO?", "does it become a co-employer?").answer
    assert about_hro.startswith("No") and "HRO" in about_hro.split("[1]")[0]
    other = ask(service, "does a PEO handle workers comp?", "and the other one?").answer
    assert other.startswith("No, not for an ASO")
    reasons = ask(service, "which costs more?", "why is that?").answer
    assert "because" in reasons


def test_no_publisher_voice_no_filler_no_fact_twice(service) -> None:
    for question in (
        "What are the key differences between a PEO and an ASO?",
        "pros of a PEO",
        "tell me about ASOs",
    ):
        reply = ask(service, question)
        for phrase in ("In our experience", "Here is a clear view", "Next, let's", "That’s the core"):
            assert phrase not in reply.answer
        quotes = [c.quote for c in reply.citations]
        assert len(quotes) == len(set(quotes))


def test_out_of_scope_hr_questions_say_what_the_guide_lacks(service) -> None:
    reply = service.answer(message="what does a PEO charge per employee per month in dollars for 401k admin?")
    assert reply.status in ("answered", "out_of_scope")
    refused = service.answer(message="How many vacation days are employees entitled to by law?")
    assert refused.status == "out_of_scope" and refused.citations == []
    assert "guide" in refused.answer and "HR" in refused.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("an aso isnt pricier than a peo is it", "No"),
        ("if we signed up with an ASO would employees get pooled health plans", "No"),
        ("our company has an HR group already. can an ASO support them?", "Yes"),
        ("a colleague told me a PEO and an ASO both get us cheaper health insurance, true?", "Partly"),
    ],
)
def test_yes_no_in_other_grammar_opens_with_the_guides_answer(service, question: str, opening: str) -> None:
    reply = ask(service, question)
    assert reply.answer.startswith(opening), reply.answer
    assert reply.recommendation is None


def test_facts_and_a_question_of_fit_get_the_rules_tables_choice(service) -> None:
    facts = "we're 600 people, HR department of 12, keeping our own benefits broker."
    reply = ask(service, f"{facts} what fits us?")
    assert reply.recommendation is not None and reply.recommendation.choice == "ASO"


def test_a_question_on_the_types_is_settled_by_what_the_guide_says_of_them(service) -> None:
    assert ask(service, "are peo types an official legal classification?").answer.startswith("No")


@pytest.mark.parametrize(
    "question",
    [
        "explain what co-employment means in a professional employer organization",
        "co-employment with a peo - what does that actually mean",
    ],
)
def test_what_a_word_means_comes_from_the_sentence_saying_it_not_a_table_cell(service, question: str) -> None:
    answer = ask(service, question).answer
    assert "simply means" in answer.split("[1]")[0]
    assert "“Co-employment”" not in answer  # the cell only repeats the word asked about


def test_a_table_row_that_only_repeats_the_question_gives_way_to_the_guides_words(service) -> None:
    answer = ask(service, "how does co-employment work with a peo").answer
    assert not answer.startswith("The guide's table")


def test_same_for_another_model_after_a_wh_question_says_whether_it_is_the_same(service) -> None:
    answer = ask(service, "who's in charge of workers comp with a PEO?", "is it the same with an ASO?").answer
    assert answer.startswith("No, not for an ASO"), answer
    assert "You stay responsible" in answer
    shared = ask(service, "who runs payroll under a PEO", "same thing for an ASO?").answer
    assert shared.startswith("Partly, for an ASO"), shared


def test_what_a_model_does_leads_with_what_it_does_then_what_stays_with_you(service) -> None:
    answer = ask(service, "right, and what does an ASO really do on the benefits side?").answer
    assert answer.index("helps you manage") < answer.index("You source your own"), answer
    scope = ask(service, "so what does an ASO really take on").answer
    assert "HR scope for an ASO as “Limited admin support only”" in scope.split("[1]")[0], scope


def test_why_after_a_side_gives_the_guides_reason_not_the_claim_again(service) -> None:
    answer = ask(
        service, "which model leaves us more in charge of our people, peo or aso?", "how come?"
    ).answer
    first = answer.split("[1]")[0]
    assert VOCABULARY.gives_reason(first), answer


def test_factors_for_choosing_between_two_models_are_not_one_models_checklist(service) -> None:
    reply = ask(
        service,
        "prepping slides for our execs: what do we need to weigh in choosing between a PEO and an ASO?",
    )
    assert "Choose a PEO if:" not in reply.answer
    assert "consider factors" in reply.answer or "Risk & liability" in reply.answer, reply.answer


def test_would_that_work_for_a_kind_of_company_is_read_off_the_best_for_row(service) -> None:
    answer = ask(service, "what is a PEO", "would that work for a big enterprise w/ its own hr dept?").answer
    assert answer.startswith("No"), answer


@pytest.mark.parametrize(
    "question", ["how does an aso operate, step by step?", "once signed, what's the ASO process like?"]
)
def test_steps_come_from_the_list_of_the_section_on_how_it_works(service, question: str) -> None:
    answer = ask(service, question).answer
    for step in (
        "Service agreement",
        "Payroll administration",
        "Benefits administration",
        "Workers",
        "HR support",
    ):
        assert step in answer, answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("an aso doesnt cost more than a peo does it", "No"),
        ("does a peo give us stronger benefits", "Yes"),
        ("does an aso leave us more control", "Yes"),
    ],
)
def test_a_comparative_yes_no_is_answered_by_which_way_the_guide_leans(
    service, question: str, opening: str
) -> None:
    answer = ask(service, question).answer
    assert answer.startswith(opening), answer


def test_what_one_model_covers_never_lists_the_other_models_pros(service) -> None:
    # The ASO's pro "Lower cost than a PEO" and "Choose an ASO if: … don't want the shared liability of a
    # PEO model" name a PEO but speak of the ASO.
    for question in (
        "what kind of things does a PEO deal with for a company?",
        "what does a peo cover for us",
    ):
        reply = ask(service, question)
        aso_sections = ("What is an ASO?", "What are the pros & cons of an ASO model?")
        assert not any(c.section in aso_sections for c in reply.citations), reply.answer


def test_asked_for_every_difference_gives_the_whole_comparison_table(service) -> None:
    reply = ask(service, "could you break down all the ways an ASO and a PEO differ, side by side?")
    rows = [line for line in reply.answer.splitlines() if line.startswith("- ")]
    assert len(rows) == len(reply.citations) >= 8, reply.answer
    assert all("key differences" in c.section for c in reply.citations), reply.answer


def test_asking_in_plain_words_is_not_out_of_scope(service) -> None:
    reply = ask(service, "in layman's terms, what is a PEO?")
    assert "co-employment" in reply.answer, reply.answer


def test_what_we_give_up_for_what_we_gain_is_the_cons_of_the_side_that_has_it(service) -> None:
    answer = ask(service, "is a peo or an aso the pricier one", "whats the catch w/ the lower cost").answer
    assert answer.startswith("Cons of an ASO")


def test_the_cons_alone_when_only_giving_up_is_asked(service) -> None:
    answer = ask(service, "what would we be sacrificing if we signed w/ a peo").answer
    assert "Cons of a PEO" in answer and "Pros of a PEO" not in answer


def test_who_question_without_a_table_row_leads_with_who_does_it(service) -> None:
    answer = ask(service, "with an aso who's accountable if we break a labor regulation").answer
    first = re.split(r"(?<=[.\]])\s", answer)[0]
    assert "you" in first.lower() and not answer.startswith("-")


def test_how_much_of_the_hr_work_is_no_question_of_figures(service) -> None:
    answer = ask(service, "how much of the day to day hr stuff would an aso take over").answer
    assert not answer.startswith("The guide gives no figure")


def test_which_one_does_a_thing_the_guide_says_of_one_model_only_names_it(service) -> None:
    answer = ask(service, "which one could run recruiting for our team").answer
    assert answer.startswith("That's an HRO, per the guide")


def test_what_a_model_gives_is_not_answered_with_when_to_choose_it(service) -> None:
    answer = ask(service, "what sort of help does a PEO give a company's managers?").answer
    first = answer.split("[1]")[0].lower()
    assert not first.startswith(("choose", "a peo is ideal", "a peo is best")), answer


def test_a_list_of_signs_to_choose_a_model_is_its_list_of_when_to_choose_it(service) -> None:
    reply = ask(service, "any telltale signs an ASO would be the right call for a company?")
    assert reply.answer.lower().startswith("from the guide (what is an aso?), choose an aso if"), reply.answer


def test_what_we_lose_on_an_attribute_gives_the_models_downsides_on_it(service) -> None:
    reply = ask(service, "thinking about an ASO", "what would we be losing when it comes to benefits?")
    assert "No access to pooled benefits" in reply.answer, reply.answer
    assert "Lower cost than a PEO" not in reply.answer, reply.answer


def test_after_a_which_question_the_other_one_is_the_side_not_named(service) -> None:
    reply = ask(service, "which model costs less, peo or aso?", "how come the other one costs more")
    assert reply.answer.startswith("A PEO costs more"), reply.answer
    cons = ask(service, "which one carries less liability for us", "what are the drawbacks of going that way")
    assert cons.answer.startswith("Cons of a PEO"), cons.answer


def test_a_statement_with_a_yup_tag_is_a_yes_no_question(service) -> None:
    reply = ask(service, "an aso will be pricier than a peo yup?")
    assert reply.answer.startswith("No"), reply.answer


def test_a_myth_on_another_attribute_gives_way_to_a_sentence_on_the_one_asked(service) -> None:
    # not "Using a PEO means I lose control of my employees": "…becomes a legal employer for certain…"
    answer = ask(service, "whats a peo in plain english", "so they're legally employing our ppl?").answer
    assert answer.startswith(("Yes", "Partly")) and "legal employer" in answer.split("[1]")[0], answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        # the clause that says it ("…while staying the sole employer"), everyday "only" for "sole"
        ("does an hro leave us as the only employer of our staff?", "Yes"),
        # a tag standing alone after the claim, and a myth whose verdict is "Not true"
        ("heard a peo takes away our control over our own workers - true?", "No"),
        # a myth of the reader's loss answered by what its correction says: keeping the decisions is its
        # opposite, not being able to make them is the myth
        ("if we use a peo can we still fire people ourselves?", "Yes"),
        # less close to the myth, but its correction holds the words asked ("hiring, firing")
        ("once we're on a peo can we still choose who gets hired and who gets fired", "Yes"),
        ("does going with a peo mean we can't make our own hiring decisions anymore?", "No"),
        # a remark after the question is no part of its claim ("those" points at the plans it names)
        ("could our staff join those group health plans through an aso? the plan we have now is blah", "No"),
        # a claim of the whole answered by a sentence stating a part ("…for certain HR responsibilities")
        ("does a peo become the employer of record for everything?", "Partly"),
        ("so with a peo they're the legal employer for all of it?", "Partly"),
        # a reported claim is the statement put up ("my cfo reckons …")
        ("my cfo reckons an aso shares our liability, is that correct?", "No"),
        ("a friend told me an aso files payroll taxes for us. correct?", "No"),
        # a myth of how the two relate ("are the same type…") answers "is X essentially Y"
        ("is a peo essentially an aso with benefits?", "No"),
        # a con on the very thing asked outweighs the general pro on benefits
        ("does a peo let us choose whichever vendors we like?", "No"),
        # a contrasting clause denies part of what was asked ("…, not legal categories")
        ("are peos legally split into 3 kinds?", "No"),
        # a rare word of the question (renewals) outweighs a common one
        ("with a peo do we keep handling renewals on our own?", ("No", "Partly")),
        # a negation in a modifier picks the cell that negates too ("…without HR team")
        ("is an aso a good fit for companies without an hr team?", "No"),
        ("a peo is good for firms that dont have hr, right?", "Yes"),
        # lending a hand is less than taking over: it assists with the paperwork, the duty stays ours
        ("would the aso lend a hand with our workers compensation?", "Partly"),
        ("aso taking workers comp off our hands, yes?", "No"),
    ],
)
def test_yes_no_settled_by_what_the_guide_says_of_the_thing_asked(
    service, question: str, opening: str | tuple[str, ...]
) -> None:
    reply = ask(service, question)
    assert reply.answer.startswith(opening), reply.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        # "Lower cost than a PEO" is the service's price, not the rates of the health plans.
        ("would an ASO mean lower rates on our health plans?", "No"),
        # weighed against the counterpart the guide says it of ("…at better rates" of the PEO)
        ("would an aso get our staff a better deal on medical plans?", "No"),
        ("is insurance cheaper for our people under an aso?", "No"),
    ],
)
def test_a_comparative_is_settled_on_the_attribute_it_compares(service, question: str, opening: str) -> None:
    reply = ask(service, question)
    assert reply.answer.startswith(opening), reply.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("an hro won't become a co-employer, correct?", "Right"),
        ("a peo won't take over workers comp for us, right?", "Actually, it does"),
    ],
)
def test_a_denial_put_up_for_confirming_is_agreed_or_disagreed_with(
    service, question: str, opening: str
) -> None:
    reply = ask(service, question)
    assert reply.answer.startswith(opening), reply.answer


def test_it_as_an_object_in_a_follow_up_is_the_topic_last_asked_about(service) -> None:
    reply = ask(
        service,
        "under a peo who looks after eligibility and renewals?",
        "could we keep doing that ourselves?",
    )
    assert reply.answer.startswith(("No", "Partly")), reply.answer
    assert "eligibility" in reply.answer.split("[1]")[0]


def test_a_listed_pro_done_by_the_model_says_no_to_doing_it_ourselves(service) -> None:
    reply = ask(
        service, "who takes care of workers comp under a peo?", "could we go on running that ourselves?"
    )
    assert reply.answer.startswith("No"), reply.answer


def test_a_detail_named_only_for_the_other_model_is_said_to_be_so(service) -> None:
    reply = ask(service, "would an aso run our cobra paperwork")
    assert reply.answer.startswith("The guide doesn't say that of an ASO; it names it only for a PEO"), (
        reply.answer
    )
    handbook = ask(service, "do we get help w/ an employee handbook from a peo?")
    assert handbook.answer.startswith("Yes") and "handbooks" in handbook.answer, handbook.answer


def test_taxes_filed_under_our_own_ein_make_us_the_filer(service) -> None:
    assert ask(service, "under a peo do the payroll taxes go out under our own EIN?").answer.startswith("No")
    assert ask(service, "with an aso, taxes get filed under our company ein right").answer.startswith("Yes")


def test_two_models_compared_on_a_topic_without_a_row_give_each_ones_pros_and_cons_on_it(service) -> None:
    answer = ask(service, "peo vs aso when it comes to compliance help").answer
    assert "of a PEO" in answer and "“Limited help with compliance” among the cons of an ASO" in answer, (
        answer
    )


def test_a_who_question_on_a_detail_the_row_does_not_name_leads_with_the_sentence_naming_it(service) -> None:
    answer = ask(service, "w/ a peo who handles the cobra stuff").answer
    assert answer.split("[1]")[0].count("COBRA") == 1, answer


def test_a_claim_of_the_whole_against_a_shared_cell_is_only_partly_so(service) -> None:
    assert ask(service, "does a peo carry the entire employer liability for us?").answer.startswith("Partly")
    assert ask(service, "does a peo run all of our payroll").answer.startswith("Yes")


def test_a_detail_the_attribute_row_does_not_name_is_settled_by_the_sentence_naming_it(service) -> None:
    helps = ask(service, "does an aso at least help with the workers comp reporting?").answer
    assert helps.startswith("Yes") and "assist with reporting" in helps, helps  # not "You stay responsible"
    denied = ask(service, "so the aso wont help w/ workers comp reporting at all, right?").answer
    assert denied.startswith("Actually"), denied


def test_a_claim_of_the_whole_against_a_sentence_stating_a_part_is_only_partly_so(service) -> None:
    message = "with a peo they become the legal employer of our staff for all purposes, yes?"
    answer = ask(service, message).answer
    assert answer.startswith("Partly"), answer


def test_a_confirming_claim_about_a_model_is_answered_from_the_guide_not_the_rules(service) -> None:
    reply = ask(service, "a peo will always cut our insurance costs, right?")
    assert reply.recommendation is None and reply.status == "answered", reply.answer


def test_a_fit_put_up_with_our_facts_is_agreed_or_disagreed_with_by_the_rules_table(service) -> None:
    facts = "we have 300 staff and a full HR department and want to keep all liability ourselves"
    agreed = ask(service, f"{facts}, so an aso suits us, right?")
    assert agreed.recommendation and agreed.recommendation.choice == "ASO" and agreed.answer.startswith("Yes")
    assert ask(service, f"{facts}, so a peo suits us, right?").answer.startswith("No")


def test_a_model_held_up_for_contrast_is_not_listed(service) -> None:
    answer = ask(service, "could you bullet the pros of a peo that an aso won't give us").answer
    assert "Pros of a PEO" in answer and "Pros of an ASO" not in answer, answer


def test_a_remark_beside_the_question_does_not_refuse_or_steer_it(service) -> None:
    message = "a peo is still real HR outsourcing, correct? my manager thinks it's only payroll software"
    reply = ask(service, message)
    assert reply.answer.startswith("Yes"), reply.answer


def test_a_statement_asked_with_a_question_mark_is_a_yes_no(service) -> None:
    assert ask(service, "after switching to an hro we'd remain the only employer?").answer.startswith("Yes")


def test_a_yes_no_nothing_said_of_the_model_touches_gives_the_topic_unsettled(service) -> None:
    answer = ask(service, "with an hro are taxes filed under our ein?").answer
    assert answer.startswith("The guide doesn't settle") and "EIN" in answer, answer


def test_a_refused_turn_naming_a_model_keeps_it_for_the_next(service) -> None:
    answer = ask(service, "does an hro manage our 401k plan?", "and are we still the employer?").answer
    assert answer.startswith("Yes") and "HRO" in answer, answer


def test_a_which_question_on_a_word_said_of_one_model_only_cites_where_it_is_said(service) -> None:
    answer = ask(service, "peo or aso, which is more reliant on the provider's systems").answer
    assert answer.startswith("That's a PEO, per the guide") and "“Dependent on PEO’s systems" in answer, (
        answer
    )


def test_after_a_recommendation_that_is_the_model_it_chose(service) -> None:
    facts = "we want to hire a few people in germany but have no entity there, peo or aso?"
    answer = ask(service, facts, "how does that compare with a peo?").answer
    assert "EOR" in answer.split("[1]")[0], answer


@pytest.mark.parametrize(
    ("message", "side"),
    [
        ("if staying compliant is our number one worry, which model", "PEO"),
        ("money is tight and budget is the main concern - which one", "ASO"),
        # a price word set on the benefits: cheaper premiums are the better deal on them
        ("peo vs aso, which one would land our staff cheaper medical premiums", "PEO"),
        # a 'not' at the verb of a which-question is what is asked; one inside a 'for' phrase is its own
        ("between peo and aso, which won't carry any of our liability", "ASO"),
        ("which model is meant for young companies with no hr people, peo or aso", "PEO"),
    ],
)
def test_a_which_question_putting_a_topic_first_leans_the_way_it_is_wanted(service, message, side) -> None:
    answer = ask(service, message).answer
    assert answer.startswith(f"That's {'an' if side == 'ASO' else 'a'} {side}"), answer


def test_a_closing_which_after_a_one_model_turn_weighs_both(service) -> None:
    turns = ("does an aso help with compliance?", "so if compliance is the biggest worry, wich one")
    answer = ask(service, *turns).answer
    assert answer.startswith("That's a PEO, per the guide"), answer


def test_what_stays_with_us_under_a_model_lists_what_the_guide_leaves_to_the_reader(service) -> None:
    aso = ask(service, "what would remain our job if we used an aso? everything pls").answer
    assert "“All on you”" in aso and "you file taxes" in aso, aso
    peo = ask(service, "under a peo what do we still handle in house").answer
    assert "hiring, firing, pay decisions" in peo and "pooled" not in peo, peo


def test_a_which_question_against_a_cell_leaning_the_other_way_names_the_other_side(service) -> None:
    answer = ask(service, "peo or aso: which leaves us more freedom over which vendors we use").answer
    assert answer.startswith("That's an ASO, per the guide"), answer


def test_a_question_of_what_a_model_does_beyond_us_is_no_question_of_our_share(service) -> None:
    answer = ask(service, "what does a peo do that we can't do in house").answer
    assert not answer.startswith("What the guide says stays with you"), answer


def test_a_claim_put_up_with_an_agreeing_remark_is_no_denial(service) -> None:
    message = "with a peo we still run our own team day to day, they don't take that over, right?"
    assert ask(service, message).answer.startswith("Yes"), ask(service, message).answer


def test_a_remark_after_the_question_denies_nothing_of_it(service) -> None:
    message = "with an aso we keep filing our own payroll taxes right? dont want any surprises from the irs"
    answer = ask(service, message).answer
    assert answer.startswith("Yes"), answer


def test_giving_something_up_is_asked_as_its_opposite(service) -> None:
    answer = ask(service, "with an aso would we need to give up the benefits plans we have now?").answer
    assert answer.startswith("No"), answer  # an ASO manages the plans you already have


def test_a_yes_no_on_an_attribute_is_settled_by_what_is_said_of_it(service) -> None:
    answer = ask(service, "will the aso take on some of our liability?").answer
    assert answer.startswith("No"), answer  # not "takes on the back-office tasks"


def test_a_yes_no_pointing_at_a_wh_question_asks_of_its_topic(service) -> None:
    turns = ("what does the guide mean by pooled plans?", "would an aso give us access to that?")
    assert ask(service, *turns).answer.startswith("No"), ask(service, *turns).answer


def test_a_follow_up_is_judged_on_its_own_words_not_the_question_before(service) -> None:
    turns = ("if a former worker sues us and we use a peo, does the peo share the liability?", "and an aso?")
    reply = ask(service, *turns)
    assert reply.status == "answered" and reply.answer.startswith("No"), reply.answer


def test_a_figure_asked_of_a_model_is_said_to_be_missing_with_what_the_guide_says_of_cost(service) -> None:
    message = "someone quoted $250 a month per head for a peo, is that about what the guide says?"
    answer = ask(service, message).answer
    assert answer.startswith("The guide gives no figure") and "Higher, bundled" in answer, answer


def test_a_fact_supposed_after_our_advice_asks_the_rules_table_again(service) -> None:
    turns = ("we're 20 people with no HR staff, which model?", "what if we brought on an HR director?")
    reply = ask(service, *turns, answered=False)
    assert reply.recommendation is not None and reply.recommendation.profile["in_house_hr"] is True, reply


def test_who_is_behind_the_guide_is_its_publisher_in_its_own_words(service) -> None:
    answer = ask(service, "who is the author of this guide anyway").answer
    assert "Wisemonk" in answer and "Employer of Record" in answer, answer


def test_is_it_a_model_after_another_compares_the_two(service) -> None:
    reply = ask(service, "what is an hro", "is it basically an aso then?")
    assert "HRO" in reply.answer and "ASO" in reply.answer, reply.answer


def test_same_for_the_other_one_after_why_asks_the_question_before_it(service) -> None:
    turns = ("under an aso who files the payroll taxes?", "why is that?", "and for the other one?")
    answer = ask(service, *turns).answer
    assert "PEO runs payroll & files taxes" in answer, answer


def test_a_statement_about_a_model_asked_with_a_question_mark_is_a_yes_no(service) -> None:
    assert service.reader.read("an aso takes care of benefits enrollment?").shape == "yes_no"


def test_a_fit_put_up_with_a_fact_about_risk_is_judged_by_the_rules_table(service) -> None:
    answer = ask(service, "we're risk-averse as a company so an aso matches us better, right?").answer
    assert answer.startswith("No. A PEO fits"), answer


def test_an_employee_asking_what_the_model_does_for_them_is_answered_from_the_guide(service) -> None:
    turns = ("my employer moved us onto a peo last month", "so who handles my paycheck now?")
    answer = ask(service, *turns).answer
    assert "PEO runs payroll" in answer, answer


def test_they_after_one_model_is_that_model(service) -> None:
    reply = ask(service, "does a peo handle cobra?", "do they also deal with renewals?")
    assert "ASO" not in reply.answer.split("[1]")[0], reply.answer


def test_a_claim_of_whichever_model_is_asked_of_each_not_our_advice(service) -> None:
    reply = ask(service, "no matter which we go with, peo or aso, payroll processing is off our plate now?")
    # both run payroll (the ASO "runs payroll, you file taxes"): asked of each, not our advice
    assert reply.recommendation is None and reply.answer.startswith("Yes, for both"), reply.answer


def test_a_row_settling_one_model_of_two_reads_as_a_sentence(service) -> None:
    answer = ask(service, "do we keep hiring decisions with either of them?").answer
    assert "table lists  " not in answer and "lists   [" not in answer, answer


def test_what_about_a_new_topic_carries_the_question_not_a_table(service) -> None:
    first = "does a peo take hiring decisions off our hands?"
    turns = (first, "what about the paperwork when someone quits, like cobra")
    answer = ask(service, *turns).answer
    assert "COBRA" in answer and "Pros of a PEO" not in answer, answer


def test_a_word_the_guide_uses_is_no_gap_of_its_own(service) -> None:
    reply = ask(service, "the guide says to compare the vendors' SLAs before signing, right?")
    assert reply.status == "answered" and "SLAs" in reply.answer, reply.answer


def test_a_yes_no_offering_its_denial_is_answered_on_its_claim(service) -> None:
    answer = ask(service, "will an aso help us with the reporting side or is that strictly our job?").answer
    assert not answer.startswith("No") and "assist with reporting" in answer, answer


def test_a_request_to_list_what_stays_with_us_lists_it(service) -> None:
    answer = ask(service, "could you list what stays with us if we sign with a peo").answer
    assert answer.startswith("What the guide says stays with you under a PEO"), answer


def test_why_a_cell_is_listed_gives_the_guides_reason_not_the_list(service) -> None:
    answer = ask(service, "why is a higher price listed among the peo downsides?").answer
    assert "because" in answer and "Cons of a PEO" not in answer, answer


def test_a_yes_no_on_a_topic_the_guide_lacks_says_so_before_the_nearest_it_says(service) -> None:
    answer = ask(
        service, "will an aso also look after our 401k plan or only the health insurance side?"
    ).answer
    assert answer.startswith("The guide doesn't cover retirement plan rules"), answer
    assert "Yes" not in answer.split(";")[0]


def test_facts_of_another_company_and_a_request_for_advice_ask_the_rules_table(service) -> None:
    message = (
        "customer ticket: 30 employees, nobody in HR, they want their costs as low as possible. which model"
    )
    response = service.answer(message=message)
    assert response.recommendation is not None, response.answer
    assert response.recommendation.profile.get("cost_priority") is True


def test_steps_or_reasons_asked_of_two_models_come_as_each_models_own_list(service) -> None:
    steps = ask(service, "walk me through the peo process next to the aso one, step by step").answer
    assert "How does a PEO work?" in steps and "How does an ASO work?" in steps, steps
    reasons = ask(
        service, "every reason the guide gives to pick an aso and every reason to pick a peo"
    ).answer
    assert "choose a PEO if" in reasons and "choose an ASO if" in reasons, reasons
    assert reasons.count("\n- ") >= 10


def test_words_about_the_answers_form_do_not_put_a_question_out_of_scope(service) -> None:
    answer = ask(service, "for a slide deck, list every con of an aso the guide mentions anywhere").answer
    assert "Full liability stays with you" in answer, answer


def test_two_rows_asked_by_name_come_as_both_rows(service) -> None:
    answer = ask(service, "what are the cost and the employer role rows of the comparison table?").answer
    assert "cost for a PEO" in answer and "employer role for a PEO" in answer, answer


def test_a_swapped_figure_question_still_asks_for_a_figure(service) -> None:
    answer = ask(service, "is there a per employee price for a peo in the guide?", "same for the aso?").answer
    assert answer.startswith("The guide gives no figure"), answer


def test_one_model_said_to_be_another_in_the_same_message_compares_them(service) -> None:
    message = "a colleague mentioned an aso, thats basically a peo under another name isnt it"
    answer = ask(service, message).answer
    assert not answer.startswith("Yes") and "PEO" in answer and "ASO" in answer, answer
    assert "differently" in answer or "co-employ" in answer, answer


def test_asking_whether_the_publisher_is_a_model_gives_the_publisher(service) -> None:
    answer = ask(service, "who put this guide out, and are they a peo themselves?").answer
    assert "Employer of Record" in answer, answer


def test_the_guides_date_is_said_to_be_missing(service) -> None:
    reply = ask(service, "when was this guide last updated?", answered=False)
    assert reply.status == "out_of_scope" and "publication date" in reply.answer, reply.answer


def test_a_table_cell_never_settles_an_only(service) -> None:
    answer = ask(service, "so an aso is strictly for large companies?").answer
    assert answer.startswith("Not always"), answer


def test_a_statement_reported_from_the_guide_and_asked_is_a_yes_no(service) -> None:
    reading = service.reader.read("the guide says an aso takes over workers comp claims?")
    assert reading.shape == "yes_no"


def test_a_duration_asked_is_a_figure_the_guide_lacks(service) -> None:
    answer = ask(service, "how many weeks does a peo take to set up?").answer
    assert answer.startswith("The guide gives no figure"), answer


def test_a_list_item_opening_with_they_names_its_model(service) -> None:
    answer = ask(service, "which one hands us templates and advice for our in-house hr team?").answer
    assert "With an ASO, they provide templates" in answer, answer


def test_a_statement_asked_with_a_question_mark_is_no_request_for_advice(service) -> None:
    reply = ask(service, "what does a peo take off our plate", "and they'd write our handbooks too?")
    assert reply.recommendation is None and "handbooks" in reply.answer, reply.answer
    assert "Full suite" in ask(service, "what does a peo take off our plate").answer


def test_a_who_question_the_shapes_barely_place_is_not_a_request_for_advice(service) -> None:
    reading = service.reader.read("with a peo who does our employee handbook")
    assert not reading.wants_recommendation


def test_two_models_the_guide_never_compares_say_so_whatever_the_turn_before_was_on(service) -> None:
    answer = ask(service, "can an eor handle payroll for hires abroad", "is that basically a peo?").answer
    assert answer.startswith("The guide doesn't compare them directly"), answer


def test_a_cell_naming_the_model_as_doer_of_what_is_asked_says_yes(service) -> None:
    answer = ask(service, "does an aso handle our payroll").answer
    assert answer.startswith("Yes"), answer
    assert ask(service, "does an aso file our payroll taxes").answer.startswith("No")


def test_zero_of_something_limited_is_denied(service) -> None:
    answer = ask(service, "so an aso gives us zero help with compliance?").answer
    assert not answer.startswith("Yes"), answer


def test_several_models_asked_to_be_spelled_out_get_a_line_each(service) -> None:
    answer = ask(service, "first week here - could someone spell out peo, aso and hro for me").answer
    assert answer.count("\n- ") >= 2 and "Professional Employer Organization" in answer, answer
    assert "Administrative Services Organization" in answer and "HRO" in answer, answer


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("can u list what an aso looks after for us", "How does an ASO work?"),
        ("list all the stuff a peo takes care of", "How does a PEO work?"),
        ("what all does a peo handle for a company like ours? bullet points pls", "How does a PEO work?"),
        ("what does a peo really handle for us", "How does a PEO work?"),
        # a remark after the question ("…, need it for the budget") is no part of what it asks
        ("so what does an aso do for us exactly? need it for the budget memo", "How does an ASO work?"),
    ],
)
def test_a_list_of_what_a_model_does_is_its_steps(service, question: str, section: str) -> None:
    # its steps but the reader's own (signing the contract), after the table's row on its HR scope
    reply = ask(service, question)
    assert reply.answer.startswith("What the guide says") and "HR scope" in reply.answer, reply.answer
    assert sum(c.section == section for c in reply.citations) == 4, reply.answer
    assert "You sign a contract" not in reply.answer, reply.answer
    if "PEO" in section:  # and the table's cells naming it on what no step speaks of
        assert "“Shared with PEO”" in reply.answer, reply.answer


def test_what_we_would_hand_off_to_a_model_without_steps_is_what_the_guide_says_of_it(service) -> None:
    reply = ask(service, "what sort of things do companies outsource to an hro")
    assert reply.answer.startswith("What the guide says an HRO takes on") and "recruiting" in reply.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("what do we give up by ruling out a peo?", "Pros of a PEO"),
        ("if we go aso what do we lose by not going with a peo", "Pros of a PEO"),
        ("what do we give up by picking a peo?", "Cons of a PEO"),
    ],
)
def test_what_we_lose_by_passing_a_model_over_is_what_it_gives(service, question: str, opening: str) -> None:
    answer = ask(service, question).answer
    other = opening.replace("Pros", "Cons") if opening.startswith("Pros") else opening.replace("Cons", "Pros")
    assert opening in answer and other not in answer, answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("ok but why not just use a peo tho", "Cons of a PEO"),
        ("any reason not to just pick an aso?", "Cons of an ASO"),
        ("whats wrong w/ going aso", "Cons of an ASO"),
    ],
)
def test_reasons_against_a_model_are_its_cons(service, question: str, opening: str) -> None:
    answer = ask(service, question).answer
    assert answer.startswith(opening) and "Pros of" not in answer, answer


def test_an_attribute_said_in_few_sentences_gets_those_sentences_only(service) -> None:
    reply = ask(service, "before we sign anything, which certs should the provider have")
    quotes = [c.quote for c in reply.citations]
    assert any("CPEO" in q for q in quotes), reply.answer
    assert all(re.search(r"CPEO|certif|accredit", q) for q in quotes), reply.answer


def test_who_is_responsible_for_a_task_asks_of_the_task_not_of_liability(service) -> None:
    answer = ask(service, "under an aso who's accountable for getting the payroll taxes filed").answer
    assert "payroll" in answer.split("[1]")[0] and "you file" in answer, answer
