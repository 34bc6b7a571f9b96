"""The processes bench/e2e.py starts: the embedded service, or serve + worker + beat (production).

Both page the fake Twilio: ``notifiers.yaml`` in a temporary STAYLINE_CONFIG_DIR points the sms and
voice notifiers at it and its status callbacks at the service's own ``/twilio/status``. The escalation
configuration is the shipped one (the temporary directory has no ``escalation/``).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import yaml

from stayline_cli.embedded import ServiceProcess, free_port, log_tail, stayline_command
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN

STARTUP_TIMEOUT_SECONDS = 180.0
STOP_TIMEOUT_SECONDS = 20.0


def notable_tail(path: Path, lines: int = 12, width: int = 400) -> str:
    """The last lines of a service log that are not INFO: Celery's own shutdown notices (printed, not
    logged), warnings and errors. A plain tail of a busy worker is all "message scanned"."""
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    notable = [line[:width] for line in text if '"level": "INFO"' not in line]
    return "\n".join(notable[-lines:]) or "(none)"


@dataclass(frozen=True)
class ServicesConfig:
    production: bool
    workdir: Path
    twilio_url: str
    worker_concurrency: int = 2
    workers: int = 1  # `stayline worker` processes (production): "worker", "worker-2", ...
    extra_env: Mapping[str, str] = field(default_factory=dict)  # set last, over everything else
    worker_command: Callable[..., list[str]] = stayline_command  # bench/chaos.py: its own bootstrap


class Services:
    """Use as a context manager: starts everything, and stops it (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, config: ServicesConfig) -> None:
        self.config = config
        self.port = free_port()
        self.api_key = secrets.token_urlsafe(24)
        self.serve = ServiceProcess(self.env(), self.port, config.workdir / "serve.log")
        self.others: dict[str, subprocess.Popen[bytes]] = {}
        self._logs: list[IO[bytes]] = []

    @property
    def url(self) -> str:
        return self.serve.url

    def pids(self) -> dict[str, int]:
        """The service's processes by name (serve, worker, beat), for the profiler."""
        serve = self.serve._process
        pids = {"serve": serve.pid} if serve is not None else {}
        return pids | {name: process.pid for name, process in self.others.items() if name != "beat"}

    def describe(self) -> str:
        if not self.config.production:
            return "embedded (stayline serve: API + in-process worker and sweep, SQLite)"
        workers = f"stayline worker --concurrency {self.config.worker_concurrency}"
        if self.config.workers > 1:
            workers = f"{self.config.workers} x {workers}"
        return f"production (stayline serve + {workers} + stayline beat)"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("STAYLINE_CLOCK_")}
        env.update(
            PYTHONUNBUFFERED="1",
            STAYLINE_CONFIG_DIR=str(self.config.workdir),
            STAYLINE_TWILIO_AUTH_TOKEN=AUTH_TOKEN,
            STAYLINE_PUBLIC_URL=f"http://127.0.0.1:{self.port}",
            STAYLINE_API_KEYS=json.dumps({self.api_key: "admin"}),
            STAYLINE_RATE_PER_MINUTE="100000000",  # the bench is one caller offering the whole load
        )
        if not self.config.production:
            env.update(
                STAYLINE_DATABASE_URL=f"sqlite:///{self.config.workdir / 'bench.db'}", STAYLINE_BROKER_URL=""
            )
        env.update(self.config.extra_env)
        return env

    def write_notifiers(self) -> None:
        base = f"http://127.0.0.1:{self.port}"
        common = {
            "account_sid": ACCOUNT_SID,
            "auth_token_env": "STAYLINE_TWILIO_AUTH_TOKEN",
            "from_number": "+12025550100",
            "api_base_url": self.config.twilio_url,
            "status_callback_url": f"{base}/twilio/status",
        }
        notifiers = {
            "sms": {"type": "twilio_sms", **common},
            "voice": {"type": "twilio_voice", "gather_url": f"{base}/twilio/voice", **common},
            "webhook": {"type": "console"},
            "console": {"type": "console"},
        }
        (self.config.workdir / "notifiers.yaml").write_text(yaml.safe_dump(notifiers))

    def start(self) -> Services:
        self.write_notifiers()
        # serve migrates the database before it answers; worker and beat start on the migrated schema.
        self.serve.start()
        self.serve.wait_ready(STARTUP_TIMEOUT_SECONDS)
        if self.config.production:
            for name in self.worker_names:
                self.start_worker(name)
            self.start_beat()
        return self

    @property
    def worker_names(self) -> list[str]:
        return ["worker"] + [f"worker-{n}" for n in range(2, self.config.workers + 1)]

    def start_worker(self, name: str) -> None:
        concurrency = str(self.config.worker_concurrency)
        self._start(name, self.config.worker_command("worker", "--concurrency", concurrency))

    def start_beat(self) -> None:
        self._start("beat", stayline_command("beat"))

    def _start(self, name: str, command: list[str]) -> None:
        log = (self.config.workdir / f"{name}.log").open("ab")
        self._logs.append(log)
        self.others[name] = subprocess.Popen(
            command,
            env=self.env(),
            cwd=self.config.workdir,  # beat keeps its schedule file in the working directory
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a group of its own: kill() ends its pool children with it
        )

    def kill(self, name: str) -> None:
        """SIGKILL the process and everything it started (a worker's pool and deadline children), as an
        out-of-memory kill or a lost container would; nothing gets to clean up."""
        process = self.others.pop(name)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_SECONDS)

    def restart_serve(self) -> None:
        """SIGKILL the API and start it again on the same port (until it answers /healthz)."""
        self.serve.kill()
        self.serve = ServiceProcess(self.env(), self.port, self.config.workdir / "serve.log")
        self.serve.start()
        self.serve.wait_ready(STARTUP_TIMEOUT_SECONDS)

    def check_alive(self) -> None:
        for name, process in self.others.items():
            if process.poll() is not None:
                log = self.config.workdir / f"{name}.log"
                raise RuntimeError(
                    f"stayline {name} exited ({process.returncode}). Its last warnings and non-JSON lines "
                    f"(why it stopped):\n{notable_tail(log)}\nIts last lines:\n{log_tail(log, 6)}"
                )

    def stop(self) -> None:
        for process in self.others.values():
            process.terminate()
        for process in self.others.values():
            try:
                process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
            with contextlib.suppress(ProcessLookupError):  # whatever of its group outlived it
                os.killpg(process.pid, signal.SIGKILL)
        self.serve.stop()
        for log in self._logs:
            log.close()

    def __enter__(self) -> Services:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()
