"""The responder's view of one incident: level, category, the evidence (only here, behind sign-in), the
agent and how to join, acknowledge / resolve / pass on, and the timeline. Works on a phone."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from sqlmodel import Session, col, select

from api.auth import Role
from api.console import reads
from api.console.timeline import incident_timeline
from api.console.web import Refused, now_of, read_form, render, require_person, see_other
from api.deps import runtime_of
from api.schemas import ID_PATTERN
from api.views import find_incident
from escalation.acknowledgement import AckDecision, AckOutcome, IncidentOutcome, ResolveOutcome
from escalation.engine import AckVia
from escalation.model import Level
from store.db import session_scope
from store.models import ConversationRow, IncidentRow, PageRow
from workers.incidents import (
    MAX_ETA_MINUTES,
    acknowledge_incident,
    pass_on,
    resolve_incident,
    set_responder_eta,
)

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
IncidentPath = Annotated[str, Path(min_length=1, max_length=64, pattern=ID_PATTERN)]


def _found(incident: IncidentRow | None, ref: str) -> IncidentRow:
    if incident is None:
        raise Refused(404, "No such incident", f"There is no incident {ref!r}.")
    return incident


@router.get("/incidents/{ref}")
def incident_page(request: Request, ref: IncidentPath) -> Response:
    person = require_person(request, Role.RESPONDER, Role.AGENT)
    with session_scope(runtime_of(request).url) as session:
        incident = _found(find_incident(session, ref), ref)
        conversation = session.get(ConversationRow, incident.conversation_id)
        channel = conversation.channel if conversation else "chat"
        team = conversation.team if conversation else "default"
        values = {
            "incident": incident,
            "conversation": conversation,
            "evidence": reads.messages(session, incident.conversation_id, evidence_only=True),
            "flagged_by": reads.flagged_by(session, incident),
            "join": reads.join_instructions(channel, team, incident.code),
            "pages": reads.pages_of(session, incident.id),
            "timeline": incident_timeline(session, incident),
            "can_act": person.may(Role.RESPONDER),
            "eta_choices": ETA_CHOICES,
            "outcome_words": OUTCOME_WORDS,
            "right_levels": RIGHT_LEVELS,
        }
        return render(request, "incident.html", values, person=person)


@router.post("/incidents/{ref}/{action}")
async def incident_action(
    request: Request,
    ref: IncidentPath,
    action: Annotated[str, Path(pattern="^(ack|resolve|pass|label)$")],
) -> Response:
    """Acknowledge (the chain stops), resolve (closed for good, with what it was if the responder says),
    pass on (the next tier now), or label a resolved incident that was closed without saying."""
    person = require_person(request, Role.RESPONDER)
    form = await read_form(request, person.nonce)
    eta = _eta_minutes(form.get("eta")) if action == "ack" else None
    outcome, right_level = _outcome(form, required=action == "label")
    if action == "resolve" and form.get("confirm") != "yes":  # closing stops every page: never by a slip
        raise Refused(422, "Not resolved", "Confirm that the person is safe before resolving.")
    runtime = runtime_of(request)
    now, page_ids, refusal = now_of(request), [], None
    with session_scope(runtime.url) as session:
        incident = _found(find_incident(session, ref), ref)
        if action == "ack":
            decision = acknowledge_incident(
                session, incident.id, person.name, AckVia.CONSOLE, runtime.config, now
            )
            refusal = _ack_refusal(incident, decision)
            if refusal is None and eta is not None:
                set_responder_eta(session, incident, person.name, eta, now)
        elif action == "resolve":
            if (
                resolve_incident(
                    session,
                    incident.id,
                    person.actor,
                    runtime.config,
                    now,
                    outcome=outcome,
                    right_level=right_level,
                )
                is not ResolveOutcome.RESOLVED
            ):
                refusal = Refused(409, "Already resolved", f"Incident {incident.code} is already resolved.")
        elif action == "label":
            if incident.state != "resolved":
                refusal = Refused(409, "Not labelled", "Resolve the incident to say what it was.")
            else:
                resolve_incident(
                    session,
                    incident.id,
                    person.actor,
                    runtime.config,
                    now,
                    outcome=outcome,
                    right_level=right_level,
                )
        elif incident.state == "resolved":
            refusal = Refused(409, "Already resolved", f"Incident {incident.code} is already resolved.")
        else:
            tier = _tier_of(session, incident, person.name)
            page_ids = pass_on(session, incident, person.name, tier, runtime.config, now)
        log.info("incident %s from the console", action, extra={"incident_id": incident.id})
        target = f"/incidents/{incident.code}"
    if refusal is not None:
        raise refusal  # after the commit: a refused acknowledgement stays in the audit trail
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)
    return see_other(target)


def _ack_refusal(incident: IncidentRow, decision: AckDecision | None) -> Refused | None:
    if decision is None or decision.has_it:
        return None
    if decision.outcome is AckOutcome.RESOLVED:
        return Refused(409, "Already resolved", f"Incident {incident.code} is already resolved.")
    return Refused(409, "Already acknowledged", f"{decision.holder} already has it.")


ETA_CHOICES = (0, 2, 5, 10, 15, 30, 60)
OUTCOME_WORDS = {
    IncidentOutcome.REAL_CRISIS: "Real crisis",
    IncidentOutcome.NOT_A_CRISIS: "Not a crisis",
    IncidentOutcome.UNCLEAR: "Unclear",
}
RIGHT_LEVELS = ("moderate", "high", "imminent")


def _outcome(form: dict[str, str], *, required: bool) -> tuple[IncidentOutcome | None, Level | None]:
    """What the responder said it was (one of the outcome buttons) and, for a real crisis, the right
    level if they chose one; anything else is refused with the reason, not guessed."""
    said, level = form.get("outcome", ""), form.get("right_level", "")
    if not said:
        if required:
            raise Refused(422, "Not labelled", "Choose what it was: real crisis, not a crisis or unclear.")
        if level:
            raise Refused(422, "Not resolved", "The right level goes with a real crisis: choose that too.")
        return None, None
    if said not in {o.value for o in IncidentOutcome} or (level and level not in RIGHT_LEVELS):
        raise Refused(422, "Not recorded", "Choose what it was, and its level, from the buttons and list.")
    outcome = IncidentOutcome(said)
    if level and outcome is not IncidentOutcome.REAL_CRISIS:
        raise Refused(422, "Not recorded", "The right level is the level a real crisis should have had.")
    return outcome, Level.parse(level) if level else None


def _eta_minutes(value: str | None) -> int | None:
    """The "I can join in" choice; empty means not said. Anything else is refused, not guessed."""
    if not value:
        return None
    if not value.isdigit() or int(value) > MAX_ETA_MINUTES:
        raise Refused(422, "Not recorded", "Choose when you can join from the list.")
    return int(value)


def _tier_of(session: Session, incident: IncidentRow, responder: str) -> int:
    """The tier that paged this responder; someone never paged passes on from the highest tier reached."""
    tier = session.exec(
        select(PageRow.tier)
        .where(PageRow.incident_id == incident.id)
        .where(PageRow.responder == responder)
        .order_by(col(PageRow.tier).desc())
    ).first()
    return tier if tier is not None else max(incident.highest_tier, 0)
