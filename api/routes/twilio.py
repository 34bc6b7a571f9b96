"""Twilio webhooks: inbound SMS replies, voice key presses and delivery/call status callbacks.

Every request must carry a valid ``X-Twilio-Signature`` over the public URL (``settings.public_url`` +
path + query) and the form parameters, signed with ``STAYLINE_TWILIO_AUTH_TOKEN``. Without the token
configured, nothing is trusted: every webhook is refused with 403.
"""

from __future__ import annotations

import logging
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlmodel import select
from twilio.twiml.voice_response import VoiceResponse

from api.deps import context, runtime_of
from api.errors import ApiError, documented
from escalation.engine import AckVia
from escalation.notifiers.twilio_common import twilio_signature_valid
from escalation.notifiers.twilio_sms import sms_reply_twiml
from escalation.notifiers.twilio_voice import gather_response
from store import repository
from store.db import session_scope
from store.models import PageRow
from workers.incidents import acknowledge_incident, pass_on
from workers.replies import acknowledge_by_sms, call_status, message_status
from workers.runtime import Runtime

log = logging.getLogger(__name__)
router = APIRouter(prefix="/twilio", tags=["twilio webhooks"])
TWIML = "application/xml"


def public_url(runtime: Runtime, request: Request) -> str:
    query = request.url.query
    return runtime.settings.public_url.rstrip("/") + request.url.path + (f"?{query}" if query else "")


async def signed_params(request: Request) -> dict[str, str]:
    """The webhook's form parameters, once its signature has checked out; 403 otherwise."""
    ctx = context(request)
    body = (await request.body()).decode("utf-8", errors="replace")
    params = dict(parse_qsl(body, keep_blank_values=True))
    token = ctx.twilio_token()
    signature = request.headers.get("X-Twilio-Signature")
    if not twilio_signature_valid(token, public_url(ctx.runtime, request), params, signature):
        reason = "Twilio auth token not configured" if not token else "bad or missing X-Twilio-Signature"
        log.warning("twilio webhook refused", extra={"path": request.url.path, "reason": reason})
        raise ApiError(403, "forbidden", reason)
    return params


Params = Annotated[dict[str, str], Depends(signed_params)]
RuntimeDep = Annotated[Runtime, Depends(runtime_of)]


@router.post("/sms", response_class=Response, responses=documented(403), summary="Inbound SMS reply")
def inbound_sms(params: Params, runtime: RuntimeDep) -> Response:
    """A reply such as ACK 482193 from a paged responder's phone acknowledges; else the help text."""
    with session_scope(runtime.url) as session:
        reply = acknowledge_by_sms(
            session, params.get("From", ""), params.get("Body", ""), runtime.config, runtime.clock()
        )
    return Response(sms_reply_twiml(reply), media_type=TWIML)


@router.post("/voice", response_class=Response, responses=documented(403), summary="Voice key press")
def voice_keypress(
    params: Params,
    runtime: RuntimeDep,
    request: Request,
    page: Annotated[str, Query(max_length=400, description="The page's idempotency key")] = "",
) -> Response:
    """1 acknowledges as the paged responder. 2 passes it on: the chain takes its next step now rather
    than waiting out the timeout (paging more people sooner is the safe direction)."""
    page_ids: list[int] = []
    with session_scope(runtime.url) as session:
        row = session.exec(select(PageRow).where(PageRow.idempotency_key == page)).first() if page else None
        incident = repository.lock_incident(session, row.incident_id) if row else None
        if row is None or incident is None:
            log.warning("voice key press for an unknown page", extra={"page": page})
            return Response(_unknown_page_twiml(), media_type=TWIML)
        reply = gather_response(params.get("Digits"), public_url(runtime, request))
        now = runtime.clock()
        if reply.decision == "acknowledge" and incident.state in ("triggered", "paging"):
            who = row.responder or "voice caller"
            acknowledge_incident(session, incident.id, who, AckVia.KEYPRESS, runtime.config, now)
        elif reply.decision == "pass":
            passer = row.responder or "voice caller"
            page_ids = pass_on(
                session, incident, passer, row.tier, runtime.config, now, page=row.idempotency_key
            )
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)
    return Response(reply.twiml, media_type=TWIML)


def _unknown_page_twiml() -> str:
    response = VoiceResponse()
    response.say("This page could not be found, so it is not acknowledged. Goodbye.")
    response.hangup()
    return str(response.to_xml())


@router.post("/status", status_code=204, response_class=Response, responses=documented(403))
def status_callback(params: Params, runtime: RuntimeDep) -> Response:
    """Message and call status callbacks. Delivery is recorded, never taken as an acknowledgement;
    a failed page falls back to the next channel, which the sweep sends."""
    with session_scope(runtime.url) as session:
        now = runtime.clock()
        if params.get("CallSid") and params.get("CallStatus"):
            status = call_status(session, params, runtime.config, runtime.policy, now)
        else:
            status = message_status(session, params, runtime.config, runtime.policy, now)
    log.info("twilio status callback", extra={"page_status": status})
    return Response(status_code=204)
