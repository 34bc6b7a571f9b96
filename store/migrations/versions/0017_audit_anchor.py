"""audit_anchor: where the audit trail begins after pruning; message.received_at indexed for pruning

Pruning by month (workers/pruning.py) deletes audit rows up to a seq and records that row's hash here, so
``stayline audit verify`` starts from the latest anchor instead of genesis. The index lets each pruning
batch find the oldest messages without a sequential scan of ``message``.

Self-contained: it creates one table and one index, so it can be relinked after another revision without
change. Written beside a possible 0017 from another branch: down_revision is "0016" here and the lead
relinks it on merge.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-09 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.models

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    when = store.models.UTCDateTime(timezone=True)
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("pruned_at", when, nullable=True),
        sa.Column("before", when, nullable=True),
        sa.Column("pruned_rows", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
    )
    op.create_index("ix_audit_anchor_seq", "audit_anchor", ["seq"])
    # Plain CREATE INDEX, like 0012 and 0016: on a large PostgreSQL table pre-create it with CREATE INDEX
    # CONCURRENTLY under the same name and this revision leaves it alone.
    op.create_index("ix_message_received_at", "message", ["received_at"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_message_received_at", table_name="message", if_exists=True)
    op.drop_index("ix_audit_anchor_seq", table_name="audit_anchor")
    op.drop_table("audit_anchor")
