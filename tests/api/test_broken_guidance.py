"""A broken playbook never stops detection or paging: the incident opens and pages go out through the real
scan path, the agent gets the fallback card, and /readyz names the broken file."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from config.files import PACKAGED_CONFIG_DIR
from escalation.guidance import default_library
from tests.api.conftest import CRISIS, Harness, auth
from workers import guidance_fallback

ONCALL = "+12025550177"  # invented, in the fictional 555-01xx range


@pytest.fixture
def broken_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    own = tmp_path / "config"
    shutil.copytree(PACKAGED_CONFIG_DIR / "playbooks", own / "playbooks")
    playbook = own / "playbooks" / "suicide-high.yaml"
    playbook.write_text(playbook.read_text().replace("  id: suicide-high", "  id: [suicide-high", 1))
    monkeypatch.setenv("STAYLINE_CONFIG_DIR", str(own))
    _forget_guidance()
    yield own
    monkeypatch.delenv("STAYLINE_CONFIG_DIR")
    _forget_guidance()  # the next test reads the shipped playbooks again


def _forget_guidance() -> None:
    default_library.cache_clear()
    guidance_fallback._cache = None


def test_a_broken_playbook_still_pages_and_the_agent_gets_the_fallback_card(
    broken_config: Path, make_api: Callable[..., Harness], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        api = make_api(oncall_number=ONCALL)
    assert any("GUIDANCE BROKEN" in r.getMessage() for r in caplog.records), "start-up says so, and runs"

    response = api.post_message(CRISIS, wait=True)
    assert response.status_code == 200, response.text
    incident_id = response.json()["incident_id"]
    assert incident_id, "the incident opens without guidance"
    pages = [p for p in api.pages(incident_id) if p.kind == "page"]
    assert pages and {p.id for p in pages} <= set(api.dispatcher.pages), "and its pages are handed over"

    card = api.client.get("/v1/conversations/conv-1/guidance", headers=auth("agent")).json()
    assert card["mode"] == "fallback"
    text = str(card)
    assert "Stay on the line" in text and "Do not put them on hold" in text
    assert "emergency services" in text and ONCALL in text

    ready = api.client.get("/readyz")
    assert ready.status_code == 200, "intake stays in rotation: paging does not need guidance"
    assert ready.json()["status"] == "degraded"
    assert ready.json()["checks"]["guidance"] == "broken: suicide-high.yaml"


def test_a_flag_with_broken_guidance_still_pages(
    broken_config: Path, make_api: Callable[..., Harness]
) -> None:
    api = make_api()
    api.post_message("hello, I need some help with my account")
    response = api.flag(level="high")
    assert response.status_code in (200, 201), response.text
    assert api.dispatcher.pages, "the flag paged"
    card = api.client.get("/v1/conversations/conv-1/guidance", headers=auth("agent")).json()
    assert card["mode"] == "fallback" and "flag this conversation" in str(card)


def test_working_guidance_shows_the_playbook_and_readyz_says_ok(api: Harness) -> None:
    _forget_guidance()
    response = api.post_message(CRISIS, wait=True)
    assert response.status_code == 200
    card = api.client.get("/v1/conversations/conv-1/guidance", headers=auth("agent")).json()
    assert card["mode"] != "fallback" and card["playbook"]
    assert api.client.get("/readyz").json()["checks"]["guidance"] == "ok"
