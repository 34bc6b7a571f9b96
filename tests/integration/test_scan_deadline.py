"""Poison messages: a scan that hangs is abandoned at its deadline and the message assessed by the keyword
fallback; a message whose scans keep failing is quarantined and alarmed; neither holds up the others.
Crisis-looking messages are assessed together in one fork, and one of them that hangs is the only one
degraded. Real detector, real fork, real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from sqlmodel import select

from config.settings import Settings
from detector import Assessment, ConversationState, Detector, RiskLevel
from detector.fusion import FusionConfig
from detector.pipeline import Windows
from store.db import session_scope
from store.models import AssessmentRow, AuditEventRow, IncidentRow, MessageRow, PageRow
from workers import assessing, claims
from workers.assessing import Item, assess_all
from workers.deadline import run_with_deadline
from workers.messages import SCAN_GRACE, IncomingMessage, scan_message, store_message, unscanned
from workers.prescreen import looks_urgent
from workers.runtime import Runtime
from workers.sweep import sweep

HANG = "zqx-hang-marker"  # invented: the test detector spins on any text holding it
BREAK = "zqx-fold-marker"  # invented: the test detector fails to fold any text holding it
CRISIS = "I have swallowed all of my sleeping pills and I want to die"
CRISES = [  # invented, each crisis-looking to the pre-screen
    CRISIS,
    "I am going to kill myself tonight, I have the rope ready",
    "I cut myself again and it will not stop bleeding",
]
DEADLINE = 1.0
T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)  # a Tuesday afternoon: the shipped rota is staffed


class TroubledDetector:
    """The real detector, except that it busy-loops in pure Python on one marker (as a backtracking
    pattern would) and raises while folding another."""

    def __init__(self, real: Detector) -> None:
        self.real = real

    def assess_many(self, texts: Sequence[str | bytes], *, channel: Any = "chat") -> list[Assessment]:
        if any(HANG in str(text) for text in texts):
            while True:
                pass
        return self.real.assess_many(texts, channel=channel)

    def fold(
        self, state: ConversationState, message: Assessment, text: str = "", windows: Windows | None = None
    ) -> tuple[Assessment, ConversationState]:
        if BREAK in text:
            raise RuntimeError("fold failed")
        return self.real.fold(state, message, text, windows)

    def read_windows(self, turns: Sequence[tuple[Sequence[str], str]]) -> Windows:
        return self.real.read_windows(turns)

    def hear_agent(self, state: ConversationState, text: str) -> ConversationState:
        return self.real.hear_agent(state, text)

    @property
    def config(self) -> FusionConfig:
        return self.real.config


@dataclass
class Recording:
    scans: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def scan(self, message_id: str, urgent: bool = False) -> None:
        self.scans.append(message_id)

    def send_page(self, page_id: int) -> None:
        self.pages.append(page_id)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def runtime(database_url: str, detector: Detector) -> Runtime:
    settings = Settings(database_url=database_url, scan_deadline_seconds=DEADLINE, scan_max_attempts=3)
    troubled = cast(Detector, TroubledDetector(detector))
    return Runtime(settings, Recording(), Clock(), _detector=troubled).prepare()


def store(runtime: Runtime, conversation: str, text: str, seconds: int = 0) -> str:
    at = T0 - timedelta(seconds=60 - seconds)
    with session_scope(runtime.url) as session:
        return store_message(session, IncomingMessage(conversation, "chat", "customer", text, at), at).id


def assessment_of(runtime: Runtime, message_id: str) -> AssessmentRow | None:
    with session_scope(runtime.url) as session:
        return session.exec(select(AssessmentRow).where(AssessmentRow.message_id == message_id)).first()


def test_a_hanging_scan_is_degraded_and_the_crisis_beside_it_assessed_normally(runtime: Runtime) -> None:
    poison = store(runtime, "conv-poison", f"hello {HANG} " + "a" * 3000)
    crisis = store(runtime, "conv-crisis", CRISIS, seconds=1)
    quiet = store(runtime, "conv-quiet", "can I change my delivery address please", seconds=2)

    started = time.monotonic()
    scan_message(runtime, poison)  # one claim takes all three into one batch
    elapsed = time.monotonic() - started

    assert elapsed < 2 * DEADLINE + 3, "bounded: the batch's deadline, then the poison's own"
    degraded = assessment_of(runtime, poison)
    assert degraded is not None and degraded.degraded
    assert degraded.detector_version.startswith("fallback") and "timeout" in str(degraded.notes)
    normal = assessment_of(runtime, crisis)
    assert normal is not None and not normal.degraded and normal.level in ("high", "imminent")
    assert (row := assessment_of(runtime, quiet)) is not None and not row.degraded
    with session_scope(runtime.url) as session:
        incident = session.exec(select(IncidentRow).where(IncidentRow.conversation_id == "conv-crisis")).one()
        pages = session.exec(select(PageRow).where(PageRow.incident_id == incident.id)).all()
        audit = session.exec(select(AuditEventRow).where(AuditEventRow.action == "message_scanned")).all()
    assert {p.id for p in pages} <= set(cast(Recording, runtime.dispatcher).pages) and pages
    assert {e.detail["message"]: e.detail["degraded"] for e in audit}[poison] == "timeout"


def test_a_crisis_message_is_paged_before_a_hanging_message_in_its_batch_is_given_up(
    runtime: Runtime,
) -> None:
    poison = store(runtime, "conv-poison", f"hello {HANG}")
    crisis = store(runtime, "conv-crisis", CRISIS, seconds=1)
    seen: list[bool] = []  # for each page handed over: had the poison message been assessed yet?

    class Watching(Recording):
        def send_page(self, page_id: int) -> None:
            seen.append(assessment_of(runtime, poison) is not None)
            super().send_page(page_id)

    runtime.dispatcher = Watching()
    scan_message(runtime, poison)  # one claim takes both: the crisis conversation is recorded first

    assert assessment_of(runtime, crisis) is not None
    assert seen and seen[0] is False, "the crisis page waited for the hanging scan to be given up"
    assert (row := assessment_of(runtime, poison)) is not None and row.degraded


def test_the_keyword_fallback_still_pages_for_crisis_words_it_could_not_scan(runtime: Runtime) -> None:
    poison = store(runtime, "conv-hidden", f"{HANG} I am going to kill myself tonight")
    scan_message(runtime, poison)
    row = assessment_of(runtime, poison)
    assert row is not None and row.degraded and row.level == "high"
    with session_scope(runtime.url) as session:
        assert session.exec(select(IncidentRow).where(IncidentRow.conversation_id == "conv-hidden")).first()


def test_a_message_that_keeps_failing_is_quarantined_alarmed_and_skipped(runtime: Runtime) -> None:
    clock, dispatcher = cast(Clock, runtime.clock), cast(Recording, runtime.dispatcher)
    broken = store(runtime, "conv-broken", f"my order {BREAK} never came")
    fine = store(runtime, "conv-fine", "thanks, that is all", seconds=1)

    scan_message(runtime, broken)
    assert assessment_of(runtime, fine) is not None, "the other message of the batch is recorded"
    for _ in range(2):
        clock.now += timedelta(seconds=30)
        scan_message(runtime, broken)

    with session_scope(runtime.url) as session:
        message = session.get(MessageRow, broken)
        assert message is not None and message.quarantined_at is not None and message.scan_attempts == 3
        alarm = session.exec(select(PageRow).where(PageRow.idempotency_key == f"quarantine/{broken}")).one()
        actions = [e.action for e in session.exec(select(AuditEventRow)).all()]
    assert (alarm.kind, alarm.channel) == ("alarm", "console") and alarm.id in dispatcher.pages
    assert "message_quarantined" in actions
    assert assessment_of(runtime, broken) is None

    clock.now += timedelta(minutes=5)
    dispatcher.scans.clear()
    sweep(runtime)
    assert broken not in dispatcher.scans, "the sweep never queues a quarantined message again"
    scan_message(runtime, broken)  # a stray task for it claims nothing and raises no second alarm
    with session_scope(runtime.url) as session:
        alarms = session.exec(select(PageRow).where(PageRow.incident_id == claims.QUARANTINE)).all()
    assert len(alarms) == 1


def test_scans_that_died_count_as_attempts(runtime: Runtime) -> None:
    """A worker killed mid-scan never reports a failure: its claim runs out and counts all the same."""
    clock = cast(Clock, runtime.clock)
    message_id = store(runtime, "conv-dies", "hello there")
    lease = claims.lease_for(runtime.settings)
    for attempt in range(3):
        held = claims.claim(runtime.url, message_id, clock.now, lease, 3, 10)
        assert [m.id for m in held.messages] == [message_id], attempt
        with session_scope(runtime.url) as session:
            assert unscanned(session, clock.now - SCAN_GRACE) == [], "the sweep leaves a live claim"
        clock.now += lease + timedelta(seconds=1)  # ... and the worker holding it is gone
    held = claims.claim(runtime.url, message_id, clock.now, lease, 3, 10)
    assert held.messages == [] and len(held.alarms) == 1
    with session_scope(runtime.url) as session:
        message = session.get(MessageRow, message_id)
        assert message is not None and message.quarantined_at is not None


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The deadline of each forked run ``assess_all`` makes, in order."""
    made: list[float] = []

    def counted(work: Any, seconds: float) -> Any:
        made.append(seconds)
        return run_with_deadline(work, seconds)

    monkeypatch.setattr(assessing, "run_with_deadline", counted)
    return made


def test_crisis_looking_messages_are_assessed_together_in_one_fork(
    detector: Detector, forks: list[float]
) -> None:
    items = [Item(CRISES[0], "chat"), Item("where is my parcel?", "chat"), Item(CRISES[1], "voice")]
    items += [Item(CRISES[2], "chat"), Item("thanks, that is all", "chat")]
    renewals: list[int] = []

    outcomes = assess_all(detector, items, DEADLINE * 10, lambda: renewals.append(len(forks)))

    # One fork for the three crisis-looking messages, on a quarter of the deadline; one for the rest.
    assert forks == [DEADLINE * 10 * assessing.URGENT_GROUP_SHARE, DEADLINE * 10]
    assert renewals == [0, 1], "the claim is kept before each timed run"
    assert all(o.degraded is None for o in outcomes)
    alone = [detector.assess_many([item.text], channel=[item.channel])[0] for item in items]
    assert [o.assessment.level for o in outcomes] == [a.level for a in alone]
    assert all(looks_urgent(items[i].text) for i in (0, 2, 3)) and not looks_urgent(items[1].text)
    assert all(outcomes[i].assessment.level >= RiskLevel.HIGH for i in (0, 2))


def test_one_hanging_crisis_message_is_the_only_one_degraded(detector: Detector, forks: list[float]) -> None:
    troubled = cast(Detector, TroubledDetector(detector))
    hanging = f"{HANG} I want to end my life"
    items = [Item(CRISES[0], "chat"), Item(hanging, "chat"), Item(CRISES[1], "chat"), Item("hello", "chat")]

    started = time.monotonic()
    outcomes = assess_all(troubled, items, DEADLINE, lambda: None)
    elapsed = time.monotonic() - started

    # The crisis group misses its deadline, its three are retried one by one, then the rest in one run.
    assert len(forks) == 1 + 3 + 1
    assert forks[0] == DEADLINE * assessing.URGENT_GROUP_SHARE, "the group gets a quarter of the deadline"
    assert elapsed < (1 + assessing.URGENT_GROUP_SHARE) * DEADLINE + 3, "the group's share, then its own"
    assert [o.degraded for o in outcomes] == [None, "timeout", None, None]
    assert outcomes[1].assessment.level == RiskLevel.HIGH, "the keyword fallback still reads it as a crisis"
    for i in (0, 2):
        assert outcomes[i].assessment.level == detector.assess_many([items[i].text])[0].level


def test_a_crisis_scan_pages_the_others_when_one_of_its_claim_hangs(runtime: Runtime) -> None:
    poison = store(runtime, "conv-hanging", f"{HANG} I am going to kill myself", seconds=0)
    others = [store(runtime, f"conv-crisis-{n}", text, seconds=1 + n) for n, text in enumerate(CRISES[:2])]

    started = time.monotonic()
    scan_message(runtime, poison, urgent=True)  # the crisis claim takes all three, the hanging one first
    elapsed = time.monotonic() - started

    assert elapsed < 2 * DEADLINE + 3, "the group's deadline, then the hanging message's own, then the rest"
    degraded = assessment_of(runtime, poison)
    assert degraded is not None and degraded.degraded and degraded.level == "high"
    for message_id, conversation in zip(others, ["conv-crisis-0", "conv-crisis-1"], strict=True):
        row = assessment_of(runtime, message_id)
        assert row is not None and not row.degraded and row.level in ("high", "imminent")
        with session_scope(runtime.url) as session:
            incident = session.exec(
                select(IncidentRow).where(IncidentRow.conversation_id == conversation)
            ).one()
            pages = session.exec(select(PageRow).where(PageRow.incident_id == incident.id)).all()
        assert pages and {p.id for p in pages} <= set(cast(Recording, runtime.dispatcher).pages)
