"""partial index on audit_event for the canary: /metrics and the watchdog read the latest canary row

``workers.canary.last_canary`` asks for the newest ``canary_scanned`` audit row on every /metrics scrape and
every watchdog round. On the index of ``at`` alone that is a backward walk until one is found: the whole
trail when the canary is off or has stopped (the bench's seeded database, 1,050,000 audit rows: most of a
633 ms scrape). A partial index holds only the canary's rows.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 11:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

CANARY_ROWS = "action = 'canary_scanned'"


def upgrade() -> None:
    op.create_index(
        "ix_audit_canary_at",
        "audit_event",
        ["at"],
        if_not_exists=True,
        postgresql_where=sa.text(CANARY_ROWS),
        sqlite_where=sa.text(CANARY_ROWS),
    )


def downgrade() -> None:
    op.drop_index("ix_audit_canary_at", table_name="audit_event", if_exists=True)
