"""Per-conversation memory: the topic of the last turns and the company profile gathered so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.contract import Profile


@dataclass(frozen=True)
class ConversationState:
    topic: tuple[str, ...] = ()
    profile: Profile = field(default_factory=Profile)
    awaiting_profile: bool = False
