"""The escalation path end to end, through the official Twilio client against the local fake Twilio:
record, crash, send exactly once; a failed SMS falls back to a call; an SMS reply stops the chain.
Provider faults (5xx, 429, Twilio error codes) come from the fake server, not from a scripted notifier:
the send is retried or not as the real client's error says, then falls back, and the audit says why."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import col, select

from escalation.config_loader import EscalationConfig, load_config
from escalation.engine import Signal
from escalation.model import Channel, Level
from escalation.notifiers import twilio_signature_valid
from store.db import session_scope
from store.models import AuditEventRow, IncidentRow, PageRow, ResponderStateRow
from tests.fakes.receiver import RecordingReceiver
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio, Fault
from workers.delivery import DeliveryPolicy, deliver_due
from workers.incidents import open_or_raise_incident, run_due
from workers.replies import acknowledge_by_sms, message_status
from workers.wiring import load_notifiers

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
PRIYA = "+13125550103"  # on call at T0
DECISIONS = {"fallback_recorded", "responder_unreachable", "escalated_after_failure"}
POLICY = DeliveryPolicy(link_for=lambda incident, who, now: "https://stayline.example/r/x", backoff_seconds=1)


@pytest.fixture(scope="module")
def config() -> EscalationConfig:
    return load_config()


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def receiver() -> Iterator[RecordingReceiver]:
    with RecordingReceiver() as running:
        yield running


@pytest.fixture
def notifiers(twilio: FakeTwilio, receiver: RecordingReceiver) -> dict[Channel, Any]:
    common = {
        "account_sid": ACCOUNT_SID,
        "auth_token_env": "STAYLINE_TWILIO_AUTH_TOKEN",
        "from_number": "+12025550100",
        "status_callback_url": receiver.url("/twilio/status"),
        "api_base_url": twilio.base_url,
        "timeout_seconds": 0.5,
    }
    settings = {
        "sms": {"type": "twilio_sms", **common},
        "voice": {"type": "twilio_voice", "gather_url": "https://stayline.example/twilio/voice", **common},
        "console": {"type": "console"},
    }
    return load_notifiers(settings, environ={"STAYLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN})


RECORD_THEN_DIE = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import datetime, UTC
    from escalation.config_loader import load_config
    from escalation.engine import Signal
    from escalation.model import Level
    from store.db import session_scope
    from workers.incidents import open_or_raise_incident
    now = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
    crisis = Signal("c1", Level.HIGH, "suicide", "chat", "default", now)
    with session_scope(sys.argv[1]) as session:
        open_or_raise_incident(session, crisis, load_config(), now)
    os.kill(os.getpid(), signal.SIGKILL)  # the pages are recorded and committed; nothing was sent
    """
)


def open_crisis(url: str, config: EscalationConfig, level: Level) -> str:
    with session_scope(url) as session:
        row, _ = open_or_raise_incident(
            session, Signal("c1", level, "suicide", "chat", "default", T0), config, T0
        )
        assert row is not None
        return row.id


def sent_to(twilio: FakeTwilio) -> list[tuple[str, str | None]]:
    """(endpoint, To) of every create request, in order."""
    return [(r.path.rsplit("/", 1)[-1], r.param("To")) for r in twilio.requests if r.method == "POST"]


def decisions(url: str) -> list[tuple[str, str, object]]:
    """(action, channel, error or reason) of each delivery decision in the audit trail, as written. A
    failure's fallback and unreachable mark are written before the failure itself, in one transaction."""
    with session_scope(url) as session:
        events = session.exec(select(AuditEventRow).order_by(col(AuditEventRow.id))).all()
    return [
        (
            event.action,
            event.detail.get("channel") or str(event.detail.get("page")).rsplit("/", 1)[-1],
            event.detail.get("error") or event.detail.get("reason"),
        )
        for event in events
        if event.action in DECISIONS or (event.action.startswith("page_") and event.action != "page_recorded")
    ]


def test_killed_after_recording_the_pages_go_out_exactly_once(
    database_url: str, config: EscalationConfig, twilio: FakeTwilio, notifiers: dict
) -> None:
    process = subprocess.run(
        [sys.executable, "-c", RECORD_THEN_DIE, database_url], capture_output=True, timeout=60
    )
    assert process.returncode == -signal.SIGKILL, process.stderr.decode()[-2000:]
    assert twilio.requests == []
    for seconds in (1, 2, 3):  # the restarted sweep, run a few times, as beat would
        deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=seconds))
    assert sorted(r.path.rsplit("/", 1)[-1] for r in twilio.requests) == ["Calls.json", "Messages.json"]
    assert {r.param("To") for r in twilio.requests} == {"+13125550103"}


def test_an_undelivered_sms_falls_back_to_a_call_and_a_reply_stops_the_chain(
    database_url: str,
    config: EscalationConfig,
    twilio: FakeTwilio,
    receiver: RecordingReceiver,
    notifiers: dict,
) -> None:
    twilio.script_messages("sent", "undelivered", error_code=30003)
    with session_scope(database_url) as session:
        row, _ = open_or_raise_incident(
            session, Signal("c2", Level.MODERATE, "suicide", "chat", "default", T0), config, T0
        )
        assert row is not None
        code = row.code
    deliver_due(database_url, config, notifiers, POLICY, T0)
    sms = twilio.requests[0]
    assert code in (sms.param("Body") or "") and "tablets" not in (sms.param("Body") or "")

    callbacks = receiver.wait_for(2)
    for callback in callbacks:
        assert twilio_signature_valid(
            AUTH_TOKEN, receiver.full_url(callback), callback.form(), callback.header("X-Twilio-Signature")
        )
        with session_scope(database_url) as session:
            message_status(session, callback.form(), config, POLICY, T0 + timedelta(seconds=5))
    deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=6))
    assert [r.path.rsplit("/", 1)[-1] for r in twilio.requests] == ["Messages.json", "Calls.json"]

    with session_scope(database_url) as session:
        reply = acknowledge_by_sms(session, "+13125550103", f"ACK {code}", config, T0 + timedelta(seconds=60))
    assert "acknowledged" in reply
    for minutes in (15, 30, 45):
        with session_scope(database_url) as session:
            run_due(session, config, T0 + timedelta(minutes=minutes))
        deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(minutes=minutes))
    assert len(twilio.requests) == 2  # nothing after the acknowledgement (the reminder comes after an hour)
    with session_scope(database_url) as session:
        assert session.exec(select(IncidentRow)).one().state == "acknowledged"
        assert {p.status for p in session.exec(select(PageRow)).all()} >= {"failed"}


def test_a_send_cut_off_after_twilio_accepted_it_is_not_sent_again(
    database_url: str, config: EscalationConfig, twilio: FakeTwilio, notifiers: dict
) -> None:
    from workers.delivery import deliver

    with session_scope(database_url) as session:
        open_or_raise_incident(
            session, Signal("c3", Level.HIGH, "suicide", "chat", "default", T0), config, T0
        )
        sms = session.exec(select(PageRow).where(PageRow.channel == "sms")).one()
        sms_id = sms.id
    assert sms_id is not None
    # The worker sent the SMS and died before recording it: the row still says "sending".
    real_send = notifiers[Channel.SMS].send

    def send_then_die(message: Any) -> Any:
        real_send(message)
        raise SystemExit("killed after the provider accepted the page")

    notifiers[Channel.SMS].send = send_then_die
    with pytest.raises(SystemExit):
        deliver(database_url, sms_id, config, notifiers, POLICY, T0)
    notifiers[Channel.SMS].send = real_send
    deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=121))  # after the lease
    posts = [r for r in twilio.requests if r.method == "POST" and r.path.endswith("Messages.json")]
    assert len(posts) == 1
    with session_scope(database_url) as session:
        page = session.get(PageRow, sms_id)
        assert page is not None and page.status == "queued" and (page.provider_id or "").startswith("SM")


def test_twilio_server_errors_are_retried_with_backoff_then_the_page_falls_back_to_a_call(
    database_url: str, config: EscalationConfig, twilio: FakeTwilio, notifiers: dict
) -> None:
    open_crisis(database_url, config, Level.MODERATE)  # the on-call chain texts first
    twilio.fail_next(Fault(503, None, "Service Unavailable"), kind="Messages")
    twilio.fail_next(Fault.rate_limited(), kind="Messages")
    twilio.fail_next(Fault.server_error(), kind="Messages")

    deliver_due(database_url, config, notifiers, POLICY, T0)
    deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=0.5))  # backoff: 1 s
    assert len(twilio.requests) == 1
    for seconds in (1, 3, 4):  # the second try after 1 s, the third after 2 s more; then the fallback
        deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=seconds))

    assert sent_to(twilio) == [("Messages.json", PRIYA)] * 3 + [("Calls.json", PRIYA)]
    assert decisions(database_url) == [
        ("page_retry", "sms", "http_503"),
        ("page_retry", "sms", "http_429"),
        ("fallback_recorded", "voice", None),
        ("page_failed", "sms", "http_500"),
        ("page_queued", "voice", None),
    ]


def test_a_twilio_number_error_is_not_retried_the_number_is_marked_and_the_page_falls_back(
    database_url: str, config: EscalationConfig, twilio: FakeTwilio, notifiers: dict
) -> None:
    open_crisis(database_url, config, Level.MODERATE)
    twilio.fail_next(Fault.twilio_error(21614, f"'To' number {PRIYA} is not a valid mobile number"))

    for seconds in (0, 1):
        deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=seconds))

    assert sent_to(twilio) == [("Messages.json", PRIYA), ("Calls.json", PRIYA)]
    with session_scope(database_url) as session:
        state = session.get(ResponderStateRow, "Priya Natarajan")
        alarms = session.exec(select(PageRow).where(PageRow.kind == "alarm")).all()
        assert state is not None and state.unreachable == ["sms"]
        assert [(a.channel, a.responder, a.status) for a in alarms] == [("console", None, "delivered")]
    first, then = decisions(database_url)[:3], decisions(database_url)[3:]
    assert first == [
        ("responder_unreachable", "sms", "not_mobile"),
        ("fallback_recorded", "voice", None),
        ("page_failed", "sms", "not_mobile"),  # once: a dead number is not retried
    ]
    assert sorted(then) == [("page_delivered", "unreachable", None), ("page_queued", "voice", None)]


def test_when_twilio_fails_every_channel_of_the_tier_the_chain_moves_to_the_next_tier_at_once(
    database_url: str, config: EscalationConfig, twilio: FakeTwilio, notifiers: dict
) -> None:
    incident_id = open_crisis(database_url, config, Level.HIGH)  # the crisis chain calls and texts
    tries = 3  # the on-call tier's first page and its two repeats
    twilio.fail_next(Fault.rate_limited(), times=3 * tries, kind="Messages")
    refused = Fault.twilio_error(21215, "Geo permission does not allow this call")
    twilio.fail_next(refused, times=tries, kind="Calls")

    now = T0
    for _ in range(tries):
        for wait in (0, 1, 2):  # three tries of the text, 1 s then 2 s apart; the call is not retried
            now += timedelta(seconds=wait)
            deliver_due(database_url, config, notifiers, POLICY, now)
        with session_scope(database_url) as session:  # long before the 180 s acknowledgement timeout
            run_due(session, config, now)
    deliver_due(database_url, config, notifiers, POLICY, now)

    first_tier = sent_to(twilio)[: 4 * tries]
    assert sorted(first_tier) == sorted(([("Calls.json", PRIYA)] + [("Messages.json", PRIYA)] * 3) * tries)
    backup = sent_to(twilio)[4 * tries :]
    assert backup and all(to not in (PRIYA, None) for _, to in backup), "the backup tier is paged"
    assert now - T0 < timedelta(seconds=180)
    assert decisions(database_url).count(("page_retry", "sms", "http_429")) == 2 * tries
    assert decisions(database_url).count(("page_failed", "voice", "twilio_21215")) == tries
    assert [d for d in decisions(database_url) if d[0] == "escalated_after_failure"] == [
        ("escalated_after_failure", "sms", None)
    ] * tries
    with session_scope(database_url) as session:
        incident = session.get(IncidentRow, incident_id)
        assert incident is not None and (incident.state, incident.highest_tier) == ("paging", 1)
