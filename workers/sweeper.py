"""Timers run while any worker is alive: every worker (and the embedded server) runs a sweeper thread, and
a lease in the database lets one of them at a time run each job. Beat is no longer needed for escalation.

The time of the last completed sweep is kept in the lease row, so every API process can tell when the
sweep is late: ``/readyz`` reports it and the watchdog raises a console alarm.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from store import leases
from workers.canary import raise_watchdog_alarm
from workers.coverage import check_channels
from workers.pruning import prune_expired
from workers.retention import purge_expired
from workers.runtime import Runtime
from workers.sweep import check_rota, sweep

log = logging.getLogger(__name__)

SWEEP, ROTA, RETENTION, CHANNELS, PRUNE = "sweep", "rota", "retention", "channels", "prune"
ROTA_EVERY_SECONDS = 300.0
CHANNELS_EVERY_SECONDS = 60.0  # silence thresholds are minutes
RETENTION_EVERY_SECONDS = 24 * 3600.0  # due again after half of it: about twice a day
PRUNE_EVERY_SECONDS = 2 * 24 * 3600.0  # due again after half of it: at most daily
# A worker killed mid-sweep blocks the sweep this long, so it is short: five default rounds. A sweep that
# runs longer lets a second one start beside it, which is harmless (due rows are locked or claimed, and
# pages carry idempotency keys); it only wastes work.
LEASE_SECONDS = 10.0
# Pruning deletes in many short batches and may take minutes on a large database: its lease is held long
# enough that a second worker does not start beside it (harmless, but wasted); a killed pruner delays the
# next (daily) prune by this much.
PRUNE_LEASE_SECONDS = 1800.0


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[Runtime], object]
    every_seconds: float
    lease_seconds: float = LEASE_SECONDS


def jobs_for(runtime: Runtime) -> tuple[Job, ...]:
    jobs = (
        Job(SWEEP, sweep, runtime.settings.sweep_seconds),
        Job(ROTA, check_rota, ROTA_EVERY_SECONDS),
        Job(RETENTION, purge_expired, RETENTION_EVERY_SECONDS),
        Job(CHANNELS, check_channels, CHANNELS_EVERY_SECONDS),
    )
    settings = runtime.settings
    if settings.prune_messages_after_days is None and settings.prune_audit_after_days is None:
        return jobs  # pruning is off (the default): no job, no lease row
    return (*jobs, Job(PRUNE, prune_expired, PRUNE_EVERY_SECONDS, PRUNE_LEASE_SECONDS))


def clock_span(runtime: Runtime, real_seconds: float) -> timedelta:
    """Settings give real seconds; leases and timestamps use the runtime's clock, which drills and tests
    run faster (clock_speedup from clock_epoch)."""
    speed = runtime.settings.clock_speedup if runtime.settings.clock_epoch is not None else 1.0
    return timedelta(seconds=real_seconds * speed)


def run_job(runtime: Runtime, job: Job, holder: str) -> bool:
    """Run ``job`` if it is due and no one else is running it. True if it ran (and completed)."""
    now = runtime.clock()
    # Due again after half its interval: sweepers wake on their own timers, and waiting a full interval
    # after another's run would let a little jitter skip a round.
    every = clock_span(runtime, job.every_seconds / 2)
    if not leases.take(runtime.url, job.name, holder, now, clock_span(runtime, job.lease_seconds), every):
        return False
    completed: datetime | None = None
    try:
        job.run(runtime)
        completed = now  # the start: everything due at `now` has been handed over
    finally:
        leases.give_back(runtime.url, job.name, holder, completed)
    return True


class Sweeper(threading.Thread):
    """Wakes every ``every_seconds`` and runs whichever job is due and free."""

    def __init__(self, runtime: Runtime, every_seconds: float) -> None:
        super().__init__(name="sweep", daemon=True)
        self.runtime, self.every = runtime, every_seconds
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid4().hex[:8]}"
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            self.run_once()

    def run_once(self) -> list[str]:
        ran = []
        for job in jobs_for(self.runtime):
            try:
                if run_job(self.runtime, job, self.holder):
                    ran.append(job.name)
            except Exception:
                log.exception("%s failed; trying again next round", job.name)
        return ran

    def stop(self) -> None:
        self.stopped.set()


def sweep_age(runtime: Runtime) -> float | None:
    """Real seconds since the last completed sweep; None if none has completed yet."""
    last = leases.last_run(runtime.url, SWEEP)
    if last is None:
        return None
    return (runtime.clock() - last) / clock_span(runtime, 1.0)


def sweep_status(runtime: Runtime) -> tuple[str, float | None]:
    """("ok" | "late" | "not yet run", age in seconds) for readiness."""
    age = sweep_age(runtime)
    if age is None:
        return "not yet run", None
    return ("late" if age > runtime.settings.sweep_late_seconds else "ok"), age


def check_sweep(runtime: Runtime, started_at: datetime) -> bool:
    """Alarm the operations console (once per stall) when no sweep has completed for too long: escalation
    timers are not running. Counted from ``started_at`` when none has ever run. True if on time."""
    now = runtime.clock()
    last = leases.last_run(runtime.url, SWEEP) or started_at
    if now - last <= clock_span(runtime, runtime.settings.sweep_late_seconds):
        return True
    key = f"sweep/late/{last.isoformat()}"
    if raise_watchdog_alarm(runtime, key, "sweep", "sweep late", now, last_sweep=last.isoformat()):
        log.error(
            "escalation sweep late: none completed since %s; are any workers running?", last.isoformat()
        )
    return False
