"""Issue 15, labels: the responder's one-tap outcome on the phone page, agents' misses and false alarms,
each turned into labelled examples (the turn, its context window, the label, who and when), refusals
with the reason, and the export. All conversations are invented."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import col, select

from detector import Detector
from store.db import session_scope
from store.models import AuditEventRow, LabelledExampleRow, MessageRow
from tests.api.conftest import CRISIS, Harness, auth, harness_for
from tests.api.console_helpers import alert_text, page_token
from tests.api.test_console_views import agent_client, only_incident, responder_client
from tests.api.test_outcomes import export
from workers.retention import purge_expired

MODERATE = "i keep wishing i just wouldnt wake up in the morning"
QUIET = "my phone bill is wrong again and it makes me feel a bit low"
AGENT_TURN = "I'm sorry to hear that, can you tell me more about how you're feeling?"


@pytest.fixture
def both(database_url: str, detector: Detector) -> Iterator[Harness]:
    """The API on SQLite and on PostgreSQL."""
    with harness_for(database_url, detector) as harness:
        yield harness


def say(
    api: Harness, text: str, conversation: str = "conv-1", sender: str = "customer", minute: int = 0
) -> str:
    sent_at = f"2025-03-04T14:{minute:02d}:00+00:00"
    body = api.post_message(text, conversation_id=conversation, sender=sender, sent_at=sent_at, wait=True)
    assert body.status_code == 200, body.text
    api.clock.advance(5)
    return str(body.json()["message_id"])


def examples(api: Harness) -> list[LabelledExampleRow]:
    with session_scope(api.url) as session:
        query = select(LabelledExampleRow).order_by(col(LabelledExampleRow.id))
        return list(session.exec(query).all())


def audits(api: Harness, action: str) -> list[AuditEventRow]:
    with session_scope(api.url) as session:
        query = select(AuditEventRow).where(AuditEventRow.action == action).order_by(col(AuditEventRow.id))
        return list(session.exec(query).all())


def words_in(value: Any) -> str:
    return json.dumps(value)


def test_one_tap_on_the_phone_page_resolves_with_the_outcome_and_records_examples(api: Harness) -> None:
    say(api, "hi, a question about my bill", minute=50)
    say(api, AGENT_TURN, sender="agent", minute=51)
    crisis = say(api, CRISIS, minute=52)
    code = only_incident(api).code
    dana = responder_client(api)
    page = dana.get(f"/incidents/{code}")
    assert 'id="resolve-real-crisis"' in page.text and 'id="resolve-not-a-crisis"' in page.text

    tapped = dana.post(
        f"/incidents/{code}/resolve",
        data={
            "csrf_token": page_token(dana, f"/incidents/{code}"),
            "confirm": "yes",
            "outcome": "real_crisis",
        },
    )

    assert tapped.status_code == 200, tapped.text
    assert "Recorded: <strong>real crisis</strong>" in tapped.text
    incident = only_incident(api)
    assert (incident.state, incident.outcome, incident.outcome_by) == (
        "resolved",
        "real_crisis",
        "responder:Dana Reyes",
    )
    (example,) = examples(api)
    assert (example.kind, example.source, example.message_id, example.text) == (
        "real_crisis",
        "responder",
        crisis,
        CRISIS,
    )
    assert (example.level, example.category) == (incident.level, incident.category)
    assert example.context == [
        {"speaker": "customer", "text": "hi, a question about my bill"},
        {"speaker": "agent", "text": AGENT_TURN},
    ]
    assert example.labelled_by == "responder:Dana Reyes" and example.incident_id == incident.id
    # Features say where and why, never what: no word of the turn is in them.
    assert example.features["signals"] and example.features["hashed_ngrams"]
    assert "tablets" not in words_in(example.features)
    assert [a.detail["examples"] for a in audits(api, "outcome_recorded")] == [1]


def test_a_resolved_incident_is_labelled_with_one_tap_afterwards(api: Harness) -> None:
    say(api, CRISIS)
    code = only_incident(api).code
    dana = responder_client(api)
    token = page_token(dana, f"/incidents/{code}")
    assert (
        dana.post(f"/incidents/{code}/resolve", data={"csrf_token": token, "confirm": "yes"}).status_code
        == 200
    )
    assert 'id="label-not-a-crisis"' in dana.get(f"/incidents/{code}").text

    labelled = dana.post(f"/incidents/{code}/label", data={"csrf_token": token, "outcome": "not_a_crisis"})

    assert labelled.status_code == 200
    assert (only_incident(api).outcome, [(e.level, e.category) for e in examples(api)]) == (
        "not_a_crisis",
        [("none", "none")],
    )


@pytest.mark.parametrize(
    ("form", "status", "reason"),
    [
        ({"outcome": "maybe"}, 422, "Choose what it was"),
        ({"outcome": "not_a_crisis", "right_level": "high"}, 422, "real crisis"),
        (
            {"outcome": "real_crisis", "csrf_token": "forged"},
            403,
            "expired or was not sent from this console",
        ),
    ],
)
def test_a_bad_tap_is_refused_with_the_reason(
    api: Harness, form: dict[str, str], status: int, reason: str
) -> None:
    say(api, CRISIS)
    code = only_incident(api).code
    dana = responder_client(api)
    data = {"csrf_token": page_token(dana, f"/incidents/{code}"), "confirm": "yes"} | form

    refused = dana.post(f"/incidents/{code}/resolve", data=data)

    assert refused.status_code == status
    assert reason in alert_text(refused.text)
    assert (only_incident(api).state, examples(api)) == ("paging", [])


def test_an_agent_cannot_label_on_the_phone_page(api: Harness) -> None:
    say(api, CRISIS)
    code = only_incident(api).code
    ana = agent_client(api)
    token = page_token(ana, "/conversations/conv-1")
    refused = ana.post(f"/incidents/{code}/label", data={"csrf_token": token, "outcome": "real_crisis"})
    assert refused.status_code == 403 and "for responder sign-ins" in alert_text(refused.text)


def test_a_flag_on_a_quiet_conversation_is_a_miss_on_the_turn_the_agent_points_at(both: Harness) -> None:
    first = say(both, QUIET, minute=40)
    say(both, AGENT_TURN, sender="agent", minute=41)
    say(both, "ok thanks, i'll wait", minute=42)

    flagged = both.flag(level="high", message_id=first)

    assert flagged.status_code == 200, flagged.text
    assert flagged.json()["label"] == {
        "label": "miss",
        "recorded": True,
        "message_id": first,
        "incident_id": flagged.json()["id"],
        "reason": None,
    }
    (miss,) = examples(both)
    assert (miss.kind, miss.source, miss.level, miss.category) == ("miss", "agent", "high", "suicide")
    assert miss.detector_level in ("none", "low")  # what the detector said of the turn: a miss
    assert (miss.text, miss.context, miss.labelled_by) == (QUIET, [], "agent:Ana Lima")
    recorded = audits(both, "label_recorded")
    assert [(a.actor, a.detail["label"], a.detail["message_id"]) for a in recorded] == [
        ("agent:Ana Lima", "miss", first)
    ]
    assert QUIET not in words_in([a.detail for a in audits(both, "label_recorded")])


def test_a_flag_that_is_no_miss_or_points_at_no_turn_still_pages_and_says_why(api: Harness) -> None:
    say(api, CRISIS, conversation="conv-high")
    high = api.flag("conv-high", level="imminent").json()
    assert high["label"]["recorded"] is False and "rated it" in high["label"]["reason"]

    say(api, QUIET, conversation="conv-quiet")
    unknown = api.flag("conv-quiet", message_id="no-such-turn").json()
    assert unknown["state"] == "paging" and api.pages(unknown["id"]), "the flag pages whatever the label"
    assert unknown["label"]["recorded"] is False
    assert unknown["label"]["reason"] == "no customer turn 'no-such-turn' in this conversation"
    assert [a.detail["reason"] for a in audits(api, "label_refused")] == [unknown["label"]["reason"]]

    manual = api.flag("phone-call-7").json()
    assert "manual flag is not a miss" in manual["label"]["reason"]
    assert examples(api) == []


def test_not_a_crisis_on_a_moderate_is_a_recorded_false_alarm(api: Harness) -> None:
    say(api, AGENT_TURN, sender="agent", minute=30)
    turn = say(api, MODERATE, minute=31)
    ana = agent_client(api)
    page = ana.get("/conversations/conv-1")
    assert 'id="not-a-crisis-button"' in page.text

    tapped = ana.post(
        "/conversations/conv-1/not-a-crisis", data={"csrf_token": page_token(ana, "/conversations/conv-1")}
    )

    assert tapped.status_code == 200
    assert "Not a crisis (false alarm): said by Ana Lima" in tapped.text
    (example,) = examples(api)
    assert (example.kind, example.message_id, example.level, example.category) == (
        "false_alarm",
        turn,
        "none",
        "none",
    )
    assert example.context == [{"speaker": "agent", "text": AGENT_TURN}]
    assert only_incident(api).state != "resolved", "an agent's word labels; it does not stop paging"
    again = api.client.post("/v1/conversations/conv-1/not-a-crisis", json={}, headers=auth("agent"))
    assert again.json() | {"incident_id": None} == {
        "label": "false_alarm",
        "recorded": False,
        "message_id": turn,
        "incident_id": None,
        "reason": "already labelled a false alarm",
    }
    assert len(examples(api)) == 1 and len(audits(api, "label_kept")) == 1


@pytest.mark.parametrize(
    ("conversation", "role", "body", "status", "reason"),
    [
        ("conv-none", "agent", {}, 409, "nothing was raised"),
        ("conv-high", "agent", {}, 409, "only a responder can say it was not a crisis"),
        ("conv-unknown", "agent", {}, 404, "no conversation 'conv-unknown'"),
        ("conv-moderate", "agent", {"message_id": "m-404"}, 404, "no customer turn 'm-404'"),
        ("conv-moderate", "ingest", {}, 403, "agent"),
        ("conv-moderate", "responder", {}, 403, "agent"),
    ],
)
def test_a_false_alarm_that_cannot_be_taken_is_refused_with_the_reason(
    api: Harness, conversation: str, role: str, body: dict[str, str], status: int, reason: str
) -> None:
    say(api, "hello, can i change my plan", conversation="conv-none")
    say(api, CRISIS, conversation="conv-high")
    say(api, MODERATE, conversation="conv-moderate")

    refused = api.client.post(f"/v1/conversations/{conversation}/not-a-crisis", json=body, headers=auth(role))

    assert refused.status_code == status
    assert reason in json.dumps(refused.json())
    assert examples(api) == []


@pytest.mark.parametrize(
    ("ref", "role", "status", "reason"),
    [("999999", "responder", 404, "no incident '999999'"), (None, "ingest", 403, "responder")],
)
def test_an_outcome_for_an_unknown_incident_or_from_a_key_without_the_role_is_refused(
    api: Harness, ref: str | None, role: str, status: int, reason: str
) -> None:
    say(api, CRISIS)
    target = ref or only_incident(api).code

    refused = api.client.post(
        f"/v1/incidents/{target}/resolve", json={"outcome": "real_crisis"}, headers=auth(role)
    )

    assert refused.status_code == status
    assert reason in json.dumps(refused.json())
    assert only_incident(api).outcome is None and examples(api) == []


def test_the_export_includes_agents_labels_with_their_context(
    api: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    say(api, AGENT_TURN, sender="agent", conversation="conv-miss", minute=20)
    say(api, QUIET, conversation="conv-miss", minute=21)
    api.flag("conv-miss", level="moderate")
    say(api, MODERATE, conversation="conv-false", minute=22)
    api.client.post("/v1/conversations/conv-false/not-a-crisis", json={}, headers=auth("agent"))

    code, stdout, stderr = export(api, monkeypatch)

    assert code == 0, stderr
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert [(r["text"], r["level"], r["category"], r["label"], r["labelled_by"]) for r in rows] == [
        (QUIET, "moderate", "suicide", "miss", "agent:Ana Lima"),
        (MODERATE, "none", "none", "false_alarm", "agent:Ana Lima"),
    ]
    assert rows[0]["context"] == [{"speaker": "agent", "text": AGENT_TURN}]
    assert "exported 2 examples" in stderr and QUIET not in stderr


def test_a_turn_labelled_by_the_agent_and_then_the_responder_is_exported_once_with_the_responders_label(
    api: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    say(api, QUIET, conversation="conv-miss", minute=21)
    api.flag("conv-miss", level="moderate")
    code = only_incident(api).code
    resolved = api.client.post(
        f"/v1/incidents/{code}/resolve",
        json={"outcome": "real_crisis", "right_level": "high"},
        headers=auth("responder"),
    )
    assert resolved.status_code == 200, resolved.text
    assert len(examples(api)) == 2  # both labels are kept as given

    exit_code, stdout, stderr = export(api, monkeypatch)

    assert exit_code == 0, stderr
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert [(r["text"], r["level"], r["label"]) for r in rows] == [(QUIET, "high", "real_crisis")]


def test_the_flag_form_offers_the_customer_turns_to_point_at(api: Harness) -> None:
    """The flag form offers the conversation's customer turns to point at, by id."""
    turn = say(api, QUIET)
    page = agent_client(api).get("/conversations/conv-1")
    assert f'<option value="{turn}">' in page.text
    with session_scope(api.url) as session:
        assert session.get(MessageRow, turn) is not None


@pytest.mark.parametrize("keep", [False, True])
def test_retention_keeps_a_labelled_examples_words_only_when_the_centre_opts_in(
    make_api: Any, keep: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    api: Harness = make_api(keep_labelled_text=keep)
    say(api, AGENT_TURN, sender="agent", conversation="conv-miss", minute=10)
    say(api, QUIET, conversation="conv-miss", minute=11)
    api.flag("conv-miss", level="high")
    code = only_incident(api).code
    api.client.post(
        f"/v1/incidents/{code}/resolve", json={"outcome": "real_crisis"}, headers=auth("responder")
    )
    before = examples(api)  # the agent's miss and the responder's outcome, on the same turn
    assert [e.source for e in before] == ["agent", "responder"]
    api.clock.advance(31 * 86400)

    report = purge_expired(api.runtime)

    after = examples(api)
    with session_scope(api.url) as session:
        assert session.get(MessageRow, after[0].message_id).text == ""  # type: ignore[union-attr]
    for was, now in zip(before, after, strict=True):
        assert now.features == was.features and now.features["hashed_ngrams"]
        if keep:
            assert (now.text, now.context, now.purged_at) == (QUIET, was.context, None)
        else:
            assert (now.text, now.context, now.purged_at) == ("", [], api.clock.now)
    assert (report.examples, report.examples_kept) == ((0, 2) if keep else (2, 0))
    (run,) = audits(api, "text_purged")
    assert (run.detail["examples"], run.detail["examples_kept"]) == (report.examples, report.examples_kept)
    code_, stdout, stderr = export(api, monkeypatch)
    assert code_ == 0, stderr
    assert [json.loads(line)["text"] for line in stdout.splitlines()] == ([QUIET] if keep else [])
    assert ("skipped 1 purged" in stderr) is not keep
