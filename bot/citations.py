"""Numbers the claims, builds the citation list, and checks every quote and marker before anything leaves."""

from __future__ import annotations

import re
from functools import partial

from bot.compose import Draft
from bot.contract import Citation
from bot.knowledge import Knowledge

_MARKER = re.compile(r"\[(\d+)\]")


def citation_url(*, source_url: str, doc_id: str, anchor: str) -> str:
    """The document's own URL with the anchor, else the bot's rendered copy."""
    return f"{source_url}#{anchor}" if source_url else f"/docs/{doc_id}#{anchor}"


def cite(draft: Draft) -> tuple[str, list[Citation]]:
    """The answer text with [n] after each claim, and the numbered citations it refers to."""
    citations: list[Citation] = []
    numbers: dict[tuple[str, str, str], int] = {}
    parts: list[str] = []
    marked: dict[int, str] = {}
    for claim in draft.claims:
        chunk = claim.chunk
        key = (chunk.doc_id, chunk.anchor, claim.quote)
        if key not in numbers:
            numbers[key] = len(citations) + 1
            citations.append(
                Citation(
                    n=numbers[key],
                    doc_id=chunk.doc_id,
                    doc_title=chunk.doc_title,
                    section=chunk.section,
                    quote=claim.quote,
                    url=citation_url(source_url=chunk.source_url, doc_id=chunk.doc_id, anchor=chunk.anchor),
                )
            )
        parts.append(with_marker(claim.text, numbers[key]))
        marked[id(claim)] = parts[-1]
    if draft.groups:
        body = "\n\n".join(
            title + "\n" + "\n".join(f"- {marked[id(c)]}" for c in claims) for title, claims in draft.groups
        )
        return (f"{draft.lead}\n\n{body}" if draft.lead else body), citations
    if draft.inline:
        body = "; ".join(p[:1].lower() + p[1:] if p[1:2].islower() else p for p in parts)
        return (f"{draft.lead} {body}." if draft.lead else f"{body}."), citations
    if draft.as_list:
        body = "\n".join(f"- {p}" for p in parts)
        return (f"{draft.lead}\n\n{body}" if draft.lead else body), citations
    body = " ".join(parts)
    return (f"{draft.lead} {body}" if draft.lead else body), citations


def joined(parts: list[tuple[str, list[Citation]]]) -> tuple[str, list[Citation]]:
    """Answers to the parts of one message as one: their texts in turn, one numbering of their
    citations (a quote cited again keeps its first number)."""
    citations: list[Citation] = []
    numbers: dict[tuple[str, str, str], int] = {}
    texts: list[str] = []
    for text, cited in parts:
        renumbered: dict[int, int] = {}
        for c in cited:
            key = (c.doc_id, c.section, c.quote)
            if key not in numbers:
                numbers[key] = len(citations) + 1
                citations.append(c.model_copy(update={"n": numbers[key]}))
            renumbered[c.n] = numbers[key]
        texts.append(_MARKER.sub(partial(_renumbered, renumbered), text))
    return "\n\n".join(texts), citations


def _renumbered(numbers: dict[int, int], marker: re.Match[str]) -> str:
    """A citation marker under the number the joined answer gives its quote."""
    return f"[{numbers.get(int(marker[1]), int(marker[1]))}]"


def with_marker(text: str, n: int) -> str:
    """'Costs can also be higher [1].': the marker goes before the closing punctuation."""
    text = text.rstrip()
    if text and text[-1] in ".!?":
        return f"{text[:-1]} [{n}]{text[-1]}"
    return f"{text} [{n}]"


def verify(answer: str, citations: list[Citation], kb: Knowledge) -> list[str]:
    """Every problem found: a quote not inside its section, a marker with no citation, a citation unused."""
    problems = []
    anchors = {(c.doc_id, c.section): c.url.rsplit("#", 1)[-1] for c in citations}
    for c in citations:
        anchor = anchors[(c.doc_id, c.section)]
        if not kb.quote_in_section(doc_id=c.doc_id, anchor=anchor, quote=c.quote):
            problems.append(f"citation [{c.n}] quote is not inside section {c.section!r}")
    used = {int(m) for m in _MARKER.findall(answer)}
    numbers = {c.n for c in citations}
    problems += [f"marker [{n}] has no citation" for n in sorted(used - numbers)]
    problems += [f"citation [{n}] is never referred to" for n in sorted(numbers - used)]
    return problems
