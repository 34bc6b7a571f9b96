"""The demo's terminal: the message first, then the pages it caused; one clock per line."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import click

from stayline_cli.demo import DemoClock, Terminal
from stayline_cli.embedded import PageLine

STAMP = re.compile(r"^\[demo \d\d:\d\d\] ")


def page_line() -> PageLine:
    return PageLine(
        at=0.0, kind="page", responder="Dana Reyes", channel="sms", text="IMMINENT risk, incident #123456"
    )


def terminal() -> tuple[Terminal, list[str]]:
    lines: list[str] = []
    return Terminal(
        DemoClock(datetime.now(UTC), 20.0), echo=lambda line: lines.append(click.unstyle(line))
    ), lines


def test_a_page_arriving_during_a_turn_prints_after_the_turns_own_lines() -> None:
    out, lines = terminal()
    out.say('  customer: "I have taken all my pills"')
    with out.turn():
        out.page(page_line())  # the service pages before the scan's HTTP call returns
        out.say("    -> message  imminent")
        out.say("    INCIDENT #123456 opened")
    assert [line.split("] ", 1)[1].strip()[:8] for line in lines] == [
        "customer",
        "-> messa",
        "INCIDENT",
        "PAGE pag",
    ]


def test_pages_outside_a_turn_print_at_once() -> None:
    out, lines = terminal()
    out.page(page_line())
    assert len(lines) == 1 and "PAGE page -> Dana Reyes via sms" in lines[0]


def test_real_time_lines_carry_no_demo_stamp() -> None:
    out, lines = terminal()
    out.real("Service ready in 3.2 s")
    out.say("Watching 5 demo minutes: #123456 should stay silent")
    assert not STAMP.match(lines[0]) and lines[0].startswith("(real time) ")
    assert STAMP.match(lines[1]) and not re.search(r"\d s\b", lines[1])
