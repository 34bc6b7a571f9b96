"""Shared plumbing for the engine: audit events, the prompt lifecycle, phrase scans and text rendering.

A prompt is shown once, then ends in exactly one of: dismissed (the agent closed it), resolved (what it
asked for happened: the agent spoke, a responder acknowledged) or ignored (it expired, or the
conversation closed with it still open). Each ending is an event, so a supervisor can see all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from escalation.guidance.models import Checkpoint, MustNotSay, Nudge, Phrasing, ResourceKind
from escalation.guidance.phrases import PhraseSet, find_unless
from escalation.guidance.resources import FALLBACK_SAY, say_for
from escalation.guidance.state import (
    EventKind,
    GuidanceEvent,
    GuidanceState,
    Prompt,
    PromptKind,
    Severity,
)

Events = list[GuidanceEvent]
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def event(
    state: GuidanceState, at: datetime, kind: EventKind, prompt_id: str | None = None, **detail: str
) -> GuidanceEvent:
    playbook = state.playbook
    return GuidanceEvent(
        conversation_id=state.conversation_id,
        at=at,
        kind=kind,
        playbook=None if playbook is None else playbook.id,
        playbook_version=None if playbook is None else playbook.version,
        prompt_id=prompt_id,
        detail={key: value for key, value in detail.items() if value},
    )


def raise_prompt(
    state: GuidanceState,
    now: datetime,
    kind: PromptKind,
    severity: Severity,
    text: str,
    say: str | None = None,
    detail: str | None = None,
) -> tuple[GuidanceState, Events]:
    """Show a prompt, unless the very same one is still open (a playbook switch re-runs its checks)."""
    if any(p.kind is kind and p.text == text and p.detail == detail for p in state.prompts):
        return state, []
    number = state.prompt_count + 1
    prompt = Prompt(f"p{number}", kind, severity, text, now, say, detail)
    state = replace(state, prompts=(*state.prompts, prompt), prompt_count=number)
    # The playbook's words go into the audit trail, so an incident review can show what the agent saw.
    shown = event(
        state, now, EventKind.PROMPT_SHOWN, prompt.id, prompt_kind=kind.value, text=text, detail=detail or ""
    )
    return state, [shown]


def end_prompts(
    state: GuidanceState, now: datetime, outcome: EventKind, kinds: Iterable[PromptKind] | None = None
) -> tuple[GuidanceState, Events]:
    """Close open prompts (of ``kinds``, default all) with ``outcome``: resolved, ignored or dismissed."""
    wanted = None if kinds is None else set(kinds)
    ending = [prompt for prompt in state.prompts if wanted is None or prompt.kind in wanted]
    if not ending:
        return state, []
    kept = tuple(prompt for prompt in state.prompts if prompt not in ending)
    events = [event(state, now, outcome, prompt.id, prompt_kind=prompt.kind.value) for prompt in ending]
    return replace(state, prompts=kept), events


def expire_prompts(state: GuidanceState, now: datetime) -> tuple[GuidanceState, Events]:
    """Prompts left open past the playbook's ``prompt_expires_seconds`` are recorded as ignored."""
    if state.playbook is None:
        return state, []
    limit = state.playbook.timers.prompt_expires_seconds
    stale = [prompt for prompt in state.prompts if (now - prompt.raised_at).total_seconds() >= limit]
    kept = tuple(prompt for prompt in state.prompts if prompt not in stale)
    events = [event(state, now, EventKind.PROMPT_IGNORED, p.id, prompt_kind=p.kind.value) for p in stale]
    return replace(state, prompts=kept), events


def nudge_for(state: GuidanceState, name: str) -> Nudge:
    """The playbook's own nudge if it has one, else the shared default (the loader guarantees one)."""
    own = None if state.playbook is None else getattr(state.playbook.nudges, name)
    shared = None if state.phrases is None else getattr(state.phrases.nudges, name)
    nudge = own or shared
    if nudge is None:
        raise LookupError(f"no {name!r} nudge configured")
    return nudge  # type: ignore[no-any-return]


def say(state: GuidanceState, phrasing: Phrasing | None, now: datetime, **values: str) -> str | None:
    """The phrasing for this conversation's channel with its placeholders filled in."""
    if phrasing is None:
        return None
    text = phrasing.for_family(state.channel.family)
    return None if text is None else render(state, text, now, **values)


def render(state: GuidanceState, text: str, now: datetime, **values: str) -> str:
    """Fill ``{crisis_line}``-style placeholders from the region (stale entries give the emergency number)."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        if name in ResourceKind._value2member_map_:
            kind = ResourceKind(name)
            return say_for(state.region, kind, now.date()) if state.region else FALLBACK_SAY[kind]
        return match.group(0)

    return _PLACEHOLDER.sub(fill, text)


def spellings(state: GuidanceState) -> dict[str, str]:
    return {} if state.phrases is None else dict(state.phrases.spellings)


def checkpoint_hits(state: GuidanceState, normalised: str) -> list[tuple[Checkpoint, str]]:
    """Unticked checkpoints whose phrases (shared plus the playbook's own) the agent just said."""
    if state.phrases is None or state.playbook is None:
        return []
    hits: list[tuple[Checkpoint, str]] = []
    for checkpoint, shared in state.phrases.checkpoints.items():
        if state.tick_for(checkpoint) is not None:
            continue
        own = state.playbook.checkpoint_phrases.get(checkpoint, [])
        found = PhraseSet.of([*shared.phrases, *own], spellings(state)).find(normalised)
        if found is not None:
            hits.append((checkpoint, found))
    return hits


def must_not_say_hits(state: GuidanceState, normalised: str) -> list[tuple[MustNotSay, str]]:
    if state.phrases is None or state.playbook is None:
        return []
    hits: list[tuple[MustNotSay, str]] = []
    for item in (*state.phrases.must_not_say, *state.playbook.must_not_say):
        table = spellings(state)
        found = find_unless(PhraseSet.of(item.phrases, table), PhraseSet.of(item.unless, table), normalised)
        if found is not None:
            hits.append((item, found))
    return hits


def closing_hit(state: GuidanceState, normalised: str) -> str | None:
    if state.phrases is None:
        return None
    closing = state.phrases.closing
    table = spellings(state)
    return find_unless(PhraseSet.of(closing.phrases, table), PhraseSet.of(closing.unless, table), normalised)
