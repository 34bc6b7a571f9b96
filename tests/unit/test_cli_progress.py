"""A slow start says what it is doing and keeps saying it."""

from __future__ import annotations

import time

from stayline_cli.progress import saying


def test_a_slow_step_is_announced_ticked_and_timed() -> None:
    lines: list[str] = []
    with saying("Loading the detector", every=0.05, echo=lines.append):
        time.sleep(0.2)
    assert lines[0] == "Loading the detector ..."
    assert any(line.startswith("  still loading the detector:") for line in lines[1:-1])
    assert lines[-1].startswith("  done in ")


def test_a_quick_step_says_only_what_and_done() -> None:
    lines: list[str] = []
    with saying("Loading", every=60, echo=lines.append):
        pass
    assert lines[0] == "Loading ..." and lines[-1].startswith("  done in ") and len(lines) == 2
