"""Bulk claims and folds on PostgreSQL (issue 13, throughput): a claim leaves out turns that come after
a turn of their conversation another live claim holds, and a scan that folds a conversation while later
turns of it wait hands them on with one scan. All text invented."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from config.settings import Settings
from detector import Detector
from store.audit_chain import verify
from store.db import session_scope
from store.models import AssessmentRow
from workers import claims
from workers.messages import IncomingMessage, scan_message, store_message
from workers.runtime import Runtime

T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
LEASE = timedelta(seconds=60)


class Recording:
    def __init__(self) -> None:
        self.scans: list[tuple[str, bool]] = []
        self.pages: list[int] = []

    def scan(self, message_id: str, urgent: bool = False) -> None:
        self.scans.append((message_id, urgent))

    def send_page(self, page_id: int) -> None:
        self.pages.append(page_id)


@pytest.fixture
def runtime(postgres_url: str, detector: Detector) -> Runtime:
    settings = Settings(database_url=postgres_url, scan_deadline_seconds=30, scan_max_attempts=3)
    return Runtime(settings, Recording(), lambda: T0, _detector=detector).prepare()


def store(runtime: Runtime, conversation: str, text: str, seconds: int) -> str:
    at = T0 - timedelta(seconds=60 - seconds)
    with session_scope(runtime.url) as session:
        return store_message(session, IncomingMessage(conversation, "chat", "customer", text, at), at).id


def test_a_claim_leaves_out_turns_behind_another_live_claim(runtime: Runtime) -> None:
    t1 = store(runtime, "conv-a", "hello, I have a question about my order", 0)
    t2 = store(runtime, "conv-a", "it has not arrived yet", 1)
    u1 = store(runtime, "conv-b", "can I change my address", 2)
    t3 = store(runtime, "conv-a", "the tracking page says nothing", 3)

    first = claims.claim(runtime.url, t1, T0, LEASE, 3, 2)
    second = claims.claim(runtime.url, u1, T0, LEASE, 3, 64)
    crisis = claims.claim(runtime.url, t3, T0, LEASE, 3, 64, only=True)

    assert [m.id for m in first.messages] == [t1, t2]
    assert [m.id for m in second.messages] == [u1]  # t3 comes after conv-a's turns the first claim holds
    assert [m.id for m in crisis.messages] == [t3]  # a scan's own message is always taken


def test_a_scan_folds_its_conversations_together_and_hands_on_the_turns_behind(runtime: Runtime) -> None:
    t1 = store(runtime, "conv-a", "hello, I have a question about my order", 0)
    u1 = store(runtime, "conv-b", "can I change my address", 1)
    t2 = store(runtime, "conv-a", "it has not arrived yet", 2)
    t3 = store(runtime, "conv-a", "the tracking page says nothing", 3)
    elsewhere = claims.claim(runtime.url, t3, T0, LEASE, 3, 1, only=True)  # another scan holds t3

    scan_message(runtime, t1)

    with session_scope(runtime.url) as session:
        order = session.exec(select(AssessmentRow.message_id).order_by(col(AssessmentRow.id))).all()
        chain = verify(session)
    assert list(order) == [t1, u1, t2]
    assert runtime.dispatcher.scans == [(t3, False)]  # type: ignore[attr-defined]
    assert [m.id for m in elsewhere.messages] == [t3]
    assert chain.intact


def test_a_crisis_scan_claims_other_waiting_crisis_turns_and_no_bulk_work(runtime: Runtime) -> None:
    b1 = store(runtime, "conv-a", "can I change my address", 0)
    c1 = store(runtime, "conv-b", "I have swallowed all of my sleeping pills", 1)
    b2 = store(runtime, "conv-c", "the tracking page says nothing", 2)
    c2 = store(runtime, "conv-d", "I took a whole box of paracetamol", 3)
    c3 = store(runtime, "conv-e", "the rope is ready and I am doing it tonight", 4)

    crisis = claims.claim(runtime.url, c3, T0, LEASE, 3, 2, only=True)
    late = claims.claim(runtime.url, c2, T0, LEASE, 3, 2, only=True)  # its own was taken: it takes c2's

    assert [m.id for m in crisis.messages] == [c3, c1]  # its own first, then the oldest crisis-looking
    assert [m.id for m in late.messages] == [c2]
    bulk = claims.claim(runtime.url, b1, T0, LEASE, 3, 64)
    assert [m.id for m in bulk.messages] == [b1, b2]
