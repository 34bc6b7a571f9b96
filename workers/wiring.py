"""Building the live parts from settings: notifiers per channel and the delivery policy."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from config.files import config_path
from config.settings import Settings
from escalation.links import sign_link
from escalation.model import Channel
from escalation.notifiers.base import Notifier
from escalation.notifiers.config_file import (
    NotifiersInvalid,
    check_notifiers,
    notifiers_document,
    read_notifiers,
)
from escalation.notifiers.registry import build_notifier
from escalation.notifiers.twilio_common import TwilioClientFactory
from store.models import IncidentRow
from workers.delivery import DeliveryPolicy


def load_notifiers(
    data: Mapping[str, Any] | None = None,
    *,
    twilio_client_factory: TwilioClientFactory | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[Channel, Notifier]:
    """channel -> notifier from ``notifiers.yaml`` (or ``data``). Checked first, as `config check` checks
    it: a bad number, a notifier on the wrong channel or a missing secret raises ``NotifiersInvalid``
    listing every problem with its file and line, at start-up rather than at the first page."""
    if data is None:
        configs, errors = read_notifiers(config_path("notifiers.yaml"), environ)
    else:
        configs, errors = check_notifiers(notifiers_document(data), environ)
    if errors:
        raise NotifiersInvalid(errors)
    return {
        channel: build_notifier(config, twilio_client_factory=twilio_client_factory, environ=environ)
        for channel, config in configs.items()
    }


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
