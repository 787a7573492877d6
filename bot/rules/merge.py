"""A conversation's profile after a new turn: the newer answers replace the older ones, and a later wish
turns round an earlier yes the rules table says it cannot stand beside (`turned_round_by`)."""

from __future__ import annotations

from bot.contract import Profile
from bot.rules.table import RulesTable


def merge_profile(older: Profile, newer: Profile, table: RulesTable) -> Profile:
    """The profile after `newer`'s turn (a priority whose fact turns round is dropped by the merge)."""
    turned = {
        fact: False
        for fact, wishes in table.turned_round_by.items()
        if getattr(older, fact) and getattr(newer, fact) is None and any(getattr(newer, w) for w in wishes)
    }
    if turned:
        newer = Profile.model_validate({**newer.known(), **turned})
    return older.merged(newer)
