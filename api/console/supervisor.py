"""The supervisor's floor: open incidents and how long they have waited, who is on call now, pages still
waiting for a human, what could not reach anyone, and whether the configuration is sound."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.auth import Role
from api.console import reads
from api.console.web import now_of, render, require_person
from api.deps import runtime_of
from escalation.model import Channel
from escalation.schedules import who_is_on_call
from store.db import session_scope
from workers.config_status import cached_configuration_problems
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
            "config_problems": cached_configuration_problems(),
        }
        return render(request, "supervisor.html", values, person=person)
