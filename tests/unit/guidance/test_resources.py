"""Regional resources: expired entries fall back to the emergency number and are reported for the owner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from escalation.guidance import PromptKind, expired_resources, load_guidance
from escalation.guidance.models import ResourceKind
from tests.unit.guidance.kit import Conversation, copy_config, edit, kinds, shipped


def test_nothing_is_expired_inside_the_review_window() -> None:
    assert expired_resources(date(2026, 12, 1), shipped()) == []


def test_every_entry_past_its_review_date_is_reported_with_its_owner() -> None:
    alarms = expired_resources(date(2027, 5, 28), shipped())
    ids = {alarm.resource_id for alarm in alarms}
    assert {"us-988", "gb-samaritans", "au-lifeline", "ca-988", "ie-samaritans", "us-emergency"} <= ids
    alarm = next(alarm for alarm in alarms if alarm.resource_id == "us-988")
    assert alarm.owner == "clinical-safety-lead"
    assert alarm.region == "US" and alarm.kind is ResourceKind.CRISIS_LINE
    assert "was due for re-verification on 2027-05-27" in alarm.message


def test_expired_resources_uses_the_configured_library_by_default() -> None:
    assert expired_resources(date(2100, 1, 1))  # whatever is configured, everything is stale by then


def _with_stale_988(tmp_path: Path) -> Conversation:
    playbooks, resources = copy_config(tmp_path)
    edit(
        resources / "us.yaml",
        "    review_due: 2027-05-27\n\n  - id: us-dv-hotline",
        "    review_due: 2026-11-30\n\n  - id: us-dv-hotline",
    )
    library = load_guidance(playbooks, resources)
    return Conversation(channel="chat", region="US", library=library)


def test_a_stale_crisis_line_shows_the_emergency_number_and_tells_the_agent(tmp_path: Path) -> None:
    chat = _with_stale_988(tmp_path)
    events = chat.customer(0, level="high")
    assert kinds(events) == ["playbook_activated", "resources_expired", "prompt_shown"]
    assert events[1].detail == {"replaced": "us-988", "owner": "clinical-safety-lead"}
    assert chat.open_prompts(PromptKind.RESOURCES)[0].severity.value == "info"

    cards = chat.view().resources
    assert [(card.kind.value, card.say, card.replaces) for card in cards] == [
        ("emergency", "911", None),
        ("emergency", "911", "us-988"),
    ]
    assert cards[1].note is not None and "due for re-verification" in cards[1].note
    connect = next(step for step in chat.view().steps if step.id == "connect")
    assert connect.say is not None and "You can also reach 911 at any time" in connect.say
    assert "988" not in connect.say


def test_a_stale_emergency_number_is_still_shown_because_it_is_the_last_resort(tmp_path: Path) -> None:
    playbooks, resources = copy_config(tmp_path)
    edit(
        resources / "gb.yaml",
        "    review_due: 2027-05-27\n\n  - id: gb-samaritans",
        "    review_due: 2026-11-30\n\n  - id: gb-samaritans",
    )
    chat = Conversation(channel="chat", region="GB", library=load_guidance(playbooks, resources))
    chat.customer(0, level="high")
    assert chat.view().resources[0].say == "999"
    assert [alarm.resource_id for alarm in expired_resources(date(2026, 12, 1), chat.library)] == [
        "gb-emergency"
    ]


def test_without_a_region_the_emergency_line_is_listed_once() -> None:
    """No STAYLINE_REGION: the generic emergency card stands alone, not once more per missing kind."""
    chat = Conversation(channel="chat", region=None)
    chat.customer(0, level="high")
    cards = chat.view().resources
    emergency = [(card.name, card.say) for card in cards if card.say == "your local emergency number"]
    assert emergency == [("Emergency services", "your local emergency number")]
    assert cards[0].note is not None and "No resources are configured" in cards[0].note
