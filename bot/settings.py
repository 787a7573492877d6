"""Settings from the environment and `.env`, every name prefixed GUIDEBOT_ (see .env.example)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
USER_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "guidebot"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GUIDEBOT_", env_file=".env", extra="ignore")

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    data_dir: Path = PROJECT_ROOT / "data"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    rules_path: Path = PROJECT_ROOT / "bot" / "rules" / "rules.yaml"
    collection: str = "guidebot"
    host: str = "127.0.0.1"
    port: int = 8000
    conversation_ttl_seconds: int = 24 * 3600
    database_url: str | None = None
    answer_cache: bool = True
    log_level: str = "INFO"
    answer_threads: int = Field(
        default=1, ge=1
    )  # answers computed at once per worker (first come first served)
    other_hr_channel: str | None = None  # where out-of-scope HR questions are sent, e.g. "#ask-hr"
    workers: int | None = Field(default=None, ge=1)  # `serve` processes; None means one per core
    chroma_url: str | None = None  # a Chroma server (http://host:port) instead of the index under data_dir
    embedding_backend: Literal["onnx", "onnx-int8", "torch"] = "onnx"
    worker_threads: int = Field(default=1, ge=1)  # ONNX Runtime and BLAS threads per worker process
    model_cache_dir: Path = USER_CACHE
    agent_token: SecretStr | None = (
        None  # GUIDEBOT_AGENT_TOKEN: the agent console's credential; unset, it is off
    )
    mask_personal_data: bool = True  # e-mail addresses and phone numbers masked in stored questions
    retention_days: int = Field(default=90, ge=1)  # conversations idle longer are deleted from the log
    retention_check_seconds: int = Field(default=3600, ge=1)  # how often the server deletes them

    @field_validator("model_cache_dir")
    @classmethod
    def _expand_home(cls, path: Path) -> Path:
        return path.expanduser()

    def worker_count(self) -> int:
        """How many `serve` processes to run: GUIDEBOT_WORKERS, else the machine's cores."""
        return self.workers or os.cpu_count() or 1
