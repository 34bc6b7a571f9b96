"""The real thing: `celery worker` subprocesses on Redis and PostgreSQL, paging the local fake Twilio
through the official client. No beat: the workers run the sweep themselves, so every escalation here is
driven by a worker's sweeper. Chain timers are shortened to seconds for the test."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import redis
import yaml
from celery import Celery
from sqlmodel import col, select

from api.app import create_app
from config.settings import Settings
from detector import Detector
from escalation.config_loader import load_config
from store import counters
from store.db import session_scope
from store.models import IncidentRow, LeaseRow, MessageRow, PageRow
from tests.api.conftest import KEYS, TestClient, auth
from tests.fakes.services import ON_CALL_NUMBER, PrivateRedis, RedisServerMissing, fast_config, wait_until
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio
from workers.dispatch import CeleryDispatcher
from workers.messages import IncomingMessage, store_message
from workers.queues import WORKER_QUEUES
from workers.replies import acknowledge_by_sms
from workers.runtime import Runtime

SPEEDUP = 15.0  # every process runs the same clock 15x fast: a 30 s wait takes 2 s
EPOCH = datetime.now(UTC)
PRIYA = ON_CALL_NUMBER  # the test's own rota pins tier 1 to ON_CALL around the clock (fast_config)


def _private_redis_or_skip(workdir: Path) -> PrivateRedis:
    """Tests use a redis-server of their own, never the machine's."""
    try:
        return PrivateRedis(workdir)
    except RedisServerMissing:
        if os.environ.get("STAYLINE_REQUIRE_SERVICES") == "1":
            raise
        pytest.skip("redis-server is not installed")


def now() -> datetime:
    return EPOCH + (datetime.now(UTC) - EPOCH) * SPEEDUP


@pytest.fixture
def broker_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A redis-server of the test's own on a free port, for every test: a test never flushes, fills or
    restarts the machine's Redis, which other runs may be using (tests marked `private_redis` stop it)."""
    private = _private_redis_or_skip(tmp_path)
    private.start()
    request.node.private_redis = private
    try:
        yield f"redis://127.0.0.1:{private.port}/0"
    finally:
        private.stop()


@pytest.fixture
def service(postgres_url: str, broker_url: str, tmp_path: Path) -> Iterator[dict[str, object]]:
    broker = broker_url
    fast_config(tmp_path)
    with FakeTwilio() as twilio:
        common = {
            "account_sid": ACCOUNT_SID,
            "auth_token_env": "STAYLINE_TWILIO_AUTH_TOKEN",
            "from_number": "+12025550100",
            "api_base_url": twilio.base_url,
            "status_callback_url": "http://127.0.0.1:9/twilio/status",
        }
        notifiers = {
            "sms": {"type": "twilio_sms", **common},
            "console": {"type": "console"},
            "voice": {"type": "twilio_voice", "gather_url": "http://127.0.0.1:9/twilio/voice", **common},
        }
        (tmp_path / "notifiers.yaml").write_text(yaml.safe_dump(notifiers))
        env = {
            **os.environ,
            "STAYLINE_DATABASE_URL": postgres_url,
            "STAYLINE_BROKER_URL": broker,
            "STAYLINE_CONFIG_DIR": str(tmp_path),
            "STAYLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "STAYLINE_SWEEP_SECONDS": "0.5",
            "STAYLINE_PAGE_BACKOFF_SECONDS": "0.5",
            "STAYLINE_CLOCK_SPEEDUP": str(SPEEDUP),
            "STAYLINE_CLOCK_EPOCH": EPOCH.isoformat(),
        }
        processes: dict[str, subprocess.Popen[bytes]] = {}

        def start(kind: str, concurrency: int = 2) -> None:
            """A worker named ``kind``: the fixture starts "worker"; a test may start another."""
            # The queues `stayline worker` consumes: crisis-looking scans (also re-queued by the sweep) go to
            # their own queue, and a worker that skipped it would never scan them.
            args = ["worker", "-Q", WORKER_QUEUES, "-c", str(concurrency), "-n", f"{kind}@%h"]
            args += ["--without-gossip", "--without-mingle"]
            processes[kind] = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "workers.celery_app", *args, "-l", "WARNING"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=open(tmp_path / f"{kind}.log", "ab"),  # noqa: SIM115
            )

        start("worker")  # and no beat
        try:
            yield {
                "url": postgres_url,
                "broker": broker,
                "twilio": twilio,
                "start": start,
                "processes": processes,
                "config": load_config(tmp_path / "escalation"),
                "logs": tmp_path,
            }
        finally:
            for process in processes.values():
                process.kill()
                process.wait(timeout=10)


def send_message(service: dict[str, object], conversation: str, text: str) -> str:
    url = str(service["url"])
    now = datetime.now(UTC)
    with session_scope(url) as session:
        message_id = store_message(
            session, IncomingMessage(conversation, "chat", "customer", text, now), now
        ).id
    # To the scans' queue: a bare Celery app would publish to "celery", which no worker consumes, and
    # every scan here would then wait for the sweep.
    Celery(broker=str(service["broker"])).send_task(
        "detector.scan", args=[message_id], retry=False, queue="messages"
    )
    return message_id


def sent_tiers(service: dict[str, object]) -> set[int]:
    """Tiers with a page the provider accepted."""
    with session_scope(str(service["url"])) as session:
        pages = session.exec(select(PageRow).where(col(PageRow.provider_id).is_not(None))).all()
        return {page.tier for page in pages}


def all_keys(service: dict[str, object]) -> list[str]:
    """The page key of every message or call created. Only creates (POST): after a worker dies mid-send,
    the next one lists recent messages (GET, no page key) to learn whether the send went out, and those
    lists are not pages."""
    twilio = service["twilio"]
    assert isinstance(twilio, FakeTwilio)
    return [
        parse_qs(urlsplit(r.param("StatusCallback") or "").query).get("page", ["?"])[0]
        for r in twilio.requests
        if r.method == "POST"
    ]


def paged(service: dict[str, object], number: str) -> list[str]:
    """Idempotency keys of every page the fake Twilio received for a number."""
    twilio = service["twilio"]
    assert isinstance(twilio, FakeTwilio)
    keys = []
    for request in twilio.requests:
        if request.param("To") == number:
            query = urlsplit(request.param("StatusCallback") or "").query
            keys.append(parse_qs(query).get("page", ["?"])[0])
    return keys


def test_a_crisis_pages_tier_one_and_an_sms_reply_stops_the_chain(service: dict[str, object]) -> None:
    send_message(service, "conv-a", "I have swallowed all of my sleeping pills")
    wait_until(lambda: len(paged(service, PRIYA)) >= 1, 120, "the first page to tier 1")
    with session_scope(str(service["url"])) as session:
        incident = session.exec(select(IncidentRow)).one()
        acknowledge_by_sms(session, PRIYA, f"ACK {incident.code}", service["config"], now())  # type: ignore[arg-type]
    # Pages of the step already taken may still be on their way to Twilio; the chain must take no new step.
    with session_scope(str(service["url"])) as session:
        pages_at_ack = len(session.exec(select(PageRow)).all())
    time.sleep(5)  # more than two full waits of the accelerated chain
    with session_scope(str(service["url"])) as session:
        assert len(session.exec(select(PageRow)).all()) == pages_at_ack


def test_no_acknowledgement_escalates_to_tier_two_on_time(service: dict[str, object]) -> None:
    send_message(service, "conv-b", "I keep thinking about how I would end my life")  # high: tier 1 only
    wait_until(lambda: len(paged(service, PRIYA)) >= 1, 120, "tier 1")
    wait_until(lambda: 1 in sent_tiers(service), 15, "tier 2")
    # Judged on the service's own (shared, accelerated) clock, not on when this test happened to look.
    with session_scope(str(service["url"])) as session:
        pages = session.exec(select(PageRow).where(PageRow.kind == "page")).all()
        tier_one = min(p.created_at for p in pages if p.tier == 0)
        tier_two = min(p.created_at for p in pages if p.tier == 1)
    assert (tier_two - tier_one).total_seconds() >= 30  # tier 2 waited out tier 1's 30 s


def test_a_worker_killed_mid_chain_sends_every_page_exactly_once(service: dict[str, object]) -> None:
    send_message(service, "conv-c", "the gun is loaded next to me and I am doing it when this chat ends")
    wait_until(lambda: len(paged(service, PRIYA)) >= 1, 120, "tier 1")
    processes = service["processes"]
    assert isinstance(processes, dict)
    processes["worker"].send_signal(signal.SIGKILL)
    processes["worker"].wait(timeout=10)
    time.sleep(3)  # the chain's timers pass while no worker runs
    service["start"]("worker")  # type: ignore[operator]
    wait_until(lambda: 1 in sent_tiers(service), 120, "tier 2 after the restart")
    time.sleep(2)
    assert [key for key, seen in Counter(all_keys(service)).items() if seen > 1] == []


@pytest.mark.private_redis
def test_redis_restarted_mid_run_loses_nothing(
    service: dict[str, object], request: pytest.FixtureRequest
) -> None:
    private: PrivateRedis = request.node.private_redis
    private.stop()
    try:
        message_id = send_message_while_broker_down(service, "conv-d", "I took a whole box of paracetamol")
    finally:
        private.start()
    wait_until(
        lambda: len(paged(service, PRIYA)) >= 1, 120, "the page for the message stored while Redis was down"
    )
    with session_scope(str(service["url"])) as session:
        assert session.get(MessageRow, message_id).scanned_at is not None  # type: ignore[union-attr]


def send_message_while_broker_down(service: dict[str, object], conversation: str, text: str) -> str:
    try:
        return send_message(service, conversation, text)
    except Exception:
        # The publish failed, as it does with the broker down: the message is stored; the sweep scans it.
        with session_scope(str(service["url"])) as session:
            return session.exec(select(MessageRow.id).where(MessageRow.conversation_id == conversation)).one()


def test_two_workers_and_no_beat_escalate_once_per_step(service: dict[str, object]) -> None:
    service["start"]("second-worker", concurrency=1)  # type: ignore[operator]
    send_message(service, "conv-e", "I keep thinking about how I would end my life")
    wait_until(lambda: len(paged(service, PRIYA)) >= 1, 120, "tier 1")
    wait_until(lambda: 1 in sent_tiers(service), 30, "tier 2, escalated by a worker's sweep")
    time.sleep(2)  # more sweeps by both workers

    assert [key for key, seen in Counter(all_keys(service)).items() if seen > 1] == []
    with session_scope(str(service["url"])) as session:
        lease = session.get(LeaseRow, "sweep")
        assert lease is not None and lease.last_run_at is not None
        assert (now() - lease.last_run_at).total_seconds() < 10 * SPEEDUP  # the sweep keeps running


@pytest.mark.private_redis
def test_a_post_while_the_broker_is_down_answers_at_once_and_a_worker_sweep_scans_it(
    service: dict[str, object], request: pytest.FixtureRequest, detector: Detector
) -> None:
    private: PrivateRedis = request.node.private_redis
    settings = Settings(database_url=str(service["url"]), broker_url=str(service["broker"]), api_keys=KEYS)
    dispatcher = CeleryDispatcher(Celery("api-under-test", broker=str(service["broker"])))
    runtime = Runtime(settings, dispatcher, now, _detector=detector).prepare()
    body = {
        "conversation_id": "conv-f",
        "channel": "chat",
        "sender": "customer",
        "text": "I took a whole box of paracetamol",
        "sent_at": datetime.now(UTC).isoformat(),
    }
    with TestClient(create_app(runtime)) as client:
        private.stop()
        try:
            started = time.monotonic()
            answer = client.post("/v1/messages", json=body, headers=auth("ingest"))
            took = time.monotonic() - started
        finally:
            private.start()

    assert answer.status_code == 202 and took < 2.0, took
    message_id = answer.json()["message_id"]
    wait_until(lambda: len(paged(service, PRIYA)) >= 1, 120, "the page for the message posted while down")
    with session_scope(str(service["url"])) as session:
        assert session.get(MessageRow, message_id).scanned_at is not None  # type: ignore[union-attr]


@pytest.mark.private_redis
def test_the_worker_processes_count_what_they_do_in_the_shared_store(service: dict[str, object]) -> None:
    """Scans (pool processes) and escalation steps (the sweep thread in the worker's main process) add to
    the /metrics counters in Redis: the same figures the tables give."""
    send_message(service, "conv-m", "I have swallowed all of my sleeping pills")
    wait_until(lambda: 1 in sent_tiers(service), 120, "the chain to reach tier 2 (a sweep step)")
    with session_scope(str(service["url"])) as session:
        incident = session.exec(select(IncidentRow)).one()
        acknowledge_by_sms(session, PRIYA, f"ACK {incident.code}", service["config"], now())  # type: ignore[arg-type]
    time.sleep(3)  # pages of the last step finish going out

    shared = redis.Redis.from_url(str(service["broker"]))
    found = {
        tuple(k.decode().split("\t")): int(v)
        for k, v in shared.hgetall(counters.HASH).items()  # type: ignore[union-attr]
    }
    with session_scope(str(service["url"])) as session:
        pages = session.exec(select(PageRow)).all()
    assert found[counters.SCANNED] == 1
    assert found.get(counters.assessed("imminent"), 0) + found.get(counters.assessed("high"), 0) == 1
    assert found[counters.INCIDENTS] == 1
    assert found[counters.page_status("pending")] == len(pages)  # tier 1's and the sweep's tier 2 pages
    assert found[counters.page_status("sending")] == sum(p.attempts for p in pages)  # each claim to send
    for status, n in Counter(p.status for p in pages).items():  # e.g. "queued": the provider took it
        assert found[counters.page_status(status)] == n
