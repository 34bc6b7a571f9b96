"""End to end over loopback HTTP: a steady stream of ordinary messages with crisis messages mixed in.

Run (from the repository root):
    .venv/bin/python bench/e2e.py [--messages 2000] [--seconds 60] [--rate 200] [--clients 16]
        embedded: starts `stayline serve` on a temporary SQLite file with its in-process worker and sweep
    STAYLINE_DATABASE_URL=postgresql://... STAYLINE_BROKER_URL=redis://... \
        .venv/bin/python bench/e2e.py --production
        starts `stayline serve`, `stayline worker` and `stayline beat` on that database and broker
    .venv/bin/python bench/e2e.py --url http://127.0.0.1:8000 [--api-key KEY]
        drives a service someone else started (its notifiers are its own: pages are timed through the API;
        the bench's conversations, named bench-*, stay in that service's database)

In the first two modes the bench also starts the local fake Twilio (tests/fakes/twilio_server.py) and
points the service's sms and voice notifiers at it through STAYLINE_CONFIG_DIR/notifiers.yaml.

What is measured, and how:
- accepted/s: 202 answers to ``POST /v1/messages`` (no ``?wait``: the asynchronous path channels use)
  over the sending phase. Messages are offered at ``--rate`` per second through ``--clients`` concurrent
  connections (httpx on asyncio); when every connection is busy the sender waits, so a slow service
  shows up as an accepted rate below the offered one.
- scanned/s: ``stayline_messages_scanned_total`` from ``GET /metrics``, read twice a second.
- message -> assessment: one ordinary message in ``--sample-every`` goes to a conversation of its own,
  and ``GET /v1/conversations/{id}`` is polled until its assessment is in the evidence. This times the
  real queued path (``?wait=true`` would time an inline scan in the request and skip the queue). The
  poll interval is a tenth of the time waited so far (10 ms to 1 s), so a reading errs by at most about
  10 % (or 10 ms) on the slow side, and polls stay few when the service falls behind.
- crisis -> first page request: each crisis message opens an incident in a conversation of its own; the
  time runs from sending the POST to the fake Twilio recording the first Messages or Calls request for
  that incident (matched by the page key in the request's StatusCallback URL), both on this process's
  monotonic clock. With --url, the time until the API first shows one of its pages as sent.
- baseline, measured in the same run on the idle service before the load: sequential ``GET /healthz``
  and sequential ``POST /v1/messages?wait=true`` (an inline scan). Latencies under load are also printed as
  ratios of these; throughput and first-page figures as ratios of the aim (200 messages/s, p99 <= 2 s).

Bounded: at most --messages messages, sending stops after --seconds, and the wait for the last scans
and pages after that is at most --drain-seconds. Nothing is asserted: the figures are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import httpx

# Run as a script, bench/ would shadow the detector package (bench/detector.py): use the repository root.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

from bench.e2e_load import ORDINARY, Job, drive, message_body, workload  # noqa: E402
from bench.e2e_profile import Profiler  # noqa: E402
from bench.e2e_report import AIM_RATE, measure_baseline, report  # noqa: E402
from bench.e2e_services import Services, ServicesConfig  # noqa: E402
from tests.fakes.twilio_server import FakeTwilio  # noqa: E402


def warm_up(client: httpx.Client, services: Services | None, timeout: float = 180.0) -> None:
    """One message through the queued path: the worker is up and its detector loaded."""
    job = Job(f"bench-warmup-{uuid.uuid4().hex[:8]}", ORDINARY[0], "sampled")
    response = client.post("/v1/messages", json=message_body(job))
    response.raise_for_status()
    message_id = response.json()["message_id"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if services is not None:
            services.check_alive()
        state = client.get(f"/v1/conversations/{job.conversation_id}").json()
        if any(e["message_id"] == message_id for e in state.get("evidence", [])):
            return
        time.sleep(0.2)
    raise RuntimeError(f"the warm-up message was not scanned within {timeout:.0f} s")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="stayline end to end over loopback HTTP (see the docstring)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--url", help="drive this running service (loopback only) instead of starting one")
    where.add_argument(
        "--production",
        action="store_true",
        help="start serve + worker + beat on STAYLINE_DATABASE_URL and STAYLINE_BROKER_URL",
    )
    parser.add_argument("--api-key", default=os.environ.get("STAYLINE_BENCH_API_KEY"), help="for --url")
    parser.add_argument("--messages", type=int, default=2000, help="at most this many messages")
    parser.add_argument("--seconds", type=float, default=60.0, help="stop sending after this long")
    parser.add_argument("--drain-seconds", type=float, default=30.0, help="then wait at most this long")
    parser.add_argument(
        "--rate", type=float, default=AIM_RATE, help="messages offered per second; 0: flat out"
    )
    parser.add_argument("--clients", type=int, default=16, help="concurrent HTTP connections")
    parser.add_argument(
        "--batch", type=int, default=1, help="messages per POST /v1/messages/batch (1: single posts)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="sample serve and workers with py-spy: where the time goes"
    )
    parser.add_argument("--crisis-every", type=int, default=50, help="one crisis message in this many")
    parser.add_argument("--sample-every", type=int, default=20, help="time one ordinary message in this many")
    parser.add_argument("--conversations", type=int, default=200, help="ordinary conversations in rotation")
    parser.add_argument("--workers", type=int, default=2, help="stayline worker --concurrency (production)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, logs)")
    return parser.parse_args()


def loopback_only(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"bench/e2e.py drives loopback services only, not {host!r}")


def where_data_lives() -> str:
    """The database and broker without credentials."""
    database = urlsplit(os.environ["STAYLINE_DATABASE_URL"])
    broker = urlsplit(os.environ["STAYLINE_BROKER_URL"])
    return (
        f"{database.scheme} at {database.hostname}:{database.port}, broker {broker.scheme} db {broker.path}"
    )


def run(
    url: str,
    headers: dict[str, str],
    services: Services | None,
    twilio: FakeTwilio | None,
    args: argparse.Namespace,
) -> None:
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        warm_up(client, services)
        baseline = measure_baseline(client)
    jobs = workload(args.messages, args.crisis_every, args.sample_every, args.conversations)
    crises = sum(1 for job in jobs if job.kind == "crisis")
    door = f"POST /v1/messages/batch, {args.batch} a request" if args.batch > 1 else "POST /v1/messages"
    print(
        f"door: {door}; workload: up to {len(jobs)} messages for up to {args.seconds:g} s; {crises} crisis "
        f"(1 in {args.crisis_every}), 1 in {args.sample_every} timed"
    )
    profiler = Profiler(services.config.workdir) if services is not None and args.profile else None
    if profiler is not None and services is not None:
        profiler.start(services.pids())
    results = asyncio.run(drive(url, headers, jobs, args))
    if profiler is not None:
        profiler.stop()
    if services is not None:
        services.check_alive()
    report(results, baseline, twilio, args)
    if profiler is not None:
        profiler.report(results.drain_ended - results.send_started)


def main() -> None:
    args = parse_args()
    if args.url:
        loopback_only(args.url)
        print(f"stayline e2e bench against {args.url} (pages timed through the API)")
        run(args.url, {"Authorization": f"Bearer {args.api_key}"} if args.api_key else {}, None, None, args)
        return
    if args.production and not (
        os.environ.get("STAYLINE_DATABASE_URL") and os.environ.get("STAYLINE_BROKER_URL")
    ):
        sys.exit("--production needs STAYLINE_DATABASE_URL and STAYLINE_BROKER_URL")
    workdir = Path(tempfile.mkdtemp(prefix="stayline-bench-"))
    try:
        with FakeTwilio() as twilio:
            config = ServicesConfig(args.production, workdir, twilio.base_url, args.workers)
            with Services(config) as services:
                print(f"stayline e2e bench: {services.describe()} at {services.url}, fake Twilio")
                if args.production:
                    print(f"  {where_data_lives()}")
                run(services.url, {"Authorization": f"Bearer {services.api_key}"}, services, twilio, args)
    finally:
        if args.keep:
            print(f"kept {workdir} (database for the embedded mode, service logs)")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
