"""``POST /v1/messages``: store the turn, commit, then hand it to the scanner (or scan it inline)."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from sqlmodel import select

from api.auth import Principal, Role, require
from api.deps import runtime_of
from api.errors import ApiError, documented
from api.schemas import MessageAccepted, MessageIn, MessageScanned
from api.views import assessment_out, open_incident
from store.db import session_scope
from store.models import AssessmentRow
from workers.intake import Turn, publish_scans, sender_key, store_turn
from workers.messages import IncomingMessage, scan_message
from workers.runtime import Runtime

log = logging.getLogger(__name__)
router = APIRouter(tags=["messages"])


@router.post(
    "/v1/messages",
    status_code=202,
    response_model=None,
    responses={
        202: {"model": MessageAccepted, "description": "Stored; it will be scanned shortly"},
        200: {"model": MessageScanned, "description": "Stored and scanned (``?wait=true``)"},
        **documented(401, 403, 413, 422, 429),
    },
    summary="Post one turn of a conversation",
)
def post_message(
    body: MessageIn,
    principal: Annotated[Principal, Depends(require(Role.INGEST, Role.AGENT, rate_limited=True))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
    wait: Annotated[bool, Query(description="Scan now and return the assessment")] = False,
) -> JSONResponse:
    """The message is committed before anything else happens, so it is never lost: if handing it to
    the scanner fails, the sweep scans it. ``wait=true`` scans in this request instead."""
    limit = runtime.settings.max_text_chars
    if len(body.text) > limit:
        raise ApiError(422, "text_too_long", {"limit_chars": limit, "got_chars": len(body.text)})
    turn = Turn(incoming_of(body, "api"), sender_key(body.conversation_id, body.source_id))
    with session_scope(runtime.url) as session:
        stored = store_turn(session, runtime, turn)
    message_id = stored.message_id
    log.info(
        "message stored",
        extra={
            "message_id": message_id,
            "conversation_id": body.conversation_id,
            "caller": principal.key_id,
            "duplicate": stored.duplicate,
        },
    )
    accepted = MessageAccepted(message_id=message_id, duplicate=stored.duplicate)
    if not wait:
        publish_scans(runtime, [stored])  # after commit; failures are logged, the sweep catches up
        return JSONResponse(accepted.model_dump(mode="json"), status_code=202)
    try:
        scanned = _scan_now(runtime, message_id, body.conversation_id)
    except Exception as error:
        # Stored but not scanned: answer 202 (a retry would store it twice) and let the queue have it.
        # Only the error's type is logged: a database error can quote the evidence it tried to write.
        log.error(
            "inline scan failed; handing the message to the scanner",
            extra={"message_id": message_id, "error_type": type(error).__name__},
        )
        publish_scans(runtime, [stored])
        return JSONResponse(accepted.model_dump(mode="json"), status_code=202)
    return JSONResponse(scanned.model_dump(mode="json"))


def _scan_now(runtime: Runtime, message_id: str, conversation_id: str) -> MessageScanned:
    for page_id in scan_message(runtime, message_id):
        runtime.dispatcher.send_page(page_id)
    with session_scope(runtime.url) as session:
        row = session.exec(select(AssessmentRow).where(AssessmentRow.message_id == message_id)).first()
        incident = open_incident(session, conversation_id)
        # The caller sent these words, so the evidence spans come back with their text.
        assessment = assessment_out(row, with_text=True) if row else None
    return MessageScanned(
        message_id=message_id, assessment=assessment, incident_id=incident.id if incident else None
    )


def incoming_of(body: MessageIn, source: str) -> IncomingMessage:
    return IncomingMessage(
        body.conversation_id, body.channel, body.sender, body.text, body.sent_at, body.team, source=source
    )
