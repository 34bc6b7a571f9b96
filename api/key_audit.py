"""Which key did it: one audit row beside each acknowledgement, resolution and flag made through the API,
saying whose key it was, or that it was a service key with no person and which name it gave."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from api.auth import Principal
from store import repository


def audit_key(
    session: Session,
    principal: Principal,
    action: str,
    incident_id: str | None,
    at: datetime,
    named: str | None,
    conversation_id: str | None = None,
) -> None:
    detail = principal.audit_detail()
    if principal.person is None:
        detail["named"] = named  # a service key's word for who acted; nothing vouches for it
    repository.audit(
        session,
        principal.actor,
        action,
        at=at,
        incident_id=incident_id,
        conversation_id=conversation_id,
        **detail,
    )
