"""Coverage gaps: the questions the guide failed, grouped by meaning, each group labelled by its medoid."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import numpy as np
from pydantic import BaseModel

from bot.embedding import TextEncoder
from bot.storage.log import GapQuestion

# Average-linkage cosine distance under which questions count as asking the same thing: MiniLM puts
# rewordings of one question within ~0.5 of each other and unrelated questions beyond ~0.8.
SAME_MEANING_DISTANCE = 0.6


class GapGroup(BaseModel):
    """Questions asking the same thing; `label` is the most typical of them (the medoid)."""

    label: str
    count: int
    first_seen: datetime
    last_seen: datetime
    reasons: dict[str, int]  # how many of its questions each gap reason covers
    questions: list[GapQuestion]  # newest first


def group_gaps(
    questions: list[GapQuestion], encoder: TextEncoder, *, distance: float = SAME_MEANING_DISTANCE
) -> list[GapGroup]:
    """The questions grouped by embedding similarity, the most recently seen group first."""
    if not questions:
        return []
    vectors = encoder.encode([q.message for q in questions])
    labels = _clusters(vectors, distance)
    groups = []
    for cluster in np.unique(labels):
        members = np.flatnonzero(labels == cluster)
        groups.append(_group([questions[i] for i in members], vectors[members]))
    return sorted(groups, key=lambda g: (g.last_seen, g.count), reverse=True)


def _clusters(vectors: np.ndarray, distance: float) -> np.ndarray:
    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=int)
    # Imported here: scikit-learn takes seconds to import and only the console's gap report needs it,
    # so every worker's cold start would pay for it otherwise.
    from sklearn.cluster import AgglomerativeClustering

    clustering = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
    )
    labels: np.ndarray = clustering.fit_predict(vectors)
    return labels


def _group(members: list[GapQuestion], vectors: np.ndarray) -> GapGroup:
    # Unit vectors: the medoid has the highest summed cosine similarity to the rest of its group.
    medoid = int(np.argmax((vectors @ vectors.T).sum(axis=1)))
    newest_first = sorted(members, key=lambda q: q.created_at, reverse=True)
    reasons = Counter(reason for q in members for reason in q.reasons)
    return GapGroup(
        label=members[medoid].message,
        count=len(members),
        first_seen=min(q.created_at for q in members),
        last_seen=max(q.created_at for q in members),
        reasons=dict(sorted(reasons.items())),
        questions=newest_first,
    )
