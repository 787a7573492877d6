"""The Bolt app from Settings: a WebClient on the configured Slack API that waits out rate limits."""

from __future__ import annotations

from concurrent.futures import Executor

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.settings import Settings
from bot.slack.bot import ServiceProvider, SlackBot
from bot.slack.listeners import register

RATE_LIMIT_RETRIES = 3  # each waits the Retry-After seconds Slack's 429 names


def slack_client(settings: Settings) -> WebClient:
    """A WebClient with the bot token on GUIDEBOT_SLACK_API_URL; 429s are retried after Retry-After."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=settings.slack_api_url.rstrip("/") + "/",
        retry_handlers=[
            ConnectionErrorRetryHandler(),
            RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ],
    )


def slack_bot(
    settings: Settings, service: ServiceProvider, *, answer_pool: Executor | None = None
) -> SlackBot:
    """The Slack side of the answer service, with the links and support channel the settings name."""
    return SlackBot(
        service=service,
        answer_pool=answer_pool,
        base_url=settings.slack_link_base_url or f"http://{settings.host}:{settings.port}",
        support_channel=settings.slack_support_channel,
    )


def build_slack_app(settings: Settings, bot: SlackBot) -> App:
    """The Bolt app with guidebot's listeners; requests are verified with the signing secret.

    The token is checked (auth.test) on the first request, not here, so start-up needs no Slack."""
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = App(
        name="guidebot",
        client=slack_client(settings),
        signing_secret=secret,  # Socket Mode requests are not signed: Bolt skips the check for them
        token_verification_enabled=False,
    )
    register(app, bot)
    return app
