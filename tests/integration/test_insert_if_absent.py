"""``insert_if_absent`` says truly whether it created the row, on PostgreSQL as on SQLite: replay
protection (webhook receipts) and per-item idempotency rest on it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from store.db import insert_if_absent, migrate, session_scope
from store.models import WebhookReceiptRow

AT = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)


def _twice(url: str) -> list[bool]:
    migrate(url)
    values = {"key": "twilio:sms:SM-invented-1", "reply": "", "replays": 0, "received_at": AT}
    outcomes = []
    for _ in range(2):
        with session_scope(url) as session:
            outcomes.append(insert_if_absent(session, WebhookReceiptRow, values))
    return outcomes


def test_the_second_insert_reports_it_created_nothing_on_postgres(postgres_url: str) -> None:
    assert _twice(postgres_url) == [True, False]


def test_the_second_insert_reports_it_created_nothing_on_sqlite(tmp_path: Path) -> None:
    assert _twice(f"sqlite:///{tmp_path / 'db.sqlite'}") == [True, False]
