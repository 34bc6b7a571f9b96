"""Pruning the audit trail by month (workers/pruning.py) behind an anchor: ``verify`` starts from the
latest anchor's hash, still names the first broken link in what remains, and refuses an anchor nobody
recorded. On a fresh SQLite file and a fresh PostgreSQL schema. All rows are invented."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import col, func, select

from store import repository
from store.audit_chain import verify
from store.db import engine_for, session_scope
from store.models import AuditAnchorRow, AuditEventRow
from tests.integration.test_audit_chain import cli_verify
from workers.pruning import cutoff, prune_audit

JANUARY = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)
FEBRUARY = datetime(2025, 2, 10, 9, 0, tzinfo=UTC)
MARCH = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
NOW = datetime(2025, 5, 20, 12, 0, tzinfo=UTC)  # horizon 61 days: March 20, so January and February go
BEFORE = cutoff(NOW, 61)


def write(url: str, count: int, start: datetime) -> None:
    for n in range(count):
        with session_scope(url) as session:
            at = start + timedelta(minutes=n)
            repository.audit(session, "test", "thing_done", at=at, incident_id="inc-1", n=n)


def execute(url: str, statement: str) -> None:
    with engine_for(url).begin() as connection:
        connection.execute(sa.text(statement))


def seqs(url: str) -> list[int]:
    with session_scope(url) as session:
        return [s or 0 for s in session.exec(select(AuditEventRow.seq).order_by(col(AuditEventRow.seq)))]


def seed(url: str) -> None:
    write(url, 4, JANUARY)  # seq 1-4
    write(url, 3, FEBRUARY)  # seq 5-7
    write(url, 3, MARCH)  # seq 8-10


def test_whole_months_go_in_batches_behind_an_anchor_and_the_rest_verifies(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(database_url)
    assert datetime(2025, 3, 1, tzinfo=UTC) == BEFORE

    report = prune_audit(database_url, BEFORE, NOW, "cli", size=3)

    assert (report.rows, report.batches, report.anchor_seq) == (7, 3, 7)  # 3, 3 and 1
    assert seqs(database_url) == [8, 9, 10, 11]  # March, and the prune's own row
    with session_scope(database_url) as session:
        [anchor] = session.exec(select(AuditAnchorRow)).all()
        assert (anchor.seq, anchor.pruned_rows, anchor.who, anchor.before) == (7, 7, "cli", BEFORE)
        pruned = session.exec(select(AuditEventRow).where(AuditEventRow.seq == 11)).one()
        assert pruned.action == "audit_pruned"
        assert pruned.detail == {
            "before": BEFORE.isoformat(),
            "rows": 7,
            "through_seq": 7,
            "anchor_hash": anchor.hash,
        }
        result = verify(session)
    assert (result.intact, result.rows, result.anchor_seq) == (True, 4, 7)
    assert cli_verify(database_url, monkeypatch) == (
        0,
        "audit trail intact: 4 rows from the anchor at seq 7\n",
    )

    write(database_url, 2, NOW)  # the trail goes on after a prune
    again = prune_audit(database_url, BEFORE, NOW, "cli", size=3)
    assert (again.rows, again.batches, again.anchor_seq) == (0, 0, 7)  # nothing more is old enough
    with session_scope(database_url) as session:
        assert verify(session).intact and verify(session).rows == 6


@pytest.mark.parametrize(
    ("tamper", "seq", "reason"),
    [
        (
            "UPDATE audit_event SET actor = 'responder:Someone Else' WHERE seq = 9",
            9,
            "does not match its hash",
        ),
        ("DELETE FROM audit_event WHERE seq = 8", 8, "row 8 is missing"),
        ("UPDATE audit_event SET prev_hash = hash WHERE seq = 8", 8, "previous row's hash"),
        ("UPDATE audit_anchor SET hash = '" + "1" * 64 + "'", 7, "not recorded by an audit_pruned row"),
        ("UPDATE audit_anchor SET seq = 8", 8, "not recorded by an audit_pruned row"),
    ],
)
def test_tampering_with_what_remains_or_with_the_anchor_still_shows(
    database_url: str, tamper: str, seq: int, reason: str
) -> None:
    seed(database_url)
    prune_audit(database_url, BEFORE, NOW, size=3)

    execute(database_url, tamper)

    with session_scope(database_url) as session:
        result = verify(session)
    assert result.first_break is not None and result.first_break.seq == seq
    assert reason in result.first_break.reason


def test_an_anchor_written_by_hand_to_hide_the_start_of_the_trail_is_refused(database_url: str) -> None:
    seed(database_url)
    with session_scope(database_url) as session:
        row = session.exec(select(AuditEventRow).where(AuditEventRow.seq == 4)).one()
        session.add(AuditAnchorRow(seq=4, hash=row.hash or "", pruned_at=NOW, before=BEFORE, who="intruder"))
    execute(database_url, "DELETE FROM audit_event WHERE seq <= 4")

    with session_scope(database_url) as session:
        result = verify(session)
    assert result.first_break is not None and "not recorded" in result.first_break.reason


def test_a_prune_that_dies_half_way_leaves_a_verifiable_trail_and_the_next_run_finishes_it(
    database_url: str,
) -> None:
    seed(database_url)

    def die(batch: int) -> None:
        raise RuntimeError(f"the worker is killed after batch {batch}")

    with pytest.raises(RuntimeError):
        prune_audit(database_url, BEFORE, NOW, size=3, after_batch=die)
    assert seqs(database_url) == [4, 5, 6, 7, 8, 9, 10, 11]  # the first batch went with the anchor
    with session_scope(database_url) as session:
        assert verify(session).intact  # the rows at or below the anchor are skipped

    report = prune_audit(database_url, BEFORE, NOW, size=3)

    assert (report.rows, report.batches) == (4, 2)
    assert seqs(database_url) == [8, 9, 10, 11]
    with session_scope(database_url) as session:
        assert session.exec(select(func.count()).select_from(AuditAnchorRow)).one() == 1
        assert verify(session).intact


def test_audit_rows_written_between_batches_join_the_chain(database_url: str) -> None:
    seed(database_url)

    def intake(batch: int) -> None:
        write(database_url, 1, NOW + timedelta(seconds=batch))

    report = prune_audit(database_url, BEFORE, NOW, size=3, after_batch=intake)

    assert report.batches == 3
    assert seqs(database_url) == [8, 9, 10, 11, 12, 13, 14]
    with session_scope(database_url) as session:
        result = verify(session)
    assert (result.intact, result.rows) == (True, 7)


def test_the_prune_command_is_off_until_asked_and_then_prunes_behind_an_anchor(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from config.settings import get_settings
    from stayline_cli.main import cli

    seed(database_url)  # all of it long past any horizon by today's clock
    monkeypatch.setenv("STAYLINE_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        off = CliRunner().invoke(cli, ["prune"])
        on = CliRunner().invoke(cli, ["prune", "--audit-after-days", "61"])
    finally:
        get_settings.cache_clear()

    assert off.exit_code == 0 and "pruning is off" in off.output
    assert on.exit_code == 0, on.output
    assert "deleted 10 in 1 batches; the trail now starts after seq 10" in on.output
    assert seqs(database_url) == [11]
    assert cli_verify(database_url, monkeypatch) == (
        0,
        "audit trail intact: 1 rows from the anchor at seq 10\n",
    )
