"""Bring the schema to the newest Alembic revision; safe to run twice or from several processes at once."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any constant shared by every guidebot process; pg_advisory_xact_lock serialises the upgrades.
PG_MIGRATION_LOCK = 0x67756964  # "guid"


def alembic_config() -> Config:
    """Alembic configured in code, so it works from any working directory and the installed package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine, *, revision: str = "heads") -> None:
    """Apply every pending migration in one transaction, holding a lock other processes wait for.

    "heads": each front end's tables may sit on a branch of their own after 0002 (Alembic branches).
    """
    config = alembic_config()
    # One transaction: Postgres and SQLite (BEGIN IMMEDIATE, see db.py) both have transactional DDL,
    # so a second process waits for the lock, then finds the schema current and does nothing.
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def head_revisions() -> set[str]:
    """The newest revision of every branch: what a fully migrated database records."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())
