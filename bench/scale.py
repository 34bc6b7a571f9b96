"""Issue 16's scale bench: the same figures on an empty database and on one seeded with a contact centre's
volume (1,000,000 messages in 100,000 conversations, 10,000 incidents and their audit trail), in one run.

    .venv/bin/python bench/scale.py                 # full size, a few minutes on 2 cores
    .venv/bin/python bench/scale.py --messages 100000 --conversations 10000 --incidents 1000   # quick

Needs PostgreSQL on 127.0.0.1:5432 with trust auth for ``postgres`` (it creates and drops a database
``stayline_scale_<pid>`` for each phase) and ``redis-server`` (a private one on a free port). Prints a
Markdown table (docs/scale.md keeps a copy) and, with ``--explain``, the plans of the hot-path queries on
the seeded database. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scale_explain import explain_hot_paths
from bench.scale_measure import Streams, delivery_latency, idle_cost, scrape_ms
from bench.scale_seed import Shape, seed
from stayline_cli.embedded import ServiceProcess, free_port
from store.db import close_engine, migrate
from tests.fakes.services import PrivateRedis

ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
AGENT_KEY = "bench-agent-key"
STREAM_COUNTS = (0, 100, 500)


def machine() -> str:
    model = "unknown CPU"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as info:
        model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), model)
    with psycopg.connect(ADMIN) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return (
        f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, PostgreSQL {row and row[0]}"
    )


@contextlib.contextmanager
def database(name: str) -> Iterator[str]:
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    try:
        migrate(url)
        yield url
    finally:
        close_engine(url)
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextlib.contextmanager
def serve(url: str, redis_url: str, workdir: Path, rate: int = 0) -> Iterator[ServiceProcess]:
    env = os.environ | {
        "STAYLINE_DATABASE_URL": url,
        "STAYLINE_BROKER_URL": redis_url,
        "STAYLINE_API_KEYS": f'{{"{AGENT_KEY}": {{"role": "agent", "person": "Bench Agent"}}}}',
        "STAYLINE_RATE_PER_MINUTE": str(rate),
        "STAYLINE_LOG_LEVEL": "WARNING",
    }
    process = ServiceProcess(env, free_port(), workdir / f"serve-{free_port()}.log").start()
    try:
        process.wait_ready(180)
        yield process
    finally:
        process.stop()


def phase(label: str, url: str, redis_url: str, workdir: Path, window: float) -> dict[str, str]:
    database_name = url.rsplit("/", 1)[1]
    figures: dict[str, str] = {}
    with serve(url, redis_url, workdir) as api:
        pid = api.pid()
        median, worst = scrape_ms(api.url)
        figures["/metrics scrape, median (worst of 20)"] = f"{median:.1f} ms ({worst:.1f})"
        for count in STREAM_COUNTS:
            with Streams(api.url, AGENT_KEY, count) as streams:
                # The connect burst's queries settle, and PostgreSQL 15 publishes an idle backend's
                # counts within 10 s: without the wait they would land in the idle window.
                time.sleep(11 if count else 1)
                tps, cpu = idle_cost(pid, window, ADMIN, database_name)
                figures[f"{count} idle streams: DB transactions/s"] = f"{tps:.1f}"
                figures[f"{count} idle streams: server CPU (% of a core)"] = f"{cpu:.1f}"
                if count == max(STREAM_COUNTS):
                    p50, p99, missing = delivery_latency(url, streams, events=40, gap=0.1)
                    figures[f"event latency at {count} streams, p50 / p99"] = f"{p50:.0f} / {p99:.0f} ms"
                    figures[f"events lost at {count} streams"] = f"{missing} of {40 * count}"
        print(f"  {label}: done")
    return figures


def shared_limit(url: str, redis_url: str, workdir: Path, limit: int = 30) -> str:
    """Two API processes on one Redis, intake limited to ``limit`` a minute per key: how many of twice
    that, sent alternately to the two, get through (in memory each process would let all of them)."""
    with serve(url, redis_url, workdir, rate=limit) as one, serve(url, redis_url, workdir, rate=limit) as two:
        while time.time() % 60 > 45:  # the window is a wall-clock minute: do not straddle two
            time.sleep(1)
        allowed = 0
        headers = {"Authorization": f"Bearer {AGENT_KEY}"}
        with httpx.Client(timeout=10) as client:
            for i in range(2 * limit):
                base = (one, two)[i % 2].url
                body = {"conversation_id": "bench-limit", "channel": "chat", "sender": "customer",
                        "text": "hello", "sent_at": "2026-01-01T00:00:00+00:00"}  # fmt: skip
                response = client.post(f"{base}/v1/messages", json=body, headers=headers)
                allowed += response.status_code != 429
    return f"{allowed} of {2 * limit} requests allowed with a limit of {limit}/min, alternating processes"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--window", type=float, default=15.0, help="seconds each idle figure is measured")
    parser.add_argument("--explain", action="store_true", help="print the hot-path plans (seeded database)")
    args = parser.parse_args()
    shape = Shape(args.conversations, args.messages, args.incidents)
    print(f"machine: {machine()}")
    results: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="stayline-scale-") as tmp:
        workdir = Path(tmp)
        redis = PrivateRedis(workdir)
        redis.start()
        try:
            with database(f"stayline_scale_{os.getpid()}_empty") as url:
                results["empty"] = phase("empty", url, redis.url, workdir, args.window)
                limit = shared_limit(url, redis.url, workdir)
            with database(f"stayline_scale_{os.getpid()}") as url:
                started = time.monotonic()
                seed(url, shape)
                took = time.monotonic() - started
                label = f"{shape.messages:,} messages"
                print(f"  seeded in {took:.0f} s")
                results[label] = phase(label, url, redis.url, workdir, args.window)
                if args.explain:
                    explain_hot_paths(url)
        finally:
            redis.stop()
    print_table(results, limit)
    return 0


def print_table(results: dict[str, dict[str, str]], limit: str) -> None:
    labels = list(results)
    print("\n| figure | " + " | ".join(labels) + " |")
    print("|---|" + "---|" * len(labels))
    for figure in results[labels[0]]:
        print(f"| {figure} | " + " | ".join(results[label].get(figure, "") for label in labels) + " |")
    print(f"\nrate limit across two API processes: {limit}")


if __name__ == "__main__":
    raise SystemExit(main())
