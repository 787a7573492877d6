"""Keeps the Chroma collections in step with the chunks: upsert what changed, delete what disappeared."""

from __future__ import annotations

import logging
import shutil
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar, cast
from urllib.parse import urlsplit

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Where
from chromadb.config import Settings as ChromaSettings

from ingest.chunking import CHUNKER_VERSION, Chunk, content_hash
from ingest.sentences import split_sentences

log = logging.getLogger(__name__)
T = TypeVar("T")

BATCH = 64


class Encoder(Protocol):
    model_id: str

    def encode(self, texts: list[str], *, batch_size: int = 32) -> np.ndarray: ...


@dataclass(frozen=True)
class Unit:
    """A sentence of a chunk, or a question heading: the small pieces answers are built from."""

    id: str
    text: str
    chunk_id: str
    kind: str  # "sentence" or "heading"
    position: int


@dataclass(frozen=True)
class IngestReport:
    added: int
    updated: int
    deleted: int
    unchanged: int
    rebuilt: str | None = None
    seconds: float = 0.0  # embedding and writing what changed

    @property
    def chunks_per_second(self) -> float:
        """Chunks added or updated per second of embedding and writing (units included)."""
        return (self.added + self.updated) / self.seconds if self.seconds > 0 else 0.0

    def counts(self) -> dict[str, int]:
        return {
            "added": self.added,
            "updated": self.updated,
            "deleted": self.deleted,
            "unchanged": self.unchanged,
        }


class IndexCorrupt(RuntimeError):
    """The index on disk cannot be read."""


def chroma_path(data_dir: Path) -> Path:
    return data_dir / "chroma"


class IndexUnavailable(RuntimeError):
    """The Chroma server cannot be reached (never a reason to rebuild anything)."""


def open_client(data_dir: Path, *, url: str | None = None) -> ClientAPI:
    """A client of the Chroma server at url, else a persistent one under the data folder; telemetry off."""
    if url:
        return open_server_client(url)
    path = chroma_path(data_dir)
    path.mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(
            path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True)
        )
    except (Exception, BaseException) as exc:  # Chroma's Rust core can raise a PanicException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise IndexCorrupt(f"cannot open the index at {path}: {type(exc).__name__}: {exc}") from exc


def open_server_client(url: str) -> ClientAPI:
    """A client of a Chroma server (`chroma run`) at http(s)://host:port."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IndexUnavailable(f"the Chroma URL {url!r} is not http(s)://host:port")
    default_port = 443 if parts.scheme == "https" else 8000
    try:
        return chromadb.HttpClient(
            host=parts.hostname,
            port=parts.port or default_port,
            ssl=parts.scheme == "https",
            settings=ChromaSettings(anonymized_telemetry=False),
        )
    except ValueError as exc:  # what HttpClient raises when nothing answers
        raise IndexUnavailable(f"cannot reach the Chroma server at {url}: {exc}") from exc


def drop_collections(client: ClientAPI, name: str) -> None:
    """Delete both collections (how a server's index is rebuilt: its folder is not ours to remove)."""
    existing = {c.name for c in client.list_collections()}
    for n in collection_names(name):
        if n in existing:
            client.delete_collection(n)


def wipe_index(data_dir: Path) -> None:
    """Remove the index folder and forget any client cached for it."""
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    shutil.rmtree(chroma_path(data_dir), ignore_errors=True)


def collection_names(base: str) -> tuple[str, str]:
    """The chunk collection and the unit (sentence and heading) collection."""
    return base, f"{base}-units"


def units_of(chunks: Sequence[Chunk], headings: Iterable[tuple[str, str]]) -> list[Unit]:
    """Sentence units for every chunk, and heading units for (chunk id, question heading) pairs."""
    units = [
        Unit(f"{c.id}:s{i}", sentence, c.id, "sentence", i)
        for c in chunks
        for i, sentence in enumerate(split_sentences(c.body))
    ]
    units += [Unit(f"{cid}:h:{content_hash(h)}", h, cid, "heading", -1) for cid, h in headings]
    return units


def question_headings(chunks: Sequence[Chunk]) -> list[tuple[str, str]]:
    """The first chunk of each section whose heading is a question, with that heading."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in chunks:
        key = (c.doc_id, c.anchor)
        if key not in seen and c.section.rstrip().endswith("?"):
            seen.add(key)
            out.append((c.id, c.section))
    return out


def sync_index(
    chunks: Sequence[Chunk], *, client: ClientAPI, name: str, encoder: Encoder, progress: bool = False
) -> IngestReport:
    """Bring both collections in step with the chunks; rebuild when the model or chunker changed."""
    wanted_meta = {"embedding_model": encoder.model_id, "chunker_version": CHUNKER_VERSION}
    chunk_name, unit_name = collection_names(name)
    rebuilt = None
    existing_names = {c.name for c in client.list_collections()}
    if chunk_name in existing_names:
        meta = client.get_collection(chunk_name).metadata or {}
        if {k: meta.get(k) for k in wanted_meta} != wanted_meta:
            rebuilt = (
                f"embedding model or chunker changed ({meta.get('embedding_model')!r}, "
                f"chunker {meta.get('chunker_version')!r}): rebuilding the collection"
            )
            log.warning(rebuilt)
            for n in (chunk_name, unit_name):
                if n in existing_names:
                    client.delete_collection(n)
    chunk_col = _collection(client, chunk_name, wanted_meta)
    unit_col = _collection(client, unit_name, wanted_meta)

    stored = chunk_col.get(include=["metadatas"])
    stored_slot = {
        i: str((m or {}).get("slot", "")) for i, m in zip(stored["ids"], stored["metadatas"] or [])
    }
    wanted = {c.id: c for c in chunks}
    to_add = [c for c in chunks if c.id not in stored_slot]
    to_delete = [i for i in stored_slot if i not in wanted]
    replaced_slots = {stored_slot[i] for i in to_delete}
    updated = sum(1 for c in to_add if c.slot in replaced_slots)

    if to_delete:
        chunk_col.delete(ids=to_delete)
        unit_col.delete(where=cast(Where, {"chunk_id": {"$in": to_delete}}))
    started = time.perf_counter()
    _add_chunks(chunk_col, to_add, encoder, progress)
    _sync_units(unit_col, units_of(chunks, question_headings(chunks)), encoder, progress)
    return IngestReport(
        added=len(to_add) - updated,
        updated=updated,
        deleted=len(to_delete) - updated,
        unchanged=len(chunks) - len(to_add),
        rebuilt=rebuilt,
        seconds=time.perf_counter() - started,
    )


def _collection(client: ClientAPI, name: str, meta: dict[str, str]) -> Collection:
    return client.get_or_create_collection(
        name, metadata=meta, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
    )


def _add_chunks(col: Collection, chunks: list[Chunk], encoder: Encoder, progress: bool) -> None:
    for batch in _batches(chunks, progress, "chunks"):
        col.add(
            ids=[c.id for c in batch],
            documents=[c.text for c in batch],
            metadatas=[c.metadata() for c in batch],  # type: ignore[misc]
            embeddings=encoder.encode([c.text for c in batch]),
        )


def _sync_units(col: Collection, units: list[Unit], encoder: Encoder, progress: bool) -> None:
    stored = set(col.get(include=[])["ids"])
    wanted = {u.id for u in units}
    stale = sorted(stored - wanted)
    if stale:
        col.delete(ids=stale)
    for batch in _batches([u for u in units if u.id not in stored], progress, "sentence units"):
        col.add(
            ids=[u.id for u in batch],
            documents=[u.text for u in batch],
            metadatas=[{"chunk_id": u.chunk_id, "kind": u.kind, "position": u.position} for u in batch],
            embeddings=encoder.encode([u.text for u in batch]),
        )


def _batches(items: list[T], progress: bool, noun: str) -> Iterable[list[T]]:
    """Batches to embed; with progress, a bar on a terminal, else a log line per batch with the rate."""
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    if not (progress and batches):
        yield from batches
    elif sys.stderr.isatty():
        from tqdm import tqdm

        with tqdm(total=len(items), desc=f"embedding {noun}", unit=noun.split()[-1], file=sys.stderr) as bar:
            for batch in batches:
                yield batch
                bar.update(len(batch))
    else:
        started, done = time.perf_counter(), 0
        for batch in batches:
            yield batch
            done += len(batch)
            rate = done / max(time.perf_counter() - started, 1e-9)
            log.info("embedded %d/%d %s (%.0f %s/s)", done, len(items), noun, rate, noun.split()[-1])
