"""Fixed texts' vectors on disk: a second start reads them; another model or text encodes afresh."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.embedding import TextEncoder
from bot.vector_cache import CachedEncoder


class Counting(TextEncoder):
    def __init__(self, model_id: str = "m1") -> None:
        self.model_id, self.calls = model_id, 0

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        self.calls += 1
        return np.full((len(texts), 4), float(len(texts[0])), dtype=np.float32)


def test_a_batch_is_encoded_once_per_model_and_texts(tmp_path: Path) -> None:
    inner = Counting()
    first = CachedEncoder(inner, tmp_path).encode(["a", "bb"])
    again = CachedEncoder(inner, tmp_path).encode(["a", "bb"])  # a new worker, the same folder
    assert inner.calls == 1 and np.array_equal(first, again)
    CachedEncoder(inner, tmp_path).encode(["a", "bbb"])
    CachedEncoder(Counting("m2"), tmp_path).encode(["a", "bb"])
    assert inner.calls == 2


@pytest.mark.parametrize("damage", [b"not numpy", b""])
def test_a_damaged_or_empty_file_is_encoded_again(tmp_path: Path, damage: bytes) -> None:
    inner = Counting()
    CachedEncoder(inner, tmp_path).encode(["a"])
    for f in tmp_path.glob("*.npy"):
        f.write_bytes(damage)
    assert CachedEncoder(inner, tmp_path).encode(["a"]).shape == (1, 4)
    assert inner.calls == 2
