"""indexes for the /metrics gauges: unscanned messages (partial) and incidents by opening time

Self-contained: it only adds two indexes, if they are not there already.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 08:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

UNSCANNED = sa.text("scanned_at IS NULL")


def upgrade() -> None:
    # Plain CREATE INDEX (inside the migration's transaction): on a large PostgreSQL table it holds writes
    # for the build; an operator can pre-create both with CREATE INDEX CONCURRENTLY under the same names,
    # and this revision then leaves them alone.
    op.create_index(
        "ix_message_unscanned",
        "message",
        ["received_at"],
        postgresql_where=UNSCANNED,
        sqlite_where=UNSCANNED,
        if_not_exists=True,
    )
    op.create_index("ix_incident_opened_at", "incident", ["opened_at"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_incident_opened_at", table_name="incident", if_exists=True)
    op.drop_index("ix_message_unscanned", table_name="message", if_exists=True)
