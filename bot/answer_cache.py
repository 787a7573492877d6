"""Answers to repeated questions, remembered per conversation context and index (a bounded LRU)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from cachetools import LRUCache

from bot.contract import ChatResponse
from bot.conversation import ConversationState
from bot.storage.state import to_json
from bot.text_match import normalize

CacheKey = tuple[str, str, str]


@dataclass(frozen=True)
class CachedAnswer:
    """A turn's outcome without its conversation id: the response and the state it leads to."""

    response: ChatResponse
    state: ConversationState


class AnswerCache:
    """A bounded LRU of answers keyed by normalised message, the state before the turn and the index."""

    def __init__(self, *, max_items: int = 2048) -> None:
        self._items: LRUCache[CacheKey, CachedAnswer] = LRUCache(maxsize=max_items)
        self._lock = threading.Lock()

    @staticmethod
    def key(*, message: str, state: ConversationState, index: str) -> CacheKey:
        """What decides an answer: the words asked, the conversation so far and the loaded index."""
        return normalize(message), json.dumps(to_json(state), sort_keys=True), index

    def get(self, key: CacheKey, *, conversation_id: str) -> tuple[ChatResponse, ConversationState] | None:
        """The cached response (addressed to this conversation) and next state, or None."""
        with self._lock:
            hit = self._items.get(key)
        if hit is None:
            return None
        return hit.response.model_copy(update={"conversation_id": conversation_id}, deep=True), hit.state

    def put(self, key: CacheKey, *, response: ChatResponse, state: ConversationState) -> None:
        """Remember a turn's outcome (the conversation id is dropped)."""
        anonymous = response.model_copy(update={"conversation_id": ""}, deep=True)
        entry = CachedAnswer(response=anonymous, state=state)
        with self._lock:
            self._items[key] = entry
