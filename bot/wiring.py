"""The composition root: builds the index, embedder, chain and answer service from Settings."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from chromadb.api import ClientAPI
from filelock import FileLock
from threadpoolctl import threadpool_limits

from bot.answer_cache import AnswerCache
from bot.chain import build_chain
from bot.embedding import TextEncoder, make_embedder
from bot.knowledge import Knowledge, load_knowledge
from bot.language.shapes import ShapeReader, load_examples
from bot.language.vocabulary import VOCABULARY
from bot.prompts import load_answer_texts
from bot.query import QueryReader
from bot.query_vectors import QueryVectorCache
from bot.retrieval import HybridRetriever
from bot.rules.table import load_table
from bot.service import AnswerService
from bot.settings import Settings
from bot.storage.conversations import ConversationStore
from bot.storage.db import create_db_engine, database_url
from bot.storage.migrate import upgrade
from bot.tables import attach_cell_vectors
from bot.understanding import MessageReader
from bot.unknown_object import GuideWordVectors
from bot.vector_cache import CachedEncoder
from ingest.chunking import Chunk, chunk_documents
from ingest.corpus import Document, load_corpus
from ingest.index import (
    IndexCorrupt,
    IngestReport,
    drop_collections,
    open_client,
    sync_index,
    wipe_index,
)

log = logging.getLogger(__name__)

INDEX_LOCK_TIMEOUT_S = 600  # a sync of the whole corpus takes seconds; waiting longer means something hangs


@dataclass
class Index:
    client: ClientAPI
    knowledge: Knowledge
    report: IngestReport


def prepare_index(settings: Settings, encoder: TextEncoder, *, progress: bool = False) -> Index:
    """Bring the index in step with the corpus and load it; an unreadable index is rebuilt once.

    A file lock under the data folder lets one process at a time do this, so workers starting
    together never sync the same index at once."""
    docs = load_corpus(settings.corpus_dir)
    chunks = chunk_documents(docs)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(settings.data_dir / "index.lock", timeout=INDEX_LOCK_TIMEOUT_S):
        try:
            return _sync_and_load(settings, encoder, docs, chunks, progress=progress)
        except IndexCorrupt as exc:
            where = settings.chroma_url or settings.data_dir
            log.error("index at %s is unreadable (%s): rebuilding it from the corpus", where, exc)
            _discard_index(settings)
            index = _sync_and_load(settings, encoder, docs, chunks, progress=progress)
            return replace(index, report=replace(index.report, rebuilt=f"unreadable index rebuilt ({exc})"))


def _sync_and_load(
    settings: Settings, encoder: TextEncoder, docs: list[Document], chunks: list[Chunk], *, progress: bool
) -> Index:
    client = open_client(settings.data_dir, url=settings.chroma_url)
    report = sync_index(chunks, client=client, name=settings.collection, encoder=encoder, progress=progress)
    kb = load_knowledge(client, name=settings.collection, docs=docs)
    return Index(client=client, knowledge=kb, report=report)


def _discard_index(settings: Settings) -> None:
    """A local index loses its folder; a server's index loses only our collections."""
    if settings.chroma_url:
        drop_collections(open_client(settings.data_dir, url=settings.chroma_url), settings.collection)
    else:
        wipe_index(settings.data_dir)


def open_conversations(settings: Settings) -> ConversationStore:
    """The conversation store the settings name, its schema migrated to the newest revision."""
    engine = create_db_engine(database_url(url=settings.database_url, data_dir=settings.data_dir))
    upgrade(engine)
    return ConversationStore(
        engine, ttl_seconds=settings.conversation_ttl_seconds, mask_personal=settings.mask_personal_data
    )


def build_service(settings: Settings, *, encoder: TextEncoder | None = None) -> AnswerService:
    """Everything the front ends need, loaded once per process."""
    # One request's vector maths is small: BLAS threads only wait on each other (and on other workers).
    threadpool_limits(settings.worker_threads, user_api="blas")
    rules = load_table(settings.rules_path)
    texts = load_answer_texts(settings.prompts_dir)
    encoder = encoder or make_embedder(settings)
    index = prepare_index(settings, encoder)
    retriever = HybridRetriever(index.knowledge)
    vectors_dir = settings.data_dir / "vectors"  # of example phrasings and table cells; the shape model
    fixed_texts = CachedEncoder(encoder, vectors_dir)
    attach_cell_vectors(index.knowledge, fixed_texts)
    query_encoder = QueryVectorCache(encoder) if settings.answer_cache else encoder
    chain = build_chain(
        kb=index.knowledge, retriever=retriever, texts=texts, other_hr_channel=settings.other_hr_channel
    )
    reader = MessageReader(
        vocabulary=VOCABULARY,
        shapes=ShapeReader(
            load_examples(), vocabulary=VOCABULARY, encoder=fixed_texts, cache_dir=vectors_dir
        ),
        queries=QueryReader(index.knowledge.vocabulary),
        encoder=query_encoder,
        guide_words=GuideWordVectors.of(index.knowledge.vocabulary, fixed_texts),
    )
    service = AnswerService(
        chain=chain,
        reader=reader,
        kb=index.knowledge,
        rules=rules,
        conversations=open_conversations(settings),
        answers=AnswerCache() if settings.answer_cache else None,
    )
    service.answer(message="What is a PEO?")  # warm-up: first-call costs are paid here, not by a user
    return service
