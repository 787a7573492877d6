"""Reads the corpus folder (Markdown, text, HTML) into documents made of sections and blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ingest.html_to_markdown import html_to_markdown

CORPUS_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#([A-Za-z0-9_-]+)\})?\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•])\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


class CorpusError(ValueError):
    """A corpus file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    ordered: bool
    lead_in: str | None = None


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None


Block = Paragraph | ListBlock | Table


@dataclass(frozen=True)
class Section:
    heading: str
    anchor: str
    level: int
    path: tuple[str, ...]
    blocks: tuple[Block, ...]
    promotional: bool = False

    @property
    def text(self) -> str:
        """The section's words as plain text, heading first, for verification and display."""
        parts = [self.heading]
        for block in self.blocks:
            parts.extend(block_texts(block))
        return "\n".join(parts)


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    source_url: str | None
    sections: tuple[Section, ...]
    path: Path | None = None
    meta: dict[str, object] = field(default_factory=dict)

    def section(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)


def block_texts(block: Block) -> list[str]:
    """The verbatim text pieces of one block, in reading order."""
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, ListBlock):
        return ([block.lead_in] if block.lead_in else []) + list(block.items)
    out = [block.caption] if block.caption else []
    return out + [" | ".join(block.header)] + [" | ".join(row) for row in block.rows]


def slugify(text: str) -> str:
    """A URL anchor for a heading: lowercase words joined by hyphens."""
    text = text.lower().replace("&", " ").replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "section"


def strip_inline_markdown(text: str) -> str:
    """Plain text of one Markdown line: emphasis, code ticks and link targets removed."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = text.replace("`", "")
    return re.sub(r"\s+", " ", text).strip()


def load_corpus(corpus_dir: Path) -> list[Document]:
    """Every corpus file under the folder, sorted by path, as documents."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)
    docs = [load_document(p, doc_id=_doc_id(p, corpus_dir)) for p in files]
    seen: set[str] = set()
    for doc in docs:
        if doc.doc_id in seen:
            raise CorpusError(f"{doc.path}: two corpus files share the document id {doc.doc_id!r}")
        seen.add(doc.doc_id)
    return docs


def _doc_id(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    return slugify("-".join(rel.parts))


def load_document(path: Path, *, doc_id: str) -> Document:
    """One corpus file as a document; a file that cannot be decoded raises CorpusError."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read as UTF-8 text ({exc})") from exc
    if path.suffix.lower() in (".html", ".htm"):
        raw = html_to_markdown(raw)
    return parse_markdown(raw, doc_id=doc_id, path=path)


def parse_markdown(raw: str, *, doc_id: str, path: Path | None = None) -> Document:
    """A Markdown text (optional YAML front matter) as a document of sections."""
    meta, body = _front_matter(raw, path)
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = str(meta.get("title") or "") or _first_heading(lines) or doc_id
    listed = meta.get("promotional") or []
    if not isinstance(listed, list):
        raise CorpusError(f"{path}: front matter 'promotional' must be a list of section anchors")
    promotional = {str(a) for a in listed}
    sections = _sections(lines, title=title, promotional=promotional)
    source_url = meta.get("source_url")
    return Document(
        doc_id=doc_id,
        title=title,
        source_url=str(source_url) if source_url else None,
        sections=tuple(sections),
        path=path,
        meta=meta,
    )


def _front_matter(raw: str, path: Path | None) -> tuple[dict[str, object], str]:
    match = _FRONT_MATTER.match(raw.lstrip("\ufeff"))
    if not match:
        return {}, raw
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: front matter is not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise CorpusError(f"{path}: front matter must be a mapping")
    return meta, raw.lstrip("\ufeff")[match.end() :]


def _first_heading(lines: list[str]) -> str | None:
    for line in lines:
        match = _HEADING.match(line)
        if match:
            return strip_inline_markdown(match.group(2))
    return None


def _sections(lines: list[str], *, title: str, promotional: set[str]) -> list[Section]:
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    heading, anchor, level = title, slugify(title), 1
    buf: list[str] = []
    used: set[str] = set()

    def close() -> None:
        blocks = _blocks(buf)
        if blocks:
            unique = anchor if anchor not in used else f"{anchor}-{len(used)}"
            used.add(unique)
            path = tuple(h for _, h in stack) or (heading,)
            sections.append(Section(heading, unique, level, path, tuple(blocks), unique in promotional))

    for line in lines:
        match = _HEADING.match(line)
        if not match:
            buf.append(line)
            continue
        close()
        level = len(match.group(1))
        heading = strip_inline_markdown(match.group(2))
        anchor = match.group(3) or slugify(heading)
        stack = [(lvl, h) for lvl, h in stack if lvl < level] + [(level, heading)]
        buf = []
    close()
    return sections


def _blocks(lines: list[str]) -> list[Block]:
    """Paragraphs, lists and tables; a paragraph ending in ':' becomes the next list's lead-in."""
    raw_blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif line.lstrip().startswith("|"):
            i = _read_table(lines, i, raw_blocks)
        elif _BULLET.match(line) or _NUMBERED.match(line):
            i = _read_list(lines, i, raw_blocks)
        else:
            j = i
            while j < len(lines) and lines[j].strip() and not _starts_block(lines[j]):
                j += 1
            raw_blocks.append(Paragraph(strip_inline_markdown(" ".join(lines[i:j]))))
            i = j
    return _attach_lead_ins(raw_blocks)


def _starts_block(line: str) -> bool:
    return bool(line.lstrip().startswith("|") or _BULLET.match(line) or _NUMBERED.match(line))


def _read_list(lines: list[str], i: int, out: list[Block]) -> int:
    ordered = bool(_NUMBERED.match(lines[i]))
    items: list[str] = []
    while i < len(lines):
        match = _NUMBERED.match(lines[i]) if ordered else _BULLET.match(lines[i])
        if match:
            items.append(match.group(1))
        elif lines[i].strip() and lines[i].startswith((" ", "\t")) and items:
            items[-1] += " " + lines[i].strip()
        elif (
            not lines[i].strip()
            and i + 1 < len(lines)
            and ((_NUMBERED if ordered else _BULLET).match(lines[i + 1]))
        ):
            pass
        else:
            break
        i += 1
    out.append(ListBlock(tuple(strip_inline_markdown(t) for t in items), ordered))
    return i


def _read_table(lines: list[str], i: int, out: list[Block]) -> int:
    rows: list[tuple[str, ...]] = []
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        if not _TABLE_RULE.match(lines[i]):
            cells = lines[i].strip().strip("|").split("|")
            rows.append(tuple(strip_inline_markdown(c) for c in cells))
        i += 1
    if rows:
        out.append(Table(header=rows[0], rows=tuple(rows[1:])))
    return i


def _attach_lead_ins(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if isinstance(prev, Paragraph) and isinstance(block, ListBlock) and prev.text.endswith(":"):
            out[-1] = ListBlock(block.items, block.ordered, lead_in=prev.text)
        elif isinstance(prev, Paragraph) and isinstance(block, Table) and _is_caption(prev.text):
            out[-1] = Table(block.header, block.rows, caption=prev.text)
        else:
            out.append(block)
    return out


def _is_caption(text: str) -> bool:
    return len(text) <= 80 and not text.endswith((".", "?", "!"))
