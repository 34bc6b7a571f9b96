"""Conversation state: evidence adds up across turns, and a conversation's level never falls by itself.

"take my name off the joint account" ... "my brother can keep the car" ... "I've been saving up my sleeping
tablets" is imminent by the last turn although no single turn is. Evidence about someone else adds up
separately from the speaker's own, so a third-party report stays third-party.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from detector.dialogue import AgentTurn, Reading, asked
from detector.fusion import FusionConfig, combination_level, model_level, model_sure_of_danger
from detector.normalize import normalized_text
from detector.signals import Assessment, Category, ConversationState, RiskLevel, Signal, SignalKind
from detector.story import opens_frame, story_frame

MAX_CODES = 4  # the latest code words an agent offered; older offers give way
# How much of each earlier turn is kept to be read with the next: enough for any chat line or answer.
RECENT_CHARS = 600


@dataclass(frozen=True)
class WindowReading:
    """The model's reading of the customer's last few turns joined into one text (config context_turns):
    "my payment's stopped" then "so that's it, I've kept my tablets" says more together than apart."""

    cumulative: dict[RiskLevel, float]
    category: Category


def hear_agent(state: ConversationState, agent_text: str) -> ConversationState:
    """An agent's turn: never scored as risk, only remembered as the question the next answer answers.
    A turn that asks nothing keeps the earlier question (an agent often says two things in a row)."""
    turn = asked(agent_text)
    if opens_frame(normalized_text(agent_text)):
        state = replace(state, story=story_frame().turns)
    if turn.codes:
        state = replace(state, codes=(*state.codes, *turn.codes)[-MAX_CODES:])
    if turn.referent:
        state = replace(state, referent=turn.referent)
    if not turn.questions:
        return state
    return replace(state, asked=turn.questions, asked_names_harm=turn.names_harm, referent="")


def pending_question(state: ConversationState) -> AgentTurn:
    return AgentTurn(state.asked, state.asked_names_harm)


def advance(
    state: ConversationState,
    message: Assessment,
    config: FusionConfig,
    readings: Sequence[Reading] = (),
    answer_text: str = "",
    window: WindowReading | None = None,
) -> tuple[Assessment, ConversationState]:
    """Fold one message's assessment, what it says in answer to the agent's last question, and the model's
    reading of the last few turns together, into the conversation. Pure: ``state`` is not modified."""
    message = _with_answers(message, readings, answer_text)
    turn = state.turns + 1
    oldest = turn - config.conversation_window
    self_kinds = {k: t for k, t in state.self_kinds.items() if t > oldest}
    other_kinds = {k: t for k, t in state.other_kinds.items() if t > oldest}

    # Evidence the message's fusion held down (the model heard no risk in it) does not combine later either:
    # else a harmless message's unsupported means waits for any "on Saturday" to make it imminent.
    counted = [] if message.held_by_model else [s for s in message.signals if s.counts]
    # A bare "tonight" is everyday talk; it joins the conversation only beside other evidence, in this
    # message or earlier in a conversation that already carries risk.
    substantive = (
        any(s.kind not in config.supporting_only for s in counted) or state.level >= RiskLevel.MODERATE
    )
    for signal in counted:
        if signal.kind in config.supporting_only and not substantive:
            continue
        (other_kinds if signal.about_other else self_kinds)[signal.kind.value] = turn
    for reading in readings:
        for kind in reading.kinds:
            self_kinds[kind.value] = turn

    self_level = combination_level((SignalKind(k) for k in self_kinds), config)
    other_level = combination_level((SignalKind(k) for k in other_kinds), config)
    answered = {kind.value for reading in readings for kind in reading.kinds}
    message_kinds = tuple(sorted({s.kind.value for s in counted} | answered))
    window_kinds = {kind for kinds in (*state.recent_kinds, message_kinds) for kind in kinds}
    joined = _window_level(window, window_kinds, config)
    level = max(state.level, message.level, self_level, other_level, joined)
    # A page from the model alone, unsure (config model_page_needs_confirming_below) and the conversation's
    # first sign of risk, waits for the customer's next turn to show any risk of its own; the turn is a flag
    # (moderate) meanwhile. Why: in hard-negative conversations most false pages were one turn the model
    # alone misread ("I've turned the handle sideways now" at a gas leak, high at 0.78).
    #
    # On the turn after a held one, the two turns read together (the window) only say again what the held
    # turn said: this turn's own risk confirms it; otherwise the hold ends and the flag stands.
    combined = max(self_level, other_level)
    # How sure the model is of what made the level: the turn read alone, or the turns read together.
    sureness = message.score
    if window is not None and joined == level > message.level:
        sureness = window.cumulative[RiskLevel.MODERATE]
    unsure = level == RiskLevel.HIGH and _model_alone_unsure(message, readings, combined, sureness, config)
    unconfirmed, waited = False, ""
    if state.unconfirmed_high and (message.level >= RiskLevel.MODERATE or readings):
        level = max(level, RiskLevel.HIGH)
        waited = "the model's high reading of the turn before, held as a flag, is confirmed by this turn"
    elif unsure and state.unconfirmed_high:
        level = RiskLevel.MODERATE
        waited = "the turn before, high from the model alone, is not confirmed: it stays a flag"
    elif unsure and state.level < RiskLevel.MODERATE:
        level, unconfirmed = RiskLevel.MODERATE, True
        waited = "high from the model alone, unsure: a flag until the next turn confirms it"

    if level <= RiskLevel.LOW:
        category = Category.NONE
    elif level > state.level and message.level == level:
        category = message.category
    elif level > state.level and joined == level and window is not None:
        category = window.category
    elif level > state.level:
        category = Category.SUICIDE if self_level >= other_level else Category.THIRD_PARTY
    else:
        category = state.category
    keep = config.context_turns - 1
    recent = (*state.recent, answer_text[:RECENT_CHARS])[-keep:] if answer_text and keep else ()
    recent_kinds = (*state.recent_kinds, message_kinds)[-keep:] if keep else ()
    # The question is answered: it is not carried over.
    new_state = ConversationState(
        level,
        category,
        turn,
        self_kinds,
        other_kinds,
        codes=state.codes,
        recent=recent,
        recent_kinds=recent_kinds,
        unconfirmed_high=unconfirmed,
    )
    notes = message.notes + ((waited,) if waited else ())
    if max(message.level, state.level) < joined <= level:
        notes += (f"the last {config.context_turns} turns read together: {joined.label}",)
    if level > message.level:
        notes += (f"conversation level {level.label} (this message alone: {message.level.label})",)
    conversation_view = replace(
        message, level=level, category=category, notes=notes, message_level=message.level
    )
    return conversation_view, new_state


def _model_alone_unsure(
    message: Assessment,
    readings: Sequence[Reading],
    combined: RiskLevel,
    sureness: float,
    config: FusionConfig,
) -> bool:
    """High from the model alone (this turn's, or the last turns' read together): no rule evidence, no
    answer and no combination of evidence at high, and the model less sure than the threshold."""
    return (
        message.rule_level < RiskLevel.HIGH
        and combined < RiskLevel.HIGH
        and not any(r.level >= RiskLevel.HIGH for r in readings)
        and sureness < config.model_page_needs_confirming_below
    )


def _window_level(window: WindowReading | None, kinds: set[str], config: FusionConfig) -> RiskLevel:
    """The level the model gives the last few turns read together. Imminent needs rule evidence of a means,
    an act, a plan, an intent or a time counted in those turns (``kinds``): words from different turns side
    by side are weaker evidence than one sentence, so the cue words that let a single message reach
    imminent do not count here (measured in docs/detector.md)."""
    if window is None or "model" not in config.components:
        return RiskLevel.NONE
    evidence = any(kind.value in kinds for kind in config.imminent_evidence)
    # ... or the model all but certain, as for one message (config model_sure_imminent).
    sure = model_sure_of_danger(window.cumulative, window.category.value, config)
    return model_level(window.cumulative, config, evidence or sure)


def _with_answers(message: Assessment, readings: Sequence[Reading], answer_text: str) -> Assessment:
    """The message's own assessment raised by what it answers, with each answer shown as evidence."""
    if not readings:
        return message
    strongest = max(readings, key=lambda r: r.level)
    signals = message.signals + tuple(
        Signal(_evidence_kind(r), 0, len(answer_text), answer_text, f"answer.{r.question}.{r.answer.value}")
        for r in readings
    )
    notes = message.notes + tuple(
        f"answers the agent's question ({r.question}): {r.answer.value} -> {r.level.label}" for r in readings
    )
    if strongest.level <= message.level:
        return replace(message, signals=signals, notes=notes)
    return replace(message, level=strongest.level, category=strongest.category, signals=signals, notes=notes)


def _evidence_kind(reading: Reading) -> SignalKind:
    return max(reading.kinds, key=lambda k: k.value) if reading.kinds else SignalKind.IDEATION
