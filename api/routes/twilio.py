"""Twilio webhooks: inbound SMS replies, voice key presses and delivery/call status callbacks.

Every request must carry a valid ``X-Twilio-Signature`` over the public URL (``settings.public_url`` +
path + query) and the form parameters, signed with ``STAYLINE_TWILIO_AUTH_TOKEN``. Without the token
configured, nothing is trusted: every webhook is refused with 403.
"""

from __future__ import annotations

import logging
from typing import Annotated
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlmodel import Session, select
from twilio.twiml.voice_response import VoiceResponse

from api.deps import context, runtime_of
from api.errors import ApiError, documented
from escalation.acknowledgement import refusal_words
from escalation.engine import AckVia
from escalation.notifiers.twilio_common import twilio_signature_valid
from escalation.notifiers.twilio_sms import sms_reply_twiml
from escalation.notifiers.twilio_voice import gather_response, spoken_reply
from store import repository
from store.db import session_scope
from store.models import PageRow
from workers import replays
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
    """A reply such as ACK 482193 from a paged responder's phone acknowledges, RESOLVED 482193 FALSE
    resolves and says what it was; else the help text.
    A replayed request (the same MessageSid) gets the first reply again and changes nothing."""
    now, key = runtime.clock(), replays.sms_key(params)
    with session_scope(runtime.url) as session:
        reply = replays.replayed_reply(session, key, now)
        if reply is None:
            text = acknowledge_by_sms(
                session, params.get("From", ""), params.get("Body", ""), runtime.config, now
            )
            reply = sms_reply_twiml(text)
            replays.remember(session, key, reply)
    return Response(reply, media_type=TWIML)


@router.post("/voice", response_class=Response, responses=documented(403), summary="Voice key press")
def voice_keypress(
    params: Params,
    runtime: RuntimeDep,
    request: Request,
    page: Annotated[str, Query(max_length=400, description="The page's idempotency key")] = "",
    step: Annotated[int, Query(ge=0, le=20, description="Which key press of the call this is")] = 0,
) -> Response:
    """1 acknowledges as the paged responder. 2 passes it on: the chain takes its next step now rather
    than waiting out the timeout (paging more people sooner is the safe direction). A replayed request
    (the same CallSid and step) gets the first answer again and changes nothing."""
    now, key = runtime.clock(), replays.voice_key(params, page, step)
    page_ids: list[int] = []
    with session_scope(runtime.url) as session:
        twiml = replays.replayed_reply(session, key, now)
        if twiml is None:
            twiml, page_ids = _keypress(
                session, runtime, params, page, _next_step_url(runtime, request, step)
            )
            replays.remember(session, key, twiml)
    for page_id in page_ids:
        runtime.dispatcher.send_page(page_id)
    return Response(twiml, media_type=TWIML)


def _keypress(
    session: Session, runtime: Runtime, params: dict[str, str], page: str, again_url: str
) -> tuple[str, list[int]]:
    """What one key press does, as TwiML, and the pages to send after commit."""
    row = session.exec(select(PageRow).where(PageRow.idempotency_key == page)).first() if page else None
    incident = repository.lock_incident(session, row.incident_id) if row else None
    if row is None or incident is None:
        log.warning("voice key press for an unknown page", extra={"page": page})
        return _unknown_page_twiml(), []
    reply, now, who = gather_response(params.get("Digits"), again_url), runtime.clock(), row.responder
    if reply.decision == "acknowledge":
        decision = acknowledge_incident(
            session, incident.id, who or "voice caller", AckVia.KEYPRESS, runtime.config, now
        )
        if decision is not None and not decision.has_it:
            return spoken_reply(
                f"This incident {refusal_words(decision)}. Your key press changed nothing. Goodbye."
            ), []
    elif reply.decision == "pass":
        passer = who or "voice caller"
        return reply.twiml, pass_on(
            session, incident, passer, row.tier, runtime.config, now, page=row.idempotency_key
        )
    return reply.twiml, []


def _next_step_url(runtime: Runtime, request: Request, step: int) -> str:
    """Where a re-asked key press posts: this URL with the next step, so each round has its own key."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "step"]
    path = request.url.path + "?" + urlencode([*query, ("step", str(step + 1))])
    return runtime.settings.public_url.rstrip("/") + path


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
