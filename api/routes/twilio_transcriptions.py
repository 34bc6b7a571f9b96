"""``POST /v1/channels/twilio/transcriptions``: Twilio Voice Real-Time Transcription's status callbacks
(``<Start><Transcription statusCallbackUrl=...>``), form-encoded and signed.

One call is one conversation (``twilio-call-<CallSid>``); a callback for a call never seen starts it.
The customer's track and the agent's are told apart by their labels (``config/channels.yaml``); only final
segments are turns, each stored once per CallSid and SequenceId with its SequenceId, so the scan folds a
call's segments in sequence. ``transcription-stopped`` ends the conversation's guidance, not its incident:
an incident opened on the call stays open until a human resolves it."""

from __future__ import annotations

import json
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.deps import runtime_of
from api.errors import ApiError, documented
from api.routes.channel_common import (
    SignedParams,
    conversation_event,
    require_on,
    required,
    store_once,
    whole_number,
)
from workers.messages import IncomingMessage
from workers.runtime import Runtime

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1/channels/twilio", tags=["channels"])
CONNECTOR = "twilio_transcriptions"
STARTED, CONTENT, STOPPED = "transcription-started", "transcription-content", "transcription-stopped"
# Twilio's own track names, used when no label was given in <Transcription inboundTrackLabel=...>.
INBOUND, OUTBOUND = "inbound_track", "outbound_track"


def conversation_of(call_sid: str) -> str:
    return f"twilio-call-{call_sid}"


def sender_of(runtime: Runtime, track: str) -> str:
    settings = runtime.channels.twilio_transcriptions
    if track in (settings.customer_track, INBOUND):
        return "customer"
    if track in (settings.agent_track, OUTBOUND):
        return "agent"
    log.error(
        "transcription segment on an unknown track; check customer_track/agent_track in channels.yaml",
        extra={"connector": CONNECTOR, "track": track[:64]},
    )
    raise ApiError(
        400, "unknown_track", {"track": track[:64], "known": [settings.customer_track, settings.agent_track]}
    )


def transcript_of(params: dict[str, str]) -> str:
    try:
        data = json.loads(params.get("TranscriptionData") or "{}")
    except json.JSONDecodeError:
        raise ApiError(400, "bad_transcription_data", "TranscriptionData is not JSON") from None
    text = data.get("transcript") if isinstance(data, dict) else None
    return text if isinstance(text, str) else ""


@router.post(
    "/transcriptions",
    response_class=Response,
    responses=documented(400, 403, 404),
    summary="Twilio Voice Real-Time Transcription: a call's transcription events",
)
def twilio_transcription(params: SignedParams, runtime: Annotated[Runtime, Depends(runtime_of)]) -> Response:
    require_on(runtime, CONNECTOR)
    required(params, "TranscriptionEvent", "CallSid")
    event, call_sid = params["TranscriptionEvent"], params["CallSid"]
    if event == CONTENT:
        return _content(runtime, params, call_sid)
    if event in (STARTED, STOPPED):
        return _lifecycle(
            runtime, event, call_sid, params.get("SequenceId") or params.get("TranscriptionSid")
        )
    log.info("transcription event ignored", extra={"connector": CONNECTOR, "event": event[:40]})
    return Response(status_code=200)


def _content(runtime: Runtime, params: dict[str, str], call_sid: str) -> Response:
    required(params, "Track", "SequenceId")
    sequence = whole_number(params, "SequenceId")
    if params.get("Final", "").lower() != "true":
        return Response(status_code=200)  # a partial result: the final segment follows
    sender, text = sender_of(runtime, params["Track"]), transcript_of(params)
    if not text.strip():
        return Response(status_code=200)  # silence on the line: nothing to read
    now, conversation_id = runtime.clock(), conversation_of(call_sid)
    incoming = IncomingMessage(
        conversation_id, "voice", sender, text, now, source=CONNECTOR, sequence=sequence
    )
    store_once(runtime, f"channel:{CONNECTOR}:{call_sid}:{sequence}", incoming)
    return Response(status_code=200)


def _lifecycle(runtime: Runtime, event: str, call_sid: str, event_id: str | None) -> Response:
    """``started``: the call's conversation exists from now on (an unknown call starts one). ``stopped``:
    its guidance ends (open prompts count as ignored); an incident stays as it is."""
    conversation_event(
        runtime,
        CONNECTOR,
        f"channel:{CONNECTOR}:{call_sid}:{event}:{event_id or ''}",
        conversation_of(call_sid),
        "voice",
        "call_transcription_started" if event == STARTED else "call_transcription_stopped",
        end_reason="call_ended" if event == STOPPED else None,
    )
    return Response(status_code=200)
