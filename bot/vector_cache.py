"""Vectors of fixed texts (example phrasings, table cells) kept on disk, so a worker starts without
re-encoding them; keyed by the model and the texts, so any change of either encodes afresh."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from bot.embedding import TextEncoder
from bot.files import cached


class CachedEncoder(TextEncoder):
    """An encoder whose batches are remembered in `folder` (one .npy file per distinct batch)."""

    def __init__(self, inner: TextEncoder, folder: Path) -> None:
        self.inner, self.folder = inner, folder
        self.model_id = inner.model_id

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        """As the inner encoder; a batch seen before (same model, same texts) is read from disk."""
        key = hashlib.sha256("\n".join([self.model_id, *texts]).encode()).hexdigest()[:24]
        return cached(
            self.folder / f"{key}.npy",
            load=lambda path: _load(path, len(texts)),
            compute=lambda: self.inner.encode(texts, batch_size=batch_size),
            save=_save,
        )


def _load(path: Path, count: int) -> np.ndarray | None:
    """The saved vectors, or None when the file holds another number of them."""
    vectors = np.load(path)
    return np.asarray(vectors, dtype=np.float32) if vectors.shape[0] == count else None


def _save(path: Path, vectors: np.ndarray) -> None:
    """np.save to exactly this path (given a name, np.save would add '.npy' to it)."""
    with path.open("wb") as out:
        np.save(out, vectors, allow_pickle=False)
