"""The Bolt listeners: every request is acknowledged at once and answered in a lazy listener.

Both transports (HTTP events and Socket Mode) dispatch to these same listeners."""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Literal

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.contract import FeedbackRequest
from bot.slack.bot import NotReady, SlackBot, question_text
from bot.slack.format import (
    ESCALATE,
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    FOLLOW_UP,
    SHARE,
    AnswerRef,
    escalation_blocks,
    escape,
    home_view,
)
from bot.storage.feedback import UnknownTurn
from bot.storage.slack import SentAnswer, ThreadKey

log = logging.getLogger(__name__)

Body = dict[str, Any]


def register(app: App, bot: SlackBot) -> None:
    """Attach guidebot's listeners to a Bolt app."""
    listeners = Listeners(bot)
    app.event("app_mention")(ack=_ack, lazy=[listeners.mention])
    app.event({"type": "message", "subtype": [None, "thread_broadcast"]})(ack=_ack, lazy=[listeners.message])
    app.event("message")(_ack)  # edits, joins, deletions...: acknowledged (Slack retries a 404), not answered
    app.event("app_home_opened")(ack=_ack, lazy=[listeners.home])
    app.command("/hrguide")(ack=listeners.ack_command, lazy=[listeners.command])
    app.action(SHARE)(ack=_ack, lazy=[listeners.share])
    app.action(FEEDBACK_UP)(ack=_ack, lazy=[listeners.feedback])
    app.action(FEEDBACK_DOWN)(ack=_ack, lazy=[listeners.feedback])
    app.action(ESCALATE)(ack=_ack, lazy=[listeners.escalate])
    app.action(FOLLOW_UP)(ack=_ack, lazy=[listeners.follow_up])


def _ack(ack: Ack) -> None:
    ack()


def _from_a_bot(event: Body) -> bool:
    return bool(event.get("bot_id") or event.get("subtype") == "bot_message")


class Listeners:
    """One method per kind of request; each runs after the ack, in Bolt's worker threads."""

    def __init__(self, bot: SlackBot) -> None:
        self.bot = bot

    # --- messages -------------------------------------------------------------------------------

    def mention(self, body: Body, event: Body, client: WebClient) -> None:
        """@guidebot in a channel: answer in the message's thread, which becomes a conversation."""
        if _from_a_bot(event):
            log.debug("slack event %s is not for the bot: ignored", body.get("event_id"))
            return
        if not self.bot.first_delivery(body.get("event_id")):
            return
        thread_ts = event.get("thread_ts") or event["ts"]
        key = ThreadKey(body.get("team_id", ""), event["channel"], thread_ts)
        self._answer(client, key, question_text(event.get("text", "")), thread_ts=thread_ts)

    def message(self, body: Body, event: Body, client: WebClient, context: BoltContext) -> None:
        """A direct message, or a later message in a thread the bot was mentioned in."""
        key = self._conversation_of(body, event, bot_user_id=context.bot_user_id)
        if key is None:
            log.debug("slack event %s is not for the bot: ignored", body.get("event_id"))
        elif self.bot.first_delivery(body.get("event_id")):
            thread_ts = event.get("thread_ts")
            self._answer(client, key, question_text(event.get("text", "")), thread_ts=thread_ts)

    def _conversation_of(self, body: Body, event: Body, *, bot_user_id: str | None) -> ThreadKey | None:
        """The conversation a message belongs to, or None when the bot should stay out of it."""
        if _from_a_bot(event):
            return None
        team, channel, thread_ts = body.get("team_id", ""), event["channel"], event.get("thread_ts")
        if event.get("channel_type") == "im":
            return ThreadKey(team, channel, thread_ts or "")
        mentioned = bool(bot_user_id) and f"<@{bot_user_id}>" in event.get("text", "")
        if thread_ts is None or mentioned:  # a mention is answered by `mention`
            return None
        key = ThreadKey(team, channel, thread_ts)
        return key if self.bot.in_conversation(key) else None  # never mentioned there: not ours

    def _answer(self, client: WebClient, key: ThreadKey, question: str, *, thread_ts: str | None) -> None:
        reply = self.bot.ask(question, key=key)
        client.chat_postMessage(channel=key.channel_id, thread_ts=thread_ts, **self.bot.as_message(reply))

    def home(self, event: Body, client: WebClient) -> None:
        """The App Home tab, published when a user opens it."""
        if event.get("tab", "home") == "home":
            view = home_view(self.bot.texts, documents=self.bot.documents(), base_url=self.bot.base_url)
            client.views_publish(user_id=event["user"], view=view)

    # --- /hrguide -------------------------------------------------------------------------------

    def ack_command(self, ack: Ack, command: Body) -> None:
        """Acknowledge at once; an empty question gets the usage line right away."""
        if question_text(command.get("text", "")):
            ack()
        else:
            ack(response_type="ephemeral", text=self.bot.texts.reply.empty)

    def command(self, command: Body, respond: Respond) -> None:
        """Answer only to the asker, with a Share in channel button."""
        question = question_text(command.get("text", ""))
        if not question:
            return
        reply = self.bot.ask(question, share=True)
        respond(response_type="ephemeral", **self.bot.as_message(reply))

    # --- buttons --------------------------------------------------------------------------------

    def share(self, body: Body, action: Body, respond: Respond) -> None:
        """Post a /hrguide answer for everyone in the channel."""
        sent = self._sent(action)
        if sent is None:
            respond(response_type="ephemeral", replace_original=False, text=self.bot.texts.reply.answer_gone)
            return
        reply = self.bot.reply(sent.response)
        respond(response_type="in_channel", replace_original=False, **self.bot.as_message(reply))
        respond(delete_original=True)  # the private copy has done its job

    def feedback(self, body: Body, action: Body, respond: Respond) -> None:
        """👍 or 👎: stored like the web's feedback, on the turn the answer was."""
        ref = AnswerRef.decode(action.get("value", ""))
        rating: Literal["up", "down"] = "up" if action["action_id"] == FEEDBACK_UP else "down"
        text = self.bot.texts.reply.thanks
        try:
            if ref is None:
                raise UnknownTurn(action.get("value", ""))
            request = FeedbackRequest(
                conversation_id=ref.conversation_id, message_index=ref.message_index, rating=rating
            )
            self.bot.service().rate(request, channel="slack")
        except (UnknownTurn, ValueError, NotReady):
            log.warning("slack feedback on an unknown answer: %r", action.get("value"))
            text = self.bot.texts.reply.answer_gone
        respond(response_type="ephemeral", replace_original=False, text=text)

    def escalate(self, body: Body, action: Body, respond: Respond, client: WebClient) -> None:
        """Ask a person: the question, answer and sources go to the support channel; the asker is told."""
        texts, destination = self.bot.texts.reply, self.bot.support_channel
        sent = self._sent(action)
        if sent is None or destination is None:
            text = texts.answer_gone if sent is None else texts.no_support_channel
            respond(response_type="ephemeral", replace_original=False, text=text)
            return
        blocks = escalation_blocks(
            question=sent.question,
            response=sent.response,
            user=body["user"]["id"],
            texts=self.bot.texts,
            base_url=self.bot.base_url,
        )
        client.chat_postMessage(
            channel=destination, text=f"{texts.question}: {escape(sent.question)}", blocks=blocks
        )
        ref = AnswerRef.of(sent.response)
        assert ref is not None  # kept answers always have their turn's index
        self.bot.service().escalate(
            conversation_id=ref.conversation_id,
            message_index=ref.message_index,
            channel="slack",
            destination=destination,
        )
        where = f"<#{destination}>" if re.fullmatch(r"[CG][A-Z0-9]+", destination) else escape(destination)
        text = texts.passed_on.format(destination=where)
        respond(response_type="ephemeral", replace_original=False, text=text)

    def follow_up(self, body: Body, action: Body, respond: Respond, client: WebClient) -> None:
        """A likely answer to a follow-up question, sent as the user's next message in that conversation."""
        value = json.loads(action.get("value") or "{}")
        ref = AnswerRef.decode(value.get("ref", ""))
        text = str(value.get("text", ""))
        if ref is None or not text:
            return
        container = body.get("container", {})
        if container.get("is_ephemeral"):  # a /hrguide answer: the conversation stays private
            reply = self.bot.ask(text, conversation_id=ref.conversation_id, share=True)
            respond(response_type="ephemeral", replace_original=False, **self.bot.as_message(reply))
            return
        message = body.get("message", {})
        channel = body["channel"]["id"]
        thread_ts = message.get("thread_ts")
        key = ThreadKey(body.get("team", {}).get("id", ""), channel, thread_ts or "")
        reply = self.bot.ask(text, key=key, conversation_id=ref.conversation_id)
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **self.bot.as_message(reply))

    def _sent(self, action: Body) -> SentAnswer | None:
        ref = AnswerRef.decode(action.get("value", ""))
        if ref is None:
            return None
        try:
            return self.bot.store.answer(ref.conversation_id, ref.message_index)
        except NotReady:
            return None
