"""Query vectors remembered: the embedder with a bounded LRU of single-text encodings."""

from __future__ import annotations

import threading

import numpy as np
from cachetools import LRUCache

from bot.embedding import TextEncoder


class QueryVectorCache(TextEncoder):
    """The embedder with an LRU of single-text encodings (query vectors); batches pass straight through."""

    def __init__(self, inner: TextEncoder, *, max_items: int = 4096) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self._vectors: LRUCache[str, np.ndarray] = LRUCache(maxsize=max_items)
        self._lock = threading.Lock()

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        """As TextEncoder.encode; a one-text call is answered from the cache when it can be."""
        if len(texts) != 1:
            return self.inner.encode(texts, batch_size=batch_size)
        with self._lock:
            vector = self._vectors.get(texts[0])
        if vector is None:
            vector = self.inner.encode(texts, batch_size=batch_size)[0]
            vector.setflags(write=False)
            with self._lock:
                self._vectors[texts[0]] = vector
        return vector.reshape(1, -1).copy()
