"""Chunks never cross sections; FAQ answers, list items and table rows are units with their context."""

from __future__ import annotations

from pathlib import Path

from bot.text_match import normalize
from ingest.chunking import chunk_documents
from ingest.corpus import load_corpus, parse_markdown
from ingest.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def _chunks():
    docs = load_corpus(ROOT / "corpus")
    return docs, chunk_documents(docs)


def test_chunks_stay_inside_one_section() -> None:
    docs, chunks = _chunks()
    sections = {(d.doc_id, s.anchor): normalize(s.text) for d in docs for s in d.sections}
    for chunk in chunks:
        assert normalize(chunk.body) in sections[(chunk.doc_id, chunk.anchor)]


def test_faq_question_and_answer_are_one_unit() -> None:
    _, chunks = _chunks()
    downside = [c for c in chunks if c.section == "What is the downside of a PEO?"]
    assert len(downside) == 1 and downside[0].kind == "faq"
    assert downside[0].text.startswith("What is the downside of a PEO?")


def test_table_rows_carry_header_and_lists_their_lead_in() -> None:
    _, chunks = _chunks()
    cost = next(c for c in chunks if c.kind == "table_row" and c.cells[:1] == ("Cost",))
    assert cost.header[0] == "Factor" and "Key Differences" in cost.context
    assert cost.section == "What are the key differences between a PEO and an ASO?"
    item = next(c for c in chunks if c.body.startswith("You lack strong in-house HR staff"))
    assert item.kind == "list_item" and item.context == "Choose a PEO if:"


def test_ids_are_stable_and_change_only_where_the_text_changed() -> None:
    text = "# T\n\n## A\n\nOne sentence here.\n\n## B\n\nAnother one here.\n"
    first = chunk_documents([parse_markdown(text, doc_id="d")])
    again = chunk_documents([parse_markdown(text, doc_id="d")])
    edited = chunk_documents([parse_markdown(text.replace("Another", "A changed"), doc_id="d")])
    assert [c.id for c in first] == [c.id for c in again]
    assert first[0].id == edited[0].id and first[1].id != edited[1].id
    assert first[1].slot == edited[1].slot == "d/b/0"


def test_sentence_split_keeps_abbreviations() -> None:
    assert split_sentences("Compare PEO vs. ASO first. Then U.S. rules apply. Done!") == [
        "Compare PEO vs. ASO first.",
        "Then U.S. rules apply.",
        "Done!",
    ]
