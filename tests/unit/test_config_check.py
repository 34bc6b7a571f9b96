"""`stayline config check` reads every file the service reads, names each error's file and line, and
refuses what `serve` would otherwise die on. All numbers, accounts and secrets here are invented."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from config.files import PACKAGED_CONFIG_DIR
from escalation.config_loader import DEFAULT_CONFIG_DIR, load_config
from escalation.guidance.loading import read_guidance
from escalation.model import Channel
from stayline_cli.main import cli
from workers.config_check import check_configuration

SECRETS = ("STAYLINE_TWILIO_AUTH_TOKEN", "STAYLINE_WEBHOOK_SECRET")
ACCOUNT = "AC0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test says which configuration directory and secrets it has; none leak in from the shell."""
    monkeypatch.delenv("STAYLINE_CONFIG_DIR", raising=False)
    for name in SECRETS:
        monkeypatch.delenv(name, raising=False)


def override(base: Path, relative: str, old: str, new: str) -> tuple[Path, int]:
    """Copy a shipped file into ``base`` with ``old`` replaced; the copy and the line ``new`` is on."""
    text = (PACKAGED_CONFIG_DIR / relative).read_text(encoding="utf-8")
    assert old in text, f"{relative} no longer holds {old!r}"
    changed = text.replace(old, new, 1)
    target = base / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(changed, encoding="utf-8")
    return target, changed[: changed.index(new)].count("\n") + 1


def twilio_sms(from_number: str = "+15550100000") -> str:
    return textwrap.dedent(f"""\
        sms:
          type: twilio_sms
          account_sid: {ACCOUNT}
          from_number: "{from_number}"
        voice: {{type: console}}
        webhook: {{type: console}}
        console: {{type: console}}
        """)


def test_the_shipped_configuration_passes_and_every_file_read_is_listed() -> None:
    result = CliRunner().invoke(cli, ["config", "check"])

    assert result.exit_code == 0, result.output
    report = check_configuration()
    listed = [checked.path for part in report.parts for checked in part.files]
    for expected in (
        "escalation/responders.yaml",
        "escalation/routing.yaml",
        "notifiers.yaml",
        "playbooks/suicide-high.yaml",
        "playbooks/phrases.yaml",
        "resources/gb.yaml",
        "detector.yaml",
        "normalize.yaml",
        "context.yaml",
        "questions.yaml",
        "patterns/lexicon.yaml",
        "patterns/suicide.yaml",
        "console.yaml",
    ):
        assert PACKAGED_CONFIG_DIR / expected in listed
        assert f"{expected} (shipped)" in result.output
    assert "8 responders" in result.output and "screening questions" in result.output
    assert f"configuration OK: {len(listed)} files checked" in result.output


def test_a_phone_number_that_is_not_e164_fails_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAYLINE_TWILIO_AUTH_TOKEN", "invented-token")
    notifiers = tmp_path / "notifiers.yaml"
    notifiers.write_text(twilio_sms(from_number="555-0100"))

    result = CliRunner().invoke(cli, ["config", "check", "--config-dir", str(tmp_path)])

    assert result.exit_code == 1
    assert f"{notifiers}:4: sms.from_number: must be an E.164 phone number" in result.output


def test_a_named_secret_missing_from_the_environment_fails_with_file_and_line(tmp_path: Path) -> None:
    notifiers = tmp_path / "notifiers.yaml"
    notifiers.write_text(twilio_sms())

    problems = check_configuration(tmp_path).problems

    # auth_token_env is left at its default, so the error points at the sms entry itself.
    assert problems == [
        f"{notifiers}:1: sms.auth_token_env: environment variable STAYLINE_TWILIO_AUTH_TOKEN is not set "
        "(it holds a notifier secret)"
    ]
    assert check_configuration(tmp_path, environ={"STAYLINE_TWILIO_AUTH_TOKEN": "invented"}).problems == []


def test_a_channel_used_by_responders_or_alarms_needs_a_notifier(tmp_path: Path) -> None:
    (tmp_path / "notifiers.yaml").write_text("sms: {type: console}\nwebhook: {type: console}\n")

    report = check_configuration(tmp_path)

    assert any(
        "no notifier for the voice channel, used by" in p and "Dana Reyes" in p for p in report.problems
    )
    assert any("no notifier for the console channel, used by alarms" in p for p in report.problems)
    assert report.fatal == [], "serve still starts: a page on that channel falls back to the next one"


def test_serve_refuses_such_configuration_with_the_same_message_and_no_traceback(tmp_path: Path) -> None:
    notifiers = tmp_path / "notifiers.yaml"
    notifiers.write_text(twilio_sms(from_number="555-0100"))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "STAYLINE_CONFIG_DIR": str(tmp_path)}
    env |= {"STAYLINE_DATABASE_URL": f"sqlite:///{tmp_path / 'never.db'}"}

    serve = subprocess.run(
        [sys.executable, "-c", "from stayline_cli.main import cli; cli()", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert serve.returncode == 1
    assert "configuration invalid, not starting" in serve.stderr
    assert f"{notifiers}:4: sms.from_number: must be an E.164 phone number" in serve.stderr
    assert "Traceback" not in serve.stderr + serve.stdout
    assert not (tmp_path / "never.db").exists(), "refused before touching the database"


def test_the_example_in_notifiers_yaml_passes_its_own_check(tmp_path: Path) -> None:
    lines = (PACKAGED_CONFIG_DIR / "notifiers.yaml").read_text().splitlines()
    # The example is the indented block of comment lines ("#   sms:" ...) at the top of the file.
    example = textwrap.dedent("\n".join(line[1:] for line in lines if line.startswith("#  ")))
    (tmp_path / "notifiers.yaml").write_text(example)
    environ = {name: "invented-secret" for name in SECRETS}

    report = check_configuration(tmp_path, environ=environ)

    assert report.problems == []
    notifiers = next(part for part in report.parts if part.name == "notifiers")
    assert notifiers.files[0].path == tmp_path / "notifiers.yaml"
    assert notifiers.files[0].holds == (
        "sms: twilio_sms, voice: twilio_voice, webhook: webhook, console: console"
    ), "the whole example was read"
    assert check_configuration(tmp_path, environ={}).problems, "and its secrets are really looked up"


@pytest.mark.parametrize(
    ("relative", "old", "new"),
    [
        ("playbooks/suicide-high.yaml", "  priority: 50\n", "\tpriority: 50\n"),
        ("playbooks/suicide-high.yaml", "  priority: 50\n", "  priority: fifty\n"),
        ("resources/gb.yaml", "resources:\n", "ownr: x\nresources:\n"),
        ("questions.yaml", "    category: suicide\n", "    name: again\n"),
        ("detector.yaml", "version: detector.v1\n", "\tversion: detector.v1\n"),
        ("console.yaml", "  default: ", "  voise: Call the bridge.\n  default: "),
        ("escalation/responders.yaml", '"+12025550101"', '"202-555-0101"'),
    ],
)
def test_a_broken_file_anywhere_is_reported_with_its_file_and_line(
    tmp_path: Path, relative: str, old: str, new: str
) -> None:
    path, line = override(tmp_path, relative, old, new)

    problems = check_configuration(tmp_path).problems

    assert problems and all(problem.startswith(f"{path}:{line}: ") for problem in problems), problems


def test_a_detector_file_that_parses_but_does_not_build_is_reported(tmp_path: Path) -> None:
    path, _ = override(tmp_path, "questions.yaml", "    patterns:\n", "    patterns:\n      - '(unclosed'\n")

    problems = check_configuration(tmp_path).problems

    assert len(problems) == 1 and problems[0].startswith(f"{path}: error: ")


def test_a_config_dir_with_some_files_overrides_those_and_keeps_the_shipped_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from config.settings import Settings
    from workers.runtime import Runtime

    override(tmp_path, "escalation/responders.yaml", '"+12025550101"', '"+12025550199"')
    override(tmp_path, "playbooks/third-party.yaml", "  priority: 45\n", "  priority: 7\n")
    monkeypatch.setenv("STAYLINE_CONFIG_DIR", str(tmp_path))

    result = CliRunner().invoke(cli, ["config", "check"])
    runtime = Runtime(settings=Settings())
    library, errors = read_guidance()

    assert result.exit_code == 0, result.output
    assert "escalation/responders.yaml (yours)" in result.output
    assert "escalation/chains.yaml (shipped)" in result.output
    assert "playbooks/third-party.yaml (yours)" in result.output
    assert "playbooks/suicide-high.yaml (shipped)" in result.output
    assert runtime.config.roster.responders["Dana Reyes"].phone == "+12025550199"
    assert runtime.config.routing == load_config(DEFAULT_CONFIG_DIR).routing, "chains and routing: shipped"
    assert library is not None and errors == []
    shipped = {path.stem for path in (PACKAGED_CONFIG_DIR / "playbooks").glob("*.yaml")} - {"phrases"}
    assert set(library.playbooks) == shipped
    assert library.playbooks["third-party"].priority == 7
    assert Channel.SMS in runtime.notifiers, "notifiers.yaml, not overridden, is the shipped one"
