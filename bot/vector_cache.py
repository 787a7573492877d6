"""Vectors of fixed texts (example phrasings, table cells) kept on disk, so a worker starts without
re-encoding them; keyed by the model and the texts, so any change of either encodes afresh."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from bot.embedding import TextEncoder
from bot.files import atomic_write


class CachedEncoder(TextEncoder):
    """An encoder whose batches are remembered in `folder` (one .npy file per distinct batch)."""

    def __init__(self, inner: TextEncoder, folder: Path) -> None:
        self.inner, self.folder = inner, folder
        self.model_id = inner.model_id

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        """As the inner encoder; a batch seen before (same model, same texts) is read from disk."""
        key = hashlib.sha256("\n".join([self.model_id, *texts]).encode()).hexdigest()[:24]
        path = self.folder / f"{key}.npy"
        try:
            vectors = np.load(path)
            if vectors.shape[0] == len(texts):
                return np.asarray(vectors, dtype=np.float32)
        except (OSError, ValueError, EOFError):
            pass  # missing, empty or unreadable: encode again
        vectors = self.inner.encode(texts, batch_size=batch_size)
        atomic_write(path, lambda tmp: _save(tmp, vectors))
        return vectors


def _save(path: Path, vectors: np.ndarray) -> None:
    """np.save to exactly this path (given a name, np.save would add '.npy' to it)."""
    with path.open("wb") as out:
        np.save(out, vectors, allow_pickle=False)
