"""The one answer service every front end calls: chat turns and recommendations, as contract objects."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from langchain_core.runnables import Runnable

from bot.answer_cache import AnswerCache
from bot.chain import ChainResult
from bot.citations import cite, joined, verify
from bot.compose import Claim, Draft
from bot.contract import Channel, ChatResponse, Citation, FeedbackRequest, Profile, Reason, Recommendation
from bot.conversation import ConversationState
from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY
from bot.rules.engine import against, leaning_side, leanings, needs_more_info, recommend, side_of
from bot.rules.follow_up import follow_up_question
from bot.rules.merge import merge_profile
from bot.rules.table import RulesTable
from bot.storage.conversations import ConversationStore, TurnRecord
from bot.storage.feedback import FeedbackStore
from bot.text_match import content_terms
from bot.trace import AnswerTrace, answer_trace, rule_trace
from bot.understanding import MessageReader, Reading

WHY_OWN_WORDS = (
    1  # a "why" about our advice names at most this many words of its own ("why does that matter?")
)


class AnswerService:
    """Answers chat messages from the guide and recommendations from the rules table."""

    def __init__(
        self,
        *,
        chain: Runnable[dict[str, Any], ChainResult],
        reader: MessageReader,
        kb: Knowledge,
        rules: RulesTable,
        conversations: ConversationStore,
        feedback: FeedbackStore | None = None,
        answers: AnswerCache | None = None,
    ) -> None:
        self.chain, self.reader, self.kb, self.rules = chain, reader, kb, rules
        self.conversations, self.answers = conversations, answers
        self.feedback = feedback or FeedbackStore(conversations.engine)

    def recommend(self, profile: Profile) -> Recommendation:
        """The rules table's recommendation for a profile (pure, deterministic)."""
        return recommend(profile, self.rules)

    def answer(
        self, *, message: str, conversation_id: str | None = None, channel: Channel = "api"
    ) -> ChatResponse:
        """One chat turn; the message must already be validated (1 to 2,000 characters)."""
        conv_id, state = self.conversations.get(conversation_id)
        key = AnswerCache.key(message=message, state=state, index=self.kb.fingerprint)
        cached = self.answers.get(key, conversation_id=conv_id) if self.answers else None
        response, after = cached or self._message_turn(conv_id, state, message)[:2]
        if self.answers and not cached:
            self.answers.put(key, response=response, state=after)
        return self._logged(conv_id, after, response, message=message, channel=channel)

    def answer_traced(
        self, *, message: str, conversation_id: str | None = None, channel: Channel = "agent"
    ) -> tuple[ChatResponse, AnswerTrace]:
        """One chat turn worked out afresh (never from the answer cache), with how it was reached."""
        conv_id, state = self.conversations.get(conversation_id)
        response, after, trace = self._message_turn(conv_id, state, message)
        return self._logged(conv_id, after, response, message=message, channel=channel), trace

    def _message_turn(
        self, conv_id: str, state: ConversationState, message: str
    ) -> tuple[ChatResponse, ConversationState, AnswerTrace]:
        """The turn for a whole message, its state remembering the models it names in order ("we're
        looking at peo, aso and hro…"), for "the 2nd one" later."""
        response, after, trace = self._turn(conv_id, state, message=message)
        named = VOCABULARY.models_named(message)
        return response, replace(after, named=named) if len(named) >= 2 else after, trace

    def _logged(
        self,
        conv_id: str,
        after: ConversationState,
        response: ChatResponse,
        *,
        message: str,
        channel: Channel,
    ) -> ChatResponse:
        """Store the state and the turn; the response with the turn's index."""
        turn = TurnRecord.of(response, message=message, channel=channel)
        index = self.conversations.save(conv_id, after, turn=turn)
        return response.model_copy(update={"message_index": index})

    def rate(self, feedback: FeedbackRequest, *, channel: Channel) -> None:
        """Keep a thumbs up or down on one answer; UnknownTurn if the conversation has no such turn."""
        self.feedback.rate(
            conversation_id=feedback.conversation_id,
            message_index=feedback.message_index,
            rating=feedback.rating,
            comment=feedback.comment,
            channel=channel,
        )

    def escalate(
        self, *, conversation_id: str, message_index: int, channel: Channel, destination: str
    ) -> None:
        """Record that an answer was handed to a person; UnknownTurn if there is no such turn."""
        self.feedback.escalate(
            conversation_id=conversation_id,
            message_index=message_index,
            channel=channel,
            destination=destination,
        )

    def _turn(
        self, conv_id: str, state: ConversationState, *, message: str
    ) -> tuple[ChatResponse, ConversationState, AnswerTrace]:
        """The response to a message, the conversation's state after it and how it was reached."""
        reading = self.reader.read(message, state.context())
        if not reading.vendors and len(parts := self.reader.questions(message)) >= 2:
            return self._parts_turn(conv_id, state, parts)
        facts = reading.facts
        # ("oops that was our parent co's profile. we're the subsidiary: …" starts the profile again)
        profile = facts if reading.starts_over else merge_profile(state.profile, facts, self.rules)
        # "why?", "why not the aso?" after our recommendation ask for its reasons: the rules table's, with
        # their quotes ("why cant the aso just take over the claims then" asks the guide).
        models = {model.lower() for model in reading.asked.models}
        own_words = [term for term in reading.asked.terms if term not in models]
        explains_advice = (
            reading.shape == "why"
            and state.shape == "recommend"
            and bool(profile.known())
            and len(own_words) <= WHY_OWN_WORDS
        )
        if (
            reading.wants_recommendation
            or explains_advice
            or (state.awaiting_profile and bool(facts.known()))
        ):
            return self._advice_turn(conv_id, state, reading, profile, explains=explains_advice)
        listing = reading  # ("and the last con?" after an item asked of it points into the same list)
        if reading.item is not None:
            reading = self._item_asked(reading, state) or replace(reading, item=None)
        result = self.chain.invoke({"reading": reading})
        if state.awaiting_profile and result.status == "out_of_scope":
            # "idk what u need from me, just ask" after our questions: they are asked again
            return self._advice_turn(conv_id, state, reading, profile, explains=False)
        response = ChatResponse(
            conversation_id=conv_id, status=result.status, answer=result.answer, citations=result.citations
        )
        after = replace(state, profile=profile, awaiting_profile=False, why="", item=None)
        if result.status != "answered" and reading.mentioned:
            # "does an HRO run payroll under our EIN?" unanswered: "and would we still be the employer?" is
            # about the HRO all the same
            after = replace(
                after, topic=reading.mentioned, attribute=reading.attribute, shape=reading.shape, text=""
            )
        if result.status == "answered" and reading.shape == "why" and state.text:
            # "why?" asks about the answer before; "same for the other one?" after it asks that question
            after = replace(after, topic=reading.models or state.topic, why=message)
        elif result.status == "answered":
            asked = listing if reading.about_item else reading
            after = replace(
                after,
                # the side a which-question named comes first: "the other one" is then the other side
                topic=(*result.focus, *(m for m in reading.models if m not in result.focus)) or state.topic,
                attribute=asked.attribute,
                shape=asked.shape,
                text=asked.query.text,
                item=listing.item if reading.about_item else None,
            )
            if reading.reference == "swap" and state.topic[:1] and set(reading.models) - set(state.topic[:1]):
                # "does an aso…?" → "same for hro?": the talk has gone through both ("which of those two")
                after = replace(after, named=tuple(dict.fromkeys((*state.topic[:1], *reading.models))))
        return response, after, answer_trace(reading, state.context(), kb=self.kb, result=result)

    def _parts_turn(
        self, conv_id: str, state: ConversationState, parts: list[str]
    ) -> tuple[ChatResponse, ConversationState, AnswerTrace]:
        """A message asking two things ("…is that accurate? and would we lose say over hiring?"): each
        part answered in turn, as a follow-up of the one before, in one reply."""
        # our advice is given once, by the last part asking it: an earlier part the remarks made ask it
        # too ("…ceo is asking if we should move to a peo. what would change for us on liability…? and
        # does a peo make sense for us?") asks its own question, the remarks going with the advice
        context = state.context()
        wanting = [i for i, p in enumerate(parts) if self.reader.read(p, context).wants_recommendation]
        parts = list(parts)
        for i in wanting[:-1]:
            remarks, question = self.reader.remarks_and_question(parts[i])
            parts[i], parts[wanting[-1]] = question, f"{remarks} {parts[wanting[-1]]}".strip()
        replies: list[ChatResponse] = []
        for part in parts:
            reply, state, trace = self._turn(conv_id, state, message=part)
            replies.append(reply)
        answer, citations = joined([(r.answer, r.citations) for r in replies])
        statuses = {r.status for r in replies}
        # our advice asked for ("which model fits? and would we keep our broker?") stays in the reply,
        # with its question back when it needs more facts
        advice = next((r for r in reversed(replies) if r.recommendation), None)
        status = next((s for s in ("needs_more_info", "answered") if s in statuses), replies[-1].status)
        response = replies[-1].model_copy(
            update={
                "answer": answer,
                "citations": citations,
                "status": status,
                "recommendation": advice.recommendation if advice else None,
                "follow_up": advice.follow_up if advice else None,
            }
        )
        return response, state, trace

    def _item_asked(self, reading: Reading, state: ConversationState) -> Reading | None:
        """For "the 2nd one? what does that mean in practice" after a list: the item at that place of the
        list answered before (of the group the message names, "the last con", else the first), read as
        the question; None when the list has no such place."""
        assert reading.item is not None
        listed = self.chain.invoke({"reading": replace(reading, item=None)}).listed
        said = set(content_terms(reading.message))
        _, items = next(
            ((t, i) for t, i in listed if said & set(content_terms(t))), listed[0] if listed else ("", ())
        )
        if not 0 < abs(reading.item) <= len(items):
            return None
        item = items[reading.item - 1] if reading.item > 0 else items[reading.item]
        # read on its own (it is no follow-up of the list), of the list's models when it names none
        of_models = "" if VOCABULARY.models_named(item) else " ".join(reading.models)
        asked = self.reader.read(f"{item} {of_models}".strip())
        return replace(asked, message=reading.message, about_item=item)

    def _advice_turn(
        self, conv_id: str, state: ConversationState, reading: Reading, profile: Profile, *, explains: bool
    ) -> tuple[ChatResponse, ConversationState, AnswerTrace]:
        """Our recommendation for the profile (or the questions it still needs), and the state after it."""
        facts = reading.facts
        response = self._advise(conv_id, profile, put_up=reading.put_up, explains=explains)
        awaiting = response.status == "needs_more_info"
        rules = rule_trace(profile, self.rules)
        trace = answer_trace(reading, state.context(), kb=self.kb, recommendation=rules)
        chosen = response.recommendation.choice if response.recommendation else "UNDECIDED"
        # "that route", "and that vs a PEO?" after the advice are about the model it chose
        topic = reading.models or state.topic
        # ("the other way" after "we're fine carrying the risk, which one?" is the PEO: the facts so
        # far lean to the ASO); when the facts conflict, the model this message's facts point to
        # ("…wants to offload the compliance risk too" → "would we have to drop our broker then?")
        leaning: str | None = chosen
        if awaiting:
            leaning = leaning_side(profile, self.rules)
        elif chosen == "UNDECIDED":
            leaning = side_of(facts, self.rules)
        if leaning:
            topic = (leaning, *(m for m in topic if m != leaning))
        after = replace(
            state,
            profile=profile,
            awaiting_profile=awaiting,
            shape="recommend",
            topic=topic,
            advised=True,
            why="",
            item=None,
        )
        return response, after, trace

    def _cited(self, reasons: list[Reason]) -> tuple[str, list[Citation]]:
        """The rules' reasons as cited sentences, their quotes verified against the corpus."""
        claims = [
            Claim(reason.text, self.kb.chunk_in_section(reason.section, reason.quote), reason.quote)
            for reason in reasons
        ]
        if not claims:
            return "", []
        text, citations = cite(Draft(claims=claims))
        problems = verify(text, citations, self.kb)
        if problems:
            raise RuntimeError("rules table cites text the corpus does not hold: " + "; ".join(problems))
        return text, citations

    def _verdict(self, rec: Recommendation, put_up: str | None) -> str:
        if not put_up or rec.choice == "UNDECIDED":
            return ""
        confirming = self.rules.prompts.confirming
        return f"{confirming.agree if rec.choice == put_up else confirming.disagree} "

    def _advise(
        self, conv_id: str, profile: Profile, *, put_up: str | None = None, explains: bool = False
    ) -> ChatResponse:
        """The rules table's recommendation; one that a confirming question put up ("that's the ASO
        profile, right?") is agreed or disagreed with first. Asked why (`explains`) before the facts
        decide, what they point to so far comes before the question for the rest."""
        rec = recommend(profile, self.rules)
        if needs_more_info(rec):
            question = follow_up_question(rec, self.rules.prompts)
            # what the facts so far point to, in the guide's words, after the question
            so_far, citations = self._cited(leanings(profile, self.rules))
            lead = self.rules.prompts.follow_up.so_far
            parts = [lead, so_far, question] if explains else [question, lead, so_far]
            return ChatResponse(
                conversation_id=conv_id,
                status="needs_more_info",
                answer=" ".join(parts) if so_far else question,
                citations=citations,
                recommendation=rec,
                follow_up=question,
            )
        # the reasons for the choice, then those of the facts pulling the other way (named in the summary),
        # then what the choice costs the company
        reasons = [*rec.reasons, *against(profile, self.rules)]
        costs = [
            Reason(rule_id="trade-off", text=t.text, section=t.section, quote=t.quote)
            for t in self.rules.trade_offs.get(rec.choice, ())
            if t.quote not in {r.quote for r in reasons}
        ]
        if costs:
            lead = self.rules.prompts.summary.trade_offs
            costs[0] = costs[0].model_copy(update={"text": f"{lead} {costs[0].text}"})
        text, citations = self._cited([*reasons, *costs])
        return ChatResponse(
            conversation_id=conv_id,
            status="answered",
            answer=f"{self._verdict(rec, put_up)}{rec.summary} {text}".strip(),
            citations=citations,
            recommendation=rec,
        )
