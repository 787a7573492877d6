"""Question shapes read by similarity: a message lands on the shape of its nearest example phrasings."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal, Protocol, cast, get_args

import numpy as np
from pydantic import RootModel

from bot.files import cached
from bot.language.vocabulary import Vocabulary
from bot.validated_yaml import load_validated

SHAPES_PATH = Path(__file__).with_name("shapes.yaml")

Shape = Literal[
    "definition",
    "yes_no",
    "comparison",
    "which_more",
    "list",
    "steps",
    "pros_cons",
    "attribute",
    "why",
    "swap",
    "recommend",
    "chit_chat",
    "general",
]
REGULARISATION = 10.0
WRITTEN_WEIGHT = 0.5
MIN_PROBABILITY = 0.25  # below this, no shape is clear and the message is read as a general question


class ShapesError(ValueError):
    """A shapes file that is missing or malformed; the message names the file."""


class _ShapesFile(RootModel[dict[Shape, list[str]]]):
    pass


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class ShapeGuess:
    shape: Shape
    probability: float
    margin: float  # its probability minus the runner-up's


def load_examples(path: Path = SHAPES_PATH) -> dict[Shape, list[str]]:
    """shapes.yaml validated: known shapes only, each with at least one non-empty example."""
    data = load_validated(path, _ShapesFile, ShapesError).root
    for shape, examples in data.items():
        if not examples or not all(isinstance(e, str) and e.strip() for e in examples):
            raise ShapesError(f"{path}: shape {shape!r} needs a list of non-empty example phrasings")
    return data


@dataclass(frozen=True)
class ShapeModel:
    """The trained classifier as arrays: a multinomial model's probabilities are a softmax of these."""

    coef: np.ndarray
    intercept: np.ndarray
    classes: list[Shape]


def train(labels: list[Shape], inputs: np.ndarray) -> ShapeModel:
    """A regularised logistic regression over the example phrasings' features."""
    from sklearn.linear_model import LogisticRegression  # here: only training needs scikit-learn

    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit(inputs, labels)
    return ShapeModel(
        model.coef_.astype(np.float32), model.intercept_.astype(np.float32), list(model.classes_)
    )


def trained(labels: list[Shape], inputs: np.ndarray, *, cache_dir: Path | None) -> ShapeModel:
    """The model for these examples, read from `cache_dir` when trained before on the same inputs.

    Keyed by the feature vectors (so by the encoder and every example's wording), the labels, the
    settings and scikit-learn's version: a worker that starts finds it and needs no scikit-learn."""
    if cache_dir is None:
        return train(labels, inputs)
    key = hashlib.sha256(np.ascontiguousarray(inputs, dtype=np.float32).tobytes())
    key.update(
        json.dumps([labels, REGULARISATION, WRITTEN_WEIGHT, metadata.version("scikit-learn")]).encode()
    )
    return cached(
        cache_dir / f"shapes-{key.hexdigest()[:24]}.npz",
        load=lambda path: _load(path, inputs.shape[1]),
        compute=lambda: train(labels, inputs),
        save=_save,
    )


def _load(path: Path, width: int) -> ShapeModel:
    """The saved model; ValueError when it is not a model of these shapes and features."""
    with np.load(path, allow_pickle=False) as saved:
        coef, intercept, classes = saved["coef"], saved["intercept"], [str(c) for c in saved["classes"]]
    if not set(classes) <= set(get_args(Shape)) or coef.shape != (len(classes), width):
        raise ValueError(f"{path}: not a model of these shapes")
    return ShapeModel(coef, intercept, cast(list[Shape], classes))


def _save(path: Path, model: ShapeModel) -> None:
    with path.open("wb") as out:
        np.savez(out, coef=model.coef, intercept=model.intercept, classes=np.array(model.classes))


class ShapeReader:
    """A linear classifier over example phrasings, trained on MiniLM vectors of each example twice:
    masked (model names → X, attribute words → Y: the wording) and as written (the topic)."""

    def __init__(
        self,
        examples: dict[Shape, list[str]],
        *,
        vocabulary: Vocabulary,
        encoder: Encoder,
        cache_dir: Path | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        labels = [shape for shape, texts in examples.items() for _ in texts]
        texts = [t for ts in examples.values() for t in ts]
        masked = encoder.encode([vocabulary.mask(t) for t in texts])
        written = encoder.encode(texts)
        model = trained(labels, features(masked, written), cache_dir=cache_dir)
        self._coef, self._intercept, self._classes = model.coef, model.intercept, model.classes

    def guess(self, *, masked: np.ndarray, written: np.ndarray) -> ShapeGuess:
        """The shape of a message from the vectors of its masked and written forms."""
        logits = self._coef @ features(masked[None, :], written[None, :])[0] + self._intercept
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        order = np.argsort(-probs)
        best, second = float(probs[order[0]]), float(probs[order[1]])
        shape = self._classes[int(order[0])]
        if best < MIN_PROBABILITY:
            return ShapeGuess("general", best, best - second)
        return ShapeGuess(shape, best, best - second)


def features(masked: np.ndarray, written: np.ndarray) -> np.ndarray:
    """The classifier's input: wording counts fully, topic at half weight."""
    return np.hstack([masked, WRITTEN_WEIGHT * written])


assert set(get_args(Shape)) >= {"general"}
