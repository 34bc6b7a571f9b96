"""Slowing down guessing: failed authentication counted per address and per claimed name.

``FailureLimiter`` is the seam: the API and the console only call ``wait`` before checking a credential
and ``failed`` after a wrong one. ``InMemoryFailureLimiter`` counts in this process, so N API processes
allow N times the budget; a shared store (Redis) can implement the same two methods later.

A blocked subject is refused before its credential is checked: answering a right key while blocked would
let a guesser keep going at full speed and recognise the hit.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Protocol


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


def address_subject(address: str) -> str:
    return f"addr:{address}"


def name_subject(name: str) -> str:
    """Case and spacing do not make a new name: "dana  REYES" counts against "Dana Reyes"."""
    return "name:" + " ".join(name.split()).casefold()
