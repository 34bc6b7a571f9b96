"""Operator commands: config check, who is on call, gaps in the rota."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from config import files
from escalation.config_loader import DEFAULT_CONFIG_DIR, ConfigInvalid, EscalationConfig, load_config
from escalation.model import Channel, Level
from escalation.schedules import gaps, who_is_on_call
from stayline_cli.config_report import print_report
from workers.config_check import check_configuration


def escalation_config(config_dir: Path | None) -> EscalationConfig:
    """The escalation files of ``--config-dir`` (default STAYLINE_CONFIG_DIR), each falling back to the
    shipped one it does not override; ConfigInvalid lists every error."""
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
    report = check_configuration(config_dir)
    print_report(report)
    if report.problems:
        raise click.exceptions.Exit(1)


def _parse_time(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise click.BadParameter("give a time zone, e.g. 2026-11-27T03:00+00:00")
    return moment


@click.command()
@click.option("--at", "at_text", help="ISO time with zone (default: now)")
@click.option("--gaps", "show_gaps", is_flag=True, help="List windows with nobody reachable on call")
@click.option("--days", type=int, default=7, show_default=True)
@config_dir_option
def oncall(at_text: str | None, show_gaps: bool, days: int, config_dir: Path | None) -> None:
    """Who is on call now (or --at a time); with --gaps, every uncovered window ahead."""
    try:
        config = escalation_config(config_dir)
    except ConfigInvalid as invalid:
        raise click.ClickException(
            f"configuration invalid (see `stayline config check`):\n{invalid}"
        ) from None
    at = _parse_time(at_text)
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
    from config.settings import get_settings
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
    link = get_settings().public_url.rstrip("/") + "/responder"
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
