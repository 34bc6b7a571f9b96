"""The one notifier protocol, the message it sends and the delivery it reports.

A ``PageMessage`` is checked when it is built so that what leaves the platform is built only from a
closed vocabulary (level, category, a numeric incident code, a link): a notifier cannot leak the
customer's words because it is never given them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Literal, Protocol, get_args

from pydantic import Field

from escalation.model import Alarm, Channel, Level, Page, Reminder

MessageKind = Literal["page", "alarm", "reminder", "test"]
MESSAGE_KINDS: frozenset[str] = frozenset(get_args(MessageKind))

# Digits only: a code must be easy to type on a phone keypad and to reply by SMS ("ACK 4821").
INCIDENT_CODE = re.compile(r"^\d{4,8}$")
E164 = re.compile(r"^\+[1-9]\d{7,14}$")
_LINK = re.compile(r"^https?://[^\s]+$")
_MAX_LINK_LENGTH = 1000

# Config types. Secrets are named by environment variable, never written in YAML; upper-case names only,
# so a pasted token (lower-case hex) fails validation instead of being used as a variable name.
EnvName = Annotated[str, Field(pattern=r"^[A-Z_][A-Z0-9_]*$")]
HttpUrl = Annotated[str, Field(pattern=r"^https?://[^\s]+$")]

# Reasons a caller can act on by marking the responder's channel unreachable (and alarming the rota owner).
OPTED_OUT = "opted_out"
INVALID_NUMBER = "invalid_number"
NOT_MOBILE = "not_mobile"
UNREACHABLE_REASONS: frozenset[str] = frozenset({OPTED_OUT, INVALID_NUMBER, NOT_MOBILE})


class DeliveryStatus(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED_RETRYABLE = "failed_retryable"
    FAILED_PERMANENT = "failed_permanent"


@dataclass(frozen=True)
class PageMessage:
    """What one notifier sends to one responder on one channel. ``link`` opens the acknowledgement page."""

    idempotency_key: str
    incident_code: str
    responder: str
    address: str
    channel: Channel
    level: Level
    category: str
    link: str
    kind: MessageKind = "page"

    def __post_init__(self) -> None:
        if not self.idempotency_key:
            raise ValueError("a page message needs an idempotency key")
        if not INCIDENT_CODE.match(self.incident_code):
            raise ValueError(f"incident code must be 4 to 8 digits, got {self.incident_code!r}")
        if self.kind not in MESSAGE_KINDS:
            raise ValueError(f"unknown message kind {self.kind!r}")
        if not isinstance(self.level, Level) or not isinstance(self.channel, Channel):
            raise TypeError("level and channel must be Level and Channel members")
        if len(self.link) > _MAX_LINK_LENGTH or not _LINK.match(self.link):
            raise ValueError("link must be a single http(s) URL")
        _check_address(self.channel, self.address)


def _check_address(channel: Channel, address: str) -> None:
    if channel in (Channel.SMS, Channel.VOICE) and not E164.match(address):
        raise ValueError(f"{channel} needs an E.164 phone number, got {address!r}")
    if channel is Channel.WEBHOOK and not _LINK.match(address):
        raise ValueError(f"webhook needs an http(s) URL, got {address!r}")


@dataclass(frozen=True)
class Delivery:
    """The outcome of one ``send``. ``error`` is a short, stable reason; ``detail`` is for the audit trail."""

    status: DeliveryStatus
    provider: str
    provider_id: str | None = None
    error: str | None = None
    retry_after: float | None = None
    detail: str | None = None

    @property
    def failed(self) -> bool:
        return self.status in (DeliveryStatus.FAILED_RETRYABLE, DeliveryStatus.FAILED_PERMANENT)

    @property
    def retryable(self) -> bool:
        return self.status is DeliveryStatus.FAILED_RETRYABLE

    @property
    def marks_unreachable(self) -> bool:
        """True when the address is dead for good (STOP, invalid or landline number), not just this send."""
        return self.status is DeliveryStatus.FAILED_PERMANENT and self.error in UNREACHABLE_REASONS


class Notifier(Protocol):
    """Sends one message and reports what happened.

    ``send`` does not raise for provider or transport failures: it returns a failed ``Delivery`` so the
    caller can retry, fall back or alarm. It sends once; retries and backoff belong to the caller, which
    owns the idempotency key and the audit trail.
    """

    channel: Channel

    def send(self, message: PageMessage) -> Delivery: ...


def retryable_failure(
    provider: str, reason: str, *, retry_after: float | None = None, detail: str | None = None
) -> Delivery:
    return Delivery(
        DeliveryStatus.FAILED_RETRYABLE,
        provider,
        error=reason,
        retry_after=retry_after,
        detail=_short(detail),
    )


def permanent_failure(provider: str, reason: str, *, detail: str | None = None) -> Delivery:
    return Delivery(DeliveryStatus.FAILED_PERMANENT, provider, error=reason, detail=_short(detail))


def failure_for_http_status(
    provider: str, status: int, *, retry_after: float | None = None, detail: str | None = None
) -> Delivery:
    """429, 408 and 5xx may clear up on their own; any other 4xx (or a redirect) will not."""
    reason = f"http_{status}"
    if status in (408, 429) or status >= 500:
        return retryable_failure(provider, reason, retry_after=retry_after, detail=detail)
    return permanent_failure(provider, reason, detail=detail)


def _short(detail: str | None, limit: int = 200) -> str | None:
    return None if detail is None else detail[:limit]


class MissingSecretError(RuntimeError):
    """A notifier's secret is not in the environment: refuse to start rather than fail at the first page."""


def read_secret(env_name: str, environ: Mapping[str, str] | None = None) -> str:
    value = (os.environ if environ is None else environ).get(env_name, "")
    if not value.strip():
        raise MissingSecretError(f"environment variable {env_name} is not set (it holds a notifier secret)")
    return value


def message_for(
    action: Page | Alarm | Reminder,
    *,
    incident_code: str,
    address: str,
    link: str,
    level: Level | None = None,
    category: str | None = None,
) -> PageMessage:
    """Build the message for an engine action. A reminder carries no level, so the caller passes it."""
    if isinstance(action, Reminder):
        if level is None or category is None:
            raise ValueError("a reminder message needs the incident's level and category")
        kind: MessageKind = "reminder"
    else:
        # A standing-alarm page and an alarm both mean "nobody has this yet": they read the same.
        standing = isinstance(action, Page) and action.standing_alarm
        kind = "alarm" if isinstance(action, Alarm) or standing else "page"
        level = action.level if level is None else level
        category = action.category if category is None else category
    return PageMessage(
        idempotency_key=action.idempotency_key,
        incident_code=incident_code,
        # An alarm with no responder goes to the operations console.
        responder=action.responder or "operations",
        address=address,
        channel=action.channel,
        level=level,
        category=category,
        link=link,
        kind=kind,
    )
