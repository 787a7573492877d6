"""MiniLM on ONNX Runtime: the packaged model exported once on this machine, tokenised with `tokenizers`."""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from bot.embedding import DIMENSION, MODEL_ID, TextEncoder, bundled_model_path
from bot.files import atomic_write

log = logging.getLogger(__name__)

OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _versions() -> dict[str, str]:
    """What the export depends on, read from package metadata: serving never imports torch."""
    packages = ("torch", "transformers", "onnx", "onnxruntime")
    return {"model": MODEL_ID, "opset": str(OPSET), **{p: metadata.version(p) for p in packages}}


def _max_seq_length(model_path: Path) -> int:
    """The truncation length sentence-transformers uses for this model (256 for MiniLM)."""
    config = json.loads((model_path / "sentence_bert_config.json").read_text())
    return int(config["max_seq_length"])


def _export_fp32(model_path: Path, out: Path) -> None:
    """Export the BERT encoder's last hidden state with dynamic batch and sequence axes."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_path)).eval()

    class LastHidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    dummy = torch.ones((2, 8), dtype=torch.int64)
    axes = {"batch": 0, "sequence": 1}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about Python control flow in transformers
        torch.onnx.export(
            LastHidden(),
            (dummy, dummy, torch.zeros_like(dummy)),
            str(out),
            input_names=list(INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes={n: {v: k for k, v in axes.items()} for n in [*INPUTS, "last_hidden_state"]},
            opset_version=OPSET,
            dynamo=False,
        )


def _quantize(source: Path, out: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Per-channel weights keep cosine with fp32 near 0.99 (per-tensor: about 0.95).
    quantize_dynamic(str(source), str(out), per_channel=True, weight_type=QuantType.QInt8)


def onnx_model_file(cache_dir: Path, *, model_path: Path | None = None, int8: bool = False) -> Path:
    """The exported model (int8: quantised), made on first use and cached by model and versions."""
    model_path = model_path or bundled_model_path()
    key = hashlib.sha256(json.dumps({**_versions(), "path": str(model_path)}).encode()).hexdigest()[:16]
    fp32 = cache_dir / f"minilm-{key}.onnx"
    if not fp32.exists():
        log.info("exporting %s to ONNX at %s (once)", MODEL_ID, fp32)
        atomic_write(fp32, lambda tmp: _export_fp32(model_path, tmp))
    if not int8:
        return fp32
    quantized = cache_dir / f"minilm-{key}-int8.onnx"
    if not quantized.exists():
        log.info("quantising %s to int8 at %s (once)", fp32.name, quantized)
        atomic_write(quantized, lambda tmp: _quantize(fp32, tmp))
    return quantized


class OnnxEmbedder(TextEncoder):
    """The same unit-length MiniLM vectors as `Embedder`, computed with ONNX Runtime on the CPU."""

    def __init__(
        self, *, cache_dir: Path, threads: int = 1, int8: bool = False, model_path: Path | None = None
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_path = model_path or bundled_model_path()
        self.model_id = f"{MODEL_ID} int8" if int8 else MODEL_ID  # fp32 vectors match the torch ones
        self._tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=_max_seq_length(model_path))
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of a batch
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # With more than one thread, idle ones sleep instead of spinning: other workers need the cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        model_file = onnx_model_file(cache_dir, model_path=model_path, int8=int8)
        self._session = ort.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        """An (n, dim) float32 array of normalised embeddings (mean pooling over the real tokens)."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        # Longest first, as sentence-transformers does: each batch pads to similar lengths.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        ordered = [texts[i] for i in order]
        out = np.empty((len(texts), DIMENSION), dtype=np.float32)
        for i in range(0, len(texts), batch_size):
            out[order[i : i + batch_size]] = self._encode_batch(ordered[i : i + batch_size])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        feed = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        hidden = self._session.run(None, feed)[0]
        mask = feed["attention_mask"][:, :, None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return np.asarray(pooled / norms, dtype=np.float32)
