"""Loading: the shipped playbooks and resources load, and every mistake is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from escalation.guidance import GuidanceConfigInvalid, check_guidance, load_guidance
from escalation.guidance.models import ConversationChannel
from escalation.model import Category, Level
from tests.unit.guidance.kit import PLAYBOOKS, RESOURCES, copy_config, edit, shipped

REQUIRED_PLAYBOOKS = {
    "suicide-imminent-voice",
    "suicide-imminent-chat",
    "suicide-high",
    "suicide-moderate",
    "self-harm",
    "third-party",
    "domestic-violence",
    "threat-to-others",
    "overdose-poisoning",
    "check-in-low",
}


def test_shipped_configuration_loads_with_every_required_playbook_and_region() -> None:
    assert check_guidance(PLAYBOOKS, RESOURCES) == []
    library = shipped()
    assert set(library.playbooks) >= REQUIRED_PLAYBOOKS
    assert {"US", "CA", "GB", "IE", "AU"} <= set(library.regions)


@pytest.mark.parametrize(
    ("level", "category", "channel", "signals", "expected"),
    [
        ("imminent", "suicide", "voice", (), "suicide-imminent-voice"),
        ("imminent", "suicide", "chat", (), "suicide-imminent-chat"),
        ("imminent", "suicide", "sms", (), "suicide-imminent-chat"),
        ("high", "suicide", "chat", (), "suicide-high"),
        ("moderate", "suicide", "voice", (), "suicide-moderate"),
        ("high", "self_harm", "chat", (), "self-harm"),
        ("high", "third_party", "voice", (), "third-party"),
        ("high", "abuse", "chat", (), "domestic-violence"),
        ("high", "harm_to_others", "voice", (), "threat-to-others"),
        ("imminent", "medical", "voice", (), "overdose-poisoning"),
        ("imminent", "suicide", "voice", ("attempt_in_progress", "attempt.overdose"), "overdose-poisoning"),
        ("low", "suicide", "chat", (), "check-in-low"),
        ("low", "abuse", "voice", (), "check-in-low"),
    ],
)
def test_each_risk_selects_the_intended_playbook(
    level: str, category: str, channel: str, signals: tuple[str, ...], expected: str
) -> None:
    selection = shipped().select(
        Level.parse(level), Category(category), ConversationChannel(channel), "US", frozenset(signals)
    )
    assert selection is not None
    assert selection.playbook.id == expected


def test_no_risk_selects_nothing() -> None:
    assert shipped().select(Level.NONE, Category.NONE, ConversationChannel.CHAT, "US") is None


def test_uk_is_accepted_for_gb() -> None:
    assert shipped().region("uk") is shipped().region("GB") is not None


def _errors(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    playbooks, resources = copy_config(tmp_path)
    folder = resources if file.endswith(("us.yaml", "gb.yaml")) else playbooks
    edit(folder / file, old, new)
    return [str(error) for error in check_guidance(playbooks, resources)]


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_a_bad_level_names_its_file_and_line(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "suicide-high.yaml", "min_level: high", "min_level: severe")
    line = _line_of(tmp_path / "playbooks" / "suicide-high.yaml", "min_level: severe")
    assert len(errors) == 1
    assert errors[0].startswith(
        f"{tmp_path}/playbooks/suicide-high.yaml:{line}: playbook.triggers[0].min_level"
    )
    assert "severe" in errors[0]


def test_a_branch_to_a_missing_step_is_reported_on_the_goto_line(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "suicide-high.yaml", "goto: danger-now", "goto: danger-later")
    line = _line_of(tmp_path / "playbooks" / "suicide-high.yaml", "goto: danger-later")
    assert any(
        f"suicide-high.yaml:{line}:" in error and "no step 'danger-later'" in error for error in errors
    )


def test_missing_voice_phrasing_for_a_voice_playbook_is_an_error(tmp_path: Path) -> None:
    old = '        voice: "Is anyone with you, or is there someone nearby who could come and be with you?"\n'
    errors = _errors(tmp_path, "suicide-imminent-voice.yaml", old, "        chat: Is anyone with you?\n")
    assert any("steps[4].say: needs voice phrasing" in error for error in errors)


def test_a_misspelt_key_is_an_error_not_ignored(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "self-harm.yaml", "checkpoint: means_removed", "chekpoint: means_removed")
    assert any("chekpoint" in error and "Extra inputs are not permitted" in error for error in errors)


def test_an_unknown_checkpoint_is_an_error(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "self-harm.yaml", "checkpoint: means_removed", "checkpoint: means_hidden")
    assert any("steps[3].checkpoint" in error for error in errors)


def test_a_duplicate_playbook_id_across_files_is_an_error(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "suicide-moderate.yaml", "id: suicide-moderate", "id: suicide-high")
    assert any("'suicide-high' is already defined in another file" in error for error in errors)


def test_review_due_must_follow_reviewed(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "third-party.yaml", "review_due: 2027-05-27", "review_due: 2026-01-01")
    assert any("third-party.yaml" in error and "must be after the reviewed date" in error for error in errors)


def test_a_region_needs_exactly_one_emergency_entry(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "gb.yaml", "    kind: emergency\n", "    kind: crisis_line\n")
    assert any("gb.yaml" in error and "exactly one emergency entry" in error for error in errors)


def test_a_resource_source_must_be_a_link(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "us.yaml", "source: https://www.911.gov/", "source: 'the internet'")
    assert any("us.yaml" in error and "resources[0].source" in error for error in errors)


def test_exactly_one_phrases_file(tmp_path: Path) -> None:
    playbooks, resources = copy_config(tmp_path)
    (playbooks / "phrases.yaml").unlink()
    with pytest.raises(GuidanceConfigInvalid, match="needs exactly one 'phrases' file, found none"):
        load_guidance(playbooks, resources)


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    playbooks, resources = copy_config(tmp_path)
    (playbooks / "broken.yaml").write_text("playbook:\n  id: [unclosed\n", encoding="utf-8")
    errors = [str(error) for error in check_guidance(playbooks, resources)]
    assert any("broken.yaml:" in error and "invalid YAML" in error for error in errors)


def test_a_yml_file_is_not_silently_skipped(tmp_path: Path) -> None:
    playbooks, resources = copy_config(tmp_path)
    (playbooks / "self-harm.yaml").rename(playbooks / "self-harm.yml")
    errors = [str(error) for error in check_guidance(playbooks, resources)]
    assert errors == [f"{playbooks}/self-harm.yml: rename to .yaml to be loaded"]
