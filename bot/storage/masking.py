"""Personal data out of stored questions: e-mail addresses and phone numbers masked, Slack tokens always."""

from __future__ import annotations

import re

import phonenumbers

EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"
SECRET_MASK = "[secret]"
MIN_PHONE_DIGITS = 7  # the shortest phone number (a U.S. local number) has seven digits
PHONE_REGION = "US"  # numbers written without a country code are read as U.S. numbers (the guide's market)

# RFC 5322's full grammar is more than a log needs: local part, @, a dotted domain with a 2+ letter TLD.
EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Slack's token prefixes (bot, user, app-level, refresh, config) and incoming-webhook URLs.
SLACK_SECRET = re.compile(
    r"\bxox[abeoprs]-[A-Za-z0-9-]{8,}|\bxapp-[A-Za-z0-9-]{8,}|https://hooks\.slack\.com/\S+"
)


def mask_personal_data(text: str) -> str:
    """The text with e-mail addresses and phone numbers replaced by [email] and [phone]."""
    text = EMAIL.sub(EMAIL_MASK, text)
    if sum(c.isdigit() for c in text) < MIN_PHONE_DIGITS:
        return text  # no number long enough to be a phone number: the matcher's work is skipped
    matches = list(
        phonenumbers.PhoneNumberMatcher(text, PHONE_REGION, leniency=phonenumbers.Leniency.POSSIBLE)
    )
    for match in reversed(matches):  # from the end, so earlier offsets stay valid
        text = text[: match.start] + PHONE_MASK + text[match.end :]
    return text


def mask_secrets(text: str) -> str:
    """The text with Slack tokens and webhook URLs replaced by [secret] (always, whatever the settings)."""
    return SLACK_SECRET.sub(SECRET_MASK, text)
