"""The read queries behind console pages. No writes here."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import case
from sqlmodel import Session, col, select

from api.console.formatting import LEVEL_ORDER, Segment, highlight, level_rank
from config.console_file import ConsoleSettings, read_console
from config.files import config_dir, config_path
from store.models import (
    AssessmentRow,
    AuditEventRow,
    ConversationRow,
    IncidentRow,
    LabelledExampleRow,
    MessageRow,
    PageRow,
)
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


@dataclass(frozen=True)
class ConversationLine:
    """One row of the conversation list: the badge is the higher of the detector's level and the open
    incident's (an agent's flag opens one), so a flagged conversation never reads as "none"."""

    row: ConversationRow
    incident: IncidentRow | None
    level: str


def conversations(session: Session, at_risk_only: bool) -> list[ConversationLine]:
    """Riskiest first, then most recent; conversations with an open incident always count as at risk."""
    open_incidents = session.exec(
        select(IncidentRow)
        .where(col(IncidentRow.state).in_(OPEN_STATES))
        .where(col(IncidentRow.is_test).is_(False))
    ).all()
    incident_of = {incident.conversation_id: incident for incident in open_incidents}
    query = select(ConversationRow).where(col(ConversationRow.is_test).is_(False))
    if at_risk_only:
        query = query.where(
            (col(ConversationRow.level) != "none") | col(ConversationRow.id).in_(list(incident_of))
        )
    rank = case(
        {level: index for index, level in enumerate(LEVEL_ORDER)}, value=ConversationRow.level, else_=0
    )
    rows = list(
        session.exec(
            query.order_by(rank.desc(), col(ConversationRow.updated_at).desc()).limit(CONVERSATIONS_SHOWN)
        ).all()
    )
    # An open incident's conversation is shown even when the detector's level alone would not reach the
    # first page of the list (a flagged "none" conversation among a hundred noisier ones).
    listed = {row.id for row in rows}
    missing = [cid for cid in incident_of if cid not in listed]
    if missing:
        rows += session.exec(select(ConversationRow).where(col(ConversationRow.id).in_(missing))).all()
    lines = [
        ConversationLine(row, incident_of.get(row.id), shown_level(row.level, incident_of.get(row.id)))
        for row in rows
    ]
    lines.sort(key=lambda line: (level_rank(line.level), line.row.updated_at), reverse=True)
    return lines[:CONVERSATIONS_SHOWN]


def shown_level(detected: str, incident: IncidentRow | None) -> str:
    """The higher of the detector's level and the open incident's."""
    if incident is None or incident.state not in OPEN_STATES:
        return detected
    return max(detected, incident.level, key=level_rank)


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


def pages_awaiting_acknowledgement(session: Session) -> list[tuple[PageRow, str | None]]:
    """Pages a provider has taken (or is about to) for incidents nobody has acknowledged yet, each with
    its incident's code: the code is what the page carried and what the responder will quote."""
    paging = select(IncidentRow.id).where(col(IncidentRow.state).in_(("triggered", "paging")))
    rows = session.exec(
        select(PageRow)
        .where(col(PageRow.incident_id).in_(paging))
        .where(col(PageRow.kind).in_(("page", "reminder")))
        .where(col(PageRow.status).not_in(("cancelled", *UNREACHED)))
        .order_by(col(PageRow.created_at))
    ).all()
    return _with_codes(session, rows)


def unreached(session: Session, since: datetime) -> list[tuple[PageRow, str | None]]:
    """Alarms (nobody reachable, rota gaps, expired resources) and pages that never got through, with
    the incident's code where there is one (rota and resource alarms belong to no incident)."""
    rows = session.exec(
        select(PageRow)
        .where(col(PageRow.updated_at) >= since)
        .where((col(PageRow.kind) == "alarm") | col(PageRow.status).in_(UNREACHED))
        .where(col(PageRow.kind) != "test")
        .order_by(col(PageRow.updated_at).desc())
        .limit(50)
    ).all()
    return _with_codes(session, rows)


def _with_codes(session: Session, pages: Sequence[PageRow]) -> list[tuple[PageRow, str | None]]:
    ids = {page.incident_id for page in pages}
    codes = dict(
        session.exec(select(IncidentRow.id, IncidentRow.code).where(col(IncidentRow.id).in_(ids))).all()
    )
    return [(page, codes.get(page.incident_id)) for page in pages]


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


def agent_labels(session: Session, conversation_id: str) -> list[LabelledExampleRow]:
    """Agents' labels on a conversation (misses, false alarms), oldest first: who said what, when."""
    return list(
        session.exec(
            select(LabelledExampleRow)
            .where(LabelledExampleRow.conversation_id == conversation_id)
            .where(LabelledExampleRow.source == "agent")
            .order_by(col(LabelledExampleRow.labelled_at), col(LabelledExampleRow.id))
        ).all()
    )
