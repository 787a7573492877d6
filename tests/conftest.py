"""Shared fixtures: one Settings on a temp data dir and ONE answer service for the whole session."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine, create_engine, text

from bot.api import create_app
from bot.service import AnswerService
from bot.settings import Settings
from bot.storage.conversations import ConversationStore
from bot.storage.db import create_db_engine
from bot.storage.migrate import upgrade
from tests.agent_support import AGENT_TOKEN
from tests.postgres import postgres_bin, running_postgres
from tests.support import Clock, wait_ready

_DATABASE_NUMBERS = itertools.count()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index lives in a fresh temp folder (never the repo's data/); every test client is one
    address, so the rate limit is lifted (tests/test_web_api.py sets low ones)."""
    return Settings(data_dir=tmp_path_factory.mktemp("data"), rate_limit="100000/minute")


@pytest.fixture(scope="session")
def service(settings: Settings) -> AnswerService:
    """The real answer service (model + index), loaded once per test session."""
    from bot.wiring import build_service

    return build_service(settings)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that needs the shared service (directly or through a fixture) loads the model: slow."""
    for item in items:
        if "service" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module")
def client(settings: Settings, service: AnswerService) -> Iterator[TestClient]:
    """The real HTTP app around the shared session service, ready to answer."""
    app = create_app(settings, service_factory=lambda _: service)
    with TestClient(app) as c:
        wait_ready(c)
        yield c


@pytest.fixture(scope="module")
def agent_client(settings: Settings, service: AnswerService) -> Iterator[TestClient]:
    """The app with the agent console on (token AGENT_TOKEN), over https so its secure cookie is sent."""
    app = create_app(
        settings.model_copy(update={"agent_token": SecretStr(AGENT_TOKEN)}), service_factory=lambda _: service
    )
    with TestClient(app, base_url="https://testserver") as c:
        wait_ready(c)
        yield c


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real Postgres server for the session (base URL); absent binaries fail in CI, skip elsewhere."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        reason = "Postgres is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the Postgres tests: apt-get install postgresql")
        pytest.skip(reason)
    with running_postgres(bin_dir) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database per test: a SQLite file, or a fresh database on the session's Postgres server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'guidebot.sqlite3'}"
    server: str = request.getfixturevalue("postgres_server")
    name = f"test_{os.getpid()}_{next(_DATABASE_NUMBERS)}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return f"{server}/{name}"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A database of each kind (SQLite, Postgres), migrated to the newest schema."""
    engine = create_db_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(engine: Engine, clock: Clock) -> ConversationStore:
    """A conversation store on the migrated database, with a settable clock and a one-hour TTL."""
    return ConversationStore(engine, ttl_seconds=3600, clock=clock)
