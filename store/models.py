"""Tables. JSON columns hold small structured values (signals, a chain snapshot, a status history)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Column, DateTime, Index, Integer, false, text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (which forgets zones) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: stayline stores aware UTC times only")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _when(index: bool = False, nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), index=index, nullable=nullable))


class ConversationRow(SQLModel, table=True):
    __tablename__ = "conversation"

    id: str = Field(primary_key=True, max_length=200)
    channel: str = Field(max_length=16)
    team: str = Field(default="default", max_length=100)
    level: str = Field(default="none", max_length=16)
    category: str = Field(default="none", max_length=32)
    detector_state: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    guidance_state: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # When the guidance's next nudge or prompt expiry comes due (escalation.guidance.next_due); None: nothing
    # until a turn or a page. The sweep ticks only conversations whose moment has come (migration 0020).
    guidance_due_at: datetime | None = _when(index=True, nullable=True)
    is_test: bool = False
    # "messages" (it began with a channel's message) or "manual_flag" (an agent flagged an id nobody had
    # sent a message for: an unmonitored phone call). The page still goes out; the record says why.
    origin: str = Field(default="messages", max_length=16)
    created_at: datetime = _when()
    updated_at: datetime = _when()


class MessageRow(SQLModel, table=True):
    __tablename__ = "message"
    __table_args__ = (
        Index("ix_message_source_received_at", "source", "received_at"),
        # Pruning's walk of the oldest months (workers/pruning.py; migration 0017).
        Index("ix_message_received_at", "received_at"),
        # Only the messages still waiting for a scan (a handful, whatever the table's size): the sweep's
        # to-do and the /metrics gauges read it (migration 0012).
        Index(
            "ix_message_unscanned",
            "received_at",
            postgresql_where=text("scanned_at IS NULL"),
            sqlite_where=text("scanned_at IS NULL"),
        ),
        # The crisis-looking messages still waiting: a crisis scan claims a few of them at once (0019).
        Index(
            "ix_message_urgent_waiting",
            "received_at",
            postgresql_where=text("urgent AND scanned_at IS NULL"),
            sqlite_where=text("urgent AND scanned_at IS NULL"),
        ),
    )

    id: str = Field(primary_key=True, max_length=64)
    conversation_id: str = Field(index=True, foreign_key="conversation.id", max_length=200)
    channel: str = Field(max_length=16)
    sender: str = Field(max_length=16)
    text: str
    sent_at: datetime = _when()
    received_at: datetime = _when()
    scanned_at: datetime | None = _when(nullable=True)
    # A scan claims the row with a lease and a token, committed before the detector runs, so a scan that
    # dies (a killed worker, a hang) still counts as an attempt; after too many the row is quarantined.
    scan_attempts: int = 0
    claim_token: str | None = Field(default=None, max_length=32)
    claimed_until: datetime | None = _when(nullable=True)
    quarantined_at: datetime | None = _when(nullable=True)
    # Retention emptied ``text`` and its evidence words at this time; levels and offsets stay.
    purged_at: datetime | None = _when(nullable=True)
    # The connector that carried it (``config/channels.yaml``: api, batch, twilio_messages, ...): intake is
    # counted per connector, and a connector silent within its hours is an alarm. None before 0010.
    source: str | None = Field(default=None, max_length=32)
    # The provider's order of the turn in its conversation (a transcription segment's SequenceId): a scan
    # folds a conversation's turns by it where present. None for turns without one. Since 0011.
    sequence: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    # A customer's turn the pre-screen found crisis words in (``workers/prescreen.py``), as it came in: its
    # scan goes to the crisis queue, and a crisis scan claims the other waiting ones with its own. Since 0019.
    urgent: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))


class AssessmentRow(SQLModel, table=True):
    __tablename__ = "assessment"

    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(index=True, foreign_key="message.id", max_length=64)
    conversation_id: str = Field(index=True, max_length=200)
    level: str = Field(max_length=16)  # the conversation's level after this message
    message_level: str = Field(max_length=16)
    category: str = Field(max_length=32)
    score: float
    signals: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    notes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    detector_version: str = Field(max_length=120)
    degraded: bool = False  # the full detector ran out of time or failed: a keyword fallback decided
    created_at: datetime = _when()


class IncidentRow(SQLModel, table=True):
    __tablename__ = "incident"

    id: str = Field(primary_key=True, max_length=64)
    code: str = Field(index=True, unique=True, max_length=16)  # the short reference a page carries
    conversation_id: str = Field(index=True, max_length=200)
    level: str = Field(max_length=16)
    category: str = Field(max_length=32)
    state: str = Field(index=True, max_length=16)
    plan: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # chain snapshot at opening
    opened_by: str = Field(max_length=16)
    opened_at: datetime = _when(index=True)  # the newest incident, for /metrics (migration 0012)
    position: int = 0
    steps_taken: int = 0
    highest_tier: int = -1
    next_action_at: datetime | None = _when(index=True, nullable=True)
    fencing_token: int = 0  # bumped on every save, so a stale worker's write is refused
    acknowledged_by: str | None = Field(default=None, max_length=200)
    acknowledged_at: datetime | None = _when(nullable=True)
    acknowledged_via: str | None = Field(default=None, max_length=32)
    responder_eta: datetime | None = _when(nullable=True)  # when the responder said they would join
    reminded: bool = False
    reminders_sent: int = 0
    resolved_at: datetime | None = _when(nullable=True)
    is_test: bool = False
    # What the resolving responder said it was (real_crisis | not_a_crisis | unclear) and, optionally, the
    # level it should have had; who said it and when. The turns stay in ``message``, under its retention.
    outcome: str | None = Field(default=None, max_length=16)
    right_level: str | None = Field(default=None, max_length=16)
    outcome_by: str | None = Field(default=None, max_length=200)
    outcome_at: datetime | None = _when(nullable=True)


class LabelledExampleRow(SQLModel, table=True):
    """One customer turn someone said something about (issue 15): a responder's outcome for the incident
    it raised, or an agent's label (a miss the detector rated none or low, a moderate that was no crisis).

    ``text`` and ``context`` (the last agent turn and the last few customer turns before it) are copies:
    retention empties them with the messages they quote (``purged_at``) unless the centre keeps labelled
    text (``STAYLINE_KEEP_LABELLED_TEXT``); ``features`` (the detector's signal names, levels and hashed
    n-gram ids, never words) stay either way."""

    __tablename__ = "labelled_example"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True, max_length=24)  # real_crisis | not_a_crisis | unclear | miss | false_alarm
    source: str = Field(max_length=16)  # responder | agent
    level: str = Field(max_length=16)  # the level the turn should have had (the training label)
    category: str = Field(max_length=32)
    detector_level: str | None = Field(default=None, max_length=16)  # the turn's own level when labelled
    incident_id: str | None = Field(default=None, index=True, max_length=64)
    conversation_id: str = Field(index=True, max_length=200)
    message_id: str | None = Field(default=None, max_length=64)
    channel: str = Field(max_length=16)
    team: str = Field(default="default", max_length=100)
    text: str = ""
    context: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    features: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    detector_version: str | None = Field(default=None, max_length=120)
    labelled_by: str = Field(max_length=200)
    labelled_at: datetime = _when(index=True)
    oldest_turn_at: datetime | None = _when(index=True, nullable=True)  # retention reads this
    purged_at: datetime | None = _when(nullable=True)


class PageRow(SQLModel, table=True):
    """One delivery to one responder on one channel, with every status it went through."""

    __tablename__ = "page"

    id: int | None = Field(default=None, primary_key=True)
    idempotency_key: str = Field(unique=True, max_length=400)
    incident_id: str = Field(index=True, max_length=64)
    kind: str = Field(max_length=16)  # page | alarm | reminder | test
    responder: str | None = Field(default=None, max_length=200)
    channel: str = Field(max_length=16)
    level: str = Field(max_length=16)
    category: str = Field(max_length=32)
    urgency: str = Field(default="high", max_length=8)
    tier: int = 0
    status: str = Field(index=True, max_length=24)
    attempts: int = 0
    next_attempt_at: datetime | None = _when(index=True, nullable=True)
    provider: str | None = Field(default=None, max_length=32)
    provider_id: str | None = Field(default=None, index=True, max_length=400)
    error: str | None = Field(default=None, max_length=500)
    history: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _when()
    updated_at: datetime = _when(index=True)  # the floor's recent alarms (migration 0016)


class AcknowledgementRow(SQLModel, table=True):
    __tablename__ = "acknowledgement"

    id: int | None = Field(default=None, primary_key=True)
    incident_id: str = Field(index=True, max_length=64)
    responder: str = Field(max_length=200)
    via: str = Field(max_length=32)
    at: datetime = _when()


class ResponderStateRow(SQLModel, table=True):
    """What delivery learned about a responder: channels found dead (STOP, a number that never works)."""

    __tablename__ = "responder"

    name: str = Field(primary_key=True, max_length=200)
    unreachable: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    reason: str | None = Field(default=None, max_length=500)
    updated_at: datetime = _when()


class AuditEventRow(SQLModel, table=True):
    """Append-only: who or what decided what, when and why. Chained: each row carries the hash of the one
    before it in ``seq`` order (store.audit_chain), so an edited, removed or inserted row shows."""

    __tablename__ = "audit_event"
    __table_args__ = (
        # The canary's rows only: /metrics and the watchdog read the newest one (migration 0018).
        Index(
            "ix_audit_canary_at",
            "at",
            postgresql_where=text("action = 'canary_scanned'"),
            sqlite_where=text("action = 'canary_scanned'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _when(index=True)
    actor: str = Field(max_length=200)  # "detector", "engine", "agent:ana", "responder:Lee", "notifier"
    action: str = Field(max_length=64)
    incident_id: str | None = Field(default=None, index=True, max_length=64)
    conversation_id: str | None = Field(default=None, index=True, max_length=200)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # Set when the writing transaction commits, under the chain head's lock (store.audit_chain).
    seq: int | None = Field(default=None, sa_column=Column(Integer, nullable=True, unique=True))
    prev_hash: str | None = Field(default=None, max_length=64)
    hash: str | None = Field(default=None, max_length=64)


class AuditChainRow(SQLModel, table=True):
    """The head of the audit chain: one row, locked by every transaction appending to the trail."""

    __tablename__ = "audit_chain"

    name: str = Field(primary_key=True, max_length=32)
    seq: int = 0
    hash: str = Field(max_length=64)


class AuditAnchorRow(SQLModel, table=True):
    """Where the audit trail now begins: pruning (``workers.pruning``) deleted every row up to ``seq``, and
    ``hash`` is the hash of row ``seq`` as it was. ``verify`` starts from the latest anchor (migration 0017).
    Written in the same transaction as the first deletion and the ``audit_pruned`` row that vouches for it."""

    __tablename__ = "audit_anchor"

    id: int | None = Field(default=None, primary_key=True)
    seq: int = Field(index=True)  # rows with seq <= this are deleted (or being deleted, batch by batch)
    hash: str = Field(max_length=64)  # the hash of row ``seq``: the next row's prev_hash
    pruned_at: datetime = _when()
    before: datetime = _when()  # the cut-off: a month's first midnight UTC
    pruned_rows: int = 0  # rows this prune set out to delete
    who: str = Field(max_length=200)


class WebhookReceiptRow(SQLModel, table=True):
    """A provider request already acted on, under its idempotency key (a MessageSid; a CallSid, page and
    step): a replay is answered with the first reply and changes nothing."""

    __tablename__ = "webhook_receipt"

    key: str = Field(primary_key=True, max_length=300)
    reply: str = ""
    replays: int = 0
    received_at: datetime = _when()


class ChannelThreadRow(SQLModel, table=True):
    """A provider thread with no conversation id of its own (an SMS exchange: the customer's number and
    the centre's): the conversation it maps to, until it has been idle for the configured window. The
    key is a digest, so the numbers themselves are not kept here."""

    __tablename__ = "channel_thread"

    key: str = Field(primary_key=True, max_length=120)
    conversation_id: str = Field(max_length=200)
    started_at: datetime = _when()
    last_at: datetime = _when()


class ApiKeyRow(SQLModel, table=True):
    """A key made by ``stayline keys create``: only its SHA-256 digest is kept, and its first characters
    (``prefix``) so the holder can tell which key a listing means."""

    __tablename__ = "api_key"

    digest: str = Field(primary_key=True, max_length=64)
    role: str = Field(max_length=16)
    label: str = Field(default="", max_length=200)
    person: str | None = Field(default=None, max_length=200)  # None: a service key (ingest, automation)
    prefix: str | None = Field(default=None, max_length=16)
    created_at: datetime = _when()
    last_used_at: datetime | None = _when(nullable=True)
    revoked_at: datetime | None = _when(nullable=True)  # kept, not deleted: the audit trail names it


class ConsoleSessionRow(SQLModel, table=True):
    """A signed-in browser. The cookie holds a random token; only its digest is kept here, so a copy of
    this table opens nothing. A session ends (``ended_at``) on sign-out, idleness, its key's revocation
    or a supervisor's decision, and an ended session is never accepted again."""

    __tablename__ = "console_session"

    id: str = Field(primary_key=True, max_length=32)  # public: names the session on the supervisor panel
    token_digest: str = Field(unique=True, max_length=64)
    role: str = Field(max_length=16)
    name: str = Field(max_length=200)
    person: str | None = Field(default=None, max_length=200)  # the key's person; None: a name as typed
    key_digest: str = Field(index=True, max_length=64)
    key_id: str = Field(max_length=32)
    address: str = Field(default="", max_length=64)
    created_at: datetime = _when()
    last_seen_at: datetime = _when()
    expires_at: datetime = _when()
    ended_at: datetime | None = _when(index=True, nullable=True)
    ended_reason: str | None = Field(default=None, max_length=32)
    ended_by: str | None = Field(default=None, max_length=200)


class LeaseRow(SQLModel, table=True):
    """A periodic job every worker offers to run (the sweep, the rota check): who runs it now, until when,
    and when it last completed. The last completion is what readiness and the late-sweep alarm read."""

    __tablename__ = "lease"

    name: str = Field(primary_key=True, max_length=64)
    holder: str | None = Field(default=None, max_length=200)
    expires_at: datetime | None = _when(nullable=True)
    last_run_at: datetime | None = _when(nullable=True)
