"""labelled examples: each label (a responder's outcome, an agent's miss or false alarm) as the turn, its
context window, the label, who gave it and when (issue 15)

A table of copies, unlike 0013's columns: an example outlives its messages' text when the centre keeps
labelled text (STAYLINE_KEEP_LABELLED_TEXT); otherwise retention empties it like the messages and only
its features (signal names, levels, hashed n-gram ids) stay.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.models

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    when = store.models.UTCDateTime(timezone=True)
    op.create_table(
        "labelled_example",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("detector_level", sa.String(length=16), nullable=True),
        sa.Column("incident_id", sa.String(length=64), nullable=True),
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("message_id", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("features", sa.JSON(), nullable=False),
        sa.Column("detector_version", sa.String(length=120), nullable=True),
        sa.Column("labelled_by", sa.String(length=200), nullable=False),
        sa.Column("labelled_at", when, nullable=False),
        sa.Column("oldest_turn_at", when, nullable=True),
        sa.Column("purged_at", when, nullable=True),
    )
    for column in ("kind", "incident_id", "conversation_id", "labelled_at", "oldest_turn_at"):
        op.create_index(f"ix_labelled_example_{column}", "labelled_example", [column])


def downgrade() -> None:
    for column in ("oldest_turn_at", "labelled_at", "conversation_id", "incident_id", "kind"):
        op.drop_index(f"ix_labelled_example_{column}", table_name="labelled_example")
    op.drop_table("labelled_example")
