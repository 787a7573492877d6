"""`guidebot slack`: the same listeners over Socket Mode, for workspaces without a public URL."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.settings import Settings


def socket_mode_handler(settings: Settings, app: App) -> SocketModeHandler:
    """A Socket Mode handler on SLACK_APP_TOKEN; its connection URL comes from apps.connections.open."""
    if settings.slack_app_token is None:
        raise ValueError("Socket Mode needs SLACK_APP_TOKEN (an app-level token with connections:write)")
    return SocketModeHandler(app, settings.slack_app_token.get_secret_value(), web_client=app.client)
