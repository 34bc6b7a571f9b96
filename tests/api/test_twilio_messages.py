"""Twilio Programmable Messaging in: signed, stored once per MessageSid, one conversation per customer and
centre number within the idle window, the centre's replies as agent turns, empty TwiML back."""

from __future__ import annotations

import threading
from collections.abc import Callable

import httpx

from tests.api.channel_helpers import CENTRE, CUSTOMER, OTHER_CUSTOMER, audits, messages, post_signed
from tests.api.conftest import CRISIS, Harness

PATH = "/v1/channels/twilio/messages"


def sms(sid: str, body: str, sender: str = CUSTOMER, to: str = CENTRE) -> dict[str, str]:
    return {
        "MessageSid": sid,
        "SmsSid": sid,
        "AccountSid": "AC" + "0" * 32,
        "From": sender,
        "To": to,
        "Body": body,
        "NumMedia": "0",
    }


def test_a_customer_text_is_stored_and_answered_with_empty_twiml(channel_api: Harness) -> None:
    response = post_signed(channel_api, PATH, sms("SM0001", "hi, is anyone there"))

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    assert response.text.replace(" ", "").endswith("<Response/>")
    [row] = messages(channel_api.url)
    assert (row.conversation_id, row.channel, row.sender, row.source) == (
        "twilio-sms-SM0001",
        "sms",
        "customer",
        "twilio_messages",
    )
    assert channel_api.dispatcher.scans == [row.id] and channel_api.dispatcher.committed_at_scan == [True]


def test_one_conversation_per_customer_and_centre_until_idle(channel_api: Harness) -> None:
    post_signed(channel_api, PATH, sms("SM0001", "hello"))
    channel_api.clock.advance(29 * 60)
    post_signed(channel_api, PATH, sms("SM0002", "thanks for answering", sender=CENTRE, to=CUSTOMER))
    post_signed(channel_api, PATH, sms("SM0003", "a different person", sender=OTHER_CUSTOMER))
    channel_api.clock.advance(29 * 60)  # 29 minutes after the centre's reply: still the same exchange
    post_signed(channel_api, PATH, sms("SM0004", "are you still there"))
    channel_api.clock.advance(31 * 60)  # idle for longer than the window: a new conversation
    post_signed(channel_api, PATH, sms("SM0005", "me again, days later"))

    rows = messages(channel_api.url)
    assert [(m.conversation_id, m.sender) for m in rows] == [
        ("twilio-sms-SM0001", "customer"),
        ("twilio-sms-SM0001", "agent"),  # the centre's reply, From the centre's number
        ("twilio-sms-SM0003", "customer"),
        ("twilio-sms-SM0001", "customer"),
        ("twilio-sms-SM0005", "customer"),
    ]


def test_a_replayed_message_sid_changes_nothing(channel_api: Harness) -> None:
    first = post_signed(channel_api, PATH, sms("SM0001", "hello"))
    replay = post_signed(channel_api, PATH, sms("SM0001", "hello"))
    again = post_signed(channel_api, PATH, sms("SM0001", "hello"))

    assert first.text == replay.text == again.text
    assert len(messages(channel_api.url)) == 1
    assert len(channel_api.dispatcher.scans) == 1
    assert len(audits(channel_api.url, "webhook_replay_ignored")) == 1  # the first replay; later counted


def test_unsigned_or_mis_signed_requests_are_refused_and_audited(channel_api: Harness) -> None:
    params = sms("SM0009", "hello")
    unsigned = channel_api.client.post(PATH, data=params)
    wrong_token = post_signed(channel_api, PATH, params, token="someone-elses-token")
    wrong_url = post_signed(channel_api, PATH, params, signed_path="/elsewhere")

    assert [r.status_code for r in (unsigned, wrong_token, wrong_url)] == [403, 403, 403]
    assert messages(channel_api.url) == []
    refused = audits(channel_api.url, "webhook_refused")
    assert len(refused) == 3
    assert {r.detail["path"] for r in refused} == {PATH}
    assert "hello" not in str([r.detail for r in refused])


def test_crisis_words_go_to_the_priority_queue(channel_api: Harness) -> None:
    post_signed(channel_api, PATH, sms("SM0001", CRISIS))
    [row] = messages(channel_api.url)
    assert channel_api.dispatcher.urgent == [row.id]


def test_a_message_without_text_stores_nothing(channel_api: Harness) -> None:
    response = post_signed(channel_api, PATH, sms("SM0001", "") | {"NumMedia": "1"})
    assert response.status_code == 200 and messages(channel_api.url) == []


def test_the_connector_is_off_unless_configured(channel_token: None, api: Harness) -> None:
    response = post_signed(api, PATH, sms("SM0001", "hello"))
    assert response.status_code == 404 and response.json()["error"] == "connector_off"


def test_two_first_messages_at_once_share_one_conversation_on_postgres(
    make_channel_api: Callable[[str], Harness], postgres_url: str
) -> None:
    api = make_channel_api(postgres_url)
    responses: list[httpx.Response] = []

    def post(sid: str) -> None:
        responses.append(post_signed(api, PATH, sms(sid, f"message {sid}")))

    threads = [threading.Thread(target=post, args=(f"SM00{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [r.status_code for r in responses] == [200] * 4
    rows = messages(api.url)
    assert len(rows) == 4 and len({m.conversation_id for m in rows}) == 1
