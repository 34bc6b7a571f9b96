"""Wiring between the pure core, the store and the notifiers. Celery tasks wrap these functions."""
