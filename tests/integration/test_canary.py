"""The canary: a synthetic test conversation goes through the pipeline and never pages a human; a stalled
pipeline alarms the operations console from the serving process."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from config.settings import Settings
from escalation.model import Channel
from escalation.notifiers.console import ConsoleNotifier
from store.db import session_scope
from store.models import IncidentRow, PageRow
from workers.canary import canary_age, check_canary, send_canary
from workers.messages import scan_message
from workers.runtime import Runtime


@dataclass
class RecordingDispatch:
    scans: list[str] = field(default_factory=list)

    def scan(self, message_id: str) -> None:
        self.scans.append(message_id)

    def send_page(self, page_id: int) -> None:
        raise AssertionError("a canary must never page anyone")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_the_canary_goes_through_and_pages_nobody(database_url: str) -> None:
    clock, dispatch = Clock(), RecordingDispatch()
    runtime = Runtime(settings=Settings(database_url=database_url), dispatcher=dispatch, clock=clock)
    assert canary_age(runtime) is None
    send_canary(runtime)
    clock.now += timedelta(seconds=2)
    assert scan_message(runtime, dispatch.scans[0]) == []
    assert canary_age(runtime) == 0.0
    with session_scope(database_url) as session:
        assert session.exec(select(IncidentRow)).all() == []


def test_a_stalled_pipeline_alarms_once(database_url: str) -> None:
    clock, out = Clock(), io.StringIO()
    runtime = Runtime(settings=Settings(database_url=database_url, canary_seconds=60), clock=clock)
    runtime.__dict__["notifiers"] = {Channel.CONSOLE: ConsoleNotifier(out)}
    started = clock.now
    assert check_canary(runtime, started)
    clock.now += timedelta(seconds=181)  # three rounds without a canary
    assert not check_canary(runtime, started)
    assert not check_canary(runtime, started)
    assert out.getvalue().count("ALARM") == 1
    with session_scope(database_url) as session:
        assert [p.idempotency_key.split("/")[1] for p in session.exec(select(PageRow)).all()] == ["stalled"]
