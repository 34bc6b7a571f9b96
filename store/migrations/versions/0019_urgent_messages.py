"""message.urgent: crisis-looking turns marked as they are stored, so a crisis scan claims several at once

A crisis-looking message gets a scan of its own on the crisis queue, claiming that message alone. Under
load (one message in fifty a crisis at 300 messages/s) the workers spent their time on one small crisis
scan after another, each paying the claim, the detector's fork and the transactions for one message, and
bulk scans waited behind them. A crisis scan now also claims a few other crisis-looking messages still
waiting; the partial index holds only those.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01 12:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

WAITING = "urgent AND scanned_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("message") as batch_op:
        batch_op.add_column(sa.Column("urgent", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index(
        "ix_message_urgent_waiting",
        "message",
        ["received_at"],
        if_not_exists=True,
        postgresql_where=sa.text(WAITING),
        sqlite_where=sa.text(WAITING),
    )


def downgrade() -> None:
    op.drop_index("ix_message_urgent_waiting", table_name="message", if_exists=True)
    with op.batch_alter_table("message") as batch_op:
        batch_op.drop_column("urgent")
