"""Logging to stderr, one format for the CLI and every `serve` worker (the pid tells workers apart)."""

from __future__ import annotations

import logging
import sys

LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"


def configure_logging(level: str) -> None:
    """Send logs at the given level name (INFO when unknown) to stderr."""
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO), stream=sys.stderr, format=LOG_FORMAT
    )
