"""Rate-limit counters in the shared SQL store: a storage backend for the `limits` library.

Every worker and replica counts in the same table, so a client's limit holds however its requests
are spread. Only the fixed-window strategy is supported (`limits.strategies.FixedWindowRateLimiter`):
one row per client and limit, counted up with a single upsert.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from limits.storage import Storage
from sqlalchemy import Engine, Float, Integer, String, bindparam, case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.dml import ReturningInsert

from bot.storage.models import Base

SWEEP_EVERY = 1000  # increments between two deletions of every expired counter


class RateLimitCounter(Base):
    """Hits of one client against one limit in the current window, and when that window ends."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[float] = mapped_column(Float, index=True)  # seconds since the epoch


def _increment_for(dialect: str) -> ReturningInsert[Any]:
    """One upsert that starts a window (when none runs or it has ended) or adds to the running one.

    Built once with bound parameters (key, amount, now, ends), so each request reuses its compiled form."""
    counter = RateLimitCounter.__table__.c
    amount, ends = bindparam("amount", type_=Integer), bindparam("ends", type_=Float)
    new = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(RateLimitCounter)
    expired = counter.expires_at <= bindparam("now", type_=Float)
    return (
        new.values(key=bindparam("key"), hits=amount, expires_at=ends)
        .on_conflict_do_update(
            index_elements=[counter.key],
            set_={
                "hits": case((expired, amount), else_=counter.hits + amount),
                "expires_at": case((expired, ends), else_=counter.expires_at),
            },
        )
        .returning(counter.hits)
    )


INCREMENT = {dialect: _increment_for(dialect) for dialect in ("postgresql", "sqlite")}


class SqlStorage(Storage):
    """`limits` storage on a SQLAlchemy engine (SQLite or Postgres): fixed windows, atomic increments."""

    def __init__(self, engine: Engine, *, clock: Callable[[], float] = time.time) -> None:
        super().__init__(wrap_exceptions=True)
        self.engine = engine
        self._clock = clock
        self._increments = 0

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` hits to the key's window (a new window when none is running); the new count."""
        now = self._clock()
        params = {"key": key, "amount": amount, "now": now, "ends": now + expiry}
        with self.engine.begin() as conn:
            hits = int(conn.execute(INCREMENT[conn.dialect.name], params).scalar_one())
        self._increments += 1
        if self._increments % SWEEP_EVERY == 0:
            self.purge_expired()
        return hits

    def get(self, key: str) -> int:
        """Hits in the key's running window (0 when none runs)."""
        query = select(RateLimitCounter.hits).where(
            RateLimitCounter.key == key, RateLimitCounter.expires_at > self._clock()
        )
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one_or_none() or 0)

    def get_expiry(self, key: str) -> float:
        """When the key's running window ends (now when none runs), in seconds since the epoch."""
        now = self._clock()
        query = select(RateLimitCounter.expires_at).where(
            RateLimitCounter.key == key, RateLimitCounter.expires_at > now
        )
        with self.engine.connect() as conn:
            return float(conn.execute(query).scalar_one_or_none() or now)

    def check(self) -> bool:
        """True when the database answers."""
        try:
            with self.engine.connect() as conn:
                conn.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int:
        """Forget every counter; returns how many there were."""
        with self.engine.begin() as conn:
            return int(conn.execute(delete(RateLimitCounter)).rowcount)

    def clear(self, key: str) -> None:
        """Forget one key's counter."""
        with self.engine.begin() as conn:
            conn.execute(delete(RateLimitCounter).where(RateLimitCounter.key == key))

    def purge_expired(self) -> int:
        """Delete the counters whose window has ended; returns how many."""
        with self.engine.begin() as conn:
            gone = conn.execute(delete(RateLimitCounter).where(RateLimitCounter.expires_at <= self._clock()))
        return int(gone.rowcount)
