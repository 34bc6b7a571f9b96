"""index page.updated_at: the supervisor floor's "alarms and unreached pages" (api.console.reads.unreached)

EXPLAIN on bench/scale.py's seeded database (20,000 pages) showed a sequential scan of ``page`` on every
floor render; the table grows with every incident. Self-contained: it only adds one index if absent.

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX, like 0012: pre-create it with CREATE INDEX CONCURRENTLY under the same name on a
    # large database and this revision leaves it alone.
    op.create_index("ix_page_updated_at", "page", ["updated_at"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_page_updated_at", table_name="page", if_exists=True)
