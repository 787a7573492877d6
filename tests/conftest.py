"""Shared fixtures: one Settings on a temp data dir and ONE answer service for the whole session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.api import create_app
from bot.service import AnswerService
from bot.settings import Settings
from tests.support import wait_ready


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index lives in a fresh temp folder (never the repo's data/)."""
    return Settings(data_dir=tmp_path_factory.mktemp("data"))


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
