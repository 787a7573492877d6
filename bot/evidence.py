"""Candidate sentences for an answer: what each says, which models it is about, and how well it matches."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY, words_of
from bot.retrieval import Retrieval
from bot.text_match import ASKER_WORDS, MODEL_NAME_STEMS, content_terms, stem, words
from bot.understanding import Reading
from ingest.chunking import Chunk

_POSSESSIVE = frozenset({"your", "yours", "our", "ours", "my", "their"})
_LABEL = re.compile(r"^\s*[^:.;,]{1,40}:\s+")
_CLAUSE_SPLIT = re.compile(r"[,;:()\u2014\u2013]| - ")
TOP_SENTENCES = 12  # besides the sentences of the retrieved chunks, the best-matching ones anywhere


@dataclass(frozen=True)
class Sentence:
    row: int
    chunk: Chunk
    text: str
    models: tuple[str, ...]  # named in the sentence, else by its section or table caption
    match: float  # cosine with the question plus word overlap
    rank: int  # rank of its chunk in retrieval (hits first)


def asker_terms(text: str) -> set[str]:
    """Content stems of a question with the guide's words for its everyday ones ('pick' → 'choose'),
    and '_you' when it speaks of the asker ('do I file…', 'our EIN')."""
    said = words(text)
    terms = set(content_terms(text))
    terms.update(t for w in said if w in VOCABULARY.everyday for t in content_terms(VOCABULARY.everyday[w]))
    if ASKER_WORDS & set(said):
        terms.add("_you")
    if VOCABULARY.owning & set(said):
        terms.add("_own")  # "our own plans", "our current broker": a stopword that decides
    return terms - MODEL_NAME_STEMS


def statement_terms(text: str) -> set[str]:
    """Content stems of a guide sentence or cell, with '_you' when it speaks of the reader doing it."""
    said = set(words(text))
    terms = set(content_terms(text))
    if {"you", "your"} & said:
        terms.add("_you")
    if "own" in said:
        terms.add("_own")
    return terms - MODEL_NAME_STEMS


LIST_ITEM_WORDS = 3  # a clause this short ('firing', 'pay decisions') is an item of a list, not a clause


def doer_of(text: str, terms: set[str]) -> str | None:
    """Who does what the terms speak of in the text: "reader" ('you file payroll taxes', 'responsibility
    stays with you'), a model ('the PEO files…'), or None when no clause holding the terms names one.
    The reader who only receives ('you get access to…') is no doer."""
    clauses = clauses_of(text)
    hits = [len(terms & set(content_terms(c))) for c in clauses]
    most = max(hits, default=0)
    if not most:
        return None
    at_most = [i for i, n in enumerate(hits) if n == most]
    found = next((doer for i in at_most if (doer := _clause_doer(clauses[i].split(), terms))), None)
    # an item of a list ('firing' of "the client company remains in charge of hiring, firing, pay
    # decisions…") names no doer: the clause the list hangs on does
    return found or next(
        (doer for i in at_most if (doer := _clause_doer(_with_head(clauses, i), terms))), None
    )


def _with_head(clauses: list[str], at: int) -> list[str]:
    """The words of a list's item with the clause before its items ('' when the clause is no item)."""
    start = at
    while start > 0 and len(clauses[start].split()) <= LIST_ITEM_WORDS:
        start -= 1
    return " ".join(clauses[start : at + 1]).split() if start < at else []


def clauses_of(text: str) -> list[str]:
    """The text's clauses as words: split at punctuation and at the words that open a clause ('but',
    'while', 'instead'); a leading label ("Workers' compensation: the ASO…") names its topic, not a clause."""
    text = _LABEL.sub("", text)
    return [c for part in _CLAUSE_SPLIT.split(text) for c in VOCABULARY.opens_clause().split(words_of(part))]


# A word under a prefix its hyphen joined ("co-employer", "non-certified"; clauses have lost the hyphen).
_PREFIXED = re.compile(r"\b(?:co|non|self|sub)[\s-]+\w+")


def said_where(text: str, terms: set[str]) -> str:
    """The clauses of the text holding most of the terms ('while staying the sole employer' of "An HRO
    doesn't become a co-employer; instead … while staying the sole employer" for 'sole employer'): what
    the text says of them. The whole text when no clause holds any."""
    clauses = clauses_of(text)
    # A term said only under a prefix ("employer" of "co-employer") counts behind one said on its own.
    hits = [
        (len(terms & set(content_terms(c))), len(terms & set(content_terms(_PREFIXED.sub(" ", c)))))
        for c in clauses
    ]
    most = max(hits, default=(0, 0))
    if not most[0]:
        return text
    return " ".join(c for c, n in zip(clauses, hits, strict=True) if n == most)


def _clause_doer(said: list[str], terms: set[str]) -> str | None:
    """The doer named before the clause's first term, or after it the model it is done 'by' or a reader
    it 'stays with'."""
    first = next((i for i, w in enumerate(said) if stem(w) in terms), None)
    if first is None:
        return None
    for i in range(first - 1, -1, -1):
        if named := VOCABULARY.models_named(said[i]):
            return named[0]
        if said[i] in _POSSESSIVE:
            continue  # "your employees get…": whose, not who
        if VOCABULARY.is_reader(said[i]) or VOCABULARY.is_reader(" ".join(said[i : i + 2])):
            # "you get access to…" receives; "you prefer to file…" files; "you already have HR staff"
            # has (the verb may follow an adverb the question shares).
            verbs = zip(said[i + 1 : first + 2], [*said[i + 2 : first + 2], ""], strict=False)
            return None if any(VOCABULARY.receives(w) and nxt != "to" for w, nxt in verbs) else "reader"
    after = said[first + 1 :]
    by = [nxt for w, nxt in pairwise(w for w in after if w not in ("the", "a", "an")) if w == "by"]
    if by and (named := VOCABULARY.models_named(by[0])):
        return named[0]  # "workers' comp coverage managed by PEO": the PEO manages it
    held = any(w == "with" and VOCABULARY.is_reader(nxt) for w, nxt in pairwise(after))
    return "reader" if held else None


def overlap(question: set[str], statement: set[str]) -> float:
    """Share of the question's words the statement holds."""
    return len(question & statement) / len(question) if question else 0.0


def sentences(reading: Reading, found: Retrieval, kb: Knowledge, *, roles: tuple[str, ...]) -> list[Sentence]:
    """Sentences of the retrieved chunks and the closest sentences anywhere, with the given roles."""
    question = asker_terms(reading.query.text)
    ranks = {h.chunk_id: i for i, h in enumerate(found.hits)}
    rows: dict[int, int] = {}
    for hit in found.hits:
        for row in kb.sentence_rows.get(hit.chunk_id, []):
            rows.setdefault(row, ranks[hit.chunk_id])
    scores = found.sentence_scores
    if len(scores):
        top = min(TOP_SENTENCES, len(scores))
        for row in np.argpartition(-scores, top - 1)[:top]:
            rows.setdefault(int(row), len(found.hits))
    out = []
    for row, rank in rows.items():
        if kb.roles[row] not in roles:
            continue
        chunk = kb.chunk(kb.units.chunk_ids[row])
        if chunk.promotional or kb.in_preamble(chunk):
            continue  # the pitch and the introduction are not evidence
        text = kb.units.texts[row]
        models = kb.models_of(chunk, text)
        score = float(scores[row]) + 0.5 * overlap(question, statement_terms(f"{text} {chunk.context}"))
        out.append(Sentence(row, chunk, text, models, score, rank))
    out.sort(key=lambda s: (-s.match, s.rank))
    return out


def about(sentence: Sentence, models: tuple[str, ...]) -> bool:
    """The sentence speaks of one of the models (or of no model at all when none were asked)."""
    return not models or bool(set(sentence.models) & set(models))


def next_sentence(kb: Knowledge, row: int) -> str | None:
    """The sentence after this one in the same chunk, if any."""
    rows = kb.sentence_rows.get(kb.units.chunk_ids[row], [])
    at = rows.index(row) if row in rows else -1
    return kb.units.texts[rows[at + 1]] if 0 <= at < len(rows) - 1 else None


def attribute_stems(attribute: str | None, *, single_words: bool = False) -> set[str]:
    """Stems of an attribute's words ('liability', 'risk', 'responsible'…), without model names; with
    single_words, of its one-word names only (not the verbs of phrases such as 'take on')."""
    if not attribute:
        return set()
    return set(_attribute_stems(attribute, single_words)) - MODEL_NAME_STEMS


@lru_cache(maxsize=128)
def _attribute_stems(attribute: str, single_words: bool) -> frozenset[str]:
    words = (attribute, *VOCABULARY.attributes[attribute].words)
    singles = {t for w in words if " " not in w for t in content_terms(w)}
    if single_words:
        return frozenset(singles)
    # a phrase's word that is another attribute's own name is not this one's ('cost' of 'insurance costs')
    others = {
        t
        for name, a in VOCABULARY.attributes.items()
        if name != attribute
        for w in (name, *a.words)
        if " " not in w
        for t in content_terms(w)
    }
    phrased = {t for w in words if " " in w for t in content_terms(w)} - (others - singles)
    return frozenset(singles | phrased)
