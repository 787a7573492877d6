"""The guide's tables read as data: which column is which model, which row is which attribute."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY
from ingest.chunking import Chunk

_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")  # initialisms read letter by letter: "an ASO", "an HRO"


def with_article(model: str) -> str:
    """'a PEO', 'an ASO', 'an HRO', 'an EOR'."""
    return f"{'an' if model[:1] in _VOWEL_SOUND_LETTERS else 'a'} {model}"


def model_columns(row: Chunk) -> dict[str, int]:
    """Column index of each model whose header cell names that model alone."""
    out: dict[str, int] = {}
    for i, head in enumerate(row.header):
        named = VOCABULARY.models_named(head)
        if len(named) == 1 and named[0] not in out:
            out[named[0]] = i
    return out


def row_label(row: Chunk) -> str:
    """The row's name (its first cell) when the first column names rows, else ''."""
    return row.cells[0] if row.cells and len(row.header) >= 3 and 0 not in model_columns(row).values() else ""


@dataclass(frozen=True)
class TableIndex:
    """Lookups over the whole corpus, made once: rows by attribute, pros/cons rows, the defining
    section's opening by model, and the first chunk of every prose section whose heading names one
    model alone ('What is the downside of a PEO?')."""

    by_attribute: dict[str, list[Chunk]]
    pros_cons: dict[str, list[Chunk]]
    defining: dict[str, Chunk]
    sections_on: dict[str, list[Chunk]]

    @classmethod
    def of(cls, kb: Knowledge) -> TableIndex:
        """The knowledge's index, built on first use and kept on it."""
        return kb.derived("table_index", cls.build)

    @classmethod
    def build(cls, kb: Knowledge) -> TableIndex:
        by_attribute: dict[str, list[Chunk]] = {}
        pros_cons: dict[str, list[Chunk]] = {}
        defining: dict[str, Chunk] = {}
        sections_on: dict[str, list[Chunk]] = {}
        for c in kb.chunks:
            if c.promotional:
                continue
            if c.kind == "table_row" and model_columns(c):
                for attribute in VOCABULARY.attributes_named(row_label(c)):
                    by_attribute.setdefault(attribute, []).append(c)
            owner = kb.section_models.get(c.id, ())
            if c.kind == "table_row" and column_indices(c, ("pros", "cons")) and len(owner) == 1:
                pros_cons.setdefault(owner[0], []).append(c)
            named = VOCABULARY.models_named(c.section)
            if c.kind == "paragraph" and len(named) == 1:
                defining.setdefault(named[0], c)
            if c.kind in ("faq", "paragraph") and len(named) == 1:
                first = sections_on.setdefault(named[0], [])
                if not any(f.section == c.section for f in first):
                    first.append(c)
        return cls(by_attribute=by_attribute, pros_cons=pros_cons, defining=defining, sections_on=sections_on)


def attribute_rows(kb: Knowledge, attribute: str | None) -> list[Chunk]:
    """Table rows with model columns whose name speaks of the attribute, in reading order."""
    return TableIndex.of(kb).by_attribute.get(attribute, []) if attribute else []


def cell(row: Chunk, model: str) -> str | None:
    """The row's cell for that model, if the table has a column for it."""
    i = model_columns(row).get(model)
    return row.cells[i] if i is not None and i < len(row.cells) else None


def row_sentence(row: Chunk, models: tuple[str, ...]) -> str:
    """'The guide's table lists liability for an ASO as “All on you” and for a PEO as “Shared with PEO”.'"""
    label = _lower_first(row_label(row))
    if label.split()[-1:] in (["for"], ["to"], ["with"]):  # "Best for": a PEO as best for “…”
        parts = [f"{with_article(m)} as {label} “{value}”" for m in models if (value := cell(row, m))]
        return "The guide's table lists " + " and ".join(parts) + "."
    parts = [f"for {with_article(m)} as “{value}”" for m in models if (value := cell(row, m))]
    return f"The guide's table lists {label} " + " and ".join(parts) + "."


def row_item(row: Chunk, models: tuple[str, ...]) -> str:
    """A row as an item of a list under the table's lead: 'Liability: a PEO “Shared with PEO”; an ASO
    “All on you”.'"""
    parts = [f"{with_article(m)} “{value}”" for m in models if (value := cell(row, m))]
    return f"{row_label(row)}: " + "; ".join(parts) + "."


def column_indices(row: Chunk, names: tuple[str, ...]) -> list[int]:
    """Indices of the header cells that are one of the names (case-insensitive, '&' as 'and')."""
    wanted = {n.lower() for n in names}
    return [i for i, h in enumerate(row.header) if _plain(h) in wanted]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("&", "and")).strip()


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def row_claim_text(row: Chunk, *, models: tuple[str, ...], terms: set[str]) -> str:
    """A table row as a sentence: model columns as in row_sentence, else the cell nearest the question
    placed under its column ('The guide lists “Lower cost than a PEO” among the pros of an ASO.')."""
    if model_columns(row) and row_label(row):
        shown = tuple(m for m in models if cell(row, m)) or tuple(model_columns(row))
        return row_sentence(row, shown)
    from bot.text_match import content_terms

    best = max(range(len(row.cells)), key=lambda i: (len(terms & set(content_terms(row.cells[i]))), -i))
    if best >= len(row.header) or not row.header[best]:
        return row.cells[best]
    owner = VOCABULARY.models_named(f"{row.section} {row.context}")
    return listed_cell(row, best, owner[0] if len(owner) == 1 else None)


def listed_cell(row: Chunk, i: int, model: str | None) -> str:
    """A cell placed under its column: 'The guide lists “Lower cost than a PEO” among the pros of an ASO.'"""
    whose = f" of {with_article(model)}" if model else ""
    return f"The guide lists “{row.cells[i]}” among the {row.header[i].lower()}{whose}."


def attach_cell_vectors(kb: Knowledge, encoder: Encoder) -> None:
    """Embed each model's cell of every table row that has model columns (once, at load), masked as
    questions are (model names → X, attribute words → Y) so wording, not names, decides closeness."""
    keys, texts = [], []
    for row in kb.chunks:
        if row.kind != "table_row" or not row_label(row):
            continue
        for model in model_columns(row):
            value = cell(row, model)
            if value:
                keys.append((row.id, model))
                texts.append(VOCABULARY.mask(f"{row_label(row)}: {value}"))
    if texts:
        kb.cell_vectors = dict(zip(keys, encoder.encode(texts)))


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...
