"""Structured JSON logs with a correlation id per request (``X-Request-ID`` in and out).

Nothing here logs message text: routes pass ids and levels as ``extra`` fields, never the words.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config.logs import JsonFormatter, configure_logging, request_id_var

__all__ = [
    "JsonFormatter",
    "RequestContextMiddleware",
    "configure_logging",
    "loggable_path",
    "request_id_var",
]

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
access_log = logging.getLogger("stayline.api.access")


def loggable_path(path: str) -> str:
    """The request path with capabilities cut out: an acknowledgement link's token is a secret."""
    return "/r/<token>" if path.startswith("/r/") else path


class RequestContextMiddleware:
    """Sets the request id (the caller's ``X-Request-ID`` when well formed, else a new one), echoes it
    on the response and writes one access line per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            access_log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": loggable_path(scope["path"]),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            request_id_var.reset(token)
