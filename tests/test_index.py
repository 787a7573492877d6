"""Real Chroma in a temp dir with the real embedder: idempotent sync, updates, deletes, rebuilds."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.embedding import Embedder
from bot.settings import Settings
from bot.wiring import build_service, prepare_index
from ingest.chunking import chunk_documents
from ingest.corpus import load_corpus
from ingest.index import chroma_path, open_client, sync_index

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def encoder() -> Embedder:
    return Embedder()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    return folder


def _settings(tmp_path: Path, corpus: Path) -> Settings:
    return Settings(corpus_dir=corpus, data_dir=tmp_path / "data")


def test_second_ingest_writes_nothing(tmp_path: Path, corpus: Path, encoder: Embedder) -> None:
    settings = _settings(tmp_path, corpus)
    first = prepare_index(settings, encoder).report
    second = prepare_index(settings, encoder).report
    assert first.added > 50 and first.updated == first.deleted == 0
    assert second.counts() == {"added": 0, "updated": 0, "deleted": 0, "unchanged": first.added}


def test_edit_and_removal_are_updated_and_deleted(tmp_path: Path, corpus: Path, encoder: Embedder) -> None:
    settings = _settings(tmp_path, corpus)
    prepare_index(settings, encoder)
    guide = corpus / "peo-vs-aso.md"
    text = guide.read_text(encoding="utf-8")
    text = text.replace("Costs can also be higher", "Costs can also be much higher")
    text = text.replace("- Budget: A PEO costs more", "- A PEO costs more")  # same slot, new text
    text = text.replace(
        "A clear grasp of the key differences in liability, benefits, and control will help you "
        "choose the right partner for your HR needs.\n",
        "",
    )
    guide.write_text(text, encoding="utf-8")
    report = prepare_index(settings, encoder).report
    assert (report.updated, report.deleted, report.added) == (2, 1, 0)


def test_model_change_rebuilds_the_collection(
    tmp_path: Path, corpus: Path, encoder: Embedder, caplog
) -> None:
    settings = _settings(tmp_path, corpus)
    total = prepare_index(settings, encoder).report.added

    class OtherModel(Embedder):
        model_id = "another-model"

        def __init__(self) -> None:  # reuses the loaded weights; only the recorded id differs
            self._model = encoder._model

    with caplog.at_level(logging.WARNING):
        report = prepare_index(settings, OtherModel()).report
    assert report.rebuilt and report.added == total
    assert "rebuilding" in caplog.text


def test_corrupt_index_is_detected_and_rebuilt(
    tmp_path: Path, corpus: Path, encoder: Embedder, caplog
) -> None:
    settings = _settings(tmp_path, corpus)
    total = prepare_index(settings, encoder).report.added
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    (chroma_path(settings.data_dir) / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.ERROR):
        index = prepare_index(settings, encoder)
    assert "unreadable" in caplog.text and "rebuilding" in caplog.text
    assert index.report.rebuilt and index.report.added == total
    assert len(index.knowledge.chunks) == total


def test_sync_deletes_chunks_of_a_removed_file(tmp_path: Path, corpus: Path, encoder: Embedder) -> None:
    (corpus / "extra.md").write_text("# Extra\n\n## Notes\n\nA short note about payroll.\n", encoding="utf-8")
    client = open_client(tmp_path / "data")
    sync_index(chunk_documents(load_corpus(corpus)), client=client, name="t-col", encoder=encoder)
    (corpus / "extra.md").unlink()
    report = sync_index(chunk_documents(load_corpus(corpus)), client=client, name="t-col", encoder=encoder)
    assert report.deleted == 1 and report.added == 0


def test_new_file_is_answered_from_after_reingest(tmp_path: Path, corpus: Path) -> None:
    (corpus / "eor-basics.md").write_text(
        "---\ntitle: EOR basics\nsource_url: https://example.com/eor\n---\n\n# EOR basics\n\n"
        "## What does an EOR do when you hire abroad?\n\n"
        "An EOR becomes the legal employer of your workers in a country where you have no entity. "
        "It runs local payroll, withholds local taxes and issues compliant employment contracts.\n",
        encoding="utf-8",
    )
    service = build_service(_settings(tmp_path, corpus))
    reply = service.answer(message="What does an EOR do when we hire abroad?")
    assert reply.status == "answered"
    assert reply.citations[0].doc_id == "eor-basics"
    assert reply.citations[0].url.startswith("https://example.com/eor#")


class RandomEncoder:
    """Unit vectors without a model: enough to exercise the sync and its progress report."""

    model_id = "random"

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray:
        v = np.random.default_rng(len(texts)).standard_normal((len(texts), 384)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_progress_off_a_terminal_is_a_log_line_per_batch(tmp_path: Path, corpus: Path, caplog) -> None:
    chunks = chunk_documents(load_corpus(corpus))
    with caplog.at_level(logging.INFO, logger="ingest.index"):
        report = sync_index(
            chunks, client=open_client(tmp_path), name="t-progress", encoder=RandomEncoder(), progress=True
        )
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("embedded ")]
    assert f"embedded {len(chunks)}/{len(chunks)} chunks (" in "\n".join(lines)
    assert report.chunks_per_second > 0
