"""Rate limits and failed-authentication limits shared through Redis: two API instances (as two
processes or hosts would be) sharing one private redis-server count against one limit; with Redis
down, intake is never refused and failed authentication is limited per process."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from api.auth_limits import InMemoryFailureLimiter, RedisFailureLimiter
from api.limits import RateLimiter, RedisRateLimiter
from detector import Detector
from tests.api.conftest import CRISIS, Harness, TestClient, harness_for
from tests.fakes.services import PrivateRedis


@pytest.fixture
def two_apis(
    sqlite_url: str, detector: Detector, private_redis: PrivateRedis
) -> Iterator[Callable[..., tuple[Harness, Harness]]]:
    """Two API instances over one database and one Redis, each with its own limiters."""
    with ExitStack() as stack:

        def make(**settings: Any) -> tuple[Harness, Harness]:
            options = {"broker_url": private_redis.url} | settings
            first = stack.enter_context(harness_for(sqlite_url, detector, **options))
            second = stack.enter_context(harness_for(sqlite_url, detector, **options))
            return first, second

        yield make


def incidents(client: TestClient, key: str) -> int:
    return client.get("/v1/incidents", headers={"Authorization": f"Bearer {key}"}).status_code


def test_a_broker_in_redis_gives_shared_limiters_and_none_keeps_them_in_memory(
    two_apis: Callable[..., tuple[Harness, Harness]], make_api: Callable[..., Harness]
) -> None:
    shared, _ = two_apis()
    local = make_api()
    assert isinstance(shared.client.app.state.context.limiter, RedisRateLimiter)  # type: ignore[attr-defined]
    assert isinstance(shared.client.app.state.context.auth_failures, RedisFailureLimiter)  # type: ignore[attr-defined]
    assert isinstance(local.client.app.state.context.limiter, RateLimiter)  # type: ignore[attr-defined]
    assert isinstance(local.client.app.state.context.auth_failures, InMemoryFailureLimiter)  # type: ignore[attr-defined]


def test_two_api_instances_share_one_rate_limit(two_apis: Callable[..., tuple[Harness, Harness]]) -> None:
    first, second = two_apis(rate_per_minute=3)

    answers = [api.post_message(f"hello {n}").status_code for n, api in enumerate([first, second] * 3)]

    assert answers == [202, 202, 202, 429, 429, 429]  # 3 in all, not 3 each
    refused = second.post_message("one more")
    assert refused.json()["error"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    # The next minute starts a new window for both.
    first.clock.advance(60)
    second.clock.advance(60)
    assert [api.post_message("later").status_code for api in (second, first)] == [202, 202]


def test_callers_are_limited_separately(two_apis: Callable[..., tuple[Harness, Harness]]) -> None:
    first, second = two_apis(rate_per_minute=1)
    assert first.post_message("a").status_code == 202
    assert second.post_message("b").status_code == 429
    assert second.post_message("c", role="admin").status_code == 202  # another key, its own budget


def test_intake_is_never_refused_while_redis_is_down(
    two_apis: Callable[..., tuple[Harness, Harness]],
    private_redis: PrivateRedis,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, _ = two_apis(rate_per_minute=1)
    private_redis.stop()

    with caplog.at_level(logging.WARNING):
        answers = [first.post_message(CRISIS).status_code for _ in range(3)]

    assert answers == [202, 202, 202]
    warnings = [r for r in caplog.records if "rate limit store unreachable" in r.getMessage()]
    assert len(warnings) == 1  # throttled, not one per request
    assert "tablets" not in caplog.text


def test_failed_authentication_counts_across_instances(
    two_apis: Callable[..., tuple[Harness, Harness]],
) -> None:
    first, second = two_apis(auth_failures_per_address=3)
    guesser_a = TestClient(first.client.app, client=("192.0.2.7", 4000))
    guesser_b = TestClient(second.client.app, client=("192.0.2.7", 4001))
    elsewhere = TestClient(second.client.app, client=("198.51.100.9", 4000))

    answers = [incidents(guesser, f"guess-{n}") for n, guesser in enumerate([guesser_a, guesser_b] * 2)]

    assert answers == [401, 401, 401, 429]  # three failures in all trip the budget, not three each
    assert incidents(guesser_b, "agent-key") == 429  # the other instance refuses even the right key
    assert incidents(elsewhere, "agent-key") == 200
    first.clock.advance(301)
    second.clock.advance(301)
    assert incidents(guesser_b, "agent-key") == 200  # the window moved on


def test_failed_authentication_is_limited_per_instance_while_redis_is_down(
    two_apis: Callable[..., tuple[Harness, Harness]],
    private_redis: PrivateRedis,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = two_apis(auth_failures_per_address=2)
    private_redis.stop()
    guesser_a = TestClient(first.client.app, client=("192.0.2.7", 4000))
    guesser_b = TestClient(second.client.app, client=("192.0.2.7", 4001))

    with caplog.at_level(logging.WARNING):
        assert [incidents(guesser_a, f"guess-{n}") for n in range(3)] == [401, 401, 429]  # local budget
        assert incidents(guesser_b, "guess-x") == 401  # the other instance has its own count now
        assert incidents(TestClient(second.client.app, client=("198.51.100.9", 1)), "agent-key") == 200

    assert any("failed-authentication store unreachable" in r.getMessage() for r in caplog.records)
