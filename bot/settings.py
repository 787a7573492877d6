"""Settings from the environment and `.env`, every name prefixed GUIDEBOT_ (see .env.example)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_CSP_SOURCE = re.compile(r"'self'|'none'|[a-z][a-z0-9+.-]*:(//[\w*.-]+(:(\d+|\*))?(/[\w./-]*)?)?|[\w*.-]+")
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
    # a request reaching a worker still loading waits this long for it before a 503 ("not_ready")
    warmup_wait_seconds: float = Field(default=10.0, ge=0, le=60)
    chroma_url: str | None = None  # a Chroma server (http://host:port) instead of the index under data_dir
    embedding_backend: Literal["onnx", "onnx-int8", "torch"] = "onnx"
    worker_threads: int = Field(default=1, ge=1)  # ONNX Runtime and BLAS threads per worker process
    model_cache_dir: Path = USER_CACHE
    # Slack (bot/slack): the credentials keep Slack's own names, without the GUIDEBOT_ prefix.
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = "https://slack.com/api/"
    slack_support_channel: str | None = None  # where "Ask a person" posts, e.g. C0123456789 or #hr-help
    slack_link_base_url: str | None = None  # the bot's public address, for /docs links in Slack
    # The web front end and the HTTP API's guards (bot/api/guards.py).
    rate_limit: str = "60/minute"  # per client on /api/chat, /api/feedback, /api/recommend
    cors_origins: Annotated[list[str], NoDecode] = []  # origins whose pages may call the API
    cors_allow_credentials: bool = False
    frame_ancestors: str = "'self'"  # who may frame our pages (CSP frame-ancestors)
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

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("rate_limit")
    @classmethod
    def _parse_rate_limit(cls, value: str) -> str:
        from limits import parse

        try:
            parse(value)
        except ValueError:
            raise ValueError(f"not a rate limit like '60/minute' or '5 per 10 seconds': {value!r}") from None
        return value

    @field_validator("frame_ancestors")
    @classmethod
    def _csp_sources(cls, value: str) -> str:
        for source in value.split():
            if source in ("self", "none") or not _CSP_SOURCE.fullmatch(source):
                raise ValueError(
                    f"not a CSP source ('self', 'none', or an origin like https://a.example): {source!r}"
                )
        if not value.split():
            raise ValueError("empty: use 'none' to let no page frame guidebot's pages")
        return value

    @model_validator(mode="after")
    def _no_wildcard_with_credentials(self) -> Settings:
        if self.cors_allow_credentials and "*" in self.cors_origins:
            raise ValueError(
                "GUIDEBOT_CORS_ORIGINS may not contain '*' while GUIDEBOT_CORS_ALLOW_CREDENTIALS is true: "
                "list the allowed origins one by one"
            )
        return self

    def worker_count(self) -> int:
        """How many `serve` processes to run: GUIDEBOT_WORKERS, else the machine's cores."""
        return self.workers or os.cpu_count() or 1
