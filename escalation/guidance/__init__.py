"""Agent guidance: playbooks that keep the agent engaged until a responder has taken over.

Pure, like the rest of ``escalation``: configuration in (``config/playbooks``, ``config/resources``),
state and events out. A worker keeps one ``GuidanceState`` per conversation and calls:

- ``on_risk`` after each assessment (activates or supersedes a playbook, takes detector-led branches);
- ``on_agent_message`` / ``on_customer_message`` for each turn (checkpoints, corrections, closing);
- ``tick`` on a schedule (silence and acknowledgement nudges, ignored prompts);
- ``on_paging`` when the chain pages or a responder acknowledges;
- ``agent_checked``, ``step_done``, ``take_branch``, ``dismiss`` for the agent's clicks; ``close`` at the end;

then saves ``update.state``, appends ``update.events`` to the audit trail and pushes ``view(state, now)``.
The safety lint over the configuration is ``escalation.guidance.lint`` (``python -m`` runs it).
"""

from escalation.guidance.engine import (
    agent_checked,
    close,
    dismiss,
    on_agent_message,
    on_customer_message,
    on_risk,
    step_done,
    take_branch,
)
from escalation.guidance.loading import (
    GuidanceConfigInvalid,
    GuidanceLibrary,
    check_guidance,
    default_library,
    expired_resources,
    load_guidance,
)
from escalation.guidance.models import Checkpoint, ConversationChannel, PlaybookConfig, ResourceKind
from escalation.guidance.monitor import next_due, on_paging, tick
from escalation.guidance.resources import ResourceAlarm, ResourceCard
from escalation.guidance.reviews import ReviewAlarm
from escalation.guidance.state import (
    EventKind,
    GuidanceEvent,
    GuidanceState,
    GuidanceUpdate,
    PagedResponder,
    Prompt,
    PromptKind,
    new_state,
    state_from_dict,
    state_to_dict,
)
from escalation.guidance.view import GuidanceView, Mode, view

__all__ = [
    "Checkpoint",
    "ConversationChannel",
    "EventKind",
    "GuidanceConfigInvalid",
    "GuidanceEvent",
    "GuidanceLibrary",
    "GuidanceState",
    "GuidanceUpdate",
    "GuidanceView",
    "Mode",
    "PagedResponder",
    "PlaybookConfig",
    "Prompt",
    "PromptKind",
    "ResourceAlarm",
    "ResourceCard",
    "ResourceKind",
    "ReviewAlarm",
    "agent_checked",
    "check_guidance",
    "close",
    "default_library",
    "dismiss",
    "expired_resources",
    "load_guidance",
    "new_state",
    "next_due",
    "on_agent_message",
    "on_customer_message",
    "on_paging",
    "on_risk",
    "state_from_dict",
    "state_to_dict",
    "step_done",
    "take_branch",
    "tick",
    "view",
]
