"""Hybrid retrieval: dense (index vectors held in memory) and lexical (BM25) rankings, sentence and heading
matches, fused."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY
from bot.query import Query, models_named

DENSE_WEIGHT = 0.5
PREAMBLE_WEIGHT = 0.8  # the introduction before a document's first heading rarely answers
RELATED_WEIGHT = 0.5  # words added for everyday ones count half as much as the user's own
CANDIDATES = 20
HEADING_MATCH = 0.80  # cosine above which a question heading lifts its section's chunks
HEADING_ANSWER = 0.84  # cosine above which a question heading is taken as the question asked


@dataclass(frozen=True)
class Hit:
    chunk_id: str
    score: float


@dataclass(frozen=True)
class Retrieval:
    hits: list[Hit]
    sentence_scores: np.ndarray  # unit row -> cosine with the question (float64)
    best_sentence: float
    section: tuple[str, str] | None = None  # (doc_id, anchor) whose question heading is the one asked


class HybridRetriever:
    """Ranks chunks for a query; built once per process around the loaded knowledge.

    Per-chunk facts (which unit belongs to which chunk, the models a chunk names, whether it is a
    preamble) are arrays computed here, so a question costs array operations, not loops over the corpus."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.kb = knowledge
        units, chunks = knowledge.units, knowledge.chunks
        kinds = np.array(units.kinds, dtype=object)
        self._sentence_rows = np.flatnonzero(kinds == "sentence")
        self._heading_rows = np.flatnonzero(kinds == "heading")
        unit_chunk = np.array([knowledge.chunk_index[c] for c in units.chunk_ids], dtype=np.intp)
        self._sentence_chunk = unit_chunk[self._sentence_rows]
        self._heading_chunk = unit_chunk[self._heading_rows]
        self._has_sentence = np.zeros(len(chunks), dtype=bool)
        self._has_sentence[self._sentence_chunk] = True
        self._models = np.array(
            [_model_bits(models_named(f"{c.section} {c.context} {c.body}")) for c in chunks], dtype=np.intp
        )
        self._place_weight = np.array([PREAMBLE_WEIGHT if self.kb.in_preamble(c) else 1.0 for c in chunks])

    def retrieve(self, query: Query, vector: np.ndarray, *, k: int = 8) -> Retrieval:
        """The top k chunks with the evidence that ranked them."""
        kb = self.kb
        n = len(kb.chunks)
        sims = (kb.units.vectors @ vector).astype(np.float64) if len(kb.units.texts) else np.zeros(0)
        by_sentence = np.zeros(n)
        np.maximum.at(by_sentence, self._sentence_chunk, sims[self._sentence_rows])
        heading_sims = sims[self._heading_rows]
        headings = self._heading_matches(heading_sims)

        # Max-normalised dense and lexical evidence, weighted equally: a rare word matched
        # exactly (an acronym, a term of art) counts as much as a close paraphrase.
        dense, dense_at = self._dense(vector)
        semantic = np.maximum(dense, by_sentence)
        lexical, lexical_at = self._lexical(query)
        fused = np.zeros(n)
        present = np.zeros(n, dtype=bool)  # chunks with any evidence, ranked even at a score of 0
        for scores, at, weight in (
            (semantic, dense_at | self._has_sentence, DENSE_WEIGHT),
            (lexical, lexical_at, 1.0 - DENSE_WEIGHT),
        ):
            top = scores[at].max(initial=0.0)
            if top > 0:
                fused += weight * np.maximum(scores, 0.0) / top
                present |= at
        for row, strength in headings.items():
            fused[row] += strength
            present[row] = True
        fused *= self._model_fit(query) * self._place_weight

        ranked = _top_k(fused, np.flatnonzero(present), k)
        hits = [Hit(kb.chunks[i].id, float(fused[i])) for i in ranked]
        sentence_sims = sims[self._sentence_rows]
        return Retrieval(
            hits=hits,
            sentence_scores=sims,
            best_sentence=float(sentence_sims.max()) if len(sentence_sims) else 0.0,
            section=self._asked_section(query, heading_sims),
        )

    def _asked_section(self, query: Query, heading_sims: np.ndarray) -> tuple[str, str] | None:
        """The section whose question heading paraphrases the query and names no other model."""
        for i in np.argsort(-heading_sims, kind="stable"):
            if heading_sims[i] < HEADING_ANSWER:
                return None
            chunk = self.kb.chunks[self._heading_chunk[i]]
            named = set(models_named(chunk.section))
            if not query.models or not named or set(query.models) <= named:
                return (chunk.doc_id, chunk.anchor)
        return None

    def _dense(self, vector: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cosine of the nearest chunks per chunk, and which: one matrix product over the chunk vectors
        loaded with the index (exact, where Chroma's HNSW query is approximate and costs more per call
        than the product does for this corpus, or one fifty times its size)."""
        sims = (self.kb.chunk_vectors @ vector).astype(np.float64)
        at = np.zeros(len(sims), dtype=bool)
        at[_top_k(sims, np.arange(len(sims)), CANDIDATES)] = True
        return np.where(at, sims, 0.0), at

    def _lexical(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        """BM25 of the best-scoring chunks (the user's words, related words at half weight), and which."""
        n = len(self.kb.chunks)
        if not query.terms:
            return np.zeros(n), np.zeros(n, dtype=bool)
        scores = self.kb.bm25.scores(query.terms)
        if query.related:
            scores = scores + RELATED_WEIGHT * self.kb.bm25.scores(query.related)
        at = np.zeros(n, dtype=bool)
        at[_top_k(scores, np.flatnonzero(scores > 0), CANDIDATES)] = True
        return np.where(at, scores, 0.0), at

    def _heading_matches(self, heading_sims: np.ndarray) -> dict[int, float]:
        """Sections whose question heading paraphrases the question: all their chunks are lifted."""
        out: dict[int, float] = {}
        for i in np.flatnonzero(heading_sims >= HEADING_MATCH):
            sim = float(heading_sims[i])
            first = self.kb.chunks[self._heading_chunk[i]]
            for chunk in self.kb.section_chunks((first.doc_id, first.anchor)):
                row = self.kb.chunk_index[chunk.id]
                out[row] = max(out.get(row, 0.0), (sim - HEADING_MATCH) + 0.05)
        return out

    def _model_fit(self, query: Query) -> np.ndarray | float:
        """Down-weight chunks about other models than the ones asked about (one factor per chunk)."""
        if not query.models:
            return 1.0
        fit = [
            _fit({m for m, bit in MODEL_BITS.items() if bits & bit}, set(query.models)) for bits in FIT_KEYS
        ]
        return np.array(fit)[self._models]


MODEL_BITS = {model: 1 << i for i, model in enumerate(VOCABULARY.models)}
FIT_KEYS = range(1 << len(MODEL_BITS))  # every set of models a chunk can name, as bits


def _model_bits(models: tuple[str, ...]) -> int:
    return sum(MODEL_BITS[m] for m in set(models))


def _fit(named: set[str], asked: set[str]) -> float:
    if not named:
        return 0.9
    if named & asked:
        return 1.0 + 0.1 * len(named & asked)
    return 0.6


def _top_k(scores: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    """The k rows with the highest scores, ties to the earlier row, best first (a partial sort)."""
    if len(rows) > k:
        kth = np.partition(scores[rows], len(rows) - k)[len(rows) - k]
        rows = rows[scores[rows] >= kth]  # ties at the cut stay in, the sort below settles them
    return rows[np.lexsort((rows, -scores[rows]))][:k]
