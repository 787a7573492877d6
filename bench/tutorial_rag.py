"""The peer we benchmark against: a minimal tutorial RAG (500-character chunks, Chroma + MiniLM, top 4).

Run: python -m bench.tutorial_rag --port 8100. POST /api/chat {"message"} returns the 4 nearest chunks."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import chromadb
import uvicorn
from chromadb.config import Settings as ChromaSettings
from chromadb.utils.embedding_functions import SentenceTransformerEmbeddingFunction
from fastapi import FastAPI
from pydantic import BaseModel

from bot.embedding import bundled_model_path
from bot.settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")

CHUNK_CHARS = 500
TOP_K = 4


class Question(BaseModel):
    message: str


def raw_chunks(corpus_dir: Path, size: int = CHUNK_CHARS) -> list[str]:
    """Every corpus file's raw text cut every `size` characters, as tutorials do."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.iterdir()) if p.is_file()]
    return [t[i : i + size] for t in texts for i in range(0, len(t), size)]


def create_app(corpus_dir: Path) -> FastAPI:
    """Embed the chunks into an in-memory Chroma collection and serve top-4 similarity search."""
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    embed = SentenceTransformerEmbeddingFunction(model_name=str(bundled_model_path()), device="cpu")
    collection = client.create_collection("tutorial", embedding_function=embed)  # type: ignore[arg-type]
    chunks = raw_chunks(corpus_dir)
    collection.add(ids=[str(i) for i in range(len(chunks))], documents=chunks)
    app = FastAPI(title="tutorial RAG")

    @app.post("/api/chat")
    def chat(question: Question) -> dict[str, list[str]]:
        found = collection.query(query_texts=[question.message], n_results=TOP_K)
        return {"answer": (found["documents"] or [[]])[0]}

    @app.get("/readyz")
    def readyz() -> dict[str, str]:
        return {"status": "ready"}

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    args = parser.parse_args()
    uvicorn.run(create_app(Settings().corpus_dir), host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
