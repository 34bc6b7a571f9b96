"""`stayline page test` through the official Twilio client against the local fake Twilio."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from escalation.config_loader import DEFAULT_CONFIG_DIR
from stayline_cli.main import cli
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio, Fault


def test_a_test_page_goes_out_on_each_channel_marked_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(DEFAULT_CONFIG_DIR, tmp_path / "escalation")
    monkeypatch.setenv("STAYLINE_TWILIO_AUTH_TOKEN", AUTH_TOKEN)
    with FakeTwilio() as twilio:
        twilio_settings = {
            "account_sid": ACCOUNT_SID,
            "auth_token_env": "STAYLINE_TWILIO_AUTH_TOKEN",
            "from_number": "+12025550100",
            "api_base_url": twilio.base_url,
        }
        notifiers = {
            "sms": {"type": "twilio_sms", **twilio_settings},
            "voice": {
                "type": "twilio_voice",
                "gather_url": "https://stayline.example/twilio/voice",
                **twilio_settings,
            },
            "console": {"type": "console"},
        }
        (tmp_path / "notifiers.yaml").write_text(json.dumps(notifiers))  # JSON is YAML
        result = CliRunner().invoke(cli, ["page", "test", "Sam Okafor", "--config-dir", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert "sms      queued" in result.output and "voice    queued" in result.output
        sms = next(r for r in twilio.requests if r.path.endswith("Messages.json"))
        assert (sms.param("Body") or "").startswith("TEST") and sms.param("To") == "+12025550102"

        twilio.fail_next(Fault.twilio_error(21610), times=1)
        result = CliRunner().invoke(cli, ["page", "test", "Sam Okafor", "--config-dir", str(tmp_path)])
        assert result.exit_code == 1 and "failed_permanent (opted_out)" in result.output


def test_an_unknown_responder_is_a_clear_error() -> None:
    result = CliRunner().invoke(cli, ["page", "test", "Nobody Atall"])
    assert result.exit_code != 0 and "no responder named" in result.output
