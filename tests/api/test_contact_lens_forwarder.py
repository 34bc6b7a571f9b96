"""The Amazon Connect Contact Lens forwarder (examples/contact_lens_forwarder.py) against a sample of the
documented ListRealtimeContactAnalysisSegments response (API 2020-08-21), written here with invented
words, and through the real batch door."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlmodel import col, select

from api.schemas import MessageIn
from examples.contact_lens_forwarder import Item, batch_items, poll_once, source_id
from store.db import session_scope
from store.models import IncidentRow, MessageRow
from tests.api.conftest import Harness, auth
from workers.messages import scan_message

CONTACT = "5f0c1a2e-9d7b-4e63-8a41-2b6f3c9d0e11"
STARTED = datetime(2025, 3, 4, 14, 58, tzinfo=UTC)


def transcript(segment_id: str, role: str, words: str, begin: int) -> dict[str, Any]:
    return {
        "Transcript": {
            "Id": segment_id,
            "ParticipantId": f"participant-{role.lower()}",
            "ParticipantRole": role,
            "Content": words,
            "BeginOffsetMillis": begin,
            "EndOffsetMillis": begin + 2400,
            "Sentiment": "NEUTRAL",
            "IssuesDetected": [],
        }
    }


# Two pages, as the API pages them; the second page's first segment began before the first page's last
# (segments are not promised in offset order), one Categories-only segment and one SYSTEM segment.
PAGES: list[dict[str, Any]] = [
    {
        "Segments": [
            transcript("seg-0001", "AGENT", "Thanks for calling, how can I help today?", 800),
            transcript("seg-0003", "CUSTOMER", "I saved up all my sleeping tablets, I want to die", 9100),
            {"Categories": {"MatchedCategories": ["escalation"], "MatchedDetails": {}}},
        ],
        "NextToken": "page-2",
    },
    {
        "Segments": [
            transcript("seg-0002", "CUSTOMER", "it is not about the bill really", 4200),
            transcript("seg-0004", "SYSTEM", "This call may be recorded", 100),
        ]
    },
]


def pages() -> Any:
    def list_segments(token: str | None) -> Mapping[str, Any]:
        return PAGES[1] if token == "page-2" else PAGES[0]

    return list_segments


def test_documented_segments_become_batch_items_in_offset_order() -> None:
    items = batch_items(CONTACT, PAGES[0]["Segments"] + PAGES[1]["Segments"], STARTED)

    assert [(i["source_id"], i["sender"]) for i in items] == [
        ("seg-0001", "agent"),
        ("seg-0002", "customer"),
        ("seg-0003", "customer"),
    ]
    assert {i["conversation_id"] for i in items} == {f"connect-{CONTACT}"}
    assert items[1]["sent_at"] == "2025-03-04T14:58:04.200000+00:00"
    for item in items:
        MessageIn.model_validate(item)  # what the batch door validates


def test_a_segment_id_the_door_cannot_take_is_replaced_by_a_stable_digest() -> None:
    long_id = "x" * 200
    assert source_id(long_id) == source_id(long_id) and len(source_id(long_id)) <= 64
    assert source_id("has spaces/and slashes") != "has spaces/and slashes"
    assert source_id("seg-0001") == "seg-0001"


def test_the_forwarder_posts_through_the_batch_door_once_per_segment(api: Harness) -> None:
    posted: list[list[Item]] = []

    def post(items: list[Item]) -> Mapping[str, Any]:
        posted.append(items)
        response = api.client.post("/v1/messages/batch", json=items, headers=auth("ingest"))
        assert response.status_code == 200, response.text
        return dict(response.json())

    seen: set[str] = set()
    assert poll_once(pages(), CONTACT, STARTED, seen, post) == 3
    assert poll_once(pages(), CONTACT, STARTED, seen, post) == 0  # nothing new: nothing posted
    assert poll_once(pages(), CONTACT, STARTED, set(), post) == 3  # a restarted forwarder: duplicates
    for message_id in list(api.dispatcher.scans):
        scan_message(api.runtime, message_id)

    assert len(posted) == 2 and all(len(items) == 3 for items in posted)
    with session_scope(api.url) as session:
        messages = session.exec(select(MessageRow).order_by(col(MessageRow.sent_at))).all()
        incident = session.exec(select(IncidentRow)).one()
    assert [m.sender for m in messages] == ["agent", "customer", "customer"]
    assert {m.source for m in messages} == {"batch"} and {m.channel for m in messages} == {"voice"}
    assert all(m.scanned_at is not None for m in messages)
    assert incident.conversation_id == f"connect-{CONTACT}"
