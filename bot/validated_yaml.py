"""One way to read a data file: YAML validated by a pydantic model, any problem an error naming the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe YAML in which a key given twice in one mapping is an error: plain YAML keeps the last one
    silently, so a second entry for a word would quietly replace the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def parse_yaml(text: str) -> Any:
    """The YAML text's data; a key given twice in one mapping is a yaml.YAMLError."""
    return yaml.load(text, Loader=_UniqueKeyLoader)


def load_validated(path: Path, model: type[Model], error: type[Exception]) -> Model:
    """The file's YAML as `model`; `error` with the file's path and the problem when it is missing,
    not YAML (a key given twice included), or not that shape."""
    try:
        return model.model_validate(parse_yaml(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise error(f"{path}: {exc}") from exc
