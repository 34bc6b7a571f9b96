"""Seeding bench/scale.py's database: invented conversations, messages, assessments, incidents, pages and
their audit trail, written with COPY from generators (no file, no per-row INSERT).

Shape: ``conversations`` conversations with ``messages // conversations`` messages each, one assessment
and one ``message_scanned`` audit row per message (what a real scan leaves), and ``incidents`` incidents,
each with two pages and five audit rows (opened, page recorded, page sent, acknowledged, resolved). All
words are invented filler; no real message is used. The audit rows carry a valid ``seq`` (so live events
continue from them) but placeholder hashes: the chain is not verified here.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg

START = datetime(2026, 1, 1, tzinfo=UTC)
WORDS = ("the", "order", "arrived", "late", "and", "my", "account", "still", "shows", "a", "charge")
PLAN = json.dumps({"chain": "bench", "tiers": []})
PLACEHOLDER = "0" * 64


@dataclass(frozen=True)
class Shape:
    conversations: int = 100_000
    messages: int = 1_000_000
    incidents: int = 10_000

    @property
    def per_conversation(self) -> int:
        return max(1, self.messages // self.conversations)


def _at(index: int, total: int) -> datetime:
    """Spread over 90 days, oldest first (so retention and the monthly prune have something to find)."""
    return START + timedelta(seconds=index * (90 * 86400 / max(total, 1)))


def _conversations(shape: Shape) -> Iterator[tuple[object, ...]]:
    for c in range(shape.conversations):
        at = _at(c * shape.per_conversation, shape.messages)
        level = "high" if c < shape.incidents else "none"
        yield (f"bench-c{c}", "chat", "default", level, "none", "{}", False, at, at, "messages")


def _messages(shape: Shape) -> Iterator[tuple[object, ...]]:
    n = shape.per_conversation
    for i in range(shape.conversations * n):
        at = _at(i, shape.messages)
        text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(8))
        yield (f"bench-m{i}", f"bench-c{i // n}", "chat", "customer", text, at, at, at, 1, "api")


def _assessments(shape: Shape) -> Iterator[tuple[object, ...]]:
    n = shape.per_conversation
    for i in range(shape.conversations * n):
        at = _at(i, shape.messages)
        conversation = f"bench-c{i // n}"
        yield (f"bench-m{i}", conversation, "none", "none", "none", 0.01, "[]", "[]", "bench", False, at)


def _incidents(shape: Shape) -> Iterator[tuple[object, ...]]:
    for k in range(shape.incidents):
        at = _at(k * shape.per_conversation, shape.messages)
        open_ = k >= shape.incidents - 20  # a few still open: the floor and the sweep have work
        state = "paging" if open_ else "resolved"
        yield (
            f"bench-i{k}", f"B{k:07d}", f"bench-c{k}", "high", "suicide", state, PLAN, "detector", at,
            at + timedelta(minutes=5) if open_ else None, None if open_ else at + timedelta(hours=1),
            0, 1, 0, 1, False, 0, False,
        )  # fmt: skip


def _pages(shape: Shape) -> Iterator[tuple[object, ...]]:
    for k in range(shape.incidents):
        at = _at(k * shape.per_conversation, shape.messages)
        for tier in (0, 1):
            status = "delivered" if tier == 0 else "cancelled"
            yield (f"bench/{k}/{tier}", f"bench-i{k}", "page", "Dana Reyes", "sms", "high", "suicide", tier,
                   status, "[]", at, at, "high", 1)  # fmt: skip


def _audit(shape: Shape) -> Iterator[tuple[object, ...]]:
    seq = 0
    n = shape.per_conversation
    for i in range(shape.conversations * n):
        seq += 1
        detail = json.dumps({"message": f"bench-m{i}", "level": "none", "category": "none", "score": 0.01})
        yield (_at(i, shape.messages), "detector", "message_scanned", None, f"bench-c{i // n}", detail, seq)
    for k in range(shape.incidents):
        at = _at(k * shape.per_conversation, shape.messages)
        for action in ("incident_opened", "page_recorded", "page_sent", "incident_acknowledged",
                       "incident_resolved"):  # fmt: skip
            seq += 1
            yield (at, "engine", action, f"bench-i{k}", None, '{"level": "high"}', seq)


TABLES = (
    ("conversation", "id, channel, team, level, category, detector_state, is_test, created_at, updated_at, "
     "origin", _conversations),
    ("message", "id, conversation_id, channel, sender, text, sent_at, received_at, scanned_at, "
     "scan_attempts, source", _messages),
    ("assessment", "message_id, conversation_id, level, message_level, category, score, signals, notes, "
     "detector_version, degraded, created_at", _assessments),
    ("incident", "id, code, conversation_id, level, category, state, plan, opened_by, opened_at, "
     "next_action_at, resolved_at, position, steps_taken, highest_tier, fencing_token, reminded, "
     "reminders_sent, is_test", _incidents),
    ("page", "idempotency_key, incident_id, kind, responder, channel, level, category, tier, status, "
     "history, created_at, updated_at, urgency, attempts", _pages),
    ("audit_event", "at, actor, action, incident_id, conversation_id, detail, seq", _audit),
)  # fmt: skip


def seed(conninfo: str, shape: Shape, say: object = print) -> dict[str, float]:
    """COPY every table (one transaction each), set the audit chain's head, ANALYZE; seconds per table."""
    seconds: dict[str, float] = {}
    with psycopg.connect(conninfo, autocommit=True) as conn:
        for table, columns, rows in TABLES:
            started = time.monotonic()
            with (
                conn.transaction(),
                conn.cursor() as cursor,
                cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
                for row in rows(shape):
                    copy.write_row(row)
            seconds[table] = time.monotonic() - started
            if callable(say):
                say(f"  seeded {table} in {seconds[table]:.1f} s")
        last = conn.execute("SELECT coalesce(max(seq), 0) FROM audit_event").fetchone()
        conn.execute(
            "INSERT INTO audit_chain (name, seq, hash) VALUES ('audit', %s, %s) "
            "ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            (last[0] if last else 0, PLACEHOLDER),
        )
        conn.execute("ANALYZE")
    return seconds
