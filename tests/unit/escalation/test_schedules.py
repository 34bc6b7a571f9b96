"""On-call schedules: hand-offs at local time across DST, layers, active hours, overrides and gaps."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest

from escalation.schedules import (
    ActiveHours,
    Gap,
    Handoff,
    Layer,
    Override,
    Schedule,
    gaps,
    local_instant,
    who_is_on_call,
)
from tests.unit.escalation.testkit import LONDON, NEW_YORK, local, rotation, utc

WEEKDAYS = frozenset(range(5))
BUSINESS_HOURS = ActiveHours(time(9), time(17), WEEKDAYS)


def single_layer(zone: str, layer: Layer, *overrides: Override) -> Schedule:
    return Schedule("test", zone, (layer,), overrides)


class TestDaylightSaving:
    def test_new_york_weekly_handoff_stays_at_nine_local_after_spring_forward(self) -> None:
        layer = rotation(("Ana", "Ben", "Cleo"), time(9), date(2025, 3, 3), Handoff.WEEKLY)
        schedule = single_layer(NEW_YORK, layer)
        # 2025-03-10 09:00 EDT is 13:00 UTC; a fixed EST offset would wrongly hand off at 14:00 UTC.
        assert who_is_on_call(schedule, utc(2025, 3, 10, 12, 59)) == "Ana"
        assert who_is_on_call(schedule, utc(2025, 3, 10, 13, 0)) == "Ben"
        assert who_is_on_call(schedule, utc(2025, 3, 17, 12, 59)) == "Ben"
        assert who_is_on_call(schedule, utc(2025, 3, 17, 13, 0)) == "Cleo"

    def test_london_daily_handoff_moves_in_utc_when_clocks_change(self) -> None:
        spring = single_layer(LONDON, rotation(("Ana", "Ben"), time(8), date(2025, 3, 28)))
        # Saturday 29 March is Ben's (08:00 GMT = 08:00 UTC); Sunday 30 March 08:00 BST = 07:00 UTC.
        assert who_is_on_call(spring, utc(2025, 3, 29, 7, 59)) == "Ana"
        assert who_is_on_call(spring, utc(2025, 3, 29, 8, 0)) == "Ben"
        assert who_is_on_call(spring, utc(2025, 3, 30, 6, 59)) == "Ben"
        assert who_is_on_call(spring, utc(2025, 3, 30, 7, 0)) == "Ana"
        autumn = single_layer(LONDON, rotation(("Ana", "Ben"), time(8), date(2025, 10, 24)))
        # Saturday 25 October 08:00 BST = 07:00 UTC; Sunday 26 October 08:00 GMT = 08:00 UTC (a 25 h shift).
        assert who_is_on_call(autumn, utc(2025, 10, 25, 7, 0)) == "Ben"
        assert who_is_on_call(autumn, utc(2025, 10, 26, 7, 59)) == "Ben"
        assert who_is_on_call(autumn, utc(2025, 10, 26, 8, 0)) == "Ana"

    def test_handoff_at_a_skipped_time_happens_when_the_clocks_jump(self) -> None:
        # 02:30 does not exist in New York on 2025-03-09: clocks jump from 02:00 EST to 03:00 EDT (07:00 UTC).
        assert local_instant(date(2025, 3, 9), time(2, 30), ZoneInfo(NEW_YORK)) == utc(2025, 3, 9, 7, 0)
        schedule = single_layer(NEW_YORK, rotation(("Ana", "Ben"), time(2, 30), date(2025, 3, 8)))
        assert who_is_on_call(schedule, utc(2025, 3, 9, 6, 59, 59)) == "Ana"
        assert who_is_on_call(schedule, utc(2025, 3, 9, 7, 0)) == "Ben"

    def test_handoff_at_a_repeated_time_happens_once_at_the_first_occurrence(self) -> None:
        # 01:30 happens twice in New York on 2025-11-02: 05:30 UTC (EDT) and 06:30 UTC (EST).
        assert local_instant(date(2025, 11, 2), time(1, 30), ZoneInfo(NEW_YORK)) == utc(2025, 11, 2, 5, 30)
        schedule = single_layer(NEW_YORK, rotation(("Ana", "Ben"), time(1, 30), date(2025, 11, 1)))
        assert who_is_on_call(schedule, utc(2025, 11, 2, 5, 29)) == "Ana"
        # 01:15 EST reads earlier than 01:30 on the wall, but the hand-off already happened: no flip back.
        assert who_is_on_call(schedule, utc(2025, 11, 2, 6, 15)) == "Ben"
        assert who_is_on_call(schedule, utc(2025, 11, 2, 6, 30)) == "Ben"

    def test_london_repeated_hour_handoff(self) -> None:
        # 01:30 happens twice in London on 2025-10-26: 00:30 UTC (BST) then 01:30 UTC (GMT).
        assert local_instant(date(2025, 10, 26), time(1, 30), ZoneInfo(LONDON)) == utc(2025, 10, 26, 0, 30)
        assert local_instant(date(2025, 3, 30), time(1, 30), ZoneInfo(LONDON)) == utc(2025, 3, 30, 1, 0)


class TestLayersAndOverrides:
    def base_and_business_hours(self) -> Schedule:
        base = rotation(("Ana", "Ben"), time(9), date(2025, 3, 3), Handoff.WEEKLY)
        lead = Layer("lead", ("Lead",), Handoff.DAILY, time(9), date(2025, 3, 3), BUSINESS_HOURS)
        return Schedule("layered", NEW_YORK, (base, lead))

    def test_higher_layer_wins_only_where_it_has_someone(self) -> None:
        schedule = self.base_and_business_hours()
        assert who_is_on_call(schedule, local(NEW_YORK, 2025, 3, 12, 10, 0)) == "Lead"  # Wednesday day
        assert (
            who_is_on_call(schedule, local(NEW_YORK, 2025, 3, 12, 17, 0)) == "Ben"
        )  # after 17:00: back to the base layer
        assert who_is_on_call(schedule, local(NEW_YORK, 2025, 3, 15, 10, 0)) == "Ben"  # Saturday

    def test_active_hours_wrap_past_midnight_from_their_start_day(self) -> None:
        friday_nights = ActiveHours(time(22), time(6), frozenset({4}))
        layer = Layer("nights", ("Owl",), Handoff.DAILY, time(22), date(2025, 1, 1), friday_nights)
        schedule = Schedule("nights", LONDON, (layer,))
        assert who_is_on_call(schedule, local(LONDON, 2025, 3, 14, 21, 59)) is None
        assert who_is_on_call(schedule, local(LONDON, 2025, 3, 15, 3, 0)) == "Owl"  # Saturday, from Friday
        assert who_is_on_call(schedule, local(LONDON, 2025, 3, 15, 6, 0)) is None
        assert who_is_on_call(schedule, local(LONDON, 2025, 3, 15, 23, 0)) is None  # Saturday night: off

    def test_override_wins_for_its_window_only(self) -> None:
        cover = Override("Sub", utc(2025, 3, 12, 20), utc(2025, 3, 13, 4))
        schedule = single_layer(NEW_YORK, rotation(("Ana",), time(9), date(2025, 3, 1)), cover)
        assert who_is_on_call(schedule, utc(2025, 3, 12, 19, 59)) == "Ana"
        assert who_is_on_call(schedule, utc(2025, 3, 12, 20)) == "Sub"
        assert who_is_on_call(schedule, utc(2025, 3, 13, 3, 59)) == "Sub"
        assert who_is_on_call(schedule, utc(2025, 3, 13, 4)) == "Ana"

    def test_later_override_wins_where_overrides_overlap(self) -> None:
        first = Override("First", utc(2025, 3, 12, 0), utc(2025, 3, 12, 12))
        second = Override("Second", utc(2025, 3, 12, 6), utc(2025, 3, 12, 8))
        schedule = single_layer(NEW_YORK, rotation(("Ana",), time(9), date(2025, 3, 1)), first, second)
        assert who_is_on_call(schedule, utc(2025, 3, 12, 5)) == "First"
        assert who_is_on_call(schedule, utc(2025, 3, 12, 7)) == "Second"
        assert who_is_on_call(schedule, utc(2025, 3, 12, 9)) == "First"

    def test_nobody_before_the_rotation_starts_or_in_an_empty_layer(self) -> None:
        schedule = single_layer(NEW_YORK, rotation(("Ana",), time(9), date(2025, 3, 3)))
        assert who_is_on_call(schedule, local(NEW_YORK, 2025, 3, 3, 8, 59)) is None
        assert who_is_on_call(schedule, local(NEW_YORK, 2025, 3, 3, 9, 0)) == "Ana"
        empty = single_layer(NEW_YORK, rotation((), time(9), date(2025, 3, 3)))
        assert who_is_on_call(empty, local(NEW_YORK, 2025, 6, 1, 12, 0)) is None

    def test_naive_times_are_refused(self) -> None:
        schedule = single_layer(NEW_YORK, rotation(("Ana",), time(9), date(2025, 3, 3)))
        with pytest.raises(ValueError, match="no time zone"):
            who_is_on_call(schedule, local(NEW_YORK, 2025, 3, 4).replace(tzinfo=None))


class TestGaps:
    def business_hours_only(self, *overrides: Override) -> Schedule:
        layer = Layer("days", ("Ana",), Handoff.DAILY, time(9), date(2025, 1, 1), BUSINESS_HOURS)
        return Schedule("days", NEW_YORK, (layer,), overrides)

    def test_gaps_are_exact_across_spring_forward(self) -> None:
        # Friday 7 March (EST) to Tuesday 11 March (EDT) 2025: covered only Fri and Mon, 09:00-17:00 local.
        found = gaps(self.business_hours_only(), utc(2025, 3, 7, 5), utc(2025, 3, 11, 4))
        assert found == [
            Gap(utc(2025, 3, 7, 5), utc(2025, 3, 7, 14)),
            Gap(utc(2025, 3, 7, 22), utc(2025, 3, 10, 13)),
            Gap(utc(2025, 3, 10, 21), utc(2025, 3, 11, 4)),
        ]

    def test_an_override_splits_a_gap(self) -> None:
        cover = Override("Sub", utc(2025, 3, 8, 12), utc(2025, 3, 8, 18))
        found = gaps(self.business_hours_only(cover), utc(2025, 3, 7, 22), utc(2025, 3, 10, 13))
        assert found == [
            Gap(utc(2025, 3, 7, 22), utc(2025, 3, 8, 12)),
            Gap(utc(2025, 3, 8, 18), utc(2025, 3, 10, 13)),
        ]

    def test_full_rotation_has_no_gaps_for_a_week(self) -> None:
        schedule = single_layer(LONDON, rotation(("Ana", "Ben"), time(8), date(2025, 3, 1)))
        assert gaps(schedule, utc(2025, 3, 26), utc(2025, 4, 2)) == []

    def test_unreachable_responders_count_as_gaps(self) -> None:
        schedule = single_layer(LONDON, rotation(("Ana", "Ben"), time(8), date(2025, 3, 28)))
        found = gaps(schedule, utc(2025, 3, 28, 8), utc(2025, 4, 1, 7), reachable=lambda name: name != "Ben")
        # Ben has 29 March 08:00 GMT -> 30 March 08:00 BST, and 31 March 07:00 UTC -> 1 April 07:00 UTC.
        assert found == [
            Gap(utc(2025, 3, 29, 8), utc(2025, 3, 30, 7)),
            Gap(utc(2025, 3, 31, 7), utc(2025, 4, 1, 7)),
        ]

    def test_window_before_the_rotation_starts_is_a_gap(self) -> None:
        schedule = single_layer(NEW_YORK, rotation(("Ana",), time(9), date(2025, 3, 3)))
        found = gaps(schedule, utc(2025, 3, 2), utc(2025, 3, 4))
        assert found == [Gap(utc(2025, 3, 2), utc(2025, 3, 3, 14))]
