"""GET /docs/{doc_id}: a corpus document as a small HTML page, every text escaped.

Its style and script are files under /static (bot/web/static): the page CSP allows no inline code."""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from bot.api.errors import ApiError
from bot.api.loader import get_service
from bot.service import AnswerService
from ingest.corpus import Block, Document, ListBlock, Paragraph, Section, Table

router = APIRouter()

PROMO_NOTE = "Publisher's note: this section is the publisher's own promotion, not neutral guidance."


@router.get("/docs/{doc_id}", response_class=HTMLResponse)
@router.head("/docs/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def doc_page(doc_id: str, service: Annotated[AnswerService, Depends(get_service)]) -> HTMLResponse:
    """The document the citations' URLs point into; unknown ids get a 404 JSON error."""
    doc = service.kb.docs.get(doc_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no document with id {doc_id[:80]!r}")
    return HTMLResponse(render_document(doc))  # the page CSP comes from bot.api.hardening


def render_document(doc: Document) -> str:
    """The whole page: title, source link, then each section with its anchor as the heading id."""
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title>",
        '<link rel="stylesheet" href="/static/docs.css">',
        '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">',
        # ?highlight=<quote> (the widget's source links): mark the quote and scroll to it
        '<script src="/static/docs-highlight.js" defer></script></head><body>',
    ]
    has_title_heading = any(s.level == 1 and s.heading == doc.title for s in doc.sections)
    if not has_title_heading:
        parts.append(f"<h1>{escape(doc.title)}</h1>")
    if doc.source_url:
        parts.append(_source_line(doc.source_url))
    parts.extend(render_section(s) for s in doc.sections)
    parts.append("</body></html>")
    return "\n".join(parts)


def _source_line(url: str) -> str:
    text = escape(url)
    if url.startswith(("https://", "http://")):
        return f'<p class="source">Source: <a href="{text}" rel="noopener noreferrer">{text}</a></p>'
    return f'<p class="source">Source: {text}</p>'


def render_section(section: Section) -> str:
    """One section: heading with id, its blocks, and a visible note when it is promotional."""
    level = min(max(section.level, 1), 6)
    head = f'<h{level} id="{escape(section.anchor)}">{escape(section.heading)}</h{level}>'
    body = "\n".join(render_block(b) for b in section.blocks)
    if section.promotional:
        note = f'<p class="note">{escape(PROMO_NOTE)}</p>'
        return f'<section class="promotional">{head}\n{note}\n{body}</section>'
    return f"<section>{head}\n{body}</section>"


def render_block(block: Block) -> str:
    """A paragraph, list (with its lead-in) or table as HTML."""
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        lead = f"<p>{escape(block.lead_in)}</p>" if block.lead_in else ""
        return f"{lead}<{tag}>{items}</{tag}>"
    return _render_table(block)


def _render_table(table: Table) -> str:
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    head = "".join(f"<th>{escape(cell)}</th>" for cell in table.header)
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows)
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
