"""The sweep every worker offers to run: one at a time by a lease row, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from config.settings import Settings
from escalation.engine import Signal
from escalation.model import Level
from store import leases
from store.db import session_scope
from store.models import PageRow
from workers.incidents import open_or_raise_incident
from workers.runtime import Runtime
from workers.sweep import sweep
from workers.sweeper import SWEEP, Job, Sweeper, run_job

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
HOLD, EVERY = timedelta(seconds=60), timedelta(seconds=1)


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Handovers:
    """A dispatcher that records what the sweep handed over (thread-safe: two sweepers share it)."""

    pages: list[int] = field(default_factory=list)
    scans: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def scan(self, message_id: str) -> None:
        with self.lock:
            self.scans.append(message_id)

    def send_page(self, page_id: int) -> None:
        with self.lock:
            self.pages.append(page_id)


def runtime_for(url: str, clock: Clock) -> Runtime:
    return Runtime(Settings(database_url=url), Handovers(), clock)


def at_once(*calls: object) -> list[object]:
    """Run the callables on threads released together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: object) -> None:
        barrier.wait()
        results[index] = call()  # type: ignore[operator]

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_one_holder_at_a_time_and_a_dead_holder_only_until_expiry(database_url: str) -> None:
    assert leases.take(database_url, "job", "a", T0, HOLD, EVERY)
    assert not leases.take(database_url, "job", "b", T0 + timedelta(seconds=59), HOLD, EVERY)
    # "a" died without giving the lease back: once it expires, another takes over.
    assert leases.take(database_url, "job", "b", T0 + timedelta(seconds=60), HOLD, EVERY)
    leases.give_back(database_url, "job", "a", T0)  # a stale holder's late word changes nothing
    assert leases.last_run(database_url, "job") is None
    leases.give_back(database_url, "job", "b", T0 + timedelta(seconds=60))
    assert leases.last_run(database_url, "job") == T0 + timedelta(seconds=60)
    # Just run: not due again within `every`, whoever asks.
    assert not leases.take(database_url, "job", "c", T0 + timedelta(seconds=60.5), HOLD, EVERY)
    assert leases.take(database_url, "job", "c", T0 + timedelta(seconds=61), HOLD, EVERY)


def test_two_sweepers_at_the_same_moment_run_the_job_once(database_url: str) -> None:
    runtime = runtime_for(database_url, Clock())
    runs: list[str] = []

    def slow_job(_: Runtime) -> None:
        runs.append(threading.current_thread().name)
        time.sleep(0.3)  # still running when the other sweeper asks

    job = Job("slow", slow_job, every_seconds=2.0)
    ran = at_once(lambda: run_job(runtime, job, "worker-1"), lambda: run_job(runtime, job, "worker-2"))

    assert sorted(ran) == [False, True]  # type: ignore[type-var]
    assert len(runs) == 1
    assert leases.last_run(database_url, "slow") == T0


def test_two_sweepers_do_not_double_page_an_escalation(database_url: str) -> None:
    clock = Clock()
    first, second = runtime_for(database_url, clock), runtime_for(database_url, clock)
    signal = Signal("conv-sweep", Level.HIGH, "suicide", "chat", "default", T0)
    with session_scope(database_url) as session:
        open_or_raise_incident(session, signal, first.config, T0)
    tier_one = set(page_ids(database_url))
    clock.now = T0 + timedelta(hours=1)  # every wait of the chain is over: the sweep must escalate

    ran = at_once(Sweeper(first, 1.0).run_once, Sweeper(second, 1.0).run_once)

    assert sorted(SWEEP in names for names in ran) == [False, True]  # type: ignore[operator]
    escalated = set(page_ids(database_url)) - tier_one
    assert escalated  # the chain moved on
    handed = [*first.dispatcher.pages, *second.dispatcher.pages]  # type: ignore[attr-defined]
    assert [page for page, times in Counter(handed).items() if times > 1] == []
    assert escalated <= set(handed)


def page_ids(url: str) -> list[int]:
    with session_scope(url) as session:
        return [p.id for p in session.exec(select(PageRow)).all() if p.id is not None]


def test_the_sweep_hands_escalation_pages_over_before_guidance_and_when_guidance_fails(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    runtime = runtime_for(database_url, clock)
    with session_scope(database_url) as session:
        open_or_raise_incident(
            session, Signal("conv-g", Level.HIGH, "suicide", "chat", "default", T0), runtime.config, T0
        )
    tier_one = set(page_ids(database_url))
    clock.now = T0 + timedelta(hours=1)
    handed_when_guidance_ran: list[int] = []

    def broken_guidance(rt: Runtime) -> int:
        handed_when_guidance_ran.extend(rt.dispatcher.pages)  # type: ignore[attr-defined]
        raise RuntimeError("guidance broke")

    monkeypatch.setattr("workers.sweep.tick_guidance", broken_guidance)
    report = sweep(runtime)

    escalated = set(page_ids(database_url)) - tier_one
    assert escalated and report.pages >= len(escalated)
    assert escalated <= set(handed_when_guidance_ran)  # handed over before guidance was ticked
    assert escalated <= set(runtime.dispatcher.pages)  # type: ignore[attr-defined]
