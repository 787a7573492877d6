"""Settings from the environment and `.env`, every name prefixed GUIDEBOT_ (see .env.example)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


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
    other_hr_channel: str | None = None  # where out-of-scope HR questions are sent, e.g. "#ask-hr"
