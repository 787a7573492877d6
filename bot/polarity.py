"""Settles yes/no and which-is-more questions from the guide: a table cell, a stated myth's verdict, or a
sentence about the model asked, read for negation and for which way it leans."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Literal

from bot.evidence import (
    Sentence,
    asker_terms,
    attribute_stems,
    clauses_of,
    doer_of,
    next_sentence,
    overlap,
    said_where,
    statement_terms,
)
from bot.guide_words import UNSEEN, GuideWords
from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY, words_of
from bot.tables import TableIndex, attribute_rows, cell, column_indices, model_columns, row_label
from bot.text_match import MODEL_NAME_STEMS, content_terms, stem
from bot.understanding import COUNTERPART, Reading
from ingest.chunking import Chunk

Answer = Literal["yes", "no", "partly"]
MYTH_MATCH = 0.62  # a stated myth this close to the question is the question
SENTENCE_MATCH = 0.55  # a sentence about the model asked settles it only when it matches this well
SENTENCE_OVERLAP = 0.4  # ... and holds at least this share of the question's words
QUESTION_HEAD_WORDS = 7
DENIAL_WORDS = 3  # a denial's 'not' stands at its verb ("the ASO can't take on…", "a PEO does not…")
STRONG_MATCH = 0.85  # a sentence this close, holding this share of the question's words, outranks a cell
STRONG_OVERLAP = 0.6
STATEMENTS_READ = 6  # the best few sentences about the model asked are read for one that says it
# the comparative words of a question ('less', 'weaker'): how it leans, not what it is about
_DIRECTION_STEMS = frozenset(
    stem(w) for words in (VOCABULARY.direction.more, VOCABULARY.direction.less) for w in words if " " not in w
)
_LOSS = re.compile(r"\b(?:lose|loses|losing|lost|give up|giving up)\b")  # the reader's loss in a myth
LISTED_WORDS = 2  # a pro or con answers a yes/no when it holds this many of the question's words
LISTED_OVERLAP = 0.4  # ... and this share of them
CELL_MARGIN = 0.02  # a cell closer in meaning to the question by this much settles a tie of words
_GRAMMAR_NOT = frozenset(
    [
        "not",
        "isnt",
        "arent",
        "doesnt",
        "dont",
        "didnt",
        "wont",
        "cant",
        "wasnt",
        "werent",
        "hasnt",
        "havent",
        "shouldnt",
        "wouldnt",
        "couldnt",
    ]
)
_ARTICLES = frozenset({"a", "an", "the"})
_VERDICTS: tuple[tuple[re.Pattern[str], Answer], ...] = (
    (re.compile(r"^(only )?partly\b", re.I), "partly"),
    (re.compile(r"^(not true|wrong|false|they['’]re not)\b", re.I), "no"),
    (re.compile(r"^true\b", re.I), "yes"),
)


@dataclass(frozen=True)
class Settled:
    answer: Answer
    row: Chunk | None = None  # the table row that settled it
    sentence: Sentence | None = None  # or the sentence (a myth's verdict, or a statement) that did


def settle_yes_no(reading: Reading, candidates: list[Sentence], kb: Knowledge) -> Settled | None:
    """The guide's answer for the model asked, or None when the guide does not settle it."""
    asked = reading.models[:1]
    negated_question = _negated_question(reading)
    settled = settle_myth(reading, candidates, kb)
    # (a myth on another attribute than the one asked gives way to a statement saying the claim asked:
    # "is a peo legally our employees' employer?" is not "using a PEO means I lose control…")
    aside = bool(settled and settled.sentence and _other_attribute(settled.sentence.text, reading.attribute))
    if settled and not aside:
        return settled
    # Sentences of prose about the model asked alone (a table row mixes columns: its cells are read
    # by _from_row; a sentence naming another model contrasts them, "Choose an ASO if: … don't want
    # the shared liability of a PEO model" included).
    question = asker_terms(reading.proposition) - {"_you"}
    # the other model may be named outside the clause saying what was asked ("An ASO is another type of
    # HR outsourcing provider, but it works very differently from a PEO")
    statements = [
        s
        for s in candidates
        if kb.roles[s.row] == "content"
        and s.chunk.kind != "table_row"
        and set(s.models) == set(asked)
        and set(VOCABULARY.models_named(said_where(s.text, question - {"_own"}))) <= set(asked)
        and _on_compared(reading, s.text)
    ]
    asker = _asker_does(reading)
    doer = "reader" if asker else (asked[0] if asked else None)
    if not asker and VOCABULARY.equates(reading.proposition):
        doer = None  # "an ASO counts as HR outsourcing" says what it is: "you outsource…" agrees with it

    def stated(s: Sentence) -> Settled:
        settled = _from_statement(
            s,
            negated_question,
            doer=doer,
            question=question,
            takes_over=VOCABULARY.takes_over(reading.proposition),
        )
        return _leaning(reading, settled)

    # a strong statement is on the attribute asked ("take on any of our liability": not "takes on the
    # back-office tasks")
    topic = attribute_stems(reading.attribute)
    on_topic = [s for s in statements if not topic or topic & statement_terms(s.text)]
    strong = _best_saying(on_topic, question, kb, strong=True)
    if strong:
        return stated(strong)
    if settled and aside and topic and (said_of_topic := _best_saying(on_topic, question, kb, strong=False)):
        # "does it mean they legally employ our ppl now?": "…the PEO becomes a legal employer for certain
        # HR responsibilities…" says it, not the myth that using a PEO means losing control
        return stated(said_of_topic)
    if settled:
        return settled
    # The table's row for the attribute by its words; else the model's pros and cons; else the row's
    # cell closest in meaning.
    rows = attribute_rows(kb, reading.attribute)
    said = _best_saying(on_topic if topic else statements, question, kb, strong=False)
    details = detail_terms(kb, question)
    if said and details and rows and not any(details & statement_terms(r.body) for r in rows):
        # "can't the ASO even help with the workers' comp paperwork?": the sentence on the paperwork, not
        # the row ("You stay responsible") that names none of it
        return stated(said)
    if said and _duty_stays(said.text, question) and VOCABULARY.assists(reading.proposition):
        # "can an aso help w workers comp?": the sentence saying what it helps with and what stays ours
        # ("can assist with reporting and paperwork, but full responsibility … stays with you") says more
        # than the row's bare "You stay responsible"
        return stated(said)
    if not said and asked and _said_only_of_others(question, rows, asked[0], kb):
        return None
    if not said and (naming := _naming_rare_words(question, statements, rows, kb)):
        return stated(naming)
    for by_meaning in (False, True) if asked else ():
        if by_meaning and (listed := _from_pros_cons(reading, question, kb)):
            listed_answer, row = listed
            return Settled(_flipped(listed_answer) if negated_question else listed_answer, row=row)
        if by_meaning and (weighed := _against_counterpart(reading, rows, candidates, kb)):
            return replace(weighed, answer=_flipped(weighed.answer)) if negated_question else weighed
        if by_meaning and said and _asks_past_rows(reading, question, rows, said):
            # "does an ASO help with enrollment and renewals?": the sentence on enrollment settles it,
            # not the benefits row ("You source your own") that says nothing of it.
            return stated(said)
        for row in rows:
            answer = _from_row(reading, row, asked[0], kb, by_meaning=by_meaning)
            if answer:
                return Settled(_flipped(answer) if negated_question else answer, row=row)
    return stated(said) if said else None


def _asker_does(reading: Reading) -> bool:
    """Whether the asker does what is asked: the subject of the clause asking it ("…where someone else
    files the taxes but we stay the only employer" asks of someone else filing; 'we' is only the subject
    of the rest)."""
    if _holds_share(reading.proposition):
        return True  # "is workers comp still our responsibility with an aso?": it stays with us
    if not VOCABULARY.asker_is_subject(reading.proposition):
        return False
    question = asker_terms(reading.proposition) - {"_you"}
    asked = (attribute_stems(reading.attribute) & question) or question
    claim = said_where(reading.proposition, asked)
    # ("does the provider file the taxes and we keep being the sole employer?": 'and' joins two claims)
    claim = max(re.split(r"\band\b", claim), key=lambda part: len(asked & set(content_terms(part))))
    return VOCABULARY.asker_is_subject(claim)


def _said_only_of_others(question: set[str], rows: list[Chunk], model: str, kb: Knowledge) -> bool:
    """The question's rare words are all said of other models only ("would an ASO deliver our harassment
    training?": the guide names training only among the HRO's services), and no row it names by its label
    ("…take over our workers comp, policies + claims?") answers for the model: nothing settles it."""
    named_row = any(set(content_terms(row_label(r))) <= question for r in rows)
    # a row whose cells hold a word of the question answers it ("do our employees get into the big pooled
    # plans the provider negotiates?" asked of an ASO: the benefits row, "Access pooled plans" for a PEO)
    in_cells = any(question & (statement_terms(r.body) - set(content_terms(row_label(r)))) for r in rows)
    return not named_row and not in_cells and bool(GuideWords.of(kb).said_only_of_others(kb, question, model))


def _naming_rare_words(
    question: set[str], statements: list[Sentence], rows: list[Chunk], kb: Knowledge
) -> Sentence | None:
    """The statement on the model naming all the question's rare words, with the model as their doer,
    when no row names any of them ("does an aso help with any of the reporting side?": "The ASO can
    assist with reporting and paperwork…", not the scope row; "legally required to be IRS-certified?" is
    not "Also check accreditation (IRS CPEO, ESAC)")."""
    specific = GuideWords.of(kb).specific(question)
    if not specific or any(specific & statement_terms(r.body) for r in rows):
        return None
    naming = [s for s in statements if specific <= statement_terms(s.text) and _model_does(s, specific)]
    return max(naming, key=lambda s: s.match, default=None)


def _model_does(s: Sentence, terms: set[str]) -> bool:
    """The sentence's model is the doer where it says the terms: named, or as 'they'/'it' in a sentence on
    it alone ("HR support: They provide templates…" under the ASO); not an order to the reader ("Also
    check accreditation (IRS CPEO, ESAC)")."""
    if len(s.models) != 1:
        return False
    if doer_of(s.text, terms) == s.models[0]:
        return True
    return any(
        c.split()[:1] in (["they"], ["it"]) for c in clauses_of(s.text) if terms & set(content_terms(c))
    )


def _against_counterpart(
    reading: Reading, rows: list[Chunk], candidates: list[Sentence], kb: Knowledge
) -> Settled | None:
    """A comparative about one model whose table row does not lean ('does an ASO give better benefits?'
    against 'Access pooled plans' / 'You source your own'): yes when the guide puts the model asked on
    the side asked against its counterpart ('…access to pooled benefits plans at better rates' of the
    PEO), no when it puts the counterpart there."""
    asked = reading.models[0]
    counterpart = COUNTERPART.get(asked)
    leaning_cell = any(
        VOCABULARY.direction_of(value) for row in rows for m in model_columns(row) if (value := cell(row, m))
    )
    if not (reading.direction and reading.attribute and counterpart) or leaning_cell:
        return None
    weighed = replace(reading, models=(asked, counterpart))  # (leaning on what is bought, see below)
    found = _settle_by_direction(weighed, candidates, kb, (asked, counterpart))
    if not found:
        return None
    side, source = found
    answer: Answer = "yes" if side == asked else "no"
    return Settled(answer, row=source) if isinstance(source, Chunk) else Settled(answer, sentence=source)


def _bought_direction(reading: Reading) -> str | None:
    """The way a question leans on what it asks about: a price word leans the other way on what is
    bought ('cheaper health insurance' asks for a better deal on benefits, as 'better rates' says)."""
    # (the cost's one-word names: 'per employee' makes no price of 'employees')
    priced = attribute_stems("cost", single_words=True) & asker_terms(reading.proposition)
    bought = reading.attribute not in (None, "cost")
    if bought and priced and reading.direction:
        return "more" if reading.direction == "less" else "less"
    return reading.direction


def _on_compared(reading: Reading, text: str) -> bool:
    """A comparative question ('does an ASO get us cheaper insurance?') is settled only by a text on the
    attribute it compares: 'lower cost' of the service says nothing of the insurance's rates."""
    topic = attribute_stems(reading.attribute)
    return not (reading.direction and topic) or bool(topic & statement_terms(text))


def _asks_past_rows(reading: Reading, question: set[str], rows: list[Chunk], said: Sentence) -> bool:
    """The question names something beyond the attribute's rows (their label, the attribute's words,
    their cells) that the sentence speaks of: then the sentence, not a cell, says what was asked."""
    specific = question - attribute_stems(reading.attribute) - {"_you", "_own"}
    for row in rows:
        specific -= set(content_terms(row_label(row)))
        specific -= {t for m in model_columns(row) if (value := cell(row, m)) for t in statement_terms(value)}
    return bool(rows) and bool(specific & statement_terms(said.text))


def settle_myth(reading: Reading, candidates: list[Sentence], kb: Knowledge) -> Settled | None:
    """A stated myth that is the question, answered by its verdict (flipped if one of them negates)."""
    negated_question = _negated_question(reading)
    asked = asker_terms(reading.proposition) - {"_you", "_own"}
    topic = attribute_stems(reading.attribute)
    details = detail_terms(kb, asked)
    myths = [
        s
        for s in candidates
        if kb.roles[s.row] == "myth"
        and s.match >= SENTENCE_MATCH
        # it speaks of what was asked, not only in its manner, and of the detail asked, if any; a myth on
        # the attribute asked, in its words or its correction's ("“Using a PEO means I lose control…” Not
        # true. … the client company remains in charge of hiring, firing…" speaks of hiring)
        and asked & (said := statement_terms(_with_correction(s, reading.attribute)))
        # close, or as close as a settling sentence and holding as many of the question's words ("do we
        # still get to pick who we hire and fire": its correction's "hiring, firing")
        and (
            s.match >= MYTH_MATCH
            or _held(_with_correction(s, reading.attribute), asked, kb) >= SENTENCE_OVERLAP
        )
        and (not details or details & said)
        and _same_subject(s.text, reading)  # the myth's claim is the question's
    ]
    # Of the myths close enough, the one on the attribute asked, then the one holding most of its words.
    myth = max(
        myths,
        key=lambda s: (bool(topic & statement_terms(s.text)), len(asked & statement_terms(s.text)), s.match),
        default=None,
    )
    if myth and (verdict := _verdict(next_sentence(kb, myth.row))):
        myth_negated = VOCABULARY.negated(myth.text)
        claim = words_of(reading.proposition)
        # the model takes it: neither the asker nor a word of loss or denial in the question
        taken = not (negated_question or VOCABULARY.negated(claim) or VOCABULARY.asker_is_subject(claim))
        if myth_negated and taken and _LOSS.search(words_of(myth.text)):
            # "Using a PEO means I lose control of my employees": what the reader loses the model takes,
            # so "does a PEO take over our hiring?" claims the myth, as "do we lose control?" does
            myth_negated = VOCABULARY.negated(_LOSS.sub(" ", words_of(myth.text)))
        elif myth_negated and _LOSS.search(words_of(myth.text)):
            # of the reader's loss, the claim is the myth's when it says a loss or denial anywhere ("does
            # a PEO mean I can't hire and fire myself?"), its opposite when not ("we still make the calls")
            negated_question = negated_question or VOCABULARY.negated(claim)
        flip = myth_negated != negated_question
        return Settled(_flipped(verdict) if flip else verdict, sentence=myth)
    return None


def _holds_share(text: str) -> bool:
    """The claim says the thing is the asker's own share ("our responsibility", "all on us"), not what
    the model does for us ("take it off our plate")."""
    return VOCABULARY.names_readers_share(text) and not VOCABULARY.takes_over(text)


def _stays_with_reader(text: str) -> bool:
    """The text says the thing stays with the reader ("You stay responsible")."""
    return VOCABULARY.says_staying(text) and VOCABULARY.speaks_of_reader(text)


def _other_attribute(text: str, attribute: str | None) -> bool:
    """True when the text names attributes and the one asked is none of them."""
    named = VOCABULARY.attributes_named(text)
    return attribute is not None and bool(named) and attribute not in named


def _with_correction(myth: Sentence, attribute: str | None) -> str:
    """A stated myth on the attribute asked (the one it names) with its verdict and the guide's
    correction after it (the list item it opens); any other myth alone."""
    on_topic = attribute is not None and VOCABULARY.attributes_named(myth.text) == (attribute,)
    whole = myth.chunk.kind == "list_item" and myth.text in myth.chunk.body
    return myth.chunk.body if on_topic and whole else myth.text


def _best_saying(
    statements: list[Sentence], question: set[str], kb: Knowledge, *, strong: bool
) -> Sentence | None:
    """Of the best few statements (and any further one holding most of the question's words), the one
    that says most of what was asked (closest on a tie)."""
    read = statements[:STATEMENTS_READ] + [
        s for s in statements[STATEMENTS_READ:] if _share(s, question, kb) >= STRONG_OVERLAP
    ]
    saying = [s for s in read if _says_it(s, question, kb, strong=strong)]
    return max(saying, key=lambda s: (_share(s, question, kb), _limits(s, question), s.match), default=None)


def _share(s: Sentence, question: set[str], kb: Knowledge) -> float:
    """Share of the question's words the sentence (with its lead-in) holds, by count or, when more, with
    each weighed by how rare it is in the guide ('COBRA' says more of what is asked than 'run'); a verb
    of choosing the model itself does not count ('Choose a PEO if…' says nothing of choosing plans)."""
    return _held(f"{s.text} {s.chunk.context}", question, kb)


def _held(text: str, question: set[str], kb: Knowledge) -> float:
    """Share of the question's words the text holds (see _share)."""
    held = question & (statement_terms(text) - choosing_model(text))
    weight = GuideWords.of(kb).rarity
    total = sum(weight.get(t, weight[UNSEEN]) for t in question)
    weighed = sum(weight.get(t, weight[UNSEEN]) for t in held) / total if total else 0.0
    return max(overlap(question, held), weighed)


def choosing_model(text: str) -> set[str]:
    """Stems of the words whose object is a model ('choose' in 'Choose a PEO if…', 'pick' in 'pick an
    ASO'): they speak of the choice of model, not of what the model lets you choose."""
    out = set()
    for clause in clauses_of(text):
        said = [w for w in clause.split() if w not in _ARTICLES]
        out |= {stem(w) for w, nxt in pairwise(said) if VOCABULARY.models_named(nxt)}
    return out


def _limits(s: Sentence, question: set[str]) -> bool:
    """The sentence limits or denies what was asked, where it says it ('less flexibility in choosing
    their own insurance plans'): on the thing asked, a limit outweighs a general line."""
    said = said_where(s.text, question - {"_you", "_own"})
    return VOCABULARY.direction_of(said) == "less" or VOCABULARY.negated(said)


def _says_it(s: Sentence, question: set[str], kb: Knowledge, *, strong: bool) -> bool:
    """The sentence says what was asked: close in meaning and holding the question's words (a strong
    one holds most of them and outranks a table cell)."""
    if s.match < (STRONG_MATCH if strong else SENTENCE_MATCH):
        return False
    if (details := detail_terms(kb, question)) and not details & statement_terms(
        f"{s.text} {s.chunk.context}"
    ):
        return False  # "does an ASO handle eligibility?": a sentence on what it handles, not on eligibility
    return _share(s, question, kb) >= (STRONG_OVERLAP if strong else SENTENCE_OVERLAP)


def detail_terms(kb: Knowledge, terms: set[str] | tuple[str, ...]) -> set[str]:
    """The words of a question that name a detail (see GuideWords.details)."""
    return GuideWords.of(kb).details(terms)


def _from_statement(
    s: Sentence, negated_question: bool, *, doer: str | None, question: set[str], takes_over: bool = False
) -> Settled:
    """Yes when the sentence says it as asked, no when one of them negates it or when it says the other
    party does it ("do we file taxes?" against "the PEO files payroll taxes", "does the ASO file them?"
    against "you file payroll taxes"), partly when it hedges."""
    negates = _says_not(s.text, question - {"_you", "_own"}) != negated_question
    said_doer = doer_of(s.text, question - {"_you", "_own"})
    if said_doer and doer:
        other_party = (said_doer == "reader") != (doer == "reader")
    else:
        other_party = doer == "reader" and not VOCABULARY.speaks_of_reader(s.text)
    if negates != other_party:
        return Settled("no", sentence=s)
    # a hedge counts where the sentence says what was asked ("often strategic … while staying employer of
    # record" holds the employer role without one)
    hedged = VOCABULARY.hedged(said_where(s.text, question - {"_you", "_own"}))
    # "The ASO can assist with reporting and paperwork, but full responsibility for coverage and
    # compliance stays with you": it helps, the duty stays with the reader
    if _duty_stays(s.text, question):
        # a claim that the model takes it off our hands is denied by the duty staying with us, one that it
        # stays ours ("still our responsibility?") is so; "does it deal with it?": it helps, partly
        kept: Answer = "no" if takes_over else "yes" if doer == "reader" else "partly"
        return Settled("partly" if negated_question else kept, sentence=s)
    return Settled("partly" if hedged else "yes", sentence=s)


_BUT = re.compile(r"\bbut\b", re.IGNORECASE)


def _duty_stays(text: str, question: set[str]) -> bool:
    """The sentence says, after a 'but', that the responsibility stays with the reader, and what it says
    the model does before that names nothing asked ("does it deal with workers comp?", not "does it help
    with the workers comp reporting?")."""
    found = _BUT.search(text)
    if found is None:
        return False
    after = text[found.start() :]
    duty = attribute_stems("liability", single_words=True) & set(content_terms(after))
    if not (duty and _stays_with_reader(after)):
        return False
    done = text[: found.start()].split(":")[-1]  # (a leading label names the topic, not what is done)
    return not (question - MODEL_NAME_STEMS) & set(content_terms(done))


def _says_not(text: str, terms: set[str]) -> bool:
    """The text denies what the terms ask: the clause saying most of it negates, or a negating clause
    holds a word of the question no other clause does ('Treat types as market flavors, not legal
    categories' against 'three official (legal) types?'; not "doesn't become a co-employer; … staying
    the sole employer" against 'the only employer?', whose 'employer' the other clause holds too)."""
    if VOCABULARY.negated(said_where(text, terms)):
        return True
    clauses = [(VOCABULARY.negated(c), terms & set(content_terms(c))) for c in clauses_of(text)]
    affirmed = {t for negates, held in clauses if not negates for t in held}
    return any(negates and held - affirmed for negates, held in clauses)


def _leaning(reading: Reading, settled: Settled) -> Settled:
    """A comparative question is answered by the way the statement leans on the attribute: 'does an
    ASO cost more?' against 'Choose an ASO if you want … lower cost' is a no, 'does a PEO give stronger
    benefits?' against '… stronger benefits' a yes (whatever else the sentence negates)."""
    said = settled.sentence.text if settled.sentence else ""
    leans = VOCABULARY.direction_near(said, reading.attribute) if reading.direction else None
    if not leans:
        return settled
    answer: Answer = "yes" if leans == reading.direction else "no"
    if answer == "yes" and settled.answer == "partly":
        return settled
    return replace(settled, answer=_flipped(answer) if _negated_question(reading) else answer)


def _from_pros_cons(reading: Reading, question: set[str], kb: Knowledge) -> tuple[Answer, Chunk] | None:
    """The model's pro or con that holds most of the question's words, read as a statement about it:
    'Higher cost than ASO' says yes to 'is a PEO pricier?', 'Less flexibility in choosing vendors' says
    no to 'does a PEO let us pick any vendor?'. None when no cell holds enough of them, or two do."""
    wanted = question - {"_you", "_own"}
    topic = attribute_stems(reading.attribute)
    # a word the guide says once or twice names its cell alone ("can we customize what a PEO does?":
    # "Harder to customize services")
    rare = GuideWords.of(kb).rare(wanted)
    scored: list[tuple[float, str, Chunk]] = []
    for row in TableIndex.of(kb).pros_cons.get(reading.models[0], []):
        for i in column_indices(row, ("pros", "cons")):
            said = statement_terms(row.cells[i]) if i < len(row.cells) else set()
            if topic and not topic & said:
                continue  # "Lower cost than a PEO" says nothing of cheaper insurance
            held = wanted & said
            if len(held) >= LISTED_WORDS or held & rare:
                score = overlap(wanted, held)
                scored.append((max(score, LISTED_OVERLAP) if held & rare else score, row.cells[i], row))
    best = max(scored, default=None, key=lambda found: found[0])
    if best is None or best[0] < LISTED_OVERLAP or sum(found[0] == best[0] for found in scored) > 1:
        return None
    _, text, row = best
    answer = _cell_says(reading, text)
    said_doer = doer_of(text, wanted)
    asker = _asker_does(reading)
    if answer == "yes" and said_doer and (said_doer == "reader") != asker:
        answer = "no"  # "can we keep doing it in-house?" against "Workers' comp coverage managed by PEO"
    return answer, row


def _cell_says(reading: Reading, text: str) -> Answer:
    """What a short listed statement says to the question: by the way both lean, else no when it
    negates or limits ('No access to…', 'Limited help…'), partly when it hedges, else yes."""
    leans = VOCABULARY.direction_of(text)
    if reading.direction and leans:
        return "yes" if leans == reading.direction else "no"
    if VOCABULARY.negated(text):
        return "no"
    if leans == "less":
        # "Limited help with compliance" gives some of the help asked about: partly; "Less support for
        # growing SMBs" says no to "does it suit growing SMBs?".
        lessened = VOCABULARY.lessened(text)
        return "partly" if lessened and stem(lessened) in asker_terms(reading.proposition) else "no"
    return "partly" if VOCABULARY.hedged(text) else "yes"


def settle_each(
    reading: Reading, models: tuple[str, ...], candidates: list[Sentence], kb: Knowledge
) -> dict[str, Settled]:
    """The yes/no answer for each model on its own ('does either of them…')."""
    out = {}
    for model in models:
        settled = settle_yes_no(replace(reading, models=(model,)), candidates, kb)
        if settled:
            out[model] = settled
    return out


def _same_subject(myth_text: str, reading: Reading) -> bool:
    """The myth speaks of the models asked, the first-named first ('does an ASO…' is not 'PEO and
    ASO both…'); a myth of how two models relate ('PEO and ASO are the same type…', not 'both give…')
    answers a question relating one to the other ('is an ASO just a cheaper PEO?') in either order,
    not one asked of each ('do an ASO and a PEO both…')."""
    myth_models = VOCABULARY.models_named(myth_text)
    if set(myth_models) != set(reading.models):
        return False
    of_each = VOCABULARY.reference(myth_text) == "all"  # "PEO and ASO both give…" claims it of each
    relates = VOCABULARY.joins_models(myth_text) and not of_each
    relates = relates and not VOCABULARY.joins_models(reading.proposition)
    return myth_models[:1] == reading.models[:1] or relates


def settle_which(
    reading: Reading, candidates: list[Sentence], kb: Knowledge
) -> tuple[str, Chunk | Sentence] | None:
    """The model the guide names for 'which is more/less …', with the row or sentence that says so."""
    wanted = reading.direction
    sides = reading.models if len(reading.models) >= 2 else ("PEO", "ASO")
    leaning = _settle_by_direction(reading, candidates, kb, sides) if wanted else None
    return leaning or _the_one_side(reading, candidates, kb, sides)


def _the_one_side(
    reading: Reading, candidates: list[Sentence], kb: Knowledge, sides: tuple[str, ...]
) -> tuple[str, Chunk | Sentence] | None:
    """ "Which one takes responsibility for X?", "which is meant for bigger firms?": the one side the
    guide says yes for (and no for the others)."""
    topic = attribute_stems(reading.attribute)
    each = {
        m: v
        for m, v in settle_each(reading, sides, candidates, kb).items()
        if not topic
        or topic & statement_terms(v.row.body if v.row else v.sentence.text if v.sentence else "")
    }  # a verdict from a sentence on something else ("the ASO helps manage enrollment") says nothing here
    yes = [m for m, v in each.items() if v.answer == "yes"]
    # The one side the guide says it of, the others said no to or never said it of ("which of them
    # helps with recruiting?": only the HRO's sentence names recruiting).
    if len(yes) == 1 and all(v.answer == "no" for m, v in each.items() if m not in yes):
        found = each[yes[0]]
        source = found.row or found.sentence
        return (yes[0], source) if source else None
    return None


def _settle_by_direction(
    reading: Reading, candidates: list[Sentence], kb: Knowledge, sides: tuple[str, ...]
) -> tuple[str, Chunk | Sentence] | None:
    """The side whose table cell or sentence leans the way asked ("which costs more"; "which gets us
    cheaper health insurance rates" leans to the better deal on benefits)."""
    wanted = _bought_direction(reading)
    assert wanted is not None
    for row in attribute_rows(kb, reading.attribute):
        if not all(cell(row, m) for m in sides):
            continue  # the table has no column for one of the sides: it cannot compare them
        leaning = {m: VOCABULARY.direction_of(value) for m in sides if (value := cell(row, m))}
        side = _side(leaning, wanted)
        if side:
            return side, row
    attribute_words = attribute_stems(reading.attribute)
    if attribute_words and (listed := _listed_leaning(reading, kb, sides, attribute_words)):
        return listed
    # on no attribute of the table, a pro or con holding several of the question's words ("which gives
    # less support to growing smbs": the ASO's "Less support for growing SMBs")
    topic = statement_terms(reading.proposition) - MODEL_NAME_STEMS - _DIRECTION_STEMS
    if not attribute_words and (listed := _listed_leaning(reading, kb, sides, topic, least=LISTED_WORDS)):
        return listed
    for need_attribute in (True, False):
        for s in candidates:
            if (
                kb.roles[s.row] != "content"
                or s.chunk.kind == "table_row"
                or len(set(s.models) & set(sides)) != 1
                or not set(s.models) <= set(sides)  # it weighs a model not asked about
            ):
                continue
            if need_attribute and attribute_words and not attribute_words & set(content_terms(s.text)):
                continue
            # with no attribute to lean on, the comparative must be where the sentence says what was asked
            # ("Choose an ASO if you want flexibility, lower cost…" leans on cost, not on picking)
            if not attribute_words and not topic & statement_terms(s.text):
                continue  # it says nothing of what was asked
            said = s.text if need_attribute and attribute_words else said_where(s.text, topic)
            leans = VOCABULARY.direction_near(said, reading.attribute if need_attribute else None)
            if leans and VOCABULARY.negated(s.text):  # "not a full-service partner" leans the other way
                leans = "less" if leans == "more" else "more"
            if leans:
                model = next(m for m in s.models if m in sides)
                return (model if leans == wanted else _other(model, sides)), s
    return None


def _listed_leaning(
    reading: Reading, kb: Knowledge, sides: tuple[str, ...], attribute_words: set[str], *, least: int = 1
) -> tuple[str, Chunk] | None:
    """The side the models' pros and cons point to for the attribute ('Limited help with compliance'
    among an ASO's cons: the PEO gives more of it), when they all point the same way."""
    wanted = reading.direction
    listed = TableIndex.of(kb).pros_cons
    if not all(listed.get(m) for m in sides):
        return None  # pros and cons of one side alone cannot weigh it against the other
    votes: list[tuple[str, Chunk, str]] = []
    for model in sides:
        for row in listed[model]:
            for i in column_indices(row, ("pros", "cons")):
                text = row.cells[i] if i < len(row.cells) else ""
                held = attribute_words & set(content_terms(text))
                if len(held) < least or VOCABULARY.speaks_of_reader(text):
                    continue  # "Full liability stays with you" leans for the reader, not the model
                leans = VOCABULARY.direction_near(text, reading.attribute)
                if leans and VOCABULARY.negated(text):
                    leans = "less" if leans == "more" else "more"
                if leans:
                    votes.append((model if leans == wanted else _other(model, sides), row, text))
    named = {side for side, _, _ in votes}
    if len(named) != 1:
        return None
    # Of cells pointing the same way, the one holding most of the question's words ('Harder to
    # customize services' for 'which is easier to customize?').
    asked = asker_terms(reading.proposition)
    side, row, _ = max(votes, key=lambda vote: len(asked & statement_terms(vote[2])))
    return side, row


def _from_row(reading: Reading, row: Chunk, model: str, kb: Knowledge, *, by_meaning: bool) -> Answer | None:
    """Yes when the model's cell says what the question says (or leans its way), no when another
    model's cell does instead; None when the row does not tell them apart."""
    mine = cell(row, model)
    if mine is None:
        return None
    wanted = reading.direction
    if wanted and (leans := VOCABULARY.direction_of(mine)):
        return "yes" if leans == wanted else "no"
    rivals = [m for m in model_columns(row) if m != model]
    asked_terms = asker_terms(reading.proposition)
    question = asked_terms - set(content_terms(row_label(row)))
    asked_of_model = not _asker_does(reading)
    if asked_of_model:
        question -= {"_you"}  # "our EIN" alone does not make the asker the one who files
    # (the row's label may hold the words asked: "will the aso be my new employer?" against "Employer role:
    # You remain sole employer")
    said_doer = doer_of(mine, question - {"_you", "_own"}) or doer_of(mine, asked_terms - {"_you", "_own"})
    if said_doer == "reader" and asked_of_model:
        return "no"  # "does the ASO file the taxes?" against "ASO runs payroll, you file taxes"
    if asked_of_model and doer_of(mine, asked_terms - {"_you", "_own"}) == model:
        return "yes"  # "does an ASO handle payroll?": "ASO runs payroll, you file taxes" names it the doer
    if asked_of_model and VOCABULARY.takes_over(reading.proposition) and _stays_with_reader(mine):
        return "no"  # "would the aso take workers comp off our hands?" against "You stay responsible"
    # "can we keep our current broker?": the one cell of the asker's own ("You source your own") decides
    owning = [m for m in (model, *rivals) if (v := cell(row, m)) and "_own" in statement_terms(v)]
    if "_own" in question and len(owning) == 1:
        return "yes" if owning[0] == model else "no"
    own = overlap(question, statement_terms(mine))
    best_other = max(
        (overlap(question, statement_terms(v)) for m in rivals if (v := cell(row, m))), default=0.0
    )
    if own != best_other:
        return "yes" if own > best_other else "no"
    if _negated_modifier(reading) and (negating := _negating_cells(row, model, rivals)):
        return negating  # "…for firms that don't have HR?": "…firms without HR team", not "with HR staff"
    if not by_meaning:
        return None
    # No word tells them apart: the cell closer in meaning, with model names and attribute words masked
    # on both sides ("would an X carry part of our Y" is nearer "Y: shared with X" than "Y: all on you").
    closeness = cell_closeness(reading, row, kb)
    if model in closeness and rivals:
        rival = max(closeness.get(m, -1.0) for m in rivals)
        if abs(closeness[model] - rival) >= CELL_MARGIN:
            return "yes" if closeness[model] > rival else "no"
    return None


def cell_closeness(reading: Reading, row: Chunk, kb: Knowledge) -> dict[str, float]:
    """Cosine of the question with each model's cell of the row (as 'label: cell')."""
    return {
        m: float(vector @ reading.claim_vector())
        for m in model_columns(row)
        if (vector := kb.cell_vectors.get((row.id, m))) is not None
    }


def _verdict(text: str | None) -> Answer | None:
    for pattern, answer in _VERDICTS:
        if text and pattern.match(text.strip()):
            return answer
    return None


def _flipped(answer: Answer) -> Answer:
    return {"yes": "no", "no": "yes"}.get(answer, answer)  # type: ignore[return-value]


def _side(leaning: dict[str, str | None], wanted: str) -> str | None:
    same = [m for m, d in leaning.items() if d == wanted]
    if len(same) == 1:
        return same[0]
    opposite = [m for m, d in leaning.items() if d and d != wanted]
    rest = [m for m in leaning if m not in opposite]
    return rest[0] if len(opposite) == 1 and len(rest) == 1 else None


def _other(model: str, sides: tuple[str, ...]) -> str:
    return next((m for m in sides if m != model), model)


def _negating_cells(row: Chunk, model: str, rivals: list[str]) -> Answer | None:
    """Yes when the model's cell alone negates ('without HR team'), no when a rival's alone does."""
    mine = VOCABULARY.negated(cell(row, model) or "")
    theirs = [VOCABULARY.negated(value) for m in rivals if (value := cell(row, m))]
    if mine and not any(theirs):
        return "yes"
    if not mine and any(theirs):
        return "no"
    return None


def _negated_modifier(reading: Reading) -> bool:
    """The question negates in a modifier past its verb ("is a PEO good for firms that don't have HR?",
    "…for companies without HR staff"), not at its verb ("isn't an HRO a co-employer?")."""
    words = words_of(reading.proposition).split()
    return VOCABULARY.negated(" ".join(words[_question_head(words) + DENIAL_WORDS :]))


def puts_up_denial(reading: Reading) -> bool:
    """The message puts a denial up for confirming ("so the ASO can't take on liability, right?",
    "a PEO doesn't file taxes, does it?"): a yes/no answer to it would read as agreeing or disagreeing
    with the denial, not as the guide's yes or no."""
    if not VOCABULARY.confirming(reading.cleaned):
        return False
    # the first clause puts the claim up; "we'd still own reviews, they don't take that over, yeah?"
    # denies nothing of it, nor does a remark after the question ("…under our own EIN, right? dont want
    # trouble with the IRS")
    clauses = [c for c in re.split(r"[,;?]", reading.cleaned) if len(c.split()) >= 3]
    words = words_of(clauses[0] if clauses else reading.proposition).split()
    if any(w in _GRAMMAR_NOT for w in words[_question_head(words) :][:DENIAL_WORDS]):
        return True
    # or where the claim speaks of the attribute asked ("an ASO is just a consultant, they give advice but
    # don't actually run payroll, is she right")
    topic = attribute_stems(reading.attribute)
    said = [c.split() for c in clauses_of(reading.proposition) if topic & set(content_terms(c))]
    if len(said) != 1:
        return False
    at = next((i for i, w in enumerate(said[0]) if topic & set(content_terms(w))), None)
    return at is not None and any(w in _GRAMMAR_NOT for w in said[0][max(0, at - DENIAL_WORDS) : at])


def _question_head(words: list[str]) -> int:
    """Where a question reads from: its auxiliary; a statement put up for confirming, from the model
    it names ("heard that with a PEO we'd lose control, true?")."""
    at = next((i for i, w in enumerate(words) if VOCABULARY.opens_with_auxiliary(w)), None)
    if at is None:
        at = next((i for i, w in enumerate(words) if VOCABULARY.models_named(w)), 0)
    return at


def _negated_question(reading: Reading) -> bool:
    """The question asks of something negative ("with a PEO do we lose…", "…without co-employment?"),
    not in a modifier ("…for a startup with no HR person"): a negation at its auxiliary or in the few
    words after it. A 'not' of the grammar is no part of what is asked: "isn't an HRO a co-employer?"
    is answered like "is an HRO a co-employer?" ("No, it is not")."""
    # (asking which one, its 'not' is what is asked: "which one doesn't share liability?")
    which = reading.shape == "which_more"
    words = [w for w in words_of(reading.proposition).split() if which or w not in _GRAMMAR_NOT]
    at = _question_head(words)
    head = words[at : at + QUESTION_HEAD_WORDS]
    # a negation inside a phrase opened by 'for' is the phrase's ("which model is best for small firms
    # without an HR team" asks who it is best for)
    head = head[: head.index("for", 1)] if "for" in head[1:] else head
    return VOCABULARY.negated(" ".join(head))
