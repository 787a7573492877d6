"""POST /api/feedback: a thumbs up or down (and an optional comment) on one answer, kept in the SQL store."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from bot.api.errors import ApiError
from bot.api.loader import get_service
from bot.contract import ErrorResponse, FeedbackRequest
from bot.service import AnswerService
from bot.storage.feedback import UnknownTurn

_ERRORS = {404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}

router = APIRouter(prefix="/api", responses=_ERRORS)  # type: ignore[arg-type]

Service = Annotated[AnswerService, Depends(get_service)]


@router.post("/feedback")
def feedback(request: FeedbackRequest, service: Service) -> dict[str, str]:
    """Store the rating of the turn `message_index` of the conversation (a later rating replaces it)."""
    try:
        service.rate(request, channel="web")
    except UnknownTurn as exc:
        raise ApiError(404, "not_found", str(exc)) from None
    return {"status": "stored"}
