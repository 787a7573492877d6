"""A reply draft an agent can paste: the answer with its sources as footnotes, in Markdown or plain text."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from pydantic import BaseModel

from bot.contract import ChatResponse, Citation

MARKER = re.compile(r"\[(\d+)\]")


class ReplyDraft(BaseModel):
    markdown: str
    plain_text: str


def reply_draft(response: ChatResponse, *, base_url: str) -> ReplyDraft:
    """The answer twice: Markdown footnotes ([^1] with a linked source) and plain text ([1] with its URL)."""
    cited = response.citations
    markdown = MARKER.sub(r"[^\1]", response.answer)
    plain = _plain(response.answer)
    if cited:
        markdown += "\n\n" + "\n".join(_markdown_note(c, base_url) for c in cited)
        plain += "\n\nSources:\n" + "\n".join(_plain_note(c, base_url) for c in cited)
    return ReplyDraft(markdown=markdown, plain_text=plain)


def _markdown_note(c: Citation, base_url: str) -> str:
    title = f"{c.section} ({c.doc_title})".replace("[", "(").replace("]", ")")
    return f'[^{c.n}]: [{title}]({urljoin(base_url, c.url)}): "{c.quote}"'


def _plain_note(c: Citation, base_url: str) -> str:
    return f'[{c.n}] {c.section} ({c.doc_title}): "{c.quote}" {urljoin(base_url, c.url)}'


def _plain(markdown: str) -> str:
    """The answer without Markdown emphasis (the guide's answers use ** and list dashes at most)."""
    return markdown.replace("**", "").replace("__", "")
