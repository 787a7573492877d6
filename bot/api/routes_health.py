"""GET /healthz (process is up) and GET /readyz (model and index are loaded)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.api.errors import error_response

router = APIRouter()


@router.get("/healthz")
@router.head("/healthz", include_in_schema=False)
def healthz() -> dict[str, str]:
    """Always 200 while the process serves requests; touches nothing."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None)
@router.head("/readyz", response_model=None, include_in_schema=False)
async def readyz(request: Request) -> JSONResponse | dict[str, str]:
    """200 once the service is loaded, else 503 with the reason."""
    loader = request.app.state.loader
    if loader.service is None:
        return error_response(503, "not_ready", loader.reason, {"Retry-After": "5"})
    return {"status": "ready"}
