"""The one Block Kit formatter every Slack reply goes through: answer, recommendation, sources, buttons."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from bot.contract import ChatResponse
from bot.rules.quick_replies import load_quick_replies
from bot.slack.texts import SlackTexts

Block = dict[str, Any]

SECTION_LIMIT = 3000  # characters of text in one section block (Slack's limit)
QUOTE_LIMIT = 200  # characters of a source's quote shown under its link
FALLBACK_LIMIT = 3000  # characters of the plain-text notification

# action_ids of the buttons (the listeners match on them)
FEEDBACK_UP, FEEDBACK_DOWN = "guidebot_feedback_up", "guidebot_feedback_down"
ESCALATE, SHARE = "guidebot_escalate", "guidebot_share"
FOLLOW_UP = re.compile(r"^guidebot_follow_up_\d+$")

_SPECIAL_MENTION = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^[-*] ", re.MULTILINE)


@dataclass(frozen=True)
class AnswerRef:
    """Which stored answer a button is about: a conversation and the turn's index."""

    conversation_id: str
    message_index: int

    def encode(self) -> str:
        return f"{self.conversation_id}:{self.message_index}"

    @classmethod
    def decode(cls, value: str) -> AnswerRef | None:
        """The reference in a button's value, or None when it is not one."""
        conversation_id, _, index = value.rpartition(":")
        if not conversation_id or not index.isdigit():
            return None
        return cls(conversation_id, int(index))

    @classmethod
    def of(cls, response: ChatResponse) -> AnswerRef | None:
        if response.message_index is None:
            return None
        return cls(response.conversation_id, response.message_index)


def escape(text: str) -> str:
    """User or corpus text made inert in mrkdwn: &, < and > escaped, @channel/@here/@everyone defused."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL_MENTION.sub("@\u200b\\1", text)  # a zero-width space: shown as typed, pings no one


def mrkdwn(markdown: str) -> str:
    """The answer's Markdown as Slack mrkdwn (escaped; **bold** becomes *bold*, - items • items)."""
    return _BULLET.sub("• ", _BOLD.sub(r"*\1*", escape(markdown)))


def absolute(url: str, base_url: str) -> str:
    """A citation's url made absolute: the bot's own /docs/... links are joined to its public address."""
    return url if re.match(r"^https?://", url) else urljoin(base_url.rstrip("/") + "/", url.lstrip("/"))


def short_quote(quote: str, limit: int = QUOTE_LIMIT) -> str:
    """The quote cut at a word boundary to at most `limit` characters (an ellipsis marks the cut)."""
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    return quote[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def fallback_text(response: ChatResponse) -> str:
    """The plain text of a reply: what notifications and clients without blocks show."""
    return escape(response.answer)[:FALLBACK_LIMIT]


def reply_blocks(
    response: ChatResponse,
    *,
    texts: SlackTexts,
    base_url: str,
    buttons: bool = True,
    share: bool = False,
    asked_facts: int = 3,
) -> list[Block]:
    """The blocks of one reply; `buttons` adds feedback and Ask a person, `share` a Share in channel.

    A follow-up question gets likely answers for the first `asked_facts` missing facts (those it asks)."""
    blocks = [_section(chunk) for chunk in _chunks(mrkdwn(response.answer))]
    if response.status == "needs_more_info":
        blocks += _likely_answers(response, texts, asked_facts) if buttons else []
    elif response.recommendation is not None:
        blocks.append(_recommendation(response, texts))
    blocks += sources_blocks(response, texts=texts, base_url=base_url)
    ref = AnswerRef.of(response)
    if buttons and ref is not None:
        blocks.append(_actions(ref, texts, share=share))
    return blocks


def sources_blocks(response: ChatResponse, *, texts: SlackTexts, base_url: str) -> list[Block]:
    """A 'Sources' line, then one section per citation, numbered as the answer's [n] markers."""
    if not response.citations:
        return []
    blocks: list[Block] = [{"type": "context", "elements": [_mrkdwn(f"*{texts.reply.sources}*")]}]
    for c in response.citations:
        link = f"<{absolute(c.url, base_url)}|{escape(c.section)}>"
        quote = escape(short_quote(c.quote))
        blocks.append(_section(f"*[{c.n}]* {link} · _{escape(c.doc_title)}_\n>{quote}"))
    return blocks


def escalation_blocks(
    *, question: str, response: ChatResponse, user: str, texts: SlackTexts, base_url: str
) -> list[Block]:
    """What the support channel sees: who asked, the question, then the answer as the asker saw it."""
    intro = texts.reply.escalation_intro.format(user=user)
    asked = f"*{texts.reply.question}:* {escape(question)}"
    head = [_section(intro), *(_section(chunk) for chunk in _chunks(asked)), {"type": "divider"}]
    return head + reply_blocks(response, texts=texts, base_url=base_url, buttons=False)


def home_view(texts: SlackTexts, *, documents: list[tuple[str, str]], base_url: str) -> dict[str, Any]:
    """The App Home tab: what the bot knows (and the documents, as (title, url)) and how to ask it."""
    home = texts.home
    guide = [f"• <{absolute(url, base_url)}|{escape(title)}>" for title, url in documents]
    return {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": home.title[:150]}},
            _section(home.knows),
            *([_section("\n".join([home.guide, *guide]))] if guide else []),
            {"type": "divider"},
            *(_section(line) for line in home.how_to_ask),
            {"type": "context", "elements": [_mrkdwn(home.buttons)]},
        ],
    }


def _recommendation(response: ChatResponse, texts: SlackTexts) -> Block:
    rec = response.recommendation
    assert rec is not None
    lines = [f"*{texts.reply.recommendation}: {rec.choice}*", escape(rec.summary)]
    lines += [f"• {escape(text)}" for text in dict.fromkeys(r.text for r in rec.reasons)]
    return _section("\n".join(lines))


def _likely_answers(response: ChatResponse, texts: SlackTexts, asked_facts: int) -> list[Block]:
    """Buttons with likely answers to the follow-up question, for the facts it asks about."""
    missing = response.recommendation.missing[:asked_facts] if response.recommendation else []
    ref = AnswerRef.of(response)
    chips = load_quick_replies().root
    options = [a for field in missing for a in chips.get(field, [])]
    if not options or ref is None:
        return []
    elements = [
        {
            "type": "button",
            "action_id": f"guidebot_follow_up_{i}",
            "text": {"type": "plain_text", "text": option.label[:75]},
            "value": json.dumps({"ref": ref.encode(), "text": option.message}),
        }
        for i, option in enumerate(options[:25])
    ]
    return [{"type": "actions", "block_id": "guidebot_follow_up", "elements": elements}]


def _actions(ref: AnswerRef, texts: SlackTexts, *, share: bool) -> Block:
    value = ref.encode()
    elements = [
        _button(FEEDBACK_UP, texts.reply.thumbs_up, value),
        _button(FEEDBACK_DOWN, texts.reply.thumbs_down, value),
        _button(ESCALATE, texts.reply.ask_a_person, value),
    ]
    if share:
        elements.insert(0, _button(SHARE, texts.reply.share, value, style="primary"))
    return {"type": "actions", "block_id": "guidebot_answer_actions", "elements": elements}


def _button(action_id: str, label: str, value: str, *, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text[:SECTION_LIMIT])}


def _mrkdwn(text: str) -> Block:
    return {"type": "mrkdwn", "text": text}


def _chunks(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Text split into pieces a section block takes, at line or word breaks where possible."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind("\n", 0, limit), text.rfind(" ", 0, limit))
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip()
    return [*pieces, text] if text else pieces
