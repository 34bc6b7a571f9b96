"""The supervisor's floor: open incidents and how long they have waited, who is on call now, pages still
waiting for a human, what could not reach anyone, each channel's health (the reading /readyz and /metrics
report), whether the configuration is sound, who is signed in to the console (any of those sessions can be
ended from here), and the quality panel (``quality.py``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from api.auth import Role
from api.console import reads
from api.console.quality import quality
from api.console.web import Refused, now_of, read_form, render, require_person, see_other
from api.deps import runtime_of
from escalation.model import Channel
from escalation.schedules import who_is_on_call
from store import console_sessions, repository
from store.db import session_scope
from store.models import ConsoleSessionRow
from workers.config_status import cached_configuration_problems
from workers.coverage import channel_health
from workers.incidents import live_roster

router = APIRouter(include_in_schema=False)
UNREACHED_WINDOW = timedelta(hours=24)


@router.get("/supervisor")
def floor(request: Request) -> Response:
    person = require_person(request, Role.RESPONDER)
    runtime, now = runtime_of(request), now_of(request)
    with session_scope(runtime.url) as session:
        roster = live_roster(session, runtime.config)
        on_call = []
        for name, schedule in sorted(runtime.config.roster.schedules.items()):
            who = who_is_on_call(schedule, now)
            person_on_call = roster.responders.get(who) if who else None
            reachable = person_on_call is not None and any(
                person_on_call.can_use(channel) for channel in (Channel.SMS, Channel.VOICE, Channel.WEBHOOK)
            )
            on_call.append((name, who, reachable))
        values = {
            "incidents": reads.open_incidents(session),
            "on_call": on_call,
            "awaiting": reads.pages_awaiting_acknowledgement(session),
            "unreached": reads.unreached(session, now - UNREACHED_WINDOW),
            "channels": channel_health(session, runtime.channels, now),
            "config_problems": cached_configuration_problems(),
            "sessions": console_sessions.active(
                session, now, timedelta(minutes=runtime.settings.session_idle_minutes)
            ),
            "quality": quality(session, now),
        }
        return render(request, "supervisor.html", values, person=person)


@router.post("/supervisor/sessions/{session_id}/end")
async def end_session(
    request: Request, session_id: Annotated[str, Path(pattern="^[0-9a-f]{16}$")]
) -> Response:
    """Signs someone out everywhere that session is open (a lost phone, a shared desk left signed in)."""
    person = require_person(request, Role.RESPONDER)
    await read_form(request, person.nonce)
    runtime, now = runtime_of(request), now_of(request)
    with session_scope(runtime.url) as session:
        row = session.get(ConsoleSessionRow, session_id)
        if row is None:
            raise Refused(404, "No such session", "That session does not exist.")
        if console_sessions.end(session, row, now, "ended_by_supervisor", person.actor):
            repository.audit(
                session,
                person.actor,
                "console_session_ended",
                at=now,
                console_session=row.id,
                of=f"{row.role}:{row.name}",
            )
    return see_other("/supervisor#sessions")
