"""What bench/scale.py measures against a running ``stayline serve``: scrape time, idle streams' cost
(database transactions per second, the server process's CPU) and event delivery latency."""

from __future__ import annotations

import asyncio
import os
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import psycopg

from store import repository
from store.db import session_scope

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of one process (all its threads), from /proc."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def commits(admin_conninfo: str, database: str) -> int:
    """Committed transactions in ``database`` (read from another database, so this read is not counted)."""
    with psycopg.connect(admin_conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_stat_clear_snapshot()")
        row = conn.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = %s", (database,)
        ).fetchone()
    return int(row[0]) if row else 0


def scrape_ms(base: str, times: int = 20) -> tuple[float, float]:
    """Median and worst ``GET /metrics`` in milliseconds (after one warm-up)."""
    took: list[float] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        client.get("/metrics").raise_for_status()
        for _ in range(times):
            started = time.perf_counter()
            client.get("/metrics").raise_for_status()
            took.append((time.perf_counter() - started) * 1000)
    return statistics.median(took), max(took)


@dataclass
class Streams:
    """``count`` open ``/v1/events`` streams read by one asyncio loop in a thread of this process."""

    base: str
    key: str
    count: int
    received: dict[int, list[float]] = field(default_factory=dict)  # marker -> arrival times
    opened: int = 0
    _loop: asyncio.AbstractEventLoop | None = None
    _stop: asyncio.Event | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __enter__(self) -> Streams:
        ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main(ready)), daemon=True)
        self._thread.start()
        assert ready.wait(120), f"only {self.opened} of {self.count} streams opened"
        return self

    def __exit__(self, *_: object) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout=30)

    async def _main(self, ready: threading.Event) -> None:
        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
        timeout = httpx.Timeout(60.0, connect=30.0)
        async with httpx.AsyncClient(base_url=self.base, limits=limits, timeout=timeout) as client:
            tasks = [asyncio.create_task(self._read(client, ready)) for _ in range(self.count)]
            if not tasks:
                ready.set()
            await self._stop.wait()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _read(self, client: httpx.AsyncClient, ready: threading.Event) -> None:
        headers = {"Authorization": f"Bearer {self.key}"}
        async with client.stream("GET", "/v1/events", headers=headers) as response:
            first = True
            async for line in response.aiter_lines():
                if first:
                    first = False
                    with self._lock:
                        self.opened += 1
                        if self.opened == self.count:
                            ready.set()
                if line.startswith("data:") and '"attempt"' in line:
                    marker = int(line.rsplit('"attempt": ', 1)[1].split(",")[0].split("}")[0])
                    now = time.monotonic()
                    with self._lock:
                        self.received.setdefault(marker, []).append(now)


def idle_cost(
    pid: int, seconds: float, admin_conninfo: str, database: str
) -> tuple[float, float]:  # fmt: skip
    """Transactions per second in the database and the server's CPU (% of one core) over ``seconds``."""
    tx0, cpu0, t0 = commits(admin_conninfo, database), cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    tx1, cpu1, t1 = commits(admin_conninfo, database), cpu_seconds(pid), time.monotonic()
    return (tx1 - tx0) / (t1 - t0), 100 * (cpu1 - cpu0) / (t1 - t0)


def delivery_latency(
    url: str, streams: Streams, events: int, gap: float, wait: Callable[[], None] = lambda: None
) -> tuple[float, float, int]:
    """Writes ``events`` audit rows (one transaction each, as a flag does) and returns the p50 and p99 of
    write started -> arrival at every stream, in ms, and how many deliveries were missing."""
    committed: dict[int, float] = {}
    for marker in range(events):
        committed[marker] = time.monotonic()  # before the write: the figure includes the commit itself
        with session_scope(url) as session:
            repository.audit(session, "agent:bench", "conversation_flagged", conversation_id="bench-lat",
                             attempt=marker)  # fmt: skip
        time.sleep(gap)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with streams._lock:
            done = sum(len(v) for v in streams.received.values())
        if done >= events * streams.count:
            break
        time.sleep(0.1)
    wait()
    with streams._lock:
        late = [
            (arrived - committed[marker]) * 1000
            for marker, arrivals in streams.received.items()
            for arrived in arrivals
        ]
    late.sort()
    missing = events * streams.count - len(late)
    if not late:
        return float("nan"), float("nan"), missing
    p99 = late[min(len(late) - 1, int(len(late) * 0.99))]
    return statistics.median(late), p99, missing
