"""A conversation driver for guidance scenarios: turns at given seconds; time moves only when a turn does."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from escalation.guidance import (
    GuidanceEvent,
    GuidanceLibrary,
    GuidanceUpdate,
    GuidanceView,
    Prompt,
    PromptKind,
    agent_checked,
    dismiss,
    load_guidance,
    new_state,
    on_agent_message,
    on_customer_message,
    on_paging,
    on_risk,
    take_branch,
    tick,
    view,
)
from escalation.guidance.state import GuidanceState

REPO = Path(__file__).resolve().parents[3]
PLAYBOOKS = REPO / "config" / "playbooks"
RESOURCES = REPO / "config" / "resources"
# Inside every shipped review window, so scenarios do not depend on the day the tests run.
T0 = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


@lru_cache(maxsize=1)
def shipped() -> GuidanceLibrary:
    """The shipped configuration, read from the repository (not from $STAYLINE_CONFIG_DIR)."""
    return load_guidance(PLAYBOOKS, RESOURCES)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def copy_config(into: Path) -> tuple[Path, Path]:
    """A writable copy of the shipped configuration, for tests that plant mistakes."""
    playbooks, resources = into / "playbooks", into / "resources"
    shutil.copytree(PLAYBOOKS, playbooks)
    shutil.copytree(RESOURCES, resources)
    return playbooks, resources


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def kinds(events: Iterable[GuidanceEvent]) -> list[str]:
    return [event.kind.value for event in events]


class Conversation:
    """One conversation driven turn by turn; ``log`` keeps every event, as the audit trail would."""

    def __init__(
        self,
        channel: str = "voice",
        region: str | None = "US",
        library: GuidanceLibrary | None = None,
        conversation_id: str = "conv-1",
    ) -> None:
        self.channel = channel
        self.region = region
        self.library = library or shipped()
        self.state: GuidanceState = new_state(conversation_id)
        self.log: list[GuidanceEvent] = []
        self.now = T0

    def customer(
        self, seconds: float, level: str | None = None, category: str = "suicide", signals: Iterable[str] = ()
    ) -> list[GuidanceEvent]:
        """A customer turn; ``level`` is what the detector made of the conversation after it."""
        events = self._apply(on_customer_message(self.state, self._at(seconds)))
        if level is not None:
            update = on_risk(
                self.state,
                level,
                category,
                self.channel,
                self.region,
                self.now,
                library=self.library,
                signals=signals,
            )
            events += self._apply(update)
        return events

    def agent(self, seconds: float, text: str) -> list[GuidanceEvent]:
        return self._apply(on_agent_message(self.state, text, self._at(seconds)))

    def tick(self, seconds: float) -> list[GuidanceEvent]:
        return self._apply(tick(self.state, self._at(seconds)))

    def page(
        self,
        seconds: float,
        *paged: tuple[str, str],
        acknowledged_by: str | None = None,
        eta_seconds: float | None = None,
    ) -> list[GuidanceEvent]:
        eta = None if eta_seconds is None else at(eta_seconds)
        return self._apply(on_paging(self.state, self._at(seconds), paged, acknowledged_by, eta))

    def check(self, seconds: float, checkpoint: str) -> list[GuidanceEvent]:
        return self._apply(agent_checked(self.state, checkpoint, self._at(seconds)))

    def branch(self, seconds: float, branch_id: str) -> list[GuidanceEvent]:
        return self._apply(take_branch(self.state, branch_id, self._at(seconds)))

    def dismiss(self, seconds: float, prompt_id: str) -> list[GuidanceEvent]:
        return self._apply(dismiss(self.state, prompt_id, self._at(seconds)))

    def view(self) -> GuidanceView:
        return view(self.state, self.now)

    @property
    def current_step(self) -> str | None:
        step = self.view().current_step
        return None if step is None else step.id

    @property
    def playbook(self) -> str | None:
        return None if self.state.playbook is None else self.state.playbook.id

    def open_prompts(self, kind: PromptKind) -> list[Prompt]:
        return [prompt for prompt in self.state.prompts if prompt.kind is kind]

    def ticked(self) -> set[str]:
        return {tick.checkpoint.value for tick in self.state.ticks}

    def _at(self, seconds: float) -> datetime:
        moment = at(seconds)
        assert moment >= self.now, "turns must move forward in time"
        self.now = moment
        return moment

    def _apply(self, update: GuidanceUpdate) -> list[GuidanceEvent]:
        self.state = update.state
        self.log.extend(update.events)
        return list(update.events)
