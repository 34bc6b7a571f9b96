"""``channels.yaml``: the model, opening hours (with fixed instants, never the real time of day) and
`config check` naming a bad value's file and line."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from config.channels_file import ChannelsSettings, Hours, read_channels
from config.files import PACKAGED_CONFIG_DIR
from workers.config_check import check_configuration

# 2025-03-04 was a Tuesday; 14:30 UTC is 14:30 in London (GMT) and 09:30 in New York (EST).
TUESDAY_1430_UTC = datetime(2025, 3, 4, 14, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STAYLINE_CONFIG_DIR", raising=False)


def test_the_shipped_file_reads_and_only_the_api_doors_are_on() -> None:
    settings, errors = read_channels(PACKAGED_CONFIG_DIR / "channels.yaml")
    assert errors == [] and settings is not None
    assert [n for n in settings.connectors() if settings.live(n)] == ["api", "batch"]


def test_hours_are_read_in_the_connectors_time_zone() -> None:
    london = Hours(timezone="Europe/London", days={"tue": ["08:00-15:00"]})
    new_york = Hours(timezone="America/New_York", days={"tue": ["10:00-18:00"]})
    assert london.open_at(TUESDAY_1430_UTC)
    assert not new_york.open_at(TUESDAY_1430_UTC)  # 09:30 there
    assert not london.open_at(datetime(2025, 3, 5, 14, 30, tzinfo=UTC))  # Wednesday: not listed
    assert Hours(always=True).open_at(TUESDAY_1430_UTC)


def test_a_range_may_run_to_midnight() -> None:
    late = Hours(timezone="UTC", days={"tue": ["22:00-24:00"]})
    assert late.open_at(datetime(2025, 3, 4, 23, 59, tzinfo=UTC))
    assert not late.open_at(datetime(2025, 3, 4, 21, 59, tzinfo=UTC))


def test_an_empty_or_missing_file_means_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "channels.yaml").write_text("")
    assert read_channels(tmp_path / "channels.yaml") == (ChannelsSettings(), [])
    assert read_channels(tmp_path / "absent.yaml") == (ChannelsSettings(), [])


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("twilio_messages:\n  enabld: true\n", "enabld"),
        ("twilio_messages:\n  expect:\n    hours: {timezone: Mars/Olympus}\n", "unknown time zone"),
        ("batch:\n  expect:\n    hours: {days: {mon: ['20:00-08:00']}}\n", "end must come after"),
        ("api:\n  expect:\n    silence_minutes: 0\n", "greater than 0"),
    ],
)
def test_config_check_names_the_file_and_line_of_a_bad_value(tmp_path: Path, text: str, wanted: str) -> None:
    (tmp_path / "channels.yaml").write_text(textwrap.dedent(text))
    report = check_configuration(tmp_path, environ={})
    [part] = [p for p in report.parts if p.name == "channels"]
    assert part.stops_service
    assert any(wanted in e and f"{tmp_path / 'channels.yaml'}:" in e for e in part.errors), part.errors
    assert report.fatal


def test_config_check_says_what_is_on_and_watched(tmp_path: Path) -> None:
    (tmp_path / "channels.yaml").write_text(
        "twilio_messages:\n  enabled: true\n  expect: {silence_minutes: 20}\n"
    )
    [part] = [p for p in check_configuration(tmp_path, environ={}).parts if p.name == "channels"]
    assert part.errors == []
    assert part.files[0].holds == "on: api, batch, twilio_messages; watched for silence: twilio_messages"
