"""The agent's view: conversations with live risk badges, one conversation with its evidence, playbook
and paging timeline, and the "flag this conversation" form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from sqlmodel import Session

from api.auth import Role
from api.console import reads
from api.console.timeline import paging_story
from api.console.web import Refused, now_of, read_form, render, require_person, see_other
from api.deps import runtime_of
from api.schemas import ID_PATTERN
from detector import Category
from escalation.model import Level
from store.db import session_scope
from store.models import ConversationRow
from workers.agent_labels import LabelRefused, false_alarm
from workers.guidance import agent_action, current_view
from workers.messages import flag_conversation

router = APIRouter(include_in_schema=False)
ConversationPath = Annotated[str, Path(min_length=1, max_length=200, pattern=ID_PATTERN)]
FLAG_LEVELS = ("moderate", "high", "imminent")
FLAG_CATEGORIES = tuple(c.value for c in Category if c is not Category.NONE)
GUIDANCE_ACTIONS = ("check", "step_done", "dismiss")
MAX_NOTE = 1000
MAX_ID = 64


def _conversation(session: Session, conversation_id: str) -> ConversationRow:
    row = session.get(ConversationRow, conversation_id)
    if row is None:
        raise Refused(404, "No such conversation", f"There is no conversation {conversation_id!r} yet.")
    return row


@router.get("/conversations")
def conversation_list(request: Request, at_risk: Annotated[bool, Query()] = False) -> Response:
    person = require_person(request, Role.AGENT, Role.RESPONDER)
    with session_scope(runtime_of(request).url) as session:
        rows = reads.conversations(session, at_risk)
        return render(request, "conversations.html", {"rows": rows, "at_risk": at_risk}, person=person)


@router.get("/conversations/{conversation_id}")
def conversation(request: Request, conversation_id: ConversationPath) -> Response:
    person = require_person(request, Role.AGENT, Role.RESPONDER)
    runtime = runtime_of(request)
    with session_scope(runtime.url) as session:
        row = _conversation(session, conversation_id)
        incident = reads.latest_incident(session, conversation_id)
        timeline, pages = paging_story(session, incident) if incident else ([], [])
        values = {
            "conversation": row,
            "shown_level": reads.shown_level(row.level, incident),
            "messages": reads.messages(session, conversation_id),
            "guidance": current_view(
                session,
                row,
                now_of(request),
                oncall=runtime.settings.oncall_number,
                region=runtime.settings.region,
            ),
            "incident": incident,
            "pages": pages,
            "timeline": timeline,
            "flag_levels": FLAG_LEVELS,
            "flag_categories": FLAG_CATEGORIES,
            "can_act": person.may(Role.AGENT),
            "labels": reads.agent_labels(session, conversation_id),
        }
        return render(request, "conversation.html", values, person=person)


@router.post("/conversations/{conversation_id}/flag")
async def flag(request: Request, conversation_id: ConversationPath) -> Response:
    """Opens an incident (or raises the open one) exactly like the detector would, and pages at once."""
    person = require_person(request, Role.AGENT)
    form = await read_form(request, person.nonce)
    runtime = runtime_of(request)
    level, category = form.get("level", ""), form.get("category", "")
    if level not in FLAG_LEVELS or category not in FLAG_CATEGORIES:
        raise Refused(422, "Flag not sent", "Choose a level and a category from the lists.")
    note = form.get("note", "").strip()
    if len(note) > MAX_NOTE:
        raise Refused(422, "Flag not sent", f"The note is limited to {MAX_NOTE} characters.")
    with session_scope(runtime.url) as session:
        _conversation(session, conversation_id)
    key = {"key": person.key_id, "person": person.person, "service_key": person.person is None}
    message_id = form.get("message_id") or None
    if message_id is not None and len(message_id) > MAX_ID:
        raise Refused(422, "Flag not sent", "Choose the turn from the list.")
    incident, _label = flag_conversation(
        runtime, conversation_id, Level.parse(level), category, person.name, note, key, message_id=message_id
    )
    if incident is None:
        raise Refused(
            409, "Flag recorded, nobody paged", "No routing rule pages for this level: tell a supervisor."
        )
    return see_other(f"/conversations/{conversation_id}#paging")


@router.post("/conversations/{conversation_id}/not-a-crisis")
async def not_a_crisis(request: Request, conversation_id: ConversationPath) -> Response:
    """The agent says a moderate was not a crisis: a recorded false alarm (nothing is resolved)."""
    person = require_person(request, Role.AGENT)
    form = await read_form(request, person.nonce)
    message_id = form.get("message_id") or None
    if message_id is not None and len(message_id) > MAX_ID:
        raise Refused(422, "Not recorded", "Choose the turn from the list.")
    try:
        false_alarm(runtime_of(request), conversation_id, message_id, person.name)
    except LabelRefused as refused:
        raise Refused(refused.status, "Not recorded", refused.reason.capitalize() + ".") from None
    return see_other(f"/conversations/{conversation_id}#risk")


@router.post("/conversations/{conversation_id}/guidance")
async def guidance_action(request: Request, conversation_id: ConversationPath) -> Response:
    """The agent ticks a checkpoint, finishes a step or dismisses a prompt."""
    person = require_person(request, Role.AGENT)
    form = await read_form(request, person.nonce)
    action, target = form.get("action", ""), form.get("target", "")
    if action not in GUIDANCE_ACTIONS or not target or len(target) > 100:
        raise Refused(422, "Not recorded", "That playbook action is not known.")
    with session_scope(runtime_of(request).url) as session:
        row = _conversation(session, conversation_id)
        try:
            agent_action(session, row, action, target, now_of(request), person.actor)
        except (ValueError, LookupError) as error:
            raise Refused(422, "Not recorded", str(error)) from None
    return see_other(f"/conversations/{conversation_id}#playbook")
