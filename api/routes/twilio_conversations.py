"""``POST /v1/channels/twilio/conversations``: Twilio Conversations' post-event webhooks, form-encoded and
signed.

One Twilio conversation is one stayline conversation (``twilio-conv-<ConversationSid>``); a webhook for a
conversation never seen starts it. ``onMessageAdded`` is a turn, stored once per MessageSid with its
``Index``, so the scan folds a conversation's messages in Index order; its ``Author`` is an agent or the
customer by ``config/channels.yaml``. ``onConversationStateUpdated`` to ``closed`` and
``onConversationRemoved`` end the conversation's guidance, not its incident. Other events answer 200 and
change nothing."""

from __future__ import annotations

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
CONNECTOR = "twilio_conversations"
MESSAGE_ADDED, STATE_UPDATED, REMOVED = (
    "onMessageAdded",
    "onConversationStateUpdated",
    "onConversationRemoved",
)
CLOSED = "closed"


def conversation_of(conversation_sid: str) -> str:
    return f"twilio-conv-{conversation_sid}"


def sender_of(runtime: Runtime, author: str) -> str:
    """Agents first (their prefixes or identities); then the customer: every other author when
    ``customers`` is empty, otherwise only those it lists. Anyone else is refused rather than guessed."""
    settings = runtime.channels.twilio_conversations
    if settings.agents.match(author):
        return "agent"
    customers = settings.customers
    if not (customers.prefixes or customers.identities) or customers.match(author):
        return "customer"
    log.error(
        "conversation message by an unknown author; check agents/customers in channels.yaml",
        extra={"connector": CONNECTOR},
    )
    raise ApiError(
        400, "unknown_author", "the Author is neither an agent nor a customer (config/channels.yaml)"
    )


@router.post(
    "/conversations",
    response_class=Response,
    responses=documented(400, 403, 404),
    summary="Twilio Conversations: post-event webhooks (a message added, a conversation closed or removed)",
)
def twilio_conversation(params: SignedParams, runtime: Annotated[Runtime, Depends(runtime_of)]) -> Response:
    require_on(runtime, CONNECTOR)
    required(params, "EventType", "ConversationSid")
    event, sid = params["EventType"], params["ConversationSid"]
    if event == MESSAGE_ADDED:
        _message(runtime, params, sid)
    elif event == REMOVED or (event == STATE_UPDATED and params.get("StateTo") == CLOSED):
        action = "conversation_removed" if event == REMOVED else "conversation_closed"
        conversation_event(
            runtime,
            CONNECTOR,
            f"channel:{CONNECTOR}:{sid}:{event}",
            conversation_of(sid),
            "chat",
            action,
            end_reason=action,
        )
    else:
        log.info("conversations event ignored", extra={"connector": CONNECTOR, "event": event[:40]})
    return Response(status_code=200)


def _message(runtime: Runtime, params: dict[str, str], sid: str) -> None:
    required(params, "MessageSid", "Author", "Index")
    index, text = whole_number(params, "Index"), params.get("Body", "")
    sender = sender_of(runtime, params["Author"])
    if not text.strip():
        return  # media only: nothing to read
    incoming = IncomingMessage(
        conversation_of(sid), "chat", sender, text, runtime.clock(), source=CONNECTOR, sequence=index
    )
    store_once(runtime, f"channel:{CONNECTOR}:{params['MessageSid']}", incoming)
