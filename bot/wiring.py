"""The composition root: builds the index, embedder, chain and answer service from Settings."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from chromadb.api import ClientAPI
from threadpoolctl import threadpool_limits

from bot.chain import build_chain
from bot.conversation import ConversationStore
from bot.embedding import TextEncoder, make_embedder
from bot.knowledge import Knowledge, load_knowledge
from bot.prompts import load_answer_texts
from bot.retrieval import HybridRetriever
from bot.rules.table import load_table
from bot.service import AnswerService
from bot.settings import Settings
from ingest.chunking import chunk_documents
from ingest.corpus import load_corpus
from ingest.index import IndexCorrupt, IngestReport, collection_names, open_client, sync_index, wipe_index

log = logging.getLogger(__name__)


@dataclass
class Index:
    client: ClientAPI
    knowledge: Knowledge
    report: IngestReport


def prepare_index(settings: Settings, encoder: TextEncoder, *, progress: bool = False) -> Index:
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
        report = replace(report, rebuilt=f"unreadable index rebuilt ({exc})")
        kb = load_knowledge(client, name=settings.collection, docs=docs)
    return Index(client=client, knowledge=kb, report=report)


def check_data_files(settings: Settings) -> None:
    """Validate the rules table, prompts and corpus (fast, no model): raises with file, line and reason."""
    load_table(settings.rules_path)
    load_answer_texts(settings.prompts_dir)
    load_corpus(settings.corpus_dir)


def build_service(settings: Settings, *, encoder: TextEncoder | None = None) -> AnswerService:
    """Everything the front ends need, loaded once per process."""
    # One request's vector maths is small: BLAS threads only wait on each other (and on other workers).
    threadpool_limits(settings.worker_threads, user_api="blas")
    rules = load_table(settings.rules_path)
    texts = load_answer_texts(settings.prompts_dir)
    encoder = encoder or make_embedder(settings)
    index = prepare_index(settings, encoder)
    chunk_vectors = index.client.get_collection(collection_names(settings.collection)[0])
    retriever = HybridRetriever(index.knowledge, chunk_vectors)
    chain = build_chain(kb=index.knowledge, retriever=retriever, encoder=encoder, texts=texts)
    service = AnswerService(
        chain=chain,
        kb=index.knowledge,
        rules=rules,
        conversations=ConversationStore(
            max_items=settings.max_conversations, ttl_seconds=settings.conversation_ttl_seconds
        ),
    )
    service.answer(message="What is a PEO?")  # warm-up: first-call costs are paid here, not by a user
    return service
