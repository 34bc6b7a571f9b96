"""Coverage: intake counted per channel; a channel that should be live and has sent nothing for its
silence threshold within its hours is one console alarm per silence (the sweeper's job), reported in
/readyz (not failing it) and /metrics. Times come from the harness's injected clock, never the real day."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from config.channels_file import Hours
from store.db import session_scope
from store.models import PageRow
from tests.api.channel_helpers import CENTRE, CUSTOMER, audits, post_signed
from tests.api.conftest import Harness, TestClient
from tests.api.console_helpers import sign_in
from tests.api.test_console_views import visible_text
from tests.api.test_ops import samples
from workers.coverage import CHANNELS, check_channels, silent_since
from workers.sweeper import CHANNELS as CHANNELS_JOB
from workers.sweeper import Sweeper

# Invented opening hours for a Tuesday (the harness clock starts Tuesday 2025-03-04 15:00 UTC, 10:00 in
# New York); SMS is watched 08:00-20:00 New York on weekdays, the API door always, the batch door not.
WATCHED_YAML = """
api:
  expect: {silence_minutes: 60, hours: {always: true}}
batch: {}
twilio_messages:
  enabled: true
  centre_numbers: ["+15555550100"]
  expect:
    silence_minutes: 30
    hours:
      timezone: America/New_York
      days: {mon: ["08:00-20:00"], tue: ["08:00-20:00"], wed: ["08:00-20:00"]}
twilio_transcriptions:
  enabled: false
  expect: {silence_minutes: 5}
"""


@pytest.fixture
def watched(
    channels_config_dir: Path, make_channel_api: Callable[[str], Harness], sqlite_url: str
) -> Harness:
    (channels_config_dir / "channels.yaml").write_text(WATCHED_YAML)
    return make_channel_api(sqlite_url)


def sms(api: Harness, sid: str) -> None:
    params = {"MessageSid": sid, "From": CUSTOMER, "To": CENTRE, "Body": "just checking in"}
    assert post_signed(api, "/v1/channels/twilio/messages", params).status_code == 200


def channel_alarms(api: Harness) -> list[PageRow]:
    with session_scope(api.url) as session:
        return list(session.exec(select(PageRow).where(PageRow.incident_id == CHANNELS)).all())


def test_a_silent_channel_is_one_alarm_per_silence_and_reported(watched: Harness) -> None:
    sms(watched, "SM0001")
    watched.post_message("hello")
    watched.clock.advance(29 * 60)
    assert check_channels(watched.runtime) == []  # 29 minutes: within the threshold
    ready = watched.client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"]["channels"] == "ok"

    watched.clock.advance(2 * 60)  # 31 minutes of silence on SMS, within its hours
    first = check_channels(watched.runtime)
    again = [check_channels(watched.runtime) for _ in range(3)]

    assert len(first) == 1 and again == [[], [], []]
    assert watched.dispatcher.pages == first  # handed to the dispatcher once
    [alarm] = channel_alarms(watched)
    assert (alarm.kind, alarm.channel, alarm.level) == ("alarm", "console", "high")
    assert [a.detail["channel"] for a in audits(watched.url, "channel_silent")] == ["twilio_messages"]
    ready = watched.client.get("/readyz")
    assert ready.status_code == 200  # reported, not failing readiness
    assert ready.json()["checks"]["channels"] == "silent: twilio_messages"
    assert ready.json()["status"] == "degraded"

    sms(watched, "SM0002")  # the channel is back: the silence is over
    assert watched.client.get("/readyz").json()["checks"]["channels"] == "ok"
    watched.clock.advance(31 * 60)  # a new silence (the API door, 62 minutes quiet, is silent too)
    new = check_channels(watched.runtime)
    assert len(new) == 2
    assert sorted(a.detail["channel"] for a in audits(watched.url, "channel_silent")) == [
        "api",
        "twilio_messages",
        "twilio_messages",
    ]
    assert watched.client.get("/readyz").json()["checks"]["channels"] == "silent: api, twilio_messages"


def test_outside_its_hours_or_off_a_channel_is_not_silent(watched: Harness) -> None:
    watched.post_message("hello")
    sms(watched, "SM0001")
    watched.clock.now = datetime(2025, 3, 5, 0, 59, tzinfo=UTC)  # Tue 19:59 New York: still open
    watched.post_message("hello again")  # the API door carries traffic
    assert len(check_channels(watched.runtime)) == 1  # SMS: hours of silence within its hours
    watched.clock.now = datetime(2025, 3, 5, 1, 30, tzinfo=UTC)  # 20:30: closed
    watched.post_message("late")
    assert watched.client.get("/readyz").json()["checks"]["channels"] == "ok"
    # Wednesday 08:20 New York: open for 20 minutes, under the 30-minute threshold since the opening.
    watched.clock.now = datetime(2025, 3, 5, 13, 20, tzinfo=UTC)
    watched.post_message("morning")
    assert watched.client.get("/readyz").json()["checks"]["channels"] == "ok"
    watched.clock.now = datetime(2025, 3, 5, 13, 31, tzinfo=UTC)  # 08:31: silent since the opening
    watched.post_message("still here")
    before = len(channel_alarms(watched))
    assert len(check_channels(watched.runtime)) == 1
    assert len(channel_alarms(watched)) == before + 1
    # twilio_transcriptions is watched but off: never alarmed.
    assert all("transcriptions" not in a.idempotency_key for a in channel_alarms(watched))


def test_the_sweeper_runs_the_channel_check(watched: Harness) -> None:
    watched.clock.advance(61 * 60)  # nothing at all yet: the API door (always watched) is silent

    ran = Sweeper(watched.runtime, 1.0).run_once()

    assert CHANNELS_JOB in ran
    assert [a.idempotency_key.split("/")[1] for a in channel_alarms(watched)].count("api") == 1


def test_metrics_count_intake_per_channel(watched: Harness) -> None:
    sms(watched, "SM0001")
    sms(watched, "SM0002")
    watched.post_message("hello")
    watched.clock.advance(90)

    values = samples(watched.client.get("/metrics").text)

    assert values['stayline_channel_messages_total{channel="twilio_messages"}'] == 2
    assert values['stayline_channel_messages_total{channel="api"}'] == 1
    assert values['stayline_channel_messages_total{channel="batch"}'] == 0
    assert values['stayline_channel_last_message_age_seconds{channel="api"}'] == 90.0
    assert values['stayline_channel_silent{channel="api"}'] == 0


@pytest.mark.parametrize("day", range(7))
def test_silence_is_counted_within_hours_on_any_day(day: int) -> None:
    """Seven consecutive Mondays (across the change to summer time), clock readings in UTC as in service."""
    hours = Hours(timezone="Europe/London", days={"mon": ["09:00-17:00"], "sat": ["22:00-24:00"]})
    london = ZoneInfo("Europe/London")
    monday = datetime(2025, 3, 3, tzinfo=london) + timedelta(days=7 * day)

    def at(days: int, hour: int, minute: int = 0) -> datetime:
        return (monday + timedelta(days=days, hours=hour, minutes=minute)).astimezone(UTC)

    silence = timedelta(minutes=30)
    assert silent_since(hours, silence, None, at(0, 9, 29)) is None  # open for 29 minutes only
    assert silent_since(hours, silence, None, at(0, 9, 31)) == at(0, 9)  # since the opening
    last = at(0, 10)
    assert silent_since(hours, silence, last, at(0, 10, 29)) is None
    assert silent_since(hours, silence, last, at(0, 10, 30)) == last
    assert silent_since(hours, silence, last, at(0, 18)) is None  # closed
    assert silent_since(hours, silence, last, at(5, 23, 59)) == at(5, 22)  # a new opening, a new silence


def test_counts_and_one_alarm_per_silence_on_postgres(
    channels_config_dir: Path, make_channel_api: Callable[[str], Harness], postgres_url: str
) -> None:
    (channels_config_dir / "channels.yaml").write_text(WATCHED_YAML)
    api = make_channel_api(postgres_url)
    sms(api, "SM0001")
    api.post_message("hello")
    api.clock.advance(31 * 60)

    assert len(check_channels(api.runtime)) == 1 and check_channels(api.runtime) == []
    values = samples(api.client.get("/metrics").text)
    assert values['stayline_channel_messages_total{channel="twilio_messages"}'] == 1
    assert values['stayline_channel_last_message_age_seconds{channel="twilio_messages"}'] == 31 * 60.0
    assert api.client.get("/readyz").json()["checks"]["channels"] == "silent: twilio_messages"


def test_the_floor_shows_each_channels_health_like_readyz(watched: Harness) -> None:
    sms(watched, "SM0001")
    watched.post_message("hello")
    watched.clock.advance(31 * 60)  # SMS silent beyond its 30 minutes, within its hours
    assert watched.client.get("/readyz").json()["checks"]["channels"] == "silent: twilio_messages"
    admin = TestClient(watched.client.app)
    sign_in(admin, "Sol Mendez", "admin-key")

    floor = admin.get("/supervisor").text
    rows = {
        name: visible_text(row)
        for name, row in re.findall(r'<tr class="channel-\w+" data-channel="(\w+)">(.*?)</tr>', floor, re.S)
    }

    assert "Channels (1 silent)" in visible_text(floor)
    assert "SILENT beyond its window, since" in rows["twilio_messages"]
    assert "31 min" in rows["twilio_messages"] and rows["twilio_messages"].strip().endswith("1")
    assert "live" in rows["api"] and "31 min" in rows["api"]
    assert "on, not watched" in rows["batch"] and "never" in rows["batch"]
    assert "off" in rows["twilio_transcriptions"]

    sms(watched, "SM0002")  # the channel speaks again: live, two messages
    floor = admin.get("/supervisor").text
    assert "Channels (" not in visible_text(floor)
    assert re.search(r'class="channel-live" data-channel="twilio_messages"', floor)


def test_a_watched_channel_outside_its_hours_is_shown_as_such(watched: Harness) -> None:
    watched.clock.advance(12 * 3600)  # 22:00 in New York: SMS closed
    admin = TestClient(watched.client.app)
    sign_in(admin, "Sol Mendez", "admin-key")
    floor = admin.get("/supervisor").text
    assert re.search(r'class="channel-outside_hours" data-channel="twilio_messages"', floor)
    assert re.search(r'class="channel-silent" data-channel="api"', floor)  # never carried anything
    assert "never carried a message" in floor
