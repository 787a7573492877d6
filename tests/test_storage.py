"""Conversations in SQL, on SQLite and on a real Postgres: state, turns, expiry, migrations, concurrency."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text, update

from bot.contract import Profile
from bot.conversation import ConversationState
from bot.storage.conversations import ConversationStore, TurnRecord
from bot.storage.db import create_db_engine, database_url
from bot.storage.migrate import head_revisions, upgrade
from bot.storage.models import Conversation, Turn
from bot.storage.state import from_json, to_json
from tests.support import Clock

ROOT = Path(__file__).resolve().parent.parent
STATE = ConversationState(
    topic=("PEO", "ASO"), profile=Profile(employees=12, in_house_hr=False), awaiting_profile=True
)


def turn(n: int, *, channel: str = "web") -> TurnRecord:
    return TurnRecord(message=f"question {n}", answer=f"answer {n}", status="answered", channel=channel)


def test_state_round_trips(store: ConversationStore) -> None:
    conv_id, fresh = store.get(None)
    assert fresh == ConversationState()
    store.save(conv_id, STATE, turn=turn(0))
    assert store.get(conv_id) == (conv_id, STATE)


def test_a_restarted_process_sees_the_conversation(
    store: ConversationStore, database_url: str, clock: Clock
) -> None:
    conv_id, _ = store.get(None)
    store.save(conv_id, STATE)
    other = ConversationStore(create_db_engine(database_url), ttl_seconds=3600, clock=clock)
    assert other.get(conv_id) == (conv_id, STATE)
    other.engine.dispose()


@pytest.mark.parametrize("asked", [None, "", "c_unknown"])
def test_an_unknown_id_starts_a_new_conversation(store: ConversationStore, asked: str | None) -> None:
    conv_id, state = store.get(asked)
    assert conv_id.startswith("c_") and conv_id != asked
    assert state == ConversationState()
    assert store.get(None)[0] != conv_id


def test_idle_state_expires_but_the_log_stays_until_retention(store: ConversationStore, clock: Clock) -> None:
    old, _ = store.get(None)
    store.save(old, STATE, turn=turn(0))
    clock.now += timedelta(minutes=30)
    recent, _ = store.get(None)
    store.save(recent, STATE, turn=turn(0))
    clock.now += timedelta(minutes=45)  # old: idle 75 minutes; recent: 45
    assert store.get(recent) == (recent, STATE)
    new_id, state = store.get(old)
    assert new_id != old and state == ConversationState()
    assert store.purge_older_than(days=1) == 0  # past the TTL, but the log is kept
    assert len(store.turns(old)) == 1
    clock.now += timedelta(days=1, minutes=-60)  # old: idle a day and 15 minutes; recent: 23 h 45
    assert store.purge_older_than(days=1) == 1
    assert store.turns(old) == [] and len(store.turns(recent)) == 1


def test_turns_are_recorded_in_order(store: ConversationStore, clock: Clock) -> None:
    conv_id, _ = store.get(None)
    cited = TurnRecord(
        message="What is a PEO?",
        answer="A PEO is ... [1]",
        status="answered",
        channel="slack",
        citations=[{"n": 1, "doc_id": "peo-vs-aso", "quote": "A PEO"}],
    )
    store.save(conv_id, ConversationState(), turn=cited)
    for n in range(1, 4):
        clock.now += timedelta(seconds=1)
        store.save(conv_id, STATE, turn=turn(n))
    turns = store.turns(conv_id)
    assert [t.index for t in turns] == [0, 1, 2, 3]
    assert [t.message for t in turns] == ["What is a PEO?", "question 1", "question 2", "question 3"]
    assert turns[0].citations == cited.citations and turns[0].channel == "slack"
    assert turns[3].created_at == clock.now and turns[3].created_at.tzinfo is not None


def test_state_with_unknown_or_missing_keys_loads(store: ConversationStore, engine: Engine) -> None:
    conv_id, _ = store.get(None)
    store.save(conv_id, STATE)
    stored = {"topic": ["EOR"], "added_by_a_newer_version": {"x": [1, 2]}}  # no profile, no awaiting_profile
    with engine.begin() as conn:
        conn.execute(update(Conversation).where(Conversation.id == conv_id).values(state=stored))
    assert store.get(conv_id) == (conv_id, ConversationState(topic=("EOR",)))


def test_migrations_are_idempotent(engine: Engine) -> None:
    upgrade(engine)
    upgrade(engine)
    with engine.begin() as conn:
        recorded = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
        assert recorded == head_revisions()


def test_migrations_from_several_processes_at_once(database_url: str) -> None:
    code = "import sys; from bot.storage.db import create_db_engine; from bot.storage.migrate import upgrade"
    code += "; upgrade(create_db_engine(sys.argv[1]))"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, database_url], cwd=ROOT, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    engine = create_db_engine(database_url)
    with engine.begin() as conn:
        recorded = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
        assert recorded == head_revisions()
    engine.dispose()


def test_concurrent_saves_from_threads(store: ConversationStore, engine: Engine) -> None:
    shared, _ = store.get(None)
    failures: list[BaseException] = []

    def worker(w: int) -> None:
        try:
            own, _ = store.get(None)
            for n in range(10):
                store.save(shared, ConversationState(topic=(f"w{w}",)), turn=turn(n))
                store.save(own, ConversationState(topic=(f"w{w}",)), turn=turn(n))
                assert store.get(own)[1].topic == (f"w{w}",)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
    assert [t.index for t in store.turns(shared)] == list(range(60))
    with engine.begin() as conn:
        assert conn.execute(select(func.count()).select_from(Conversation)).scalar_one() == 7
        assert conn.execute(select(func.count()).select_from(Turn)).scalar_one() == 120


def test_state_json_walks_the_fields() -> None:
    data = to_json(STATE)
    assert data["topic"] == ["PEO", "ASO"] and data["profile"]["employees"] == 12
    assert from_json(data) == STATE
    assert from_json({}) == ConversationState()
    # An unreadable field (say, a type changed since the row was written) falls back to its default.
    assert from_json({**data, "topic": 7}) == ConversationState(profile=STATE.profile, awaiting_profile=True)


def test_default_url_is_a_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    assert database_url(url=None, data_dir=tmp_path) == f"sqlite:///{tmp_path / 'guidebot.sqlite3'}"
    assert database_url(url="postgresql+psycopg://h/db", data_dir=tmp_path) == "postgresql+psycopg://h/db"
