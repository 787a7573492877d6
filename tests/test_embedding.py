"""ONNX Runtime embeddings match sentence-transformers', and the backend setting picks the encoder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.embedding import MODEL_ID, Embedder, make_embedder
from bot.onnx_embedding import OnnxEmbedder, onnx_model_file
from bot.settings import Settings

pytestmark = pytest.mark.slow

TEXTS = [
    "What is a PEO?",
    "ASO vs HRO",
    "who files taxes then?",
    "what's bad about using a PEO",
    "Co-employment means the PEO shares certain employer responsibilities with you.",
    "Ünïcödé café naïve, déjà vu",
    "12345 $%^&*",
    "",
    " ",
    "x",
    "PEO",
    # Far past the model's 256 tokens: both truncate the same way.
    "A PEO handles payroll, benefits and compliance while the client directs daily work. " * 40,
]


@pytest.fixture(scope="module")
def torch_encoder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="module")
def onnx_encoder() -> OnnxEmbedder:
    return OnnxEmbedder(cache_dir=Settings().model_cache_dir)


def test_onnx_vectors_match_sentence_transformers(
    torch_encoder: Embedder, onnx_encoder: OnnxEmbedder
) -> None:
    expected, got = torch_encoder.encode(TEXTS), onnx_encoder.encode(TEXTS, batch_size=5)
    assert got.shape == (len(TEXTS), 384) and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert (expected * got).sum(axis=1).min() > 0.999
    assert onnx_encoder.model_id == torch_encoder.model_id == MODEL_ID  # one index serves both


def test_onnx_encoder_is_a_langchain_embeddings(onnx_encoder: OnnxEmbedder) -> None:
    assert len(onnx_encoder.embed_query("What is an ASO?")) == 384
    assert onnx_encoder.encode([]).shape == (0, 384)


def test_export_is_cached(onnx_encoder: OnnxEmbedder) -> None:
    path = onnx_model_file(Settings().model_cache_dir)
    before = path.stat().st_mtime_ns
    assert onnx_model_file(Settings().model_cache_dir) == path
    assert path.stat().st_mtime_ns == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("backend", "kind", "model_id"),
    [
        ("torch", Embedder, MODEL_ID),
        ("onnx", OnnxEmbedder, MODEL_ID),
        ("onnx-int8", OnnxEmbedder, f"{MODEL_ID} int8"),
    ],
)
def test_backend_setting_is_honoured(
    monkeypatch: pytest.MonkeyPatch, backend: str, kind: type, model_id: str
) -> None:
    monkeypatch.setenv("GUIDEBOT_EMBEDDING_BACKEND", backend)
    encoder = make_embedder(Settings())
    assert type(encoder) is kind and encoder.model_id == model_id


def test_unknown_backend_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GUIDEBOT_EMBEDDING_BACKEND", "tensorflow")
    with pytest.raises(ValueError, match="embedding_backend"):
        Settings()
