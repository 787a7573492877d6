"""One way to read a data file: YAML validated by a pydantic model, any problem an error naming the file."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)


def load_validated(path: Path, model: type[Model], error: type[Exception]) -> Model:
    """The file's YAML as `model`; `error` with the file's path and the problem when it is missing,
    not YAML, or not that shape."""
    try:
        return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise error(f"{path}: {exc}") from exc
