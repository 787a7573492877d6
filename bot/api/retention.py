"""Deletes conversations past the retention period from the log, on a schedule while the server runs."""

from __future__ import annotations

import asyncio
import logging

from bot.api.loader import ServiceLoader

log = logging.getLogger(__name__)


async def purge_on_schedule(loader: ServiceLoader, *, days: int, every_s: float) -> None:
    """Every `every_s` seconds (first once the service is loaded), delete conversations past retention."""
    while True:
        service = loader.service
        if service is not None:
            try:
                gone = await asyncio.to_thread(service.conversations.purge_older_than, days=days)
            except Exception:
                log.exception("purging the conversation log failed; trying again later")
            else:
                if gone:
                    log.info("deleted %d conversations idle for more than %d days", gone, days)
            await asyncio.sleep(every_s)
        else:
            await asyncio.sleep(1.0)
