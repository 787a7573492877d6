"""The composition root: builds the index, embedder, chain and answer service from Settings."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from chromadb.api import ClientAPI
from langchain_chroma import Chroma

from bot.answer_cache import AnswerCache
from bot.chain import build_chain
from bot.language.shapes import ShapeReader, load_examples
from bot.language.vocabulary import VOCABULARY
from bot.query import QueryReader
from bot.tables import attach_cell_vectors
from bot.understanding import MessageReader
from bot.embedding import Embedder
from bot.knowledge import Knowledge, load_knowledge
from bot.prompts import load_answer_texts
from bot.query_vectors import QueryVectorCache
from bot.retrieval import HybridRetriever
from bot.rules.table import load_table
from bot.service import AnswerService
from bot.settings import Settings
from bot.storage.conversations import ConversationStore
from bot.storage.db import create_db_engine, database_url
from bot.storage.migrate import upgrade
from ingest.chunking import chunk_documents
from ingest.corpus import load_corpus
from ingest.index import IndexCorrupt, IngestReport, collection_names, open_client, sync_index, wipe_index

log = logging.getLogger(__name__)


@dataclass
class Index:
    client: ClientAPI
    knowledge: Knowledge
    report: IngestReport


def prepare_index(settings: Settings, encoder: Embedder, *, progress: bool = False) -> Index:
    """Bring the index in step with the corpus and load it; an unreadable index is rebuilt once."""
    docs = load_corpus(settings.corpus_dir)
    chunks = chunk_documents(docs)
    try:
        client = open_client(settings.data_dir)
        report = sync_index(
            chunks, client=client, name=settings.collection, encoder=encoder, progress=progress
        )
        kb = load_knowledge(client, name=settings.collection, docs=docs)
    except IndexCorrupt as exc:
        log.error("index at %s is unreadable (%s): rebuilding it from the corpus", settings.data_dir, exc)
        wipe_index(settings.data_dir)
        client = open_client(settings.data_dir)
        report = sync_index(
            chunks, client=client, name=settings.collection, encoder=encoder, progress=progress
        )
        report = IngestReport(**report.counts(), rebuilt=f"unreadable index rebuilt ({exc})")
        kb = load_knowledge(client, name=settings.collection, docs=docs)
    return Index(client=client, knowledge=kb, report=report)


def check_data_files(settings: Settings) -> None:
    """Validate the rules table, prompts and corpus (fast, no model): raises with file, line and reason."""
    load_table(settings.rules_path)
    load_answer_texts(settings.prompts_dir)
    load_examples()
    load_corpus(settings.corpus_dir)


def open_conversations(settings: Settings) -> ConversationStore:
    """The conversation store the settings name, its schema migrated to the newest revision."""
    engine = create_db_engine(database_url(url=settings.database_url, data_dir=settings.data_dir))
    upgrade(engine)
    return ConversationStore(engine, ttl_seconds=settings.conversation_ttl_seconds)


def build_service(settings: Settings, *, encoder: Embedder | None = None) -> AnswerService:
    """Everything the front ends need, loaded once per process."""
    rules = load_table(settings.rules_path)
    texts = load_answer_texts(settings.prompts_dir)
    encoder = encoder or Embedder()
    index = prepare_index(settings, encoder)
    store = Chroma(
        client=index.client,
        collection_name=collection_names(settings.collection)[0],
        embedding_function=encoder,
        create_collection_if_not_exists=False,
    )
    retriever = HybridRetriever(index.knowledge, store)
    attach_cell_vectors(index.knowledge, encoder)
    query_encoder = QueryVectorCache(encoder) if settings.answer_cache else encoder
    chain = build_chain(
        kb=index.knowledge, retriever=retriever, texts=texts, other_hr_channel=settings.other_hr_channel
    )
    reader = MessageReader(
        vocabulary=VOCABULARY,
        shapes=ShapeReader(load_examples(), vocabulary=VOCABULARY, encoder=encoder),
        queries=QueryReader(index.knowledge.vocabulary),
        encoder=query_encoder,
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
