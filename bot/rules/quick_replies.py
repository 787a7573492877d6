"""Likely answers to the recommendation's follow-up question, one list per profile field, from
quick_replies.yaml (validated at load): the web widget's chips and the Slack app's buttons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from bot.contract import PROFILE_FIELDS
from bot.validated_yaml import load_validated

QUICK_REPLIES_PATH = Path(__file__).resolve().parent / "quick_replies.yaml"


class QuickReply(BaseModel):
    """One chip: what it shows, the message it sends, and the profile value that message gives."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(min_length=1, max_length=40)
    message: str = Field(min_length=1, max_length=200)
    value: int | bool


class QuickReplies(RootModel[dict[str, list[QuickReply]]]):
    """Chips per profile field."""

    @field_validator("root")
    @classmethod
    def _profile_fields(cls, value: dict[str, list[QuickReply]]) -> dict[str, list[QuickReply]]:
        unknown = sorted(set(value) - set(PROFILE_FIELDS))
        if unknown:
            raise ValueError(f"not profile fields: {', '.join(unknown)}")
        return value


class QuickRepliesError(ValueError):
    """quick_replies.yaml is unreadable or invalid; the message names the file and the problem."""


@cache
def load_quick_replies(path: Path = QUICK_REPLIES_PATH) -> QuickReplies:
    """The validated chips (read once)."""
    return load_validated(path, QuickReplies, QuickRepliesError)
