"""``notifiers.yaml`` read once, for `stayline config check` and for start-up alike, with file:line errors.

The file maps a channel to a notifier's settings. Checked here, before anything is built: each entry
against its notifier's model (a phone number that is not E.164, a misspelt key), that the notifier can
carry the channel it is configured for, and that every secret it names (``*_env`` fields) is set in the
environment. Any of these used to pass the check and then stop ``serve`` with a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from escalation.model import Channel
from escalation.notifiers.base import MissingSecretError, read_secret
from escalation.notifiers.registry import NOTIFIERS, NotifierConfig, parse_notifier_config
from escalation.notifiers.twilio_sms import TwilioSmsNotifier
from escalation.notifiers.twilio_voice import TwilioVoiceNotifier
from escalation.notifiers.webhook import WebhookNotifier
from escalation.yaml_source import ConfigError, YamlDocument, read_yaml

# The channel each provider notifier carries; the console notifier may stand in for any channel.
_CARRIES = {
    "webhook": WebhookNotifier.channel,
    "twilio_sms": TwilioSmsNotifier.channel,
    "twilio_voice": TwilioVoiceNotifier.channel,
}


class NotifiersInvalid(Exception):
    def __init__(self, errors: list[ConfigError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def read_notifiers(
    path: Path, environ: Mapping[str, str] | None = None
) -> tuple[dict[Channel, NotifierConfig], list[ConfigError]]:
    """channel -> validated settings, and every problem in the file (secrets looked up in ``environ``,
    default ``os.environ``)."""
    document, errors = read_yaml(path)
    if document is None:
        return {}, errors
    configs, problems = check_notifiers(document, environ)
    return configs, errors + problems


def notifiers_document(data: Mapping[str, Any], path: Path = Path("notifiers.yaml")) -> YamlDocument:
    """Settings given as data (tests, tools) checked like the file, without line numbers."""
    return YamlDocument(path, dict(data))


def check_notifiers(
    document: YamlDocument, environ: Mapping[str, str] | None = None
) -> tuple[dict[Channel, NotifierConfig], list[ConfigError]]:
    data = document.data
    if not isinstance(data, dict) or not data:
        expected = "a mapping of channel -> notifier settings, e.g. 'sms: {type: console}'"
        return {}, [document.error([], f"expected {expected}")]
    configs: dict[Channel, NotifierConfig] = {}
    errors: list[ConfigError] = []
    known = ", ".join(channel.value for channel in Channel)
    for name, raw in data.items():
        if str(name) not in Channel._value2member_map_:
            errors.append(document.error([str(name)], f"unknown channel (known: {known})"))
            continue
        channel = Channel(str(name))
        settings = raw if isinstance(raw, dict) else {"type": raw}
        entry = NOTIFIERS.get(str(settings.get("type")))
        try:
            if entry is not None:
                # The notifier's own model first: its errors point at the key (the union's would carry the
                # type as an extra path part, which has no line in the file).
                entry.config_model.model_validate(settings)
            config = parse_notifier_config(settings)
        except ValidationError as exc:
            errors.extend(document.validation_errors([str(name)], exc))
            continue
        carries = _CARRIES.get(config.type)
        if carries is not None and carries is not channel:
            message = f"a {config.type} notifier carries {carries.value}, not {channel.value}"
            errors.append(document.error([str(name), "type"], message))
            continue
        errors.extend(_missing_secrets(document, str(name), config, environ))
        configs[channel] = config
    return configs, errors


def _missing_secrets(
    document: YamlDocument, name: str, config: BaseModel, environ: Mapping[str, str] | None
) -> list[ConfigError]:
    """Secrets are named by environment variable (``auth_token_env``, ``secret_env``), never written here."""
    errors = []
    for field in type(config).model_fields:
        if not field.endswith("_env"):
            continue
        try:
            read_secret(str(getattr(config, field)), environ)
        except MissingSecretError as missing:
            errors.append(document.error([name, field], str(missing)))
    return errors
