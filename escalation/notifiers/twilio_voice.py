"""Pages by phone call through the official Twilio client, and the TwiML the call runs.

A call that is answered is not an acknowledgement: only pressing 1 is. A voicemail pickup, no answer,
busy line or failed call is "not reached", so the chain goes on to the next channel or tier.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import Field
from twilio.twiml.voice_response import VoiceResponse

from escalation.model import Channel
from escalation.notifiers.base import (
    Delivery,
    HttpUrl,
    PageMessage,
)
from escalation.notifiers.content import render_speech
from escalation.notifiers.twilio_common import (
    TwilioAccountConfig,
    TwilioNotifier,
    call_twilio,
    find_recent,
    with_page_key,
)

STATUS_CALLBACK_EVENTS = ("initiated", "ringing", "answered", "completed")
KEYPAD_PROMPT = "Press 1 to acknowledge. Press 2 to pass it to the next responder."
_GATHER_SECONDS = 8
_REACHED_STATUSES = frozenset({"in-progress", "completed"})

CallOutcome = Literal["reached", "not_reached"]
GatherDecision = Literal["acknowledge", "pass", "invalid"]


class TwilioVoiceConfig(TwilioAccountConfig):
    type: Literal["twilio_voice"] = "twilio_voice"
    # Where Twilio posts the key pressed; the route answers with ``gather_response``.
    gather_url: HttpUrl
    ring_timeout_seconds: int = Field(default=30, ge=5, le=600)
    language: str = Field(default="en-US", pattern=r"^[a-z]{2}(-[A-Z]{2})?$")
    # Said this many times before giving up: the first words often go by while the phone reaches an ear.
    prompt_repeats: int = Field(default=2, ge=1, le=5)


class TwilioVoiceNotifier(TwilioNotifier[TwilioVoiceConfig]):
    channel = Channel.VOICE

    def send(self, message: PageMessage) -> Delivery:
        if refused := self.refuse_address(message.address):
            return refused
        config = self._config
        key = message.idempotency_key
        twiml = voice_twiml(
            message,
            str(with_page_key(config.gather_url, key)),
            language=config.language,
            repeats=config.prompt_repeats,
        )
        return call_twilio(
            lambda: self._client.calls.create(
                to=message.address,
                from_=config.from_number,
                twiml=twiml,
                # Synchronous detection: a voicemail must never count as the responder picking up.
                machine_detection="Enable",
                timeout=config.ring_timeout_seconds,
                status_callback=with_page_key(config.status_callback_url, key),
                status_callback_event=list(STATUS_CALLBACK_EVENTS),
                status_callback_method="POST",
            )
        )

    def find_sent(self, message: PageMessage, since: datetime, exclude: Collection[str]) -> Delivery | None:
        # A call resource does not echo its TwiML; a call to this number since the claim that no other
        # page has recorded is this page's call.
        return find_recent(
            self._client.calls, to=message.address, since=since, exclude=exclude, matches=lambda call: True
        )


def voice_twiml(message: PageMessage, gather_url: str, *, language: str = "en-US", repeats: int = 2) -> str:
    """Say the minimal message and gather one key (1 acknowledge, 2 pass); the link is never spoken."""
    response = VoiceResponse()
    for _ in range(max(1, repeats)):
        gather = response.gather(num_digits=1, action=gather_url, method="POST", timeout=_GATHER_SECONDS)
        gather.say(f"{render_speech(message)} {KEYPAD_PROMPT}", language=language)
    response.say("No key was pressed. This page is not acknowledged. Goodbye.", language=language)
    response.hangup()
    return str(response.to_xml())


@dataclass(frozen=True)
class GatherReply:
    decision: GatherDecision
    twiml: str


def gather_response(
    digits: str | None, gather_url: str | None = None, *, language: str = "en-US"
) -> GatherReply:
    """Decide what a key press means and what the call says next.

    Any other key re-asks once more when ``gather_url`` is given, so a fumbled key does not lose the page.
    """
    response = VoiceResponse()
    key = (digits or "").strip()
    if key == "1":
        response.say("Acknowledged. Thank you. The details are on the Stayline page.", language=language)
        decision: GatherDecision = "acknowledge"
    elif key == "2":
        response.say("Passed to the next responder. Goodbye.", language=language)
        decision = "pass"
    else:
        decision = "invalid"
        if gather_url is not None:
            gather = response.gather(num_digits=1, action=gather_url, method="POST", timeout=_GATHER_SECONDS)
            gather.say(f"Sorry, that key is not an option. {KEYPAD_PROMPT}", language=language)
        response.say("This page is not acknowledged. Goodbye.", language=language)
    response.hangup()
    return GatherReply(decision, str(response.to_xml()))


def call_outcome(status: str, answered_by: str | None) -> CallOutcome:
    """Whether a person picked up. Only a call a human answered counts; machine detection is always on,
    so a missing or "unknown" ``AnsweredBy`` is treated as not reached, which pages on rather than waits.
    """
    if status.strip().lower() not in _REACHED_STATUSES:
        return "not_reached"  # queued, ringing, busy, no-answer, failed, canceled
    return "reached" if (answered_by or "").strip().lower() == "human" else "not_reached"


def spoken_reply(text: str, *, language: str = "en-US") -> str:
    """Say ``text`` and hang up: the answer to a key press that changed nothing."""
    response = VoiceResponse()
    response.say(text, language=language)
    response.hangup()
    return str(response.to_xml())
