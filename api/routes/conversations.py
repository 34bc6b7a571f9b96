"""A conversation's state for agent desktops, and the agent's flag button."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path

from api.auth import Principal, Role, acting_person, require
from api.deps import runtime_of
from api.errors import ApiError, documented
from api.schemas import (
    ID_PATTERN,
    ConversationOut,
    FlaggedIncident,
    FlagIn,
    FlagOut,
    LabelOut,
    NotACrisisIn,
)
from api.views import assessment_out, incident_detail, latest_assessments, open_incident
from escalation.model import Level
from store.db import session_scope
from store.models import ConversationRow
from workers.agent_labels import LabelRefused, LabelResult, false_alarm
from workers.guidance import agent_action, current_view
from workers.messages import flag_conversation, message_count
from workers.runtime import Runtime

router = APIRouter(tags=["conversations"])
ConversationPath = Annotated[str, Path(min_length=1, max_length=200, pattern=ID_PATTERN)]
EVIDENCE_ASSESSMENTS = 5


@router.get(
    "/v1/conversations/{conversation_id}",
    response_model=ConversationOut,
    responses=documented(401, 403, 404),
    summary="Current level, latest evidence, open incident and its pages",
)
def get_conversation(
    conversation_id: ConversationPath,
    principal: Annotated[Principal, Depends(require(Role.AGENT, Role.RESPONDER))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
) -> ConversationOut:
    """For agents and responders. Ingest keys write and never read (403): a channel's key, which sits
    in more systems than any other, must not open any conversation's level, evidence or responders."""
    with session_scope(runtime.url) as session:
        row = session.get(ConversationRow, conversation_id)
        if row is None:
            raise ApiError(404, "not_found", f"no conversation {conversation_id!r}")
        evidence = [
            assessment_out(a, principal.sees_evidence_text)
            for a in latest_assessments(session, conversation_id, EVIDENCE_ASSESSMENTS)
        ]
        incident = open_incident(session, conversation_id)
        return ConversationOut(
            id=row.id,
            channel=row.channel,
            team=row.team,
            level=row.level,
            category=row.category,
            updated_at=row.updated_at,
            origin="manual_flag" if row.origin == "manual_flag" else "messages",
            messages=message_count(session, conversation_id),
            evidence=evidence,
            incident=incident_detail(session, incident) if incident else None,
        )


@router.get(
    "/v1/conversations/{conversation_id}/guidance",
    responses=documented(401, 403, 404),
    summary="The agent's playbook: steps, checkpoints, prompts, resources and paging status",
)
def get_guidance(
    conversation_id: ConversationPath,
    principal: Annotated[Principal, Depends(require(Role.AGENT, Role.RESPONDER))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
) -> dict[str, object]:
    with session_scope(runtime.url) as session:
        row = session.get(ConversationRow, conversation_id)
        if row is None:
            raise ApiError(404, "not_found", f"no conversation {conversation_id!r}")
        settings = runtime.settings
        return current_view(
            session, row, runtime.clock(), oncall=settings.oncall_number, region=settings.region
        )


@router.post(
    "/v1/conversations/{conversation_id}/guidance/{action}/{target}",
    responses=documented(401, 403, 404, 422),
    summary="The agent ticks a checkpoint (check), finishes a step (step_done) or dismisses a prompt",
)
def act_on_guidance(
    conversation_id: ConversationPath,
    action: Annotated[str, Path(pattern="^(check|step_done|dismiss)$")],
    target: Annotated[str, Path(min_length=1, max_length=100, pattern=ID_PATTERN)],
    principal: Annotated[Principal, Depends(require(Role.AGENT))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
) -> dict[str, object]:
    with session_scope(runtime.url) as session:
        row = session.get(ConversationRow, conversation_id)
        if row is None:
            raise ApiError(404, "not_found", f"no conversation {conversation_id!r}")
        try:
            return agent_action(session, row, action, target, runtime.clock(), principal.actor)
        except (ValueError, LookupError) as error:
            raise ApiError(422, "invalid", str(error)) from None


@router.post(
    "/v1/conversations/{conversation_id}/flag",
    response_model=FlaggedIncident,
    responses=documented(401, 403, 409, 422),
    summary="An agent flags a conversation by hand",
)
def flag(
    conversation_id: ConversationPath,
    body: Annotated[FlagIn, Body()],
    principal: Annotated[Principal, Depends(require(Role.AGENT))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
) -> FlaggedIncident:
    """Opens an incident (or raises the open one) exactly as the detector would, and pages at once. A
    conversation id no channel has sent messages for still pages (an agent on an unmonitored call), and
    is recorded and shown as a manual flag with no messages."""
    agent = acting_person(principal, body.agent) or principal.key_id
    with session_scope(runtime.url) as session:
        existing = session.get(ConversationRow, conversation_id)
        current_category = existing.category if existing else "none"
    category = body.category.value if body.category else current_category
    key = principal.audit_detail()
    row, label = flag_conversation(
        runtime,
        conversation_id,
        Level.parse(body.level),
        category,
        agent,
        body.note or "",
        key,
        message_id=body.message_id,
    )
    if row is None:
        raise ApiError(409, "not_routed", f"no routing rule for level {body.level}: check routing.yaml")
    with session_scope(runtime.url) as session:
        conversation = session.get(ConversationRow, conversation_id)
        flagged = FlagOut(
            by=agent,
            service_key=principal.person is None,
            manual=conversation is not None and conversation.origin == "manual_flag",
            messages=message_count(session, conversation_id),
        )
        return FlaggedIncident(
            **incident_detail(session, row).model_dump(), flag=flagged, label=label_out(label)
        )


def label_out(result: LabelResult) -> LabelOut:
    return LabelOut.model_validate(asdict(result))


@router.post(
    "/v1/conversations/{conversation_id}/not-a-crisis",
    response_model=LabelOut,
    responses=documented(401, 403, 404, 409, 422),
    summary="An agent says a moderate was not a crisis: a recorded false alarm",
)
def not_a_crisis(
    conversation_id: ConversationPath,
    principal: Annotated[Principal, Depends(require(Role.AGENT))],
    runtime: Annotated[Runtime, Depends(runtime_of)],
    body: Annotated[NotACrisisIn | None, Body()] = None,
) -> LabelOut:
    """Records a labelled example (the turn, its context, none/none, who and when); it does not resolve the
    incident. Only a conversation shown at moderate takes it (409 with the reason otherwise); an unknown
    conversation or turn is 404. Recorded once per turn: a repeat answers ``recorded: false``."""
    agent = acting_person(principal, body.agent if body else None) or principal.key_id
    try:
        result = false_alarm(runtime, conversation_id, body.message_id if body else None, agent)
    except LabelRefused as refused:
        raise ApiError(refused.status, refused.code, refused.reason) from None
    return label_out(result)
