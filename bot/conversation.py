"""Per-conversation memory: the topic of the last turns and the company profile gathered so far."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.contract import Profile


@dataclass(frozen=True)
class ConversationState:
    topic: tuple[str, ...] = ()
    profile: Profile = field(default_factory=Profile)
    awaiting_profile: bool = False


class ConversationStore:
    """In-memory, bounded (least recently used dropped first) and expiring; safe across threads."""

    def __init__(
        self, *, max_items: int, ttl_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._items: OrderedDict[str, tuple[float, ConversationState]] = OrderedDict()
        self._max, self._ttl, self._clock = max_items, ttl_seconds, clock
        self._lock = threading.Lock()

    def get(self, conversation_id: str | None) -> tuple[str, ConversationState]:
        """The state for a known, unexpired id; otherwise a new id with a fresh state."""
        with self._lock:
            now = self._clock()
            if conversation_id and conversation_id in self._items:
                seen, state = self._items[conversation_id]
                if now - seen <= self._ttl:
                    self._items.move_to_end(conversation_id)
                    return conversation_id, state
                del self._items[conversation_id]
        return f"c_{secrets.token_hex(8)}", ConversationState()

    def save(self, conversation_id: str, state: ConversationState) -> None:
        with self._lock:
            self._items[conversation_id] = (self._clock(), state)
            self._items.move_to_end(conversation_id)
            while len(self._items) > self._max:
                self._items.popitem(last=False)
