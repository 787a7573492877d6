"""The cleaned corpus keeps the guide's words and drops its page chrome; the parser reads MD, text, HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.text_match import normalize
from ingest.corpus import CorpusError, ListBlock, Paragraph, Table, block_texts, load_corpus, parse_markdown

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "corpus-source" / "peo-vs-aso-guide.txt"


@pytest.fixture(scope="module")
def guide():
    (doc,) = load_corpus(ROOT / "corpus")
    return doc


def test_every_block_is_the_guides_own_words(guide) -> None:
    source = f" {normalize(SOURCE.read_text(encoding='utf-8'))} "
    for section in guide.sections:
        assert f" {normalize(section.heading)} " in source, section.heading
        for block in section.blocks:
            for text in block_texts(block):
                assert f" {normalize(text)} " in source, text


@pytest.mark.parametrize(
    "chrome",
    [
        "HighPerformer",
        "MomentumLeader",
        "Starting from",
        "$99",
        "Let's Talk",
        "Table of Content",
        "Latest Blogs",
        "Contact our team",
        "Connect with Wisemonk",
        "October 3, 2025",
    ],
)
def test_page_chrome_is_dropped(chrome: str) -> None:
    assert chrome not in (ROOT / "corpus" / "peo-vs-aso.md").read_text(encoding="utf-8")


def test_front_matter_title_and_no_invented_url(guide) -> None:
    assert guide.doc_id == "peo-vs-aso"
    assert guide.title == "PEO vs. ASO: Which HR Model is Right for U.S. SMBs?"
    assert guide.source_url is None


def test_toc_markers_become_anchors_and_pitch_is_marked(guide) -> None:
    anchors = {s.anchor: s for s in guide.sections}
    assert anchors["what-is-a-peo"].heading == "What is a PEO?"
    assert anchors["how-to-choose"].heading == "How do you decide between a PEO and ASO?"
    assert anchors["how-wisemonk-helps"].promotional
    assert sum(s.promotional for s in guide.sections) == 1


def test_three_tables_rebuilt_with_their_columns(guide) -> None:
    tables = [b for s in guide.sections for b in s.blocks if isinstance(b, Table)]
    assert [(len(t.header), len(t.rows)) for t in tables] == [(3, 8), (2, 5), (2, 5)]
    assert tables[0].rows[6] == ("Cost", "Higher, bundled", "Lower, pay only for selected HR services")
    assert tables[0].caption == "PEO vs. ASO comparison : Key Differences"


def test_faq_questions_are_headings_and_lists_keep_lead_ins(guide) -> None:
    faq = [s for s in guide.sections if s.level == 3]
    assert len(faq) == 7 and all(s.heading.endswith("?") for s in faq)
    assert all(len(s.blocks) == 1 and isinstance(s.blocks[0], Paragraph) for s in faq)
    lists = [b for s in guide.sections for b in s.blocks if isinstance(b, ListBlock)]
    assert "Choose a PEO if:" in {b.lead_in for b in lists}


def test_html_and_text_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "eor.html").write_text(
        "<html><head><title>EOR basics</title><script>alert(1)</script></head><body>"
        "<h2 id='what'>What is an EOR?</h2><p>An EOR employs staff for you.</p>"
        "<ul><li>One</li><li>Two</li></ul><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text("Plain words only.\n", encoding="utf-8")
    eor, notes = load_corpus(tmp_path)
    assert eor.title == "EOR basics" and eor.sections[0].anchor == "what"
    assert "alert" not in eor.sections[0].text
    assert [type(b) for b in eor.sections[0].blocks] == [Paragraph, ListBlock, Table]
    assert notes.sections[0].blocks == (Paragraph("Plain words only."),)


def test_bad_files_raise_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CorpusError, match=r"bad\.md"):
        load_corpus(tmp_path)
    with pytest.raises(CorpusError, match="front matter"):
        parse_markdown("---\ntitle: [unclosed\n---\n# x\n", doc_id="x")
    with pytest.raises(CorpusError, match="promotional"):
        parse_markdown("---\npromotional: pitch\n---\n# x\n", doc_id="x")
