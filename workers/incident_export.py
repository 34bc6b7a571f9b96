"""An incident review's timeline, from the records: who was paged, on which channel, when and with what
outcome; who acknowledged (and who tried to after them); who resolved it; the prompts the agent saw.

Read from the page rows (every status a page went through) and the audit trail; it never prints a
customer's words (an agent's note on a flag, already in the audit trail, is printed as written).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, or_, select

from store.models import AuditEventRow, IncidentRow, PageRow

_AFTER_AUDIT = 10**15


@dataclass(frozen=True, order=True)
class Line:
    at: datetime
    order: int  # keeps records of the same instant in the order they were written
    text: str


def export_incident(session: Session, code: str) -> list[str] | None:
    """The timeline as printable lines, or None when there is no incident with this code (or id)."""
    incident = session.exec(
        select(IncidentRow).where(or_(IncidentRow.code == code, IncidentRow.id == code))
    ).first()
    if incident is None:
        return None
    lines = _page_lines(session, incident) + _audit_lines(session, incident)
    return _header(incident) + [f"{line.at.isoformat()}  {line.text}" for line in sorted(lines)]


def _header(incident: IncidentRow) -> list[str]:
    return [
        f"incident {incident.code} (id {incident.id})",
        f"conversation {incident.conversation_id}; level {incident.level}; category {incident.category}",
        f"opened {incident.opened_at.isoformat()} by {incident.opened_by}; state {incident.state}",
        f"acknowledged by {incident.acknowledged_by or '-'} via {incident.acknowledged_via or '-'}"
        f" at {incident.acknowledged_at.isoformat() if incident.acknowledged_at else '-'}",
        f"resolved {incident.resolved_at.isoformat() if incident.resolved_at else '-'}",
        "",
    ]


def _page_lines(session: Session, incident: IncidentRow) -> list[Line]:
    pages = session.exec(
        select(PageRow).where(PageRow.incident_id == incident.id).order_by(col(PageRow.id))
    ).all()
    lines = []
    for page in pages:
        who = page.responder or "the on-call supervisor"
        what = f"{page.kind} to {who} on {page.channel} (tier {page.tier})"
        for step in page.history:
            why = f" ({step['why']})" if step.get("why") else ""
            error = f" [{step['error']}]" if step.get("error") else ""
            # After the audit rows of the same instant: a page follows the opening that recorded it.
            order = _AFTER_AUDIT + (page.id or 0)
            lines.append(
                Line(datetime.fromisoformat(step["at"]), order, f"{what}: {step['status']}{why}{error}")
            )
    return lines


def _audit_lines(session: Session, incident: IncidentRow) -> list[Line]:
    rows = session.exec(
        select(AuditEventRow)
        .where(
            or_(
                col(AuditEventRow.incident_id) == incident.id,
                (col(AuditEventRow.conversation_id) == incident.conversation_id)
                & (col(AuditEventRow.at) >= incident.opened_at),
            )
        )
        .order_by(col(AuditEventRow.id))
    ).all()
    end = incident.resolved_at
    lines = []
    for row in rows:
        if end is not None and row.incident_id != incident.id and row.at > end:
            continue  # the conversation's later life belongs to a later incident
        text = _describe(row.actor, row.action, row.detail)
        if text is not None:
            lines.append(Line(row.at, row.id or 0, text))
    return lines


def _describe(actor: str, action: str, detail: dict[str, Any]) -> str | None:
    """The audit rows a review needs, in words; bookkeeping rows (page states, scans) are left out,
    the page rows already tell that story."""
    if action == "incident_opened":
        level, category = detail.get("level"), detail.get("category")
        return f"opened by {actor}: {level} risk, {category}, chain {detail.get('chain')}"
    if action == "incident_raised":
        return f"raised by {actor} to {detail.get('level')} (chain {detail.get('chain')})"
    if action == "conversation_flagged":
        note = f": {detail['note']}" if detail.get("note") else ""
        return f"flagged by {actor} as {detail.get('level')}{note}"
    if action == "incident_acknowledged":
        again = ", again (answering a reminder)" if detail.get("renewed") else ""
        return f"acknowledged by {actor} via {detail.get('via')}{again}"
    if action == "acknowledgement_refused":
        holder = f", {detail['holder']} has it" if detail.get("holder") else ""
        return f"acknowledgement by {actor} via {detail.get('via')} refused: {detail.get('outcome')}{holder}"
    if action == "responder_eta_set":
        return f"{actor} expects to join in {detail.get('minutes')} min"
    if action == "page_passed":
        return f"{actor} passed it on from tier {detail.get('tier')}: {detail.get('outcome', 'passed')}"
    if action == "incident_resolved":
        return f"resolved by {actor}"
    if action == "guidance_prompt_shown":
        event = detail.get("event") or {}
        shown = event.get("detail") or {}
        return (
            f"agent shown {shown.get('prompt_kind')} prompt {event.get('prompt_id')}: {shown.get('text', '')}"
        )
    if action == "guidance_playbook_activated":
        event = detail.get("event") or {}
        return f"agent's playbook {event.get('playbook')} v{event.get('playbook_version')} shown"
    return None
