"""BM25 on bm25s scores as Okapi BM25 does (k1 1.5, b 0.75, common terms floored at part of the mean idf)."""

from __future__ import annotations

import math

import numpy as np

from bot.lexical import EPSILON, K1, B, LexicalIndex

DOCS = [["peo", "cost", "cost"], ["peo", "aso"], ["peo", "payroll", "tax", "benefit"], ["hro"]]


def okapi(query: list[str]) -> list[float]:
    """The formula written out, one document at a time."""
    n, avgdl = len(DOCS), sum(map(len, DOCS)) / len(DOCS)
    vocab = {w for d in DOCS for w in d}
    idf = {
        w: math.log(n - sum(w in d for d in DOCS) + 0.5) - math.log(sum(w in d for d in DOCS) + 0.5)
        for w in vocab
    }
    floor = EPSILON * sum(idf.values()) / len(idf)
    idf = {w: floor if v < 0 else v for w, v in idf.items()}
    return [
        sum(
            idf.get(q, 0.0) * d.count(q) * (K1 + 1) / (d.count(q) + K1 * (1 - B + B * len(d) / avgdl))
            for q in query
        )
        for d in DOCS
    ]


def test_scores_are_okapi_bm25() -> None:
    index = LexicalIndex(DOCS)
    for query in (["cost"], ["peo"], ["peo", "aso", "aso"], ["tax", "unknown"], ["nothing"]):
        assert np.allclose(index.scores(query), okapi(query), rtol=1e-12, atol=1e-12), query


def test_an_empty_index_scores_nothing() -> None:
    assert LexicalIndex([]).scores(["peo"]).shape == (0,)
