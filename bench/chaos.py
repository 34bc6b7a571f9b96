"""The chaos suite: the production shape (PostgreSQL, Redis, `stayline serve`, two `stayline worker`s,
`stayline beat`, the fake Twilio) under a bounded load with crisis conversations, while, in turn:

1. a worker is SIGKILLed with its pool (and started again, as a supervisor would);
2. Redis is killed and started again, empty (its queues are lost);
3. the API is SIGKILLed and started again;
4. beat is killed for two minutes of escalation time;
5. two poison messages are queued (one bulk-looking, one crisis-looking) with crisis messages behind them,
   and the input that used to make the detector backtrack for hours;
6. a crisis message holding NUL characters;
7. concurrent first messages of new conversations.

Then it prints one table (see bench/chaos_report.py) and exits 1 if a requirement fails: 0 lost, 0
duplicate pages, no missed escalation step, every crisis message assessed within 5 s throughout.

Run (from the repository root): ``make chaos``, or ``.venv/bin/python bench/chaos.py [--keep]``.
Needs redis-server (a private one on a free port is started; the machine's Redis is never touched) and
PostgreSQL at STAYLINE_TEST_POSTGRES_URL (default: 127.0.0.1:5432, database `test`), where the run gets a
schema of its own (chaos_<random>), dropped afterwards.

The services run the escalation clock 15x fast (STAYLINE_CLOCK_SPEEDUP) on a chain whose every wait is
30 s (2 s of real time); every other timing (the scan deadline, the 5 s requirement, leases) is real time.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import yaml

_HERE = Path(__file__).resolve().parent
ROOT = _HERE.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from bench.chaos_load import Load, Responder, run_id  # noqa: E402
from bench.chaos_report import Clock, Fault, collect, table  # noqa: E402
from bench.chaos_worker import MARKER_ENV  # noqa: E402
from bench.e2e_load import CRISIS  # noqa: E402
from bench.e2e_services import Services, ServicesConfig  # noqa: E402
from stayline_cli.embedded import log_tail  # noqa: E402
from tests.fakes.services import PrivateRedis, fast_config  # noqa: E402
from tests.fakes.twilio_server import FakeTwilio  # noqa: E402
from tests.integration.conftest import fresh_postgres_schema  # noqa: E402

ACK_AFTER_STEPS = 3  # every tier once (imminent: and a standing alarm), then a paged responder acks


def chaos_worker(*args: str) -> list[str]:
    return [sys.executable, "-m", "bench.chaos_worker", *args]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="stayline chaos suite (see the docstring)")
    parser.add_argument("--speedup", type=float, default=15.0, help="escalation clock speed")
    parser.add_argument("--rate", type=float, default=3.0, help="ordinary messages per second")
    parser.add_argument("--crisis-every", type=float, default=3.0, help="a crisis conversation every N s")
    parser.add_argument("--observe", type=float, default=10.0, help="seconds of load after each fault")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs)")
    return parser.parse_args()


def write_config(workdir: Path) -> None:
    """The fast chain (tests/fakes/services.py), and no reminder within the run: an acknowledged chain
    stays stopped, so every page after an acknowledgement is a fault."""
    fast_config(workdir)
    chains_file = workdir / "escalation" / "chains.yaml"
    chains = yaml.safe_load(chains_file.read_text())
    for chain in chains["chains"]:
        chain["remind_after_ack_seconds"] = 7 * 24 * 3600
    chains_file.write_text(yaml.safe_dump(chains))


def wait_for_log(path: Path, text: str, after: int, timeout: float = 180.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_bytes()[after:].decode(errors="replace"):
            return True
        time.sleep(0.3)
    return False


def log_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


class Run:
    def __init__(
        self, args: argparse.Namespace, services: Services, redis: PrivateRedis, database: str
    ) -> None:
        self.args, self.services, self.redis, self.database = args, services, redis, database
        self.load = Load(services.url, services.api_key, run_id())
        self.faults: list[Fault] = []
        self.marker = services.config.extra_env[MARKER_ENV]

    def probe(self, seconds: float = 6.0) -> threading.Thread:
        thread = threading.Thread(target=self.load.probes, args=(seconds,), daemon=True)
        thread.start()
        return thread

    def fault(self, name: str, started: float) -> None:
        self.faults.append(Fault(name, started, time.time()))
        print(f"  {name}: over after {time.time() - started:.1f} s", flush=True)

    def kill_worker(self) -> None:
        log = self.services.config.workdir / "worker.log"
        size, started = log_size(log), time.time()
        self.services.kill("worker")
        probes = self.probe()
        self.services.start_worker("worker")
        wait_for_log(log, "ready", size)
        self.fault("SIGKILL worker + restart", started)
        probes.join()

    def restart_redis(self) -> None:
        started = time.time()
        self.redis.stop()
        probes = self.probe()
        self.redis.start()
        self.fault("Redis killed + restarted empty", started)
        probes.join()

    def restart_api(self) -> None:
        started = time.time()
        probes = self.probe()
        self.services.restart_serve()
        self.fault("API SIGKILL + restart", started)
        probes.join()

    def kill_beat(self) -> None:
        started = time.time()
        self.services.kill("beat")
        time.sleep(120 / self.args.speedup)
        self.services.start_beat()
        self.fault("beat killed for 120 s of chain time", started)

    def poison(self) -> None:
        started = time.time()
        self.load.post("poison", f"my router keeps dropping the line {self.marker}")
        self.load.post("poison-crisis", f"I want to die tonight {self.marker}")
        self.load.post("adversarial", "n" + "o" * 19_000)  # once a cubic backtrack (issue 11, item 2)
        time.sleep(0.3)
        for i in range(4):
            self.load.post("during-poison", CRISIS[i])
            time.sleep(0.25)
        time.sleep(5)
        self.fault("poison messages queued", started)

    def specials(self) -> None:
        started = time.time()
        self.load.post("nul", "I have swallowed all of my sleeping\x00 pills\x00")
        self.load.concurrent_first_messages(conversations=20, each=5)
        self.fault("NUL message + 100 concurrent first messages", started)

    def go(self) -> None:
        responder = Responder(self.database, self.load, ACK_AFTER_STEPS)
        responder.start()
        stop = threading.Event()
        steady = threading.Thread(
            target=self.load.steady, args=(stop, self.args.rate, self.args.crisis_every)
        )
        steady.start()
        try:
            time.sleep(self.args.observe)
            for step in (self.kill_worker, self.restart_redis, self.restart_api, self.kill_beat, self.poison):
                step()
                time.sleep(self.args.observe)
            self.specials()
            time.sleep(self.args.observe / 2)
        finally:
            stop.set()
            steady.join()
        self.load.drain()
        self.settle()
        responder.stop()

    def settle(self, timeout: float = 30.0) -> None:
        """Until every accepted message is assessed (or ``timeout``), then one chain step more."""
        from sqlmodel import col, func, select

        from store.db import session_scope
        from store.models import AssessmentRow

        ids = [p.message_id for p in self.load.snapshot() if p.message_id]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with session_scope(self.database) as session:
                count = session.exec(
                    select(func.count())
                    .select_from(AssessmentRow)
                    .where(col(AssessmentRow.message_id).in_(ids))
                ).one()
            if count >= len(ids):
                break
            time.sleep(0.5)
        time.sleep(30 / self.args.speedup + 2)


def main() -> int:
    args = parse_args()
    began = time.monotonic()
    os.environ["STAYLINE_REQUIRE_SERVICES"] = "1"  # a missing service is an error here, never a skip
    workdir = Path(tempfile.mkdtemp(prefix="stayline-chaos-"))
    try:
        write_config(workdir)
        redis = PrivateRedis(workdir)
        redis.start()
        try:
            with fresh_postgres_schema("chaos") as database, FakeTwilio() as twilio:
                return run(args, workdir, redis, database, twilio, began)
        finally:
            redis.stop()
    finally:
        if args.keep:
            print(f"kept {workdir} (service logs)")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def run(
    args: argparse.Namespace,
    workdir: Path,
    redis: PrivateRedis,
    database: str,
    twilio: FakeTwilio,
    began: float,
) -> int:
    epoch = datetime.now(UTC)
    config = ServicesConfig(
        production=True,
        workdir=workdir,
        twilio_url=twilio.base_url,
        worker_concurrency=2,
        workers=2,
        worker_command=chaos_worker,
        extra_env={
            "STAYLINE_DATABASE_URL": database,
            "STAYLINE_BROKER_URL": redis.url,
            "STAYLINE_SWEEP_SECONDS": "0.5",
            "STAYLINE_PAGE_BACKOFF_SECONDS": "0.5",
            "STAYLINE_CLOCK_SPEEDUP": str(args.speedup),
            "STAYLINE_CLOCK_EPOCH": epoch.isoformat(),
            "PYTHONPATH": str(ROOT),
            MARKER_ENV: f"zqx-poison-{uuid.uuid4().hex[:8]}",  # invented; read by bench/chaos_worker.py
        },
    )
    with Services(config) as services:
        run_ = Run(args, services, redis, database)
        for name in services.worker_names:
            wait_for_log(workdir / f"{name}.log", "ready", 0)
        print(f"stayline chaos: {services.describe()}; private Redis on :{redis.port}; ", end="")
        print(f"PostgreSQL schema {database.rsplit('%3D', 1)[-1]}; chain clock x{args.speedup:g}", flush=True)
        mono_to_wall = time.time() - time.monotonic()
        run_.go()
        try:
            services.check_alive()
        except RuntimeError:
            print(
                f"private Redis up: {redis.up()}; its log:\n{log_tail(workdir / 'redis.log', 20)}", flush=True
            )
            raise
        facts = collect(database, run_.load.snapshot(), twilio, Clock(epoch, args.speedup), mono_to_wall)
    if args.keep:
        with (workdir / "facts.pickle").open("wb") as kept:
            pickle.dump((facts, run_.faults), kept)  # to render the table again: bench/chaos_report.py
    result = table(facts, run_.faults)
    print(result.render())
    took = time.monotonic() - began
    verdict = "PASS" if not result.failures else "FAIL"
    print(f"{verdict} in {took:.0f} s" + "".join(f"\n  failed: {f}" for f in result.failures))
    return 0 if not result.failures else 1


if __name__ == "__main__":
    sys.exit(main())
