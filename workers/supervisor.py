"""Keeps `stayline worker`'s Celery worker running.

Celery ends a worker on an "unrecoverable error", and a broker restart can raise one from inside kombu's
Redis transport: closing a lost connection restores unacknowledged messages through a channel whose
connection is already gone, and that raises AttributeError("'NoneType' object has no attribute
'hostname'"), which Celery does not count as a connection error (the chaos run's Redis restart,
2026-12-01). Whether it happens depends on whether the worker held an unacknowledged message at that
instant, so it cannot be ruled out by configuration. A worker that exits leaves the crisis queue unserved
until something starts it again; this module is that something, in the process itself, so a deployment
without systemd or Kubernetes restarts is covered too.

The Celery worker runs in a forked child (the parent holds no threads, so forking is safe, and whatever
the parent imported or patched is inherited). A stop signal to the parent is passed to the child and ends
both; SIGHUP to the parent restarts the child (a warm shutdown, then a new one), as Celery's own SIGHUP
restart would; any other exit of the child is logged as an error and the child is started again, after a
delay that doubles while the child keeps failing quickly.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from types import FrameType

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)


def supervise(
    run: Callable[[], None],
    *,
    first_delay: float = 1.0,
    longest_delay: float = 30.0,
    healthy_after: float = 60.0,
) -> int:
    """Run ``run`` in a child process until this process gets a stop signal; returns the exit code.

    ``healthy_after``: a child that ran this long before exiting restarts after ``first_delay`` again."""
    context = multiprocessing.get_context("fork")
    stopping: list[int] = []  # the stop signal received, if any
    child: multiprocessing.process.BaseProcess | None = None

    restarting: list[int] = []  # SIGHUP received: the child's exit is a restart, not a failure

    def signal_child(signum: int) -> None:
        if child is not None and child.pid is not None and child.exitcode is None:
            os.kill(child.pid, signum)

    def pass_on(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)
        signal_child(signum)

    def restart(_signum: int, _frame: FrameType | None) -> None:
        restarting.append(1)
        signal_child(signal.SIGTERM)

    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, pass_on)
    signal.signal(signal.SIGHUP, restart)

    delay = first_delay
    while True:
        child = context.Process(target=_in_child, args=(run,), name="celery-worker")
        started = time.monotonic()
        child.start()
        child.join()
        if stopping:
            return max(child.exitcode or 0, 0)
        if restarting:
            restarting.clear()
            log.info("the Celery worker is restarting (SIGHUP)")
            delay = first_delay
            continue
        ran_for = time.monotonic() - started
        if ran_for >= healthy_after:
            delay = first_delay
        log.error(
            "the Celery worker stopped by itself (exit code %s after %.0f s); starting it again in %.0f s",
            child.exitcode,
            ran_for,
            delay,
        )
        if _sleep_unless_stopped(delay, stopping):
            return 0
        delay = min(delay * 2, longest_delay)


def _in_child(run: Callable[[], None]) -> None:
    # The parent's handlers pass signals on to a child; in the child they would do nothing useful. Celery
    # installs its own once it starts; until then a stop signal simply ends the child.
    for parent_signal in (*STOP_SIGNALS, signal.SIGHUP):
        signal.signal(parent_signal, signal.SIG_DFL)
    run()


def _sleep_unless_stopped(seconds: float, stopping: list[int]) -> bool:
    deadline = time.monotonic() + seconds
    while not stopping and time.monotonic() < deadline:
        time.sleep(min(0.1, seconds))
    return bool(stopping)
