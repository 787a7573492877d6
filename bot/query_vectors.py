"""Query vectors remembered: the embedder with a bounded LRU of single-text encodings."""

from __future__ import annotations

import threading

import numpy as np
from cachetools import LRUCache

from bot.embedding import TextEncoder


class QueryVectorCache(TextEncoder):
    """The embedder with an LRU of encodings by text (query vectors); only unseen texts reach the model."""

    def __init__(self, inner: TextEncoder, *, max_items: int = 4096) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self._vectors: LRUCache[str, np.ndarray] = LRUCache(maxsize=max_items)
        self._lock = threading.Lock()

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        """As TextEncoder.encode; texts seen before are answered from the cache, the rest in one batch."""
        with self._lock:
            found = {t: v for t in texts if (v := self._vectors.get(t)) is not None}
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            fresh = self.inner.encode(missing, batch_size=batch_size)
            with self._lock:
                for text, vector in zip(missing, fresh):
                    vector.setflags(write=False)
                    self._vectors[text] = found[text] = vector
        return (
            np.stack([found[t] for t in texts]).astype(np.float32, copy=True)
            if texts
            else self.inner.encode([])
        )
