"""The ``stayline`` command line."""

from __future__ import annotations

import click

from stayline_cli.demo import demo
from stayline_cli.detector_commands import detect, evaluate, scan, train
from stayline_cli.keys_commands import keys_group
from stayline_cli.ops_commands import config_group, oncall, page_group
from stayline_cli.record_commands import audit_group, incident_group, purge
from stayline_cli.service_commands import beat, serve, worker


@click.group()
@click.version_option(package_name="stayline")
def cli() -> None:
    """stayline: crisis-signal detection and escalation for contact centres."""


cli.add_command(scan)
cli.add_command(detect)
cli.add_command(evaluate)
cli.add_command(train)
cli.add_command(config_group)
cli.add_command(oncall)
cli.add_command(page_group)
cli.add_command(keys_group)
cli.add_command(serve)
cli.add_command(worker)
cli.add_command(beat)
cli.add_command(demo)
cli.add_command(purge)
cli.add_command(audit_group)
cli.add_command(incident_group)
