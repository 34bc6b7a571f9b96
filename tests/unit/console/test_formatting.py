"""Evidence highlighting and the time words on console pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from api.console.formatting import Segment, highlight, since, until

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def test_spans_cut_the_text_into_marked_and_plain_pieces() -> None:
    text = "i have the pills and tonight is the night"
    signals = [{"kind": "means", "start": 11, "end": 16}, {"kind": "timeline", "start": 21, "end": 28}]
    assert highlight(text, signals) == [
        Segment("i have the "),
        Segment("pills", ("means",)),
        Segment(" and "),
        Segment("tonight", ("timeline",)),
        Segment(" is the night"),
    ]


def test_overlapping_spans_mark_the_overlap_with_both_kinds() -> None:
    segments = highlight(
        "want to end it",
        [{"kind": "intent", "start": 0, "end": 14}, {"kind": "ideation", "start": 8, "end": 14}],
    )
    assert segments == [Segment("want to ", ("intent",)), Segment("end it", ("intent", "ideation"))]


def test_spans_discounted_by_context_are_marked_as_such() -> None:
    (piece, rest) = highlight(
        "killing it", [{"kind": "ideation", "start": 0, "end": 7, "modifiers": ["figurative"]}]
    )
    assert piece.discounted and piece.label == "evidence: ideation (discounted by context)"
    assert rest == Segment(" it")


def test_offsets_outside_the_text_are_clipped_not_raised() -> None:
    assert highlight(
        "short", [{"kind": "plan", "start": 3, "end": 99}, {"kind": "means", "start": -5, "end": -1}]
    ) == [
        Segment("sho"),
        Segment("rt", ("plan",)),
    ]


@given(
    st.text(max_size=60),
    st.lists(
        st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["plan", "means"])), max_size=6
    ),
)
def test_the_pieces_always_put_the_whole_message_back_together(
    text: str, spans: list[tuple[int, int, str]]
) -> None:
    segments = highlight(text, [{"kind": kind, "start": a, "end": b} for a, b, kind in spans])
    assert "".join(segment.text for segment in segments) == text
    assert all(segment.text for segment in segments)


def test_since_reads_like_a_person_would_say_it() -> None:
    assert since(T0, T0 + timedelta(seconds=9)) == "9 s"
    assert since(T0, T0 + timedelta(minutes=4, seconds=5)) == "4 min 05 s"
    assert since(T0, T0 + timedelta(hours=2, minutes=3)) == "2 h 03 min"
    assert since(T0, T0 - timedelta(seconds=5)) == "0 s"  # a clock a little behind never shows negatives
    assert since(None, T0) == ""


def test_until_counts_whole_minutes_rounded_up() -> None:
    assert until(T0, T0 + timedelta(minutes=10)) == "10 min"
    assert until(T0, T0 + timedelta(minutes=4, seconds=1)) == "5 min"
    assert until(T0, T0 + timedelta(seconds=20)) == "1 min"
