"""Leases: a periodic job that every worker offers to run is run by one of them at a time.

One row per job: who holds it, until when, and when it last completed. Taking the lease is a single
conditional UPDATE, which behaves the same on PostgreSQL (the row is locked; a concurrent UPDATE waits,
then re-checks the condition against the committed row) and on SQLite (one writer at a time). A lease row
and not a PostgreSQL advisory lock: advisory locks are per database, so two deployments (or two test
schemas) sharing one database would block each other, and SQLite has none.

A holder that dies keeps the lease only until it expires; then anyone may take it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import col

from store.db import insert_if_absent, session_scope
from store.models import LeaseRow


def take(url: str, name: str, holder: str, now: datetime, hold: timedelta, every: timedelta) -> bool:
    """Take the lease on job ``name`` if it is free (or already ours) and the job is due: it has not
    completed within ``every``. True if the caller now holds it until ``now + hold`` and should run."""
    lease = col(LeaseRow.name) == name
    with session_scope(url) as session:
        insert_if_absent(session, LeaseRow, {"name": name})
        taken = session.execute(
            update(LeaseRow)
            .where(lease)
            .where(
                or_(
                    col(LeaseRow.expires_at).is_(None),
                    col(LeaseRow.expires_at) <= now,
                    col(LeaseRow.holder) == holder,
                )
            )
            .where(or_(col(LeaseRow.last_run_at).is_(None), col(LeaseRow.last_run_at) <= now - every))
            .values(holder=holder, expires_at=now + hold)
        )
        return bool(taken.rowcount)  # type: ignore[attr-defined]


def give_back(url: str, name: str, holder: str, completed_at: datetime | None) -> None:
    """Release the lease; record ``completed_at`` when the run succeeded. A holder whose lease expired
    and was taken by another changes nothing (its late result is not the latest)."""
    values: dict[str, object] = {"holder": None, "expires_at": None}
    if completed_at is not None:
        values["last_run_at"] = completed_at
    with session_scope(url) as session:
        session.execute(
            update(LeaseRow)
            .where(col(LeaseRow.name) == name)
            .where(col(LeaseRow.holder) == holder)
            .values(**values)
        )


def last_run(url: str, name: str) -> datetime | None:
    with session_scope(url) as session:
        row = session.get(LeaseRow, name)
        return row.last_run_at if row is not None else None
