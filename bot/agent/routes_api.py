"""/api/agent/…: reply drafts with traces, the rules for a profile, the conversation log and the gaps."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from bot.agent.auth import require_agent
from bot.agent.csv_export import conversations_csv, gaps_csv
from bot.agent.draft import ReplyDraft, reply_draft
from bot.api.errors import ApiError
from bot.api.loader import get_service
from bot.contract import ChatRequest, ChatResponse, ErrorResponse, Profile, Recommendation
from bot.embedding import TextEncoder
from bot.gaps import GapGroup, group_gaps
from bot.query_vectors import QueryVectorCache
from bot.service import AnswerService
from bot.storage.log import (
    MAX_GAP_QUESTIONS,
    ConversationLog,
    ConversationSummary,
    ConversationView,
    LogFilter,
)
from bot.trace import AnswerTrace, RecommendationTrace, rule_trace

Service = Annotated[AnswerService, Depends(get_service)]
Filters = Annotated[LogFilter, Query()]

_ERRORS = {401: {"model": ErrorResponse}, 404: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}

router = APIRouter(
    prefix="/api/agent",
    dependencies=[Depends(require_agent)],
    responses=_ERRORS,  # type: ignore[arg-type]
    tags=["agent"],
)


class Assist(BaseModel):
    """A reply draft for the agent, the contract response it came from, and how it was reached."""

    response: ChatResponse
    draft: ReplyDraft
    trace: AnswerTrace


class RulesRun(BaseModel):
    recommendation: Recommendation
    trace: RecommendationTrace


class ConversationList(BaseModel):
    conversations: list[ConversationSummary]


class GapReport(BaseModel):
    generated_at: datetime
    groups: list[GapGroup]


@router.post("/assist", response_model=Assist)
async def assist(request: ChatRequest, service: Service, http: Request) -> Assist:
    """A reply draft with numbered sources and the trace of retrieval and rules (logged as channel agent)."""
    turn = partial(service.answer_traced, message=request.message, conversation_id=request.conversation_id)
    response, trace = await asyncio.get_running_loop().run_in_executor(http.app.state.answer_pool, turn)
    return Assist(response=response, draft=reply_draft(response, base_url=str(http.base_url)), trace=trace)


@router.post("/recommend", response_model=RulesRun)
def run_rules(profile: Profile, service: Service) -> RulesRun:
    """The rules table run on a profile: the recommendation and every rule that fired."""
    return RulesRun(recommendation=service.recommend(profile), trace=rule_trace(profile, service.rules))


@router.get("/conversations", response_model=ConversationList)
def conversations(filters: Filters, service: Service) -> ConversationList:
    """Stored conversations matching the filters, most recently active first."""
    found = _log(service).conversations(filters)
    return ConversationList(conversations=[c.summary() for c in found])


@router.get("/conversations.csv", response_class=Response)
def conversations_export(filters: Filters, service: Service) -> Response:
    """The matching conversations as CSV, one row per turn."""
    found = _log(service).conversations(filters)
    return _csv(conversations_csv(found), "conversations.csv")


@router.get("/conversations/{conversation_id}", response_model=ConversationView)
def conversation(conversation_id: str, service: Service) -> ConversationView:
    """One conversation in full: turns, citations, ratings and escalations."""
    found = _log(service).conversation(conversation_id)
    if found is None:
        raise ApiError(404, "not_found", f"no conversation {conversation_id[:128]!r}")
    return found


def gap_encoder(request: Request, service: Service) -> TextEncoder:
    """The service's sentence encoder with a memory of the gap questions (one per app and service):
    each stored question is encoded once, not again on every report."""
    encoder: QueryVectorCache | None = getattr(request.app.state, "gap_encoder", None)
    if encoder is None or encoder.inner is not service.reader.encoder:
        encoder = QueryVectorCache(service.reader.encoder, max_items=MAX_GAP_QUESTIONS)
        request.app.state.gap_encoder = encoder
    return encoder


GapEncoder = Annotated[TextEncoder, Depends(gap_encoder)]


@router.get("/gaps", response_model=GapReport)
async def gaps(service: Service, encoder: GapEncoder) -> GapReport:
    """Questions the guide failed, grouped by meaning, the most recently seen group first."""
    groups = await asyncio.to_thread(gap_groups, service, encoder)
    return GapReport(generated_at=datetime.now(UTC), groups=groups)


@router.get("/gaps.csv", response_class=Response)
async def gaps_export(service: Service, encoder: GapEncoder) -> Response:
    """The coverage gaps as CSV, one row per group."""
    return _csv(gaps_csv(await asyncio.to_thread(gap_groups, service, encoder)), "coverage-gaps.csv")


def gap_groups(service: AnswerService, encoder: TextEncoder) -> list[GapGroup]:
    """The gap questions in the log, grouped by their sentence vectors."""
    return group_gaps(_log(service).gap_questions(), encoder)


def _log(service: AnswerService) -> ConversationLog:
    return ConversationLog(service.conversations.engine)


def _csv(text: str, filename: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)
