"""Slowing down guessing: failed authentication counted per address and per claimed name.

``FailureLimiter`` is the seam: the API and the console only call ``wait`` before checking a credential
and ``failed`` after a wrong one. ``InMemoryFailureLimiter`` counts in this process, so N API processes
would allow N times the budget; ``RedisFailureLimiter`` counts in the broker's Redis, one budget for every
process and host. ``failure_limiter(settings, clock)`` picks one.

A blocked subject is refused before its credential is checked: answering a right key while blocked would
let a guesser keep going at full speed and recognise the hit.
"""

from __future__ import annotations

import logging
import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Protocol

import redis

from config.settings import Settings
from store.shared import KEY_PREFIX, ThrottledWarning, shared_redis

log = logging.getLogger(__name__)


class FailureLimiter(Protocol):
    def wait(self, subjects: Iterable[str]) -> int | None:
        """Seconds until every subject may try again, or None when none is blocked."""

    def failed(self, subjects: Iterable[str]) -> int | None:
        """Count one failure against each subject; the wait if that blocked any of them."""


class InMemoryFailureLimiter:
    """Sliding window: at most ``limit(subject)`` failures per ``window`` seconds per subject.

    Subjects are strings with a kind prefix (``addr:10.0.0.7``, ``name:dana reyes``); ``limits`` maps a
    kind to its budget, and a budget of 0 turns that kind off.
    """

    MAX_SUBJECTS = 100_000  # a flood of invented names cannot grow memory without bound

    def __init__(
        self, limits: dict[str, int], window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limits, self._window, self._clock = limits, window, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _limit(self, subject: str) -> int:
        return self._limits.get(subject.split(":", 1)[0], 0)

    def _wait_for(self, subject: str, now: float) -> int | None:
        limit = self._limit(subject)
        times = self._failures.get(subject)
        if limit <= 0 or not times:
            return None
        while times and times[0] <= now - self._window:
            times.popleft()
        if len(times) < limit:
            return None
        return max(1, math.ceil(times[0] + self._window - now))

    def wait(self, subjects: Iterable[str]) -> int | None:
        now = self._clock()
        with self._lock:
            waits = [w for s in subjects if (w := self._wait_for(s, now)) is not None]
        return max(waits) if waits else None

    def failed(self, subjects: Iterable[str]) -> int | None:
        now = self._clock()
        chosen = [s for s in subjects if self._limit(s) > 0]
        with self._lock:
            if len(self._failures) > self.MAX_SUBJECTS:
                self._failures.clear()  # rare; forgetting old failures beats running out of memory
            for subject in chosen:
                self._failures.setdefault(subject, deque()).append(now)
            waits = [w for s in chosen if (w := self._wait_for(s, now)) is not None]
        return max(waits) if waits else None


class RedisFailureLimiter:
    """The same sliding window as ``InMemoryFailureLimiter``, one sorted set per subject in Redis
    (member: one failure, score: its time), trimmed to the window on every call and expiring with it.

    A sliding window here (not the fixed window of the request rate): failures are rare and budgets
    small (tens per five minutes), so the set stays tiny, and a fixed window would let a guesser make
    twice the budget across a boundary.

    When Redis cannot be reached, this process's own ``InMemoryFailureLimiter`` takes over (with a
    throttled warning): neither failing closed (which would lock every responder and agent out of
    acknowledging while Redis is down) nor failing wide open (which would let a guesser run at full
    speed during an outage); each process keeps the budget it had before limits were shared.
    """

    def __init__(
        self,
        client: redis.Redis,
        limits: dict[str, int],
        window: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client, self._limits, self._window, self._clock = client, limits, window, clock
        self.fallback = InMemoryFailureLimiter(limits, window)
        self._warn = ThrottledWarning(
            log, "failed-authentication store unreachable; limiting in this process only"
        )

    def _limit(self, subject: str) -> int:
        return self._limits.get(subject.split(":", 1)[0], 0)

    @staticmethod
    def _key(subject: str) -> str:
        return f"{KEY_PREFIX}authfail:{subject}"

    def _waits(self, subjects: list[str], now: float, record: bool) -> int | None:
        pipe = self.client.pipeline(transaction=True)
        for subject in subjects:
            key = self._key(subject)
            if record:
                pipe.zadd(key, {f"{now!r}:{uuid.uuid4().hex[:8]}": now})
                pipe.expire(key, math.ceil(self._window) + 1)
            pipe.zremrangebyscore(key, "-inf", now - self._window)
            pipe.zrange(key, 0, -1, withscores=True)
        results = pipe.execute()
        per_subject = len(results) // len(subjects)
        waits = []
        for index, subject in enumerate(subjects):
            times = sorted(score for _member, score in results[(index + 1) * per_subject - 1])
            limit = self._limit(subject)
            if len(times) >= limit:
                # Free again when enough failures have left the window to go under the budget.
                waits.append(max(1, math.ceil(times[len(times) - limit] + self._window - now)))
        return max(waits) if waits else None

    def wait(self, subjects: Iterable[str]) -> int | None:
        chosen = [s for s in subjects if self._limit(s) > 0]
        if not chosen:
            return None
        try:
            return self._waits(chosen, self._clock(), record=False)
        except redis.RedisError as error:
            self._warn(error)
            return self.fallback.wait(chosen)

    def failed(self, subjects: Iterable[str]) -> int | None:
        chosen = [s for s in subjects if self._limit(s) > 0]
        if not chosen:
            return None
        self.fallback.failed(chosen)  # kept warm, so an outage does not start every budget from zero
        try:
            return self._waits(chosen, self._clock(), record=True)
        except redis.RedisError as error:
            self._warn(error)
            return self.fallback.wait(chosen)


def failure_limiter(settings: Settings, clock: Callable[[], datetime]) -> FailureLimiter:
    limits = {"addr": settings.auth_failures_per_address, "name": settings.auth_failures_per_name}
    window = settings.auth_failure_window_seconds
    client = shared_redis(settings.broker_url)
    if client is None:
        return InMemoryFailureLimiter(limits, window)
    return RedisFailureLimiter(client, limits, window, lambda: clock().timestamp())


def address_subject(address: str) -> str:
    return f"addr:{address}"


def name_subject(name: str) -> str:
    """Case and spacing do not make a new name: "dana  REYES" counts against "Dana Reyes"."""
    return "name:" + " ".join(name.split()).casefold()
