"""One JSON error shape for every non-2xx response: {"error": {"code": ..., "message": ...}}."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.contract import ErrorBody, ErrorResponse

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "not_ready",
}


class ApiError(Exception):
    """An error a handler raises on purpose; rendered as the contract's error JSON."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The contract's error JSON with this status."""
    body = ErrorResponse(error=ErrorBody(code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def describe_validation(errors: Sequence[Any]) -> str:
    """A message that names each offending field, e.g. 'employees: Input should be ... 1'."""
    parts = [_describe_one(err) for err in errors]
    return "; ".join(parts) or "the request is not valid"


def _describe_one(err: Any) -> str:
    loc = [str(p) for p in err.get("loc", ()) if p != "body"]
    kind = err.get("type", "")
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    if kind == "json_invalid":
        return f"body: not valid JSON ({err.get('ctx', {}).get('error', msg)})"
    if not loc or loc[0].isdigit():
        if kind in ("missing", "model_attributes_type", "dict_type", "model_type"):
            return "body: must be a JSON object (sent with Content-Type: application/json)"
        return f"body: {msg}"
    return f"{'.'.join(loc)}: {msg}"


async def _on_api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.headers)


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "invalid_request", describe_validation(exc.errors()))


async def _on_http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODES.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))


async def _on_crash(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path[:80], exc_info=exc)
    return error_response(500, "internal_error", "the server hit an unexpected error")


def install_error_handlers(app: FastAPI) -> None:
    """Route every error FastAPI or a handler can raise to the one JSON shape."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_crash)
