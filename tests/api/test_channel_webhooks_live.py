"""The fake Twilio server sends signed webhooks (an incoming SMS, a call's transcription events, a Twilio
Conversations chat's post-event webhooks) over HTTP to the real service (uvicorn, the real routes,
signature checks with the real token), as Twilio would; the service's per-channel counts see them."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
from detector import Detector
from tests.api.channel_helpers import CENTRE, CHANNEL_TOKEN, CUSTOMER, audits, messages
from tests.api.conftest import Harness, harness_for
from tests.api.test_ops import samples
from tests.fakes.twilio_server import FakeTwilio

CALL = "CA" + "7" * 32  # invented


@dataclass
class Live:
    base: str
    harness: Harness


@pytest.fixture
def live(
    channel_token: None, channels_config_dir: Path, sqlite_url: str, detector: Detector
) -> Iterator[Live]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    with harness_for(sqlite_url, detector, public_url=base) as harness:  # Twilio signs the public URL
        config = uvicorn.Config(
            create_app(harness.runtime),
            host="127.0.0.1",
            port=port,
            log_config=None,
            timeout_graceful_shutdown=2,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        yield Live(base, harness)
        server.should_exit = True
        thread.join(timeout=10)


def test_signed_webhooks_from_the_fake_reach_the_real_routes(live: Live) -> None:
    sms_url = f"{live.base}/v1/channels/twilio/messages"
    call_url = f"{live.base}/v1/channels/twilio/transcriptions"
    with FakeTwilio(auth_token=CHANNEL_TOKEN) as twilio, FakeTwilio(auth_token="not-the-token") as stranger:
        sent = [
            twilio.send_message(sms_url, CUSTOMER, CENTRE, "hi, can I talk to someone", sid="SM" + "1" * 32),
            twilio.send_message(sms_url, CUSTOMER, CENTRE, "hi, can I talk to someone", sid="SM" + "1" * 32),
            twilio.send_transcription(call_url, CALL, "started", 1),
            twilio.send_transcription(
                call_url, CALL, "content", 2, "counsellor", "you're through to the line"
            ),
            twilio.send_transcription(call_url, CALL, "content", 3, "caller", "I can't", final=False),
            twilio.send_transcription(call_url, CALL, "content", 4, "caller", "I can't sleep, it's bad"),
            twilio.send_transcription(call_url, CALL, "stopped", 5),
        ]
        refused = stranger.send_message(sms_url, CUSTOMER, CENTRE, "forged")

    assert [r.response_status for r in sent] == [200] * 7
    assert refused.response_status == 403
    assert len(twilio.sent_webhooks) == 7
    rows = messages(live.harness.url)
    assert [(m.source, m.sender, m.sequence) for m in rows] == [
        ("twilio_messages", "customer", None),  # once: the replay stored nothing
        ("twilio_transcriptions", "agent", 2),
        ("twilio_transcriptions", "customer", 4),  # the partial result is not a turn
    ]
    assert len(audits(live.harness.url, "webhook_refused")) == 1
    metrics = samples(httpx.get(f"{live.base}/metrics").text)
    assert metrics['stayline_channel_messages_total{channel="twilio_messages"}'] == 1
    assert metrics['stayline_channel_messages_total{channel="twilio_transcriptions"}'] == 2


def test_signed_conversations_webhooks_from_the_fake_reach_the_real_route(live: Live) -> None:
    url = f"{live.base}/v1/channels/twilio/conversations"
    chat = "CH" + "8" * 32  # invented

    def added(index: int, author: str, body: str) -> dict[str, str]:
        return {
            "EventType": "onMessageAdded",
            "AccountSid": "AC" + "0" * 32,
            "ConversationSid": chat,
            "MessageSid": f"IM{index:032d}",
            "Author": author,
            "Body": body,
            "Index": str(index),
            "Source": "SDK",
        }

    closed = {"EventType": "onConversationStateUpdated", "ConversationSid": chat, "StateTo": "closed"}
    with FakeTwilio(auth_token=CHANNEL_TOKEN) as twilio, FakeTwilio(auth_token="not-the-token") as stranger:
        sent = [
            twilio.send_webhook(url, added(0, "agent:robin", "you're through to the line")),
            twilio.send_webhook(url, added(1, CUSTOMER, "I can't sleep, it's bad")),
            twilio.send_webhook(url, added(1, CUSTOMER, "I can't sleep, it's bad")),  # a retry
            twilio.send_webhook(url, closed),
        ]
        refused = stranger.send_webhook(url, added(2, CUSTOMER, "forged"))

    assert [r.response_status for r in sent] == [200] * 4
    assert refused.response_status == 403
    rows = messages(live.harness.url)
    assert [(m.conversation_id, m.sender, m.sequence) for m in rows] == [
        (f"twilio-conv-{chat}", "agent", 0),
        (f"twilio-conv-{chat}", "customer", 1),
    ]
    assert len(audits(live.harness.url, "conversation_closed")) == 1
    assert len(audits(live.harness.url, "webhook_refused")) == 1
    metrics = samples(httpx.get(f"{live.base}/metrics").text)
    assert metrics['stayline_channel_messages_total{channel="twilio_conversations"}'] == 2
