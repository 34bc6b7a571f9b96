"""Operator commands: config check, who is on call, gaps in the rota.

The configuration and escalation code is imported inside each command so that `--help` stays instant.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from stayline_cli.times import UnreadableTime, parse_when

if TYPE_CHECKING:
    from escalation.config_loader import EscalationConfig


def escalation_config(config_dir: Path | None) -> EscalationConfig:
    """The escalation files of ``--config-dir`` (default STAYLINE_CONFIG_DIR), each falling back to the
    shipped one it does not override; ConfigInvalid lists every error."""
    from config import files
    from escalation.config_loader import DEFAULT_CONFIG_DIR, load_config

    return load_config((config_dir or files.config_dir()) / "escalation", fallback=DEFAULT_CONFIG_DIR)


config_dir_option = click.option(
    "--config-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Configuration directory",
)


@click.group("config")
def config_group() -> None:
    """Configuration commands."""


@config_group.command("check")
@config_dir_option
def check(config_dir: Path | None) -> None:
    """Read every file the service reads; list them and print every error with its file and line."""
    from stayline_cli.config_report import print_report
    from workers.config_check import check_configuration

    report = check_configuration(config_dir)
    print_report(report)
    if report.problems:
        raise click.exceptions.Exit(1)


def _parse_time(value: str | None, now: datetime | None = None) -> datetime:
    now = now or datetime.now(UTC)
    if value is None:
        return now
    try:
        return parse_when(value, now, now.astimezone().tzinfo or UTC)  # words read in this machine's zone
    except UnreadableTime as error:
        raise click.BadParameter(str(error), param_hint="--at") from None


@click.command()
@click.option(
    "--at",
    "at_text",
    help='When: "now" (default), "tomorrow 3am", "today 21:30", "+2h", "in 3 days", or ISO with a zone',
)
@click.option("--gaps", "show_gaps", is_flag=True, help="List windows with nobody reachable on call")
@click.option("--days", type=int, default=7, show_default=True)
@config_dir_option
def oncall(at_text: str | None, show_gaps: bool, days: int, config_dir: Path | None) -> None:
    """Who is on call now (or --at a time); with --gaps, every uncovered window ahead."""
    from escalation.config_loader import ConfigInvalid
    from escalation.model import Channel
    from escalation.schedules import gaps, who_is_on_call

    at = _parse_time(at_text)  # before reading the configuration: a typo is answered at once
    try:
        config = escalation_config(config_dir)
    except ConfigInvalid as invalid:
        raise click.ClickException(
            f"configuration invalid (see `stayline config check`):\n{invalid}"
        ) from None
    click.echo(f"on call at {at.isoformat(timespec='minutes')}")
    responders = config.roster.responders

    def reachable(name: str) -> bool:
        person = responders.get(name)
        return person is not None and any(
            person.can_use(c) for c in (Channel.SMS, Channel.VOICE, Channel.WEBHOOK)
        )

    found_gap = False
    for name, schedule in sorted(config.roster.schedules.items()):
        if not show_gaps:
            click.echo(f"{name:<20} {who_is_on_call(schedule, at) or 'NOBODY (alarm)'}")
            continue
        for gap in gaps(schedule, at, at + timedelta(days=days), reachable):
            found_gap = True
            click.echo(f"{name:<20} nobody reachable {gap.start.isoformat()} -> {gap.end.isoformat()}")
    if show_gaps and not found_gap:
        click.echo(f"no gaps in the next {days} days")
    if show_gaps and found_gap:
        raise click.exceptions.Exit(2)


@click.group("page")
def page_group() -> None:
    """Paging commands."""


@page_group.command("test")
@click.argument("responder")
@config_dir_option
def page_test(responder: str, config_dir: Path | None) -> None:
    """Send a clearly marked TEST page to RESPONDER on each of their channels and report each delivery."""
    from config import files
    from config.settings import get_settings
    from escalation.model import Channel, Level
    from escalation.notifiers.base import PageMessage
    from escalation.notifiers.config_file import NotifiersInvalid, read_notifiers
    from escalation.notifiers.registry import build_notifier

    person = escalation_config(config_dir).roster.responders.get(responder)
    if person is None:
        raise click.ClickException(f"no responder named {responder!r}")
    configs, errors = read_notifiers(files.config_path("notifiers.yaml", config_dir))
    if errors:
        raise click.ClickException(
            f"configuration invalid (see `stayline config check`):\n{NotifiersInvalid(errors)}"
        )
    notifiers = {channel: build_notifier(config) for channel, config in configs.items()}
    link = get_settings().public_url.rstrip("/") + "/"  # the console home: it signs them in, then their view
    failed = False
    for channel in person.channels:
        address = {
            Channel.SMS: person.phone,
            Channel.VOICE: person.phone,
            Channel.WEBHOOK: person.webhook_url,
        }
        message = PageMessage(
            idempotency_key=f"test/{person.name}/{channel.value}/{datetime.now(UTC).isoformat()}",
            incident_code="0000",
            responder=person.name,
            address=address.get(channel) or "console",
            channel=channel,
            level=Level.HIGH,
            category="none",
            link=link,
            kind="test",
        )
        notifier = notifiers.get(channel)
        delivery = notifier.send(message) if notifier else None
        status = delivery.status.value if delivery else "no notifier configured"
        failed = failed or delivery is None or delivery.failed
        reason = f" ({delivery.error})" if delivery and delivery.error else ""
        click.echo(f"{channel.value:<8} {status}{reason}")
    if failed:
        raise click.exceptions.Exit(1)
