"""Validates the data files a start needs (rules table, prompts, corpus) without loading the model."""

from __future__ import annotations

from bot.language.shapes import load_examples
from bot.prompts import load_answer_texts
from bot.rules.table import load_table
from bot.settings import Settings
from ingest.corpus import load_corpus


def check_data_files(settings: Settings) -> None:
    """Validate the rules table, prompts, example phrasings and corpus (fast, no model): raises with file,
    line and reason."""
    load_table(settings.rules_path)
    load_answer_texts(settings.prompts_dir)
    load_examples()
    load_corpus(settings.corpus_dir)
