"""`stayline incident export CODE`: the review timeline, from the records."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner

from stayline_cli.main import cli
from tests.api.conftest import CRISIS, Harness, auth


def export(api: Harness, code: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv("STAYLINE_DATABASE_URL", api.url)
    from config.settings import get_settings

    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["incident", "export", code])
    finally:
        get_settings.cache_clear()
    return result.exit_code, result.output


def test_the_export_tells_who_was_paged_how_and_when_who_acknowledged_and_the_prompts(
    api: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned = api.post_message(CRISIS, wait=True).json()
    incident = api.client.get(f"/v1/incidents/{scanned['incident_id']}", headers=auth("agent")).json()
    first = incident["pages"][0]
    api.clock.advance(40)
    acked = api.client.post(
        f"/v1/incidents/{incident['id']}/ack",
        json={"responder": first["responder"]},
        headers=auth("responder"),
    )
    assert acked.status_code == 200
    api.clock.advance(20)
    late = api.client.post(
        f"/v1/incidents/{incident['id']}/ack", json={"responder": "Sam Okafor"}, headers=auth("sam")
    )
    assert late.status_code == 409
    api.clock.advance(600)
    api.client.post(
        f"/v1/incidents/{incident['id']}/resolve", json={"by": "Dana Reyes"}, headers=auth("responder")
    )

    code, output = export(api, incident["code"], monkeypatch)

    assert code == 0, output
    lines = output.splitlines()
    assert lines[0].startswith(f"incident {incident['code']}")
    opened = api.clock.now - timedelta(seconds=660)
    paged = f"{opened.isoformat()}  page to {first['responder']} on {first['channel']} (tier 0): pending"
    assert paged in lines
    acknowledged_at = (opened + timedelta(seconds=40)).isoformat()
    assert f"{acknowledged_at}  acknowledged by responder:{first['responder']} via api" in lines
    assert any(
        "acknowledgement by responder:Sam Okafor via api refused" in line and first["responder"] in line
        for line in lines
    )
    assert f"{api.clock.now.isoformat()}  resolved by responder:Dana Reyes" in lines
    assert any("agent shown" in line for line in lines), "the prompts the agent saw"
    assert CRISIS not in output  # a review never prints the customer's words


def test_an_unknown_code_is_an_error(api: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = export(api, "000000", monkeypatch)
    assert code != 0 and "no incident '000000'" in output
