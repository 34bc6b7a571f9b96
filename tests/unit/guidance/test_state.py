"""The state and the view survive a JSON round trip, so the store can keep them between turns."""

from __future__ import annotations

import json

from escalation.guidance import state_from_dict, state_to_dict, view
from tests.unit.guidance.kit import Conversation


def _busy_conversation() -> Conversation:
    call = Conversation(channel="voice", region="GB")
    call.customer(0, level="imminent")
    call.agent(5, "Are you thinking about killing yourself? Calm down.")
    call.page(10, ("Ana", "voice"), eta_seconds=400)
    call.tick(40)
    call.page(50, acknowledged_by="Ana")
    return call


def test_state_round_trips_through_json() -> None:
    call = _busy_conversation()
    data = json.loads(json.dumps(state_to_dict(call.state)))
    restored = state_from_dict(data)
    assert restored == call.state
    assert view(restored, call.now) == view(call.state, call.now)


def test_view_and_events_serialise_for_the_desktop_and_the_audit_trail() -> None:
    call = _busy_conversation()
    shown = call.view().to_dict()
    assert json.loads(json.dumps(shown))["mode"] == "hand_off"
    assert shown["paging"]["paged"][0] == {
        "responder": "Ana",
        "channel": "voice",
        "paged_at": "2026-12-01T14:00:10Z",
    }
    assert {prompt["kind"] for prompt in shown["prompts"]} >= {"correction", "agent_silent"}
    record = call.log[0].to_dict()
    assert record["kind"] == "playbook_activated" and record["conversation_id"] == "conv-1"
    assert record["playbook"] == "suicide-imminent-voice" and record["playbook_version"] == 1
    json.dumps([event.to_dict() for event in call.log])


def test_the_playbook_snapshot_travels_with_the_state() -> None:
    call = _busy_conversation()
    restored = state_from_dict(state_to_dict(call.state))
    assert restored.playbook is not None and restored.playbook.id == "suicide-imminent-voice"
    assert restored.region is not None and restored.region.region == "GB"
