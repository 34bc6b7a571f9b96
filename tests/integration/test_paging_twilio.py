"""The escalation path end to end, through the official Twilio client against the local fake Twilio:
record, crash, send exactly once; a failed SMS falls back to a call; an SMS reply stops the chain."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from escalation.config_loader import EscalationConfig, load_config
from escalation.engine import Signal
from escalation.model import Channel, Level
from escalation.notifiers import twilio_signature_valid
from store.db import session_scope
from store.models import IncidentRow, PageRow
from tests.fakes.receiver import RecordingReceiver
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio
from workers.delivery import DeliveryPolicy, deliver_due
from workers.incidents import open_or_raise_incident, run_due
from workers.replies import acknowledge_by_sms, message_status
from workers.wiring import load_notifiers

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
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
