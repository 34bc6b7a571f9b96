"""``POST /v1/channels/twilio/messages``: Twilio Programmable Messaging's incoming-message webhook (SMS
and WhatsApp), form-encoded and signed.

A conversation is the customer's number and the centre's number until the exchange has been idle for
``idle_minutes`` (``config/channels.yaml``). A message From one of the centre's numbers (a reply the
centre sent through Twilio and forwarded here, signed) is an agent's turn. Each MessageSid is stored
once: a replay answers the same empty TwiML and changes nothing."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.deps import runtime_of
from api.errors import documented
from api.routes.channel_common import EMPTY_TWIML, TWIML, SignedParams, require_on, required
from store.db import session_scope
from workers import replays
from workers.intake import Stored, Turn, publish_scans, store_turn
from workers.messages import IncomingMessage
from workers.runtime import Runtime
from workers.threads import conversation_for, thread_key

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1/channels/twilio", tags=["channels"])
CONNECTOR = "twilio_messages"


@router.post(
    "/messages",
    response_class=Response,
    responses=documented(400, 403, 404),
    summary="Twilio Programmable Messaging: an incoming SMS or WhatsApp message",
)
def twilio_message(params: SignedParams, runtime: Annotated[Runtime, Depends(runtime_of)]) -> Response:
    require_on(runtime, CONNECTOR)
    required(params, "MessageSid", "From", "To")
    settings, sid = runtime.channels.twilio_messages, params["MessageSid"]
    text = params.get("Body", "")
    if not text.strip():  # media only, or a status callback: nothing to read
        log.info("twilio message without text", extra={"connector": CONNECTOR, "sid": sid})
        return Response(EMPTY_TWIML, media_type=TWIML)
    centre_sent = params["From"] in settings.centre_numbers
    customer, centre = (params["To"], params["From"]) if centre_sent else (params["From"], params["To"])
    now, key = runtime.clock(), f"channel:{CONNECTOR}:{sid}"
    with session_scope(runtime.url) as session:
        earlier = replays.replayed_reply(session, key, now, actor=CONNECTOR)
        if earlier is not None:
            return Response(EMPTY_TWIML, media_type=TWIML)  # a replay: stored already
        conversation_id = conversation_for(
            session,
            thread_key(CONNECTOR, customer, centre),
            f"twilio-sms-{sid}",
            now,
            timedelta(minutes=settings.idle_minutes),
        )
        sender = "agent" if centre_sent else "customer"
        incoming = IncomingMessage(conversation_id, "sms", sender, text, now, source=CONNECTOR)
        stored: Stored = store_turn(session, runtime, Turn(incoming))
        replays.remember(session, key, stored.message_id)
    publish_scans(runtime, [stored])
    log.info(
        "twilio message stored",
        extra={"message_id": stored.message_id, "conversation_id": conversation_id, "sender": sender},
    )
    return Response(EMPTY_TWIML, media_type=TWIML)
