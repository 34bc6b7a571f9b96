"""Agent guidance wired to conversations: the pure playbook engine (escalation.guidance) fed with each
turn, each assessment and the paging status; its events go to the audit trail for supervisor review."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from sqlmodel import Session, col, select

from detector import Assessment, RiskLevel
from escalation.guidance import (
    Checkpoint,
    GuidanceState,
    GuidanceUpdate,
    PagedResponder,
    agent_checked,
    close,
    default_library,
    dismiss,
    expired_resources,
    new_state,
    next_due,
    on_agent_message,
    on_customer_message,
    on_paging,
    on_risk,
    state_from_dict,
    state_to_dict,
    step_done,
    tick,
    view,
)
from store import repository
from store.db import is_postgres, session_scope
from store.models import ConversationRow, IncidentRow, PageRow
from workers.guidance_fallback import cached_health, fallback_view, needs_fallback

log = logging.getLogger(__name__)

GuidanceStep = Callable[[Session, ConversationRow], None]


def run_guidance(url: str, conversation_id: str, step: GuidanceStep, now: datetime | None = None) -> bool:
    """Run one guidance step in a transaction of its own, after the assessment, incident and pages have
    committed. A failure (a broken playbook, a bug) is logged and audited, never raised: the agent is
    shown the fallback card instead. Returns whether the step ran."""
    try:
        with session_scope(url) as session:
            query = select(ConversationRow).where(ConversationRow.id == conversation_id)
            if is_postgres(session):
                query = query.with_for_update()  # one guidance state write at a time per conversation
            conversation = session.exec(query).first()
            if conversation is not None:
                step(session, conversation)
        return True
    except Exception as error:
        log_guidance_failure(conversation_id, error)
        try:
            with session_scope(url) as session:
                audit_guidance_failure(session, conversation_id, error, now)
        except Exception:
            log.warning("could not audit the guidance failure", exc_info=True)
        return False


def log_guidance_failure(conversation_id: str, error: Exception) -> None:
    log.error(
        "guidance failed (%s); the agent is shown the fallback card, paging is not affected",
        type(error).__name__,  # the type only: an exception's text can quote a turn
        extra={"conversation_id": conversation_id},
    )
    log.debug("guidance failure", exc_info=True)


def audit_guidance_failure(
    session: Session, conversation_id: str, error: Exception, now: datetime | None
) -> None:
    failed = type(error).__name__
    repository.audit(
        session, "guidance", "guidance_failed", at=now, conversation_id=conversation_id, error=failed
    )


def load(conversation: ConversationRow) -> GuidanceState:
    if conversation.guidance_state:
        return state_from_dict(conversation.guidance_state)
    return new_state(conversation.id)


def _apply(
    session: Session,
    conversation: ConversationRow,
    update: GuidanceUpdate,
    now: datetime,
    actor: str = "guidance",
) -> None:
    conversation.guidance_state = state_to_dict(update.state)
    conversation.guidance_due_at = next_due(update.state)
    for item in update.events:
        # Events carry checkpoint ids and the agent's matched phrase at most, never the customer's words.
        repository.audit(
            session,
            actor,
            f"guidance_{item.kind.value}",
            at=now,
            conversation_id=conversation.id,
            event=item.to_dict(),
        )


def guide_customer_turn(
    session: Session, conversation: ConversationRow, assessment: Assessment, region: str | None, now: datetime
) -> None:
    state = on_customer_message(load(conversation), now)
    _apply(session, conversation, state, now)
    if assessment.level >= RiskLevel.LOW:
        signals = [name for s in assessment.signals if s.counts for name in (s.kind.value, s.rule)]
        channel = "voice" if conversation.channel == "voice" else conversation.channel
        update = on_risk(
            load(conversation),
            assessment.level.label,
            assessment.category.value,
            channel,
            region,
            now,
            library=default_library(),
            signals=signals,
        )
        _apply(session, conversation, update, now)
    _apply(session, conversation, tick(load(conversation), now), now)


def guide_agent_turn(session: Session, conversation: ConversationRow, text: str, now: datetime) -> None:
    """Checkpoints tick from what the agent says; unsafe phrasing and closing attempts raise prompts."""
    _apply(session, conversation, on_agent_message(load(conversation), text, now), now)
    _apply(session, conversation, tick(load(conversation), now), now)


def current_view(
    session: Session,
    conversation: ConversationRow,
    now: datetime,
    *,
    oncall: str = "",
    region: str | None = None,
) -> dict[str, object]:
    """What the agent's screen shows now: the playbook, prompts, and who has been paged or has it; or
    the fallback card when the conversation shows risk and no playbook can be shown."""
    incident = session.exec(
        select(IncidentRow)
        .where(IncidentRow.conversation_id == conversation.id)
        .order_by(col(IncidentRow.opened_at).desc())
    ).first()
    try:
        shown = _playbook_view(session, conversation, incident, now)
    except Exception as error:
        log.error("guidance view failed (%s): showing the fallback card", type(error).__name__)
        shown = None
    if shown is None or needs_fallback(str(shown["mode"]), conversation.level, incident is not None):
        return fallback_view(conversation.id, conversation.level, conversation.category, oncall, region)
    return shown


def _playbook_view(
    session: Session, conversation: ConversationRow, incident: IncidentRow | None, now: datetime
) -> dict[str, object]:
    state = load(conversation)
    if incident is not None:
        pages = session.exec(
            select(PageRow)
            .where(PageRow.incident_id == incident.id)
            .where(col(PageRow.responder).is_not(None))
        ).all()
        paged = [
            PagedResponder(p.responder or "", p.channel, p.created_at) for p in pages if p.kind == "page"
        ]
        state = on_paging(
            state, now, paged=paged, acknowledged_by=incident.acknowledged_by, eta=incident.responder_eta
        ).state
    return view(tick(state, now).state, now).to_dict()


def guide_flag(
    session: Session,
    conversation: ConversationRow,
    level: str,
    category: str,
    region: str | None,
    now: datetime,
) -> None:
    """An agent's flag brings up the playbook like the detector's assessment would."""
    channel = "voice" if conversation.channel == "voice" else conversation.channel
    update = on_risk(load(conversation), level, category, channel, region, now, library=default_library())
    _apply(session, conversation, update, now)


def tick_conversation(session: Session, conversation: ConversationRow, now: datetime) -> None:
    """Called by the sweep for each open conversation: a failure here must not stop the sweep's round."""
    if not conversation.guidance_state:
        return
    try:
        state = load(conversation)
        update = tick(state, now)
    except Exception as error:
        log.error(
            "guidance tick failed (%s)", type(error).__name__, extra={"conversation_id": conversation.id}
        )
        return
    if update.events or update.state != state:
        # Dumping an unchanged state (about 16 kB of JSON) only for the ORM to find it unchanged was a
        # third of a round's time, when a round ticked every open conversation.
        _apply(session, conversation, update, now)
    else:
        conversation.guidance_due_at = next_due(state)  # written before this moment was kept: work it out


def end_guidance(session: Session, conversation: ConversationRow, now: datetime, reason: str) -> None:
    """The conversation ended (a call hung up): its guidance closes, open prompts count as ignored. Its
    incident, if any, is not touched: only a human resolves that."""
    if conversation.guidance_state:
        _apply(session, conversation, close(load(conversation), now, reason=reason), now)


def guidance_status() -> str:
    """For /readyz: "ok" or "broken: <files>" (checked at most once a minute)."""
    return cached_health().status


def agent_action(
    session: Session,
    conversation: ConversationRow,
    action: str,
    target: str,
    now: datetime,
    actor: str = "agent",
) -> dict[str, object]:
    """The agent's clicks on the playbook: tick a checkpoint, finish a step, dismiss a prompt."""
    state = load(conversation)
    if action == "check":
        update = agent_checked(state, Checkpoint(target), now)
    elif action == "step_done":
        update = step_done(state, target, now)
    elif action == "dismiss":
        update = dismiss(state, target, now)
    else:
        raise ValueError(f"unknown guidance action {action!r}")
    _apply(session, conversation, update, now, actor)
    return current_view(session, conversation, now)


def alarm_overdue_reviews(session: Session, today: date, now: datetime) -> list[int]:
    """The rota check's guidance alarms, each once a day to the supervisors' console: crisis-resource
    entries past their review date (agents see the emergency number instead) and playbooks or phrase
    lists past theirs (still shown, but nobody has re-read them). Returns the new page ids."""
    library = default_library()
    recorded: list[PageRow] = []
    for alarm in expired_resources(today, library):
        key = f"resources/{alarm.region}/{alarm.resource_id}/{today.isoformat()}"
        detail = {"region": alarm.region, "resource": alarm.resource_id, "owner": alarm.owner}
        recorded += _alarm_once(session, key, "resources", "resource_expired", alarm.message, detail, now)
    for review in library.overdue_reviews(today):
        key = f"reviews/{review.kind}/{review.item_id}/{today.isoformat()}"
        detail = {review.kind: review.item_id, "owner": review.owner, "review_due": str(review.review_due)}
        recorded += _alarm_once(session, key, "reviews", "review_overdue", review.message, detail, now)
    session.flush()
    return [p.id for p in recorded if p.id is not None]


# workers/sweep.py's check_rota imports this name; it stays until that module (changed elsewhere) moves on.
alarm_expired_resources = alarm_overdue_reviews


def _alarm_once(
    session: Session, key: str, filed_under: str, action: str, why: str, detail: dict[str, str], now: datetime
) -> list[PageRow]:
    """A console alarm under idempotency ``key`` and its audit event, unless one was already recorded."""
    page = repository.add_console_alarm(session, key, filed_under, now, {"why": why})
    if page is None:
        return []
    repository.audit(session, "guidance", action, at=now, **detail)
    return [page]
