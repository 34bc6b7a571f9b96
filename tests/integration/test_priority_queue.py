"""Crisis-looking messages never queue behind bulk work: the API's pre-screen marks them urgent and the
Celery dispatcher publishes them to the "crisis" queue in real Redis, which workers poll first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery

from tests.integration.test_celery_worker import _private_redis_or_skip
from workers import celery_app
from workers.dispatch import CRISIS_QUEUE, CeleryDispatcher
from workers.prescreen import keyword_assessment, looks_urgent


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A redis-server of the test's own: the machine's Redis is never flushed."""
    private = _private_redis_or_skip(tmp_path)
    private.start()
    try:
        yield private.url
    finally:
        private.stop()


def test_crisis_scans_go_to_the_crisis_queue_in_redis(redis_url: str) -> None:
    app = Celery("stayline-routing-test", broker=redis_url)
    app.conf.update(
        {
            key: celery_app.app.conf[key]
            for key in ("task_default_queue", "task_routes", "broker_transport_options")
        }
    )
    dispatcher = CeleryDispatcher(app)
    text = "i've been saving up my tablets and tonight is the night"
    dispatcher.scan("crisis-message", urgent=looks_urgent(text))
    dispatcher.scan("bulk-message", urgent=looks_urgent("where is my parcel?"))
    dispatcher.scan("bulk-message-2")

    client = redis.Redis.from_url(redis_url)
    assert client.llen(CRISIS_QUEUE) == 1
    assert client.llen("messages") == 2
    assert b"crisis-message" in client.lindex(CRISIS_QUEUE, 0)  # type: ignore[operator]
    app.close()


def test_workers_poll_the_crisis_queue_first() -> None:
    assert celery_app.app.conf.broker_transport_options["queue_order_strategy"] == "priority"
    from stayline_cli.service_commands import worker

    queues = next(p for p in worker.params if p.name == "queues").default
    assert str(queues).split(",")[0] == CRISIS_QUEUE


def test_the_pre_screen_is_cheap_and_bounded() -> None:
    assert looks_urgent("I want to END MY LIFE")
    assert not looks_urgent("please update my billing address")
    assert not looks_urgent("a" * 100_000 + " kill myself"), "only a bounded prefix is read"
    fallback = keyword_assessment("I took all my tablets", "timeout")
    assert fallback.level.label == "high" and "degraded" in fallback.notes[0]
