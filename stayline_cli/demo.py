"""``stayline demo``: the whole mission in the terminal, in about a minute.

Starts the embedded service (``stayline serve`` on a free loopback port, a temporary SQLite file, the
console notifier, a clock running ``--speed`` times fast so the chain's minutes pass in seconds), replays
four invented conversations turn by turn through ``POST /v1/messages?wait=true``, shows each turn's level,
the incidents and every page the console notifier prints, then acknowledges the imminent incident through
``POST /v1/incidents/{id}/ack`` as the responder it paged and watches its chain stay silent.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from stayline_cli.embedded import ApiClient, ApiError, PageLine, ServiceProcess, free_port

STARTUP_TIMEOUT_SECONDS = 120.0
TURN_PAUSE_SECONDS = 0.4
WATCH_DEMO_SECONDS = 300.0  # after the acknowledgement: longer than a tier's wait and a standing alarm
QUIET_BEFORE_ACK_SECONDS = 1.0
LEVEL_COLOURS: dict[str, dict[str, Any]] = {
    "none": {"fg": "green"},
    "low": {"fg": "cyan"},
    "moderate": {"fg": "yellow", "bold": True},
    "high": {"fg": "red"},
    "imminent": {"fg": "white", "bg": "red", "bold": True},
}


@dataclass(frozen=True)
class SampleConversation:
    conversation_id: str
    title: str
    channel: str
    turns: tuple[str, ...]


# Invented for the demo: no real person's words.
SAMPLES = (
    SampleConversation(
        "demo-imminent",
        "imminent",
        "chat",
        (
            "hi, I wanted to ask about my bill",
            "honestly I can't do this anymore, nothing is ever going to get better",
            "I've been saving up my pills and I'm going to take them all tonight",
            "I've just swallowed the whole bottle of pills",
        ),
    ),
    SampleConversation(
        "demo-third-party",
        "third party",
        "sms",
        (
            "hello, it's not about me, it's my flatmate",
            "she keeps saying she wants to kill herself and she's been giving her things away",
            "I'm really worried about her, what should I do?",
        ),
    ),
    SampleConversation(
        "demo-idiom",
        "idiom only",
        "chat",
        (
            "this hold music is killing me lol",
            "I could murder a coffee right now",
            "my boss will kill me if this parcel doesn't arrive by friday",
            "ha, I nearly died laughing at your chatbot",
        ),
    ),
    SampleConversation(
        "demo-ordinary",
        "ordinary",
        "chat",
        (
            "hi, I need to change the delivery address on order 4471",
            "it should go to 12 Elm Street instead",
            "great, thanks, that's everything",
        ),
    ),
)


@dataclass(frozen=True)
class DemoClock:
    """The service's accelerated clock (workers.runtime.clock_for), mirrored here for timestamps."""

    epoch: datetime
    speed: float

    def now(self) -> datetime:
        return self.epoch + (datetime.now(UTC) - self.epoch) * self.speed

    def stamp(self) -> str:
        seconds = int((self.now() - self.epoch).total_seconds())
        return f"[demo {seconds // 60:02d}:{seconds % 60:02d}]"

    def monotonic_at(self, demo_time: datetime) -> float:
        """``time.monotonic()`` when the service's clock reaches ``demo_time``."""
        wall = self.epoch + (demo_time - self.epoch) / self.speed
        return time.monotonic() + (wall - datetime.now(UTC)).total_seconds()


class Terminal:
    """Everything the demo prints, from the main thread and the page reader, one whole line at a time.

    Stamped lines are in the service's fast demo clock only; real (wall-clock) durations go on lines of
    their own, marked "real time", so no line mixes the two clocks. Pages that arrive while a customer
    turn is being scanned are held until that turn's lines are out: the service pages before the HTTP
    call returns, but the reader should see the message first and then the pages it caused.
    """

    def __init__(self, clock: DemoClock, echo: Callable[[str], None] = click.echo) -> None:
        self.clock = clock
        self._echo = echo
        self._lock = threading.Lock()
        self._held: list[str] | None = None

    def _line(self, text: str, stamped: bool) -> str:
        return f"{click.style(self.clock.stamp(), dim=True)} {text}" if stamped else text

    def say(self, text: str = "", stamped: bool = True) -> None:
        with self._lock:
            self._echo(self._line(text, stamped))

    def real(self, text: str) -> None:
        """A line about wall-clock time, never stamped with the demo clock."""
        self.say(f"{click.style('(real time)', dim=True)} {text}", stamped=False)

    def page(self, page: PageLine) -> None:
        label = click.style(f"PAGE {page.kind} -> {page.responder} via {page.channel}", fg="cyan", bold=True)
        line = self._line(f"    {label}: {page.text}", stamped=True)
        with self._lock:
            if self._held is not None:
                self._held.append(line)
            else:
                self._echo(line)

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Hold pages printed meanwhile until the turn's own lines are out."""
        with self._lock:
            self._held = []
        try:
            yield
        finally:
            with self._lock:
                held, self._held = self._held or [], None
                for line in held:
                    self._echo(line)


def level_text(level: str, width: int = 0) -> str:
    return click.style(f" {level:<{width}} ", **LEVEL_COLOURS.get(level, {}))


@dataclass
class Outcome:
    sample: SampleConversation
    level: str = "none"
    category: str = "none"
    incident_id: str | None = None
    incident_code: str | None = None
    incident_level: str | None = None
    incident_state: str | None = None


def demo_env(database: Path, port: int, clock: DemoClock, api_key: str) -> dict[str, str]:
    """The embedded default on a throwaway database, whatever the caller's own settings say."""
    env = {k: v for k, v in os.environ.items() if k != "STAYLINE_CONFIG_DIR"}  # the shipped console config
    env.update(
        PYTHONUNBUFFERED="1",
        STAYLINE_DATABASE_URL=f"sqlite:///{database}",
        STAYLINE_BROKER_URL="",
        STAYLINE_CLOCK_SPEEDUP=str(clock.speed),
        STAYLINE_CLOCK_EPOCH=clock.epoch.isoformat(),
        STAYLINE_SWEEP_SECONDS="0.5",
        STAYLINE_PUBLIC_URL=f"http://127.0.0.1:{port}",
        STAYLINE_API_KEYS=json.dumps({api_key: "admin"}),
    )
    return env


def replay(api: ApiClient, sample: SampleConversation, out: Terminal) -> Outcome:
    out.say(
        click.style(f"Conversation {sample.conversation_id} ({sample.title}, {sample.channel})", bold=True)
    )
    outcome = Outcome(sample)
    for text in sample.turns:
        body = {
            "conversation_id": sample.conversation_id,
            "channel": sample.channel,
            "sender": "customer",
            "text": text,
            "sent_at": datetime.now(UTC).isoformat(),
        }
        out.say(f'  customer: "{text}"')  # before it is sent: it causes what follows
        with out.turn():
            scanned = api.post("/v1/messages?wait=true", body)
            assessment = scanned["assessment"]
            outcome.level, outcome.category = assessment["level"], assessment["category"]
            out.say(
                f"    -> message {level_text(assessment['message_level'])}  conversation "
                f"{level_text(outcome.level)}  category {outcome.category}"
            )
            note_incident(api, outcome, scanned["incident_id"], out)
        time.sleep(TURN_PAUSE_SECONDS)
    return outcome


def note_incident(api: ApiClient, outcome: Outcome, incident_id: str | None, out: Terminal) -> None:
    if incident_id is None:
        return
    incident = api.get(f"/v1/incidents/{incident_id}")
    if incident_id == outcome.incident_id and incident["level"] == outcome.incident_level:
        return
    what = "opened" if incident_id != outcome.incident_id else "raised to"
    outcome.incident_id, outcome.incident_code = incident_id, incident["code"]
    outcome.incident_level = incident["level"]
    out.say(
        click.style(f"    INCIDENT #{incident['code']} {what} ", fg="magenta", bold=True)
        + f"{level_text(incident['level'])} {incident['category']}, chain {incident['chain']}"
    )


def wait_for_next_step(service: ServiceProcess, api: ApiClient, outcome: Outcome, clock: DemoClock) -> None:
    """Let the chain take its next timed step (a repeat or the next tier) so the pages are seen live."""
    next_action_at = api.get(f"/v1/incidents/{outcome.incident_id}")["next_action_at"]
    if next_action_at is None:
        return
    due = clock.monotonic_at(datetime.fromisoformat(next_action_at))
    deadline = max(due, time.monotonic()) + 20.0
    while time.monotonic() < deadline:
        if any(p.code == outcome.incident_code and p.at >= due for p in service.pages):
            break
        time.sleep(0.1)
    time.sleep(QUIET_BEFORE_ACK_SECONDS)  # nothing in flight for it when the acknowledgement lands


def paged_responder(incident: dict[str, Any]) -> str:
    pages = [p for p in incident["pages"] if p["kind"] == "page" and p["responder"]]
    if not pages:
        raise click.ClickException(f"incident #{incident['code']} has paged nobody yet")
    first_tier = min(p["tier"] for p in pages)
    return str(next(p["responder"] for p in pages if p["tier"] == first_tier))


def acknowledge(api: ApiClient, outcome: Outcome, out: Terminal) -> tuple[str, float]:
    incident = api.get(f"/v1/incidents/{outcome.incident_id}")
    responder = paged_responder(incident)
    out.say(
        click.style(f"{responder} acknowledges incident #{outcome.incident_code}", bold=True)
        + f" (POST /v1/incidents/{outcome.incident_id}/ack)"
    )
    acked = api.post(f"/v1/incidents/{outcome.incident_id}/ack", {"responder": responder})
    at = time.monotonic()
    out.say(
        click.style("  ACKNOWLEDGED", fg="green", bold=True)
        + f" by {acked['acknowledged_by']} via {acked['acknowledged_via']}, state {acked['state']}"
    )
    return responder, at


def watch_after_ack(
    service: ServiceProcess, outcome: Outcome, acked_at: float, clock: DemoClock, out: Terminal
) -> int:
    """Pages for the acknowledged incident printed after the acknowledgement (0 when the chain stopped)."""
    wall = WATCH_DEMO_SECONDS / clock.speed
    minutes = WATCH_DEMO_SECONDS / 60
    out.say(f"Watching {minutes:.0f} demo minutes: #{outcome.incident_code} should stay silent")
    out.real(f"that is about {wall:.0f} s")
    time.sleep(wall)
    return sum(1 for p in service.pages if p.code == outcome.incident_code and p.at > acked_at)


@dataclass(frozen=True)
class ChainCheck:
    responder: str
    late_pages: int


def play(service: ServiceProcess, api: ApiClient, clock: DemoClock, out: Terminal) -> list[Outcome]:
    """Replay, acknowledge the imminent incident, watch it; the outcomes carry each incident's state."""
    outcomes = [replay(api, sample, out) for sample in SAMPLES]
    imminent = outcomes[0]
    if imminent.incident_id is None or imminent.level != "imminent":
        raise click.ClickException(f"the imminent conversation ended at level {imminent.level}")
    out.say(f"Letting incident #{imminent.incident_code}'s chain take its next timed step ...")
    wait_for_next_step(service, api, imminent, clock)
    responder, acked_at = acknowledge(api, imminent, out)
    late_pages = watch_after_ack(service, imminent, acked_at, clock, out)
    for outcome in outcomes:
        if outcome.incident_id:
            outcome.incident_state = api.get(f"/v1/incidents/{outcome.incident_id}")["state"]
    check_chain_stopped(imminent, ChainCheck(responder, late_pages), out)
    return outcomes


def check_chain_stopped(imminent: Outcome, check: ChainCheck, out: Terminal) -> None:
    code = imminent.incident_code
    if check.late_pages or imminent.incident_state != "acknowledged":
        raise click.ClickException(
            f"incident #{code} is {imminent.incident_state} and was paged {check.late_pages} more times"
            f" after {check.responder} acknowledged it"
        )
    out.say(
        click.style("CHAIN STOPPED:", fg="green", bold=True)
        + f" no page for incident #{code} in the {WATCH_DEMO_SECONDS / 60:.0f} demo minutes"
        f" after {check.responder} acknowledged it"
    )


def summarise(outcomes: list[Outcome], service: ServiceProcess, out: Terminal) -> None:
    out.say(click.style("\nSummary", bold=True), stamped=False)
    for o in outcomes:
        pages = sum(1 for p in service.pages if o.incident_code and p.code == o.incident_code)
        incident = (
            f"incident #{o.incident_code} {o.incident_state}, {pages} pages"
            if o.incident_code
            else "no incident"
        )
        out.say(
            f"  {o.sample.title:<12} {o.sample.conversation_id:<17} level {level_text(o.level, 8)} "
            f"category {o.category:<12} {incident}",
            stamped=False,
        )
    out.say(f"  pages printed by the console notifier: {len(service.pages)}", stamped=False)


def run_demo(speed: float, keep_db: bool) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="stayline-demo-"))
    try:
        run_service_and_play(workdir, speed)
    finally:
        if keep_db:
            click.echo(f"  database kept: {workdir / 'demo.db'} (service log: {workdir / 'service.log'})")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def run_service_and_play(workdir: Path, speed: float) -> None:
    clock = DemoClock(datetime.now(UTC), speed)
    out = Terminal(clock)
    port, api_key = free_port(), secrets.token_urlsafe(24)
    env = demo_env(workdir / "demo.db", port, clock, api_key)
    service = ServiceProcess(env, port, workdir / "service.log", out.page)
    out.real(f"Starting the embedded service on {service.url} (SQLite in {workdir}, clock {speed:g}x) ...")
    started = time.monotonic()
    try:
        service.start()
        service.wait_ready(STARTUP_TIMEOUT_SECONDS)
        out.real(f"Service ready in {time.monotonic() - started:.1f} s")
        outcomes = play(service, ApiClient(service.url, api_key), clock, out)
    except (ApiError, RuntimeError) as error:
        raise click.ClickException(f"{error} (rerun with --keep-db to keep the service log)") from None
    finally:
        exit_code = service.stop()
    summarise(outcomes, service, out)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it: -15 is its clean exit.
    how = "cleanly" if exit_code in (0, -signal.SIGTERM) else f"with exit code {exit_code}"
    elapsed = time.monotonic() - started
    out.real(f"service stopped {how}; the demo took {elapsed:.0f} s")


@click.command()
@click.option(
    "--speed",
    default=20.0,
    show_default=True,
    type=click.FloatRange(min=1.0, max=120.0),
    help="How many times faster than real time the service's clock runs",
)
@click.option("--keep-db", is_flag=True, help="Keep the demo's SQLite database (and the service log)")
def demo(speed: float, keep_db: bool) -> None:
    """Replay four sample conversations through the embedded service and watch the escalation live."""
    run_demo(speed, keep_db)
