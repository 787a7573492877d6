"""Turns an HTML page into the small Markdown subset the corpus parser reads (text only, no markup kept)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = {"script", "style", "nav", "footer", "header", "aside", "form", "button", "noscript", "svg"}
_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "caption"}


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.buf: list[str] = []
        self.skip_depth = 0
        self.title: str | None = None
        self.in_title = False
        self.list_stack: list[str] = []
        self.heading: tuple[int, str | None] | None = None
        self.row: list[str] | None = None
        self.table_rows = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth or tag in _SKIPPED:
            self.skip_depth += tag in _SKIPPED
            return
        if tag == "title":
            self.in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self.heading = (int(tag[1]), dict(attrs).get("id"))
        elif tag in ("ul", "ol"):
            self._flush()
            self.list_stack.append(tag)
        elif tag == "li":
            self._flush()
        elif tag == "table":
            self._flush()
            self.table_rows = 0
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.buf = []
        elif tag == "br":
            self.buf.append(" ")
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= tag in _SKIPPED
            return
        if tag == "title":
            self.in_title = False
        elif re.fullmatch(r"h[1-6]", tag) and self.heading:
            level, anchor = self.heading
            text = _clean("".join(self.buf))
            self.buf, self.heading = [], None
            if text:
                self.out.append("#" * level + " " + text + (f" {{#{anchor}}}" if anchor else ""))
        elif tag in ("td", "th") and self.row is not None:
            self.row.append(_clean("".join(self.buf)).replace("|", "/"))
            self.buf = []
        elif tag == "tr" and self.row is not None:
            if self.row:
                self.out.append("| " + " | ".join(self.row) + " |")
                if self.table_rows == 0:
                    self.out.append("|" + "---|" * len(self.row))
                self.table_rows += 1
            self.row = None
        elif tag == "table":
            self.out.append("")
        elif tag == "li":
            self._flush(prefix="1. " if self.list_stack[-1:] == ["ol"] else "- ")
        elif tag in ("ul", "ol"):
            self._flush()
            if self.list_stack:
                self.list_stack.pop()
            self.out.append("")
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.in_title:
            self.title = _clean((self.title or "") + data)
        else:
            self.buf.append(data)

    def _flush(self, prefix: str = "") -> None:
        text = _clean("".join(self.buf))
        self.buf = []
        if text and self.row is None:
            self.out.append(prefix + text)
            if not prefix:
                self.out.append("")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_to_markdown(html: str) -> str:
    """Markdown with front matter title (from <title>) for an HTML page; scripts and chrome dropped."""
    conv = _Converter()
    conv.feed(html)
    conv.close()
    conv._flush()
    body = "\n".join(conv.out)
    if conv.title:
        safe = conv.title.replace('"', "'")
        return f'---\ntitle: "{safe}"\n---\n\n{body}\n'
    return body + "\n"
