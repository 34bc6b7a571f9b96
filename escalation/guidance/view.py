"""What the agent's desktop shows for a conversation, derived from the state (never stored).

The mode follows the hand-off: ``guiding`` (work the steps), ``paging`` (help is being found, keep going),
``hand_off`` (a responder acknowledged: introduce them and stay on), ``connected`` (the responder has
confirmed they have the customer), ``closed``. The same view serves the supervisor watching live.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter

from escalation.guidance.checks import walk
from escalation.guidance.models import Checkpoint, Panel, PlaybookConfig, Step
from escalation.guidance.prompting import render, say
from escalation.guidance.resources import ResourceCard, cards_for
from escalation.guidance.state import GuidanceState, Paging, Prompt


class Mode(StrEnum):
    IDLE = "idle"
    GUIDING = "guiding"
    PAGING = "paging"
    HAND_OFF = "hand_off"
    CONNECTED = "connected"
    CLOSED = "closed"


class StepStatus(StrEnum):
    DONE = "done"
    CURRENT = "current"
    PENDING = "pending"


@dataclass(frozen=True)
class StepView:
    id: str
    goal: str
    say: str | None
    status: StepStatus
    checkpoint: Checkpoint | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class BranchView:
    id: str
    label: str


@dataclass(frozen=True)
class CheckpointView:
    name: Checkpoint
    label: str
    ticked: bool
    source: str | None
    at: datetime | None


@dataclass(frozen=True)
class PanelView:
    headline: str
    say: str | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class AvoidView:
    phrase: str
    reason: str
    instead: str


@dataclass(frozen=True)
class GuidanceView:
    conversation_id: str
    mode: Mode
    playbook: str | None = None
    playbook_version: int | None = None
    title: str | None = None
    summary: str | None = None
    level: str = "none"
    category: str = "none"
    channel: str = "chat"
    discreet: bool = False
    panel: PanelView | None = None
    current_step: StepView | None = None
    steps: tuple[StepView, ...] = ()
    branches: tuple[BranchView, ...] = ()
    checkpoints: tuple[CheckpointView, ...] = ()
    avoid: tuple[AvoidView, ...] = ()
    prompts: tuple[Prompt, ...] = ()
    paging: Paging = field(default_factory=Paging)
    resources: tuple[ResourceCard, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return _VIEW.dump_python(self, mode="json")  # type: ignore[no-any-return]


def mode_of(state: GuidanceState) -> Mode:
    if state.closed_at is not None:
        return Mode.CLOSED
    if state.playbook is None:
        return Mode.IDLE
    if state.handed_off:
        return Mode.CONNECTED
    if state.paging.acknowledged_by is not None:
        return Mode.HAND_OFF
    return Mode.PAGING if state.paging.paged else Mode.GUIDING


def view(state: GuidanceState, now: datetime) -> GuidanceView:
    """Everything the desktop needs, with phrasing for this channel and resources for this region."""
    mode = mode_of(state)
    playbook = state.playbook
    if playbook is None or mode is Mode.CLOSED:
        return GuidanceView(state.conversation_id, mode, paging=state.paging)
    steps = _steps(state, playbook, now)
    return GuidanceView(
        conversation_id=state.conversation_id,
        mode=mode,
        playbook=playbook.id,
        playbook_version=playbook.version,
        title=playbook.title,
        summary=playbook.summary,
        level=state.level.label,
        category=state.category.value,
        channel=state.channel.value,
        discreet=state.discreet,
        panel=_panel(state, playbook, mode, now),
        current_step=next((step for step in steps if step.status is StepStatus.CURRENT), None),
        steps=steps,
        branches=_branches(state, playbook),
        checkpoints=_checkpoints(state, playbook),
        avoid=_avoid(state, playbook),
        prompts=state.prompts,
        paging=state.paging,
        resources=tuple(cards_for(state.region, playbook.resources, now.date())),
    )


def is_done(state: GuidanceState, step: Step) -> bool:
    ticked = step.checkpoint is not None and state.tick_for(step.checkpoint) is not None
    return ticked or step.id in state.done_steps


def _steps(state: GuidanceState, playbook: PlaybookConfig, now: datetime) -> tuple[StepView, ...]:
    views: list[StepView] = []
    current_found = False
    for step in walk(playbook, state.cursor):
        if is_done(state, step):
            status = StepStatus.DONE
        elif not current_found:
            status, current_found = StepStatus.CURRENT, True
        else:
            status = StepStatus.PENDING
        spoken = say(state, step.say, now)
        notes = tuple(render(state, note, now) for note in step.notes)
        views.append(StepView(step.id, step.goal, spoken, status, step.checkpoint, notes))
    return tuple(views)


def _branches(state: GuidanceState, playbook: PlaybookConfig) -> tuple[BranchView, ...]:
    """Every branch the playbook offers except those leading onto the path already being followed."""
    on_path = {step.id for step in walk(playbook, state.cursor)}
    return tuple(
        BranchView(branch.id, branch.label)
        for step in playbook.steps
        for branch in step.branches
        if branch.goto not in on_path
    )


def _checkpoints(state: GuidanceState, playbook: PlaybookConfig) -> tuple[CheckpointView, ...]:
    used: list[Checkpoint] = []
    for step in playbook.steps:
        if step.checkpoint is not None and step.checkpoint not in used:
            used.append(step.checkpoint)
    used.extend(tick.checkpoint for tick in state.ticks if tick.checkpoint not in used)
    views = []
    for checkpoint in used:
        tick = state.tick_for(checkpoint)
        shared = None if state.phrases is None else state.phrases.checkpoints.get(checkpoint)
        label = shared.label if shared is not None else checkpoint.value.replace("_", " ")
        source = None if tick is None else tick.source.value
        views.append(
            CheckpointView(checkpoint, label, tick is not None, source, None if tick is None else tick.at)
        )
    return tuple(views)


def _avoid(state: GuidanceState, playbook: PlaybookConfig) -> tuple[AvoidView, ...]:
    shared = [] if state.phrases is None else state.phrases.must_not_say
    return tuple(
        AvoidView(item.phrases[0], item.reason, item.instead) for item in (*playbook.must_not_say, *shared)
    )


def _panel(state: GuidanceState, playbook: PlaybookConfig, mode: Mode, now: datetime) -> PanelView | None:
    panels: dict[Mode, Panel] = {
        Mode.PAGING: playbook.hand_off.while_paging,
        Mode.HAND_OFF: playbook.hand_off.acknowledged,
        Mode.CONNECTED: playbook.hand_off.connected,
    }
    panel = panels.get(mode)
    if panel is None:
        return None
    values = {"responder": state.paging.acknowledged_by or "the responder", "eta": _eta(state.paging, now)}
    notes = tuple(render(state, note, now, **values) for note in panel.notes)
    return PanelView(
        render(state, panel.headline, now, **values), say(state, panel.say, now, **values), notes
    )


def _eta(paging: Paging, now: datetime) -> str:
    if paging.eta is None:
        return "shortly"
    minutes = max(0, round((paging.eta - now).total_seconds() / 60))
    return "in about a minute" if minutes <= 1 else f"in about {minutes} minutes"


_VIEW: TypeAdapter[GuidanceView] = TypeAdapter(GuidanceView)
