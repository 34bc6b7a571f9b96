from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from escalation.config_loader import DEFAULT_CONFIG_DIR
from stayline_cli.main import cli


def copy_config(tmp_path: Path) -> Path:
    shutil.copytree(DEFAULT_CONFIG_DIR, tmp_path / "escalation")
    return tmp_path


def test_shipped_configuration_passes() -> None:
    result = CliRunner().invoke(cli, ["config", "check"])
    assert result.exit_code == 0, result.output
    assert "configuration OK" in result.output


def test_every_error_is_reported_with_file_and_line(tmp_path: Path) -> None:
    base = copy_config(tmp_path)
    responders = base / "escalation" / "responders.yaml"
    responders.write_text(responders.read_text().replace('"+12025550101"', '"555-CALL-ME"', 1))
    chains = base / "escalation" / "chains.yaml"
    chains.write_text(chains.read_text().replace("{schedule: primary}", "{schedule: primry}", 1))
    (base / "patterns").mkdir()
    (base / "patterns" / "suicide.yaml").write_text(
        "patterns:\n  - id: x\n    kind: ideation\n    level: high\n    p: '$NOSUCHSET'\n"
    )
    result = CliRunner().invoke(cli, ["config", "check", "--config-dir", str(base)])
    assert result.exit_code == 1
    assert "responders.yaml:" in result.output and "chains.yaml:" in result.output
    assert "patterns:" in result.output and "NOSUCHSET" in result.output


def test_oncall_at_a_time_and_gaps(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["oncall", "--at", "2026-11-27T03:00+00:00"])
    assert result.exit_code == 0, result.output
    assert "primary" in result.output and "Priya Natarajan" in result.output
    base = copy_config(tmp_path)
    responders = base / "escalation" / "responders.yaml"
    # Priya can only be shown on the console: her primary shifts have nobody reachable by phone.
    text = responders.read_text()
    head, tail = text.split('"+13125550103"', 1)
    responders.write_text(
        head + '"+13125550103"' + tail.replace("channels: [sms, voice]", "channels: [console]", 1)
    )
    result = CliRunner().invoke(
        cli, ["oncall", "--gaps", "--days", "2", "--config-dir", str(base), "--at", "2026-11-27T03:00+00:00"]
    )
    assert result.exit_code == 2
    assert "primary" in result.output and "nobody reachable" in result.output


def test_oncall_refuses_a_time_without_zone() -> None:
    result = CliRunner().invoke(cli, ["oncall", "--at", "2026-11-27T03:00"])
    assert result.exit_code != 0 and "time zone" in result.output


def test_oncall_reads_natural_times() -> None:
    for text in ("now", "tomorrow 3am", "today 21:30", "+2h", "in 3 days"):
        result = CliRunner().invoke(cli, ["oncall", "--at", text])
        assert result.exit_code == 0, (text, result.output)
        assert "on call at" in result.output and "primary" in result.output


def test_oncall_refuses_an_unreadable_time_with_the_accepted_forms() -> None:
    result = CliRunner().invoke(cli, ["oncall", "--at", "next tuesday-ish"])
    assert result.exit_code == 2  # a usage error, not a crash
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "accepted:" in result.output and "tomorrow 3am" in result.output


def test_help_does_not_import_the_detector_or_the_service() -> None:
    """`--help` answers at once: the heavy parts are imported only by the commands that run them.
    (Timed with `time stayline <command> --help`; here the imports are checked, not the clock.)"""
    probe = (
        "import sys; from click.testing import CliRunner; from stayline_cli.main import cli, COMMANDS\n"
        "for name in COMMANDS:\n"
        "    assert CliRunner().invoke(cli, [name, '--help']).exit_code == 0, name\n"
        "assert CliRunner().invoke(cli, ['--help']).exit_code == 0\n"
        "heavy = ('spacy', 'sklearn', 'fastapi', 'sqlmodel', 'celery', 'uvicorn')\n"
        "heavy = sorted(m for m in heavy if m in sys.modules)\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == ""


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("oncall", "config", "serve", "demo", "scan", "keys"):
        assert f"  {name} " in result.output
