"""Delivery against real databases with a recording notifier: once (also when raced), never the customer's
words, nothing after an acknowledgement, again after a cut-off send, rota gaps alarmed. Provider faults
(retry, fallback, a dead number) come from the fake Twilio server, through the official client, in
test_paging_twilio.py."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from escalation.config_loader import EscalationConfig, load_config
from escalation.engine import AckVia, Signal
from escalation.model import Channel, Level
from escalation.notifiers.base import Delivery, DeliveryStatus, PageMessage
from store.db import session_scope
from store.models import IncidentRow, PageRow
from workers.delivery import DeliveryPolicy, deliver, deliver_due
from workers.incidents import acknowledge_incident, open_or_raise_incident

T0 = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
CUSTOMER_WORDS = "I have taken all my tablets"


@dataclass
class FakeNotifier:
    """Records what it was asked to send; every send succeeds."""

    channel: Channel
    sent: list[PageMessage] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, message: PageMessage) -> Delivery:
        with self.lock:
            self.sent.append(message)
            return Delivery(DeliveryStatus.QUEUED, "fake", provider_id=f"ID{len(self.sent)}")


@pytest.fixture(scope="module")
def config() -> EscalationConfig:
    return load_config()


@pytest.fixture
def notifiers() -> dict[Channel, FakeNotifier]:
    return {channel: FakeNotifier(channel) for channel in Channel}


POLICY = DeliveryPolicy(
    link_for=lambda incident, who, now: f"https://stayline.test/r/{incident.code if incident else 'rota'}"
)


def open_crisis(url: str, config: EscalationConfig) -> str:
    with session_scope(url) as session:
        row, _ = open_or_raise_incident(
            session, Signal("c1", Level.HIGH, "suicide", "chat", "default", T0), config, T0
        )
        assert row is not None
        return row.id


def statuses(url: str) -> dict[str, str]:
    with session_scope(url) as session:
        return {p.channel + ":" + (p.responder or ""): p.status for p in session.exec(select(PageRow)).all()}


def test_recorded_pages_go_out_exactly_once(
    database_url: str, config: EscalationConfig, notifiers: dict
) -> None:
    open_crisis(database_url, config)
    # The process that recorded the pages "died" before sending; a later sweep sends them, twice over.
    deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=1))
    deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=2))
    sent = [m for n in notifiers.values() for m in n.sent]
    assert sorted(m.channel.value for m in sent) == ["sms", "voice"]
    assert all(m.responder == "Priya Natarajan" and m.level is Level.HIGH for m in sent)
    assert set(statuses(database_url).values()) == {"queued"}


def test_pages_carry_a_code_and_link_never_the_customer_words(
    database_url: str, config: EscalationConfig, notifiers: dict
) -> None:
    incident_id = open_crisis(database_url, config)
    deliver_due(database_url, config, notifiers, POLICY, T0)
    with session_scope(database_url) as session:
        code = session.get(IncidentRow, incident_id).code  # type: ignore[union-attr]
    for message in notifiers[Channel.SMS].sent:
        assert message.incident_code == code and message.link.endswith(code)
        assert CUSTOMER_WORDS not in repr(message)


def test_concurrent_deliveries_of_one_page_send_it_once(
    database_url: str, config: EscalationConfig, notifiers: dict
) -> None:
    open_crisis(database_url, config)
    with session_scope(database_url) as session:
        page_id = session.exec(select(PageRow.id).where(PageRow.channel == "sms")).one()
    results: list[str] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(deliver(database_url, page_id, config, notifiers, POLICY, T0))
        )
        for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(notifiers[Channel.SMS].sent) == 1
    assert sorted(results) == ["queued"] + ["skipped"] * 4


def test_acknowledged_incidents_send_nothing_more(
    database_url: str, config: EscalationConfig, notifiers: dict
) -> None:
    incident_id = open_crisis(database_url, config)
    with session_scope(database_url) as session:
        acknowledge_incident(session, incident_id, "Priya Natarajan", AckVia.WEB_LINK, config, T0)
    deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=1))
    assert all(not n.sent for n in notifiers.values())


def test_a_send_cut_off_mid_flight_is_retried_after_the_lease(
    database_url: str, config: EscalationConfig, notifiers: dict
) -> None:
    open_crisis(database_url, config)
    with session_scope(database_url) as session:
        for page in session.exec(select(PageRow)).all():
            page.status, page.updated_at = "sending", T0  # a worker was killed while sending these
    deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=60))
    assert not any(n.sent for n in notifiers.values())
    deliver_due(database_url, config, notifiers, POLICY, T0 + timedelta(seconds=121))
    assert sum(len(n.sent) for n in notifiers.values()) == 2


def test_a_gap_in_the_rota_is_an_alarm_before_it_starts(
    database_url: str, config: EscalationConfig, notifiers: dict
) -> None:
    from dataclasses import replace

    from workers.rota import alarm_upcoming_gaps

    # Nobody can phone Priya: every primary shift of hers ahead is a gap.
    priya = replace(config.roster.responders["Priya Natarajan"], channels=(Channel.CONSOLE,))
    broken = replace(
        config, roster=replace(config.roster, responders={**config.roster.responders, priya.name: priya})
    )
    with session_scope(database_url) as session:
        first = alarm_upcoming_gaps(session, broken, T0, timedelta(hours=24))
    with session_scope(database_url) as session:
        again = alarm_upcoming_gaps(session, broken, T0 + timedelta(minutes=5), timedelta(hours=24))
    assert first and again == []  # one alarm per window, however often the check runs
    deliver_due(database_url, broken, notifiers, POLICY, T0)
    assert [m.kind for m in notifiers[Channel.CONSOLE].sent] == ["alarm"] * len(first)
