"""What comes back from providers: SMS replies that acknowledge, message and call status callbacks.

A delivery receipt or a voicemail pickup is recorded, never taken as an acknowledgement.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlmodel import Session, col, select

from escalation.acknowledgement import SMS_OUTCOME_WORDS, ResolveOutcome, refusal_words
from escalation.config_loader import EscalationConfig
from escalation.engine import AckVia
from escalation.notifiers.base import Delivery, DeliveryStatus
from escalation.notifiers.twilio_sms import parse_sms_reply, parse_sms_resolve, sms_status_delivery
from escalation.notifiers.twilio_voice import call_outcome
from store import repository
from store.models import IncidentRow, PageRow
from workers.delivery import DeliveryPolicy, record_delivery
from workers.incidents import acknowledge_incident, resolve_incident

SMS_HELP = (
    "stayline: reply ACK and the code from the page (for example ACK 482193) to acknowledge; "
    "RESOLVED 482193 REAL, FALSE or UNCLEAR to close it and say what it was."
)


def acknowledge_by_sms(
    session: Session, from_number: str, body: str, config: EscalationConfig, now: datetime
) -> str:
    """Answer a paged responder's reply: ``ACK <code>`` acknowledges, ``RESOLVED <code> [REAL|FALSE|UNCLEAR]``
    resolves (and says what it was) through the one resolve use case. Returns the reply to send back."""
    resolving = parse_sms_resolve(body)
    code = resolving[0] if resolving else parse_sms_reply(body)
    responder = next((r.name for r in config.roster.responders.values() if r.phone == from_number), None)
    incident = session.exec(select(IncidentRow).where(IncidentRow.code == code)).first() if code else None
    paged = (
        incident is not None
        and responder is not None
        and session.exec(
            select(PageRow.id).where(PageRow.incident_id == incident.id).where(PageRow.responder == responder)
        ).first()
        is not None
    )
    if incident is None or responder is None or not paged:
        repository.audit(
            session, "sms", "sms_reply_not_understood", at=now, from_known_responder=bool(responder)
        )
        return SMS_HELP
    if resolving is not None:
        word = resolving[1]
        outcome = SMS_OUTCOME_WORDS[word] if word else None
        result = resolve_incident(
            session, incident.id, f"responder:{responder}", config, now, outcome=outcome
        )
        done = "was already resolved" if result is ResolveOutcome.ALREADY_RESOLVED else "resolved"
        said = f" as {word}" if word else ""
        return f"stayline: incident {incident.code} {done}; recorded{said} by {responder}. Thank you."
    decision = acknowledge_incident(session, incident.id, responder, AckVia.SMS_REPLY, config, now)
    if decision is None or not decision.has_it:
        return f"stayline: incident {incident.code} {refusal_words(decision) if decision else 'is gone'}."
    return f"stayline: incident {incident.code} acknowledged by {responder}. Thank you."


def message_status(
    session: Session,
    params: Mapping[str, str],
    config: EscalationConfig,
    policy: DeliveryPolicy,
    now: datetime,
) -> str | None:
    """Twilio's message status callback: delivered is recorded; undelivered/failed falls back."""
    return _record_callback(session, sms_status_delivery(params), config, policy, now)


def call_status(
    session: Session,
    params: Mapping[str, str],
    config: EscalationConfig,
    policy: DeliveryPolicy,
    now: datetime,
) -> str | None:
    """Twilio's call status callback: only a human answer counts as reached, and even that is no ack."""
    status = params.get("CallStatus", "")
    if status in ("queued", "initiated", "ringing", "in-progress"):
        return None
    reached = call_outcome(status, params.get("AnsweredBy")) == "reached"
    delivery = Delivery(
        DeliveryStatus.DELIVERED if reached else DeliveryStatus.FAILED_PERMANENT,
        "twilio",
        provider_id=params.get("CallSid"),
        error=None if reached else f"call_not_reached_{status}_{params.get('AnsweredBy') or 'unknown'}",
    )
    return _record_callback(session, delivery, config, policy, now)


def _record_callback(
    session: Session, delivery: Delivery, config: EscalationConfig, policy: DeliveryPolicy, now: datetime
) -> str | None:
    page = session.exec(select(PageRow).where(col(PageRow.provider_id) == delivery.provider_id)).first()
    if page is None or page.id is None or page.status in ("failed", "cancelled", "delivered"):
        return None  # unknown or already final: a repeated callback changes nothing
    return record_delivery(session, page.id, delivery, config, policy, now)
