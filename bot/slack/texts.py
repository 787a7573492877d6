"""The Slack app's own wording (texts.yaml), validated at load."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.validated_yaml import load_validated

TEXTS_PATH = Path(__file__).with_name("texts.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HomeTexts(_Strict):
    title: str
    knows: str
    how_to_ask: list[str]
    guide: str
    buttons: str


class ReplyTexts(_Strict):
    sources: str
    recommendation: str
    thumbs_up: str
    thumbs_down: str
    ask_a_person: str
    share: str
    thanks: str
    passed_on: str
    no_support_channel: str
    escalation_intro: str
    question: str
    answer_gone: str
    not_ready: str
    failed: str
    empty: str
    too_long: str


class SlackTexts(_Strict):
    home: HomeTexts
    reply: ReplyTexts


class SlackTextsError(ValueError):
    """texts.yaml is missing, not YAML, or not the expected shape."""


def load_texts(path: Path = TEXTS_PATH) -> SlackTexts:
    """The texts in `path`; a clear error naming the file when they are unusable."""
    return load_validated(path, SlackTexts, SlackTextsError)


@cache
def default_texts() -> SlackTexts:
    """The shipped texts, loaded once."""
    return load_texts()
