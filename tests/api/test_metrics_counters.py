"""/metrics with a Redis broker: counters kept where events happen (store.counters), the same metric names
and values as counting the tables gave, and no query over whole tables on a scrape. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import select

from api.metrics import render_metrics
from detector import Detector
from store import counters
from store.db import engine_for, session_scope
from store.models import MessageRow, PageRow
from tests.api.conftest import CRISIS, Harness, harness_for
from tests.api.test_ops import METRICS, samples
from tests.fakes.services import PrivateRedis
from workers.coverage import read_health


@pytest.fixture
def counted(database_url: str, detector: Detector, private_redis: PrivateRedis) -> Iterator[Harness]:
    with harness_for(database_url, detector, broker_url=private_redis.url) as harness:
        yield harness
    counters.attach(database_url, None)


def events(api: Harness) -> None:
    """A crisis message (stored, scanned, assessed, an incident, its pages), a quiet message waiting for its
    scan, one page accepted by a provider; then 30 s pass."""
    assert api.post_message(CRISIS, wait=True).json()["incident_id"] is not None
    api.post_message("thanks, that's all")
    with session_scope(api.url) as session:
        page = session.exec(select(PageRow).order_by(PageRow.id)).first()  # type: ignore[arg-type]
        assert page is not None
        page.status = "sent"
        page.history = [*page.history, {"at": api.clock.now.replace(second=4).isoformat(), "status": "sent"}]
    api.clock.advance(30)


def test_counters_have_the_same_names_and_values(counted: Harness) -> None:
    events(counted)
    with session_scope(counted.url) as session:
        pages = list(session.exec(select(PageRow)).all())

    response = counted.client.get("/metrics")

    assert response.status_code == 200
    for name in (*METRICS, "stayline_incidents_total", "stayline_messages_unscanned"):
        assert f"# TYPE {name} " in response.text
    values = samples(response.text)
    assert values["stayline_metrics_counters_up"] == 1
    assert values["stayline_messages_stored_total"] == 2
    assert values["stayline_messages_scanned_total"] == 1
    assert values["stayline_messages_unscanned"] == 1
    assert values["stayline_oldest_unscanned_message_seconds"] == 30.0
    crisis = (
        values['stayline_assessments_total{level="imminent"}']
        + values['stayline_assessments_total{level="high"}']
    )
    assert crisis == 1 and values['stayline_assessments_total{level="none"}'] == 0
    assert values["stayline_incidents_total"] == 1
    assert values['stayline_incidents_open{state="paging"}'] == 1
    assert values['stayline_pages_total{status="pending"}'] == len(pages)  # every page started pending
    assert values['stayline_pages_total{status="sent"}'] == 1
    assert values["stayline_time_to_first_page_seconds"] == 4.0
    assert values["stayline_sweep_lag_seconds"] == 30.0
    # The counts live in the shared store, where another API process reads the same figures.
    stored = redis.Redis.from_url(counted.runtime.settings.broker_url).hget(
        counters.HASH, "\t".join(counters.STORED)
    )
    assert stored == b"2"


def test_a_rolled_back_transaction_counts_nothing(counted: Harness) -> None:
    counted.post_message("first")
    with pytest.raises(RuntimeError), session_scope(counted.url) as session:
        session.add(
            MessageRow(
                id="m-rolled-back",
                conversation_id="conv-1",
                channel="chat",
                sender="customer",
                text="x",
                sent_at=counted.clock.now,
                received_at=counted.clock.now,
            )
        )
        session.flush()
        raise RuntimeError("the request failed after the flush")

    assert samples(counted.client.get("/metrics").text)["stayline_messages_stored_total"] == 1


def test_a_scrape_reads_no_whole_table(counted: Harness) -> None:
    events(counted)
    statements: list[str] = []
    engine = engine_for(counted.url)

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    try:
        with session_scope(counted.url) as session:
            render_metrics(session, counted.clock.now)
    finally:
        event.remove(engine, "before_cursor_execute", record)

    assert statements
    assert not [s for s in statements if "FROM assessment" in s]
    for statement in statements:
        if "FROM message" in statement:
            assert "message.scanned_at IS NULL" in statement  # the partial index's predicate
        if "GROUP BY" in statement:
            assert " IN (" in statement or "IN (__[POSTCOMPILE" in statement  # open incidents only


def test_while_redis_is_down_the_gauges_stay_and_intake_goes_on(
    counted: Harness, private_redis: PrivateRedis
) -> None:
    private_redis.stop()

    assert counted.post_message(CRISIS, wait=True).status_code == 200
    values = samples(counted.client.get("/metrics").text)

    assert values["stayline_metrics_counters_up"] == 0
    assert "stayline_messages_stored_total" not in values  # absent, not a false 0
    assert values['stayline_incidents_open{state="paging"}'] == 1


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgres_plans_the_gauges_on_their_indexes(database_url: str, counted: Harness) -> None:
    events(counted)
    plans = {}
    with engine_for(database_url).connect() as connection:
        connection.execute(sa.text("SET enable_seqscan = off"))  # a tiny table would be scanned anyway
        for name, query in {
            "unscanned": "SELECT count(*) FROM message WHERE message.scanned_at IS NULL",
            "oldest": "SELECT received_at FROM message WHERE scanned_at IS NULL AND quarantined_at IS NULL "
            "ORDER BY received_at LIMIT 1",
            "newest_incident": "SELECT id FROM incident WHERE is_test IS false "
            "ORDER BY opened_at DESC LIMIT 1",
            "open": "SELECT state, count(*) FROM incident WHERE state IN ('open', 'paging') GROUP BY state",
            "canary": "SELECT at FROM audit_event WHERE action = 'canary_scanned' ORDER BY at DESC LIMIT 1",
        }.items():
            plans[name] = " ".join(r[0] for r in connection.execute(sa.text("EXPLAIN " + query)))

    assert "ix_message_unscanned" in plans["unscanned"]
    assert "ix_message_unscanned" in plans["oldest"]
    assert "ix_incident_opened_at" in plans["newest_incident"]
    assert "ix_incident_state" in plans["open"]
    assert "ix_audit_canary_at" in plans["canary"]  # not a walk back through the whole trail


def test_channel_intake_is_counted_where_messages_are_stored_not_on_each_scrape(counted: Harness) -> None:
    counted.post_message("first")
    counted.post_message("second", conversation_id="conv-2")
    statements: list[str] = []
    engine = engine_for(counted.url)

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    try:
        health = {h.name: h for h in read_health(counted.runtime)}
    finally:
        event.remove(engine, "before_cursor_execute", record)
    values = samples(counted.client.get("/metrics").text)

    assert health["api"].messages == 2 and health["api"].last_at is not None
    assert values['stayline_channel_messages_total{channel="api"}'] == 2
    assert values['stayline_channel_messages_total{channel="batch"}'] == 0
    counting = [s for s in statements if "count(" in s.lower() and "FROM message" in s]
    assert counting == []  # the latest arrival per channel is an index lookup; the count is the counter's
