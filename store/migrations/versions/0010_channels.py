"""channels: which connector carried each message (intake counts, silent-channel alarms), provider
threads (a customer's number and the centre's, within an idle window, name one conversation)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-10 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.models

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_when = store.models.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=32), nullable=True))
        batch_op.create_index("ix_message_source_received_at", ["source", "received_at"])
    op.create_table(
        "channel_thread",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("started_at", _when, nullable=True),
        sa.Column("last_at", _when, nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("channel_thread")
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_index("ix_message_source_received_at")
        batch_op.drop_column("source")
