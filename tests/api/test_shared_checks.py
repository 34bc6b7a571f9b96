"""The failed-authentication check and the rate count of a rate-limited post, in one Redis round trip
(``api.shared_checks``): the same answers as the two calls, against a private redis-server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import redis

from api.auth_limits import RedisFailureLimiter
from api.limits import RedisRateLimiter
from detector import Detector
from tests.api.conftest import Harness, TestClient, harness_for
from tests.fakes.services import PrivateRedis

SENT = "2025-03-04T14:59:00+00:00"


@pytest.fixture
def shared(sqlite_url: str, detector: Detector, private_redis: PrivateRedis) -> Iterator[Harness]:
    options: dict[str, Any] = {"broker_url": private_redis.url, "auth_failures_per_address": 2}
    with harness_for(sqlite_url, detector, rate_per_minute=3, **options) as harness:
        yield harness


def commands(server: PrivateRedis) -> dict[str, int]:
    stats = redis.Redis.from_url(server.url).info("commandstats")
    return {name.removeprefix("cmdstat_"): int(s["calls"]) for name, s in stats.items()}


def post_from(harness: Harness, address: str, key: str) -> Any:
    client = TestClient(harness.client.app, client=(address, 4000))
    body = {"conversation_id": "c", "channel": "chat", "sender": "customer", "text": "hello", "sent_at": SENT}
    return client.post("/v1/messages", json=body, headers={"Authorization": f"Bearer {key}"})


def test_both_limiters_share_one_client_and_a_post_checks_both_in_one_script(
    shared: Harness, private_redis: PrivateRedis
) -> None:
    context = shared.client.app.state.context  # type: ignore[attr-defined]
    assert isinstance(context.limiter, RedisRateLimiter)
    assert isinstance(context.auth_failures, RedisFailureLimiter)
    assert context.limiter.client is context.auth_failures.client
    assert shared.post_message("first").status_code == 202  # loads the script

    before = commands(private_redis)
    assert shared.post_message("second").status_code == 202
    after = commands(private_redis)

    ran = {name: after[name] - before.get(name, 0) for name in after if after[name] != before.get(name, 0)}
    assert ran.get("evalsha") == 1, ran  # the failure check and the count: one round trip
    assert ran.get("incr") == 1 and ran.get("zrange") == 1, ran  # (run inside the script)
    assert "exec" not in ran, ran  # and no MULTI pipeline of their own


def test_a_blocked_address_is_refused_before_its_key_and_its_post_is_not_counted(shared: Harness) -> None:
    assert [post_from(shared, "192.0.2.7", f"guess-{n}").status_code for n in range(2)] == [401, 401]

    refused = post_from(shared, "192.0.2.7", "ingest-key")  # the right key, from a blocked address

    assert refused.status_code == 429
    assert refused.json()["detail"]["reason"] == "too many failed attempts"
    answers = [post_from(shared, "198.51.100.9", "ingest-key").status_code for _ in range(4)]
    assert answers == [202, 202, 202, 429], "the key's budget of 3 is whole: the refused post did not count"
    limited = post_from(shared, "198.51.100.9", "ingest-key")
    assert limited.json()["error"] == "rate_limited" and "retry_after_seconds" in limited.json()["detail"]


def test_a_role_not_admitted_is_refused_and_not_counted(shared: Harness, private_redis: PrivateRedis) -> None:
    assert shared.post_message("hello", role="responder").status_code == 403

    assert not redis.Redis.from_url(private_redis.url).keys("stayline:rate:*")


def test_a_server_refusing_scripts_gets_the_two_calls(
    shared: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = shared.client.app.state.context.limiter.client  # type: ignore[attr-defined]

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise redis.ResponseError("scripting is disabled on this server")

    monkeypatch.setattr(client, "register_script", lambda script: refused)

    assert [shared.post_message(f"hello {n}").status_code for n in range(4)] == [202, 202, 202, 429]
    assert [post_from(shared, "192.0.2.7", f"guess-{n}").status_code for n in range(2)] == [401, 401]
    assert post_from(shared, "192.0.2.7", "admin-key").status_code == 429
