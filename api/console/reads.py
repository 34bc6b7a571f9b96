"""The read queries behind console pages. No writes here."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from api.console.formatting import Segment, highlight
from config.console_file import ConsoleSettings, read_console
from config.files import config_dir, config_path
from store.models import AssessmentRow, AuditEventRow, ConversationRow, IncidentRow, MessageRow, PageRow
from store.repository import OPEN_STATES

log = logging.getLogger(__name__)

MESSAGES_SHOWN = 200
CONVERSATIONS_SHOWN = 100
AWAITING_PROVIDER = ("pending", "retry")
UNREACHED = ("failed", "undelivered", "no-answer", "busy", "canceled")


@dataclass(frozen=True)
class MessageView:
    id: str
    sender: str
    sent_at: datetime
    segments: list[Segment]
    level: str | None  # this message's own level; None for agent turns and unscanned messages
    scanned: bool

    @property
    def has_evidence(self) -> bool:
        return any(segment.kinds for segment in self.segments)


def conversations(session: Session, at_risk_only: bool) -> list[tuple[ConversationRow, IncidentRow | None]]:
    query = select(ConversationRow).where(col(ConversationRow.is_test).is_(False))
    if at_risk_only:
        query = query.where(col(ConversationRow.level) != "none")
    rows = session.exec(
        query.order_by(col(ConversationRow.updated_at).desc()).limit(CONVERSATIONS_SHOWN)
    ).all()
    open_by_conversation = {
        incident.conversation_id: incident
        for incident in session.exec(
            select(IncidentRow)
            .where(col(IncidentRow.conversation_id).in_([r.id for r in rows]))
            .where(col(IncidentRow.state).in_(OPEN_STATES))
        ).all()
    }
    return [(row, open_by_conversation.get(row.id)) for row in rows]


def messages(session: Session, conversation_id: str, evidence_only: bool = False) -> list[MessageView]:
    """The latest messages, oldest first, each with its evidence cut into highlighted segments."""
    rows = list(
        session.exec(
            select(MessageRow)
            .where(MessageRow.conversation_id == conversation_id)
            .order_by(col(MessageRow.sent_at).desc(), col(MessageRow.received_at).desc())
            .limit(MESSAGES_SHOWN)
        ).all()
    )[::-1]
    assessments = {
        a.message_id: a
        for a in session.exec(
            select(AssessmentRow)
            .where(col(AssessmentRow.message_id).in_([m.id for m in rows]))
            .order_by(col(AssessmentRow.id))
        ).all()
    }
    views = []
    for row in rows:
        assessment = assessments.get(row.id)
        signals: Sequence[dict[str, Any]] = assessment.signals if assessment else ()
        view = MessageView(
            id=row.id,
            sender=row.sender,
            sent_at=row.sent_at,
            segments=highlight(row.text, signals),
            level=assessment.message_level if assessment else None,
            scanned=row.scanned_at is not None,
        )
        if not evidence_only or view.has_evidence:
            views.append(view)
    return views


def latest_incident(session: Session, conversation_id: str) -> IncidentRow | None:
    return session.exec(
        select(IncidentRow)
        .where(IncidentRow.conversation_id == conversation_id)
        .order_by(col(IncidentRow.opened_at).desc())
    ).first()


def pages_of(session: Session, incident_id: str) -> Sequence[PageRow]:
    return session.exec(
        select(PageRow).where(PageRow.incident_id == incident_id).order_by(col(PageRow.id))
    ).all()


def flagged_by(session: Session, incident: IncidentRow) -> str | None:
    """The agent who flagged the conversation for this incident, if an agent did."""
    actor = session.exec(
        select(AuditEventRow.actor)
        .where(AuditEventRow.conversation_id == incident.conversation_id)
        .where(AuditEventRow.action == "conversation_flagged")
        .where(col(AuditEventRow.at) >= incident.opened_at - timedelta(seconds=1))
        .order_by(col(AuditEventRow.id))
    ).first()
    return actor.split(":", 1)[1] if actor and ":" in actor else None


def open_incidents(session: Session) -> Sequence[IncidentRow]:
    return session.exec(
        select(IncidentRow)
        .where(col(IncidentRow.state).in_(OPEN_STATES))
        .where(col(IncidentRow.is_test).is_(False))
        .order_by(col(IncidentRow.opened_at))
    ).all()


def pages_awaiting_acknowledgement(session: Session) -> Sequence[PageRow]:
    """Pages a provider has taken (or is about to) for incidents nobody has acknowledged yet."""
    paging = select(IncidentRow.id).where(col(IncidentRow.state).in_(("triggered", "paging")))
    return session.exec(
        select(PageRow)
        .where(col(PageRow.incident_id).in_(paging))
        .where(col(PageRow.kind).in_(("page", "reminder")))
        .where(col(PageRow.status).not_in(("cancelled", *UNREACHED)))
        .order_by(col(PageRow.created_at))
    ).all()


def unreached(session: Session, since: datetime) -> Sequence[PageRow]:
    """Alarms (nobody reachable, rota gaps, expired resources) and pages that never got through."""
    return session.exec(
        select(PageRow)
        .where(col(PageRow.updated_at) >= since)
        .where((col(PageRow.kind) == "alarm") | col(PageRow.status).in_(UNREACHED))
        .where(col(PageRow.kind) != "test")
        .order_by(col(PageRow.updated_at).desc())
        .limit(50)
    ).all()


@lru_cache(maxsize=4)
def _console_settings(directory: Path) -> ConsoleSettings:
    """``console.yaml``, read once per configuration directory rather than on every page view. A broken
    file (which `config check` and the supervisor's screen report) falls back to the generic text: how to
    join is a side feature and must not stop the incident page from showing."""
    settings, errors = read_console(config_path("console.yaml", directory))
    if settings is None:
        log.warning("console.yaml unusable; generic join text shown", extra={"problems": len(errors)})
        return ConsoleSettings()
    return settings


def join_instructions(channel: str, team: str, code: str) -> str:
    """How a responder joins this conversation (``console.yaml``: per channel, per team overrides)."""
    settings = _console_settings(config_dir())
    by_channel = settings.join.texts()
    team_settings = settings.teams.get(team)
    if team_settings is not None:
        by_channel.update(team_settings.join.texts())
    text = by_channel.get(channel) or by_channel.get("default") or "Contact the agent's team lead."
    return text.replace("{code}", code)
