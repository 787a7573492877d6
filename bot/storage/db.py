"""The database engine from a URL: a SQLite file under the data dir by default, or Postgres."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url

SQLITE_FILE = "guidebot.sqlite3"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def database_url(*, url: str | None, data_dir: Path) -> str:
    """The configured URL, else a SQLite file in the data dir."""
    return url or f"sqlite:///{data_dir / SQLITE_FILE}"


def create_db_engine(url: str) -> Engine:
    """An engine safe for threads and processes; SQLite gets WAL, a busy timeout and immediate writes."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is off so that SQLAlchemy's BEGIN (below) is the only one:
    # https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#serializable-isolation-savepoints-transactional-ddl
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    # Take the write lock up front: a deferred transaction that later writes can fail with "database
    # is locked" without waiting, while BEGIN IMMEDIATE waits out the busy timeout.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
