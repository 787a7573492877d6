"""Hybrid retrieval: dense (Chroma) and lexical (BM25) chunk rankings, sentence and heading matches, fused."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from langchain_chroma import Chroma

from bot.knowledge import Knowledge
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
    sentence_scores: dict[int, float]  # unit row -> cosine with the question
    best_sentence: float
    section: tuple[str, str] | None = None  # (doc_id, anchor) whose question heading is the one asked


class HybridRetriever:
    """Ranks chunks for a query; built once per process around the loaded knowledge."""

    def __init__(self, knowledge: Knowledge, store: Chroma) -> None:
        self.kb = knowledge
        self.store = store
        units = knowledge.units
        self._sentence_rows = np.array([i for i, k in enumerate(units.kinds) if k == "sentence"], dtype=int)
        self._heading_rows = np.array([i for i, k in enumerate(units.kinds) if k == "heading"], dtype=int)

    def retrieve(self, query: Query, vector: np.ndarray, *, k: int = 8) -> Retrieval:
        """The top k chunks with the evidence that ranked them."""
        kb = self.kb
        dense = self._dense(vector)
        lexical = self._lexical(query)
        sims = kb.units.vectors @ vector if len(kb.units.texts) else np.zeros(0)
        by_sentence: dict[str, float] = defaultdict(float)
        for row in self._sentence_rows:
            cid = kb.units.chunk_ids[row]
            by_sentence[cid] = max(by_sentence[cid], float(sims[row]))
        by_heading: dict[str, float] = {}
        for row in self._heading_rows:
            by_heading[kb.units.chunk_ids[row]] = float(sims[row])
        headings = self._heading_matches(by_heading)

        # Max-normalised dense and lexical evidence, weighted equally: a rare word matched
        # exactly (an acronym, a term of art) counts as much as a close paraphrase.
        semantic = {c: max(dense.get(c, 0.0), by_sentence.get(c, 0.0)) for c in {*dense, *by_sentence}}
        fused: dict[str, float] = defaultdict(float)
        for scores, weight in ((semantic, DENSE_WEIGHT), (lexical, 1.0 - DENSE_WEIGHT)):
            top = max(scores.values(), default=0.0)
            if top > 0:
                for cid, value in scores.items():
                    fused[cid] += weight * max(value, 0.0) / top
        for cid, strength in headings.items():
            fused[cid] += strength
        for cid in list(fused):
            fused[cid] *= self._model_fit(query, cid) * (PREAMBLE_WEIGHT if self._in_preamble(cid) else 1.0)

        ranked = sorted(fused, key=lambda c: (-fused[c], kb.chunk_index[c]))[:k]
        hits = [Hit(cid, fused[cid]) for cid in ranked]
        sentence_scores = {int(r): float(sims[r]) for r in self._sentence_rows}
        return Retrieval(
            hits=hits,
            sentence_scores=sentence_scores,
            best_sentence=max(sentence_scores.values(), default=0.0),
            section=self._asked_section(query, by_heading),
        )

    def _asked_section(self, query: Query, by_heading: dict[str, float]) -> tuple[str, str] | None:
        """The section whose question heading paraphrases the query and names no other model."""
        for cid, sim in sorted(by_heading.items(), key=lambda kv: -kv[1]):
            if sim < HEADING_ANSWER:
                return None
            chunk = self.kb.chunk(cid)
            named = set(models_named(chunk.section))
            if not query.models or not named or set(query.models) <= named:
                return (chunk.doc_id, chunk.anchor)
        return None

    def _dense(self, vector: np.ndarray) -> dict[str, float]:
        found = self.store.similarity_search_by_vector_with_relevance_scores(vector.tolist(), k=CANDIDATES)
        return {doc.id: 1.0 - float(distance) for doc, distance in found if doc.id in self.kb.chunk_index}

    def _lexical(self, query: Query) -> dict[str, float]:
        if not query.terms:
            return {}
        scores = self.kb.bm25.get_scores(list(query.terms))
        if query.related:
            scores = scores + RELATED_WEIGHT * self.kb.bm25.get_scores(list(query.related))
        top = np.argsort(-scores, kind="stable")[:CANDIDATES]
        return {self.kb.chunks[i].id: float(scores[i]) for i in top if scores[i] > 0}

    def _heading_matches(self, by_heading: dict[str, float]) -> dict[str, float]:
        """Sections whose question heading paraphrases the question: all their chunks are lifted."""
        out: dict[str, float] = {}
        for cid, sim in by_heading.items():
            if sim < HEADING_MATCH:
                continue
            first = self.kb.chunk(cid)
            for chunk in self.kb.section_chunks((first.doc_id, first.anchor)):
                out[chunk.id] = max(out.get(chunk.id, 0.0), (sim - HEADING_MATCH) + 0.05)
        return out

    def _in_preamble(self, chunk_id: str) -> bool:
        """Text under the document title, before its first section: an introduction, seldom the answer."""
        chunk = self.kb.chunk(chunk_id)
        doc = self.kb.docs.get(chunk.doc_id)
        return bool(doc and len(doc.sections) > 1 and chunk.anchor == doc.sections[0].anchor)

    def _model_fit(self, query: Query, chunk_id: str) -> float:
        """Down-weight chunks about other models than the ones asked about."""
        if not query.models:
            return 1.0
        chunk = self.kb.chunk(chunk_id)
        named = set(models_named(f"{chunk.section} {chunk.context} {chunk.body}"))
        if not named:
            return 0.9
        if named & set(query.models):
            return 1.0 + 0.1 * len(named & set(query.models))
        return 0.6
