"""``/r/{token}``: the signed link a page carries. GET shows the button; POST acknowledges.

The token is the capability (HMAC-signed incident, responder and expiry), so no login and no CSRF token
are needed: a forged cross-site POST would have to know the token already (and one that says it comes
from another site is refused all the same). GET never changes anything, so link previews and mail
scanners cannot acknowledge by fetching it.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from api import pages
from api.deps import runtime_of
from api.origins import foreign_origin
from escalation.engine import AckVia
from escalation.links import InvalidLink, LinkClaim, verify_link
from store.db import session_scope
from store.models import IncidentRow
from workers.incidents import acknowledge_incident
from workers.runtime import Runtime

log = logging.getLogger(__name__)
router = APIRouter(tags=["acknowledgement links"])


def _claim(runtime: Runtime, token: str) -> LinkClaim | HTMLResponse:
    try:
        return verify_link(runtime.settings.link_secret, token, runtime.clock())
    except InvalidLink as error:
        log.info("acknowledgement link refused", extra={"reason": str(error)})
        return pages.refused(str(error), runtime.settings.oncall_number)


@router.get("/r/{token}", response_class=HTMLResponse, summary="Acknowledgement page (signed link)")
def show(token: str, runtime: Annotated[Runtime, Depends(runtime_of)]) -> HTMLResponse:
    claim = _claim(runtime, token)
    if isinstance(claim, HTMLResponse):
        return claim
    with session_scope(runtime.url) as session:
        incident = session.get(IncidentRow, claim.incident_id)
        if incident is None:
            return pages.refused("the incident no longer exists", runtime.settings.oncall_number, 404)
        return pages.ack_form(incident, claim.responder, token)


@router.post("/r/{token}", response_class=HTMLResponse, summary="Acknowledge through a signed link")
def acknowledge(
    token: str, request: Request, runtime: Annotated[Runtime, Depends(runtime_of)]
) -> HTMLResponse:
    if foreign_origin(request):
        return pages.refused("it was sent from another site", runtime.settings.oncall_number)
    claim = _claim(runtime, token)
    if isinstance(claim, HTMLResponse):
        return claim
    with session_scope(runtime.url) as session:
        incident = session.get(IncidentRow, claim.incident_id)
        if incident is None:
            return pages.refused("the incident no longer exists", runtime.settings.oncall_number, 404)
        decision = acknowledge_incident(
            session, incident.id, claim.responder, AckVia.WEB_LINK, runtime.config, runtime.clock()
        )
        if decision is None or not decision.has_it:
            return pages.ack_form(incident, claim.responder, token)  # says who has it, or that it is over
        log.info("incident acknowledged by link", extra={"incident_id": incident.id})
        return pages.acknowledged(incident)
