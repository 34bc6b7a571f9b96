"""The audit trail as a hash chain: intact when written from many processes at once, and the first broken
link named when a row is edited, removed, or written around the chain."""

from __future__ import annotations

import itertools
import multiprocessing
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlmodel import col, select

from stayline_cli.main import cli
from store import repository
from store.audit_chain import verify
from store.db import engine_for, session_scope
from store.models import AuditEventRow

T0 = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)


def write(url: str, count: int, actor: str = "test", start: datetime = T0) -> None:
    for n in range(count):
        with session_scope(url) as session:
            at = start + timedelta(seconds=n)
            repository.audit(session, actor, "thing_done", at=at, incident_id="inc-1", n=n, score=0.1234)
            repository.audit(session, actor, "thing_checked", at=at, conversation_id="conv-1", ok=True)


def execute(url: str, statement: str) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(sa.text(statement))


def cli_verify(url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv("STAYLINE_DATABASE_URL", url)
    from config.settings import get_settings

    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["audit", "verify"])
    finally:
        get_settings.cache_clear()
    return result.exit_code, result.output


def test_an_untouched_trail_verifies_and_a_rolled_back_transaction_leaves_no_gap(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(database_url, 3)
    with pytest.raises(RuntimeError), session_scope(database_url) as session:
        repository.audit(session, "test", "never_committed", at=T0)
        raise RuntimeError("the transaction fails after auditing")
    write(database_url, 2, start=T0 + timedelta(minutes=1))

    with session_scope(database_url) as session:
        result = verify(session)
        seqs = list(session.exec(select(AuditEventRow.seq).order_by(col(AuditEventRow.seq))).all())
    assert (result.intact, result.rows) == (True, 10)
    assert seqs == list(range(1, 11))
    assert cli_verify(database_url, monkeypatch) == (0, "audit trail intact: 10 rows\n")


@pytest.mark.parametrize(
    ("tamper", "seq", "reason"),
    [
        (
            "UPDATE audit_event SET actor = 'responder:Someone Else' WHERE seq = 4",
            4,
            "does not match its hash",
        ),
        ("UPDATE audit_event SET at = at + interval '1 second' WHERE seq = 3", 3, "does not match its hash"),
        ("DELETE FROM audit_event WHERE seq = 5", 5, "row 5 is missing"),
        ("DELETE FROM audit_event WHERE seq = 6", 6, "rows after 5 are missing"),
        ("UPDATE audit_event SET prev_hash = hash WHERE seq = 2", 2, "previous row's hash"),
    ],
)
def test_the_first_broken_link_is_named(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, tamper: str, seq: int, reason: str
) -> None:
    write(postgres_url, 3)

    execute(postgres_url, tamper)

    with session_scope(postgres_url) as session:
        result = verify(session)
    assert result.first_break is not None
    assert (result.first_break.seq, result.rows) == (seq, seq - 1)
    assert reason in result.first_break.reason
    code, output = cli_verify(postgres_url, monkeypatch)
    assert code == 1 and f"audit trail broken at row {seq}" in output


def test_a_row_written_around_the_chain_is_found(database_url: str) -> None:
    write(database_url, 2)

    execute(
        database_url,
        "INSERT INTO audit_event (at, actor, action, detail) "
        "VALUES ('2025-03-04 15:00:00', 'responder:Forger', 'incident_acknowledged', '{}')",
    )

    with session_scope(database_url) as session:
        result = verify(session)
    assert result.first_break is not None and "outside the chain" in result.first_break.reason


WRITERS, TRANSACTIONS = 4, 15


def write_together(url: str, actor: str, start: Any) -> None:
    start.wait(timeout=60)  # every process is up and connected: they write at the same time
    write(url, TRANSACTIONS, actor)


def test_writers_in_several_processes_make_one_unbroken_chain_on_postgres(postgres_url: str) -> None:
    spawn = multiprocessing.get_context("spawn")  # fresh processes, each with its own connections
    start = spawn.Barrier(WRITERS)
    writers = [
        spawn.Process(target=write_together, args=(postgres_url, f"worker-{i}", start))
        for i in range(WRITERS)
    ]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
    assert [p.exitcode for p in writers] == [0] * WRITERS

    with session_scope(postgres_url) as session:
        result = verify(session)
        actors = session.exec(select(AuditEventRow.actor).order_by(col(AuditEventRow.seq))).all()
    assert result.first_break is None
    assert result.rows == WRITERS * TRANSACTIONS * 2
    assert len(set(actors)) == WRITERS
    # The writers really interleaved: the chain switches between processes, not one after another.
    switches = sum(1 for a, b in itertools.pairwise(actors) if a != b)
    assert switches > WRITERS
