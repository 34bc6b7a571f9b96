"""What the channel connectors share: signed Twilio requests (refusals audited), a connector that is off,
the empty TwiML a messaging webhook answers with, a provider's turn stored once per its id, and a
conversation's lifecycle event (once per its id; the end of a conversation ends its guidance, not its
incident)."""

from __future__ import annotations

import logging
import re
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from twilio.twiml.messaging_response import MessagingResponse

from api.deps import context
from api.errors import ApiError
from api.routes.twilio import signed_params
from store import repository
from store.db import session_scope
from workers import replays
from workers.guidance import end_guidance, run_guidance
from workers.intake import Stored, Turn, publish_scans, store_turn
from workers.messages import IncomingMessage
from workers.runtime import Runtime

log = logging.getLogger(__name__)
TWIML = "application/xml"
EMPTY_TWIML = str(MessagingResponse().to_xml())


def _audit_refusal(runtime: Runtime, path: str, reason: object) -> None:
    try:
        with session_scope(runtime.url) as session:
            repository.audit(
                session, "twilio", "webhook_refused", at=runtime.clock(), path=path, reason=str(reason)
            )
    except Exception as error:  # the 403 stands whether or not the audit row could be written
        log.error("could not audit a refused webhook (%s)", type(error).__name__)


async def audited_params(request: Request) -> dict[str, str]:
    """The form parameters of a correctly signed Twilio request; otherwise 403, and the refusal audited
    (path and reason: nothing the sender put in the body)."""
    try:
        return await signed_params(request)
    except ApiError as refusal:
        await run_in_threadpool(_audit_refusal, context(request).runtime, request.url.path, refusal.detail)
        raise


SignedParams = Annotated[dict[str, str], Depends(audited_params)]


def require_on(runtime: Runtime, connector: str) -> None:
    if not runtime.channels.live(connector):
        raise ApiError(404, "connector_off", f"the {connector} connector is off (config/channels.yaml)")


def required(params: dict[str, str], *names: str) -> None:
    missing = [name for name in names if not params.get(name)]
    if missing:
        raise ApiError(400, "missing_parameters", {"missing": missing})


def whole_number(params: dict[str, str], name: str) -> int:
    """A provider's ordinal (a segment's ``SequenceId``, a message's ``Index``); otherwise 400
    ``bad_<name>``."""
    try:
        return int(params[name])
    except ValueError:
        code = "bad_" + re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
        raise ApiError(400, code, f"{name} is not a whole number") from None


def store_once(runtime: Runtime, key: str, incoming: IncomingMessage) -> Stored | None:
    """Store one provider turn unless ``key`` (``webhook_receipt``) was seen: a replay stores nothing and
    is audited once. Its scan is published after the commit. None for a replay."""
    connector = incoming.source or "twilio"
    with session_scope(runtime.url) as session:
        if replays.replayed_reply(session, key, incoming.sent_at, actor=connector) is not None:
            return None
        stored: Stored = store_turn(session, runtime, Turn(incoming))
        replays.remember(session, key, stored.message_id)
    publish_scans(runtime, [stored])
    log.info(
        "channel turn stored",
        extra={
            "connector": connector,
            "message_id": stored.message_id,
            "conversation_id": incoming.conversation_id,
            "sender": incoming.sender,
        },
    )
    return stored


def conversation_event(
    runtime: Runtime,
    connector: str,
    key: str,
    conversation_id: str,
    channel: str,
    action: str,
    end_reason: str | None = None,
) -> None:
    """A conversation's lifecycle event, once per ``key``: the conversation exists from now on (an unknown
    one starts), the event is audited as ``action``. With ``end_reason`` the conversation's guidance ends
    (open prompts count as ignored); an incident opened on it stays open until a human resolves it."""
    now = runtime.clock()
    with session_scope(runtime.url) as session:
        if replays.replayed_reply(session, key, now, actor=connector) is not None:
            return
        repository.ensure_conversation(session, conversation_id, channel, "default", now)
        repository.audit(session, connector, action, at=now, conversation_id=conversation_id)
        replays.remember(session, key, action)
    if end_reason is not None:
        run_guidance(runtime.url, conversation_id, lambda s, c: end_guidance(s, c, now, end_reason), now)
    log.info(
        "conversation event",
        extra={"connector": connector, "event": action, "conversation_id": conversation_id},
    )
