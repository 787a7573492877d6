"""Per-conversation memory: the topic of the last turns and the company profile gathered so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.contract import Profile
from bot.understanding import Context


@dataclass(frozen=True)
class ConversationState:
    topic: tuple[str, ...] = ()  # the models the last answered question was about
    profile: Profile = field(default_factory=Profile)
    awaiting_profile: bool = False
    attribute: str | None = None  # what the last answered question asked about (cost, liability, ...)
    shape: str | None = None  # its shape (yes_no, which_more, ...), for "same for X?"
    text: str = ""  # its resolved wording, for "why is that?"
    advised: bool = False  # our recommendation was given in an earlier turn
    named: tuple[str, ...] = ()  # the models the last message naming several named, in its order
    why: str = ""  # the last message, when it asked why of the answer before ("why is it pricier tho")
    item: int | None = None  # the place of the listed item the last answer was about ("the 2nd one?")

    def context(self) -> Context:
        """What the next message is read against."""
        return Context(
            models=self.topic,
            attribute=self.attribute,
            shape=self.shape,
            text=self.text,
            advised=self.advised,
            named=self.named,
            why=self.why,
            item=self.item,
        )
