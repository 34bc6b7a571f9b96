"""Labels from outcomes (issue 15): ``feedback export`` writes what responders said incidents were as a
corpus file. Works on ``STAYLINE_DATABASE_URL`` and migrates it first."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import click


@click.group("feedback")
def feedback_group() -> None:
    """Labelled examples from resolved incidents."""


@feedback_group.command("export")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="The JSONL file to write (default: standard output)",
)
def feedback_export(output: Path | None) -> None:
    """Write labelled examples, one JSON object a line, in the corpus format (detector/corpus/*.jsonl)
    plus source, labelled_by and labelled_at. A summary (counts only, never text) goes to stderr."""
    from stayline_cli.record_commands import _database
    from store.db import session_scope
    from workers.feedback import ExportCounts, feedback_rows

    counts = ExportCounts()
    with session_scope(_database()) as session:
        if output is None:
            _write(feedback_rows(session, counts), sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as handle:
                _write(feedback_rows(session, counts), handle)
    labels = ", ".join(f"{level} {n}" for level, n in sorted(counts.by_label.items())) or "none"
    click.echo(
        f"exported {counts.exported} examples from {counts.incidents} labelled incidents ({labels}); "
        f"skipped {counts.skipped_purged} purged by retention, {counts.unclear} incidents labelled unclear, "
        f"{counts.incidents_without_turns} incidents without an assessed customer turn",
        err=True,
    )


def _write(rows: Iterable[dict[str, Any]], handle: TextIO) -> None:
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
