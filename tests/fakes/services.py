"""Real services of a test's (or the chaos harness's) own: a private redis-server on a free port and the
shipped escalation configuration with short waits and a rota that is the same on every day.

Shared by tests/integration/test_celery_worker.py and bench/chaos.py, which restart this Redis; the
machine's shared Redis is never touched."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import redis
import yaml

from escalation.config_loader import DEFAULT_CONFIG_DIR
from stayline_cli.embedded import free_port

# fast_config pins tier 1 to this responder around the clock (the shipped rota hands over by date).
ON_CALL = "Priya Natarajan"
ON_CALL_NUMBER = "+13125550103"
FAST_WAIT_SECONDS = 30  # the shortest wait the configuration allows


NO_PERSISTENCE = ("--save", "", "--appendonly", "no")


class RedisServerMissing(RuntimeError):
    pass


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class PrivateRedis:
    """A redis-server on a free port, without persistence: stop() kills it (its queues are lost, as in a
    crash) and start() brings it back empty on the same port."""

    def __init__(self, workdir: Path) -> None:
        if shutil.which("redis-server") is None:
            raise RedisServerMissing("redis-server is not installed")
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self._log = (self.workdir / "redis.log").open("ab")  # a killed client or a crash says why there
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), *NO_PERSISTENCE],
            cwd=self.workdir,
            stdout=self._log,
        )
        wait_until(self.up, 30, "the private Redis to start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def up(self) -> bool:
        try:
            return bool(redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1).ping())
        except redis.RedisError:
            return False


def fast_config(target: Path) -> None:
    """``target/escalation``: the shipped configuration with the shortest waits the configuration allows
    (30 s for every tier, no repeats, a 30 s standing alarm) and a primary rota that is ON_CALL on every
    day of the year. Use it as (part of) STAYLINE_CONFIG_DIR."""
    shutil.copytree(DEFAULT_CONFIG_DIR, target / "escalation")
    schedules_file = target / "escalation" / "schedules.yaml"
    schedules = yaml.safe_load(schedules_file.read_text())
    for schedule in schedules["schedules"]:
        if schedule["name"] == "primary":
            schedule["layers"] = [
                {
                    "name": "pinned",
                    "members": [ON_CALL],
                    "handoff": "weekly",
                    "handoff_time": "09:00",
                    "start": "2025-01-06",
                }
            ]
            schedule.pop("overrides", None)
    schedules_file.write_text(yaml.safe_dump(schedules))
    chains_file = target / "escalation" / "chains.yaml"
    chains = yaml.safe_load(chains_file.read_text())
    for chain in chains["chains"]:
        chain["standing_alarm_interval_seconds"] = FAST_WAIT_SECONDS
        for tier in chain["tiers"]:
            tier["ack_timeout_seconds"], tier["repeats"] = FAST_WAIT_SECONDS, 0
    chains_file.write_text(yaml.safe_dump(chains))
