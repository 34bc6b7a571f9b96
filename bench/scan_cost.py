"""What one message costs in one process, on the database you name: storing it through the batch door's use
case (``accept_turns``, 50 a call) and scanning it through the worker's (``scan_message``, claims of
SCAN_BATCH). No HTTP, no broker, no other process: the figures move far less between runs than the end-to-end
bench's on a shared machine (docs/scale.md).

Run (from the repository root, on an empty database of its own; the bench writes to it and leaves it):
    createdb -h 127.0.0.1 -U postgres stayline_scan_cost
    nice .venv/bin/python bench/scan_cost.py postgresql://postgres@127.0.0.1:5432/stayline_scan_cost \
        [--messages 1280] [--profile store|scan]
    dropdb -h 127.0.0.1 -U postgres stayline_scan_cost

Prints CPU and wall time per message and SQL statements per message for each phase. CPU is this process's:
the detector's forked children (``workers/deadline.py``) are not counted, their wall time is. Ordinary
invented turns, 200 conversations in rotation. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event

# Run as a script, bench/ would shadow the detector package (bench/detector.py): use the repository root.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from config.settings import Settings  # noqa: E402
from store.db import engine_for  # noqa: E402
from workers.intake import Turn, accept_turns  # noqa: E402
from workers.messages import SCAN_BATCH, IncomingMessage, scan_message  # noqa: E402
from workers.runtime import NoDispatch, Runtime  # noqa: E402

TEXTS = (
    "hi, my parcel has not arrived yet",
    "can you check my order please",
    "thanks that helps a lot",
    "i was charged twice this month",
    "what time do you close today",
)
CONVERSATIONS = 200
REQUEST = 50  # turns a batch-door request carries


def turns(run: str, first: int, count: int) -> list[Turn]:
    now = datetime.now(UTC)
    ids = [f"cost-{run}-c{(first + i) % CONVERSATIONS}" for i in range(count)]
    return [Turn(IncomingMessage(ids[i], "chat", "customer", TEXTS[i % 5], now)) for i in range(count)]


def measured(name: str, count: int, statements: list[int], work: Callable[[], None], profile: bool) -> None:
    profiler = cProfile.Profile() if profile else None
    before, cpu, wall = statements[0], time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    work()
    if profiler:
        profiler.disable()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(
        f"{name}: {count} messages, CPU {1000 * cpu / count:.2f} ms, wall {1000 * wall / count:.2f} ms, "
        f"{(statements[0] - before) / count:.2f} statements a message"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("database_url")
    parser.add_argument("--messages", type=int, default=1280)
    parser.add_argument("--profile", choices=("store", "scan"))
    args = parser.parse_args()
    count = args.messages - args.messages % REQUEST
    runtime = Runtime(settings=Settings(database_url=args.database_url), dispatcher=NoDispatch()).prepare()
    statements = [0]

    def note(*_: object) -> None:
        statements[0] += 1

    event.listen(engine_for(runtime.url), "before_cursor_execute", note)
    run = datetime.now(UTC).strftime("%H%M%S")
    stored: list[str] = []

    def store() -> None:
        for first in range(0, count, REQUEST):
            stored.extend(s.message_id for s in accept_turns(runtime, turns(run, first, REQUEST)))

    def scan() -> None:
        for message_id in stored[::SCAN_BATCH]:  # each scan claims its message and the oldest others
            scan_message(runtime, message_id)

    measured("store (accept_turns)", count, statements, store, args.profile == "store")
    measured("scan (scan_message)", count, statements, scan, args.profile == "scan")


if __name__ == "__main__":
    main()
