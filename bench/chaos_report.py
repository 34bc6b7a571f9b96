"""What the chaos run found, read back from the service's own database and the fake Twilio's request log,
and the one table bench/chaos.py prints.

Times: the services run an accelerated clock (``clock``); the database's times are converted back to wall
time, and escalation waits are judged in the chain's own (accelerated) seconds, so "30 s" in a chain means
the same thing here as in the configuration.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs, unquote, urlsplit

from sqlmodel import select

from bench.chaos_load import CRISIS_KINDS, Post
from escalation.chains import step_at
from store.codec import plan_from_json
from store.db import session_scope
from store.models import AssessmentRow, IncidentRow, MessageRow, PageRow
from tests.fakes.twilio_server import FakeTwilio

ASSESS_WITHIN_SECONDS = 5.0
# A step not taken within this many real seconds of its due time counts as missed, not late: more than
# a dead sweeper's lease (10 s) and a few sweeps. Lateness below it is reported, not failed.
MISSED_AFTER_SECONDS = 15.0
LATE_AFTER_SECONDS = 1.5  # three sweeps: lateness worth a line in the table


@dataclass(frozen=True)
class Clock:
    epoch: datetime
    speedup: float

    def wall(self, at: datetime) -> float:
        """A database time (accelerated clock) as wall-clock seconds since the Unix epoch."""
        at = at if at.tzinfo else at.replace(tzinfo=UTC)
        return (self.epoch + (at - self.epoch) / self.speedup).timestamp()

    def real(self, span_seconds: float) -> float:
        return span_seconds / self.speedup


@dataclass(frozen=True)
class Fault:
    name: str
    started: float  # wall clock
    ended: float  # when the fault itself was over (Redis back, API answering, beat back)


@dataclass
class Tiers:
    pages: int = 0
    steps: int = 0
    due: int = 0
    late: int = 0
    early: int = 0
    max_late: float = 0.0  # real seconds


@dataclass
class Facts:
    posts: list[Post]
    messages: dict[str, MessageRow]
    assessments: dict[str, AssessmentRow]
    incidents: list[IncidentRow]
    pages: list[PageRow]
    first_request: dict[str, float]  # incident id -> wall time of its first provider request
    request_at: dict[str, float]  # page key -> wall time of its first provider request
    duplicate_sends: int
    clock: Clock
    end: datetime  # the service clock when the run stopped
    step_times: list[float] = field(default_factory=list)  # wall time of every escalation step


def collect(url: str, posts: list[Post], twilio: FakeTwilio, clock: Clock, mono_to_wall: float) -> Facts:
    with session_scope(url) as session:
        messages = {m.id: m for m in session.exec(select(MessageRow)).all()}
        assessments = {a.message_id: a for a in session.exec(select(AssessmentRow)).all()}
        incidents = list(session.exec(select(IncidentRow)).all())
        pages = list(session.exec(select(PageRow)).all())
        session.expunge_all()
    sends: Counter[str] = Counter()
    first: dict[str, float] = {}
    by_key: dict[str, float] = {}
    for request in twilio.requests:
        if request.method != "POST":
            continue
        key = parse_qs(urlsplit(request.param("StatusCallback") or "").query).get("page", [""])[0]
        sends[key] += 1
        by_key.setdefault(key, request.at + mono_to_wall)
        incident = unquote(key.split("/")[0])
        first[incident] = min(first.get(incident, request.at + mono_to_wall), request.at + mono_to_wall)
    duplicates = sum(1 for seen in sends.values() if seen > 1)
    end = clock.epoch + (datetime.now(UTC) - clock.epoch) * clock.speedup
    return Facts(posts, messages, assessments, incidents, pages, first, by_key, duplicates, clock, end)


def assess_latency(facts: Facts, post: Post) -> float | None:
    message = facts.messages.get(post.message_id or "")
    assessment = facts.assessments.get(post.message_id or "")
    if message is None or assessment is None:
        return None
    return facts.clock.real((assessment.created_at - message.received_at).total_seconds())


def first_page(facts: Facts, post: Post) -> float | None:
    incidents = [i.id for i in facts.incidents if i.conversation_id == post.conversation_id]
    times = [facts.first_request[i] for i in incidents if i in facts.first_request]
    if not times or post.sent_at is None:
        return None
    return min(times) - post.sent_at


def _steps(facts: Facts) -> dict[str, dict[int, tuple[datetime, set[int]]]]:
    """incident -> step number -> (when the step was taken, tiers it reached): pages and alarms."""
    steps: dict[str, dict[int, tuple[datetime, set[int]]]] = defaultdict(dict)
    for page in facts.pages:
        parts = page.idempotency_key.split("/")
        if page.kind not in ("page", "alarm") or len(parts) != 5 or not unquote(parts[1]).isdigit():
            continue
        number = int(unquote(parts[1]))
        at, tiers = steps[page.incident_id].get(number, (page.created_at, set()))
        steps[page.incident_id][number] = (min(at, page.created_at), tiers | {page.tier})
    return steps


def schedule(facts: Facts) -> tuple[dict[int, Tiers], list[str]]:
    """Per tier: pages, steps taken, steps due by the chain; and a line for every missed or early step."""
    tiers: dict[int, Tiers] = defaultdict(Tiers)
    problems: list[str] = []
    for page in facts.pages:
        if page.kind == "page" and page.provider_id is not None:
            tiers[page.tier].pages += 1
    all_steps = _steps(facts)
    for incident in facts.incidents:
        if incident.is_test:
            continue
        plan = plan_from_json(incident.plan)
        taken = all_steps.get(incident.id, {})
        stop = incident.acknowledged_at or incident.resolved_at or facts.end
        numbers = sorted(taken)
        if numbers != list(range(len(numbers))):
            problems.append(f"incident {incident.code}: steps {numbers} have a gap")
        if incident.position != incident.steps_taken:
            problems.append(f"incident {incident.code}: raised mid-chain; its tiers are not checked")
            continue
        for number in numbers:
            expected = step_at(plan.chain, plan.opening, number)
            at, reached = taken[number]
            facts.step_times.append(facts.clock.wall(at))
            for tier in expected.tiers:
                tiers[tier].due += 1
                tiers[tier].steps += tier in reached
            if not set(expected.tiers) <= reached:
                problems.append(f"incident {incident.code}: step {number} reached tiers {sorted(reached)}")
            if incident.acknowledged_at is not None and at > incident.acknowledged_at:
                problems.append(f"incident {incident.code}: step {number} taken after the acknowledgement")
            following = taken.get(number + 1)
            if following is None:
                continue
            late = facts.clock.real((following[0] - at).total_seconds() - expected.wait_seconds)
            for tier in step_at(plan.chain, plan.opening, number + 1).tiers:
                tiers[tier].max_late = max(tiers[tier].max_late, late)
                tiers[tier].late += late > LATE_AFTER_SECONDS
                tiers[tier].early += late < -0.2  # a step before its wait ran out
            if late < -0.2:
                problems.append(f"incident {incident.code}: step {number + 1} came {-late:.1f} s early")
            if late > MISSED_AFTER_SECONDS:
                problems.append(f"incident {incident.code}: step {number + 1} came {late:.1f} s late")
        if not numbers:
            due = incident.opened_at
            wait_after = 0.0
            next_step = step_at(plan.chain, plan.opening, 0)
        else:
            last = step_at(plan.chain, plan.opening, numbers[-1])
            due, wait_after = taken[numbers[-1]][0], float(last.wait_seconds)
            next_step = step_at(plan.chain, plan.opening, numbers[-1] + 1)
        overdue = facts.clock.real((stop - due).total_seconds() - wait_after)
        if incident.acknowledged_at is None and overdue > MISSED_AFTER_SECONDS:
            for tier in next_step.tiers:
                tiers[tier].due += 1
            problems.append(
                f"incident {incident.code}: step {len(numbers)} missed ({overdue:.0f} s overdue at the end)"
            )
    return dict(sorted(tiers.items())), problems


def seconds(values: list[float]) -> str:
    if not values:
        return "-"
    return f"max {max(values):.1f} s, median {statistics.median(values):.1f} s (n={len(values)})"


@dataclass
class Table:
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (measure, result, required)
    failures: list[str] = field(default_factory=list)

    def add(self, measure: str, result: object, required: str = "", ok: bool = True) -> None:
        self.rows.append((measure, str(result), required))
        if not ok:
            self.failures.append(f"{measure}: {result} (required: {required})")

    def render(self) -> str:
        width = max(len(m) for m, _, _ in self.rows) + 2
        result_width = max(len(r) for _, r, _ in self.rows) + 2
        lines = [f"{'measure':<{width}}{'result':<{result_width}}required", "-" * (width + result_width + 8)]
        lines += [f"{m:<{width}}{r:<{result_width}}{q}".rstrip() for m, r, q in self.rows]
        return "\n".join(lines)


def _count_kinds(posts: list[Post]) -> str:
    kinds = Counter(p.kind for p in posts if p.accepted)
    return ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))


def table(facts: Facts, faults: list[Fault]) -> Table:
    out = Table()
    accepted = [p for p in facts.posts if p.accepted]
    retried = sum(1 for p in accepted if p.attempts > 1)
    offered = len(facts.posts)
    out.add("messages accepted (202)", f"{len(accepted)} of {offered} offered ({retried} needed a retry)")
    out.add("  by kind", _count_kinds(facts.posts))
    assessed = [p for p in accepted if p.message_id in facts.assessments]
    degraded = sum(1 for p in assessed if facts.assessments[p.message_id or ""].degraded)
    out.add("messages assessed", f"{len(assessed)} ({degraded} degraded to the keyword fallback)")
    quarantined = [p for p in accepted if (m := facts.messages.get(p.message_id or "")) and m.quarantined_at]
    lost = len(accepted) - len(assessed) - len(quarantined)
    out.add("lost (accepted, never assessed)", lost, "0", lost == 0)
    out.add("quarantined (alarmed for a human)", len(quarantined))
    out.add("duplicate pages (one key sent twice)", facts.duplicate_sends, "0", facts.duplicate_sends == 0)
    per_conversation = Counter(i.conversation_id for i in facts.incidents)
    doubled = sum(1 for n in per_conversation.values() if n > 1)
    out.add("conversations with two incidents", doubled, "0", doubled == 0)
    crisis = [p for p in accepted if p.kind in CRISIS_KINDS]
    latencies = [(p, assess_latency(facts, p)) for p in crisis]
    slow = [p for p, s in latencies if s is None or s > ASSESS_WITHIN_SECONDS]
    timed = [s for _, s in latencies if s is not None]
    out.add(
        "crisis messages assessed within 5 s",
        f"{len(crisis) - len(slow)}/{len(crisis)}; {seconds(timed)}",
        "all",
        not slow,
    )
    pages = [s for p in crisis if (s := first_page(facts, p)) is not None]
    out.add("crisis message -> first page", seconds(pages))
    delivery = [
        at - facts.clock.wall(p.created_at)
        for p in facts.pages
        if (at := facts.request_at.get(p.idempotency_key))
    ]
    out.add("escalation step -> provider request", seconds(delivery))
    alarms = Counter(p.incident_id for p in facts.pages if p.incident_id in ("sweep", "quarantine"))
    out.add("operations alarms: sweep late, quarantine", f"{alarms['sweep']}, {alarms['quarantine']}")
    _schedule_rows(out, facts)
    _fault_rows(out, facts, faults)
    return out


def _schedule_rows(out: Table, facts: Facts) -> None:
    tiers, problems = schedule(facts)
    names = {}
    for incident in facts.incidents:
        plan = plan_from_json(incident.plan)
        names.update({n: f"{plan.chain.name}/{t.name}" for n, t in enumerate(plan.chain.tiers)})
    acked = sum(1 for i in facts.incidents if i.acknowledged_at is not None)
    out.add("incidents (acknowledged by the harness)", f"{len(facts.incidents)} ({acked})")
    out.add("pages per tier vs the chain's schedule", "pages sent; steps taken/due; late > 1.5 s (max)")
    for tier, t in tiers.items():
        result = f"{t.pages} sent; {t.steps}/{t.due} steps; {t.late} late (max {t.max_late:.1f} s)"
        out.add(f"  tier {tier + 1} {names.get(tier, '')}", result, "taken = due", t.steps == t.due)
    missed = [p for p in problems if "raised mid-chain" not in p]
    out.add("escalation steps missed, early or wrong", len(missed), "0", not missed)
    for problem in problems[:10]:
        out.add("  ", problem)


def _fault_rows(out: Table, facts: Facts, faults: list[Fault]) -> None:
    out.add("faults", "lasted; recovery (fault -> first page of a crisis message sent after it)")
    crisis = [p for p in facts.posts if p.accepted and p.kind in CRISIS_KINDS and p.sent_at is not None]
    for n, fault in enumerate(faults):
        until = faults[n + 1].started if n + 1 < len(faults) else float("inf")
        after = [p for p in crisis if fault.started <= (p.sent_at or 0) < until]
        paged = [
            fault.started + s - (fault.started - (p.sent_at or 0))
            for p in after
            if (s := first_page(facts, p))
        ]
        recovery = f"{min(paged) - fault.started:.1f} s" if paged else "none"
        worst = [s for p in after if (s := assess_latency(facts, p)) is not None]
        extra = ""
        if fault.name.startswith("beat"):
            steps = [t for t in facts.step_times if fault.started <= t <= fault.ended]
            extra = f"; {len(steps)} escalation steps taken while beat was down"
        out.add(
            f"  {fault.name}",
            f"{fault.ended - fault.started:.1f} s; recovery {recovery}; crisis assessed max "
            f"{max(worst, default=float('nan')):.1f} s{extra}",
        )
    _special_rows(out, facts)


def _special_rows(out: Table, facts: Facts) -> None:
    accepted = [p for p in facts.posts if p.accepted]
    during = [s for p in accepted if p.kind == "during-poison" and (s := first_page(facts, p)) is not None]
    out.add("  crisis -> first page, poison queued", ", ".join(f"{s:.1f} s" for s in during) or "none")
    for post in accepted:
        if post.kind not in ("poison", "poison-crisis", "nul", "adversarial"):
            continue
        latency = assess_latency(facts, post)
        assessment = facts.assessments.get(post.message_id or "")
        how = "not assessed" if assessment is None else f"{assessment.level}"
        if assessment is not None and assessment.degraded:
            how += ", degraded"
        paged = first_page(facts, post)
        when = "-" if latency is None else f"{latency:.1f} s"
        page = f"; paged in {paged:.1f} s" if paged is not None else ""
        out.add(f"  {post.kind} message", f"assessed in {when} ({how}){page}")
    firsts = [p for p in facts.posts if p.kind == "first"]
    conversations = {p.conversation_id for p in firsts if p.accepted}
    stored = {facts.messages[p.message_id].conversation_id for p in firsts if p.message_id in facts.messages}
    ok = all(p.accepted for p in firsts) and conversations == stored
    accepted_firsts = sum(p.accepted for p in firsts)
    result = f"{len(firsts)} sent at once, {accepted_firsts} accepted, {len(conversations)} conversations"
    out.add("  concurrent first messages", result, "all accepted", ok)
