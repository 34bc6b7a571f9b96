"""Persistence: SQLModel tables, sessions and migrations. The database is the source of truth for timers."""
