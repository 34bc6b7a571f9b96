"""The chaos harness's traffic: a bounded steady load with crisis conversations, probes after each fault,
special messages (poison, NUL, the formerly cubic input, concurrent first messages), and a responder who
acknowledges each incident once its chain has taken a few steps (so open chains stay few on a small
machine, and the acknowledgement path is exercised while the faults happen).

A POST that gets no answer (the API is down) or a 5xx is tried again every half second, as a channel
would; only a 202 counts as accepted. Times are wall-clock (``time.time()``), the clock the service's
database times are converted back to.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from sqlmodel import col, select

from bench.e2e_load import CRISIS, ORDINARY
from store.db import session_scope
from store.models import IncidentRow, PageRow

log = logging.getLogger("chaos")

RETRY_EVERY_SECONDS = 0.5
GIVE_UP_AFTER_SECONDS = 90.0  # a POST still unanswered by then is reported as never accepted
# Every kind the table holds to "assessed within 5 s": the crisis texts, and crisis texts sent in a fault.
CRISIS_KINDS = frozenset({"crisis", "probe", "nul", "during-poison", "poison-crisis"})


@dataclass
class Post:
    kind: str
    conversation_id: str
    text: str
    offered_at: float  # the first attempt
    attempts: int = 0
    status: int = 0  # of the last attempt; 0: no HTTP answer
    message_id: str | None = None
    sent_at: float | None = None  # when the attempt that was accepted went out

    @property
    def accepted(self) -> bool:
        return self.message_id is not None


class Load:
    def __init__(self, url: str, api_key: str, run: str, threads: int = 12) -> None:
        self.url, self.run = url, run
        self.headers = {"Authorization": f"Bearer {api_key}"}
        self.posts: list[Post] = []
        self._lock = threading.Lock()
        self._local = threading.local()
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="post")
        self._counter = itertools.count()

    def conversation(self, kind: str) -> str:
        return f"chaos-{self.run}-{kind}-{next(self._counter)}"

    def client(self) -> httpx.Client:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = httpx.Client(base_url=self.url, headers=self.headers, timeout=10)
        return client

    def post(self, kind: str, text: str, conversation_id: str | None = None) -> Future[Post]:
        post = Post(kind, conversation_id or self.conversation(kind), text, time.time())
        with self._lock:
            self.posts.append(post)
        return self._pool.submit(self._deliver, post)

    def _deliver(self, post: Post) -> Post:
        while time.time() - post.offered_at < GIVE_UP_AFTER_SECONDS:
            post.attempts += 1
            started = time.time()
            body = {
                "conversation_id": post.conversation_id,
                "channel": "chat",
                "sender": "customer",
                "text": post.text,
                "sent_at": datetime.now(UTC).isoformat(),
            }
            try:
                response = self.client().post("/v1/messages", json=body)
                post.status = response.status_code
                if post.status == 202:
                    post.message_id, post.sent_at = response.json()["message_id"], started
                    return post
                if post.status < 500:
                    return post  # refused for good (422, 413...): counted, never retried
            except httpx.HTTPError:
                post.status = 0
            time.sleep(RETRY_EVERY_SECONDS)
        return post

    def steady(self, stop: threading.Event, rate: float, crisis_every_seconds: float) -> None:
        """Ordinary messages at ``rate`` per second over 40 conversations, and a crisis message in a new
        conversation every ``crisis_every_seconds``."""
        ordinary = [self.conversation("ordinary") for _ in range(40)]
        next_crisis = time.time() + crisis_every_seconds
        for i in itertools.count():
            if stop.wait(1 / rate):
                return
            self.post("ordinary", ORDINARY[i % len(ORDINARY)], ordinary[i % len(ordinary)])
            if time.time() >= next_crisis:
                self.post("crisis", CRISIS[i % len(CRISIS)])
                next_crisis += crisis_every_seconds

    def probes(self, seconds: float, every: float = 1.0) -> None:
        """Crisis messages in new conversations every ``every`` seconds for ``seconds`` (blocking)."""
        for i in range(int(seconds / every)):
            self.post("probe", CRISIS[i % len(CRISIS)])
            time.sleep(every)

    def concurrent_first_messages(self, conversations: int, each: int) -> None:
        """``each`` first messages of every new conversation, released together."""
        ids = [self.conversation("first") for _ in range(conversations)]
        gate = threading.Barrier(conversations * each)  # every request of every conversation at once

        def burst(conversation_id: str, n: int) -> None:
            gate.wait(timeout=30)
            self._deliver(self._record(Post("first", conversation_id, ORDINARY[n], time.time())))

        threads = [
            threading.Thread(target=burst, args=(conversation_id, n))
            for conversation_id in ids
            for n in range(each)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=GIVE_UP_AFTER_SECONDS + 30)

    def _record(self, post: Post) -> Post:
        with self._lock:
            self.posts.append(post)
        return post

    def drain(self) -> None:
        """Until every POST has been accepted, refused or given up on (at most GIVE_UP_AFTER_SECONDS)."""
        self._pool.shutdown(wait=True)

    def snapshot(self) -> list[Post]:
        with self._lock:
            return list(self.posts)


@dataclass(frozen=True)
class Ack:
    incident_id: str
    responder: str
    at: float


class Responder(threading.Thread):
    """Acknowledges (through the API, as a responder would from the console) every incident whose chain
    has taken ``after_steps`` steps: long enough to have paged every tier once and a standing alarm."""

    def __init__(self, database_url: str, load: Load, after_steps: int) -> None:
        super().__init__(name="responder", daemon=True)
        self.database_url, self.load, self.after_steps = database_url, load, after_steps
        self.acks: dict[str, Ack] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            try:
                self._round()
            except Exception as error:  # the database or the API is mid-fault: next round
                log.debug("responder round failed: %s", type(error).__name__)

    def _round(self) -> None:
        with session_scope(self.database_url) as session:
            due = session.exec(
                select(IncidentRow.id)
                .where(col(IncidentRow.state).in_(["triggered", "paging"]))
                .where(IncidentRow.steps_taken >= self.after_steps)
            ).all()
            todo = {}
            for incident_id in due:
                if incident_id in self.acks:
                    continue
                # Someone who got a page (the provider took it) acknowledges; nobody acknowledges blind.
                responder = session.exec(
                    select(PageRow.responder)
                    .where(PageRow.incident_id == incident_id)
                    .where(PageRow.kind == "page")
                    .where(col(PageRow.provider_id).is_not(None))
                    .order_by(col(PageRow.id))
                ).first()
                if responder:
                    todo[incident_id] = responder
        for incident_id, responder in todo.items():
            at = time.time()
            answer = self.load.client().post(
                f"/v1/incidents/{incident_id}/ack", json={"responder": responder}
            )
            if answer.status_code == 200:
                self.acks[incident_id] = Ack(incident_id, responder, at)

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=10)


def run_id() -> str:
    return uuid.uuid4().hex[:8]
