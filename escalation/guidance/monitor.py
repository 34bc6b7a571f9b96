"""What guidance watches besides the agent's words: the clock, the paging chain and the resource data.

``tick`` is called on a schedule (a beat sweep, or after every message); it raises a nudge when the agent
or the customer has been quiet for the playbook's time, or a responder has not acknowledged in time,
and records prompts nobody acted on as ignored. Each nudge re-arms after the same interval, so a long
silence gets a reminder every interval rather than one flood or one lonely prompt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from escalation.guidance.prompting import (
    Events,
    end_prompts,
    event,
    expire_prompts,
    nudge_for,
    raise_prompt,
    say,
)
from escalation.guidance.resources import cards_for
from escalation.guidance.state import (
    EventKind,
    GuidanceState,
    GuidanceUpdate,
    PagedResponder,
    PromptKind,
    Severity,
)

PageLike = PagedResponder | tuple[str, str]


def tick(state: GuidanceState, now: datetime) -> GuidanceUpdate:
    """Expire stale prompts, then raise any silence or acknowledgement nudge that has come due."""
    playbook = state.playbook
    if not state.active or playbook is None:
        return GuidanceUpdate(state)
    state, events = expire_prompts(state, now)
    timers = playbook.timers
    family = state.channel.family
    # Once the responder has taken over, nudging the agent to keep talking would pull them back in.
    if not state.handed_off:
        silences = (
            (PromptKind.AGENT_SILENT, timers.agent_silent.for_family(family), state.last_agent_at),
            (PromptKind.CUSTOMER_SILENT, timers.customer_silent.for_family(family), state.last_customer_at),
        )
        for kind, seconds, last in silences:
            state, raised = _nudge_if_due(state, now, kind, seconds, last, Severity.WARNING)
            events.extend(raised)
    paging = state.paging
    if paging.paged and paging.acknowledged_by is None:
        seconds = timers.ack_overdue_seconds
        state, raised = _nudge_if_due(
            state, now, PromptKind.ACK_OVERDUE, seconds, paging.first_paged_at, Severity.URGENT
        )
        events.extend(raised)
    return GuidanceUpdate(state, tuple(events))


def next_due(state: GuidanceState) -> datetime | None:
    """The first moment ``tick`` would change anything: a prompt expiring, a silence or acknowledgement nudge
    coming due; None when nothing can come due until something else happens (a turn, a page). The sweep
    ticks only conversations whose moment has come, so this follows ``tick`` branch for branch: a moment
    missed here is a nudge never raised, one too early only a tick that changes nothing."""
    playbook = state.playbook
    if not state.active or playbook is None:
        return None
    timers = playbook.timers
    moments = [
        prompt.raised_at + timedelta(seconds=timers.prompt_expires_seconds) for prompt in state.prompts
    ]
    family = state.channel.family
    nudges: list[tuple[PromptKind, int | None, datetime | None]] = []
    if not state.handed_off:
        nudges.append((PromptKind.AGENT_SILENT, timers.agent_silent.for_family(family), state.last_agent_at))
        nudges.append(
            (PromptKind.CUSTOMER_SILENT, timers.customer_silent.for_family(family), state.last_customer_at)
        )
    paging = state.paging
    if paging.paged and paging.acknowledged_by is None:
        nudges.append((PromptKind.ACK_OVERDUE, timers.ack_overdue_seconds, paging.first_paged_at))
    for kind, seconds, last in nudges:
        # An open nudge of the kind holds the next one back until it ends (its expiry is a moment above).
        if seconds is None or state.open_prompt(kind) is not None:
            continue
        marks = [mark for mark in (state.activated_at, last, state.nudged_at.get(kind)) if mark is not None]
        if marks:
            moments.append(max(marks) + timedelta(seconds=seconds))
    return min(moments, default=None)


def on_paging(
    state: GuidanceState,
    now: datetime,
    paged: Iterable[PageLike] = (),
    acknowledged_by: str | None = None,
    eta: datetime | None = None,
) -> GuidanceUpdate:
    """The escalation chain paged someone, a responder acknowledged, or an ETA arrived.

    ``paged`` holds ``PagedResponder`` records or ``(responder, channel)`` pairs paged at ``now``.
    Recorded even before a playbook is active, so the view shows it as soon as one is.
    """
    known = {(page.responder, page.channel) for page in state.paging.paged}
    fresh = [_as_page(page, now) for page in paged]
    added = tuple(page for page in fresh if (page.responder, page.channel) not in known)
    paging = replace(state.paging, paged=(*state.paging.paged, *added), eta=eta or state.paging.eta)
    events: Events = []
    if added or eta is not None:
        names = ", ".join(f"{page.responder} ({page.channel})" for page in added)
        state = replace(state, paging=paging)
        events.append(event(state, now, EventKind.PAGING_UPDATED, paged=names, eta=_iso(eta)))
    if acknowledged_by is not None and state.paging.acknowledged_by is None:
        paging = replace(paging, acknowledged_by=acknowledged_by, acknowledged_at=now)
        state = replace(state, paging=paging)
        events.append(event(state, now, EventKind.ACKNOWLEDGED, responder=acknowledged_by))
        state, resolved = end_prompts(state, now, EventKind.PROMPT_RESOLVED, [PromptKind.ACK_OVERDUE])
        events.extend(resolved)
    return GuidanceUpdate(replace(state, paging=paging), tuple(events))


def resource_prompts(state: GuidanceState, now: datetime) -> tuple[GuidanceState, Events]:
    """On activation: tell the agent when the region has no resources or some are out of date."""
    playbook = state.playbook
    if playbook is None:
        return state, []
    if state.region is None:
        text = (
            f"No crisis resources are set up for region {state.region_code or 'unknown'}. Ask where the "
            "person is, and tell your supervisor so the right emergency service can be reached."
        )
        return raise_prompt(state, now, PromptKind.RESOURCES, Severity.WARNING, text)
    stand_ins = [card for card in cards_for(state.region, playbook.resources, now.date()) if card.replaces]
    if not stand_ins:
        return state, []
    replaced = ", ".join(card.replaces or "" for card in stand_ins)
    events = [event(state, now, EventKind.RESOURCES_EXPIRED, replaced=replaced, owner=state.region.owner)]
    text = (
        "Some crisis line details are due for re-checking, so the emergency number is shown in their place."
    )
    state, shown = raise_prompt(state, now, PromptKind.RESOURCES, Severity.INFO, text)
    return state, events + shown


def _nudge_if_due(
    state: GuidanceState,
    now: datetime,
    kind: PromptKind,
    seconds: int | None,
    last: datetime | None,
    severity: Severity,
) -> tuple[GuidanceState, Events]:
    if seconds is None or state.open_prompt(kind) is not None:
        return state, []
    marks = [mark for mark in (state.activated_at, last, state.nudged_at.get(kind)) if mark is not None]
    if not marks or (now - max(marks)).total_seconds() < seconds:
        return state, []
    nudge = nudge_for(state, kind.value)
    state = replace(state, nudged_at={**state.nudged_at, kind: now})
    return raise_prompt(state, now, kind, severity, nudge.text, say(state, nudge.say, now), f"{seconds}s")


def _as_page(page: PageLike, now: datetime) -> PagedResponder:
    if isinstance(page, PagedResponder):
        return page
    responder, channel = page
    return PagedResponder(responder, channel, now)


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat()
