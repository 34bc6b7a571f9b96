"""An incident's story for people: the audit trail turned into lines like "Paged Dana Reyes by SMS: sent".

Only what the audit trail says about paging is used: levels, people, channels, outcomes. An agent's note
on a flag is shown to signed-in agents and responders only, the same people who see the evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, or_, select

from api.console.formatting import words
from store.models import AuditEventRow, IncidentRow, PageRow

MAX_ENTRIES = 200


@dataclass(frozen=True)
class Entry:
    at: datetime
    text: str
    tone: str = "info"  # info | good | warn | bad: a CSS class, always beside words that say the same


@dataclass(frozen=True)
class PageLine:
    """A row of the paging table, with the status the timeline beside it tells."""

    page: PageRow
    status: str


def incident_timeline(session: Session, incident: IncidentRow) -> list[Entry]:
    return paging_story(session, incident)[0]


def paging_story(session: Session, incident: IncidentRow) -> tuple[list[Entry], list[PageLine]]:
    """The timeline and the paging table from one reading, so they cannot disagree on one screen.

    The page rows are read first and the audit trail second; a delivery recorded between the two reads
    (the provider's "delivered" callback lands within milliseconds of the send) would otherwise show as
    "sending" in the table and "delivered" in the timeline. A page's latest audited status wins when it
    is at least as new as the row.
    """
    page_rows = session.exec(
        select(PageRow).where(PageRow.incident_id == incident.id).order_by(col(PageRow.id))
    ).all()
    rows = session.exec(
        select(AuditEventRow)
        .where(
            or_(
                col(AuditEventRow.incident_id) == incident.id,
                (col(AuditEventRow.conversation_id) == incident.conversation_id)
                & (col(AuditEventRow.action) == "conversation_flagged"),
            )
        )
        .where(col(AuditEventRow.at) >= incident.opened_at)
        .order_by(col(AuditEventRow.id))
        .limit(MAX_ENTRIES)
    ).all()
    pages = {p.idempotency_key: p for p in page_rows}
    entries = [entry for row in rows if (entry := describe(row, pages)) is not None]
    return entries, [PageLine(page, _latest_status(page, rows)) for page in page_rows]


def _latest_status(page: PageRow, audit: Sequence[AuditEventRow]) -> str:
    for row in reversed(audit):
        told = row.action.startswith("page_") and row.action != "page_passed"
        if told and row.detail.get("page") == page.idempotency_key:
            if _naive(row.at) >= _naive(page.updated_at):
                return row.action.removeprefix("page_")
            break
    return page.status


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment  # SQLite: naive UTC


def _page_words(detail: dict[str, Any], pages: dict[str, PageRow]) -> str:
    page = pages.get(str(detail.get("page") or detail.get("key") or ""))
    if page is None:
        return "a page"
    who = page.responder or "the on-call supervisor"
    return f"{'Alarm' if page.kind == 'alarm' else words(page.kind).capitalize()} to {who} by {page.channel}"


def describe(row: AuditEventRow, pages: dict[str, PageRow]) -> Entry | None:
    """One audit row in words, or None for rows that say nothing to a person (internal bookkeeping)."""
    detail, action = row.detail, row.action
    actor = row.actor.split(":", 1)[-1]
    if action == "incident_opened":
        by = f"agent {actor}" if row.actor.startswith("agent:") else f"the {row.actor}"
        text = f"Incident opened by {by}: {detail.get('level', '')} risk, {words(detail.get('category'))}"
        return Entry(row.at, text, "warn")
    if action == "incident_raised":
        return Entry(row.at, f"Raised to {detail.get('level', '')} risk", "warn")
    if action == "conversation_flagged":
        text = f"Flagged by agent {actor} as {detail.get('level', '')} ({words(detail.get('category'))})"
        note = str(detail.get("note") or "").strip()
        return Entry(row.at, text + (f": “{note}”" if note else ""), "warn")
    # Labels first: they end in _recorded too, and are not pages (issue 15).
    if action == "outcome_recorded":
        level = f" (right level {detail['right_level']})" if detail.get("right_level") else ""
        return Entry(row.at, f"{actor} said it was: {words(detail.get('outcome'))}{level}", "info")
    if action == "label_recorded":
        said = {"false_alarm": "not a crisis (a false alarm)", "miss": "a miss by the detector"}
        return Entry(row.at, f"Agent {actor} labelled it {said.get(str(detail.get('label')), 'a label')}")
    if action.endswith("_recorded"):
        return Entry(row.at, f"{_page_words({'key': detail.get('key')}, pages)}: scheduled")
    if action.startswith("page_") and action != "page_passed":
        status = action.removeprefix("page_")
        tone = {"failed": "bad", "undelivered": "bad", "retry": "warn", "delivered": "good"}.get(
            status, "info"
        )
        error = f" ({detail['error']})" if detail.get("error") and tone == "bad" else ""
        return Entry(row.at, f"{_page_words(detail, pages)}: {words(status)}{error}", tone)
    if action == "page_passed":
        return Entry(row.at, f"{actor} passed it on to the next tier", "warn")
    if action == "escalated_after_failure":
        return Entry(row.at, "Every channel to a responder failed: escalated to the next tier", "bad")
    if action == "incident_acknowledged":
        return Entry(row.at, f"Acknowledged by {actor} (via {words(detail.get('via'))})", "good")
    if action == "responder_eta_set":
        minutes = int(detail.get("minutes", 0))
        when = "now" if minutes == 0 else f"in {minutes} min"
        return Entry(row.at, f"{actor} expects to join {when}", "good")
    if action == "incident_resolved":
        return Entry(row.at, f"Resolved by {actor}", "good")
    if action == "responder_unreachable":
        who = detail.get("responder") or "A responder"
        return Entry(row.at, f"{who} cannot be reached by {detail.get('channel', 'that channel')}", "bad")
    return None
