"""What the console lists and how it refers to things: a flagged conversation's badge and place in the
list, incident codes (linked) instead of internal ids, the paging table agreeing with the timeline, and
times in the reader's zone with UTC on hover."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import select

from api.console.timeline import paging_story
from store import repository
from store.db import session_scope
from store.models import IncidentRow, PageRow
from tests.api.conftest import CRISIS, Harness
from tests.api.test_console_views import agent_client, flag, only_incident, responder_client

ROW = re.compile(r'<tr class="row-(\w+)">.*?<a href="/conversations/([\w-]+)">', re.S)


def listed(html: str) -> list[tuple[str, str]]:
    """(badge level, conversation id) in the order the list shows them."""
    return [(level, cid) for level, cid in ROW.findall(html)]


def test_a_flagged_conversation_shows_its_incident_level_and_stays_in_the_risk_view(api: Harness) -> None:
    api.post_message("can I change my billing date", conversation_id="quiet-1", wait=True)
    api.clock.advance(60)
    api.post_message("can you close every account I have", conversation_id="flagged-2", wait=True)
    api.clock.advance(60)
    api.post_message("what time do you open tomorrow", conversation_id="latest-3", wait=True)
    agent = agent_client(api)
    flag(agent, "flagged-2", level="moderate")

    everything = listed(agent.get("/conversations").text)
    assert everything[0] == ("moderate", "flagged-2")  # riskiest first, though not the most recent
    assert everything[1:] == [("none", "latest-3"), ("none", "quiet-1")]  # then most recent first
    assert listed(agent.get("/conversations?at_risk=true").text) == [("moderate", "flagged-2")]
    conversation = agent.get("/conversations/flagged-2").text
    assert conversation.index('class="badge level-moderate"') < conversation.index("Incident <a")


def test_the_floor_names_pages_by_their_linked_incident_code(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    incident = only_incident(api)
    floor = responder_client(api).get("/supervisor").text
    waiting = floor[floor.index('id="awaiting-heading"') : floor.index('id="unreached-heading"')]
    assert f'<a href="/incidents/{incident.code}">{incident.code}</a>' in waiting
    assert incident.id[:8] not in floor


def test_the_paging_table_tells_what_the_timeline_tells(api: Harness) -> None:
    """A delivery recorded after the page rows were read still shows the same status in both."""
    api.post_message(CRISIS, wait=True)
    incident = only_incident(api)
    with session_scope(api.url) as session:
        page = session.exec(select(PageRow).where(PageRow.incident_id == incident.id)).first()
        assert page is not None
        page.status, page.updated_at = "sending", api.clock.now
        # What the provider's callback commits a moment later: the audit row, ahead of the page row.
        later = api.clock.now + timedelta(milliseconds=5)
        repository.audit(
            session,
            "notifier:twilio",
            "page_delivered",
            at=later,
            incident_id=incident.id,
            page=page.idempotency_key,
        )
    with session_scope(api.url) as session:
        row = session.get(IncidentRow, incident.id)
        assert row is not None
        timeline, pages = paging_story(session, row)
    shown = {line.page.idempotency_key: line.status for line in pages}
    assert shown[page.idempotency_key] == "delivered"
    assert any(entry.text.endswith(": delivered") for entry in timeline)


def test_times_are_in_the_readers_roster_zone_with_utc_on_hover(api: Harness) -> None:
    api.post_message(CRISIS, wait=True)
    code = only_incident(api).code
    dana = responder_client(api).get(f"/incidents/{code}").text  # Dana Reyes: America/New_York
    opened = re.search(
        r'opened <time datetime="([^"]+)" title="([^"]+)" data-local="server">([^<]+)</time>', dana
    )
    assert opened is not None
    assert opened.group(3).endswith(("EST", "EDT"))
    assert "UTC" in opened.group(2)
    assert re.search(
        r'<time datetime="[^"]+" title="[^"]+" data-since data-suffix=" ago">\d+ s ago</time>', dana
    )
    # Ana Lima is not on the roster: the browser's zone decides (console.js), UTC until it does.
    ana = agent_client(api).get("/conversations/conv-1").text
    assert re.search(r'data-local="browser">\d\d:\d\d:\d\d UTC</time>', ana)
