"""conversation.guidance_due_at: when a conversation's guidance next has something coming due

Every sweep round (2 s) ticked every conversation with an open incident: it decoded the guidance state
(about 16 kB of JSON once a playbook is active) to find, most rounds, that nothing had come due. The moment
the next nudge or prompt expiry comes due is now kept beside the state, so a round reads only the
conversations whose moment has come. Conversations that already have guidance are due at once: their first
tick after the upgrade works out their own moment.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 06:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import store.models

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

INDEX = "ix_conversation_guidance_due_at"


def upgrade() -> None:
    with op.batch_alter_table("conversation") as batch_op:
        batch_op.add_column(
            sa.Column("guidance_due_at", store.models.UTCDateTime(timezone=True), nullable=True)
        )
    op.create_index(INDEX, "conversation", ["guidance_due_at"], if_not_exists=True)
    conversation = sa.table("conversation", sa.column("guidance_state"), sa.column("guidance_due_at"))
    op.execute(
        conversation.update()
        .where(conversation.c.guidance_state.is_not(None))
        .values(guidance_due_at=sa.func.current_timestamp())
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="conversation", if_exists=True)
    with op.batch_alter_table("conversation") as batch_op:
        batch_op.drop_column("guidance_due_at")
