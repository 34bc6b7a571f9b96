"""Baseline and figures for bench/e2e.py: printed as numbers and ratios, never asserted."""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

from bench.e2e_load import ORDINARY, Job, Results, message_body, metric
from tests.fakes.twilio_server import FakeTwilio

AIM_RATE = 200.0
AIM_FIRST_PAGE_P99 = 2.0


@dataclass(frozen=True)
class Baseline:
    healthz: list[float]
    accept: list[float]
    inline_scan: list[float]


def timed(call: Any, *args: Any, **kwargs: Any) -> float:
    started = time.perf_counter()
    call(*args, **kwargs).raise_for_status()
    return time.perf_counter() - started


def measure_baseline(client: httpx.Client, rounds: int = 30) -> Baseline:
    """Sequential requests on the idle service: the floor the figures under load are compared with."""
    run = uuid.uuid4().hex[:8]
    healthz, accept, inline = [], [], []
    for i in range(rounds):
        text = ORDINARY[i % len(ORDINARY)]
        queued = message_body(Job(f"bench-baseline-{run}-queued", text, "ordinary"))
        scanned = message_body(Job(f"bench-baseline-{run}-inline", text, "ordinary"))
        healthz.append(timed(client.get, "/healthz"))
        accept.append(timed(client.post, "/v1/messages", json=queued))
        inline.append(timed(client.post, "/v1/messages", params={"wait": "true"}, json=scanned))
    wait_until_scanned(client)
    return Baseline(healthz, accept, inline)


def wait_until_scanned(client: httpx.Client, timeout: float = 60.0) -> None:
    """The baseline's queued messages are scanned before the load starts (they would count as the load's)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and metric(client.get("/metrics").text, "stayline_messages_unscanned"):
        time.sleep(0.2)


def twilio_latencies(twilio: FakeTwilio, results: Results) -> list[float]:
    """Per crisis message: from its POST to the fake Twilio's first request (Messages or Calls) for it."""
    first: dict[str, float] = {}
    for request in twilio.requests:
        if request.method != "POST":
            continue
        key = parse_qs(urlsplit(request.param("StatusCallback") or "").query).get("page", [""])[0]
        incident = unquote(key.split("/")[0])
        first[incident] = min(first.get(incident, request.at), request.at)
    return [first[i] - sent for i, sent in results.incident_of.values() if i in first]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def latency_line(name: str, values: list[float], wanted: int, floor: tuple[float, str] | None = None) -> str:
    if not values:
        return f"{name}: no reading (0 of {wanted})"
    p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
    line = f"{name} (n={len(values)} of {wanted}): p50 {ms(p50)}  p99 {ms(p99)}  max {ms(max(values))}"
    if floor:
        line += f"  = {p50 / floor[0]:.1f}x / {p99 / floor[0]:.1f}x the idle {floor[1]} p50"
    return line


def scanned_figures(results: Results, accepted: int) -> tuple[int, float, float, int]:
    """(scanned, seconds to scan them all or until the end, scanned during sending, largest backlog)."""
    if not results.scanned:
        return 0, float("nan"), 0.0, 0
    start_count = results.scanned[0][1]
    done = next((t for t, n, _ in results.scanned if n - start_count >= accepted), results.scanned[-1][0])
    during = max((n for t, n, _ in results.scanned if t <= results.send_ended), default=start_count)
    scanned = results.scanned[-1][1] - start_count
    backlog = max(u for _, _, u in results.scanned)
    return scanned, done - results.send_started, (during - start_count), backlog


def report(results: Results, baseline: Baseline, twilio: FakeTwilio | None, args: argparse.Namespace) -> None:
    statuses = Counter(s.status for s in results.sent)
    accepted = statuses.pop(202, 0)
    sending = results.send_ended - results.send_started
    accepted_rate = accepted / sending if sending else 0.0
    offered = f"{args.rate:g}/s" if args.rate else "as fast as possible"
    print(f"sent {len(results.sent)} messages in {sending:.1f} s (offered {offered}, {args.clients} clients)")
    if getattr(args, "batch", 1) > 1:
        print(f"  through the batch door, {args.batch} messages a request; latencies below are per request")
    print(
        f"  accepted {accepted} (202), other answers {dict(statuses) or 'none'}; "
        f"accepted {accepted_rate:.0f}/s = {accepted_rate / AIM_RATE:.2f}x the aim ({AIM_RATE:.0f}/s)"
    )
    client_share = results.client_cpu_seconds / sending if sending else 0.0
    print(f"  the bench process itself used {client_share:.0%} of one core while sending")
    scanned, scan_seconds, during, backlog = scanned_figures(results, accepted)
    scan_rate = scanned / scan_seconds if scan_seconds else 0.0
    print(
        f"  scanned {scanned} of {accepted} in {scan_seconds:.1f} s: {scan_rate:.0f}/s overall "
        f"= {scan_rate / AIM_RATE:.2f}x the aim; {during / sending if sending else 0:.0f}/s while sending; "
        f"largest backlog {backlog} unscanned"
    )
    floor = statistics.median(baseline.inline_scan)
    print(
        f"baseline (idle, sequential, p50): GET /healthz {ms(statistics.median(baseline.healthz))}; "
        f"POST -> 202 {ms(statistics.median(baseline.accept))}; POST ?wait=true (inline scan) {ms(floor)}"
    )
    answers = [s.answered - s.started for s in results.sent if s.status == 202]
    accept_floor = (statistics.median(baseline.accept), "POST -> 202")
    print(latency_line("POST -> 202 under load", answers, len(results.sent), accept_floor))
    sampled = sum(1 for s in results.sent if s.job.kind == "sampled" and s.message_id)
    assessed = results.assessment_latency
    print(latency_line("message -> assessment (polled)", assessed, sampled, (floor, "inline scan")))
    crises = sum(1 for s in results.sent if s.job.kind == "crisis" and s.message_id)
    if twilio is not None:
        firsts = twilio_latencies(twilio, results)
        kinds = Counter(
            r.path.split("/")[-1].removesuffix(".json") for r in twilio.requests if r.method == "POST"
        )
        print(f"fake Twilio received {sum(kinds.values())} requests: {dict(kinds)}")
        print(latency_line("crisis -> first page request at Twilio", firsts, crises))
        if firsts:
            print(f"  p99 = {percentile(firsts, 0.99) / AIM_FIRST_PAGE_P99:.2f}x the aim (<= 2 s)")
    print(
        latency_line("crisis -> a page shown as sent by the API (polled)", results.api_page_latency, crises)
    )
