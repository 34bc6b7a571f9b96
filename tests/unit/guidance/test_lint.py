"""The safety lint: clean over the shipped configuration, and it catches planted problems."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from escalation.guidance.lint import lint_guidance, main
from tests.unit.guidance.kit import PLAYBOOKS, RESOURCES, T0, copy_config, edit

STEP = 'voice: "I want to make sure I understand. Are you thinking about killing yourself?"'


def test_shipped_guidance_passes_the_lint_inside_its_review_window() -> None:
    # A fixed day, never the real one: CI must not fail by the calendar. An overdue review is the
    # product's alarm (the rota check pages the owner; see tests/api/test_guidance_api.py).
    assert [str(problem) for problem in lint_guidance(PLAYBOOKS, RESOURCES, T0.date())] == []


def _lint(tmp_path: Path, file: str, old: str, new: str, today: date | None = None) -> list[str]:
    playbooks, resources = copy_config(tmp_path)
    edit((resources if file in {"us.yaml", "ca.yaml"} else playbooks) / file, old, new)
    return [str(problem) for problem in lint_guidance(playbooks, resources, today or T0.date())]


@pytest.mark.parametrize(
    ("planted", "expected"),
    [
        ("Did your brother commit suicide?", "unsafe wording 'commit suicide'"),
        ("I know someone who committed suicide.", "unsafe wording 'committed suicide'"),
        ("Was it a successful attempt?", "unsafe wording 'successful attempt'"),
        ("After your failed attempt, how are you?", "unsafe wording 'failed attempt'"),
        ("Have you looked up a lethal amount?", "method detail 'lethal'"),
        ("Is there a bridge near you?", "method detail 'bridge'"),
        ("Do you have a gun at home?", "method detail 'gun'"),
    ],
)
def test_unsafe_phrasing_in_a_step_fails(tmp_path: Path, planted: str, expected: str) -> None:
    new = f'voice: "Are you thinking about killing yourself? {planted}"'
    problems = _lint(tmp_path, "suicide-high.yaml", STEP, new)
    assert any("suicide-high.yaml:" in p and "steps[1].say.voice" in p and expected in p for p in problems)


def test_unsafe_phrasing_in_a_hand_off_panel_fails(tmp_path: Path) -> None:
    old = 'voice: "{responder} is with you now. Thank you for trusting me with this today."'
    new = 'voice: "{responder} is with you now. You will not become one more person who committed suicide."'
    problems = _lint(tmp_path, "suicide-high.yaml", old, new)
    assert any("hand_off.connected.say.voice" in p and "committed suicide" in p for p in problems)


def test_a_must_not_say_phrase_in_the_script_fails(tmp_path: Path) -> None:
    problems = _lint(
        tmp_path, "suicide-high.yaml", STEP, 'voice: "Calm down. Are you thinking about suicide?"'
    )
    assert any("must-not-say phrase 'calm down'" in p for p in problems)


def test_a_closing_phrase_in_the_script_fails(tmp_path: Path) -> None:
    new = 'voice: "Are you thinking about killing yourself? Please hold."'
    problems = _lint(tmp_path, "suicide-high.yaml", STEP, new)
    assert any("closing phrase 'please hold'" in p for p in problems)


def test_a_direct_question_that_would_not_tick_its_checkpoint_fails(tmp_path: Path) -> None:
    problems = _lint(tmp_path, "suicide-high.yaml", STEP, 'voice: "How are you feeling about things?"')
    assert any("steps[1].say.voice" in p and "would not tick asked_directly" in p for p in problems)


def test_an_unknown_placeholder_fails(tmp_path: Path) -> None:
    problems = _lint(
        tmp_path,
        "suicide-high.yaml",
        '{crisis_line} at any time, day or night."\n        chat',
        '{hotline} at any time, day or night."\n        chat',
    )
    assert any("unknown placeholder {hotline}" in p for p in problems)


def test_a_playbook_without_a_crisis_line_fails(tmp_path: Path) -> None:
    problems = _lint(
        tmp_path, "self-harm.yaml", "required: [emergency, crisis_line]", "required: [emergency]"
    )
    assert any("self-harm.yaml" in p and "'crisis_line' must be required" in p for p in problems)


def test_a_region_without_its_crisis_line_fails(tmp_path: Path) -> None:
    problems = _lint(tmp_path, "ca.yaml", "    kind: crisis_line\n", "    kind: domestic_abuse_line\n")
    assert any("missing crisis resources in CA: crisis_line" in p for p in problems)
    assert any("ca.yaml" in p and "no crisis_line entry" in p for p in problems)


def test_a_missing_required_region_fails(tmp_path: Path) -> None:
    playbooks, resources = copy_config(tmp_path)
    (resources / "ie.yaml").unlink()
    problems = [str(problem) for problem in lint_guidance(playbooks, resources, T0.date())]
    assert any("no file for region IE" in p for p in problems)


def test_review_due_in_the_past_fails(tmp_path: Path) -> None:
    playbooks, resources = copy_config(tmp_path)
    problems = [str(problem) for problem in lint_guidance(playbooks, resources, date(2027, 6, 1))]
    assert any("suicide-high.yaml" in p and "review was due on 2027-05-27" in p for p in problems)
    assert any("phrases.yaml" in p and "review was due" in p for p in problems)
    assert any("us.yaml" in p and "us-988 was due for re-verification" in p for p in problems)


def test_a_configuration_that_does_not_load_reports_its_load_errors(tmp_path: Path) -> None:
    problems = _lint(tmp_path, "suicide-high.yaml", "min_level: high", "min_level: severe")
    assert len(problems) == 1 and "min_level" in problems[0]


def test_command_line_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--playbooks", str(PLAYBOOKS), "--resources", str(RESOURCES), "--today", "2026-12-01"]) == 0
    playbooks, resources = copy_config(tmp_path)
    edit(
        playbooks / "suicide-high.yaml",
        STEP,
        'voice: "Are you thinking about killing yourself? It was a failed attempt."',
    )
    assert main(["--playbooks", str(playbooks), "--resources", str(resources), "--today", "2026-12-01"]) == 1
    assert "failed attempt" in capsys.readouterr().out
