"""POST /api/chat and POST /api/recommend: validate, call the service, return contract JSON."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from bot.api.loader import get_service
from bot.contract import ChatRequest, ChatResponse, ErrorResponse, Profile, Recommendation
from bot.service import AnswerService

Service = Annotated[AnswerService, Depends(get_service)]

_ERRORS = {422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}

router = APIRouter(prefix="/api", responses=_ERRORS)  # type: ignore[arg-type]


@router.post("/chat", response_model=ChatResponse)
async def chat(request: ChatRequest, service: Service, http: Request) -> ChatResponse:
    """One chat turn answered from the guide, with verified citations."""
    # Answers run one at a time per worker, first come first served: CPU-bound turns sharing threads
    # only slow each other down and starve some requests (a long latency tail).
    turn = partial(
        service.answer,
        message=request.message,
        conversation_id=request.conversation_id,
        channel=request.channel,
    )
    return await asyncio.get_running_loop().run_in_executor(http.app.state.answer_pool, turn)


@router.post("/recommend", response_model=Recommendation)
def recommend(profile: Profile, service: Service) -> Recommendation:
    """The rules table's recommendation for a company profile."""
    return service.recommend(profile)
