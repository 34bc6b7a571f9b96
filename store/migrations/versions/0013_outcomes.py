"""incident outcomes: what the resolving responder said it was (issue 15)

Columns on ``incident`` rather than a table of copied text: the label belongs to the incident, and the
turns it labels stay in ``message`` where retention already purges them (an export skips purged text).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 08:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.models

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("right_level", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("outcome_by", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("outcome_at", store.models.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_column("outcome_at")
        batch_op.drop_column("outcome_by")
        batch_op.drop_column("right_level")
        batch_op.drop_column("outcome")
