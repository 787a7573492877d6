"""GUIDEBOT_CHROMA_URL: ingest into a real `chroma run` server, answer through it, rebuild it when damaged."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.server_process import free_port
from bot.citations import verify
from bot.embedding import Embedder
from bot.settings import Settings
from bot.wiring import build_service, prepare_index
from ingest.index import IndexUnavailable, chroma_path, collection_names, open_client

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A `chroma run` server on a free loopback port, its data in a temp folder; stopped afterwards."""
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    folder = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None and time.monotonic() < deadline, "chroma run did not start"
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def encoder() -> Embedder:
    return Embedder()


def test_ingests_into_the_server_and_answers_through_it(
    chroma_url: str, encoder: Embedder, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data", chroma_url=chroma_url, collection="served")
    service = build_service(settings, encoder=encoder)
    assert not chroma_path(settings.data_dir).exists(), "nothing is written to the local index folder"
    stored = open_client(settings.data_dir, url=chroma_url).get_collection("served").count()
    assert stored == len(service.kb.chunks) > 50
    reply = service.answer(message="What is the downside of a PEO?")
    assert reply.status == "answered" and reply.citations
    assert verify(reply.answer, reply.citations, service.kb) == []


def test_a_damaged_index_on_the_server_is_rebuilt_by_recreating_its_collections(
    chroma_url: str, encoder: Embedder, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(data_dir=tmp_path / "data", chroma_url=chroma_url, collection="damaged")
    total = prepare_index(settings, encoder).report.added
    units = open_client(settings.data_dir, url=chroma_url).get_collection(collection_names("damaged")[1])
    some_unit = units.get(limit=1, include=["metadatas"])
    damaged = {**(some_unit["metadatas"] or [{}])[0], "position": "not a number"}
    units.update(ids=some_unit["ids"], metadatas=[damaged])
    with caplog.at_level(logging.ERROR):
        index = prepare_index(settings, encoder)
    assert "unreadable" in caplog.text
    assert index.report.rebuilt and index.report.added == total
    assert len(index.knowledge.chunks) == total


def test_a_server_out_of_reach_is_reported_not_rebuilt(tmp_path: Path, encoder: Embedder) -> None:
    settings = Settings(data_dir=tmp_path / "data", chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(IndexUnavailable, match="cannot reach the Chroma server"):
        prepare_index(settings, encoder)
