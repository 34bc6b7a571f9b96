"""Notifier settings: a typo fails validation, secrets come from the environment, builders match names."""

from __future__ import annotations

import io
import typing
from typing import Any

import pytest
from pydantic import ValidationError

from escalation.model import Channel
from escalation.notifiers import (
    NOTIFIERS,
    ConsoleNotifier,
    DeliveryStatus,
    MissingSecretError,
    NotifierConfig,
    TwilioSmsConfig,
    TwilioSmsNotifier,
    WebhookNotifier,
    build_notifier,
    build_notifiers,
    parse_notifier_config,
)
from escalation.notifiers.twilio_common import TwilioAccountConfig
from tests.unit.notifiers.kit import ACCOUNT_SID, TOKEN_ENV, RecordingTwilioClient, message

SMS = {"type": "twilio_sms", "account_sid": ACCOUNT_SID, "from_number": "+12025550100"}
VOICE = {**SMS, "type": "twilio_voice", "gather_url": "https://stayline.example/twilio/gather"}


def test_the_union_and_the_registry_name_the_same_notifiers() -> None:
    union = typing.get_args(typing.get_args(NotifierConfig)[0])
    names = {model.model_fields["type"].default for model in union}
    assert names == set(NOTIFIERS) == {"console", "webhook", "twilio_sms", "twilio_voice"}
    for name, entry in NOTIFIERS.items():
        assert entry.config_model.model_fields["type"].default == name


@pytest.mark.parametrize("data", [{"type": "console"}, {"type": "webhook"}, SMS, VOICE])
def test_valid_configs_parse_to_their_model(data: dict[str, Any]) -> None:
    assert parse_notifier_config(data).type == data["type"]


@pytest.mark.parametrize(
    "data",
    [
        {"type": "twilio_sm", "account_sid": ACCOUNT_SID, "from_number": "+12025550100"},
        {"type": "pager"},
        {},
        {**SMS, "from_numbr": "+12025550100"},  # misspelt key
        {**SMS, "auth_token": "0123456789abcdef0123456789abcdef"},  # a literal secret has no field to land in
        {**SMS, "auth_token_env": "0123456789abcdef0123456789abcdef"},  # a pasted token, not a variable name
        {**SMS, "validity_period_seconds": 86400},
        {**SMS, "from_number": "202-555-0100"},
        {**SMS, "account_sid": "not-a-sid"},
        {"type": "webhook", "secret": "hunter2"},
        {"type": "console", "stream": "printer"},
        {key: value for key, value in VOICE.items() if key != "gather_url"},
    ],
)
def test_typos_and_literal_secrets_fail_validation(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        parse_notifier_config(data)


def test_console_is_built_without_any_secret() -> None:
    notifier = build_notifier(parse_notifier_config({"type": "console"}), environ={})
    assert isinstance(notifier, ConsoleNotifier)
    assert notifier.channel is Channel.CONSOLE


def test_a_missing_secret_fails_at_build_time() -> None:
    with pytest.raises(MissingSecretError, match="STAYLINE_TWILIO_AUTH_TOKEN"):
        build_notifier(parse_notifier_config(SMS), environ={})
    with pytest.raises(MissingSecretError, match="STAYLINE_WEBHOOK_SECRET"):
        build_notifier(parse_notifier_config({"type": "webhook"}), environ={})


def test_the_client_factory_gets_the_config_and_the_token_from_the_named_variable() -> None:
    seen: list[tuple[TwilioAccountConfig, str]] = []
    client = RecordingTwilioClient()

    def factory(config: TwilioAccountConfig, token: str) -> RecordingTwilioClient:
        seen.append((config, token))
        return client

    config = parse_notifier_config({**SMS, "auth_token_env": "OTHER_TOKEN"})
    notifier = build_notifier(config, twilio_client_factory=factory, environ={"OTHER_TOKEN": "tok"})
    assert isinstance(notifier, TwilioSmsNotifier)
    assert seen == [(config, "tok")]
    assert notifier.send(message()).status is DeliveryStatus.QUEUED
    assert len(client.messages.calls) == 1


def test_one_notifier_per_channel() -> None:
    configs = [parse_notifier_config(data) for data in ({"type": "console"}, {"type": "webhook"}, SMS, VOICE)]
    built = build_notifiers(
        configs, twilio_client_factory=lambda _c, _t: RecordingTwilioClient(), environ=TOKEN_ENV
    )
    assert set(built) == {Channel.CONSOLE, Channel.WEBHOOK, Channel.SMS, Channel.VOICE}
    assert isinstance(built[Channel.WEBHOOK], WebhookNotifier)
    with pytest.raises(ValueError, match="sms"):
        build_notifiers(
            [parse_notifier_config(SMS)] * 2, twilio_client_factory=lambda _c, _t: None, environ=TOKEN_ENV
        )


def test_a_config_of_the_wrong_model_is_refused() -> None:
    wrong = TwilioSmsConfig.model_construct(type="console")
    with pytest.raises(TypeError):
        build_notifier(wrong, environ=TOKEN_ENV)


def test_console_prints_the_page_and_reports_it_delivered() -> None:
    stream = io.StringIO()
    delivery = ConsoleNotifier(stream).send(message(kind="test"))
    printed = stream.getvalue()
    assert "TEST page" in printed and "#4821" in printed and "Dana Reyes" in printed
    assert delivery.status is DeliveryStatus.DELIVERED
    assert delivery.provider_id == "console:inc-1/3/0/Dana%20Reyes/sms"
