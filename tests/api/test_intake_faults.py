"""POST /v1/messages when things go wrong: a broker that is down, racing first messages, NUL characters.
Whatever happens, the message is stored, the caller is answered quickly, and the message gets scanned."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from celery import Celery
from sqlmodel import select

from api.app import create_app
from config.settings import Settings
from detector import Detector
from store.db import session_scope
from store.models import ConversationRow, MessageRow
from tests.api.conftest import CRISIS, KEYS, Clock, Harness, RecordingDispatcher, TestClient, harness_for
from workers.dispatch import CeleryDispatcher
from workers.messages import SCAN_GRACE
from workers.runtime import Runtime
from workers.sweep import sweep

QUICK_SECONDS = 2.0  # generous: what matters is "not held for the broker's retries" (6-12 s before)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens here once the probe is closed


@contextmanager
def api_with_broker(url: str, broker_url: str, detector: Detector) -> Iterator[Harness]:
    """The API publishing through the production dispatcher to ``broker_url``."""
    clock = Clock()
    settings = Settings(database_url=url, api_keys=KEYS, link_secret="test", broker_url=broker_url)
    dispatcher = CeleryDispatcher(Celery("intake-test", broker=broker_url))
    runtime = Runtime(settings, dispatcher, clock, _detector=detector).prepare()
    with TestClient(create_app(runtime)) as client:
        yield Harness(client, runtime, RecordingDispatcher(url=url), clock)


def test_a_broker_that_is_down_does_not_hold_the_caller_and_the_sweep_picks_the_message_up(
    sqlite_url: str, detector: Detector, caplog: pytest.LogCaptureFixture
) -> None:
    with api_with_broker(sqlite_url, f"redis://127.0.0.1:{closed_port()}/0", detector) as api:
        timings, answers = [], []
        for text in (CRISIS, "are you still there?"):
            started = time.monotonic()
            answers.append(api.post_message(text))
            timings.append(time.monotonic() - started)

        assert [a.status_code for a in answers] == [202, 202]
        assert max(timings) < QUICK_SECONDS, timings
        assert "broker unavailable for detector.scan" in caplog.text
        stored = [a.json()["message_id"] for a in answers]
        with session_scope(api.url) as session:
            assert all(session.get(MessageRow, m) is not None for m in stored)

        # The sweep, on its next round after the grace the queue gets, hands both over again.
        api.clock.advance(SCAN_GRACE.total_seconds() + 1)
        handovers = RecordingDispatcher(url=api.url)
        sweep(Runtime(api.runtime.settings, handovers, api.clock, _detector=detector))
        assert sorted(handovers.scans) == sorted(stored)


@pytest.fixture
def pg_api(postgres_url: str, detector: Detector) -> Iterator[Harness]:
    with harness_for(postgres_url, detector) as harness:
        yield harness


def test_racing_first_messages_of_a_new_conversation_all_answer_202_on_postgres(pg_api: Harness) -> None:
    barrier, statuses = threading.Barrier(6), []

    def post(n: int) -> None:
        barrier.wait()
        answer = pg_api.post_message(f"first words from tab {n}", conversation_id="new-conv")
        statuses.append(answer.status_code)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [202] * 6
    with session_scope(pg_api.url) as session:
        stored = session.exec(select(MessageRow).where(MessageRow.conversation_id == "new-conv")).all()
        assert len(stored) == 6
        assert session.get(ConversationRow, "new-conv") is not None


def test_a_message_with_nul_characters_is_stored_and_scanned_on_postgres(
    pg_api: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    text = "I have swallowed all\x00 of my pills\x00"
    caplog.set_level(logging.DEBUG)

    answer = pg_api.post_message(text, wait=True)

    assert answer.status_code == 200
    body = answer.json()
    assert body["assessment"]["level"] in {"high", "imminent"}
    assert body["incident_id"] is not None  # scanned like any other crisis message
    with session_scope(pg_api.url) as session:
        stored = session.get(MessageRow, body["message_id"])
    assert stored is not None and stored.text == text.replace("\x00", "\ufffd")
    assert "swallowed" not in caplog.text  # nothing logged the customer's words
