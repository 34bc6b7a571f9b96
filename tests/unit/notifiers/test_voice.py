"""Voice: the TwiML a call runs, what a key press means, and when a call counts as reaching someone."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from escalation.model import Channel
from escalation.notifiers import (
    DeliveryStatus,
    TwilioVoiceConfig,
    TwilioVoiceNotifier,
    call_outcome,
    gather_response,
    voice_twiml,
)
from tests.unit.notifiers.kit import ACCOUNT_SID, ACK_LINK, CUSTOMER_SENTENCE, RecordingTwilioClient, message

GATHER_URL = "https://stayline.example/twilio/gather?page=k"


def test_twiml_says_the_minimal_message_and_gathers_one_key() -> None:
    page = message(channel=Channel.VOICE, category=CUSTOMER_SENTENCE)
    root = ElementTree.fromstring(voice_twiml(page, GATHER_URL))
    gathers = root.findall("Gather")
    assert len(gathers) == 2  # said twice before giving up
    for gather in gathers:
        assert gather.get("numDigits") == "1"
        assert gather.get("action") == GATHER_URL
        assert gather.get("method") == "POST"
        said = gather.findtext("Say") or ""
        assert "High risk" in said
        assert "4 8 2 1" in said
        assert "Press 1 to acknowledge" in said
        assert "Press 2" in said
        assert "tablets" not in said
        assert ACK_LINK not in said
    assert [child.tag for child in root][-2:] == ["Say", "Hangup"]


def test_twiml_for_a_test_call_says_test() -> None:
    root = ElementTree.fromstring(voice_twiml(message(channel=Channel.VOICE, kind="test"), GATHER_URL))
    assert "TEST" in (root.find("Gather/Say").text or "")  # type: ignore[union-attr]


def test_pressing_1_acknowledges() -> None:
    reply = gather_response("1", GATHER_URL)
    assert reply.decision == "acknowledge"
    assert "Acknowledged" in reply.twiml


def test_pressing_2_passes_to_the_next_tier() -> None:
    reply = gather_response("2", GATHER_URL)
    assert reply.decision == "pass"
    assert "<Gather" not in reply.twiml


@pytest.mark.parametrize("digits", ["3", "#", "", None, "12"])
def test_any_other_key_asks_again_and_does_not_acknowledge(digits: str | None) -> None:
    reply = gather_response(digits, GATHER_URL)
    assert reply.decision == "invalid"
    gather = ElementTree.fromstring(reply.twiml).find("Gather")
    assert gather is not None and gather.get("action") == GATHER_URL
    assert "<Gather" not in gather_response(digits).twiml  # without a URL it just ends


@pytest.mark.parametrize(
    ("status", "answered_by", "outcome"),
    [
        ("completed", "human", "reached"),
        ("in-progress", "human", "reached"),
        ("completed", "machine_start", "not_reached"),
        ("completed", "machine_end_beep", "not_reached"),
        ("completed", "machine_end_silence", "not_reached"),
        ("completed", "machine_end_other", "not_reached"),
        ("completed", "fax", "not_reached"),
        ("completed", "unknown", "not_reached"),
        ("completed", None, "not_reached"),
        ("no-answer", None, "not_reached"),
        ("busy", None, "not_reached"),
        ("failed", None, "not_reached"),
        ("canceled", None, "not_reached"),
        ("ringing", None, "not_reached"),
    ],
)
def test_only_a_human_answer_counts_as_reached(status: str, answered_by: str | None, outcome: str) -> None:
    assert call_outcome(status, answered_by) == outcome


def test_call_is_placed_with_machine_detection_inline_twiml_and_status_events() -> None:
    client = RecordingTwilioClient()
    config = TwilioVoiceConfig(
        account_sid=ACCOUNT_SID,
        from_number="+12025550100",
        gather_url="https://stayline.example/twilio/gather",
        status_callback_url="https://stayline.example/twilio/call-status",
    )
    delivery = TwilioVoiceNotifier(config, client).send(message(channel=Channel.VOICE))
    (placed,) = client.calls.calls
    assert placed["machine_detection"] == "Enable"
    assert placed["to"] == "+12025550101"
    assert placed["status_callback"].startswith("https://stayline.example/twilio/call-status?page=inc-1")
    assert set(placed["status_callback_event"]) == {"initiated", "ringing", "answered", "completed"}
    gather = ElementTree.fromstring(placed["twiml"]).find("Gather")
    assert gather is not None
    assert (gather.get("action") or "").startswith("https://stayline.example/twilio/gather?page=inc-1")
    assert (delivery.status, delivery.provider_id) == (DeliveryStatus.QUEUED, "CA" + "1".zfill(32))
