"""What the Slack app does with a question: find the thread's conversation, answer, keep, format."""

from __future__ import annotations

import html
import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from bot.contract import MAX_MESSAGE_CHARS, ChatRequest, ChatResponse
from bot.slack.format import Block, fallback_text, reply_blocks
from bot.slack.texts import SlackTexts, default_texts
from bot.storage.slack import SlackStore, ThreadKey

if TYPE_CHECKING:
    from bot.service import AnswerService

log = logging.getLogger(__name__)

ServiceProvider = Callable[[], "AnswerService | None"]
SERVICE_WAIT_S = 180.0  # an answer that arrives while the service loads waits this long for it
_USER_MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")


class NotReady(RuntimeError):
    """The answer service did not finish loading in time."""


@dataclass(frozen=True)
class Reply:
    """A message to post: its plain fallback text and its blocks."""

    text: str
    blocks: list[Block]


def question_text(slack_text: str) -> str:
    """What the user asked: mentions of users (the bot) removed, Slack's &amp; &lt; &gt; undone."""
    return html.unescape(_USER_MENTION.sub(" ", slack_text)).strip()


class SlackBot:
    """The answer service seen from Slack: threads are conversations, answers are kept for the buttons."""

    def __init__(
        self,
        *,
        service: ServiceProvider,
        base_url: str,
        support_channel: str | None = None,
        texts: SlackTexts | None = None,
        answer_pool: Executor | None = None,
    ) -> None:
        self._service, self._pool = service, answer_pool
        self.base_url, self.support_channel = base_url, support_channel
        self.texts = texts or default_texts()

    def service(self) -> AnswerService:
        """The loaded answer service, waiting for it while it loads; NotReady if it never comes."""
        deadline = time.monotonic() + SERVICE_WAIT_S
        while (service := self._service()) is None:
            if time.monotonic() > deadline:
                raise NotReady("the answer service is not loaded")
            time.sleep(0.2)
        return service

    @property
    def store(self) -> SlackStore:
        return SlackStore(self.service().conversations.engine)

    def documents(self) -> list[tuple[str, str]]:
        """The guide's documents as (title, url): their source, else the bot's own rendered copy."""
        docs = self.service().kb.docs.values()
        return [(doc.title, doc.source_url or f"/docs/{doc.doc_id}") for doc in docs]

    def first_delivery(self, event_id: str | None) -> bool:
        """True the first time any worker sees this event id (Slack retries carry the same id)."""
        if not event_id:
            return True
        claimed = self.store.claim_event(event_id)
        if not claimed:
            log.info("slack event %s was already taken: retry ignored", event_id)
        return claimed

    def in_conversation(self, key: ThreadKey) -> bool:
        """Whether the bot takes part in this thread (it was mentioned there before)."""
        return self.store.conversation(key) is not None

    def ask(
        self,
        question: str,
        *,
        key: ThreadKey | None = None,
        conversation_id: str | None = None,
        share: bool = False,
    ) -> Reply:
        """Answer a question in a thread's conversation (or a given or new one) and format the reply."""
        response = self.answer(question, key=key, conversation_id=conversation_id)
        return self.reply(response, share=share) if isinstance(response, ChatResponse) else response

    def answer(
        self, question: str, *, key: ThreadKey | None = None, conversation_id: str | None = None
    ) -> ChatResponse | Reply:
        """The service's response, kept for the buttons; a Reply instead when it cannot be asked."""
        try:
            message = ChatRequest(message=question).message
        except ValidationError:
            text = question.strip()
            return self.notice(
                self.texts.reply.too_long.format(length=len(text), limit=MAX_MESSAGE_CHARS)
                if text
                else self.texts.reply.empty
            )
        try:
            service = self.service()
            store = SlackStore(service.conversations.engine)
            if key is not None and conversation_id is None:
                conversation_id = store.conversation(key)
            turn = partial(service.answer, message=message, conversation_id=conversation_id, channel="slack")
            # In `serve`, Slack's answers queue with the web's in one pool: first come, first served.
            response = self._pool.submit(turn).result() if self._pool else turn()
            if key is not None:
                store.remember(key, response.conversation_id)
            store.save_answer(question=message, response=response)
        except NotReady:
            return self.notice(self.texts.reply.not_ready)
        except Exception:
            log.exception("answering a Slack question failed")
            return self.notice(self.texts.reply.failed)
        return response

    def reply(self, response: ChatResponse, *, share: bool = False) -> Reply:
        """A response as a Slack message, with its buttons (and Share in channel when `share`)."""
        blocks = reply_blocks(
            response,
            texts=self.texts,
            base_url=self.base_url,
            share=share,
            asked_facts=self.service().rules.prompts.follow_up.max_facts,
        )
        return Reply(text=fallback_text(response), blocks=blocks)

    def notice(self, text: str) -> Reply:
        """A short message of the bot's own (its texts are trusted mrkdwn)."""
        return Reply(text=text, blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": text}}])

    def as_message(self, reply: Reply) -> dict[str, Any]:
        """Keyword arguments of chat.postMessage / respond for a reply."""
        return {"text": reply.text, "blocks": reply.blocks, "unfurl_links": False, "unfurl_media": False}
