"""BM25 over the chunks on bm25s's sparse index, scored as Okapi BM25 (rank_bm25's formula)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import bm25s
import numpy as np

logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its own logger to DEBUG

K1 = 1.5
B = 0.75
EPSILON = (
    0.25  # a term in more than half the chunks gets this share of the mean idf instead of a negative one
)


class LexicalIndex:
    """BM25 scores of every chunk for a bag of terms: one sparse column sum per term, no Python loop."""

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        self.size = len(docs)
        self._bm25 = bm25s.BM25(k1=K1, b=B, method="robertson", idf_method="lucene", dtype="float64")
        if docs:
            self._bm25.index([list(d) for d in docs], show_progress=False)
            _rescale_to_okapi_idf(self._bm25.scores)

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """One float64 score per chunk; a repeated term counts again, an unknown one adds nothing."""
        ids = self._bm25.get_tokens_ids(list(terms)) if self.size else []
        if not ids:
            return np.zeros(self.size)
        return np.asarray(self._bm25.get_scores_from_ids(ids), dtype=np.float64)


def _rescale_to_okapi_idf(index: dict[str, np.ndarray]) -> None:
    """Swap bm25s's (always positive) Lucene idf for Okapi's floored one, times (k1 + 1), column by column.

    bm25s stores idf × tf-part per (chunk, term) in a CSC matrix whose columns are terms. The rankings
    this project was tuned on come from Okapi BM25 as rank_bm25 computes it, which bm25s lacks: its
    Robertson idf clamps common terms to 0 instead of flooring them at EPSILON × the mean idf."""
    n = float(index["num_docs"])
    indptr = index["indptr"]
    df = np.diff(indptr).astype(np.float64)
    okapi = np.log(n - df + 0.5) - np.log(df + 0.5)
    okapi[okapi < 0] = EPSILON * okapi.mean()
    lucene = np.log(1 + (n - df + 0.5) / (df + 0.5))
    index["data"] = index["data"] * np.repeat(okapi * (K1 + 1) / lucene, np.diff(indptr))
