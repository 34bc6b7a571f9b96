"""POST /v1/messages/batch: one result per item, bad items refused alone, the limit, idempotency per
item (shared with single posts), scans published after commit with crisis-looking ones first."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sqlmodel import select

from detector import Detector
from store.db import session_scope
from store.models import MessageRow
from tests.api.conftest import CRISIS, Harness, auth, harness_for

SENT = "2025-03-04T14:59:00+00:00"


def item(text: str, conversation: str = "conv-b", **extra: Any) -> dict[str, Any]:
    return {
        "conversation_id": conversation,
        "channel": "voice",
        "sender": "customer",
        "text": text,
        "sent_at": SENT,
    } | extra


def post_batch(api: Harness, items: list[Any], role: str = "ingest") -> httpx.Response:
    response: httpx.Response = api.client.post("/v1/messages/batch", json=items, headers=auth(role))
    return response


def post_ndjson(api: Harness, lines: list[str]) -> httpx.Response:
    headers = auth("ingest") | {"Content-Type": "application/x-ndjson"}
    response: httpx.Response = api.client.post(
        "/v1/messages/batch", content="\n".join(lines) + "\n", headers=headers
    )
    return response


def stored(url: str) -> dict[str, MessageRow]:
    with session_scope(url) as session:
        return {m.id: m for m in session.exec(select(MessageRow)).all()}


def test_each_item_gets_a_result_and_a_bad_item_does_not_sink_the_batch(api: Harness) -> None:
    bad = item("where is my parcel?")
    del bad["sender"]
    response = post_batch(api, [item("where is my parcel?"), bad, item(CRISIS, "conv-c"), "not an object"])

    assert response.status_code == 200
    body = response.json()
    assert (body["accepted"], body["duplicates"], body["rejected"]) == (2, 0, 2)
    first, missing, crisis, junk = body["results"]
    assert [r["index"] for r in body["results"]] == [0, 1, 2, 3]
    assert first["status"] == crisis["status"] == "accepted"
    assert missing["status"] == junk["status"] == "rejected"
    assert missing["error"] == "invalid_message" and missing["detail"][0]["loc"] == ["sender"]
    assert "parcel" not in json.dumps(missing)  # the refusal never echoes the words
    rows = stored(api.url)
    assert set(rows) == {first["message_id"], crisis["message_id"]}
    assert {r.source for r in rows.values()} == {"batch"}
    assert rows[crisis["message_id"]].text == CRISIS
    # Published after the commit; the crisis-looking turn first and on the priority queue.
    assert api.dispatcher.scans == [crisis["message_id"], first["message_id"]]
    assert api.dispatcher.urgent == [crisis["message_id"]]
    assert api.dispatcher.committed_at_scan == [True, True]


def test_ndjson_lines_are_items_and_a_broken_line_is_one_rejected_item(api: Harness) -> None:
    lines = [json.dumps(item("hello there")), "{not json", "", json.dumps(item("thanks", sender="agent"))]
    response = post_ndjson(api, lines)

    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["accepted", "rejected", "accepted"]
    assert results[1]["error"] == "invalid_json"
    senders = sorted(m.sender for m in stored(api.url).values())
    assert senders == ["agent", "customer"]


def test_a_batch_over_the_limit_is_refused_whole_with_413_naming_the_limit(api: Harness) -> None:
    response = post_batch(api, [item(f"message {i}") for i in range(501)])

    assert response.status_code == 413
    assert response.json()["error"] == "batch_too_large"
    assert response.json()["detail"]["limit_messages"] == 500
    assert "500" in response.json()["detail"]["reason"]
    assert stored(api.url) == {} and api.dispatcher.scans == []


def test_the_limit_and_body_size_are_settings(make_api: Callable[..., Harness]) -> None:
    api = make_api(batch_max_items=3)
    assert post_batch(api, [item("a"), item("b"), item("c")]).status_code == 200
    assert post_batch(api, [item("a")] * 4).json()["detail"]["limit_messages"] == 3


def test_a_full_batch_larger_than_the_single_post_body_limit_is_accepted(api: Harness) -> None:
    items = [
        item(f"turn {i}: " + "nothing worrying here, just a long line " * 4, f"conv-{i % 7}")
        for i in range(500)
    ]
    assert len(json.dumps(items)) > api.runtime.settings.max_body_bytes

    response = post_batch(api, items)

    assert response.status_code == 200
    assert response.json()["accepted"] == 500
    assert len(stored(api.url)) == 500


def test_a_text_over_the_limit_is_one_rejected_item(make_api: Callable[..., Harness]) -> None:
    api = make_api(max_text_chars=10)
    results = post_batch(api, [item("short"), item("far too long for it")]).json()["results"]
    assert results[1]["error"] == "text_too_long" and results[1]["detail"]["limit_chars"] == 10
    assert results[0]["status"] == "accepted"


def test_a_body_that_is_not_a_batch_is_refused(api: Harness) -> None:
    not_json = api.client.post("/v1/messages/batch", content="{{", headers=auth("ingest"))
    an_object = post_batch(api, item("hello"))  # type: ignore[arg-type]
    assert (not_json.status_code, an_object.status_code) == (400, 422)
    assert api.client.post("/v1/messages/batch", json=[item("x")]).status_code == 401


def test_items_with_a_source_id_are_stored_once_however_often_they_come(api: Harness) -> None:
    items = [item("first segment", source_id="seg-1"), item("second segment", source_id="seg-2")]
    first = post_batch(api, items).json()["results"]
    again = post_batch(api, [*items, item("third", source_id="seg-3")]).json()

    ids = [r["message_id"] for r in first]
    assert [r["status"] for r in again["results"]] == ["duplicate", "duplicate", "accepted"]
    assert [r["message_id"] for r in again["results"][:2]] == ids
    assert len(stored(api.url)) == 3
    # A duplicate is not scanned again: the second batch hands over a scan of its new turn only (one scan
    # for each SCAN_BATCH bulk turns: a scan claims a batch).
    assert api.dispatcher.scans == [ids[0], again["results"][2]["message_id"]]
    # The key is the conversation's: another conversation may use the same id.
    other = post_batch(api, [item("elsewhere", "conv-other", source_id="seg-1")]).json()["results"]
    assert other[0]["status"] == "accepted"


def test_a_repeat_inside_one_batch_is_a_duplicate_of_the_first(api: Harness) -> None:
    results = post_batch(api, [item("once", source_id="s-9"), item("once", source_id="s-9")]).json()
    first, second = results["results"]
    assert (first["status"], second["status"]) == ("accepted", "duplicate")
    assert first["message_id"] == second["message_id"]
    assert len(stored(api.url)) == 1


def test_single_posts_and_the_batch_share_one_idempotency_rule(api: Harness) -> None:
    single = api.post_message("hello", conversation_id="conv-b", source_id="sms-1")
    again = api.post_message("hello", conversation_id="conv-b", source_id="sms-1")
    batched = post_batch(api, [item("hello", source_id="sms-1")]).json()["results"][0]

    assert (single.status_code, again.status_code) == (202, 202)
    assert again.json() == {
        "message_id": single.json()["message_id"],
        "status": "accepted",
        "duplicate": True,
    }
    assert batched["status"] == "duplicate" and batched["message_id"] == single.json()["message_id"]
    assert len(stored(api.url)) == 1
    assert api.post_message("no source id").json()["duplicate"] is False  # the old path is unchanged


@pytest.fixture
def pg_api(postgres_url: str, detector: Detector) -> Iterator[Harness]:
    with harness_for(postgres_url, detector) as harness:
        yield harness


def test_the_same_batch_posted_twice_at_once_stores_each_item_once_on_postgres(pg_api: Harness) -> None:
    items = [item(f"segment {i}", f"conv-{i % 3}", source_id=f"seg-{i}") for i in range(40)]
    responses: list[httpx.Response] = []
    threads = [threading.Thread(target=lambda: responses.append(post_batch(pg_api, items))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [r.status_code for r in responses] == [200, 200]
    statuses = sorted((r.json()["accepted"], r.json()["duplicates"]) for r in responses)
    assert statuses == [(0, 40), (40, 0)]
    first, second = ([x["message_id"] for x in r.json()["results"]] for r in responses)
    assert first == second
    assert len(stored(pg_api.url)) == 40
