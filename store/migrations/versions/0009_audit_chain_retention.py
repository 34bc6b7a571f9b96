"""audit hash chain, webhook receipts (replay-proof Twilio webhooks), message purge time (retention)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 10:00:00

Self-contained: it needs nothing from the revision before it except the tables it alters, so it can be
relinked after another revision without change. Rows already in the trail are chained here, in id order.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.models
from store.audit_chain import GENESIS, HEAD, row_hash

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_when = store.models.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_audit_event_seq", ["seq"])
    op.create_table(
        "audit_chain",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "webhook_receipt",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("replays", sa.Integer(), nullable=False),
        sa.Column("received_at", _when, nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purged_at", _when, nullable=True))
    _chain_existing_rows()


def _chain_existing_rows() -> None:
    events = sa.table(
        "audit_event",
        sa.column("id", sa.Integer()),
        sa.column("at", _when),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("incident_id", sa.String()),
        sa.column("conversation_id", sa.String()),
        sa.column("detail", sa.JSON()),
        sa.column("seq", sa.Integer()),
        sa.column("prev_hash", sa.String()),
        sa.column("hash", sa.String()),
    )
    bind = op.get_bind()
    prev, seq = GENESIS, 0
    rows = bind.execute(sa.select(events).order_by(events.c.id)).mappings().all()
    for row in rows:
        seq += 1
        digest = row_hash(
            prev,
            seq,
            row["at"],
            row["actor"],
            row["action"],
            row["incident_id"],
            row["conversation_id"],
            row["detail"],
        )
        bind.execute(
            events.update().where(events.c.id == row["id"]).values(seq=seq, prev_hash=prev, hash=digest)
        )
        prev = digest
    chain = sa.table("audit_chain", sa.column("name"), sa.column("seq"), sa.column("hash"))
    bind.execute(chain.insert().values(name=HEAD, seq=seq, hash=prev))


def downgrade() -> None:
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_column("purged_at")
    op.drop_table("webhook_receipt")
    op.drop_table("audit_chain")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint("uq_audit_event_seq", type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
