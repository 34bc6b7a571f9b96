"""The ``stayline`` command line.

Commands are imported when they run (or show their own ``--help``), not when ``stayline`` starts: the
detector, the web framework and the database layer take seconds to import, and `stayline --help` at
3 a.m. must answer at once. Each entry keeps its one-line summary here for the top-level help.
"""

from __future__ import annotations

import importlib

import click

# name -> (module, attribute, summary shown by `stayline --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "scan": ("stayline_cli.detector_commands", "scan", "Score one message; show the evidence."),
    "detect": ("stayline_cli.detector_commands", "detect", "Score a JSONL file."),
    "evaluate": ("stayline_cli.detector_commands", "evaluate", "Measure the detector."),
    "train": ("stayline_cli.detector_commands", "train", "Retrain the model with a centre's own data."),
    "config": ("stayline_cli.ops_commands", "config_group", "Configuration: config check."),
    "oncall": ("stayline_cli.ops_commands", "oncall", "Who is on call (--at a time); --gaps."),
    "page": ("stayline_cli.ops_commands", "page_group", "Paging commands (page test)."),
    "keys": ("stayline_cli.keys_commands", "keys_group", "API keys: create, list, revoke, rotate."),
    "serve": ("stayline_cli.service_commands", "serve", "The HTTP API (no broker: worker too)."),
    "worker": ("stayline_cli.service_commands", "worker", "A Celery worker for scans and pages."),
    "beat": ("stayline_cli.service_commands", "beat", "Optional extra sweep rounds on the 'sweep' queue."),
    "demo": ("stayline_cli.demo", "demo", "Replay sample conversations; watch paging."),
    "purge": ("stayline_cli.record_commands", "purge", "Remove message text before a date."),
    "prune": ("stayline_cli.record_commands", "prune", "Delete whole months past the pruning horizons."),
    "audit": ("stayline_cli.record_commands", "audit_group", "The audit trail."),
    "incident": ("stayline_cli.record_commands", "incident_group", "An incident's record: export it."),
    "feedback": ("stayline_cli.feedback_commands", "feedback_group", "Labelled examples: feedback export."),
    "model": ("stayline_cli.model_commands", "model_group", "Models: evaluate, promote, rollback."),
}  # fmt: skip


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, attribute, _ = entry
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, _, summary) in COMMANDS.items()])


@click.group(cls=LazyGroup)
@click.version_option(package_name="stayline")
def cli() -> None:
    """stayline: crisis-signal detection and escalation for contact centres."""
