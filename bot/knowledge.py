"""The loaded index: chunks, sentence and heading vectors, BM25 and the corpus text, held in memory."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import numpy as np
from chromadb.api import ClientAPI

from bot.language.vocabulary import VOCABULARY
from bot.lexical import LexicalIndex
from bot.text_match import content_terms, normalize, words
from ingest.chunking import Chunk
from ingest.corpus import Document
from ingest.index import IndexCorrupt, collection_names
from ingest.sentence_roles import Role, leans_on_previous, sentence_role

T = TypeVar("T")


@dataclass
class Units:
    """Sentences and question headings with their unit-length vectors (row i is unit i)."""

    texts: list[str]
    chunk_ids: list[str]
    kinds: list[str]
    positions: list[int]
    vectors: np.ndarray


@dataclass
class Knowledge:
    docs: dict[str, Document]
    chunks: list[Chunk]
    units: Units
    chunk_vectors: np.ndarray  # row i is chunk i's unit-length vector, as Chroma stores it
    chunk_index: dict[str, int] = field(init=False)
    bm25: LexicalIndex = field(init=False)
    vocabulary: frozenset[str] = field(init=False)
    section_texts: dict[tuple[str, str], str] = field(init=False)
    sentence_rows: dict[str, list[int]] = field(init=False)
    _by_section: dict[tuple[str, str], list[Chunk]] = field(init=False)
    fingerprint: str = field(init=False)
    roles: list[Role] = field(init=False)  # unit row -> what the sentence is (content, myth, lead-in, ...)
    leans: list[bool] = field(init=False)  # unit row -> it points back at the sentence before it
    section_models: dict[str, tuple[str, ...]] = field(init=False)  # models a chunk's heading/caption name
    # (row chunk id, model) -> vector of that model's cell as 'label: cell'; filled by attach_cell_vectors
    cell_vectors: dict[tuple[str, str], np.ndarray] = field(init=False, default_factory=dict)
    # What answers derive from the whole index (TableIndex, GuideWords…): built once, on first use, by
    # derived(), so no answer scans every chunk.
    _derived: dict[str, Any] = field(init=False, default_factory=dict)
    _by_heading: dict[str, list[Chunk]] = field(init=False)

    def __post_init__(self) -> None:
        # Chunk ids end in a hash of the chunk's text, so a re-ingest that changes anything changes this.
        self.fingerprint = hashlib.sha256("\n".join(sorted(c.id for c in self.chunks)).encode()).hexdigest()
        rows: dict[str, list[int]] = {}
        for row, (cid, kind) in enumerate(zip(self.units.chunk_ids, self.units.kinds)):
            if kind == "sentence":
                rows.setdefault(cid, []).append(row)
        self.sentence_rows = {cid: sorted(r, key=self.units.positions.__getitem__) for cid, r in rows.items()}
        self.chunk_index = {c.id: i for i, c in enumerate(self.chunks)}
        self.roles = [
            sentence_role(t) if k == "sentence" else "lead_in"
            for t, k in zip(self.units.texts, self.units.kinds)
        ]
        self.leans = [leans_on_previous(t) for t in self.units.texts]
        self.section_models = {c.id: VOCABULARY.models_named(f"{c.section} {c.context}") for c in self.chunks}
        self._by_section, self._by_heading = {}, {}
        for c in self.chunks:
            self._by_section.setdefault((c.doc_id, c.anchor), []).append(c)
            self._by_heading.setdefault(c.section, []).append(c)
        self.bm25 = LexicalIndex([list(content_terms(c.text)) or ["_"] for c in self.chunks])
        self.vocabulary = frozenset(w for d in self.docs.values() for s in d.sections for w in words(s.text))
        self.section_texts = {
            (d.doc_id, s.anchor): normalize(s.text) for d in self.docs.values() for s in d.sections
        }

    def derived(self, key: str, build: Callable[[Knowledge], T]) -> T:
        """What build(self) derives from the index, built on first use and kept ('tables', 'words')."""
        if key not in self._derived:
            self._derived[key] = build(self)
        value: T = self._derived[key]
        return value

    def models_of(self, chunk: Chunk, text: str) -> tuple[str, ...]:
        """The models a sentence of the chunk speaks of: a table row's are its section's (an ASO's pro
        "Lower cost than a PEO" is about the ASO); a list item's are its lead-in's ("Choose an ASO if:
        … don't want the shared liability of a PEO model" is about the ASO), else its own or its item's;
        a sentence's are the ones it names; else its section's."""
        section = self.section_models.get(chunk.id, ())
        if chunk.kind == "table_row":
            return section
        if chunk.kind != "list_item":
            return VOCABULARY.models_named(text) or section
        # an item's sentence speaks of what its lead-in, itself or its item names ("“Using a PEO means I
        # lose control…” Not true. Even in a co-employment arrangement, the client company…")
        return (
            VOCABULARY.models_named(chunk.context)
            or VOCABULARY.models_named(text)
            or VOCABULARY.models_named(chunk.body)
            or section
        )

    def row_models(self, row: int) -> tuple[str, ...]:
        """The models the unit row speaks of (models_of, worked out once per index)."""
        every = self.derived(
            "row_models",
            lambda kb: [kb.models_of(kb.chunk(cid), t) for cid, t in zip(kb.units.chunk_ids, kb.units.texts)],
        )
        return every[row]

    def in_preamble(self, chunk: Chunk) -> bool:
        """Text under the document title, before its first section: an introduction, not an answer."""
        doc = self.docs.get(chunk.doc_id)
        return bool(doc and len(doc.sections) > 1 and chunk.anchor == doc.sections[0].anchor)

    def chunk(self, chunk_id: str) -> Chunk:
        return self.chunks[self.chunk_index[chunk_id]]

    def section_chunks(self, key: tuple[str, str] | None) -> list[Chunk]:
        """The chunks of one section (doc id, anchor), in reading order; none for an unknown key."""
        return self._by_section.get(key, []) if key else []

    def chunk_in_section(self, heading: str, quote: str) -> Chunk:
        """The chunk of the section with this heading that holds the quote (else the section's first)."""
        in_section = self._by_heading.get(heading, [])
        if not in_section:
            raise KeyError(f"no section headed {heading!r} in the corpus")
        q = normalize(quote)
        return next((c for c in in_section if q in normalize(f"{c.context} {c.body}")), in_section[0])

    def quote_in_section(self, *, doc_id: str, anchor: str, quote: str) -> bool:
        """True when the quote's words stand contiguously inside that one section."""
        text = self.section_texts.get((doc_id, anchor))
        q = normalize(quote)
        return bool(text and q) and f" {q} " in f" {text} "


def load_knowledge(client: ClientAPI, *, name: str, docs: list[Document]) -> Knowledge:
    """Read both collections into memory; a damaged record raises IndexCorrupt."""
    chunk_name, unit_name = collection_names(name)
    try:
        raw = client.get_collection(chunk_name).get(include=["metadatas", "embeddings"])
        chunks = [Chunk.from_metadata(i, m or {}) for i, m in zip(raw["ids"], raw["metadatas"] or [])]
        by_id = dict(
            zip(raw["ids"], np.asarray(raw["embeddings"], dtype=np.float32).reshape(len(chunks), -1))
        )
        got = client.get_collection(unit_name).get(include=["metadatas", "documents", "embeddings"])
        metas = got["metadatas"] or []
        units = Units(
            texts=list(got["documents"] or []),
            chunk_ids=[str(m["chunk_id"]) for m in metas],
            kinds=[str(m["kind"]) for m in metas],
            positions=[int(str(m["position"])) for m in metas],
            vectors=np.asarray(got["embeddings"], dtype=np.float32).reshape(len(metas), -1),
        )
    except httpx.TransportError:
        raise  # a Chroma server out of reach is not a damaged index: never rebuild for it
    except (KeyError, ValueError, TypeError) as exc:
        raise IndexCorrupt(f"the index holds a damaged record: {type(exc).__name__}: {exc}") from exc
    except Exception as exc:
        raise IndexCorrupt(f"cannot read the index: {type(exc).__name__}: {exc}") from exc
    order = {(d.doc_id, s.anchor): (n, k) for n, d in enumerate(docs) for k, s in enumerate(d.sections)}
    chunks.sort(key=lambda c: (order.get((c.doc_id, c.anchor), (1 << 30, 0)), c.ordinal))
    known = {c.id for c in chunks}
    if any(cid not in known for cid in units.chunk_ids):
        raise IndexCorrupt("the index's sentence units point at chunks that are not there")
    vectors = np.array([by_id[c.id] for c in chunks], dtype=np.float32).reshape(len(chunks), -1)
    return Knowledge(docs={d.doc_id: d for d in docs}, chunks=chunks, units=units, chunk_vectors=vectors)
