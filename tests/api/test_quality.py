"""Issue 15, the quality panel on the supervisor's floor and the same counters in /metrics: pages sent,
confirmed crises, false alarms, misses caught by agents, precision of pages and median time to
acknowledgement, for 7 and 30 days, per team and channel. Invented conversations; the clock is the test's."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlmodel import select

from detector import Detector
from store import counters
from store.db import session_scope
from store.models import PageRow
from tests.api.conftest import CRISIS, Harness, auth, harness_for
from tests.api.test_console_views import responder_client, visible_text
from tests.api.test_labels import QUIET, say
from tests.api.test_ops import samples
from tests.fakes.services import PrivateRedis


def opened(api: Harness, conversation: str, channel: str = "chat", team: str = "default") -> str:
    body = api.post_message(
        CRISIS, conversation_id=conversation, channel=channel, team=team, wait=True
    ).json()
    incident = str(body["incident_id"])
    with session_scope(api.url) as session:  # a provider took the first page, as its callback would say
        page = session.exec(
            select(PageRow).where(PageRow.incident_id == incident).where(PageRow.kind == "page")
        ).first()
        assert page is not None
        page.status = "sent"
        page.history = [*page.history, {"at": api.clock.now.isoformat(), "status": "sent"}]
    return incident


def act(api: Harness, incident: str, action: str, **body: str) -> None:
    response = api.client.post(f"/v1/incidents/{incident}/{action}", json=body, headers=auth("responder"))
    assert response.status_code == 200, response.text


def a_month(api: Harness) -> None:
    """A confirmed crisis acknowledged after 2 minutes and a false alarm after 10, on two teams and
    channels; eight days later an agent's flag catches a miss."""
    confirmed = opened(api, "chat-1")
    api.clock.advance(120)
    act(api, confirmed, "ack")
    act(api, confirmed, "resolve", outcome="real_crisis")
    false_alarm = opened(api, "sms-1", channel="sms", team="north")
    api.clock.advance(600)
    act(api, false_alarm, "ack")
    act(api, false_alarm, "resolve", outcome="not_a_crisis")
    api.clock.advance(8 * 86400)
    say(api, QUIET, conversation="chat-2")
    assert api.flag("chat-2", level="high").json()["label"]["recorded"] is True


def row(html: str, window: str, where: str) -> list[str]:
    section = html.split(f'id="quality-{window}"', 1)[1].split("</table>", 1)[0]
    for line in re.findall(r"<tr[^>]*>(.*?)</tr>", section, re.S):
        cells = [visible_text(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", line, re.S)]
        if cells and cells[0] == where:
            return cells[1:]
    raise AssertionError(f"no row {where!r} in the {window} table")


def test_the_floor_shows_quality_for_7_and_30_days_per_team_and_channel(api: Harness) -> None:
    a_month(api)

    page = responder_client(api).get("/supervisor")

    assert page.status_code == 200
    html = page.text
    #                         pages, confirmed, false, misses, precision, median ack
    assert row(html, "30d", "All") == ["2", "1", "1", "1", "50%", "6 min"]
    assert row(html, "30d", "team north") == ["1", "0", "1", "0", "0%", "10 min"]
    assert row(html, "30d", "chat") == ["1", "1", "0", "1", "100%", "2 min"]
    assert row(html, "7d", "All") == ["0", "0", "0", "1", "—", "—"]
    assert html.count('class="bar-confirmed"') == 1 and html.count('class="bar-false-alarm"') == 1
    assert 'role="img" aria-label="Paged incidents per day over the last 30 days: 2 in all' in html
    assert re.search(r'id="model-in-force">Model in force: <code>detector\.v\d+/classifier\.v\d+\+', html)
    assert CRISIS not in visible_text(html.split('id="quality"', 1)[1].split("</section>", 1)[0])


def quality_metrics(api: Harness) -> dict[str, float]:
    values = samples(api.client.get("/metrics").text)
    return {
        k: v for k, v in values.items() if "outcomes" in k or "agent_labels" in k or "acknowledgement" in k
    }


EXPECTED = {
    'stayline_incident_outcomes_total{outcome="real_crisis"}': 1.0,
    'stayline_incident_outcomes_total{outcome="not_a_crisis"}': 1.0,
    'stayline_incident_outcomes_total{outcome="unclear"}': 0.0,
    'stayline_agent_labels_total{label="miss"}': 1.0,
    'stayline_agent_labels_total{label="false_alarm"}': 0.0,
    'stayline_acknowledgement_seconds_bucket{le="60"}': 0.0,
    'stayline_acknowledgement_seconds_bucket{le="120"}': 1.0,
    'stayline_acknowledgement_seconds_bucket{le="600"}': 2.0,
    'stayline_acknowledgement_seconds_bucket{le="+Inf"}': 2.0,
    "stayline_acknowledgement_seconds_sum": 720.0,
    "stayline_acknowledgement_seconds_count": 2.0,
}


def test_metrics_count_the_same_from_the_tables(api: Harness) -> None:
    a_month(api)
    found = quality_metrics(api)
    assert {k: found.get(k) for k in EXPECTED} == EXPECTED


@pytest.fixture
def counted(database_url: str, detector: Detector, private_redis: PrivateRedis) -> Iterator[Harness]:
    with harness_for(database_url, detector, broker_url=private_redis.url) as harness:
        yield harness
    counters.attach(database_url, None)


def test_metrics_counted_where_the_events_happen_match(counted: Harness) -> None:
    a_month(counted)
    found = quality_metrics(counted)
    assert {k: found.get(k) for k in EXPECTED} == EXPECTED
