"""Live guidance, pure: (state, what just happened, now) -> new state and audit events.

A worker loads the conversation's ``GuidanceState``, calls one of these functions, saves the returned
state, appends the events to the audit trail and pushes ``view(state, now)`` to the agent's desktop.
No clock is read here: every function takes ``now``, so tests (and replays) control time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from escalation.guidance.checks import walk
from escalation.guidance.loading import GuidanceLibrary, Selection
from escalation.guidance.models import Checkpoint, ConversationChannel, PlaybookConfig, region_key
from escalation.guidance.monitor import resource_prompts
from escalation.guidance.phrases import normalise
from escalation.guidance.prompting import (
    Events,
    checkpoint_hits,
    closing_hit,
    end_prompts,
    event,
    must_not_say_hits,
    raise_prompt,
    spellings,
)
from escalation.guidance.state import (
    EventKind,
    GuidanceState,
    GuidanceUpdate,
    PromptKind,
    Severity,
    Tick,
    TickSource,
    new_state,
)
from escalation.model import Category, Level


def on_risk(
    state: GuidanceState,
    level: Level | str | int,
    category: Category | str,
    channel: ConversationChannel | str,
    region: str | None,
    now: datetime,
    *,
    library: GuidanceLibrary,
    signals: Iterable[str] = (),
) -> GuidanceUpdate:
    """The detector (or an agent's flag) assessed the conversation: activate, supersede or branch.

    ``signals`` are the counting detector signals' kinds and rule ids ("attempt_in_progress",
    "attempt.overdose"); triggers and branches can require them. A weaker or equal playbook never
    replaces the active one, so the script does not flip back and forth as the level wobbles.
    """
    level, category = Level.parse(level), Category(category)
    channel, found = ConversationChannel(channel), frozenset(signals)
    selection = library.select(level, category, channel, region, found)
    if state.closed_at is not None and selection is not None:
        state = new_state(state.conversation_id)  # the last incident closed: this is a fresh one
    events: Events = []
    if state.active and level > state.level:
        events.append(event(state, now, EventKind.LEVEL_RAISED, level=level.label, category=category.value))
        state = replace(state, level=level, category=category)
    if selection is None:
        return GuidanceUpdate(state, tuple(events))
    if state.playbook is not None:
        state = replace(
            state, rank=max(state.rank, _own_rank(state, level, category, channel, region, found))
        )
    if state.playbook is None or (selection.playbook.id != state.playbook.id and selection.rank > state.rank):
        state, activated = _activate(state, selection, level, category, channel, region, now, library)
        events.extend(activated)
    state, branched = _auto_branch(state, found, now)
    return GuidanceUpdate(state, tuple(events + branched))


def on_agent_message(state: GuidanceState, text: str, now: datetime) -> GuidanceUpdate:
    """Scan the agent's turn: tick checkpoints, correct must-not-say, warn on closing before hand-off."""
    state = replace(state, last_agent_at=now)
    if not state.active:
        return GuidanceUpdate(state)
    state, events = end_prompts(state, now, EventKind.PROMPT_RESOLVED, [PromptKind.AGENT_SILENT])
    normalised = normalise(text, spellings(state))
    for checkpoint, phrase in checkpoint_hits(state, normalised):
        state, ticked = _tick(state, checkpoint, now, TickSource.PHRASE, phrase)
        events.extend(ticked)
    for item, phrase in must_not_say_hits(state, normalised):
        events.append(event(state, now, EventKind.MUST_NOT_SAY, rule=item.id, phrase=phrase))
        if not any(p.kind is PromptKind.CORRECTION and p.detail == phrase for p in state.prompts):
            text_shown = f"Avoid “{phrase}”. {item.reason}"
            state, shown = raise_prompt(
                state, now, PromptKind.CORRECTION, Severity.URGENT, text_shown, item.instead, phrase
            )
            events.extend(shown)
    state, warned = _check_closing(state, normalised, now)
    return GuidanceUpdate(state, tuple(events + warned))


def on_customer_message(state: GuidanceState, now: datetime) -> GuidanceUpdate:
    """The customer spoke or typed (the words are the detector's business, not guidance's)."""
    state = replace(state, last_customer_at=now)
    if not state.active:
        return GuidanceUpdate(state)
    state, events = end_prompts(state, now, EventKind.PROMPT_RESOLVED, [PromptKind.CUSTOMER_SILENT])
    return GuidanceUpdate(state, tuple(events))


def agent_checked(state: GuidanceState, checkpoint: Checkpoint | str, now: datetime) -> GuidanceUpdate:
    """The agent ticked a checkpoint by hand. Ticking one that is already ticked changes nothing."""
    checkpoint = Checkpoint(checkpoint)
    if not state.active or state.tick_for(checkpoint) is not None:
        return GuidanceUpdate(state)
    state, events = _tick(state, checkpoint, now, TickSource.AGENT, None)
    return GuidanceUpdate(state, tuple(events))


def step_done(state: GuidanceState, step_id: str, now: datetime) -> GuidanceUpdate:
    """The agent marked a step without a checkpoint (or one they finished another way) as done."""
    playbook = _require_playbook(state)
    if playbook.step(step_id) is None:
        raise ValueError(f"playbook {playbook.id!r} has no step {step_id!r}")
    if step_id in state.done_steps:
        return GuidanceUpdate(state)
    state = replace(state, done_steps=(*state.done_steps, step_id))
    return GuidanceUpdate(state, (event(state, now, EventKind.STEP_DONE, step=step_id),))


def take_branch(state: GuidanceState, branch_id: str, now: datetime) -> GuidanceUpdate:
    """The agent chose a branch ("an attempt already happened"): the path continues from its target."""
    playbook = _require_playbook(state)
    branch = playbook.branch(branch_id)
    if branch is None:
        raise ValueError(f"playbook {playbook.id!r} has no branch {branch_id!r}")
    state = replace(state, cursor=branch.goto)
    return GuidanceUpdate(state, (event(state, now, EventKind.BRANCH_TAKEN, branch=branch.id, by="agent"),))


def dismiss(state: GuidanceState, prompt_id: str, now: datetime) -> GuidanceUpdate:
    """The agent closed a prompt. An id that is no longer open (it expired meanwhile) changes nothing."""
    target = [prompt for prompt in state.prompts if prompt.id == prompt_id]
    if not target:
        return GuidanceUpdate(state)
    kept = tuple(prompt for prompt in state.prompts if prompt.id != prompt_id)
    dismissed = event(state, now, EventKind.PROMPT_DISMISSED, prompt_id, prompt_kind=target[0].kind.value)
    return GuidanceUpdate(replace(state, prompts=kept), (dismissed,))


def close(state: GuidanceState, now: datetime, reason: str = "resolved") -> GuidanceUpdate:
    """The incident was resolved or the conversation ended: open prompts count as ignored."""
    if state.closed_at is not None:
        return GuidanceUpdate(state)
    state, events = end_prompts(state, now, EventKind.PROMPT_IGNORED)
    state = replace(state, closed_at=now)
    return GuidanceUpdate(state, (*events, event(state, now, EventKind.GUIDANCE_CLOSED, reason=reason)))


def _activate(
    state: GuidanceState,
    selection: Selection,
    level: Level,
    category: Category,
    channel: ConversationChannel,
    region: str | None,
    now: datetime,
    library: GuidanceLibrary,
) -> tuple[GuidanceState, Events]:
    previous = state.playbook
    playbook = selection.playbook
    # Ticks carry over on supersession: a question already asked does not need asking again.
    state = replace(
        state,
        playbook=playbook,
        phrases=library.phrases,
        region=library.region(region),
        region_code=None if region is None else region_key(region),
        channel=channel,
        level=max(level, state.level),
        category=category,
        rank=selection.rank,
        discreet=state.discreet or playbook.discreet,
        activated_at=now,
        cursor=None,
        done_steps=(),
    )
    detail = {"level": level.label, "category": category.value, "channel": channel.value}
    if previous is None:
        events = [event(state, now, EventKind.PLAYBOOK_ACTIVATED, region=state.region_code or "", **detail)]
    else:
        events = [event(state, now, EventKind.PLAYBOOK_SUPERSEDED, superseded=previous.id, **detail)]
    state, prompts = resource_prompts(state, now)
    return state, events + prompts


def _own_rank(
    state: GuidanceState,
    level: Level,
    category: Category,
    channel: ConversationChannel,
    region: str | None,
    signals: frozenset[str],
) -> tuple[int, int, int]:
    """The active playbook's rank at this level, if it still matches (else its old rank stands)."""
    playbook = state.playbook
    if playbook is None:
        return state.rank
    code = None if region is None else region_key(region)
    ranks = [
        playbook.rank(level, trigger)
        for trigger in playbook.triggers
        if trigger.matches(level, category, channel, code, signals)
    ]
    return max(ranks, default=state.rank)


def _auto_branch(
    state: GuidanceState, signals: frozenset[str], now: datetime
) -> tuple[GuidanceState, Events]:
    """Take a branch whose signals the detector just reported, unless the path already goes there."""
    if state.playbook is None or not signals:
        return state, []
    on_path = {step.id for step in walk(state.playbook, state.cursor)}
    for step in state.playbook.steps:
        for branch in step.branches:
            if signals & set(branch.signals) and branch.goto not in on_path:
                state = replace(state, cursor=branch.goto)
                return state, [event(state, now, EventKind.BRANCH_TAKEN, branch=branch.id, by="detector")]
    return state, []


def _tick(
    state: GuidanceState, checkpoint: Checkpoint, now: datetime, source: TickSource, phrase: str | None
) -> tuple[GuidanceState, Events]:
    state = replace(state, ticks=(*state.ticks, Tick(checkpoint, now, source, phrase)))
    detail = {"checkpoint": checkpoint.value, "source": source.value, "phrase": phrase or ""}
    return state, [event(state, now, EventKind.CHECKPOINT_TICKED, **detail)]


def _check_closing(state: GuidanceState, normalised: str, now: datetime) -> tuple[GuidanceState, Events]:
    """Closing, holding or transferring before the responder has taken over: warn, and keep the attempt."""
    playbook = state.playbook
    if playbook is None or not playbook.stay_on_line or state.handed_off or state.phrases is None:
        return state, []
    phrase = closing_hit(state, normalised)
    if phrase is None:
        return state, []
    events = [event(state, now, EventKind.CLOSING_ATTEMPTED, phrase=phrase)]
    if state.open_prompt(PromptKind.STAY_ON_LINE) is not None:
        return state, events
    warning = playbook.closing_warning or state.phrases.closing.warning
    state, shown = raise_prompt(state, now, PromptKind.STAY_ON_LINE, Severity.URGENT, warning, None, phrase)
    return state, events + shown


def _require_playbook(state: GuidanceState) -> PlaybookConfig:
    if state.playbook is None:
        raise ValueError(f"conversation {state.conversation_id!r} has no active playbook")
    return state.playbook
