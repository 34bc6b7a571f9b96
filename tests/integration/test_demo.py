"""`stayline demo` end to end: a real `stayline serve` child on SQLite, the console notifier, a fast clock."""

from __future__ import annotations

import re

from click.testing import CliRunner

from stayline_cli.main import cli


def line_for(output: str, conversation_id: str) -> str:
    """The summary line of one sample conversation."""
    matches = [line for line in output.splitlines() if re.match(rf"^\s+\S.*\s{conversation_id}\s", line)]
    assert matches, f"no summary line for {conversation_id}:\n{output}"
    return matches[-1]


def test_the_demo_shows_levels_pages_an_acknowledgement_and_the_chain_stopping() -> None:
    result = CliRunner().invoke(cli, ["demo", "--speed", "30"], catch_exceptions=False)
    output = result.output
    assert result.exit_code == 0, output

    assert re.search(
        r"level\s+imminent\s+category suicide\s+incident #\d+ acknowledged", line_for(output, "demo-imminent")
    )
    assert re.search(r"category third_party\s+incident #\d+", line_for(output, "demo-third-party"))
    assert re.search(r"level\s+none\s+category none\s+no incident", line_for(output, "demo-idiom"))
    assert re.search(r"level\s+none\s+category none\s+no incident", line_for(output, "demo-ordinary"))
    # Each turn's level is shown live, not only in the summary.
    assert re.search(r"-> message\s+imminent\s+conversation\s+imminent", output)

    assert re.search(
        r"PAGE page -> .+ via (voice|sms): Stayline: IMMINENT risk, suicide, incident #\d+", output
    )
    acknowledged = re.search(r"ACKNOWLEDGED by (?P<who>.+) via api, state acknowledged", output)
    assert acknowledged, output
    assert re.search(rf"CHAIN STOPPED: no page for incident #\d+ .* after {acknowledged['who']}", output)
    assert "service stopped cleanly" in output
