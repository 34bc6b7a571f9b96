"""Configuration: the shipped defaults pass, and every error is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from escalation.config_loader import DEFAULT_CONFIG_DIR, ConfigError, ConfigInvalid, check_config, load_config
from escalation.engine import advance, open_or_raise
from escalation.model import Level, Page
from tests.unit.escalation.testkit import signal, utc

VALID = {
    "responders.yaml": """\
responders:
  - name: Ana
    phone: "+12025550111"
    channels: [sms, voice]
    teams: [backup]
  - name: Sup
    phone: "+12025550112"
    channels: [voice, console]
""",
    "schedules.yaml": """\
schedules:
  - name: primary
    time_zone: America/New_York
    layers:
      - name: rotation
        members: [Ana]
        handoff: daily
        handoff_time: "09:00"
        start: 2025-01-01
""",
    "chains.yaml": """\
chains:
  - name: crisis
    standing_alarm_interval_seconds: 300
    tiers:
      - name: on-call
        targets: [{schedule: primary}]
        channels: [voice]
      - name: supervisors
        targets: [{responder: Sup}, {team: backup}]
        channels: [voice]
""",
    "routing.yaml": """\
rules:
  - name: all
    levels: [moderate, high, imminent]
    chain: crisis
""",
}

NAIVE_OVERRIDE = """\
    overrides:
      - responder: Ana
        start: 2025-12-24 18:00:00
        end: 2025-12-26T09:00:00-05:00
"""
IMMINENT_SUICIDE_ONLY = """\
  - name: imminent-suicide
    levels: [imminent]
    categories: [suicide]
    chain: crisis
"""


def write_config(directory: Path, **replacements: str) -> Path:
    for name, text in VALID.items():
        (directory / name).write_text(replacements.get(name.removesuffix(".yaml"), text), encoding="utf-8")
    return directory


def located(errors: list[ConfigError]) -> list[tuple[str, int | None]]:
    return [(Path(error.file).name, error.line) for error in errors]


def test_the_shipped_configuration_passes_and_loads() -> None:
    assert Path(__file__).resolve().parents[3] / "config" / "escalation" == DEFAULT_CONFIG_DIR
    assert check_config() == []
    config = load_config()
    assert {"primary", "backup", "supervisors"} <= set(config.roster.schedules)
    assert {"on-call", "crisis"} <= set(config.routing.chains)


def test_the_shipped_configuration_pages_someone_for_a_high_signal() -> None:
    config = load_config(DEFAULT_CONFIG_DIR)
    at = utc(2025, 3, 9, 7, 30)  # just after New York's clocks sprang forward
    incident = open_or_raise(None, signal(Level.HIGH, at), config.routing, config.roster, "inc-1")
    assert incident is not None
    _, actions = advance(incident, at)
    assert [a for a in actions if isinstance(a, Page)]


def test_a_small_valid_directory_passes(tmp_path: Path) -> None:
    assert check_config(write_config(tmp_path)) == []


def test_every_error_in_every_file_is_reported_with_its_line(tmp_path: Path) -> None:
    responders = """\
responders:
  - name: Ana
    phone: "555-0111"
    channels: [sms, pager]
    teams: [backup]
  - name: Sup
    phone: "+12025550112"
    channels: [voice, console]
    shift: nights
"""
    chains = VALID["chains.yaml"].replace("{schedule: primary}", "{schedule: secondary}")
    routing = VALID["routing.yaml"].replace("chain: crisis", "chain: crisis-v2")
    errors = check_config(write_config(tmp_path, responders=responders, chains=chains, routing=routing))
    assert located(errors) == [
        ("chains.yaml", 6),
        ("responders.yaml", 3),
        ("responders.yaml", 4),
        ("responders.yaml", 9),
        ("routing.yaml", 4),
    ]
    messages = [error.message for error in errors]
    assert "unknown schedule 'secondary'" in messages[0]
    assert messages[1].startswith("responders[0].phone:")
    assert "pager" in messages[2]
    assert "shift" in messages[3]
    assert "unknown chain 'crisis-v2'" in messages[4]


def test_a_yaml_syntax_error_does_not_stop_the_other_files_being_checked(tmp_path: Path) -> None:
    schedules = "schedules:\n  - name: primary\n    layers: [unclosed\n"
    routing = VALID["routing.yaml"].replace("chain: crisis", "chain: nowhere")
    errors = check_config(write_config(tmp_path, schedules=schedules, routing=routing))
    # The broken schedules file is not used as a reference, so chains.yaml gets no follow-on error.
    assert located(errors) == [("routing.yaml", 4), ("schedules.yaml", 4)]
    assert "invalid YAML" in errors[1].message


@pytest.mark.parametrize(
    ("file", "text", "line", "fragment"),
    [
        ("responders", VALID["responders.yaml"] + "    channels: [sms]\n", 9, "duplicate key"),
        (
            "responders",
            VALID["responders.yaml"].replace('phone: "+12025550112"', "teams: [x]"),
            6,
            "need a phone",
        ),
        ("responders", "responder:\n  - name: Ana\n", 1, "single top-level key 'responders'"),
        (
            "responders",
            VALID["responders.yaml"] + "  - name: Ana\n    channels: [console]\n",
            9,
            "duplicate name 'Ana'",
        ),
        ("schedules", VALID["schedules.yaml"].replace('"09:00"', "9:00"), 8, "quoted 24-hour time"),
        (
            "schedules",
            VALID["schedules.yaml"].replace("America/New_York", "Mars/Olympus"),
            3,
            "unknown time zone",
        ),
        ("schedules", VALID["schedules.yaml"].replace("[Ana]", "[Ana, Zed]"), 6, "unknown responder 'Zed'"),
        (
            "schedules",
            VALID["schedules.yaml"] + NAIVE_OVERRIDE,
            12,
            "explicit UTC offset",
        ),
        (
            "chains",
            VALID["chains.yaml"].replace("{team: backup}", "{team: backup, schedule: primary}"),
            9,
            "exactly one",
        ),
        ("chains", VALID["chains.yaml"].replace("{team: backup}", "{team: night-owls}"), 9, "unknown team"),
        (
            "chains",
            VALID["chains.yaml"].replace("    standing_alarm_interval_seconds: 300\n", ""),
            2,
            "standing_alarm",
        ),
        (
            "routing",
            VALID["routing.yaml"].replace("moderate, high, imminent", "moderate, high, severe"),
            3,
            "severe",
        ),
        (
            "routing",
            VALID["routing.yaml"].replace("moderate, high, imminent", "moderate, high")
            + IMMINENT_SUICIDE_ONLY,
            1,
            "every 'imminent' signal",
        ),
    ],
)
def test_each_kind_of_mistake_is_caught_at_its_line(
    tmp_path: Path, file: str, text: str, line: int, fragment: str
) -> None:
    errors = check_config(write_config(tmp_path, **{file: text}))
    assert [(Path(error.file).name, error.line) for error in errors] == [(f"{file}.yaml", line)], errors
    assert fragment in errors[0].message


def test_a_missing_file_is_an_error_without_a_line(tmp_path: Path) -> None:
    write_config(tmp_path)
    (tmp_path / "routing.yaml").unlink()
    errors = check_config(tmp_path)
    assert errors == [ConfigError(str(tmp_path / "routing.yaml"), None, "file is missing")]


def test_load_config_refuses_an_invalid_directory_listing_every_error(tmp_path: Path) -> None:
    directory = write_config(tmp_path, routing=VALID["routing.yaml"].replace("chain: crisis", "chain: gone"))
    with pytest.raises(ConfigInvalid) as caught:
        load_config(directory)
    assert caught.value.errors == check_config(directory)
    assert str(caught.value) == f"{tmp_path / 'routing.yaml'}:4: rules[0].chain: unknown chain 'gone'"
