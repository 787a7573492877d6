"""The HTTP front end: `create_app(settings)` builds the FastAPI app."""

from bot.api.app import create_app

__all__ = ["create_app"]
