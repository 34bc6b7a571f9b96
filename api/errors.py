"""One error shape for every refusal: ``{"error": "<code>", "detail": ...}``.

Validation errors never echo the input back: a rejected message's text stays out of responses and logs.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.logs import request_id_var

log = logging.getLogger(__name__)


class ErrorBody(BaseModel):
    error: str
    detail: Any = None


class ApiError(Exception):
    """Raised by routes and dependencies; rendered as ``ErrorBody`` with ``status``."""

    def __init__(
        self, status: int, error: str, detail: Any = None, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(error)
        self.status, self.error, self.detail = status, error, detail
        self.headers = dict(headers or {})


def error_response(
    status: int, error: str, detail: Any = None, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"error": error, "detail": detail}, headers=dict(headers or {})
    )


def _code_for(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.error, exc.detail, exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # loc, msg and type only: pydantic's "input" would echo the customer's words back.
    problems = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    log.info("request refused", extra={"error": "invalid_request", "problems": [p["type"] for p in problems]})
    return error_response(422, "invalid_request", problems)


async def http_error_json(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(exc.status_code, _code_for(exc.status_code), exc.detail, exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # The frames, not the exception's text: a database error can quote the message it tried to store.
    log.error(
        "unhandled error",
        extra={
            "error_type": type(exc).__name__,
            "traceback": "".join(traceback.format_tb(exc.__traceback__)),
        },
    )
    return error_response(500, "internal_error", {"request_id": request_id_var.get()})


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error_json)
    app.add_exception_handler(Exception, _unexpected)


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for the error statuses a route can return."""
    return {status: {"model": ErrorBody, "description": HTTPStatus(status).phrase} for status in statuses}
