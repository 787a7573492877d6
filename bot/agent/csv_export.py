"""The conversation log and the coverage gaps as CSV (one row per turn, one row per gap group)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from bot.gaps import GapGroup
from bot.storage.log import ConversationView

TURN_COLUMNS = (
    "conversation_id",
    "conversation_channel",
    "turn",
    "time",
    "channel",
    "status",
    "question",
    "answer",
    "sources",
    "rating",
    "comment",
    "escalated_to",
)
GAP_COLUMNS = ("label", "count", "last_seen", "first_seen", "reasons", "questions")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these as formulas


def _cell(value: object) -> object:
    """A cell a spreadsheet shows as text: typed text that looks like a formula gets a leading quote."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def conversations_csv(conversations: Iterable[ConversationView]) -> str:
    """One row per turn of each conversation, columns TURN_COLUMNS."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(TURN_COLUMNS)
    for c in conversations:
        for t in c.turns:
            sources = "; ".join(f"[{cit.get('n')}] {cit.get('url', '')}" for cit in t.citations)
            row = (
                c.id,
                c.channel,
                t.index,
                t.created_at.isoformat(),
                t.channel,
                t.status,
                t.message,
                t.answer,
                sources,
                t.rating or "",
                t.comment or "",
                "; ".join(t.escalated_to),
            )
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def gaps_csv(groups: Iterable[GapGroup]) -> str:
    """One row per gap group, columns GAP_COLUMNS; its questions joined by ' | '."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(GAP_COLUMNS)
    for g in groups:
        reasons = "; ".join(f"{reason}: {n}" for reason, n in g.reasons.items())
        questions = " | ".join(dict.fromkeys(q.message for q in g.questions))
        row = (g.label, g.count, g.last_seen.isoformat(), g.first_seen.isoformat(), reasons, questions)
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()
