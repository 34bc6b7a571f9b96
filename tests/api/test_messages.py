"""POST /v1/messages: store, commit, then hand over; inline scans; limits; the error shape."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import select

from store.db import session_scope
from store.models import MessageRow
from tests.api.conftest import CRISIS, Harness, auth


def stored(api: Harness) -> list[MessageRow]:
    with session_scope(api.url) as session:
        return list(session.exec(select(MessageRow)).all())


def test_a_message_is_committed_before_it_is_handed_to_the_scanner(api: Harness) -> None:
    response = api.post_message("hi, I need to change my delivery address")

    assert response.status_code == 202
    message_id = response.json()["message_id"]
    assert api.dispatcher.scans == [message_id]
    assert api.dispatcher.committed_at_scan == [True]
    [row] = stored(api)
    assert (row.id, row.conversation_id, row.scanned_at) == (message_id, "conv-1", None)


def test_a_broker_outage_does_not_fail_the_request(api: Harness) -> None:
    api.dispatcher.fail = True

    response = api.post_message("hello again")

    assert response.status_code == 202
    assert [m.id for m in stored(api)] == [response.json()["message_id"]]  # the sweep will scan it


def test_wait_scans_inline_and_returns_the_evidence_spans(api: Harness) -> None:
    response = api.post_message(CRISIS, wait=True)

    assert response.status_code == 200
    body = response.json()
    assessment = body["assessment"]
    assert assessment["level"] in ("high", "imminent")
    assert assessment["category"] == "suicide"
    assert assessment["signals"], "a crisis message yields evidence"
    for signal in assessment["signals"]:
        assert CRISIS[signal["start"] : signal["end"]] == signal["text"]
    assert body["incident_id"] is not None
    assert api.dispatcher.scans == []  # scanned here, not handed over
    assert api.dispatcher.pages, "the pages recorded by the scan are handed to the sender"
    [row] = stored(api)
    assert row.scanned_at is not None


def test_an_agent_turn_is_stored_but_not_assessed(api: Harness) -> None:
    response = api.post_message("I'm here with you", sender="agent", wait=True)

    assert response.status_code == 200
    assert response.json()["assessment"] is None


def test_an_oversized_declared_body_is_refused_with_413(make_api: Callable[..., Harness]) -> None:
    api = make_api(max_body_bytes=2000)
    response = api.post_message("x" * 3000)

    assert response.status_code == 413
    assert response.json()["error"] == "body_too_large"
    assert "2000" in response.json()["detail"]["reason"]
    assert stored(api) == []


def test_an_oversized_streamed_body_without_length_is_refused(make_api: Callable[..., Harness]) -> None:
    api = make_api(max_body_bytes=2000)
    chunks = iter([b'{"conversation_id": "c", "text": "', b"x" * 1500, b"x" * 1500, b'"}'])

    response = api.client.post("/v1/messages", content=chunks, headers=auth("ingest"))

    assert response.status_code == 413
    assert "content-length" not in {k.lower() for k in response.request.headers}


def test_text_over_the_limit_is_refused_with_422(make_api: Callable[..., Harness]) -> None:
    api = make_api(max_text_chars=50)

    response = api.post_message("a" * 51)

    assert response.status_code == 422
    assert response.json() == {"error": "text_too_long", "detail": {"limit_chars": 50, "got_chars": 51}}
    assert api.post_message("a" * 50).status_code == 202


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"channel": "fax"}, "channel"),
        ({"sender": "bot"}, "sender"),
        ({"sent_at": "2025-03-04T14:59:00"}, "sent_at"),  # no zone
        ({"conversation_id": "has spaces/and slashes"}, "conversation_id"),
        ({"text": ""}, "text"),
        ({"mood": "sad"}, "mood"),  # unknown fields are refused
    ],
)
def test_invalid_messages_are_refused_with_422_without_echoing_them(
    api: Harness, override: dict[str, str], field: str
) -> None:
    fields = {"text": "my secret words"} | override
    response = api.post_message(**fields)

    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request"
    assert any(problem["loc"][-1] == field for problem in body["detail"])
    assert "my secret words" not in response.text
    assert stored(api) == []


def test_the_rate_per_key_is_limited_with_retry_after(make_api: Callable[..., Harness]) -> None:
    api = make_api(rate_per_minute=3)

    statuses = [api.post_message(f"message {n}").status_code for n in range(3)]
    refused = api.post_message("one too many")

    assert statuses == [202, 202, 202]
    assert refused.status_code == 429
    assert refused.json()["error"] == "rate_limited"
    assert int(refused.headers["Retry-After"]) >= 1
    assert api.post_message("another key", role="agent").status_code == 202  # buckets are per key


def test_the_request_id_is_echoed_or_made_up(api: Harness) -> None:
    given = api.client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    made = api.client.get("/healthz")

    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(made.headers["X-Request-ID"]) == 32


def test_a_short_answer_to_the_agents_question_opens_an_incident(api: Harness) -> None:
    api.post_message("sorry, i just can't see the point in any of it lately", wait=True)
    api.post_message("have you taken anything to hurt yourself tonight?", sender="agent", wait=True)

    response = api.post_message("yeah, the lot, about an hour ago", wait=True)

    assert response.status_code == 200
    body = response.json()
    assert body["assessment"]["level"] == "imminent"
    assert any(s["rule"].startswith("answer.attempt") for s in body["assessment"]["signals"])
    assert body["incident_id"] is not None


def test_crisis_looking_messages_are_handed_over_as_urgent(api: Harness) -> None:
    crisis = api.post_message(CRISIS).json()["message_id"]
    bulk = api.post_message("where is my parcel?").json()["message_id"]
    agent = api.post_message("are you thinking of suicide?", sender="agent").json()["message_id"]
    assert api.dispatcher.urgent == [crisis]
    assert {bulk, agent} <= set(api.dispatcher.scans)
