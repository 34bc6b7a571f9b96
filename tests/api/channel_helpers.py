"""Channel connectors through the real routes: a configuration directory of the test's own (the
connectors on), Twilio's signature made with the official library, the API harness's recording
dispatcher and injected clock."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

import httpx
from sqlmodel import col, select
from twilio.request_validator import RequestValidator

from store.db import session_scope
from store.models import AssessmentRow, AuditEventRow, ConversationRow, IncidentRow, MessageRow
from workers.messages import scan_message

if TYPE_CHECKING:
    from tests.api.conftest import Harness

CHANNEL_TOKEN = "twilio-channels-test-token"  # invented
PUBLIC = "http://127.0.0.1:8000"  # settings.public_url's default
CENTRE = "+15555550100"
CUSTOMER = "+15555550123"
OTHER_CUSTOMER = "+15555550188"

CHANNELS_YAML = f"""
twilio_messages:
  enabled: true
  centre_numbers: ["{CENTRE}", "whatsapp:{CENTRE}"]
  idle_minutes: 30
twilio_transcriptions:
  enabled: true
  customer_track: caller
  agent_track: counsellor
twilio_conversations:
  enabled: true
  agents: {{prefixes: ["agent:"], identities: ["supervisor.kim"]}}
"""


def post_signed(
    api: Harness,
    path: str,
    params: dict[str, str],
    token: str = CHANNEL_TOKEN,
    signed_path: str | None = None,
) -> httpx.Response:
    signature = RequestValidator(token).compute_signature(PUBLIC + (signed_path or path), params)
    response: httpx.Response = api.client.post(
        path,
        content=urlencode(params),
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature},
    )
    return response


def messages(url: str) -> list[MessageRow]:
    with session_scope(url) as session:
        return list(session.exec(select(MessageRow).order_by(MessageRow.received_at)).all())  # type: ignore[arg-type]


def audits(url: str, action: str) -> list[AuditEventRow]:
    with session_scope(url) as session:
        return list(session.exec(select(AuditEventRow).where(AuditEventRow.action == action)).all())


def folded_sequences(api: Harness) -> list[int | None]:
    """Scan the first turn handed to the dispatcher; the provider sequence of each turn it folded, in
    fold order (every turn waiting is folded by that one scan)."""
    scan_message(api.runtime, api.dispatcher.scans[0])
    by_id = {m.id: m.sequence for m in messages(api.url)}
    with session_scope(api.url) as session:
        folded = session.exec(select(AssessmentRow.message_id).order_by(col(AssessmentRow.id))).all()
    return [by_id[m] for m in folded]


def guidance_and_incident(url: str, conversation_id: str) -> tuple[object, str]:
    """The conversation's guidance ``closed_at`` (None while open) and its one incident's state."""
    with session_scope(url) as session:
        conversation = session.get(ConversationRow, conversation_id)
        assert conversation is not None and conversation.guidance_state is not None
        [incident] = session.exec(select(IncidentRow).where(IncidentRow.conversation_id == conversation_id))
        return conversation.guidance_state.get("closed_at"), str(incident.state)
