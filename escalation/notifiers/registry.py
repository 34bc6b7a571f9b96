"""Notifier names -> config model and builder, and the config union that settings validate against.

Adding a notifier means one entry in ``NOTIFIERS`` and one member of ``NotifierConfig``; a test checks the
two agree. A misspelt ``type`` or key fails validation at start-up, not at the first page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, Field, TypeAdapter

from escalation.model import Channel
from escalation.notifiers.base import Notifier
from escalation.notifiers.console import ConsoleConfig, ConsoleNotifier
from escalation.notifiers.twilio_common import TwilioClientFactory
from escalation.notifiers.twilio_sms import TwilioSmsConfig, TwilioSmsNotifier
from escalation.notifiers.twilio_voice import TwilioVoiceConfig, TwilioVoiceNotifier
from escalation.notifiers.webhook import WebhookConfig, WebhookNotifier

NotifierConfig = Annotated[
    ConsoleConfig | WebhookConfig | TwilioSmsConfig | TwilioVoiceConfig,
    Field(discriminator="type"),
]
NOTIFIER_CONFIG: TypeAdapter[NotifierConfig] = TypeAdapter(NotifierConfig)

# (config, twilio client factory, environment) -> notifier. Each builder is called only with its own model.
Builder = Callable[[Any, TwilioClientFactory | None, Mapping[str, str] | None], Notifier]


@dataclass(frozen=True)
class NotifierEntry:
    config_model: type[BaseModel]
    build: Builder


NOTIFIERS: dict[str, NotifierEntry] = {
    "console": NotifierEntry(
        ConsoleConfig, lambda config, _factory, _env: ConsoleNotifier.from_config(config)
    ),
    "webhook": NotifierEntry(
        WebhookConfig, lambda config, _factory, env: WebhookNotifier.from_config(config, env)
    ),
    "twilio_sms": NotifierEntry(
        TwilioSmsConfig,
        lambda config, factory, env: TwilioSmsNotifier.from_config(
            config, client_factory=factory, environ=env
        ),
    ),
    "twilio_voice": NotifierEntry(
        TwilioVoiceConfig,
        lambda config, factory, env: TwilioVoiceNotifier.from_config(
            config, client_factory=factory, environ=env
        ),
    ),
}


def parse_notifier_config(data: Mapping[str, Any]) -> NotifierConfig:
    """Validate one notifier's settings (raises ``pydantic.ValidationError``)."""
    return NOTIFIER_CONFIG.validate_python(data)


def build_notifier(
    config: NotifierConfig,
    *,
    twilio_client_factory: TwilioClientFactory | None = None,
    environ: Mapping[str, str] | None = None,
) -> Notifier:
    """Build a notifier; its secrets are read from ``environ`` (default ``os.environ``) now, not later."""
    entry = NOTIFIERS[config.type]
    if not isinstance(config, entry.config_model):
        raise TypeError(f"notifier {config.type!r} expects {entry.config_model.__name__}")
    return entry.build(config, twilio_client_factory, environ)


def build_notifiers(
    configs: Iterable[NotifierConfig],
    *,
    twilio_client_factory: TwilioClientFactory | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[Channel, Notifier]:
    """One notifier per channel; two configs for the same channel is a configuration error."""
    notifiers: dict[Channel, Notifier] = {}
    for config in configs:
        notifier = build_notifier(config, twilio_client_factory=twilio_client_factory, environ=environ)
        if notifier.channel in notifiers:
            raise ValueError(f"two notifiers configured for the {notifier.channel} channel")
        notifiers[notifier.channel] = notifier
    return notifiers
