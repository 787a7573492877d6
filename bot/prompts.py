"""Loads the templated text of the answer chain from prompts/, validated at start-up."""

from __future__ import annotations

from pathlib import Path
from string import Template

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from bot.validated_yaml import parse_yaml


class PromptError(ValueError):
    """A prompts file that is missing, malformed or lacks a key; the message names the file."""


class Gap(BaseModel):
    """An HR topic the guide does not cover, and words that show a question is about it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    gap: str
    words: list[str]
    of_providers: bool = False  # the gap named when a question asks of a provider by name ("is trinet…")


class AnswerTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    out_of_scope: str
    out_of_scope_hr: str
    lacks: str
    elsewhere: str
    elsewhere_default: str
    chit_chat: str
    no_figure: str
    gap_lead: str
    publisher_lead: str
    about_guide: str
    quote_found: str
    quote_of_other: str
    quote_of_which: str
    where_said: str
    said_under: str
    quote_not_found: str
    column_lead: str
    readers_share: str
    duties: str
    column_title: str
    gathered_title: str
    gathered_table: str
    gathered_general: str
    unsaid_of_model: str
    list_lead: str
    said_of_other: str
    table_lead: str
    one_row_lead: str
    not_in_table: str
    about_item: str
    other_criteria: str
    in_short: str
    part_question: str
    conditional_list_lead: str
    recommend_lead: str
    not_settled: str
    never_says: str
    not_against_us: str
    yes: str
    no: str
    partly: str
    yes_for: str
    no_for: str
    agree_no: str
    agree_no_for: str
    disagree_yes: str
    disagree_yes_for: str
    partly_for: str
    side: str
    only_for: str
    both_yes: str
    both_no: str
    settled_for_one: str
    not_equal: str
    not_always_for: str
    no_pros_cons: str
    not_only_for: str
    not_compared: str
    gaps: list[Gap] = []

    def fill(self, key: str, **values: str) -> str:
        """The template under key with $names filled; a missing name is an error, not a blank."""
        try:
            return Template(getattr(self, key)).substitute(values)
        except KeyError as exc:
            raise PromptError(f"prompt {key!r} needs a value for ${exc.args[0]}") from exc


def load_answer_texts(prompts_dir: Path) -> AnswerTexts:
    """prompts/answers.yaml as AnswerTexts; raises PromptError naming the file on any problem."""
    path = prompts_dir / "answers.yaml"
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
        path = prompts_dir / "gaps.yaml"
        gaps = parse_yaml(path.read_text(encoding="utf-8")) if path.exists() else []
        return AnswerTexts.model_validate({**data, "gaps": gaps})
    except (OSError, yaml.YAMLError, ValidationError, TypeError) as exc:
        raise PromptError(f"{path}: {exc}") from exc
