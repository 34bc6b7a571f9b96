"""Builders for notifier tests, and a recording stand-in for the Twilio client's create calls."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from escalation.model import Channel, Level
from escalation.notifiers import PageMessage

# What a customer might write; none of it may ever reach a phone or a webhook.
CUSTOMER_SENTENCE = "I have been saving my tablets and tonight is the night, my name is Jo Bloggs"
ACK_LINK = "https://stayline.example/ack/k7Q2x9"
ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
TOKEN_ENV = {"STAYLINE_TWILIO_AUTH_TOKEN": "t" * 32, "STAYLINE_WEBHOOK_SECRET": "webhook-secret"}


def message(**changes: Any) -> PageMessage:
    base = PageMessage(
        idempotency_key="inc-1/3/0/Dana%20Reyes/sms",
        incident_code="4821",
        responder="Dana Reyes",
        address="+12025550101",
        channel=Channel.SMS,
        level=Level.HIGH,
        category="suicide",
        link=ACK_LINK,
    )
    return replace(base, **changes)


@dataclass
class _Resource:
    sid: str
    status: str = "queued"


@dataclass
class _Endpoint:
    prefix: str
    calls: list[dict[str, Any]] = field(default_factory=list)
    raises: BaseException | None = None

    def create(self, **kwargs: Any) -> _Resource:
        self.calls.append(kwargs)
        if self.raises is not None:
            raise self.raises
        return _Resource(f"{self.prefix}{len(self.calls):032d}")


@dataclass
class RecordingTwilioClient:
    messages: _Endpoint = field(default_factory=lambda: _Endpoint("SM"))
    calls: _Endpoint = field(default_factory=lambda: _Endpoint("CA"))
