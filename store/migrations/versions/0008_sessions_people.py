"""server-side console sessions, keys bound to people, manual flags

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import store.models

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "console_session",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("token_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("person", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("key_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("key_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", store.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", store.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_reason", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("ended_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_digest"),
    )
    op.create_index("ix_console_session_key_digest", "console_session", ["key_digest"])
    op.create_index("ix_console_session_ended_at", "console_session", ["ended_at"])
    # Existing keys keep working: they become service keys (no person) until rotated with --person.
    with op.batch_alter_table("api_key") as table:
        table.add_column(sa.Column("person", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        table.add_column(sa.Column("prefix", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
        table.add_column(sa.Column("last_used_at", store.models.UTCDateTime(timezone=True), nullable=True))
        table.add_column(sa.Column("revoked_at", store.models.UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table("conversation") as table:
        table.add_column(
            sa.Column(
                "origin",
                sqlmodel.sql.sqltypes.AutoString(length=16),
                nullable=False,
                server_default="messages",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("conversation") as table:
        table.drop_column("origin")
    with op.batch_alter_table("api_key") as table:
        for column in ("revoked_at", "last_used_at", "prefix", "person"):
            table.drop_column(column)
    op.drop_index("ix_console_session_ended_at", table_name="console_session")
    op.drop_index("ix_console_session_key_digest", table_name="console_session")
    op.drop_table("console_session")
