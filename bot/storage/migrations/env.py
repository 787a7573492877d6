"""Alembic environment: runs on the connection bot.storage.migrate hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from bot.storage.models import Base


def run_migrations(connection: Connection) -> None:
    """Online migrations on the given connection; SQLite alters tables in batch mode."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through bot.storage.migrate.upgrade (it supplies the connection)")
run_migrations(connection)
