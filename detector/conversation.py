"""Conversation state: evidence adds up across turns, and a conversation's level never falls by itself.

"take my name off the joint account" ... "my brother can keep the car" ... "I've been saving up my sleeping
tablets" is imminent by the last turn although no single turn is. Evidence about someone else adds up
separately from the speaker's own, so a third-party report stays third-party.
"""

from __future__ import annotations

from dataclasses import replace

from detector.fusion import FusionConfig, combination_level
from detector.signals import Assessment, Category, ConversationState, RiskLevel, SignalKind


def advance(
    state: ConversationState, message: Assessment, config: FusionConfig
) -> tuple[Assessment, ConversationState]:
    """Fold one message's assessment into the conversation. Pure: ``state`` is not modified."""
    turn = state.turns + 1
    oldest = turn - config.conversation_window
    self_kinds = {k: t for k, t in state.self_kinds.items() if t > oldest}
    other_kinds = {k: t for k, t in state.other_kinds.items() if t > oldest}

    counted = [s for s in message.signals if s.counts]
    # A bare "tonight" is everyday talk; it joins the conversation only beside other evidence, in this
    # message or earlier in a conversation that already carries risk.
    substantive = (
        any(s.kind not in config.supporting_only for s in counted) or state.level >= RiskLevel.MODERATE
    )
    for signal in counted:
        if signal.kind in config.supporting_only and not substantive:
            continue
        (other_kinds if signal.about_other else self_kinds)[signal.kind.value] = turn

    self_level = combination_level((SignalKind(k) for k in self_kinds), config)
    other_level = combination_level((SignalKind(k) for k in other_kinds), config)
    level = max(state.level, message.level, self_level, other_level)

    if level <= RiskLevel.LOW:
        category = Category.NONE
    elif level > state.level and message.level == level:
        category = message.category
    elif level > state.level:
        category = Category.SUICIDE if self_level >= other_level else Category.THIRD_PARTY
    else:
        category = state.category
    new_state = ConversationState(level, category, turn, self_kinds, other_kinds)
    notes = message.notes
    if level > message.level:
        notes += (f"conversation level {level.label} (this message alone: {message.level.label})",)
    conversation_view = replace(
        message, level=level, category=category, notes=notes, message_level=message.level
    )
    return conversation_view, new_state
