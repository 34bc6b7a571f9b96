"""Incidents for responders and their tools: list, read, acknowledge, resolve."""

from __future__ import annotations

import logging
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Path, Query

from api.auth import Principal, Role, acting_person, require
from api.deps import runtime_of
from api.errors import ApiError, documented
from api.key_audit import audit_key
from api.schemas import ID_PATTERN, AckIn, IncidentDetail, IncidentList, ResolveIn
from api.views import find_incident, incident_detail, incident_summary, list_incidents
from escalation.acknowledgement import AckOutcome, IncidentOutcome
from escalation.engine import AckVia
from escalation.model import Level
from store.db import session_scope
from store.repository import OPEN_STATES
from workers.incidents import acknowledge_incident, resolve_incident, set_responder_eta
from workers.runtime import Runtime

log = logging.getLogger(__name__)
router = APIRouter(tags=["incidents"])
IncidentPath = Annotated[
    str, Path(min_length=1, max_length=64, pattern=ID_PATTERN, description="Incident id or short code")
]
STATE_FILTERS: dict[str, tuple[str, ...]] = {
    "open": OPEN_STATES,
    "paging": ("triggered", "paging"),
    "acknowledged": ("acknowledged",),
    "resolved": ("resolved",),
    "all": (*OPEN_STATES, "resolved"),
}


@router.get("/v1/incidents", response_model=IncidentList, responses=documented(401, 403))
def get_incidents(
    _: Annotated[Principal, Depends(require(Role.AGENT, Role.RESPONDER))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
    state: Annotated[Literal["open", "paging", "acknowledged", "resolved", "all"], Query()] = "open",
    conversation_id: Annotated[str | None, Query(max_length=200, pattern=ID_PATTERN)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> IncidentList:
    """Newest first."""
    with session_scope(runtime.url) as session:
        rows = list_incidents(session, STATE_FILTERS[state], conversation_id, limit)
        return IncidentList(incidents=[incident_summary(r) for r in rows])


@router.get("/v1/incidents/{incident}", response_model=IncidentDetail, responses=documented(401, 403, 404))
def get_incident(
    incident: IncidentPath,
    _: Annotated[Principal, Depends(require(Role.AGENT, Role.RESPONDER))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
) -> IncidentDetail:
    with session_scope(runtime.url) as session:
        row = find_incident(session, incident)
        if row is None:
            raise ApiError(404, "not_found", f"no incident {incident!r}")
        return incident_detail(session, row)


@router.post(
    "/v1/incidents/{incident}/ack",
    response_model=IncidentDetail,
    responses=documented(401, 403, 404, 409, 422),
)
def acknowledge(
    incident: IncidentPath,
    body: Annotated[AckIn, Body()],
    principal: Annotated[Principal, Depends(require(Role.RESPONDER))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
) -> IncidentDetail:
    """The chain stops and unsent pages are cancelled. Repeating the same responder's acknowledgement
    answers a reminder (200); another responder's is refused (409) so the record keeps who has it."""
    responder = acting_person(principal, body.responder)
    if responder is None:
        raise ApiError(422, "responder_required", "this key has no person: name the responder")
    if responder not in runtime.config.roster.responders:
        raise ApiError(422, "unknown_responder", f"{responder!r} is not in the roster")
    with session_scope(runtime.url) as session:
        row = find_incident(session, incident)
        decision = None
        if row is not None:
            decision = acknowledge_incident(
                session, row.id, responder, AckVia.API, runtime.config, runtime.clock()
            )
        if row is not None and decision is not None and decision.has_it:
            audit_key(session, principal, "acknowledged_with_key", row.id, runtime.clock(), responder)
            log.info("incident acknowledged", extra={"incident_id": row.id, "caller": principal.key_id})
            if body.eta_minutes is not None:
                set_responder_eta(session, row, responder, body.eta_minutes, runtime.clock())
            session.flush()
            return incident_detail(session, row)
        summary = incident_summary(row).model_dump(mode="json") if row is not None else None
    # Refused after the transaction commits, so the refusal stays in the audit trail.
    if decision is None or summary is None:
        raise ApiError(404, "not_found", f"no incident {incident!r}")
    if decision.outcome is AckOutcome.RESOLVED:
        raise ApiError(409, "already_resolved", summary)
    raise ApiError(409, "already_acknowledged", {"acknowledged_by": decision.holder})


@router.post(
    "/v1/incidents/{incident}/resolve",
    response_model=IncidentDetail,
    responses=documented(401, 403, 404, 422),
)
def resolve(
    incident: IncidentPath,
    principal: Annotated[Principal, Depends(require(Role.RESPONDER))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
    body: Annotated[ResolveIn | None, Body()] = None,
) -> IncidentDetail:
    """Closes the incident for good (a new signal opens a new one); resolving twice changes nothing.
    ``outcome`` says what it was (real_crisis, not_a_crisis, unclear): the first label given is kept."""
    named = acting_person(principal, body.by if body else None)
    outcome = IncidentOutcome(body.outcome) if body and body.outcome else None
    right_level = Level.parse(body.right_level) if body and body.right_level else None
    if right_level is not None and outcome is not IncidentOutcome.REAL_CRISIS:
        reason = "right_level is the level a real crisis should have had: give it with outcome real_crisis"
        raise ApiError(422, "right_level_without_real_crisis", reason)
    who = principal.actor if principal.person or not named else f"responder:{named}"
    with session_scope(runtime.url) as session:
        row = find_incident(session, incident)
        if row is None:
            raise ApiError(404, "not_found", f"no incident {incident!r}")
        if row.state != "resolved":
            audit_key(session, principal, "resolved_with_key", row.id, runtime.clock(), named)
        elif outcome is not None:
            audit_key(session, principal, "labelled_with_key", row.id, runtime.clock(), named)
        resolve_incident(
            session, row.id, who, runtime.config, runtime.clock(), outcome=outcome, right_level=right_level
        )
        session.flush()
        return incident_detail(session, row)
