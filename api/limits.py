"""Request limits: body size (checked on Content-Length and on the bytes actually received) and a rate
per API key: ``per_minute`` requests a minute.

The rate is kept in Redis when a broker is configured (``RedisRateLimiter``), so every API process and
host counts against one limit and a restart does not forget it; in this process's memory otherwise
(``RateLimiter``, a token bucket). ``rate_limiter(settings, clock)`` picks one."""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import redis
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config.settings import Settings
from store.shared import KEY_PREFIX, ThrottledWarning, shared_redis

log = logging.getLogger(__name__)


async def _refuse(send: Send, status: int, error: str, detail: object) -> None:
    body = json.dumps({"error": error, "detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Refuses bodies over ``max_bytes`` with 413 before any route reads them.

    A declared Content-Length over the limit is refused without reading; a body sent without one (or
    longer than it claims) is counted as it arrives. Accepted bodies are replayed to the app unchanged.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, per_path: Mapping[str, int] | None = None) -> None:
        self.app, self.max_bytes = app, max_bytes
        self.per_path = dict(per_path or {})  # paths with a limit of their own (the batch door)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.per_path.get(scope.get("path", ""), self.max_bytes)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _refuse(send, 400, "bad_content_length", "Content-Length is not a number")
                return
            if int(declared) > limit:
                await _refuse(
                    send, 413, "body_too_large", self._reason(f"Content-Length {int(declared)}", limit)
                )
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)  # a disconnect: pass it on
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _refuse(
                    send, 413, "body_too_large", self._reason(f"body of more than {size} bytes", limit)
                )
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([body], receive), send)

    @staticmethod
    def _reason(what: str, limit: int) -> dict[str, object]:
        return {"reason": f"{what} exceeds the limit of {limit} bytes", "limit_bytes": limit}


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


@dataclass
class _Bucket:
    tokens: float
    updated: float


class CallerLimiter(Protocol):
    def check(self, caller: str) -> int | None:
        """None when ``caller`` may go ahead (and counts the request), else the seconds to wait."""


class RateLimiter:
    """In this process: per-caller token buckets. ``check`` gives None when allowed, else the wait."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute, self._clock = per_minute, clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def check(self, caller: str) -> int | None:
        if self.per_minute <= 0:
            return None  # 0 turns the limit off
        rate = self.per_minute / 60.0
        now = self._clock()
        with self._lock:
            bucket = self._buckets.setdefault(caller, _Bucket(float(self.per_minute), now))
            bucket.tokens = min(float(self.per_minute), bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return None
            return max(1, math.ceil((1.0 - bucket.tokens) / rate))


class RedisRateLimiter:
    """One limit for every process sharing the Redis: a fixed window per caller and minute.

    Why a fixed window: one ``INCR`` and one ``EXPIRE`` in a MULTI pipeline per request is one round
    trip, atomic, O(1) in memory per caller and correct under any number of concurrent processes. Its
    known cost is that a caller can get up to twice ``per_minute`` across a window boundary (the end of
    one minute and the start of the next). For a limit that exists to stop a runaway integration, not to
    meter billing, that is an acceptable trade for the sliding-window alternative (a sorted set holding
    one member per request: ``per_minute`` members per caller, 6,000 by default).

    The window is numbered from ``clock`` (wall time; hosts are assumed NTP-synchronised: skew only
    shifts where a window starts). When Redis cannot be reached the request is allowed (fail open, with a
    throttled warning): the limit guards capacity, and refusing a crisis message because the limiter is
    down would be the worse failure.
    """

    WINDOW_SECONDS = 60

    def __init__(self, client: redis.Redis, per_minute: int, clock: Callable[[], float] = time.time) -> None:
        self.client, self.per_minute, self._clock = client, per_minute, clock
        self._warn = ThrottledWarning(log, "rate limit store unreachable; requests are not being limited")

    def check(self, caller: str) -> int | None:
        if self.per_minute <= 0:
            return None
        now = self._clock()
        window = int(now // self.WINDOW_SECONDS)
        key = f"{KEY_PREFIX}rate:{caller}:{window}"
        try:
            pipe = self.client.pipeline(transaction=True)
            pipe.incr(key)
            pipe.expire(key, self.WINDOW_SECONDS * 2)  # outlives its window; never left behind
            count = int(pipe.execute()[0])
        except redis.RedisError as error:
            self._warn(error)
            return None
        if count <= self.per_minute:
            return None
        return max(1, math.ceil((window + 1) * self.WINDOW_SECONDS - now))


def rate_limiter(settings: Settings, clock: Callable[[], datetime]) -> CallerLimiter:
    """Shared in Redis when the broker is Redis, else this process's token buckets."""
    client = shared_redis(settings.broker_url)
    if client is None:
        return RateLimiter(settings.rate_per_minute)
    return RedisRateLimiter(client, settings.rate_per_minute, lambda: clock().timestamp())
