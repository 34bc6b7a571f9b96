"""Twilio Conversations post-event webhooks in: signed (refusals audited); one stayline conversation per
ConversationSid (an unknown one starts); Author mapped to agent or customer by channels.yaml; each
MessageSid stored once; messages folded by Index; closed or removed ends guidance, not the incident."""

from __future__ import annotations

from pathlib import Path

from detector import Detector
from store.db import session_scope
from store.models import ConversationRow
from tests.api.channel_helpers import (
    CHANNELS_YAML,
    audits,
    folded_sequences,
    guidance_and_incident,
    messages,
    post_signed,
)
from tests.api.conftest import CRISIS, Harness, harness_for
from workers.messages import scan_message

PATH = "/v1/channels/twilio/conversations"
CONVERSATION = "CH" + "3" * 32  # invented
OTHER = "CH" + "4" * 32


def added(index: int, author: str, body: str, conversation: str = CONVERSATION) -> dict[str, str]:
    return {
        "EventType": "onMessageAdded",
        "AccountSid": "AC" + "0" * 32,
        "ChatServiceSid": "IS" + "0" * 32,
        "ConversationSid": conversation,
        "MessageSid": f"IM{index:032d}",
        "ParticipantSid": "MB" + "2" * 32,
        "Author": author,
        "Body": body,
        "Index": str(index),
        "Source": "SDK",
        "DateCreated": "2025-03-04T15:00:00.000Z",
        "RetryCount": "0",
        "WebhookType": "webhook",
        "WebhookSid": "WH" + "0" * 32,
    }


def state(to: str, conversation: str = CONVERSATION) -> dict[str, str]:
    return {
        "EventType": "onConversationStateUpdated",
        "AccountSid": "AC" + "0" * 32,
        "ConversationSid": conversation,
        "StateFrom": "active",
        "StateTo": to,
        "Reason": "API",
        "StateUpdated": "2025-03-04T15:10:00.000Z",
    }


def removed(conversation: str = CONVERSATION) -> dict[str, str]:
    return {
        "EventType": "onConversationRemoved",
        "AccountSid": "AC" + "0" * 32,
        "ConversationSid": conversation,
    }


def test_messages_are_turns_by_author(channel_api: Harness) -> None:
    responses = [
        post_signed(channel_api, PATH, added(0, "agent:robin", "hello, you're through to the line")),
        post_signed(channel_api, PATH, added(1, "+15555550123", "hi, I just needed to talk")),
        post_signed(channel_api, PATH, added(2, "supervisor.kim", "I'm here too")),
        post_signed(channel_api, PATH, added(3, "+15555550123", "   ")),  # media only: nothing to read
    ]

    assert [r.status_code for r in responses] == [200] * 4
    rows = messages(channel_api.url)
    assert [(m.conversation_id, m.channel, m.sender, m.source, m.sequence) for m in rows] == [
        (f"twilio-conv-{CONVERSATION}", "chat", "agent", "twilio_conversations", 0),
        (f"twilio-conv-{CONVERSATION}", "chat", "customer", "twilio_conversations", 1),
        (f"twilio-conv-{CONVERSATION}", "chat", "agent", "twilio_conversations", 2),
    ]
    assert channel_api.dispatcher.scans == [m.id for m in rows]


def test_replays_change_nothing_and_conversations_are_separate(channel_api: Harness) -> None:
    post_signed(channel_api, PATH, added(5, "+15555550123", "is anyone there"))
    replay = post_signed(channel_api, PATH, added(5, "+15555550123", "is anyone there"))
    other = post_signed(channel_api, PATH, added(6, "+15555550188", "a different chat", conversation=OTHER))

    assert replay.status_code == other.status_code == 200
    rows = messages(channel_api.url)
    assert sorted(m.conversation_id for m in rows) == sorted(
        [f"twilio-conv-{CONVERSATION}", f"twilio-conv-{OTHER}"]
    )
    assert len(audits(channel_api.url, "webhook_replay_ignored")) == 1


def test_unsigned_and_bad_input_are_refused(channel_api: Harness) -> None:
    unsigned = channel_api.client.post(PATH, data=added(1, "+15555550123", "hello"))
    wrong = post_signed(channel_api, PATH, added(1, "+15555550123", "hello"), token="someone-elses-token")
    index = post_signed(channel_api, PATH, added(2, "+15555550123", "hello") | {"Index": "two"})
    missing = post_signed(channel_api, PATH, {"EventType": "onMessageAdded", "ConversationSid": CONVERSATION})

    assert (unsigned.status_code, wrong.status_code) == (403, 403)
    assert len(audits(channel_api.url, "webhook_refused")) == 2
    assert (index.status_code, index.json()["error"]) == (400, "bad_index")
    assert (missing.status_code, missing.json()["error"]) == (400, "missing_parameters")
    assert messages(channel_api.url) == []


def test_an_author_outside_a_customer_list_is_refused(
    channel_token: None, channels_config_dir: Path, sqlite_url: str, detector: Detector
) -> None:
    (channels_config_dir / "channels.yaml").write_text(
        CHANNELS_YAML + '  customers: {prefixes: ["+1555"], identities: ["guest-7"]}\n'
    )
    with harness_for(sqlite_url, detector) as api:
        known = post_signed(api, PATH, added(1, "+15555550123", "hello"))
        listed = post_signed(api, PATH, added(2, "guest-7", "hi"))
        stranger = post_signed(api, PATH, added(3, "bot:faq", "automated answer"))
        senders = [m.sender for m in messages(api.url)]

    assert known.status_code == listed.status_code == 200
    assert (stranger.status_code, stranger.json()["error"]) == (400, "unknown_author")
    assert senders == ["customer", "customer"]


def test_out_of_order_messages_are_folded_by_index(channel_api: Harness) -> None:
    post_signed(channel_api, PATH, added(12, "+15555550123", "I have the pills in front of me"))
    channel_api.clock.advance(1)
    post_signed(channel_api, PATH, added(11, "+15555550123", "I don't want to be here anymore"))

    assert folded_sequences(channel_api) == [11, 12]


def test_an_unknown_conversation_closed_starts_one(channel_api: Harness) -> None:
    assert post_signed(channel_api, PATH, state("closed", conversation=OTHER)).status_code == 200

    with session_scope(channel_api.url) as session:
        assert session.get(ConversationRow, f"twilio-conv-{OTHER}") is not None
    assert len(audits(channel_api.url, "conversation_closed")) == 1


def test_closed_or_removed_ends_guidance_not_the_incident(channel_api: Harness) -> None:
    post_signed(channel_api, PATH, added(1, "+15555550123", CRISIS))
    scan_message(channel_api.runtime, channel_api.dispatcher.scans[0])
    conversation_id = f"twilio-conv-{CONVERSATION}"
    closed_before, state_before = guidance_and_incident(channel_api.url, conversation_id)
    assert closed_before is None

    inactive = post_signed(channel_api, PATH, state("inactive"))
    assert guidance_and_incident(channel_api.url, conversation_id)[0] is None  # inactive is not the end
    closed = post_signed(channel_api, PATH, state("closed"))
    again = post_signed(channel_api, PATH, state("closed"))
    gone = post_signed(channel_api, PATH, removed())

    assert inactive.status_code == closed.status_code == again.status_code == gone.status_code == 200
    closed_at, state_after = guidance_and_incident(channel_api.url, conversation_id)
    assert closed_at is not None and state_after == state_before  # the incident is still open
    assert len(audits(channel_api.url, "guidance_guidance_closed")) == 1
    assert len(audits(channel_api.url, "conversation_closed")) == 1
    assert len(audits(channel_api.url, "conversation_removed")) == 1


def test_removed_alone_ends_guidance(channel_api: Harness) -> None:
    post_signed(channel_api, PATH, added(1, "+15555550123", CRISIS))
    scan_message(channel_api.runtime, channel_api.dispatcher.scans[0])

    assert post_signed(channel_api, PATH, removed()).status_code == 200

    assert guidance_and_incident(channel_api.url, f"twilio-conv-{CONVERSATION}")[0] is not None
