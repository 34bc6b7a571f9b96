"""What every route shares: the runtime (with a dispatcher that never fails a request), keys, limiters."""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from fastapi import Request

from api.auth_limits import FailureLimiter
from api.limits import CallerLimiter
from api.live import EventHub
from workers.runtime import Dispatcher, Runtime

if TYPE_CHECKING:
    from api.auth import KeyRing

log = logging.getLogger(__name__)

TWILIO_TOKEN_ENV = "STAYLINE_TWILIO_AUTH_TOKEN"


class LoggingDispatcher:
    """Hands work on and swallows hand-over failures: by then the work is committed, and the sweep
    scans unscanned messages and sends due pages, so a broker outage delays work but never loses it."""

    def __init__(self, inner: Dispatcher) -> None:
        self.inner = inner

    def scan(self, message_id: str, urgent: bool = False) -> None:
        try:
            self.inner.scan(message_id, urgent)
        except Exception as error:
            log.warning(
                "scan hand-over failed; the sweep will scan it",
                extra={"message_id": message_id, "error_type": type(error).__name__},
            )

    def send_page(self, page_id: int) -> None:
        try:
            self.inner.send_page(page_id)
        except Exception as error:
            log.warning(
                "page hand-over failed; the sweep will send it",
                extra={"page_id": page_id, "error_type": type(error).__name__},
            )


def api_runtime(runtime: Runtime) -> Runtime:
    """The same runtime (settings, detector, config) seen through a ``LoggingDispatcher``."""
    view = copy.copy(runtime)
    view.dispatcher = LoggingDispatcher(runtime.dispatcher)
    return view


def twilio_token_from_env() -> str | None:
    return os.environ.get(TWILIO_TOKEN_ENV) or None


@dataclass
class ApiContext:
    runtime: Runtime
    keys: KeyRing
    limiter: CallerLimiter  # requests per key a minute
    auth_failures: FailureLimiter  # wrong keys and refused sign-ins, per address and per claimed name
    events: EventHub  # this process's one reader of new audit rows, shared by every open event stream
    twilio_token: Callable[[], str | None] = field(default=twilio_token_from_env)
    console_secret: bytes = b""  # signs console sessions (api.console.session)
    # A stream ends after this long and the browser's EventSource reconnects with Last-Event-ID: no
    # stream outlives a deploy by more than this, and a server shutdown never waits on one for long.
    sse_max_seconds: float = 300.0


def context(request: Request) -> ApiContext:
    return cast(ApiContext, request.app.state.context)


def runtime_of(request: Request) -> Runtime:
    return context(request).runtime
