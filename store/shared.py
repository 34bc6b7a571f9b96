"""The shared store for state several processes must agree on (rate limits, metric counters): the
broker's Redis when ``STAYLINE_BROKER_URL`` is ``redis://`` or ``rediss://``, else nothing (in memory).

Calls on this client have short timeouts: a slow or absent Redis must cost a request a fraction of a
second, never hold it. Callers decide what an outage means for them (see ``api.limits``).
"""

from __future__ import annotations

import logging
import threading
import time

import redis

KEY_PREFIX = "stayline:"  # every key this service writes, beside Celery's own in the same database
TIMEOUT_SECONDS = 0.25


def shared_redis(broker_url: str) -> redis.Redis | None:
    if not broker_url.startswith(("redis://", "rediss://")):
        return None
    return redis.Redis.from_url(
        broker_url,
        socket_timeout=TIMEOUT_SECONDS,
        socket_connect_timeout=TIMEOUT_SECONDS,
        health_check_interval=30,
    )


class ThrottledWarning:
    """A warning logged at most once per ``every`` seconds: an outage under load must not flood the log."""

    def __init__(self, logger: logging.Logger, message: str, every: float = 30.0) -> None:
        self.logger, self.message, self.every = logger, message, every
        self._last = -float("inf")
        self._lock = threading.Lock()

    def __call__(self, error: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last < self.every:
                return
            self._last = now
        self.logger.warning(self.message, extra={"error_type": type(error).__name__})
