"""Notifiers: the only code that talks to providers (console, webhook, Twilio SMS and voice).

The delivery service builds ``PageMessage``s (``message_for``), calls ``Notifier.send`` and acts on the
returned ``Delivery``; the API uses the webhook helpers (``parse_sms_reply``, ``gather_response``,
``call_outcome``, ``sms_status_delivery``, ``twilio_signature_valid``).
"""

from escalation.notifiers.base import (
    UNREACHABLE_REASONS,
    Delivery,
    DeliveryStatus,
    MessageKind,
    MissingSecretError,
    Notifier,
    PageMessage,
    message_for,
)
from escalation.notifiers.console import ConsoleConfig, ConsoleNotifier
from escalation.notifiers.content import render_speech, render_text
from escalation.notifiers.registry import (
    NOTIFIERS,
    NotifierConfig,
    build_notifier,
    build_notifiers,
    parse_notifier_config,
)
from escalation.notifiers.twilio_common import TwilioClientFactory, twilio_signature_valid
from escalation.notifiers.twilio_sms import (
    SMS_HELP_TEXT,
    TwilioSmsConfig,
    TwilioSmsNotifier,
    parse_sms_reply,
    sms_reply_twiml,
    sms_status_delivery,
)
from escalation.notifiers.twilio_voice import (
    GatherReply,
    TwilioVoiceConfig,
    TwilioVoiceNotifier,
    call_outcome,
    gather_response,
    voice_twiml,
)
from escalation.notifiers.webhook import WebhookConfig, WebhookNotifier, webhook_signature_valid

__all__ = [
    "NOTIFIERS",
    "SMS_HELP_TEXT",
    "UNREACHABLE_REASONS",
    "ConsoleConfig",
    "ConsoleNotifier",
    "Delivery",
    "DeliveryStatus",
    "GatherReply",
    "MessageKind",
    "MissingSecretError",
    "Notifier",
    "NotifierConfig",
    "PageMessage",
    "TwilioClientFactory",
    "TwilioSmsConfig",
    "TwilioSmsNotifier",
    "TwilioVoiceConfig",
    "TwilioVoiceNotifier",
    "WebhookConfig",
    "WebhookNotifier",
    "build_notifier",
    "build_notifiers",
    "call_outcome",
    "gather_response",
    "message_for",
    "parse_notifier_config",
    "parse_sms_reply",
    "render_speech",
    "render_text",
    "sms_reply_twiml",
    "sms_status_delivery",
    "twilio_signature_valid",
    "voice_twiml",
    "webhook_signature_valid",
]
