"""50x corpus: the guide plus thousands of sections of unrelated prose (Python stdlib docstrings).

Ingests both corpora, then measures warm in-process `service.answer` p50 on the dev questions for each,
prints the ratio, and checks the guide's questions are still answered from the guide.

    python -m bench.big_corpus [--scale 50] [--work bench/results/big-corpus]

The big index is kept under --work, so a second run only measures (delete it to re-ingest).
"""

from __future__ import annotations

import argparse
import ast
import json
import logging
import os
import re
import shutil
import statistics
import sys
import sysconfig
import time
from collections.abc import Iterator
from pathlib import Path

from bench.server_process import ROOT

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
ROUNDS = 5


def docstrings() -> Iterator[tuple[str, str, list[str]]]:
    """(module, member, prose paragraphs) from the stdlib's sources, parsed, never imported; fixed order."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(stdlib.glob("*.py")) + sorted(stdlib.glob("*/*.py")):
        if "test" in path.parts[-2:] or path.name.startswith("test"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        module = ".".join(path.relative_to(stdlib).with_suffix("").parts)
        nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef))]
        for node in nodes:
            paragraphs = _prose(ast.get_docstring(node) or "")
            if paragraphs:
                yield module, getattr(node, "name", "module"), paragraphs


def _prose(doc: str) -> list[str]:
    """Paragraphs that read as sentences: no code examples, tables or option lists."""
    out = []
    for block in re.split(r"\n\s*\n", doc):
        text = " ".join(block.split()).lstrip("#*->|=+ ")
        if (
            len(text.split()) >= 8
            and "." in text
            and ">>>" not in text
            and not re.search(r"[{}\[\]|]{2}", text)
        ):
            out.append(text)
    return out


def write_filler(corpus: Path, *, target_chunks: int) -> int:
    """Markdown files of stdlib docstrings (one per module, a section per documented member) until the
    corpus holds about target_chunks chunks; returns the count."""
    from ingest.chunking import chunk_documents
    from ingest.corpus import load_corpus, parse_markdown

    modules: dict[str, list[str]] = {}
    for module, member, paragraphs in docstrings():
        section = f"## {module}.{member}\n\n" + "\n\n".join(paragraphs) + "\n"
        modules.setdefault(module, [f"# The {module} module\n"]).append(section)
    total = len(chunk_documents(load_corpus(corpus)))
    for module, parts in modules.items():
        if total >= target_chunks:
            break
        name = f"stdlib-{module.replace('.', '-')}"
        text = "\n".join(parts)
        total += len(chunk_documents([parse_markdown(text, doc_id=name)]))
        (corpus / f"{name}.md").write_text(text, encoding="utf-8")
    return total


def dev_questions() -> list[list[str]]:
    return [json.loads(line)["turns"] for line in DEV.read_text().splitlines() if line.strip()]


def measure(corpus: Path, data: Path) -> dict[str, object]:
    """Ingest (when needed), then warm p50 of service.answer over the dev questions, and what they cite."""
    from bot.embedding import make_embedder
    from bot.settings import Settings
    from bot.wiring import build_service, prepare_index

    settings = Settings(corpus_dir=corpus, data_dir=data)
    started = time.perf_counter()
    report = prepare_index(settings, make_embedder(settings, threads=os.cpu_count()), progress=True).report
    ingested = time.perf_counter() - started
    service = build_service(settings)
    cases = dev_questions()
    cited: dict[str, list[str]] = {}  # question -> the documents its answer cites (none: not answered)
    for turns in cases:  # warm-up round, and what the answers cite
        conversation = None
        for turn in turns:
            response = service.answer(message=turn, conversation_id=conversation)
            conversation = response.conversation_id
        if response.status == "answered":
            cited[turns[-1]] = sorted({c.doc_id for c in response.citations})
    latencies = []
    for _ in range(ROUNDS):
        for turns in cases:
            conversation = None
            for turn in turns:
                t = time.perf_counter()
                conversation = service.answer(message=turn, conversation_id=conversation).conversation_id
                latencies.append((time.perf_counter() - t) * 1000)
    return {
        "chunks": len(service.kb.chunks),
        "sentence_units": len(service.kb.units.texts),
        "ingest_s": round(ingested, 1),
        "ingest_chunks_per_s": round(report.chunks_per_second, 1),
        "answered": len(cited),
        "cited": cited,
        "warm_p50_ms": round(statistics.median(latencies), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scale", type=int, default=50, help="chunks of the big corpus, as a multiple of the guide's"
    )
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "results" / "big-corpus")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    from bot.settings import Settings

    guide = Settings().corpus_dir
    small, big = args.work / "small", args.work / "big"
    if not (big / "corpus").exists():
        from ingest.chunking import chunk_documents
        from ingest.corpus import load_corpus

        shutil.rmtree(big, ignore_errors=True)
        shutil.copytree(guide, big / "corpus")
        target = args.scale * len(chunk_documents(load_corpus(guide)))
        print(f"writing about {target} chunks of filler into {big / 'corpus'}", file=sys.stderr, flush=True)
        write_filler(big / "corpus", target_chunks=target)
    results = {
        "small": measure(guide, small / "data"),
        "big": measure(big / "corpus", big / "data"),
    }
    ratio = results["big"]["warm_p50_ms"] / results["small"]["warm_p50_ms"]  # type: ignore[operator]
    # Every question the guide answers alone is still answered, and from the guide only.
    small_cited, big_cited = results["small"]["cited"], results["big"]["cited"]
    moved = {q: big_cited.get(q) for q in small_cited if big_cited.get(q) != small_cited[q]}  # type: ignore[union-attr]
    shown = {name: {k: v for k, v in r.items() if k != "cited"} for name, r in results.items()}
    print(json.dumps({**shown, "p50_ratio_big_to_small": round(ratio, 2), "moved": moved}, indent=1))
    ok = ratio <= 2.0 and not moved
    print("OK" if ok else "FAILED: big corpus slower than 2x, or the guide's questions left the guide")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
