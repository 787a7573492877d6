"""ConversationState to and from JSON, walking its fields, so new fields need no schema change."""

from __future__ import annotations

import logging
from typing import Any

from pydantic import TypeAdapter, ValidationError

from bot.conversation import ConversationState

log = logging.getLogger(__name__)

_ADAPTER: TypeAdapter[ConversationState] = TypeAdapter(ConversationState)


def to_json(state: ConversationState) -> dict[str, Any]:
    """The state as JSON-friendly data (tuples become lists, the profile a dict)."""
    data: dict[str, Any] = _ADAPTER.dump_python(state, mode="json")
    return data


def from_json(data: dict[str, Any]) -> ConversationState:
    """The state back; unknown keys are ignored, missing or unreadable ones take their defaults."""
    data = dict(data)
    while True:
        try:
            return _ADAPTER.validate_python(data)
        except ValidationError as exc:
            bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            if not bad & data.keys():
                raise
            log.warning("stored conversation state: dropping unreadable fields %s", sorted(bad))
            data = {k: v for k, v in data.items() if k not in bad}
