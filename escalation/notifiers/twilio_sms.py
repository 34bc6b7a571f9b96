"""Pages by SMS through the official Twilio client, plus the helpers for Twilio's SMS webhooks.

An SMS that Twilio reports "sent" or even "delivered" is not an acknowledgement: only a reply like
``ACK 4821`` (or a keypress, or the web link) stops the chain.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Literal

from pydantic import Field
from twilio.twiml.messaging_response import MessagingResponse

from escalation.model import Channel
from escalation.notifiers.base import (
    INVALID_NUMBER,
    NOT_MOBILE,
    Delivery,
    DeliveryStatus,
    PageMessage,
)
from escalation.notifiers.content import render_text
from escalation.notifiers.twilio_common import (
    PERMANENT_NUMBER_ERRORS,
    PROVIDER,
    TwilioAccountConfig,
    TwilioNotifier,
    call_twilio,
    find_recent,
    with_page_key,
)

SMS_HELP_TEXT = "Stayline: to acknowledge, reply ACK and the incident code from the page, e.g. ACK 4821."
# "ACK 4821", "ack4821", "ACK: #4821", "1 4821" or just "4821". "14821" is the code 14821, not "1 4821".
_REPLY = re.compile(r"^\s*(?:ack\s*:?\s*|1\s+)?#?(\d{4,8})\s*[.!]?\s*$", re.IGNORECASE)
_RESOLVE = re.compile(
    r"^\s*resolved?\s*:?\s*#?(\d{4,8})(?:\s+(real|false|unclear))?\s*[.!]?\s*$", re.IGNORECASE
)

# Delivery-receipt error codes that mean the number, not this message, is the problem.
_CALLBACK_NUMBER_ERRORS: dict[int, str] = {
    **PERMANENT_NUMBER_ERRORS,
    30005: INVALID_NUMBER,  # unknown destination handset: the number may no longer exist
    30006: NOT_MOBILE,  # landline or unreachable carrier
}
_CALLBACK_STATUS: dict[str, DeliveryStatus] = {
    "accepted": DeliveryStatus.QUEUED,
    "scheduled": DeliveryStatus.QUEUED,
    "queued": DeliveryStatus.QUEUED,
    "sending": DeliveryStatus.QUEUED,
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    "read": DeliveryStatus.DELIVERED,
}
_FAILED_STATUSES = frozenset({"undelivered", "failed"})


class TwilioSmsConfig(TwilioAccountConfig):
    type: Literal["twilio_sms"] = "twilio_sms"
    # A page stuck at the carrier is dropped after this long instead of arriving hours late.
    validity_period_seconds: int = Field(default=600, ge=30, le=36000)


class TwilioSmsNotifier(TwilioNotifier[TwilioSmsConfig]):
    channel = Channel.SMS

    def send(self, message: PageMessage) -> Delivery:
        if refused := self.refuse_address(message.address):
            return refused
        config = self._config
        return call_twilio(
            lambda: self._client.messages.create(
                to=message.address,
                from_=config.from_number,
                body=render_text(message),
                status_callback=with_page_key(config.status_callback_url, message.idempotency_key),
                validity_period=config.validity_period_seconds,
            )
        )

    def find_sent(self, message: PageMessage, since: datetime, exclude: Collection[str]) -> Delivery | None:
        code = f"#{message.incident_code}"
        return find_recent(
            self._client.messages,
            to=message.address,
            since=since,
            exclude=exclude,
            matches=lambda sms: code in (sms.body or ""),
        )


def parse_sms_reply(body: str) -> str | None:
    """The incident code a reply acknowledges, or None (the caller answers with ``SMS_HELP_TEXT``)."""
    match = _REPLY.match(body)
    return match.group(1) if match else None


def parse_sms_resolve(body: str) -> tuple[str, str | None] | None:
    """``RESOLVED 482193 FALSE`` -> ("482193", "FALSE"); the word (REAL, FALSE, UNCLEAR) is optional.
    None when the reply is not a resolve."""
    match = _RESOLVE.match(body)
    if match is None:
        return None
    return match.group(1), (match.group(2).upper() if match.group(2) else None)


def sms_reply_twiml(text: str) -> str:
    """TwiML answering an inbound SMS with ``text`` (a confirmation or the help text)."""
    response = MessagingResponse()
    response.message(text)
    return str(response.to_xml())


def sms_status_delivery(params: Mapping[str, str]) -> Delivery:
    """Read a message status callback. ``undelivered``/``failed`` is final: fall back to voice or move on."""
    status = params.get("MessageStatus") or params.get("SmsStatus") or ""
    sid = params.get("MessageSid") or params.get("SmsSid")
    if status not in _FAILED_STATUSES:
        # An unknown status is not treated as a failure: the ack timeout still moves the chain on.
        return Delivery(_CALLBACK_STATUS.get(status, DeliveryStatus.QUEUED), PROVIDER, provider_id=sid)
    code_text = params.get("ErrorCode", "").strip()
    code = int(code_text) if code_text.isdigit() else None
    if code is not None and code in _CALLBACK_NUMBER_ERRORS:
        reason = _CALLBACK_NUMBER_ERRORS[code]
    else:
        reason = status if code is None else f"{status}_{code}"  # e.g. "undelivered_30003"
    return Delivery(
        DeliveryStatus.FAILED_PERMANENT,
        PROVIDER,
        provider_id=sid,
        error=reason,
        detail=f"message {status}, error code {code_text or 'none'}",
    )
