"""Building the live parts from settings: notifiers per channel and the delivery policy."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from config.files import load_yaml
from config.settings import Settings
from escalation.links import sign_link
from escalation.model import Channel
from escalation.notifiers.base import Notifier
from escalation.notifiers.console import ConsoleNotifier
from escalation.notifiers.registry import build_notifier, parse_notifier_config
from escalation.notifiers.twilio_common import TwilioClientFactory
from store.models import IncidentRow
from workers.delivery import DeliveryPolicy


def load_notifiers(
    data: Mapping[str, Any] | None = None,
    *,
    twilio_client_factory: TwilioClientFactory | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[Channel, Notifier]:
    """channel -> notifier from ``notifiers.yaml``. The console notifier may stand in for any channel;
    any other notifier must carry the channel it is configured for (a typo fails at start-up)."""
    notifiers: dict[Channel, Notifier] = {}
    for name, raw in (data if data is not None else load_yaml("notifiers.yaml")).items():
        channel = Channel(name)
        notifier = build_notifier(
            parse_notifier_config(raw), twilio_client_factory=twilio_client_factory, environ=environ
        )
        if notifier.channel is not channel and not isinstance(notifier, ConsoleNotifier):
            raise ValueError(f"notifiers.yaml: {name} is configured with a {notifier.channel} notifier")
        notifiers[channel] = notifier
    return notifiers


def delivery_policy(settings: Settings) -> DeliveryPolicy:
    base = settings.public_url.rstrip("/")

    def link_for(incident: IncidentRow | None, responder: str | None, now: datetime) -> str:
        if incident is None:
            return f"{base}/supervisor"
        if settings.link_secret and responder:
            token = sign_link(settings.link_secret, incident.id, responder, now, settings.link_ttl_seconds)
            return f"{base}/r/{token}"
        return f"{base}/incidents/{incident.code}"  # behind the responder login

    return DeliveryPolicy(
        link_for=link_for,
        max_attempts=settings.page_max_attempts,
        backoff_seconds=settings.page_backoff_seconds,
    )
