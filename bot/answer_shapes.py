"""Answers in the shape asked: yes/no first, the side named for which-is-more, whole lists and both
columns, table rows as sentences, definitions from the defining section, reasons for 'why?'."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from bot.compose import (
    Claim,
    Draft,
    compose,
    conditional_lead,
    is_condition,
    item_label,
    render_sentence,
    similar,
    standing,
)
from bot.evidence import (
    Sentence,
    about,
    asker_terms,
    attribute_stems,
    doer_of,
    said_where,
    sentences,
    statement_terms,
)
from bot.guide_words import DETAIL_SENTENCES, GuideWords
from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY, without_quoted, words_of
from bot.polarity import (
    Settled,
    choosing_model,
    detail_terms,
    puts_up_denial,
    settle_each,
    settle_myth,
    settle_which,
    settle_yes_no,
)
from bot.prompts import AnswerTexts
from bot.quotes import QuoteFound, asks_which_said
from bot.refusal import lacks
from bot.retrieval import Retrieval
from bot.tables import (
    TableIndex,
    attribute_rows,
    cell,
    column_indices,
    listed_cell,
    row_claim_text,
    row_item,
    row_sentence,
    with_article,
)
from bot.text_match import MODEL_NAME_STEMS, content_terms, stem
from bot.understanding import LISTING_SHAPES, Reading
from ingest.chunking import Chunk

# the reader's company as the subject of a clause ("your employees get…" is whose, "employers may…" anyone)
_READER_SUBJECTS = frozenset({"you", "we", "client company", "client"})
# clauses, each with its opener: one opened by a condition ("if you don't have…") does nothing
_READER_CLAUSE = re.compile(r"\b(?:if|when|unless|once)\b[^,;]*|[,;]|\b(?:but|while|and|whereas)\b")
MAX_SHARE = 8  # items of what stays with the reader's company
# shapes a question asking what stays with us may have been read as ("what's still on us with an ASO?")
SHARE_SHAPES = frozenset({"general", "attribute", "definition", "list", "steps", "pros_cons"})
MAX_SUPPORT = 2  # sentences that back a yes/no, a which-is-more or a table row
SUPPORT_MATCH = 0.6  # below this a sentence only shares a word or two with the question
MAX_ITEMS = 8
# Shapes whose whole list or section is dropped for the sentences naming a detail asked that it lacks.
DETAIL_SHAPES = frozenset({"steps", "list", "pros_cons", "general"})
MAX_GATHERED = 12  # sentences per model of everything the guide says on a topic
_CHOOSING = frozenset(content_terms("choose choosing pick picking opt select"))
ITEM_WORDS = 2  # words of a question one item alone holds that make it the item asked about
_STEP_STEMS = frozenset(content_terms("step steps process stage stages all every"))
STEPS_RANK = 6  # a question for steps looks further down for its list
SAME_WORD = 4  # stems sharing this many first letters are one word shortened ('comp', 'compens')
DEFINING_SENTENCES = 3  # of the section that defines a model
SUBJECT_WORDS = 4  # a model named this early in a sentence is what the sentence is about
MAX_COMPARED = 4  # sentences of a section that compares exactly the two models asked
DEFAULT_PAIR = ("PEO", "ASO")
OVERVIEW_TOPICS = 3  # a sentence naming two models and this many topics sums up their differences

OWN_OPENING = ("The guide's ", "The guide lists ")

Composer = Callable[[Reading, Retrieval, Knowledge, AnswerTexts], Draft | None]


def compose_answer(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft:
    """The draft for the reading's shape; the general composer when the shape's own finds nothing."""
    shaped = SHAPED.get(reading.shape)
    draft = _row_at_place(reading, kb, texts)  # "whats the very first row of the table"?
    draft = draft or _not_in_table(reading, found, kb, texts)  # "which row of the table is the hro in?"
    draft = draft or (guide_part(reading, kb, texts) if reading.part else None)
    if not draft and VOCABULARY.asks_where_said(reading.cleaned):
        draft = where_said(reading, kb, texts)  # "where does the guide talk about HROs?"
    if not draft and reading.shape in ("list", "general") and _columns_named(reading):
        draft = _no_pros_cons(reading, found, kb, texts)  # "whats the pros and cons of going with an hro"
    # ("everything the guide says WE still control with a PEO" asks what stays with us, from anywhere)
    draft = draft or (_readers_share(reading, kb, texts) if reading.shape in SHARE_SHAPES else None)
    draft = draft or everything_said(reading, kb, texts)
    if not draft and reading.shape == "yes_no" and reading.query.asks_figure and reading.attribute:
        # "is there a min # of employees for a peo?": no figure to say yes or no by; its row says most
        draft = table_row(reading, found, kb, texts)
    draft = draft or (shaped(reading, found, kb, texts) if shaped else None)
    details = detail_terms(kb, reading.asked.terms)
    if draft and details and reading.shape in DETAIL_SHAPES and not _holds_detail(draft, details):
        draft = None  # "which model does the guide call a turnkey solution?": not a list without it
    if not (draft and draft.claims) and reading.shape == "yes_no" and reading.reference == "swap":
        # "and an hro?" after "does a PEO handle our workers comp?": the guide never says it of the HRO,
        # and the other models' row is no answer for it (asked afresh, "with an hro are taxes filed under
        # our ein?", where the guide says it of the others shows the topic)
        draft = _unsaid_of_model(reading, kb, texts)
    if not (draft and draft.claims):
        if reading.shape == "yes_no" and not reading.models and lacks(reading.cleaned, texts):
            return Draft()  # a yes/no question on a topic the guide lacks, that nothing settles
        draft = compose(
            reading.query,
            found,
            kb,
            texts,
            roomy=reading.shape in ("list", "steps"),
            conditions=not _asks_what_it_does(reading),
        )
        if draft.weak and reading.shape == "yes_no" and reading.models and not reading.query.unknown:
            draft = _nearest_on_topic(reading, found, kb, texts, draft)
        if draft.weak:
            draft = _unsaid_of_model(reading, kb, texts) or draft  # "under an hro who's on the hook for comp"
        # the claim's own words: not "for the vendor review doc - does the guide spell out…"
        claimed = set(reading.asked.terms) & set(content_terms(reading.proposition))
        details_claimed = details & claimed
        holds_detail = not draft.weak and _holds_detail(draft, details_claimed)
        if reading.shape == "yes_no" and reading.models and details_claimed and not holds_detail:
            # "does the ASO do COBRA?"
            draft = _said_of_others(reading, found, kb, texts, details_claimed) or draft
        elif reading.shape == "yes_no" and reading.models:
            # "would the ASO deliver our harassment training?": training is said of the HRO only
            elsewhere = GuideWords.of(kb).said_only_of_others(kb, claimed, reading.models[0])
            draft = (_said_of_others(reading, found, kb, texts, elsewhere) if elsewhere else None) or draft
        if details and reading.shape in DETAIL_SHAPES and not _holds_detail(draft, details):
            draft = _naming_detail(reading, found, kb, details) or draft
        # "who handles the COBRA stuff with a PEO?": the sentence naming the detail asked leads
        draft.claims.sort(key=lambda c: not details & statement_terms(c.quote))
        # "does an hro do payroll too or is that only a peo/aso thing": nothing of the HRO's speaks of it
        claimed_of = VOCABULARY.models_named(reading.proposition) if not reading.reference else ()
        of_claim = replace(reading, models=claimed_of) if len(claimed_of) == 1 else reading
        # (a word of the claim beyond its attribute that the draft holds shows where the guide says it:
        # "with an hro are taxes filed under our ein?")
        beyond = claimed - attribute_stems(reading.attribute) - MODEL_NAME_STEMS - GuideWords.of(kb).everyday
        # (a sentence naming only other models shows nothing of this one: "A PEO … taking on payroll taxes,
        # benefits administration…" for "does an hro take over payroll taxes n benefits the way a peo does")
        shown = any(
            beyond & statement_terms(c.quote) and _of_models(c.quote, of_claim.models) for c in draft.claims
        )
        unsaid = None if shown else _unsaid_of_model(of_claim, kb, texts)
        if reading.shape == "yes_no" and not draft.lead and unsaid:
            draft = unsaid
        if reading.shape == "yes_no" and draft.claims and not draft.lead:
            unknown = reading.unknown_object
            draft.lead = texts.fill("never_says", thing=unknown) if unknown else texts.not_settled
    carried = detail_terms(kb, reading.query.terms)  # with the topic a follow-up points at
    # "cobra once they leave?" (of a PEO) → "under an aso who'd handle that part": COBRA is named only for
    # the PEO
    others_only = reading.shape in ("attribute", "general") and len(reading.models) == 1
    if carried and others_only and not _holds_detail(draft, carried):
        draft = _said_of_others(reading, found, kb, texts, carried) or draft
    if draft.claims and reading.models and VOCABULARY.against_status_quo(reading.cleaned):
        # "would an aso save us money vs keeping payroll in house?": the guide weighs models only
        model = with_article(reading.models[0])
        draft = replace(draft, lead=texts.fill("not_against_us", model=model), groups=[], as_list=False)
    if (
        draft.claims
        and reading.query.asks_figure
        and not any(re.search(r"\d", c.quote) for c in draft.claims)
    ):
        draft.lead = texts.no_figure
    if draft.as_list and draft.lead and not reading.attribute and VOCABULARY.asks_criteria(reading.cleaned):
        draft = _with_other_criteria(draft, kb, texts)  # "need a checklist": every factor the guide names
    draft = _on_rare_attribute(reading, draft, kb)
    if reading.brief and draft.claims:
        listing = reading.shape in LISTING_SHAPES and (draft.groups or draft.as_list)
        one_line = VOCABULARY.asks_one_line(reading.message)
        draft = _shorter_list(draft, one_line=one_line) if listing else _in_one_sentence(reading, draft)
    if draft.lead and draft.lead.endswith(":") and not draft.as_list and not draft.groups and draft.claims:
        first = draft.claims[0]
        if first.text.startswith(
            OWN_OPENING
        ):  # our own sentence continues the lead: "No: the guide's table…"
            draft.claims[0] = replace(first, text=first.text[0].lower() + first.text[1:])
    return draft


def _not_in_table(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """A row or column asked of the one model named that the comparison table has no column for ("and
    which row of that table is the hro in?"): says so, then what the guide says of it."""
    if len(reading.mentioned) != 1 or not {"row", "rows", "column", "columns"} & set(
        words_of(reading.cleaned).split()
    ):
        return None
    model = reading.mentioned[0]
    if any(cell(row, model) for row in _rows_comparing(kb, DEFAULT_PAIR)):
        return None
    said = definition(replace(reading, models=(model,), attribute=None, shape="definition"), found, kb, texts)
    if not said or not said.claims:
        return None
    return Draft(
        claims=said.claims[:2], lead=texts.fill("not_in_table", model=with_article(model)), focus=(model,)
    )


def _row_at_place(reading: Reading, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """The row of the comparison table asked by its place ("the very first row, both columns")."""
    place = VOCABULARY.row_place(reading.cleaned)
    models = reading.models if len(reading.models) == 2 else DEFAULT_PAIR
    rows = _rows_comparing(kb, models) if place is not None else []
    if not place or not rows or abs(place) > len(rows) + (place < 0):
        return None
    row = rows[place - 1] if place > 0 else rows[place]
    claim = Claim(row_item(row, models), row, row.body)
    return Draft(claims=[claim], lead=texts.fill("one_row_lead", section=row.section), as_list=True)


def _in_one_sentence(reading: Reading, draft: Draft) -> Draft:
    """The draft's one sentence that speaks of every model asked, else the fewest leading sentences that
    do (else its first), for a request to say it shorter; a yes/no keeps its verdict."""
    claims = draft.claims

    def covers(said: list[Claim]) -> bool:
        return set(reading.models) <= {m for c in said for m in VOCABULARY.models_named(c.quote)}

    whole = next(([c] for c in claims if covers([c])), None)
    leading = next((claims[:n] for n in range(1, len(claims) + 1) if covers(claims[:n])), claims[:1])
    lead = draft.lead if reading.shape == "yes_no" else None
    return Draft(claims=whole or leading, lead=lead, focus=draft.focus)


def about_item(draft: Draft, item: str, texts: AnswerTexts) -> Draft:
    """The claims that speak of a listed item: the item itself and the sentences holding at least half of
    its words (at least two), led by the item; not whatever else shares one word with it."""
    words = set(content_terms(item)) - MODEL_NAME_STEMS
    needed = max(2, math.ceil(len(words) / 2))
    claims = [
        c
        for c in draft.claims
        # (not 'choose' of "Choose a PEO if…" for "less flexibility in choosing vendors")
        if item in c.text or len(words & (set(content_terms(c.quote)) - choosing_model(c.quote))) >= needed
    ]
    named = item_label(item) or item.rstrip(".")  # a step by its name ("Benefits administration")
    return Draft(claims=claims, lead=texts.fill("about_item", item=named))


def _with_other_criteria(draft: Draft, kb: Knowledge, texts: AnswerTexts) -> Draft:
    """A list of what to weigh when choosing, with the other sentences of the guide that name factors to
    weigh ("Beyond price, look at multi-state payroll complexity…", "Also check accreditation…")."""
    quotes = [c.quote for c in draft.claims]
    more = [
        claim
        for row in kb.derived("criteria_rows", _criteria_rows)
        if (claim := _claim_at(row, kb.chunk(kb.units.chunk_ids[row]), kb))
        and not any(claim.quote in q or q in claim.quote for q in quotes)
    ]
    if not more:
        return draft
    return Draft(
        claims=[*draft.claims, *more],
        groups=[(draft.lead or "", draft.claims), (texts.other_criteria, more)],
        focus=draft.focus,
    )


def _criteria_rows(kb: Knowledge) -> list[int]:
    """The content sentences outside the introduction that name factors to weigh in choosing."""
    return [
        row
        for row, text in enumerate(kb.units.texts)
        if kb.units.kinds[row] == "sentence"
        and kb.roles[row] == "content"
        and not (chunk := kb.chunk(kb.units.chunk_ids[row])).promotional
        and not kb.in_preamble(chunk)
        and VOCABULARY.names_criteria(text)
    ]


def _shorter_list(draft: Draft, *, one_line: bool) -> Draft:
    """A list said shorter: its first group only, each item by its name when it leads with one ("Service
    agreement" for "Service agreement: You sign a contract…"); every item stays, run on in one line when
    one line is asked."""
    title, claims = draft.groups[0] if draft.groups else ("", draft.claims)
    short = [replace(c, text=item_label(c.text) or c.text) for c in claims]
    if one_line:
        items = [replace(c, text=c.text.rstrip(".")) for c in short]
        return Draft(claims=items, lead=title or draft.lead, inline=True, focus=draft.focus)
    if draft.groups:
        return Draft(claims=short, groups=[(title, short)], focus=draft.focus)
    return Draft(claims=short, lead=draft.lead, as_list=True, focus=draft.focus)


def _naming_detail(reading: Reading, found: Retrieval, kb: Knowledge, details: set[str]) -> Draft | None:
    """The guide's sentences naming a detail asked ("turnkey"), the most of them first."""
    candidates = [
        s
        for s in sentences(reading, found, kb, roles=("content",))
        if details & statement_terms(s.text) and s.chunk.kind != "table_row"
    ]
    candidates.sort(key=lambda s: -len(details & statement_terms(s.text)))
    claims = _distinct([_claim(s, kb, reading) for s in candidates])[:MAX_SUPPORT]
    return Draft(claims=claims) if claims else None


def _holds_detail(draft: Draft, details: set[str]) -> bool:
    """Whether a claim of the draft says one of the question's detail words."""
    return any(details & statement_terms(c.quote) for c in draft.claims)


def yes_no(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    if reading.reference == "swap" and VOCABULARY.asks_wh(reading.proposition):
        # "same for an ASO?" after "who manages workers' comp under a PEO?"; with no row to hold the two
        # against, the question before answered for the new model
        return _same_as_before(reading, found, kb, texts) or table_row(reading, found, kb, texts)
    candidates = sentences(reading, found, kb, roles=("content", "myth"))
    if len(reading.models) >= 2 and reading.attribute and VOCABULARY.claims_equal(reading.proposition):
        # "benefits-wise it doesn't matter which one we pick, yes?": the row tells them apart, or not
        return _equal_or_not(reading, candidates, kb, texts)
    both = len(reading.models) >= 2 and (
        VOCABULARY.reference(reading.cleaned) == "all"
        or VOCABULARY.joins_models(reading.proposition)
        or (reading.reference == "swap" and len(reading.mentioned) >= 2)  # "and an ASO? or an HRO?"
    )
    if both and not settle_myth(reading, candidates, kb):
        return _yes_no_each(reading, candidates, kb, texts)
    settled = settle_yes_no(reading, candidates, kb)
    if settled and settled.answer != "no":
        settled = _denied_part(reading, candidates, kb) or settled
    if not settled and VOCABULARY.claims_whole(reading.proposition):
        # "…the employer of record for everything??" against "…the “employer of record” for certain HR
        # functions": a part stated of what was claimed whole
        settled = _part_stated(reading, candidates, kb)
    if not settled or (reading.unknown_object and not _settles_in_own_words(reading, settled)):
        return None  # "can ppl keep their current doctors with a peo?": the guide never says
    asked = reading.models[:1]
    whole = VOCABULARY.claims_whole(reading.proposition)
    claims: list[Claim] = []
    if settled.row:
        others = tuple(m for m in (*reading.models, *DEFAULT_PAIR) if m not in asked and cell(settled.row, m))
        claims.append(_settled_claim(reading, settled, kb, (*asked, *others[:1])))
    elif settled.sentence and kb.roles[settled.sentence.row] == "myth":
        claims += _explanation(settled.sentence, kb)
    elif settled.sentence:
        claims.append(_claim(settled.sentence, kb, reading))
    support = _support(reading, candidates, kb, claims, models=asked)
    if settled.answer == "yes" and whole and _states_part(reading, settled, kb, claims + support):
        # "all the liability moves over?" against "Shared with PEO"; "our employer for everything?"
        # against "a legal employer for certain HR responsibilities"
        settled = replace(settled, answer="partly")
    if settled.answer == "yes" and (fuller := _naming_more(reading, claims + support)):
        # "is an ASO just for payroll?" against "…payroll processing, benefits administration, and
        # compliance support"
        lead = texts.fill("not_only_for", model=with_article(asked[0] if asked else DEFAULT_PAIR[0]))
        return Draft(claims=[fuller, *(c for c in claims + support if c is not fuller)], lead=lead)
    absolute = VOCABULARY.absolute(reading.proposition)
    if settled.answer == "yes" and (absolute or VOCABULARY.claims_certainty(reading.message)):
        qualified = _qualified(reading, candidates, kb, claims)
        # "is a PEO always pricier?" against "costs can also be higher … often vary"; "PEOs are only for
        # small companies?" against the table's "Best for": a cell says what is usual, never "only";
        # "our premiums WILL go down?" against "often at lower rates"
        if qualified or (settled.row and absolute):
            claims = [qualified, *claims] if qualified else claims  # the hedge first: it answers
            lead = texts.fill("not_always_for", model=with_article(asked[0] if asked else DEFAULT_PAIR[0]))
            return Draft(claims=claims + _support(reading, candidates, kb, claims, models=asked), lead=lead)
    claims += support
    # "No, not for an ASO:" when the table tells the models apart; a plain "No:" for a statement; a
    # denial put up for confirming is agreed or disagreed with ("Right, not for an ASO:").
    by_model = asked and settled.row is not None
    key = {"no": "agree_no", "yes": "disagree_yes"}.get(settled.answer) if puts_up_denial(reading) else None
    key = key or settled.answer
    lead = texts.fill(f"{key}_for", model=with_article(asked[0])) if by_model else getattr(texts, key)
    return Draft(claims=claims, lead=lead)


def _settles_in_own_words(reading: Reading, settled: Settled) -> bool:
    """True when what settled a yes/no says a word of the claim ('types' of "are peo types an official
    legal classification?" against "…a universally accepted “three types” taxonomy"), so it speaks of the
    claim, whatever word of it the guide lacks."""
    said = settled.sentence.text if settled.sentence else settled.row.body if settled.row else ""
    return bool((set(content_terms(reading.proposition)) - MODEL_NAME_STEMS) & statement_terms(said))


def _denied_part(reading: Reading, candidates: list[Sentence], kb: Knowledge) -> Settled | None:
    """A claim of two parts on two attributes ("the provider files the taxes and we keep being the sole
    employer?") is no if either part is: each part settled on its own attribute, in its own clause."""
    attributes = VOCABULARY.attributes_named(reading.proposition)
    if len(attributes) < 2:
        return None
    for attribute in attributes:
        if attribute == reading.attribute:
            continue
        clause = said_where(reading.proposition, attribute_stems(attribute))
        if clause == reading.proposition:
            continue  # no clause of its own
        part = settle_yes_no(replace(reading, attribute=attribute, proposition=clause), candidates, kb)
        if part and part.answer == "no":
            return part
    return None


def _naming_more(reading: Reading, claims: list[Claim]) -> Claim | None:
    """For a question restricting a model to one thing ('just for payroll?'), the answer's sentence on
    that model that names, beside it, things the question did not ask of."""
    if not VOCABULARY.restricts(reading.proposition):
        return None
    asked = set(VOCABULARY.attributes_named(reading.proposition)) | {reading.attribute}
    return next(
        (
            c
            for c in claims
            if c.chunk.kind != "table_row"
            and asked & set(named := VOCABULARY.attributes_named(c.quote))
            and set(named) - asked
        ),
        None,
    )


def _equal_or_not(
    reading: Reading, candidates: list[Sentence], kb: Knowledge, texts: AnswerTexts
) -> Draft | None:
    """Whether the models come to the same on the attribute: no when the table's row for it gives them
    different cells, with the row and the sentences saying it."""
    models = reading.models[:2]
    for row in attribute_rows(kb, reading.attribute):
        cells = [cell(row, m) for m in models]
        if all(cells) and len(set(cells)) == len(cells):
            text = row_claim_text(row, models=models, terms=asker_terms(reading.proposition))
            claims = [Claim(text, row, row.body)]
            claims += _support(reading, candidates, kb, claims, models=models)
            return Draft(claims=claims, lead=texts.fill("not_equal", attribute=reading.attribute or ""))
    return None


def _states_part(reading: Reading, settled: Settled, kb: Knowledge, claims: list[Claim]) -> bool:
    """The guide states a part or a share for the model asked: in the settling row or a row on the
    attribute ("Shared with PEO"), or where a sentence of the answer says what was asked ("a legal
    employer for certain HR responsibilities"; its "sharing certain responsibilities" elsewhere may be
    on another topic)."""
    if not reading.models:
        return False
    rows = [settled.row] if settled.row else []
    cells = [cell(r, reading.models[0]) for r in (*rows, *attribute_rows(kb, reading.attribute))]
    if any(VOCABULARY.states_part(text) for text in cells if text):
        return True
    asked = asker_terms(reading.proposition) - {"_you", "_own"}
    return any(
        VOCABULARY.states_part(said_where(c.quote, asked), shares=False)
        for c in claims
        if c.chunk.kind != "table_row" and reading.models[0] in kb.models_of(c.chunk, c.quote)
    )


def _part_stated(reading: Reading, candidates: list[Sentence], kb: Knowledge) -> Settled | None:
    """Partly, by the sentence on the model asked and the attribute that states a part where it says the
    words asked (of those close enough, the one saying most of them)."""
    if not reading.models:
        return None
    asked = asker_terms(reading.proposition) - {"_you", "_own"}
    topic = attribute_stems(reading.attribute)
    parts = [
        s
        for s in candidates
        if s.match >= SUPPORT_MATCH
        and kb.roles[s.row] == "content"
        and s.chunk.kind != "table_row"
        and s.models[:1] == reading.models[:1]
        and (not topic or topic & statement_terms(s.text))
        and VOCABULARY.states_part(said_where(s.text, asked), shares=False)
    ]
    best = max(parts, key=lambda s: (len(asked & statement_terms(s.text)), s.match), default=None)
    return Settled("partly", sentence=best) if best else None


def _qualified(
    reading: Reading, candidates: list[Sentence], kb: Knowledge, have: list[Claim]
) -> Claim | None:
    """The guide's sentence on the attribute and a model asked that holds only as a rule ('typically',
    'can also', 'often vary'), for a question asking whether something holds always."""
    topic = attribute_stems(reading.attribute)
    for s in candidates:
        if s.chunk.kind == "table_row" or not about(s, reading.models) or not VOCABULARY.qualified(s.text):
            continue
        if topic and not topic & set(content_terms(s.text)):
            continue
        claim = _claim(s, kb, reading)
        if not any(similar(claim.quote, c.quote) for c in have):
            return claim
    return None


def _nearest_on_topic(
    reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts, weak: Draft
) -> Draft:
    """A yes/no on a model, in the guide's words, that nothing said of that model touches ("with an HRO
    would payroll still run under our own EIN?"): what the guide says of the model, then its sentences on
    the topic said of any model; unsettled either way (the caller leads with so)."""
    wider = compose(replace(reading.query, models=()), found, kb, texts)
    if wider.weak or not wider.claims:
        return weak
    own = weak.claims[:1]
    return Draft(claims=_distinct(own + wider.claims[:MAX_SUPPORT]))


def _readers_share(reading: Reading, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """'With an ASO, what's still on us?': what the guide says the reader's company does or keeps under
    the model: its table cells and its pros and cons that speak of the reader, then its sentences in
    which the reader does something."""
    asked = reading.proposition
    # "can u list everything…", "i want the full list: everything we still control…"
    asks_for_it = (
        VOCABULARY.asks_wh(asked) or VOCABULARY.without_request(asked) or VOCABULARY.needs_of_answer(asked)
    )
    # (in the words as the query spells them out too: "what stays w us")
    share = VOCABULARY.asks_readers_share(asked) or VOCABULARY.asks_readers_share(reading.asked.text)
    if len(reading.models) != 1 or not asks_for_it or not share:
        return None
    if reading.shape == "list" and reading.duties:
        return None  # "list all an aso takes care of and what's still on us": both lists (_duties)
    model = reading.models[0]
    claims = kb.derived(f"readers_share:{model}", lambda kb: _share_of(kb, model))
    if len(claims) < 2:
        return None
    return Draft(
        claims=list(claims), lead=texts.fill("readers_share", model=with_article(model)), as_list=True
    )


def _share_of(kb: Knowledge, model: str) -> list[Claim]:
    """What the guide leaves to the reader's company under the model (the same for every question)."""
    claims: list[Claim] = []
    for rows in TableIndex.of(kb).by_attribute.values():
        for r in rows:
            value = cell(r, model)
            if value and _left_with_reader(value):
                claims.append(Claim(row_sentence(r, (model,)), r, r.body))
    for r in TableIndex.of(kb).pros_cons.get(model, []):
        for i in column_indices(r, ("pros", "cons")):
            text = r.cells[i] if i < len(r.cells) else ""
            if _left_with_reader(text):
                claims.append(Claim(listed_cell(r, i, model), r, r.body))
    for chunk in kb.chunks:
        if chunk.promotional or chunk.kind == "table_row":
            continue
        for row in kb.sentence_rows.get(chunk.id, []):
            text = kb.units.texts[row]
            if (
                kb.roles[row] == "content"
                and kb.models_of(chunk, text) == (model,)
                and model in kb.section_models.get(chunk.id, (model,))  # not "Unlike a PEO, …" of an ASO
                and not is_condition(chunk, text)
                and _reader_does(text)
            ):
                claims.append(_claim_at(row, chunk, kb) or Claim(text, chunk, text))
    return _distinct(claims)[:MAX_SHARE]


def _left_with_reader(text: str) -> bool:
    """The reader's company does or keeps it ('You source your own'), or it stays with them ('All on
    you', 'Full liability stays with you')."""
    return _reader_does(text) or bool(re.search(r"\b(?:with|on|to) you(?:rself)?\b", words_of(text)))


def _reader_does(text: str) -> bool:
    """A clause of the text has the reader's company do or keep something ('you file payroll taxes',
    'the client company remains in charge of hiring'), not receive it ('you get access to…') nor under
    a condition ('if you don't have HR staff')."""
    for clause in _READER_CLAUSE.split(text.lower()):
        said = [w for w in words_of(clause).split() if w not in ("still", "also", "only", "just", "the")]
        for size in (2, 1):
            if len(said) > size and " ".join(said[:size]) in _READER_SUBJECTS:
                return not VOCABULARY.receives(said[size])
    return False


def _said_of_others(
    reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts, details: set[str] | None = None
) -> Draft | None:
    """A yes/no on a detail the guide names only for another model ("does the ASO deal with COBRA?":
    COBRA is named only of the PEO): says so, with what it says there."""
    details = details or detail_terms(kb, reading.asked.terms)
    asked = reading.models[0]
    saying = [
        (row, chunk, models)
        for row, (text, terms) in enumerate(zip(kb.units.texts, GuideWords.of(kb).row_terms, strict=True))
        if kb.roles[row] == "content"
        and details & terms
        and asked not in (models := kb.models_of(chunk := kb.chunk(kb.units.chunk_ids[row]), text))
        and models
    ]
    claims = [
        Claim(row_claim_text(chunk, models=models, terms=details), chunk, chunk.body)
        if chunk.kind == "table_row" and chunk.cells  # a cell under its column, not the row's raw text
        else c
        for row, chunk, models in saying[:MAX_SUPPORT]
        if (c := _claim_at(row, chunk, kb))
    ]
    if not claims:
        return None
    other = saying[0][2][0]
    lead = texts.fill("said_of_other", model=with_article(asked), other=with_article(other))
    return Draft(claims=claims, lead=lead, focus=(other,))  # ("and the other one?" is then the one asked)


def _same_as_before(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """'Who manages workers' comp under a PEO?' → 'same for an ASO?': the table row for the new model
    against the other model's cell: the same, sharing some words (partly), or different (no)."""
    asked = reading.models[:1]
    other = next((m for m in DEFAULT_PAIR if m not in asked), None)
    for row in attribute_rows(kb, reading.attribute):
        mine, theirs = (cell(row, m) if m else None for m in (*asked[:1], other))
        if not (asked and mine and theirs and other):
            continue
        said, before = statement_terms(mine), statement_terms(theirs)
        # Sharing only the attribute's words ("Co-employment", "You remain sole employer") is no likeness.
        shared = said & before - {"_you"} - attribute_stems(reading.attribute)
        answer = "yes" if said == before else ("partly" if shared else "no")
        if VOCABULARY.asks_differs(reading.cleaned):
            answer = {"yes": "no", "no": "yes"}.get(answer, answer)  # "is it any different for a PEO?"
        claims = [Claim(row_sentence(row, (asked[0], other)), row, row.body)]
        candidates = sentences(reading, found, kb, roles=("content",))
        claims += _support(reading, candidates, kb, claims, models=asked)
        return Draft(claims=claims, lead=texts.fill(f"{answer}_for", model=with_article(asked[0])))
    return None


def _yes_no_each(
    reading: Reading, candidates: list[Sentence], kb: Knowledge, texts: AnswerTexts
) -> Draft | None:
    """'Does either of them…' / 'do both…': the answer for each model, the differing one named first."""
    each = settle_each(reading, reading.models, candidates, kb)
    if len(each) == 1 and len(reading.models) == 2:
        # "and with an ASO? or an HRO?": the guide settles it for one of them only
        (model, settled), other = next(iter(each.items())), next(m for m in reading.models if m not in each)
        answer = {"yes": "Yes", "no": "No"}.get(settled.answer, "Partly")
        lead = texts.fill(
            "settled_for_one", answer=answer, model=with_article(model), other=with_article(other)
        )
        settling = [_settled_claim(reading, settled, kb, (model,))]
        settling += _support(reading, candidates, kb, settling, models=reading.models)
        # (a yes names the model: "and the other one?" is then the other)
        return Draft(claims=_distinct(settling), lead=lead, focus=(model,) if settled.answer == "yes" else ())
    if len(each) < 2:
        return None
    yes = [m for m, v in each.items() if v.answer == "yes"]
    no = [m for m, v in each.items() if v.answer == "no"]
    if len(yes) == 1 and no:
        lead = texts.fill("only_for", model=with_article(yes[0]), other=with_article(no[0]))
    elif len(yes) == len(each):
        lead = texts.both_yes
    elif len(no) == len(each):
        lead = texts.both_no
    else:
        lead = texts.partly
    claims: list[Claim] = []
    for model in (*yes, *[m for m in each if m not in yes]):
        v = each[model]
        if v.row and not any(c.chunk.id == v.row.id for c in claims):
            claims.append(_settled_claim(reading, v, kb, tuple(each)))
        elif v.sentence and kb.roles[v.sentence.row] == "content":
            claims.append(_claim(v.sentence, kb, reading))
        elif v.sentence and kb.roles[v.sentence.row] == "myth":
            claims += _explanation(v.sentence, kb)  # the guide's correction says it of each model
    claims += _support(reading, candidates, kb, claims, models=tuple(yes) or reading.models)
    return Draft(claims=_distinct(claims), lead=lead, focus=tuple(yes) if len(yes) == 1 and no else ())


def _settled_claim(reading: Reading, settled: Settled, kb: Knowledge, models: tuple[str, ...]) -> Claim:
    """What settled a yes or no, as a claim: its table row in a sentence, or its sentence."""
    if settled.row:
        text = row_claim_text(settled.row, models=models, terms=asker_terms(reading.proposition))
        return Claim(text, settled.row, settled.row.body)
    assert settled.sentence is not None
    return _claim(settled.sentence, kb, reading)


def which_more(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    candidates = sentences(reading, found, kb, roles=("content",))
    only = _said_of_one_model(reading, candidates, kb, texts)
    if only:
        return only
    named = settle_which(reading, candidates, kb)
    if not named:
        return None
    side, source = named
    claims: list[Claim] = []
    # a table row reads with the side named first
    sides = reading.models if len(reading.models) >= 2 else DEFAULT_PAIR
    terms = asker_terms(reading.proposition) | attribute_stems(reading.attribute)
    shown = (side, *[m for m in sides if m != side])
    if isinstance(source, Chunk):
        claims.append(Claim(row_claim_text(source, models=shown, terms=terms), source, source.body))
    else:
        claims.append(_claim(source, kb, reading))
        # the table's row on the attribute beside the sentence that named the side ("which one leaves more
        # of the liability on us": "Liability: … All on you" as well as "If you're comfortable…")
        claims += [
            Claim(row_claim_text(row, models=shown, terms=terms), row, row.body)
            for row in attribute_rows(kb, reading.attribute)[:1]
        ]
    support = _support(reading, candidates, kb, claims, models=(side,))
    if not isinstance(source, Chunk) and side not in source.models:
        claims = support + claims  # the side's own words first, the contrast after
    else:
        claims += support
    return Draft(claims=claims, lead=texts.fill("side", model=with_article(side)), focus=(side,))


def _said_of_one_model(
    reading: Reading, candidates: list[Sentence], kb: Knowledge, texts: AnswerTexts
) -> Draft | None:
    """The side named by what the guide says of one model only (see _only_model_said_to), its sentence
    first."""
    only = _only_model_said_to(reading, kb)
    chunk = kb.chunk(kb.units.chunk_ids[only[1]]) if only else None
    claim = _claim_at(only[1], chunk, kb) if only and chunk else None
    if only and chunk and chunk.kind == "table_row":  # the cell, placed under its column
        terms = asker_terms(reading.proposition)
        claim = Claim(row_claim_text(chunk, models=(only[0],), terms=terms), chunk, chunk.body)
    if not (only and claim):
        return None
    claims = [claim, *_support(reading, candidates, kb, [claim], models=(only[0],))]
    return Draft(claims=claims, lead=texts.fill("side", model=with_article(only[0])), focus=(only[0],))


def _only_model_said_to(reading: Reading, kb: Knowledge) -> tuple[str, int] | None:
    """'Which one would help with training our managers?' (no model named, no way to lean): the one
    model the guide says a word of the question of, wherever it says it ('…an HRO… offers flexible HR
    services like recruiting, training…'), with the first sentence saying it: the model most of the
    words said of one model only are said of; None on a tie, or when no word is said of one model."""
    # "which leaves us more dependent on the vendor, PEO or ASO?": the model 'dependent' is said of is
    # the side with more of it
    offered = reading.reference is None and set(reading.models) == set(DEFAULT_PAIR)
    if reading.direction not in (None, "more") or not (reading.reference == "implicit" or offered):
        return None
    asked = set(content_terms(reading.proposition)) - MODEL_NAME_STEMS
    said: dict[str, set[str | None]] = {t: set() for t in asked}
    first: dict[str, int] = {}
    row_terms = GuideWords.of(kb).row_terms
    for chunk_id, rows in kb.sentence_rows.items():
        for row in rows:
            held = asked & row_terms[row]
            if kb.roles[row] != "content" or not held:
                continue
            text = kb.units.texts[row]
            section = kb.section_models.get(chunk_id, ())
            for term in held:
                model = _said_of(text, term) or (section[0] if len(section) == 1 else None)
                said[term].add(model)
                first.setdefault(term, row)
    only = {t: next(iter(ms)) for t, ms in said.items() if len(ms) == 1 and None not in ms}
    if offered:  # "…, PEO or ASO?" names the sides to pick from
        only = {t: m for t, m in only.items() if m in reading.models}
    votes = Counter(only.values()).most_common()
    if not votes or (len(votes) > 1 and votes[0][1] == votes[1][1]):
        return None  # no word said of one model only, or as many for another model
    side = votes[0][0]
    term = min((t for t, m in only.items() if m == side), key=lambda t: first[t])
    saying = kb.units.texts[first[term]]
    if reading.direction and VOCABULARY.direction_of(saying) not in (None, reading.direction):
        return None  # "which gives more freedom over vendors?" against "Less flexibility in choosing vendors"
    return side or "", first[term]


def _said_of(text: str, term: str) -> str | None:
    """The model a sentence says the term of: the last one it names before the term ('An HRO… offers
    services like recruiting, training' says training of the HRO)."""
    model = None
    for word in words_of(text).split():
        if stem(word) == term:
            return model
        named = VOCABULARY.models_named(word)
        model = named[0] if named else model
    return model


def table_row(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """An attribute asked of one or both models: the table's row as a sentence, then the guide's words."""
    models = reading.models or DEFAULT_PAIR
    rows = [r for r in attribute_rows(kb, reading.attribute) if any(cell(r, m) for m in models)]
    # "what does the table put in the hr scope and best for rows?": each row asked; an attribute the
    # table has no row for ("peo vs aso on cost and how customizable"): what the pros and cons say of it
    attributes = VOCABULARY.attributes_named(reading.proposition)
    named = [first for a in attributes if (first := attribute_rows(kb, a)[:1])]
    asked_rows = list(dict.fromkeys(r[0] for r in named if any(cell(r[0], m) for m in models)))
    rowless = [a for a in attributes if not attribute_rows(kb, a)] if len(models) == 2 else []
    # ("who's on the hook for workers comp" asks one row, though "on the hook" speaks of liability too)
    if (
        len(asked_rows) + len(rowless) >= 2
        and asked_rows
        and re.search(r"\band\b|[,&+]", reading.proposition)
    ):
        shown = tuple(m for m in models if cell(asked_rows[0], m)) or DEFAULT_PAIR
        claims = [Claim(row_sentence(r, shown), r, r.body) for r in asked_rows]
        for a in rowless:
            claims += _distinct(
                [c for m in shown for c in _cells_on(kb, m, attribute_stems(a), ("pros", "cons"))]
            )
        return Draft(claims=claims + _beside_the_table(reading, found, kb, shown), as_list=True)
    if not rows:
        return _doer_named(reading, found, kb) or _listed_on_attribute(reading, found, kb)
    if reading.direction == "less" and _wh_word(reading) in ("what", "whats"):
        # "what do we lose on the benefits side?": the model's cons and downsides on it, not its cell
        listed = _listed_on_attribute(reading, found, kb)
        if listed:
            return listed
    row = rows[0]
    shown = tuple(m for m in models if cell(row, m)) or DEFAULT_PAIR
    if len(shown) == 1 and reading.shape == "comparison":
        shown = (*shown, *[m for m in DEFAULT_PAIR if m not in shown][:1])
    claims = [Claim(row_sentence(row, shown), row, row.body)]
    candidates = sentences(reading, found, kb, roles=("content",))
    # A side of the attribute asked that the row does not state ("under whose EIN?"): the guide's
    # sentence that states it leads.
    # … or a detail the row does not name ("who deals with COBRA under a PEO?" against "Access pooled plans")
    lacking = _unstated(reading, row) | (detail_terms(kb, reading.asked.terms) - statement_terms(row.body))
    saying = next(
        (
            s
            for s in candidates
            if s.chunk.kind != "table_row"
            and about(s, reading.models)
            and lacking & statement_terms(s.text)
            and not _overview(s.text, reading)
        ),
        None,
    )
    if saying:
        claims.insert(0, _claim(saying, kb, reading))
    support = _support(reading, candidates, kb, claims, models=reading.models)
    if support and _circular(row, reading):
        claims = [c for c in claims if c.chunk.id != row.id]  # the guide's words say what the cell only names
        support = _support(reading, candidates, kb, claims, models=reading.models)
    if support and not saying and _asks_what_it_does(reading) and _cells_of_reader(row, reading.models):
        return Draft(claims=[*support[:1], *claims, *support[1:]])  # what it does, then what stays with you
    return Draft(claims=claims + support)


def _beside_the_table(
    reading: Reading, found: Retrieval, kb: Knowledge, shown: tuple[str, ...]
) -> list[Claim]:
    """For each model asked that the table has no column for ("peo vs aso vs hro: co-employment, who's
    the employer, what services"), the guide's sentence on it alone that best answers the question."""
    candidates = sentences(reading, found, kb, roles=("content",))
    out = []
    for model in (m for m in reading.models if m not in shown):
        alone = next(
            (s for s in candidates if s.chunk.kind != "table_row" and set(s.models) == {model}), None
        )
        if alone:
            out.append(_claim(alone, kb, reading))
    return out


def _doer_named(reading: Reading, found: Retrieval, kb: Knowledge) -> Draft | None:
    """A who-question on an attribute the table has no row for ("who's on the hook for compliance with
    an ASO?"): the guide's sentence that names who does it ('…full responsibility for coverage and
    compliance stays with you') leads, then the guide's words on it."""
    topic = attribute_stems(reading.attribute)
    if not topic or not _asks_who(reading):
        return None
    candidates = sentences(reading, found, kb, roles=("content",))
    naming = next(
        (
            s
            for s in candidates
            if s.chunk.kind != "table_row" and about(s, reading.models) and doer_of(s.text, topic)
        ),
        None,
    )
    if naming is None:
        return None
    claims = [_claim(naming, kb, reading)]
    return Draft(claims=claims + _support(reading, candidates, kb, claims, models=reading.models))


def _unstated(reading: Reading, row: Chunk) -> set[str]:
    """The attribute's words the question asks that the row does not state, in the guide's words or
    its own ('under whose EIN?' against 'ASO runs payroll'); a word the guide's rewrites to one the row
    states ('pricing' for 'cost') is stated."""
    topic = attribute_stems(reading.attribute, single_words=True)
    stated = {t[:SAME_WORD] for t in statement_terms(row.body)}  # "comp" states "compensation"
    lacking: set[str] = set()
    for word in words_of(reading.proposition).split():
        said = {stem(word), *content_terms(VOCABULARY.everyday.get(word, ""))}
        if stem(word) in topic and not any(t[:SAME_WORD] in stated for t in said):
            lacking.add(stem(word))
    return lacking


def _asks_what_it_does(reading: Reading) -> bool:
    """'What does the ASO actually do for benefits?': what a model does, not who does it."""
    wh = _wh_word(reading)
    named = VOCABULARY.models_named(reading.proposition)
    return wh in ("what", "whats") and bool(named) and not VOCABULARY.asker_is_subject(reading.proposition)


def _asks_who(reading: Reading) -> bool:
    """The question's wh-word asks for a doer ('who decides…', "who's in charge…")."""
    return _wh_word(reading) in ("who", "whos")


def _wh_word(reading: Reading) -> str | None:
    """The first wh-word of what is asked ('what', 'who', 'whos'…), if any."""
    return next((w for w in words_of(reading.proposition).split() if w in VOCABULARY.wh_words), None)


def _cells_of_reader(row: Chunk, models: tuple[str, ...]) -> bool:
    """The row's cells for the models speak of the reader doing it ('You source your own')."""
    cells = [value for m in models if (value := cell(row, m))]
    return bool(cells) and all(VOCABULARY.speaks_of_reader(value) for value in cells)


def _listed_on_attribute(reading: Reading, found: Retrieval, kb: Knowledge) -> Draft | None:
    """An attribute the comparison table has no row for, asked of one model ('what control do we give
    up with a PEO?'): its pros or cons on it (the cons for 'give up', 'lose', 'less'), then the guide's
    words on it."""
    topic = attribute_stems(reading.attribute)
    gives_or_keeps = reading.direction is not None or reading.shape == "pros_cons"
    if len(reading.models) != 1 or not topic or not gives_or_keeps:
        return None  # "who decides on raises?", "what does a PEO do day to day?": the guide's sentences
    model = reading.models[0]
    wanted = _columns_named(reading) or {"less": ("cons",), "more": ("pros",)}.get(
        reading.direction or "", ("pros", "cons")
    )
    claims = _cells_on(kb, model, topic, wanted)
    if wanted == ("cons",):
        claims += _downsides_on(kb, model, topic)
    if not claims:
        return None
    candidates = sentences(reading, found, kb, roles=("content",))
    prose = [
        c for c in _support(reading, candidates, kb, [], models=reading.models) if c.chunk.kind != "table_row"
    ]
    return Draft(claims=claims + prose[:1])


def _cells_on(kb: Knowledge, model: str, topic: set[str], columns: tuple[str, ...]) -> list[Claim]:
    """The model's pros or cons (the columns asked) that speak of the topic, as sentences."""
    return [
        Claim(listed_cell(row, i, model), row, row.body)
        for row in TableIndex.of(kb).pros_cons.get(model, [])
        for i in column_indices(row, columns)
        if i < len(row.cells) and topic & set(content_terms(row.cells[i]))
    ]


def _listed_for_each(reading: Reading, kb: Knowledge) -> Draft | None:
    """Two models on a topic the table has no row for ("PEO vs ASO for compliance help?"): what each
    one's pros and cons say of it; None unless both have some."""
    topic = attribute_stems(reading.attribute)
    each = [_cells_on(kb, m, topic, ("pros", "cons")) for m in reading.models] if topic else []
    if len(each) < 2 or not all(each):
        return None
    return Draft(claims=[c for cells in each for c in cells])


def _on_rare_attribute(reading: Reading, draft: Draft, kb: Knowledge) -> Draft:
    """On an attribute the guide speaks of in a few sentences only ("what accreditations should we check"),
    only the claims holding its words, when any do: the rest pad it."""
    topic = attribute_stems(reading.attribute)
    rows = {r for t in topic for r in GuideWords.of(kb).rows_with.get(t, ()) if kb.roles[r] == "content"}
    if not topic or len(rows) > DETAIL_SENTENCES or draft.groups:
        return draft
    kept = [c for c in draft.claims if topic & statement_terms(c.quote)]
    if not kept:
        return draft
    # (and the other few sentences holding them: "…distinctions like CPEO vs. non-certified…")
    quoted = {c.quote for c in kept}
    more = [c for r in sorted(rows) if (c := _claim_at(r, kb.chunk(kb.units.chunk_ids[r]), kb))]
    kept += [c for c in more if c.quote not in quoted and not any(c.quote in q for q in quoted)]
    return replace(draft, claims=kept, as_list=draft.as_list and len(kept) > 1)


def _columns_named(reading: Reading) -> tuple[str, ...]:
    """The columns of a pros-and-cons table the question names, in its words or their everyday ones
    ('downsides' names the cons)."""
    said = {*reading.query.terms, *reading.query.related}
    return tuple(c for c in ("pros", "cons") if stem(c) in said)


def _downsides_on(kb: Knowledge, model: str, topic: set[str]) -> list[Claim]:
    """Sentences on the topic from the model's own section on its downsides ('What is the downside of
    a PEO?': "Employers may have less flexibility in choosing their own insurance plans, …")."""
    downside = {t for w in ("downside", "cons") for t in content_terms(w)}
    claims: list[Claim] = []
    for chunk in TableIndex.of(kb).sections_on.get(model, []):
        if not downside & set(content_terms(chunk.section)):
            continue
        rows = kb.sentence_rows.get(chunk.id, [])
        on_topic = [
            r for r in rows if kb.roles[r] == "content" and topic & set(content_terms(kb.units.texts[r]))
        ]
        claims += [c for r in on_topic if (c := _claim_at(r, chunk, kb))]
    return claims


def comparison(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """Two models compared: on the attribute asked, the table row; else the section that compares
    exactly these two models, in the guide's order."""
    in_table = all(any(cell(r, m) for r in attribute_rows(kb, reading.attribute)) for m in reading.models)
    if reading.attribute and in_table:
        return table_row(reading, found, kb, texts)
    if reading.attribute and not in_table and (each := _listed_for_each(reading, kb)):
        return each
    compared = _compared_section(reading, found, kb)
    rows = _rows_comparing(kb, reading.models) if not reading.attribute else []
    if rows and VOCABULARY.asks_listing(reading.cleaned):
        # "the main differences as a list": every row of the table comparing them
        items = [Claim(row_item(row, reading.models), row, row.body) for row in rows]
        return Draft(claims=items, lead=texts.fill("table_lead", section=rows[0].section), as_list=True)
    if rows and (short := _compared_section(reading, found, kb, summary=True)):
        # "how's a PEO different from an ASO?": the guide's own short answer, then its table row by row
        items = [Claim(row_item(row, reading.models), row, row.body) for row in rows]
        table = texts.fill("table_lead", section=rows[0].section)
        groups = [(texts.in_short, short.claims[:1]), (table, items)]
        return Draft(claims=[c for _, cs in groups for c in cs], groups=groups)
    if compared:
        return compared
    # "is that the same as a PEO?" after the EOR, whatever topic the turn before was on
    apart = _described_apart(reading, found, kb, texts)
    if apart or not reading.attribute:
        return apart
    return table_row(reading, found, kb, texts)


def _rows_comparing(kb: Knowledge, models: tuple[str, ...]) -> list[Chunk]:
    """The rows of the first table with a column for each of the models (attribute rows only)."""
    if len(models) != 2:
        return []
    by_attribute = TableIndex.of(kb).by_attribute.values()
    found = {r.id: r for rows in by_attribute for r in rows if all(cell(r, m) for m in models)}
    rows = sorted(found.values(), key=lambda r: kb.chunk_index[r.id])
    first = rows[0].section if rows else None
    return [r for r in rows if r.section == first]


def _described_apart(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """Two models the guide never compares, one known only from the publisher's description ('how is
    an EOR different from a PEO?'): says so, then what it says of each."""
    index = TableIndex.of(kb)
    unknown = [m for m in reading.models if m not in index.defining]
    if len(reading.models) != 2 or len(unknown) != 1:
        return None
    claims: list[Claim] = []
    for model in reading.models:
        said = definition(replace(reading, models=(model,), attribute=None), found, kb, texts)
        claims += said.claims[:1] if said else []
    lead = texts.fill("not_compared", model=with_article(unknown[0]))
    return Draft(claims=claims, lead=lead) if len(claims) == 2 else None


def _compared_section(
    reading: Reading, found: Retrieval, kb: Knowledge, *, summary: bool = False
) -> Draft | None:
    """The first sentences of the section that compares exactly the two models asked; summary: the
    guide's short answer (its FAQ's), wherever it stands."""
    if len(reading.models) != 2:
        return None
    wanted = set(reading.models)
    asked = {*reading.query.terms, *reading.query.related} - MODEL_NAME_STEMS
    hits = [kb.chunk(h.chunk_id) for h in found.hits]
    # A heading that speaks of what was asked ("difference") first, then retrieval's order; then the
    # rest of the guide ("is it basically an ASO then?" after an HRO retrieves little of either).
    hits.sort(key=lambda c: (not asked & set(content_terms(c.section)), c.kind != "faq"))
    summary = summary or reading.brief
    rest = [c for c in kb.chunks if c not in hits] if reading.reference or summary else []
    chunks = [*hits, *rest]
    if summary:  # the FAQ's answer to how they differ
        differing = {stem(w) for w in VOCABULARY.differing}
        chunks.sort(key=lambda c: (c.kind != "faq", not differing & set(content_terms(c.section))))
    for chunk in chunks:
        if chunk.promotional or chunk.kind not in ("faq", "paragraph") or kb.in_preamble(chunk):
            continue
        if set(VOCABULARY.models_named(chunk.section)) != wanted:
            continue
        rows = [r for r in kb.sentence_rows.get(chunk.id, []) if kb.roles[r] == "content"]
        claims = [c for r in rows[:MAX_COMPARED] if (c := _claim_at(r, chunk, kb, faq_opening=True))]
        if claims:
            return Draft(claims=_distinct(claims))
    return None


def pros_cons(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """The pros and/or cons columns of each asked model's table, whole."""
    models = _side_bought(reading, found, kb) or _models_of_hits(found, kb)
    if unlisted := _no_pros_cons(reading, found, kb, texts):
        return unlisted
    topic = (
        reading.attribute
        if reading.attribute and not VOCABULARY.compared_on(reading.proposition, reading.attribute)
        else None
    )
    if len(models) == 1 and topic and (listed := _listed_on_attribute(reading, found, kb)):
        return listed  # "what flexibility would we give up?": its pros or cons on that, not all of them
    wanted = {*reading.query.terms, *reading.query.related}
    groups: list[tuple[str, list[Claim]]] = []
    for model in models[:2]:
        rows = TableIndex.of(kb).pros_cons.get(model, [])
        if not rows:
            continue
        columns = column_indices(rows[0], ("pros", "cons"))
        asked = [i for i in columns if stem(rows[0].header[i].lower()) in wanted]
        # "What do we give up?" asks the cons too ("what do we gain and what do we give up?": both); the
        # attribute's own comparatives ("the cheaper one") lean no column.
        # ("why not an aso?" leans to its cons in what it asks, not in its words)
        leaning = VOCABULARY.direction_of(VOCABULARY.mask(reading.proposition)) or reading.direction
        if leaning and model in VOCABULARY.models_passed_over(reading.proposition):
            # "what do we lose by ruling out the peo": what it would have given, its pros
            leaning = {"less": "more", "more": "less"}[leaning]
        leant = column_indices(rows[0], {"less": ("cons",), "more": ("pros",)}.get(leaning or "", ()))
        asked = sorted({*asked, *leant})
        for i in asked or columns:
            claims = [Claim(r.cells[i], r, r.body) for r in rows[:MAX_ITEMS] if i < len(r.cells)]
            title = texts.fill("column_title", column=rows[0].header[i], model=with_article(model))
            groups.append((title, claims))
    if not groups:
        return None
    table = TableIndex.of(kb).pros_cons.get(models[0], []) if len(models) == 1 else []
    if (
        len(groups) == 1
        and table
        and (prose := _section_on(reading, kb, texts, models[0], besides=table[0].section))
    ):
        groups.append(prose)  # "all the downsides of a PEO": its cons, and the section on its downside
    return Draft(claims=[c for _, cs in groups for c in cs], groups=groups)


def _no_pros_cons(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """'Pros and cons of an HRO?': the guide lists none for it; says so, then what it says of the model."""
    if not reading.models or any(TableIndex.of(kb).pros_cons.get(m) for m in reading.models):
        return None
    said = compose(reading.query, found, kb, texts)
    claims = said.claims if not said.weak else []
    if not claims and (own := _publisher_description(reading.models[0], kb, texts)):
        claims = own.claims  # the EOR, described only by the guide's publisher
    lead = texts.fill("no_pros_cons", model=with_article(reading.models[0]))
    return Draft(claims=claims, lead=lead) if claims else None


def _side_bought(reading: Reading, found: Retrieval, kb: Knowledge) -> tuple[str, ...]:
    """The models a pros-and-cons question asks of; of two, the one that has what it speaks of buying
    ('what do we give up for the lower price?' asks of the cheaper one), settled as 'which costs less?'."""
    leaning = VOCABULARY.direction_near(reading.proposition, reading.attribute) if reading.attribute else None
    if len(reading.models) < 2 or not leaning:
        return reading.models
    candidates = sentences(reading, found, kb, roles=("content",))
    settled = settle_which(replace(reading, direction=leaning), candidates, kb)
    return (settled[0],) if settled else reading.models


def _section_on(
    reading: Reading, kb: Knowledge, texts: AnswerTexts, model: str, *, besides: str
) -> tuple[str, list[Claim]] | None:
    """The section whose heading names the model alone and speaks of what was asked, in the guide's
    words or their everyday ones ('What is the downside of a PEO?' for 'all the cons of a PEO'), as a
    titled group of its sentences."""
    asked = {*reading.asked.terms, *reading.query.related} - MODEL_NAME_STEMS
    for chunk in TableIndex.of(kb).sections_on.get(model, []):
        heading = chunk.section
        if heading == besides:
            continue  # the section of the pros and cons table itself
        said = words_of(heading).split()
        spoken = {t for w in said for t in content_terms(f"{w} {VOCABULARY.everyday.get(w, '')}")}
        if not asked & spoken:
            continue
        rows = [r for r in kb.sentence_rows.get(chunk.id, []) if kb.roles[r] == "content"]
        claims = [c for r in rows[:MAX_COMPARED] if (c := _claim_at(r, chunk, kb))]
        return (texts.fill("list_lead", section=heading), _distinct(claims)) if claims else None
    return None


def whole_list(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """Steps and lists: every item of the best-matching list, in the guide's order, with its lead-in."""
    if len(reading.models) >= 2 and (side_by_side := _lists_side_by_side(reading, kb, texts)):
        return side_by_side
    models = set(reading.models)
    chunks = [kb.chunk(hit.chunk_id) for hit in found.hits[:STEPS_RANK]]
    # A list on one model ("Choose a PEO if:") is one side of a question weighing two.
    one_sided = {
        c.id
        for c in chunks
        if c.kind == "list_item" and len(models) >= 2 and len(set(kb.section_models.get(c.id, ()))) == 1
    }
    top_section = next((c.section for c in chunks if c.id not in one_sided), None)
    # "list everything a PEO takes off our plate": what the model does, the steps of how it works
    if reading.shape == "list" and len(models) == 1 and reading.duties:
        how = (c for c in kb.chunks if c.kind == "list_item" and _steps_of(c, models, kb))
        if steps := next(how, None):
            return _duties(reading, steps, kb, texts)
        # a model with no steps of its own (an HRO): what the guide says of it alone
        (model,) = models
        if own := _own_claims(kb, model):
            return Draft(
                claims=_distinct(own), lead=texts.fill("duties", model=with_article(model)), as_list=True
            )
    lists: list[Chunk] = []
    for chunk in chunks:
        if chunk.kind != "list_item" or chunk.promotional or chunk.id in one_sided:
            continue
        # A list question takes the list of the section that answers best, however far down retrieval
        # ranks its items ("what are the 3 types" is answered in prose when that section has no list),
        # or a list whose lead-in says what was asked ("signs we should pick an ASO": "Choose an ASO if:").
        asked = {*reading.query.terms, *reading.query.related} - MODEL_NAME_STEMS
        introduced = bool(asked & set(content_terms(chunk.context)))
        if reading.shape == "list" and chunk.section != top_section and not introduced:
            continue
        headed = bool(asked & set(content_terms(f"{chunk.section} {chunk.context}")))
        if reading.shape == "list" and not chunk.context.strip() and not headed:
            continue  # bullets under no lead-in on nothing asked (a TL;DR) are points, not the list asked for
        named = set(kb.section_models.get(chunk.id, ()))
        if models and named and not named & models:
            continue
        if _list_on_topic(reading, chunk, kb, items=reading.shape == "list"):
            lists.append(chunk)
    # A list on exactly the models asked comes before one that weighs them against others; for a
    # question of fit ("signs an ASO is right for us"), the list of when to choose it ("Choose an ASO if:").
    # ("what would make a company choose an ASO?" → "and vice versa?" asks when to choose a PEO)
    of_fit = reading.attribute == "best for" or bool(_CHOOSING & set(reading.query.terms))
    if of_fit and (passed := set(VOCABULARY.models_passed_over(reading.cleaned))) and models - passed:
        models -= passed  # "reasons a company would pick an ASO over a PEO": when to choose the ASO
    if of_fit:  # however far down retrieval ranks it
        lists += [
            c for c in kb.chunks if c.kind == "list_item" and not c.promotional and _on_models(c, models, kb)
        ]
    conditional = {c.id: conditional_lead(c.context) for c in lists}
    # a word the guide says in a few sentences, none of them in the list, asks for those sentences ("what
    # accreditations should we check when picking a provider?" is no request for the decision criteria)
    words = GuideWords.of(kb)
    # (an attribute's word the guide names once or twice counts too)
    rare = words.details(set(reading.asked.terms)) | words.rare(
        set(reading.asked.terms) & attribute_stems(reading.attribute)
    )
    for chunk in sorted(
        lists, key=lambda c: (not _on_models(c, models, kb), of_fit and not conditional[c.id])
    ):
        if (
            rare
            and reading.attribute != "best for"  # (when to choose a model answers a question of fit)
            and not any(rare & statement_terms(f"{c.context} {c.body}") for c in _items_of(chunk, kb))
        ):
            return None
        return (
            _items_saying(reading, chunk, kb, texts)
            or _item_asked(reading, chunk, kb)
            or _list_of(chunk, kb, texts)
        )
    return None


def _items_saying(reading: Reading, chunk: Chunk, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """The items of the list holding the words asked that other items lack, when only those are asked
    for ("in the peo steps, which ones mention compliance?": the three steps saying compliance)."""
    if not VOCABULARY.asks_some_items(reading.cleaned):
        return None
    items = _items_of(chunk, kb)
    framing = set(content_terms(f"{chunk.section} {chunk.context}")) | _STEP_STEMS | MODEL_NAME_STEMS
    asked = set(reading.query.terms) - framing
    holding = [c for c in items if asked & statement_terms(c.body)]
    if not holding or len(holding) == len(items):
        return None
    return replace(_list_of(chunk, kb, texts), claims=[Claim(c.body, c, c.body) for c in holding])


def _item_asked(reading: Reading, chunk: Chunk, kb: Knowledge) -> Draft | None:
    """The one item of a list a question asks about by words only it holds ("what's actually in the
    PEO contract?": the service agreement step), when nothing asks for the list itself."""
    asked = set(reading.query.terms) - MODEL_NAME_STEMS
    framing = set(content_terms(f"{chunk.section} {chunk.context}"))
    if VOCABULARY.asks_listing(reading.cleaned) or asked & (framing | _STEP_STEMS):
        return None
    holding = [c for c in _items_of(chunk, kb) if asked & statement_terms(c.body)]
    # words the guide says in a few sentences only ('contract', 'sign'), not throughout ('vs')
    rare = {t for t in asked if GuideWords.of(kb).holding.get(t, 0) <= DETAIL_SENTENCES}
    if len(holding) != 1 or len(rare & statement_terms(holding[0].body)) < ITEM_WORDS:
        return None
    return Draft(claims=[Claim(holding[0].body, holding[0], holding[0].body)])


def _items_of(chunk: Chunk, kb: Knowledge) -> list[Chunk]:
    """The items of the list the chunk belongs to, in the guide's order."""
    return [c for c in kb.section_chunks((chunk.doc_id, chunk.anchor)) if c.context == chunk.context]


def _list_of(chunk: Chunk, kb: Knowledge, texts: AnswerTexts) -> Draft:
    """Every item of the list the chunk belongs to, in the guide's order, under its lead-in."""
    claims = [Claim(c.body, c, c.body) for c in _items_of(chunk, kb)[:MAX_ITEMS]]
    lead_in = chunk.context.strip()
    lead_in = lead_in[:1].lower() + lead_in[1:]
    if conditional_lead(lead_in):
        lead = texts.fill("conditional_list_lead", section=chunk.section, lead_in=lead_in)
    else:
        lead = texts.fill("list_lead", section=chunk.section)
    return Draft(claims=claims, lead=lead, as_list=True)


def _duties(reading: Reading, steps: Chunk, kb: Knowledge, texts: AnswerTexts) -> Draft:
    """What the model takes on: the steps of how it works but those the reader does alone ("Service
    agreement: You sign a contract…"), then the table's cells naming the model on what no step speaks of
    ("Liability: Shared with PEO"); beside what stays with the reader, when that is asked too ("list
    everything a peo takes off our plate, trying to figure out what we'd still own")."""
    model = reading.models[0]
    items = [c for c in _items_of(steps, kb) if not _readers_step(c.body, model)]
    claims = [Claim(c.body, c, c.body) for c in items[:MAX_ITEMS]]
    covered = {a for c in claims for a in VOCABULARY.attributes_mentioned(c.text)}
    for attribute, rows in TableIndex.of(kb).by_attribute.items():
        value = cell(rows[0], model) if rows else None
        scope = attribute == "hr scope"  # the row summing it all up comes first
        if value and (scope or (attribute not in covered and VOCABULARY.models_named(value) == (model,))):
            claim = Claim(row_sentence(rows[0], (model,)), rows[0], rows[0].body)
            claims = [claim, *claims] if scope else [*claims, claim]
    taken = texts.fill("duties", model=with_article(model))
    if not VOCABULARY.asks_readers_share(reading.cleaned):
        return Draft(claims=claims, lead=taken, as_list=True)
    kept = kb.derived(f"readers_share:{model}", lambda kb: _share_of(kb, model))
    groups = [(taken, claims), (texts.fill("readers_share", model=with_article(model)), list(kept))]
    return Draft(claims=[*claims, *kept], groups=groups)


def _readers_step(text: str, model: str) -> bool:
    """A step the reader takes alone: its first clause has the reader do it, and no later clause has the
    model do anything ("You maintain your own plans…, while the ASO helps manage enrollment" is the
    ASO's too)."""
    said = text.partition(":")[2] or text
    clauses = [c for c in _READER_CLAUSE.split(said) if c.strip()]
    model_acts = any(VOCABULARY.models_named(" ".join(c.split()[:3])) == (model,) for c in clauses[1:])
    return bool(clauses) and _reader_does(clauses[0]) and not model_acts


def _is_steps(chunk: Chunk) -> bool:
    return words_of(chunk.section).startswith("how ")  # "How does a PEO work?"


def _is_when_to_choose(chunk: Chunk) -> bool:
    return bool(conditional_lead(chunk.context))  # "Choose a PEO if:"


def _lists_side_by_side(reading: Reading, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """For steps or reasons to choose asked of several models ("each PEO setup step vs the matching ASO
    step", "all the reasons to go PEO vs all the reasons to go ASO"), each model's own list of that kind:
    the steps of the section on how it works, the list of when to choose it."""
    kind = (
        _is_steps
        if reading.shape == "steps"
        else _is_when_to_choose
        if reading.attribute == "best for"
        else None
    )
    if kind is None:
        return None
    groups: list[tuple[str, list[Claim]]] = []
    for model in reading.models:
        own = (
            c for c in kb.chunks if c.kind == "list_item" and not c.promotional and _on_models(c, {model}, kb)
        )
        first = next((c for c in own if kind(c)), None)
        if first is None:
            return None
        listed = _list_of(first, kb, texts)
        groups.append((listed.lead or "", listed.claims))
    return Draft(claims=[c for _, cs in groups for c in cs], groups=groups)


def _on_models(chunk: Chunk, models: set[str], kb: Knowledge) -> bool:
    """The list's heading and lead-in name exactly the models asked ('Choose an ASO if:' under 'What
    is an ASO?' for a question on an ASO); read once per index (Knowledge.section_models)."""
    return bool(models) and set(kb.section_models.get(chunk.id, ())) == models


def definition(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """'What is X' / 'tell me about X': the opening of the section whose heading names X alone; 'what
    does co-employment mean in a PEO?' asks what the word means, the model only sets the scene."""
    if len(reading.models) >= 2 and not reading.attribute:
        # "spell out peo, aso, hro and eor for me": what each one is, in a line each
        each = [definition(replace(reading, models=(model,)), found, kb, texts) for model in reading.models]
        if all(d and d.claims for d in each):
            return Draft(claims=_distinct([d.claims[0] for d in each if d]), as_list=True)
    if len(reading.models) != 1:
        return _concept(reading, found, kb)
    if reading.attribute:
        # "what does co-employment mean in a PEO?": the word; "what does an ASO take on?": its row.
        concept = _concept(reading, found, kb, of_attribute=True)
        asks_meaning = VOCABULARY.defines(reading.cleaned)
        if concept or (not asks_meaning and (concept := table_row(reading, found, kb, texts))):
            return concept
    chunk = TableIndex.of(kb).defining.get(reading.models[0])
    if chunk is None:
        # No section of its own (an HRO): the closest sentences that have it as their subject.
        candidates = sentences(reading, found, kb, roles=("content",))
        subject = [
            s for s in candidates if s.chunk.kind != "table_row" and _opens_with(s.text, reading.models[0])
        ]
        if subject:
            return Draft(claims=_distinct([_claim(s, kb, reading) for s in subject[:2]]))
        return _publisher_description(reading.models[0], kb, texts)
    rows = [r for r in kb.sentence_rows.get(chunk.id, []) if kb.roles[r] == "content"]
    # What it is, how it differs, what it does: the section's opening, in the guide's order.
    claims = [_claim_at(r, chunk, kb) for r in rows[:DEFINING_SENTENCES]]
    return Draft(claims=_distinct([c for c in claims if c]))


def about_guide(kb: Knowledge, texts: AnswerTexts) -> Draft:
    """'Who wrote this guide?': its publisher, in the opening of the section where it describes itself
    (the publisher is an EOR, so 'they' after it is the EOR)."""
    for chunk in kb.chunks:
        rows = [r for r in kb.sentence_rows.get(chunk.id, []) if kb.roles[r] == "content"]
        if chunk.promotional and rows:
            claims = [Claim(kb.units.texts[r], chunk, kb.units.texts[r]) for r in rows[:MAX_SUPPORT]]
            return Draft(claims=claims, lead=texts.about_guide, focus=("EOR",))
    return Draft()


def guide_part(reading: Reading, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """A part of the guide asked for whole ("paste the tldr", "list the faq questions"): its list, its
    table row by row, or each of its questions with the opening of its answer."""
    heading = reading.part or ""
    chunks = [c for c in kb.chunks if heading in c.section_path.lower() and not c.promotional]
    if not chunks:
        return None
    if len({c.section for c in chunks}) > 1:  # "Frequently asked questions": each question, answered
        claims = []
        for question in dict.fromkeys(c.section for c in chunks):
            first = next(c for c in chunks if c.section == question)
            said = [r for r in kb.sentence_rows.get(first.id, []) if kb.roles[r] == "content"]
            if said:
                quote = kb.units.texts[said[0]]
                text = texts.fill("part_question", question=question, answer=quote)
                claims.append(Claim(text, first, quote))
        section = chunks[0].section_path.split(" > ")[-2]
        return Draft(claims=claims[:MAX_ITEMS], lead=texts.fill("list_lead", section=section), as_list=True)
    if rows := [c for c in chunks if c.kind == "table_row"]:
        items = [Claim(row_item(row, DEFAULT_PAIR), row, row.body) for row in rows]
        return Draft(
            claims=items[:MAX_ITEMS], lead=texts.fill("table_lead", section=rows[0].section), as_list=True
        )
    if listed := [c for c in chunks if c.kind == "list_item"]:
        return _list_of(listed[0], kb, texts)
    return None


def where_said(reading: Reading, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """'Where does the guide talk about HROs?': each section that speaks of the model (or the attribute)
    asked, with its first sentence on it, in the guide's order."""
    topic = attribute_stems(reading.attribute)
    if not (topic or reading.mentioned):
        return None
    claims: list[Claim] = []
    seen: set[str] = set()
    for chunk in kb.chunks:
        if chunk.section in seen or chunk.promotional:
            continue
        for row in kb.sentence_rows.get(chunk.id, []):
            text = kb.units.texts[row]
            # (by the model's own name: 'human resources outsourcing services' in general is no HRO)
            on_it = (
                any(re.search(rf"\b{m}s?\b", text) for m in reading.mentioned)
                if reading.mentioned and not topic
                else topic & statement_terms(text)
            )
            if kb.roles[row] == "content" and on_it:
                seen.add(chunk.section)
                claims.append(
                    Claim(texts.fill("said_under", section=chunk.section, sentence=text), chunk, text)
                )
                break
    if not claims:
        return None
    asked = reading.attribute if reading.attribute and topic else with_article(reading.mentioned[0])
    return Draft(claims=claims[:MAX_ITEMS], lead=texts.fill("where_said", topic=asked), as_list=True)


def quote_answer(
    reading: Reading, quote: QuoteFound, found: Retrieval, kb: Knowledge, texts: AnswerTexts
) -> Draft:
    """Whether the guide says the words a message quotes: where it does, its sentence; else that it does
    not, and the nearest it says."""
    nearest: list[Claim] = []
    if quote.row is not None:
        chunk = kb.chunk(kb.units.chunk_ids[quote.row])
        text = kb.units.texts[quote.row]
        said_of = kb.models_of(chunk, text)
        if chunk.kind == "table_row" and chunk.cells:  # the cell under its column, not the raw row
            claim = Claim(
                row_claim_text(chunk, models=said_of, terms=statement_terms(quote.quoted)), chunk, text
            )
        else:
            claim = _claim_at(quote.row, chunk, kb) or Claim(text, chunk, text)
        nearest = [claim]
        # "…was one of the aso cons?" of words the guide says of the PEO: said, but of the other model
        asked = VOCABULARY.models_named(without_quoted(reading.cleaned))
        if quote.said and asked and said_of and not set(asked) & set(said_of):
            other = texts.fill(
                "quote_of_other",
                model=with_article(asked[0]),
                other=with_article(said_of[0]),
                section=chunk.section,
            )
            return Draft(claims=nearest, lead=other, focus=(said_of[0],))
        if quote.said and asks_which_said(reading.cleaned, reading.shape) and len(said_of) == 1:
            # "which one does the guide say "takes only the administrative services load" - peo or aso?"
            lead = texts.fill("quote_of_which", model=with_article(said_of[0]), section=chunk.section)
            return Draft(claims=nearest, lead=lead, focus=said_of)
        if quote.said:
            return Draft(claims=nearest, lead=texts.fill("quote_found", section=chunk.section))
    said = compose_answer(replace(reading, shape="general"), found, kb, texts)
    more = [c for c in said.claims if all(c.quote != n.quote for n in nearest)]
    return Draft(claims=(nearest + more)[:MAX_SUPPORT], lead=texts.quote_not_found)


def _unsaid_of_model(reading: Reading, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """An attribute asked of one model none of whose own sentences speaks of it ("under an HRO who's on
    the hook for workers comp?"): says the guide doesn't say, then what it says of that model."""
    if len(reading.models) != 1 or not reading.attribute:
        return None
    model, topic = reading.models[0], attribute_stems(reading.attribute)
    own = _own_rows(kb, model)
    if not own or any(topic & statement_terms(kb.units.texts[row]) for row in own):
        return None
    claims = _own_claims(kb, model)
    lead = texts.fill("unsaid_of_model", attribute=reading.attribute, model=with_article(model))
    return Draft(claims=_distinct(claims)[:MAX_SUPPORT], lead=lead)


def _of_models(text: str, models: tuple[str, ...]) -> bool:
    """The text names one of the models, or none at all."""
    named = VOCABULARY.models_named(text)
    return not named or bool(set(named) & set(models))


def _own_claims(kb: Knowledge, model: str) -> list[Claim]:
    """What the guide's own content says of the model alone, as claims, in order."""
    return [c for row in _own_rows(kb, model) if (c := _claim_at(row, kb.chunk(kb.units.chunk_ids[row]), kb))]


def _own_rows(kb: Knowledge, model: str) -> list[int]:
    """The rows of the guide's own content (not its publisher's pitch) said of the model alone, in order."""
    return [
        row
        for row in range(len(kb.units.texts))
        if kb.roles[row] == "content"
        and kb.row_models(row) == (model,)
        and not kb.chunk(kb.units.chunk_ids[row]).promotional
    ]


def _publisher_description(model: str, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """A model the guide describes only where its publisher describes itself ('Wisemonk is a leading
    Employer of Record (EOR), helping…'): that sentence, under a lead that says whose words they are."""
    for chunk in kb.chunks:
        if not chunk.promotional:
            continue
        for row in kb.sentence_rows.get(chunk.id, []):
            text = kb.units.texts[row]
            named = model in VOCABULARY.models_named(text)
            if kb.roles[row] == "content" and named and VOCABULARY.defines(text):
                return Draft(claims=[Claim(text, chunk, text)], lead=texts.publisher_lead)
    return None


def _opens_with(text: str, model: str) -> bool:
    """The sentence has the model as its subject: named within its first few words ("An HRO is…")."""
    return model in VOCABULARY.models_named(" ".join(words_of(text).split()[:SUBJECT_WORDS]))


def _concept(
    reading: Reading, found: Retrieval, kb: Knowledge, *, of_attribute: bool = False
) -> Draft | None:
    """'What does co-employment mean?': the closest sentence that says what the asked words mean (with
    of_attribute, one that holds the attribute's own words)."""
    asked = set(reading.asked.terms) - MODEL_NAME_STEMS
    candidates = sentences(reading, found, kb, roles=("content",))
    defining = [
        s
        for s in candidates
        if s.chunk.kind != "table_row"
        and VOCABULARY.defines(s.text)
        and asked & set(content_terms(s.chunk.body))
        and not any(_opens_with(s.text, m) for m in reading.models)  # that defines the model, not the word
    ]
    # The one saying most of what was asked ('what does co-employment mean' → '… under a co-employment
    # arrangement. This doesn't mean…, it simply means…'), the closest on a tie.
    said = {s.row: set(content_terms(standing(kb, s.row) or s.text)) for s in defining}
    if of_attribute:
        topic = asked & attribute_stems(reading.attribute)
        defining = [s for s in defining if topic & said[s.row]]
    if not defining:
        return None
    best = max(defining, key=lambda s: (len(asked & said[s.row]), s.match))
    claims = [_claim(best, kb, reading)]
    claims += _support(reading, candidates, kb, claims, models=())
    return Draft(claims=_distinct(claims)[: MAX_SUPPORT + 1])


def why(reading: Reading, found: Retrieval, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """'Why is that?': the guide's reasons about what the last answer was about."""
    candidates = sentences(reading, found, kb, roles=("content",))
    topic = attribute_stems(reading.attribute)
    # The guide's own words on it (a table's cells give no reasons), its reasons first.
    on_topic = [
        s
        for s in candidates
        if about(s, reading.models)
        and s.chunk.kind != "table_row"
        and (not topic or topic & set(content_terms(f"{s.text} {s.chunk.context}")))
    ]
    reasons = [s for s in on_topic if VOCABULARY.gives_reason(s.text)]
    if reasons or not on_topic:
        reasons = reasons or on_topic
        if not reasons:
            return None
        claims = [_claim(reasons[0], kb, reading)]
        claims += _support(reading, reasons[1:], kb, claims, models=reading.models)
        return Draft(claims=claims[:MAX_SUPPORT])
    # No reason in the topic's own words ('which keeps more control?' → 'why?'): the reason the model
    # the guide's words are about gives in its own sections ('Instead of entering a co-employment
    # arrangement, the client company remains the sole employer…'), then those words.
    named = [m for m in on_topic[0].models if m in reading.models]
    model = reading.models[0] if len(reading.models) == 1 else (named[0] if named else None)
    reason = _reason_of(model, found, kb) if model else None
    claims = [_claim(s, kb, reading) for s in on_topic[:1]]
    return Draft(claims=[reason, *claims] if reason else claims)


def _reason_of(model: str, found: Retrieval, kb: Knowledge) -> Claim | None:
    """The sentence giving a reason in the sections on the model, closest to the question first."""
    rows = [
        (row, chunk)
        for chunk in TableIndex.of(kb).sections_on.get(model, [])
        for row in kb.sentence_rows.get(chunk.id, [])
        if kb.roles[row] == "content" and VOCABULARY.gives_reason(kb.units.texts[row])
    ]
    scores = found.sentence_scores
    best = max(rows, key=lambda found_row: float(scores[found_row[0]]) if len(scores) else 0.0, default=None)
    return _claim_at(*best, kb) if best else None


def _support(
    reading: Reading, candidates: list[Sentence], kb: Knowledge, have: list[Claim], *, models: tuple[str, ...]
) -> list[Claim]:
    """Up to MAX_SUPPORT content sentences about the models and the attribute, none repeating a claim."""
    topic = attribute_stems(reading.attribute)
    out: list[Claim] = []
    for s in candidates:
        if len(out) >= MAX_SUPPORT or len(have) + len(out) >= MAX_SUPPORT + 1:
            break
        if kb.roles[s.row] != "content" or (models and (not s.models or s.models[0] not in models)):
            continue  # support speaks first of the models asked (not of the other model beside them)
        if s.match < SUPPORT_MATCH:
            break  # candidates come best first: the rest would be padding
        # A lead-in speaks for its item when it names the model ("Choose an ASO if:"), not when it
        # introduces the whole list ("Here's how to figure out which model fits best:").
        lead_in = s.chunk.context if VOCABULARY.models_named(s.chunk.context) else ""
        said = f"{s.text} {lead_in}"
        if topic and reading.attribute not in VOCABULARY.attributes_mentioned(said):
            continue  # the attribute's words as phrases: 'works best if…' is not 'best for'
        if s.chunk.kind == "table_row" and _circular(s.chunk, reading):
            continue  # "Co-employment" for "what does co-employment mean?" says nothing new
        if _overview(s.text, reading):
            continue
        if reading.attribute != "best for" and is_condition(s.chunk, s.text):
            continue  # when to choose a model ("An ASO is ideal if…") pads an answer on what it does
        claim = _claim(s, kb, reading)
        if claim and not any(similar(claim.quote, c.quote) or claim.quote in c.quote for c in (*have, *out)):
            out.append(claim)
    return out


def _overview(text: str, reading: Reading) -> bool:
    """A sentence weighing the models over other topics than the one asked ('PEO vs ASO made simple:
    choose a PEO for shared liability and stronger benefits; choose an ASO for lower cost…', 'the
    choice comes down to your size, risk tolerance…'): it pads an answer on one topic."""
    if len(VOCABULARY.models_named(text)) < 2:
        return False
    topics = VOCABULARY.attributes_mentioned(text)
    if reading.attribute:
        return bool(topics - {reading.attribute})
    return len(topics) >= OVERVIEW_TOPICS


def _circular(row: Chunk, reading: Reading) -> bool:
    """The row's cells for the models asked only repeat the question's own words."""
    asked = asker_terms(reading.cleaned)
    cells = [value for m in reading.models if (value := cell(row, m))]
    return bool(cells) and all(statement_terms(value) <= asked for value in cells)


def _claim(s: Sentence, kb: Knowledge, reading: Reading | None = None) -> Claim:
    if s.chunk.kind == "table_row" and s.chunk.cells:
        terms = set(reading.query.terms) if reading else set()
        models = reading.models if reading else ()
        return Claim(row_claim_text(s.chunk, models=models, terms=terms), s.chunk, s.chunk.body)
    return _claim_at(s.row, s.chunk, kb) or Claim(s.text, s.chunk, s.text)


def everything_said(reading: Reading, kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """Everything the guide says on the attribute asked, wherever it says it ("pull every line abt what
    compliance help an aso does or doesnt give", "everything on benefits under a peo vs an aso, 2 columns"):
    the table's row, then each model's own sentences on it, in the guide's order, none twice."""
    if not (reading.attribute and VOCABULARY.asks_everything(reading.cleaned)):
        return None
    topic = _gathered_topic(reading)
    models = reading.models or DEFAULT_PAIR
    groups: list[tuple[str, list[Claim]]] = []
    rows = [r for r in attribute_rows(kb, reading.attribute) if any(cell(r, m) for m in models)]
    if rows:
        shown = tuple(m for m in models if cell(rows[0], m))
        groups.append((texts.gathered_table, [Claim(row_sentence(rows[0], shown), rows[0], rows[0].body)]))
    for model in models:
        claims = []
        for row in _own_rows(kb, model):
            chunk = kb.chunk(kb.units.chunk_ids[row])
            if _gathered_row(kb, row, topic) and (claim := _claim_at(row, chunk, kb)):
                claims.append(claim)
        claims += _cells_on(kb, model, topic, ("pros", "cons"))
        title = texts.fill("gathered_title", attribute=reading.attribute, model=with_article(model))
        if claims := _distinct(claims, everywhere=True)[:MAX_GATHERED]:
            groups.append((title, claims))
    if len(groups) == bool(rows):  # nothing said of any model beyond the table's row
        return None
    if reading.reference == "implicit":  # no model named: what it says of both, or of none, too
        general = [
            claim
            for row in range(len(kb.units.texts))
            if _gathered_row(kb, row, topic)
            and len(kb.row_models(row)) != 1
            and (claim := _claim_at(row, kb.chunk(kb.units.chunk_ids[row]), kb))
        ]
        if general := _distinct(general, everywhere=True)[:MAX_GATHERED]:
            groups.append((texts.fill("gathered_general", attribute=reading.attribute), general))
    return Draft(claims=[c for _, cs in groups for c in cs], groups=groups)


def _gathered_row(kb: Knowledge, row: int, topic: set[str]) -> bool:
    """True for a sentence of the guide's own content holding a topic word (a table's rows are read
    cell by cell instead)."""
    chunk = kb.chunk(kb.units.chunk_ids[row])
    return (
        kb.roles[row] == "content"
        and not chunk.promotional
        and chunk.kind != "table_row"
        and bool(topic & statement_terms(kb.units.texts[row]))
    )


def _gathered_topic(reading: Reading) -> set[str]:
    """The words a gathered sentence must hold: the head of each run of the attribute's words the
    question names ("every spot on insurance brokers" → broker, "multi-state / state-by-state stuff" →
    state), else all the attribute's words."""
    words = attribute_stems(reading.attribute)
    heads = {
        term
        for term, after in zip(reading.asked.terms, (*reading.asked.terms[1:], ""), strict=True)
        if term in words and after not in words
    }
    return heads or words


def _claim_at(row: int, chunk: Chunk, kb: Knowledge, *, faq_opening: bool = False) -> Claim | None:
    """A sentence as a claim (see compose.standing): joined with the one it leans on, else as prose."""
    text = standing(kb, row, faq_opening=faq_opening)
    if text is None:
        return None
    if text != kb.units.texts[row]:
        return Claim(text, chunk, text)
    return Claim(render_sentence(chunk, text), chunk, text)


def _explanation(myth: Sentence, kb: Knowledge) -> list[Claim]:
    """The sentences after a myth's verdict: the guide's own correction."""
    rows = kb.sentence_rows.get(myth.chunk.id, [])
    after = rows[rows.index(myth.row) + 2 :] if myth.row in rows else []
    claims = [
        Claim(kb.units.texts[r], myth.chunk, kb.units.texts[r]) for r in after if kb.roles[r] == "content"
    ]
    return claims[:MAX_SUPPORT]


def _distinct(claims: list[Claim], *, everywhere: bool = False) -> list[Claim]:
    """The claims without one repeating another; a table row's cells for two models ('Benefits | Access
    pooled plans | You source your own') say more than a sentence sharing its words about one. Asked for
    every place the guide says a thing, only the same words again repeat it."""
    out: list[Claim] = []
    for c in claims:
        if c.chunk.kind == "table_row" and c.chunk.cells:
            repeated = any(o.chunk.id == c.chunk.id for o in out)
        else:
            repeated = any(
                c.quote in o.quote
                or (
                    set(content_terms(c.quote)) == set(content_terms(o.quote))
                    if everywhere
                    else similar(c.quote, o.quote)
                )
                for o in out
            )
        if not repeated:
            out.append(c)
    return out


def _steps_of(chunk: Chunk, models: set[str], kb: Knowledge) -> bool:
    """The chunk is of the steps of how one of the models works ("How does a PEO work?")."""
    return not chunk.promotional and _is_steps(chunk) and _on_models(chunk, models, kb)


def _list_on_topic(reading: Reading, chunk: Chunk, kb: Knowledge, *, items: bool) -> bool:
    """The list speaks of what was asked: the attribute, else a word of the question in its heading or
    lead-in (or, for a list question, its items; steps are named by the heading: "how … works")."""
    if not items and _is_steps(chunk):
        return True  # steps: the list of a section asking how something works ("How does an ASO work?")
    body = [c.body for c in _items_of(chunk, kb)]
    have = set(content_terms(" ".join([chunk.section, chunk.context, *(body if items else [])])))
    topic = attribute_stems(reading.attribute) or (
        {*reading.query.terms, *reading.query.related} - MODEL_NAME_STEMS
    )
    return bool(topic & have)


def _models_of_hits(found: Retrieval, kb: Knowledge) -> tuple[str, ...]:
    for hit in found.hits[:3]:
        named = kb.section_models.get(hit.chunk_id, ())
        if len(named) == 1:
            return named
    return ()


SHAPED: dict[str, Composer] = {
    "yes_no": yes_no,
    "which_more": which_more,
    "attribute": table_row,
    "comparison": comparison,
    "pros_cons": pros_cons,
    "steps": whole_list,
    "list": whole_list,
    "definition": definition,
    "general": table_row,
    "why": why,
}
