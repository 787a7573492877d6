"""The shape classifier is trained once per set of examples and then read from the data dir."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.language import shapes
from bot.language.shapes import ShapeModel, trained

LABELS: list[shapes.Shape] = ["definition", "definition", "yes_no", "yes_no", "list", "list"]


def inputs() -> np.ndarray:
    rng = np.random.default_rng(7)
    centres = {"definition": 0, "yes_no": 1, "list": 2}
    rows = [np.eye(8)[centres[label]] + 0.05 * rng.standard_normal(8) for label in LABELS]
    return np.asarray(rows, dtype=np.float32)


def test_a_second_start_reads_the_model_and_trains_nothing(tmp_path: Path, monkeypatch) -> None:
    first = trained(LABELS, inputs(), cache_dir=tmp_path)
    assert first.classes == ["definition", "list", "yes_no"]

    def no_training(*_args: object) -> ShapeModel:
        raise AssertionError("trained again")

    monkeypatch.setattr(shapes, "train", no_training)
    again = trained(LABELS, inputs(), cache_dir=tmp_path)
    assert again.classes == first.classes
    np.testing.assert_array_equal(again.coef, first.coef)
    np.testing.assert_array_equal(again.intercept, first.intercept)


def test_other_examples_or_labels_train_a_new_model(tmp_path: Path) -> None:
    trained(LABELS, inputs(), cache_dir=tmp_path)
    trained(LABELS, inputs() * 2, cache_dir=tmp_path)
    trained([*LABELS[:-1], "yes_no"], inputs(), cache_dir=tmp_path)
    assert len(list(tmp_path.glob("shapes-*.npz"))) == 3


@pytest.mark.parametrize("damage", [b"", b"not a numpy file", None])
def test_a_damaged_or_foreign_model_file_is_trained_again(tmp_path: Path, damage: bytes | None) -> None:
    model = trained(LABELS, inputs(), cache_dir=tmp_path)
    (path,) = tmp_path.glob("shapes-*.npz")
    if damage is None:  # a well-formed file of other shapes
        np.savez(
            path.open("wb"), coef=model.coef, intercept=model.intercept, classes=np.array(["a", "b", "c"])
        )
    else:
        path.write_bytes(damage)
    again = trained(LABELS, inputs(), cache_dir=tmp_path)
    assert again.classes == model.classes
    np.testing.assert_allclose(again.coef, model.coef)
