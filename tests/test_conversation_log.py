"""The conversation log on SQLite and a real Postgres: filters, full view, gap questions, masking,
retention (store, schedule and `guidebot purge`) and the CSV export."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import Engine, func, select

from bot.agent.csv_export import TURN_COLUMNS, conversations_csv
from bot.api.retention import purge_on_schedule
from bot.conversation import ConversationState
from bot.storage.conversations import ConversationStore, TurnRecord
from bot.storage.db import create_db_engine
from bot.storage.feedback import FeedbackStore
from bot.storage.log import ConversationLog, LogFilter
from bot.storage.masking import mask_personal_data, mask_secrets
from bot.storage.migrate import upgrade
from bot.storage.models import Escalation, Feedback, Turn
from tests.support import Clock

GUIDEBOT = str(Path(sys.executable).with_name("guidebot"))
STATE = ConversationState()


def record(message: str, status: str = "answered", channel: str = "web") -> TurnRecord:
    cites = (
        [{"n": 1, "url": "/docs/peo-vs-aso#x", "section": "S", "quote": "q"}] if status == "answered" else []
    )
    return TurnRecord(
        message=message, answer=f"re: {message}", status=status, channel=channel, citations=cites
    )


def converse(store: ConversationStore, *turns: TurnRecord) -> str:
    conv_id, _ = store.get(None)
    for t in turns:
        store.save(conv_id, STATE, turn=t)
    return conv_id


@pytest.fixture
def seeded(store: ConversationStore, engine: Engine, clock: Clock) -> dict[str, str]:
    """Five conversations over three days, on several channels, with a rating and an escalation."""
    feedback = FeedbackStore(engine, clock=clock)
    ids = {"answered": converse(store, record("What is a PEO?"), record("And an ASO?"))}
    clock.now += timedelta(days=1)
    ids["out"] = converse(store, record("Boiling point of mercury?", "out_of_scope", "slack"))
    ids["asked_back"] = converse(store, record("Which model fits us?", "needs_more_info", "api"))
    ids["asked_and_answered"] = converse(
        store, record("Which should we pick?", "needs_more_info", "web"), record("We have 12 staff.")
    )
    clock.now += timedelta(days=1)
    ids["disliked"] = converse(store, record("Who pays workers comp?", channel="slack"))
    feedback.rate(
        conversation_id=ids["disliked"], message_index=0, rating="down", channel="slack", comment="wrong"
    )
    feedback.escalate(
        conversation_id=ids["disliked"], message_index=0, channel="slack", destination="#ask-hr"
    )
    feedback.rate(conversation_id=ids["answered"], message_index=1, rating="up", channel="web")
    return ids


def listed(store: ConversationStore, **filters) -> list[str]:
    return [c.id for c in ConversationLog(store.engine).conversations(LogFilter(**filters))]


def test_filters_pick_the_conversations(store: ConversationStore, seeded: dict[str, str]) -> None:
    everything = listed(store)
    assert everything[0] == seeded["disliked"] and everything[-1] == seeded["answered"]
    assert set(everything) == set(seeded.values())
    assert set(listed(store, channel="slack")) == {seeded["out"], seeded["disliked"]}
    assert listed(store, status="out_of_scope") == [seeded["out"]]
    assert set(listed(store, status="needs_more_info")) == {
        seeded["asked_back"],
        seeded["asked_and_answered"],
    }
    assert listed(store, thumbs_down=True) == [seeded["disliked"]]
    assert listed(store, escalated=True) == [seeded["disliked"]]
    assert set(listed(store, since=date(2026, 3, 11))) == set(seeded.values()) - {seeded["answered"]}
    assert listed(store, until=date(2026, 3, 10)) == [seeded["answered"]]
    assert listed(store, channel="slack", status="out_of_scope", since=date(2026, 3, 12)) == []
    assert len(listed(store, limit=2)) == 2 and listed(store, limit=2, offset=4) == [seeded["answered"]]


def test_one_conversation_in_full(store: ConversationStore, seeded: dict[str, str]) -> None:
    log = ConversationLog(store.engine)
    view = log.conversation(seeded["disliked"])
    assert view is not None and view.channel == "slack"
    (turn,) = view.turns
    assert (turn.rating, turn.comment, turn.escalated_to) == ("down", "wrong", ["#ask-hr"])
    answered = log.conversation(seeded["answered"])
    assert answered is not None
    assert [t.message for t in answered.turns] == ["What is a PEO?", "And an ASO?"]
    assert [t.rating for t in answered.turns] == [None, "up"]
    assert answered.turns[0].citations[0]["url"] == "/docs/peo-vs-aso#x"
    summary = answered.summary()
    assert (summary.turn_count, summary.first_question, summary.thumbs_down) == (2, "What is a PEO?", 0)
    assert log.conversation("c_nope") is None


def test_gap_questions_and_why_they_count(store: ConversationStore, seeded: dict[str, str]) -> None:
    gaps = {(g.conversation_id, g.index): g for g in ConversationLog(store.engine).gap_questions()}
    assert set(gaps) == {(seeded["out"], 0), (seeded["asked_back"], 0), (seeded["disliked"], 0)}
    assert gaps[(seeded["out"], 0)].reasons == ["out_of_scope"]
    assert gaps[(seeded["asked_back"], 0)].reasons == ["unanswered_follow_up"]
    assert gaps[(seeded["disliked"], 0)].reasons == ["thumbs_down", "escalated"]
    assert gaps[(seeded["out"], 0)].message == "Boiling point of mercury?"


def test_the_csv_has_one_row_per_turn(store: ConversationStore, seeded: dict[str, str]) -> None:
    text = conversations_csv(ConversationLog(store.engine).conversations(LogFilter()))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(csv.reader(io.StringIO(text)).__next__()) == TURN_COLUMNS
    assert len(rows) == 7
    disliked = next(r for r in rows if r["conversation_id"] == seeded["disliked"])
    assert (disliked["rating"], disliked["comment"], disliked["escalated_to"]) == ("down", "wrong", "#ask-hr")
    assert disliked["sources"] == "[1] /docs/peo-vs-aso#x" and disliked["channel"] == "slack"
    assert datetime.fromisoformat(disliked["time"]).tzinfo is not None


def test_csv_cells_never_run_as_formulas(store: ConversationStore) -> None:
    converse(store, record('=HYPERLINK("http://x")', "out_of_scope"))
    rows = list(
        csv.DictReader(
            io.StringIO(conversations_csv(ConversationLog(store.engine).conversations(LogFilter())))
        )
    )
    assert rows[0]["question"].startswith("'=")


@pytest.mark.parametrize(
    "text, masked",
    [
        ("mail me at jane.doe+hr@example.co.uk please", "mail me at [email] please"),
        ("call (415) 555-0132 or +44 20 7946 0958", "call [phone] or [phone]"),
        ("my cell is 415.555.0132.", "my cell is [phone]."),
        ("We have 12 employees in 3 states since 2019", "We have 12 employees in 3 states since 2019"),
        ("Is a 401(k) match common with a PEO?", "Is a 401(k) match common with a PEO?"),
    ],
)
def test_personal_data_is_masked(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


def test_slack_secrets_are_masked() -> None:
    text = "my token xoxb-12345-67890-abcdefABCDEF and https://hooks.slack.com/services/T0/B0/XYZ"
    assert mask_secrets(text) == "my token [secret] and [secret]"


def test_the_store_masks_questions_before_writing(engine: Engine, clock: Clock) -> None:
    masked = ConversationStore(engine, ttl_seconds=3600, clock=clock)
    conv = converse(masked, record("I'm bob@corp.com, 415-555-0132, token xoxp-1111-2222-abcd"))
    assert masked.turns(conv)[0].message == "I'm [email], [phone], token [secret]"
    kept = ConversationStore(engine, ttl_seconds=3600, clock=clock, mask_personal=False)
    conv = converse(kept, record("I'm bob@corp.com, token xoxp-1111-2222-abcd"))
    assert kept.turns(conv)[0].message == "I'm bob@corp.com, token [secret]"


def count(engine: Engine, table) -> int:
    with engine.begin() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_retention_deletes_old_conversations_with_their_feedback(
    store: ConversationStore, engine: Engine, clock: Clock, seeded: dict[str, str]
) -> None:
    clock.now += timedelta(hours=1)  # idle: "answered" 2 days and an hour, three others a day and an hour
    assert store.purge_older_than(days=2) == 1  # "answered" (and its rating)
    assert seeded["answered"] not in listed(store)
    assert count(engine, Feedback) == 1 and count(engine, Escalation) == 1
    assert store.purge_older_than(days=1) == 3
    assert listed(store) == [seeded["disliked"]]
    assert store.purge_older_than(days=0.5 / 24) == 1
    assert listed(store) == [] and count(engine, Turn) == 0 and count(engine, Feedback) == 0
    assert count(engine, Escalation) == 0


def test_the_server_purges_on_a_schedule(store: ConversationStore, clock: Clock) -> None:
    old = converse(store, record("What is a PEO?"))
    clock.now += timedelta(days=5)
    recent = converse(store, record("What is an ASO?"))
    loader = SimpleNamespace(service=SimpleNamespace(conversations=store))

    async def run_until_purged() -> None:
        task = asyncio.create_task(purge_on_schedule(loader, days=3, every_s=3600))  # type: ignore[arg-type]
        while old in listed(store):
            await asyncio.sleep(0.01)
        task.cancel()

    asyncio.run(asyncio.wait_for(run_until_purged(), timeout=60))
    assert listed(store) == [recent]


def test_guidebot_purge_deletes_past_the_retention_period(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    engine = create_db_engine(f"sqlite:///{data_dir / 'guidebot.sqlite3'}")
    upgrade(engine)
    clock = Clock()
    store = ConversationStore(engine, ttl_seconds=3600, clock=clock)
    old = converse(store, record("What is a PEO?"))
    clock.now = datetime.now(UTC) - timedelta(days=3)
    recent = converse(store, record("What is an ASO?"))
    env = {**os.environ, "GUIDEBOT_DATA_DIR": str(data_dir), "GUIDEBOT_RETENTION_DAYS": "10"}
    done = subprocess.run([GUIDEBOT, "purge"], env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "deleted 1 conversations idle for more than 10 days" in done.stdout
    assert listed(store) == [recent] and old not in listed(store)
    done = subprocess.run(
        [GUIDEBOT, "purge", "--days", "2"], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0 and "deleted 1 conversations" in done.stdout
    assert listed(store) == []
    engine.dispose()
