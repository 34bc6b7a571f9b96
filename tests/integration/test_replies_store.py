"""SMS replies and provider status callbacks against real databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from escalation.config_loader import EscalationConfig, load_config
from escalation.engine import Signal
from escalation.model import Level
from store.db import session_scope
from store.models import IncidentRow, PageRow
from workers.delivery import DeliveryPolicy
from workers.incidents import open_or_raise_incident
from workers.replies import SMS_HELP, acknowledge_by_sms, call_status, message_status

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
PRIYA = "+13125550103"
POLICY = DeliveryPolicy(link_for=lambda incident, who, now: "https://stayline.test/r")


@pytest.fixture(scope="module")
def config() -> EscalationConfig:
    return load_config()


def open_incident(url: str, config: EscalationConfig, level: Level = Level.HIGH) -> IncidentRow:
    with session_scope(url) as session:
        row, _ = open_or_raise_incident(
            session, Signal("c1", level, "suicide", "chat", "default", T0), config, T0
        )
        assert row is not None
        # Pretend the notifier handed every page to Twilio.
        for n, page in enumerate(session.exec(select(PageRow)).all()):
            page.status, page.provider_id = "queued", f"{'CA' if page.channel == 'voice' else 'SM'}{n}"
        return row


@pytest.mark.parametrize("body", ["ACK {code}", "ack{code}", "1 {code}", "  {code} "])
def test_a_reply_with_the_code_acknowledges(database_url: str, config: EscalationConfig, body: str) -> None:
    incident = open_incident(database_url, config)
    with session_scope(database_url) as session:
        reply = acknowledge_by_sms(
            session, PRIYA, body.format(code=incident.code), config, T0 + timedelta(seconds=40)
        )
    assert incident.code in reply and "acknowledged" in reply
    with session_scope(database_url) as session:
        stored = session.get(IncidentRow, incident.id)
        assert stored is not None and (stored.state, stored.acknowledged_by) == (
            "acknowledged",
            "Priya Natarajan",
        )


@pytest.mark.parametrize(
    ("sender", "body"), [(PRIYA, "what is this?"), ("+12025550199", "ACK {code}"), (PRIYA, "ACK 000000")]
)
def test_anything_else_gets_help_and_acknowledges_nothing(
    database_url: str, config: EscalationConfig, sender: str, body: str
) -> None:
    incident = open_incident(database_url, config)
    with session_scope(database_url) as session:
        assert acknowledge_by_sms(session, sender, body.format(code=incident.code), config, T0) == SMS_HELP
        assert session.get(IncidentRow, incident.id).state == "paging"  # type: ignore[union-attr]


def test_undelivered_sms_falls_back_to_voice(database_url: str, config: EscalationConfig) -> None:
    open_incident(database_url, config, Level.MODERATE)  # the on-call chain pages by SMS only
    with session_scope(database_url) as session:
        sms = session.exec(select(PageRow)).one()
        params = {"MessageSid": sms.provider_id or "", "MessageStatus": "undelivered", "ErrorCode": "30003"}
        assert message_status(session, params, config, POLICY, T0 + timedelta(seconds=20)) == "failed"
    with session_scope(database_url) as session:
        channels = [(p.channel, p.status) for p in session.exec(select(PageRow).order_by(PageRow.id)).all()]
    assert channels == [("sms", "failed"), ("voice", "pending")]


def test_a_voicemail_is_not_an_acknowledgement_and_the_step_still_waits_for_the_sms(
    database_url: str, config: EscalationConfig
) -> None:
    incident = open_incident(database_url, config)
    with session_scope(database_url) as session:
        call = session.exec(select(PageRow).where(PageRow.channel == "voice")).one()
        params = {
            "CallSid": call.provider_id or "",
            "CallStatus": "completed",
            "AnsweredBy": "machine_end_beep",
        }
        assert call_status(session, params, config, POLICY, T0 + timedelta(seconds=30)) == "failed"
    with session_scope(database_url) as session:
        stored = session.get(IncidentRow, incident.id)
        assert stored is not None and stored.state == "paging"
        assert stored.next_action_at == T0 + timedelta(seconds=180)  # the SMS may still reach her


def test_a_repeated_callback_changes_nothing(database_url: str, config: EscalationConfig) -> None:
    open_incident(database_url, config, Level.MODERATE)
    with session_scope(database_url) as session:
        sms = session.exec(select(PageRow)).one()
        params = {"MessageSid": sms.provider_id or "", "MessageStatus": "undelivered"}
        message_status(session, params, config, POLICY, T0)
    with session_scope(database_url) as session:
        assert message_status(session, params, config, POLICY, T0) is None
        assert len(session.exec(select(PageRow)).all()) == 2


@pytest.mark.parametrize(
    ("body", "outcome"),
    [
        ("RESOLVED {code} FALSE", "not_a_crisis"),
        ("resolved {code} real", "real_crisis"),
        ("RESOLVED {code}", None),
    ],
)
def test_a_resolved_reply_closes_the_incident_and_records_what_it_was(
    database_url: str, config: EscalationConfig, body: str, outcome: str | None
) -> None:
    incident = open_incident(database_url, config)
    at = T0 + timedelta(minutes=7)
    with session_scope(database_url) as session:
        reply = acknowledge_by_sms(session, PRIYA, body.format(code=incident.code), config, at)
    assert incident.code in reply and "resolved" in reply
    with session_scope(database_url) as session:
        stored = session.get(IncidentRow, incident.id)
        assert stored is not None
        assert (stored.state, stored.resolved_at, stored.outcome) == ("resolved", at, outcome)
        assert stored.outcome_by == ("responder:Priya Natarajan" if outcome else None)
        assert {p.status for p in session.exec(select(PageRow)).all()} <= {"queued", "cancelled"}


def test_a_resolved_reply_from_someone_never_paged_changes_nothing(
    database_url: str, config: EscalationConfig
) -> None:
    incident = open_incident(database_url, config)
    with session_scope(database_url) as session:
        reply = acknowledge_by_sms(session, "+12025550199", f"RESOLVED {incident.code} FALSE", config, T0)
    assert reply == SMS_HELP
    with session_scope(database_url) as session:
        stored = session.get(IncidentRow, incident.id)
        assert stored is not None and (stored.state, stored.outcome) == ("paging", None)
