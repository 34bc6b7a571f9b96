"""The load for bench/e2e.py: the message stream, the pollers that time it, and /metrics readings."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import httpx

ORDINARY = (
    "hi, my parcel still hasn't arrived, order 000-4471",
    "can you reset my password please",
    "ok thanks, that's everything",
    "this is the third time the internet dropped today",
    "I want to cancel my subscription",
    "my phone died so I couldn't call back",
    "lol this queue is killing me",
    "I'm going to LA on the 14th, can I change the booking",
    "the app keeps crashing when I open my statement",
    "could you send me a copy of last month's invoice?",
    "I was charged twice for the same order",
    "my boss will kill me if this doesn't arrive by friday",
)
CRISIS = (
    "I have swallowed all of my sleeping pills",
    "the rope is ready and I am doing it tonight",
    "I keep thinking about how I would end my life",
    "I took a whole box of paracetamol",
    "I've just swallowed the whole bottle of pills",
)
Kind = Literal["ordinary", "sampled", "crisis"]


@dataclass(frozen=True)
class Job:
    conversation_id: str
    text: str
    kind: Kind


@dataclass(frozen=True)
class Sent:
    job: Job
    started: float  # time.monotonic() as the POST went out
    status: int  # 0: no HTTP answer
    message_id: str | None
    answered: float  # time.monotonic() when the answer (or the failure) came back


@dataclass
class Results:
    sent: list[Sent] = field(default_factory=list)
    assessment_latency: list[float] = field(default_factory=list)
    api_page_latency: list[float] = field(default_factory=list)
    incident_of: dict[str, tuple[str, float]] = field(default_factory=dict)  # message id -> incident, sent
    scanned: list[tuple[float, int, int]] = field(default_factory=list)  # (monotonic, scanned, unscanned)
    send_started: float = 0.0
    send_ended: float = 0.0
    drain_ended: float = 0.0
    client_cpu_seconds: float = 0.0  # this process while sending (load, pollers, fake Twilio)


def workload(count: int, crisis_every: int, sample_every: int, conversations: int) -> list[Job]:
    run = uuid.uuid4().hex[:8]  # conversation ids never collide with an earlier run's on a kept database
    jobs: list[Job] = []
    for i in range(count):
        if crisis_every and i % crisis_every == crisis_every // 2:
            jobs.append(Job(f"bench-{run}-crisis-{i}", CRISIS[i % len(CRISIS)], "crisis"))
        elif sample_every and i % sample_every == 0:
            jobs.append(Job(f"bench-{run}-sample-{i}", ORDINARY[i % len(ORDINARY)], "sampled"))
        else:
            jobs.append(Job(f"bench-{run}-c{i % conversations}", ORDINARY[i % len(ORDINARY)], "ordinary"))
    return jobs


def message_body(job: Job) -> dict[str, str]:
    return {
        "conversation_id": job.conversation_id,
        "channel": "chat",
        "sender": "customer",
        "text": job.text,
        "sent_at": datetime.now(UTC).isoformat(),
    }


def poll_interval(waited: float) -> float:
    return min(1.0, max(0.01, waited / 10))


async def conversation(client: httpx.AsyncClient, conversation_id: str) -> dict[str, Any] | None:
    try:
        response = await client.get(f"/v1/conversations/{conversation_id}")
    except httpx.HTTPError:
        return None
    return response.json() if response.status_code == 200 else None


async def watch_assessment(client: httpx.AsyncClient, sent: Sent, deadline: float, out: Results) -> None:
    while time.monotonic() < deadline:
        state = await conversation(client, sent.job.conversation_id)
        if state and any(e["message_id"] == sent.message_id for e in state["evidence"]):
            out.assessment_latency.append(time.monotonic() - sent.started)
            return
        await asyncio.sleep(poll_interval(time.monotonic() - sent.started))


async def watch_crisis(client: httpx.AsyncClient, sent: Sent, deadline: float, out: Results) -> None:
    """Until the API shows the incident and one of its pages as sent; notes the incident for Twilio."""
    while time.monotonic() < deadline:
        state = await conversation(client, sent.job.conversation_id)
        incident = state.get("incident") if state else None
        if incident and sent.message_id:
            out.incident_of[sent.message_id] = (incident["id"], sent.started)
            if any(page["sent_at"] for page in incident["pages"]):
                out.api_page_latency.append(time.monotonic() - sent.started)
                return
        await asyncio.sleep(poll_interval(time.monotonic() - sent.started))


async def post_one(client: httpx.AsyncClient, job: Job, slots: asyncio.Semaphore) -> Sent:
    started = time.monotonic()
    try:
        response = await client.post("/v1/messages", json=message_body(job))
        status = response.status_code
        message_id = response.json().get("message_id") if status == 202 else None
    except httpx.HTTPError:
        status, message_id = 0, None
    finally:
        slots.release()
    return Sent(job, started, status, message_id, time.monotonic())


async def post_batch(client: httpx.AsyncClient, jobs: list[Job], slots: asyncio.Semaphore) -> list[Sent]:
    """Several messages in one ``POST /v1/messages/batch``; each accepted item counts as a 202."""
    started = time.monotonic()
    try:
        response = await client.post("/v1/messages/batch", json=[message_body(job) for job in jobs])
        results = response.json().get("results", []) if response.status_code == 200 else []
        answers = [
            (202, r["message_id"]) if r.get("status") == "accepted" else (response.status_code, None)
            for r in results
        ] or [(response.status_code, None)] * len(jobs)
    except httpx.HTTPError:
        answers = [(0, None)] * len(jobs)
    finally:
        slots.release()
    answered = time.monotonic()
    pairs = zip(jobs, answers, strict=True)
    return [Sent(job, started, status, mid, answered) for job, (status, mid) in pairs]


async def send_all(
    client: httpx.AsyncClient, jobs: list[Job], args: argparse.Namespace, on_sent: Any
) -> list[Sent]:
    """Offer ``jobs`` at ``args.rate`` per second (0: as fast as the clients go) until the time is up."""
    slots = asyncio.Semaphore(args.clients)
    start = time.monotonic()
    stop_at = start + args.seconds
    size = max(1, getattr(args, "batch", 1))
    tasks: list[asyncio.Task[list[Sent]]] = []

    async def single(job: Job) -> list[Sent]:
        return [await post_one(client, job, slots)]

    def each(task: asyncio.Task[list[Sent]]) -> None:
        for sent in task.result():
            on_sent(sent)

    for i in range(0, len(jobs), size):
        if args.rate > 0 and (delay := start + i / args.rate - time.monotonic()) > 0:
            await asyncio.sleep(delay)
        await slots.acquire()
        if time.monotonic() >= stop_at:
            slots.release()
            break
        chunk = jobs[i : i + size]
        task = asyncio.create_task(post_batch(client, chunk, slots) if size > 1 else single(chunk[0]))
        task.add_done_callback(each)
        tasks.append(task)
    return [sent for batch in await asyncio.gather(*tasks) for sent in batch]


def metric(text: str, name: str) -> int:
    for line in text.splitlines():
        if line.startswith(name + " "):
            return int(float(line.split()[1]))
    return 0


async def read_metrics(client: httpx.AsyncClient, out: Results, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            text = (await client.get("/metrics")).text
            scanned = metric(text, "stayline_messages_scanned_total")
            out.scanned.append((time.monotonic(), scanned, metric(text, "stayline_messages_unscanned")))
        except httpx.HTTPError:
            pass
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


async def drive(base_url: str, headers: dict[str, str], jobs: list[Job], args: argparse.Namespace) -> Results:
    out = Results()
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with (
        httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, timeout=30) as senders,
        httpx.AsyncClient(base_url=base_url, headers=headers, timeout=30) as pollers,
    ):
        stop = asyncio.Event()
        metrics = asyncio.create_task(read_metrics(pollers, out, stop))
        await asyncio.sleep(0.6)  # a first reading before any message
        watchers: list[asyncio.Task[None]] = []
        deadline = time.monotonic() + args.seconds + args.drain_seconds

        def on_sent(sent: Sent) -> None:
            if sent.message_id and sent.job.kind != "ordinary":
                watch = watch_crisis if sent.job.kind == "crisis" else watch_assessment
                watchers.append(asyncio.create_task(watch(pollers, sent, deadline, out)))

        cpu_started = time.process_time()
        out.send_started = time.monotonic()
        out.sent = await send_all(senders, jobs, args, on_sent)
        out.send_ended = time.monotonic()
        out.client_cpu_seconds = time.process_time() - cpu_started
        await drain(out, watchers, deadline)
        stop.set()
        await metrics
    return out


async def drain(out: Results, watchers: list[asyncio.Task[None]], deadline: float) -> None:
    accepted = sum(1 for s in out.sent if s.status == 202)
    baseline = out.scanned[0][1] if out.scanned else 0
    while time.monotonic() < deadline:
        scanned = out.scanned[-1][1] - baseline if out.scanned else 0
        if scanned >= accepted and all(w.done() for w in watchers):
            break
        await asyncio.sleep(0.2)
    out.drain_ended = time.monotonic()
    for watcher in watchers:
        watcher.cancel()
    await asyncio.gather(*watchers, return_exceptions=True)
