"""Incidents kept in the database, driven by an injected clock: hours of chain in milliseconds."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from escalation.config_loader import EscalationConfig, load_config
from escalation.engine import AckVia, Signal
from escalation.model import Level
from store.db import session_scope
from store.models import AuditEventRow, IncidentRow, PageRow
from workers.incidents import acknowledge_incident, open_or_raise_incident, run_due

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def config() -> EscalationConfig:
    return load_config()


def crisis(conversation: str = "conv-1", level: Level = Level.HIGH) -> Signal:
    return Signal(conversation, level, "suicide", "chat", "default", T0)


def pages(url: str) -> list[PageRow]:
    with session_scope(url) as session:
        return list(session.exec(select(PageRow).order_by(PageRow.id)).all())


def test_a_crisis_pages_tier_one_at_once(database_url: str, config: EscalationConfig) -> None:
    with session_scope(database_url) as session:
        row, page_ids = open_or_raise_incident(session, crisis(), config, T0)
    assert row is not None and row.state == "paging" and len(row.code) == 6
    recorded = pages(database_url)
    assert [p.id for p in recorded] == page_ids
    assert {(p.responder, p.channel, p.tier) for p in recorded} == {
        ("Priya Natarajan", "voice", 0),
        ("Priya Natarajan", "sms", 0),
    }
    assert all(p.status == "pending" for p in recorded)


def test_a_sweep_run_twice_records_nothing_twice(database_url: str, config: EscalationConfig) -> None:
    with session_scope(database_url) as session:
        open_or_raise_incident(session, crisis(), config, T0)
    for _ in range(2):
        with session_scope(database_url) as session:
            assert run_due(session, config, T0) == []
    assert len(pages(database_url)) == 2


def test_no_acknowledgement_escalates_to_tier_two_on_time(
    database_url: str, config: EscalationConfig
) -> None:
    with session_scope(database_url) as session:
        open_or_raise_incident(session, crisis(), config, T0)
    # crisis tier 1: 180 s wait, 2 repeats -> tier 2 at 540 s. The sweep runs like beat would.
    for seconds in (180, 360, 539):
        with session_scope(database_url) as session:
            run_due(session, config, T0 + timedelta(seconds=seconds))
    before = {p.tier for p in pages(database_url)}
    with session_scope(database_url) as session:
        run_due(session, config, T0 + timedelta(seconds=540))
    assert before == {0}
    assert {p.tier for p in pages(database_url)} == {0, 1}


def test_acknowledgement_stops_the_chain_and_cancels_unsent_pages(
    database_url: str, config: EscalationConfig
) -> None:
    with session_scope(database_url) as session:
        row, _ = open_or_raise_incident(session, crisis(), config, T0)
        assert row is not None
        incident_id = row.id
    with session_scope(database_url) as session:
        acknowledge_incident(
            session, incident_id, "Priya Natarajan", AckVia.SMS_REPLY, config, T0 + timedelta(seconds=30)
        )
    assert {p.status for p in pages(database_url)} == {"cancelled"}
    with session_scope(database_url) as session:
        assert run_due(session, config, T0 + timedelta(minutes=20)) == []  # before the reminder
        audit = [e.action for e in session.exec(select(AuditEventRow)).all()]
    assert "incident_opened" in audit and "incident_acknowledged" in audit


def test_a_stronger_signal_raises_the_open_incident_without_a_second_one(
    database_url: str, config: EscalationConfig
) -> None:
    with session_scope(database_url) as session:
        open_or_raise_incident(session, crisis(level=Level.MODERATE), config, T0)
    with session_scope(database_url) as session:
        open_or_raise_incident(session, crisis(level=Level.IMMINENT), config, T0 + timedelta(seconds=60))
    with session_scope(database_url) as session:
        incidents = session.exec(select(IncidentRow)).all()
    assert [(i.level, i.plan["chain"]["name"]) for i in incidents] == [("imminent", "crisis")]
    assert any(p.channel == "voice" for p in pages(database_url))


def test_concurrent_sweeps_run_each_incident_once(postgres_url: str, config: EscalationConfig) -> None:
    with session_scope(postgres_url) as session:
        for n in range(6):
            open_or_raise_incident(session, crisis(f"conv-{n}"), config, T0)
    later = T0 + timedelta(seconds=180)
    results: list[list[int]] = []

    def sweep() -> None:
        with session_scope(postgres_url) as session:
            results.append(run_due(session, config, later))

    threads = [threading.Thread(target=sweep) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    recorded = [page_id for result in results for page_id in result]
    assert len(recorded) == len(set(recorded)) == 6 * 2  # one repeat of tier 1 per incident, sms + voice
