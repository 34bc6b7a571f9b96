"""Forward Amazon Connect Contact Lens real-time transcript segments to stayline's batch door.

Payload followed: the response of Contact Lens's ``ListRealtimeContactAnalysisSegments`` (Amazon Connect
Contact Lens API, version 2020-08-21; boto3 client ``connect-contact-lens``, method
``list_realtime_contact_analysis_segments``; real-time analysis of **voice** contacts):

    {"Segments": [{"Transcript": {"Id", "ParticipantId", "ParticipantRole", "Content",
                                  "BeginOffsetMillis", "EndOffsetMillis", "Sentiment",
                                  "IssuesDetected": [...]},
                   "Categories": {...}}, ...],
     "NextToken": "..."}

``ParticipantRole`` is ``CUSTOMER`` or ``AGENT`` here (the API lists ``SYSTEM``, ``CUSTOM_BOT`` and
``SUPERVISOR`` too, which are not forwarded); offsets are milliseconds from the start of the call. Only
segments with a ``Transcript`` are turns (``Categories``-only segments are skipped). Chat contacts use the
Amazon Connect API's ``ListRealtimeContactAnalysisSegmentsV2`` (a ``Time`` union instead of offsets), not
read here. Check the names against the live reference before going live.

Each turn becomes one ``POST /v1/messages/batch`` item: conversation ``connect-<ContactId>``, channel
``voice``, the segment's ``Id`` as ``source_id`` (so a re-poll, a restart or a retry stores nothing twice),
``sent_at`` the call's start plus ``BeginOffsetMillis``. Turns are posted in offset order (stayline folds a
conversation's turns in the order they arrive). Only ids and counts are printed, never the words.

Run (boto3 and credentials needed for the polling; the mapping itself is standard library):

    STAYLINE_URL=https://stayline.example.org STAYLINE_KEY=<ingest key> \\
      python examples/contact_lens_forwarder.py <InstanceId> <ContactId> <call start, ISO 8601>
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

ROLES = {"CUSTOMER": "customer", "AGENT": "agent"}  # SYSTEM, CUSTOM_BOT, SUPERVISOR: not turns
SOURCE_ID = re.compile(r"^[A-Za-z0-9._:@+\-]{1,64}$")  # what the batch door takes as source_id
BATCH_MAX = 500  # STAYLINE_BATCH_MAX_ITEMS' default

Page = Mapping[str, Any]
Item = dict[str, Any]


def source_id(segment_id: str) -> str:
    """The segment's Id when the batch door takes it as it is; a digest of it otherwise (up to 256
    characters are allowed by Contact Lens, 64 by stayline)."""
    if SOURCE_ID.match(segment_id):
        return segment_id
    return "cl:" + hashlib.sha256(segment_id.encode()).hexdigest()[:40]


def batch_items(contact_id: str, segments: Iterable[Mapping[str, Any]], started_at: datetime) -> list[Item]:
    """Batch items for the transcript segments spoken by the customer or the agent, in offset order."""
    turns = []
    for segment in segments:
        transcript = segment.get("Transcript")
        if not transcript or transcript.get("ParticipantRole") not in ROLES:
            continue
        text = str(transcript.get("Content") or "").strip()
        if not text:
            continue
        offset = int(transcript.get("BeginOffsetMillis") or 0)
        turns.append((offset, str(transcript["Id"]), ROLES[transcript["ParticipantRole"]], text))
    return [
        {
            "conversation_id": f"connect-{contact_id}",
            "channel": "voice",
            "sender": sender,
            "text": text,
            "sent_at": (started_at + timedelta(milliseconds=offset)).isoformat(),
            "source_id": source_id(segment_id),
        }
        for offset, segment_id, sender, text in sorted(turns, key=lambda t: (t[0], t[1]))
    ]


def poll_once(
    list_segments: Callable[[str | None], Page],
    contact_id: str,
    started_at: datetime,
    seen: set[str],
    post: Callable[[list[Item]], Mapping[str, Any]],
) -> int:
    """Read every page of segments so far and post the turns not forwarded yet. Returns how many were
    posted. ``seen`` holds the segment ids already accepted (a restart forgets it: the batch door's
    idempotency on ``source_id`` answers those as duplicates)."""
    segments: list[Mapping[str, Any]] = []
    token: str | None = None
    while True:
        page = list_segments(token)
        segments.extend(page.get("Segments") or [])
        token = page.get("NextToken")
        if not token:
            break
    fresh = [item for item in batch_items(contact_id, segments, started_at) if item["source_id"] not in seen]
    for start in range(0, len(fresh), BATCH_MAX):
        chunk = fresh[start : start + BATCH_MAX]
        answer = post(chunk)
        for item, result in zip(chunk, answer.get("results") or [], strict=False):
            if result.get("status") in ("accepted", "duplicate"):
                seen.add(item["source_id"])  # a rejected item is tried again at the next poll
    return len(fresh)


def batch_poster(base_url: str, key: str, timeout: float = 10.0) -> Callable[[list[Item]], Mapping[str, Any]]:
    def post(items: list[Item]) -> Mapping[str, Any]:
        request = urllib.request.Request(
            base_url.rstrip("/") + "/v1/messages/batch",
            data=json.dumps(items).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return dict(json.load(response))

    return post


def main(argv: list[str]) -> int:  # pragma: no cover - needs AWS
    import boto3

    instance_id, contact_id, started = argv
    client = boto3.client("connect-contact-lens")
    started_at = datetime.fromisoformat(started)

    def list_segments(token: str | None) -> Page:
        extra = {"NextToken": token} if token else {}
        page: Page = client.list_realtime_contact_analysis_segments(
            InstanceId=instance_id, ContactId=contact_id, MaxResults=100, **extra
        )
        return page

    post = batch_poster(os.environ["STAYLINE_URL"], os.environ["STAYLINE_KEY"])
    seen: set[str] = set()
    while True:  # until the contact ends (the API then answers with an error, which ends this loop)
        posted = poll_once(list_segments, contact_id, started_at, seen, post)
        print(f"contact {contact_id}: {posted} new turns posted, {len(seen)} accepted so far", flush=True)
        time.sleep(1.0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
