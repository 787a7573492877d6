"""The rate limiter's counters in SQL (limits' fixed window on our storage), on SQLite and a real Postgres:
windows open, count, expire and reset; concurrent hits from many threads are all counted."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from limits import parse
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import Engine

from bot.storage.rate_limits import RateLimitCounter, SqlStorage


class Clock:
    """A clock the test moves by hand (seconds since the epoch)."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_window_counts_hits_then_starts_afresh_when_it_ends(engine: Engine) -> None:
    clock = Clock()
    storage = SqlStorage(engine, clock=clock)
    assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3]
    assert storage.get("k") == 3
    assert storage.get_expiry("k") == clock.now + 60
    clock.now += 30
    assert storage.incr("k", 60, amount=2) == 5
    assert storage.get_expiry("k") == clock.now + 30, "a hit inside the window does not extend it"
    clock.now += 30
    assert storage.get("k") == 0 and storage.get_expiry("k") == clock.now
    assert storage.incr("k", 60) == 1
    assert storage.get_expiry("k") == clock.now + 60


def test_keys_are_counted_apart_and_can_be_cleared(engine: Engine) -> None:
    storage = SqlStorage(engine, clock=Clock())
    storage.incr("a", 60)
    storage.incr("a", 60)
    storage.incr("b", 60)
    storage.clear("a")
    assert (storage.get("a"), storage.get("b")) == (0, 1)
    assert storage.reset() == 1
    assert storage.get("b") == 0
    assert storage.check()


def test_expired_counters_are_purged(engine: Engine) -> None:
    clock = Clock()
    storage = SqlStorage(engine, clock=clock)
    storage.incr("old", 10)
    storage.incr("new", 100)
    clock.now += 50
    assert storage.purge_expired() == 1
    assert storage.get("new") == 1


def test_limits_fixed_window_on_sql_storage(engine: Engine) -> None:
    clock = Clock()
    limiter = FixedWindowRateLimiter(SqlStorage(engine, clock=clock))
    item = parse("3/minute")
    assert [limiter.hit(item, "api", "10.0.0.1") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit(item, "api", "10.0.0.2"), "another client has its own window"
    stats = limiter.get_window_stats(item, "api", "10.0.0.1")
    assert stats.remaining == 0 and stats.reset_time > clock.now
    clock.now = stats.reset_time
    assert limiter.hit(item, "api", "10.0.0.1"), "the next window admits the client again"


def test_concurrent_hits_are_all_counted(engine: Engine) -> None:
    storage = SqlStorage(engine)
    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = list(pool.map(lambda _: storage.incr("busy", 600), range(64)))
    assert sorted(counts) == list(range(1, 65)), "every increment is atomic: no count seen twice"


def test_the_migration_creates_the_table_the_model_describes(engine: Engine) -> None:
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), RateLimitCounter.metadata)
    assert [d for d in diffs if "rate_limit_counters" in repr(d)] == []
