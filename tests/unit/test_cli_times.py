"""The small time parser behind `stayline oncall --at`: an injected "now", never today's date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from stayline_cli.times import UnreadableTime, parse_when

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 22, 15, tzinfo=UTC)  # 17:15 in New York


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("  NOW ", NOW),
        ("+2h", NOW + timedelta(hours=2)),
        ("+90m", NOW + timedelta(minutes=90)),
        ("in 3 days", NOW + timedelta(days=3)),
        ("tomorrow 3am", datetime(2026, 11, 28, 3, 0, tzinfo=NEW_YORK)),
        ("tomorrow at 03:30", datetime(2026, 11, 28, 3, 30, tzinfo=NEW_YORK)),
        ("today 9pm", datetime(2026, 11, 27, 21, 0, tzinfo=NEW_YORK)),
        ("today 12am", datetime(2026, 11, 27, 0, 0, tzinfo=NEW_YORK)),
        ("tomorrow", datetime(2026, 11, 28, 0, 0, tzinfo=NEW_YORK)),
        ("2026-11-27T03:00+00:00", datetime(2026, 11, 27, 3, 0, tzinfo=UTC)),
    ],
)
def test_accepted_forms(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW, NEW_YORK) == expected


def test_tomorrow_is_the_local_tomorrow() -> None:
    late = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)  # still the 27th in New York
    assert parse_when("tomorrow 3am", late, NEW_YORK).date().day == 28


@pytest.mark.parametrize(
    "text", ["next tuesday", "tomorrow 13pm", "today 25:00", "+2 fortnights", "2026-11-27T03:00", ""]
)
def test_anything_else_is_refused_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(UnreadableTime) as refused:
        parse_when(text, NOW, NEW_YORK)
    assert "accepted:" in str(refused.value)
