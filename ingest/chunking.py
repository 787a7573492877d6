"""Section-aware chunks: never across two sections; FAQ answers, list items and table rows as units."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ingest.corpus import Document, ListBlock, Paragraph, Section, Table
from ingest.sentences import split_sentences

CHUNKER_VERSION = "3"
MAX_PARAGRAPH_WORDS = 90
MAX_FAQ_CHARS = 1500

ChunkKind = Literal["paragraph", "list_item", "table_row", "faq"]


@dataclass(frozen=True)
class Chunk:
    id: str
    slot: str
    doc_id: str
    doc_title: str
    source_url: str
    section: str
    anchor: str
    section_path: str
    kind: ChunkKind
    body: str
    context: str
    ordinal: int
    promotional: bool = False
    header: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """What is embedded and searched: section heading, context line, then the body."""
        return "\n".join(p for p in (self.section, self.context, self.body) if p)

    def metadata(self) -> dict[str, str | int | bool]:
        """Flat metadata for Chroma (scalars only)."""
        return {
            "slot": self.slot,
            "doc_id": self.doc_id,
            "doc_title": self.doc_title,
            "source_url": self.source_url,
            "section": self.section,
            "anchor": self.anchor,
            "section_path": self.section_path,
            "kind": self.kind,
            "body": self.body,
            "context": self.context,
            "ordinal": self.ordinal,
            "promotional": self.promotional,
            "header": json.dumps(self.header, ensure_ascii=False),
            "cells": json.dumps(self.cells, ensure_ascii=False),
        }

    @classmethod
    def from_metadata(cls, chunk_id: str, meta: Mapping[str, Any]) -> Chunk:
        """Rebuild a chunk from what Chroma stored; raises KeyError/ValueError on a damaged record."""
        return cls(
            id=chunk_id,
            slot=str(meta["slot"]),
            doc_id=str(meta["doc_id"]),
            doc_title=str(meta["doc_title"]),
            source_url=str(meta["source_url"]),
            section=str(meta["section"]),
            anchor=str(meta["anchor"]),
            section_path=str(meta["section_path"]),
            kind=meta["kind"],  # type: ignore[arg-type]
            body=str(meta["body"]),
            context=str(meta["context"]),
            ordinal=int(meta["ordinal"]),
            promotional=bool(meta["promotional"]),
            header=tuple(json.loads(str(meta["header"]))),
            cells=tuple(json.loads(str(meta["cells"]))),
        )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def chunk_documents(docs: list[Document]) -> list[Chunk]:
    """All chunks of all documents, in reading order."""
    return [chunk for doc in docs for section in doc.sections for chunk in chunk_section(doc, section)]


def is_faq(section: Section) -> bool:
    """A question heading answered by a few paragraphs only: kept whole as one unit."""
    paragraphs = all(isinstance(b, Paragraph) for b in section.blocks)
    size = sum(len(b.text) for b in section.blocks if isinstance(b, Paragraph))
    return section.level > 1 and section.heading.endswith("?") and paragraphs and size <= MAX_FAQ_CHARS


def chunk_section(doc: Document, section: Section) -> list[Chunk]:
    """The chunks of one section; ordinals count within the section."""
    pieces: list[tuple[ChunkKind, str, str, tuple[str, ...], tuple[str, ...]]] = []
    if is_faq(section):
        body = " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))
        pieces.append(("faq", body, "", (), ()))
    else:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                pieces.extend(("paragraph", part, "", (), ()) for part in _paragraph_parts(block.text))
            elif isinstance(block, ListBlock):
                pieces.extend(("list_item", item, block.lead_in or "", (), ()) for item in block.items)
            elif isinstance(block, Table):
                context = " | ".join(p for p in (block.caption, " | ".join(block.header)) if p)
                pieces.extend(
                    ("table_row", " | ".join(row), context, block.header, row) for row in block.rows
                )
    path = " > ".join(section.path)
    chunks = []
    for ordinal, (kind, body, context, header, cells) in enumerate(pieces):
        slot = f"{doc.doc_id}/{section.anchor}/{ordinal}"
        chunk_hash = content_hash("\n".join((doc.title, path, kind, context, body)))
        chunks.append(
            Chunk(
                id=f"{doc.doc_id}:{section.anchor}:{ordinal}:{chunk_hash}",
                slot=slot,
                doc_id=doc.doc_id,
                doc_title=doc.title,
                source_url=doc.source_url or "",
                section=section.heading,
                anchor=section.anchor,
                section_path=path,
                kind=kind,
                body=body,
                context=context,
                ordinal=ordinal,
                promotional=section.promotional,
                header=header,
                cells=cells,
            )
        )
    return chunks


def _paragraph_parts(text: str) -> list[str]:
    """A long paragraph as runs of whole sentences of at most MAX_PARAGRAPH_WORDS words."""
    parts: list[list[str]] = [[]]
    for sentence in split_sentences(text):
        words = sum(len(s.split()) for s in parts[-1])
        if parts[-1] and words + len(sentence.split()) > MAX_PARAGRAPH_WORDS:
            parts.append([])
        parts[-1].append(sentence)
    return [" ".join(p) for p in parts if p]
