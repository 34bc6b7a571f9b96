"""The hot paths' queries on the seeded database, captured from the functions that issue them (not
retyped), and their plans: ``EXPLAIN`` for each statement, summarised to the scans it uses.

Each path runs in a transaction that is rolled back, so the seeded data is left as it was."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlmodel import Session, func, select

from api.console import reads
from api.events import events_after, latest_event_id
from store import repository
from store.db import engine_for
from store.models import AuditEventRow, ConversationRow
from workers.claims import claim
from workers.delivery import DeliveryPolicy, release_stuck
from workers.messages import unscanned

SCAN = re.compile(r"(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan)(?: using (\S+))? on (\S+)")


@contextmanager
def captured(url: str) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        if not statement.startswith("EXPLAIN"):
            statements.append((statement, parameters))

    engine = engine_for(url)
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _intake(session: Session, now: datetime) -> object:
    repository.ensure_conversation(session, "bench-c7", "chat", "default", now)
    return session.get(ConversationRow, "bench-c7")


def paths(url: str) -> dict[str, Callable[[Session], object]]:
    now = datetime.now(UTC)
    policy = DeliveryPolicy(link_for=lambda *_: "")
    return {
        "message intake": lambda s: _intake(s, now),
        "scan claim": lambda _s: claim(url, "bench-m70", now, timedelta(seconds=30), 3, 10),
        "sweep": lambda s: (
            release_stuck(s, policy, now),
            unscanned(s, now),
            repository.due_incidents(s, now),
            repository.due_pages(s, now),
        ),
        "conversation view": lambda s: (
            reads.messages(s, "bench-c7"),
            (incident := reads.latest_incident(s, "bench-c7")),
            incident and reads.pages_of(s, incident.id),
        ),
        "floor": lambda s: (
            reads.open_incidents(s),
            reads.pages_awaiting_acknowledgement(s),
            reads.unreached(s, now - timedelta(hours=24)),
        ),
        "live events (hub read, resume)": lambda s: (
            latest_event_id(url),
            events_after(url, int(s.exec(select(func.max(AuditEventRow.seq))).one() or 0) - 50, None),
            events_after(url, 1000, "bench-c7"),
        ),
    }


def plan_summary(url: str, statement: str, parameters: Any) -> list[str]:
    raw = engine_for(url).raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("EXPLAIN " + statement, parameters)
        lines = [row[0] for row in cursor.fetchall()]
    finally:
        raw.close()
    scans = []
    for line in lines:
        found = SCAN.search(line)
        if found:
            kind, index, table = found.groups()
            cost = line.split("(cost=")[1].split(" ")[0] if "(cost=" in line else "?"
            scans.append(f"{kind} {index + ' ' if index else ''}on {table} (cost {cost})")
    return scans


def explain_hot_paths(url: str) -> dict[str, list[str]]:
    """Print and return, per path, each statement's first words and the scans its plan uses."""
    report: dict[str, list[str]] = {}
    for name, run in paths(url).items():
        with captured(url) as statements, Session(engine_for(url)) as session:
            run(session)
            session.rollback()
        lines = []
        for statement, parameters in statements:
            head = " ".join(statement.split())[:70]
            if not head.upper().startswith(("SELECT", "UPDATE", "INSERT", "DELETE")):
                continue
            scans = plan_summary(url, statement, parameters) or ["no table scan (a constant or a result)"]
            lines.append(f"{head} ... -> {'; '.join(scans)}")
        report[name] = lines
        print(f"\n## {name}")
        for line in lines:
            print(f"- {line}")
    return report
