"""The record: retention by hand (``purge``, ``prune``), the audit chain (``audit verify``), incident reviews
(``incident export``). Each works on ``STAYLINE_DATABASE_URL`` and migrates it first."""

from __future__ import annotations

from datetime import UTC, datetime

import click


def _database() -> str:
    from config.settings import get_settings
    from store.db import migrate

    url = get_settings().database_url
    migrate(url)
    return url


def _day_or_time(value: str) -> datetime:
    """A date is its midnight UTC; a time must say its zone."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (2026-11-01) or a time with zone") from None
    if len(value) == 10:
        return moment.replace(tzinfo=UTC)
    if moment.tzinfo is None:
        raise click.BadParameter("give a time zone, e.g. 2026-11-01T00:00+00:00")
    return moment


@click.command()
@click.option("--before", "before_text", required=True, help="Date (UTC midnight) or ISO time with zone")
def purge(before_text: str) -> None:
    """Remove message text and evidence words received before BEFORE (as the daily job does); levels,
    categories, offsets and the audit trail stay, and so do conversations under an open incident."""
    from workers.retention import purge_before

    before = _day_or_time(before_text)
    now = datetime.now(UTC)
    if before > now:
        raise click.BadParameter("BEFORE is in the future: that would purge today's conversations")
    from config.settings import get_settings

    keep = get_settings().keep_labelled_text
    report = purge_before(_database(), before, now, keep_labelled_text=keep)
    click.echo(
        f"purged {report.messages} messages and {report.assessments} evidence lists before "
        f"{before.isoformat()}; kept {report.kept_open} under an open incident; labelled examples: "
        f"{report.examples} emptied to their features, {report.examples_kept} keep their text"
    )


@click.command()
@click.option(
    "--messages-after-days",
    type=click.IntRange(min=31),
    default=None,
    help="Override STAYLINE_PRUNE_MESSAGES_AFTER_DAYS for this run",
)
@click.option(
    "--audit-after-days",
    type=click.IntRange(min=31),
    default=None,
    help="Override STAYLINE_PRUNE_AUDIT_AFTER_DAYS for this run",
)
def prune(messages_after_days: int | None, audit_after_days: int | None) -> None:
    """Delete whole months older than the pruning horizons (as the daily job does): messages and their
    assessments of quiet conversations, and the oldest audit rows after an anchor `audit verify` starts
    from. Conversations under an open incident, incidents, pages and labelled examples stay."""
    from config.settings import get_settings
    from workers.pruning import prune as run_prune

    settings = get_settings()
    messages_days = messages_after_days or settings.prune_messages_after_days
    audit_days = audit_after_days or settings.prune_audit_after_days
    if messages_days is None and audit_days is None:
        click.echo(
            "pruning is off: set STAYLINE_PRUNE_MESSAGES_AFTER_DAYS / STAYLINE_PRUNE_AUDIT_AFTER_DAYS "
            "or pass --messages-after-days / --audit-after-days"
        )
        return
    report = run_prune(
        _database(),
        datetime.now(UTC),
        messages_after_days=messages_days,
        audit_after_days=audit_days,
        size=settings.prune_batch_size,
        who="cli",
    )
    if report.messages is not None:
        m = report.messages
        click.echo(
            f"messages before {m.before.isoformat()}: deleted {m.messages} messages and {m.assessments} "
            f"assessments in {m.batches} batches; kept {m.kept} (open incident or activity since)"
        )
    if report.audit is not None:
        a = report.audit
        anchor = f"; the trail now starts after seq {a.anchor_seq}" if a.anchor_seq is not None else ""
        click.echo(
            f"audit rows before {a.before.isoformat()}: deleted {a.rows} in {a.batches} batches{anchor}"
        )


@click.group("audit")
def audit_group() -> None:
    """The audit trail."""


@audit_group.command("verify")
def audit_verify() -> None:
    """Walk the hash chain; report the first broken link (exit 1) or that every row holds."""
    from store.audit_chain import verify
    from store.db import session_scope

    with session_scope(_database()) as session:
        result = verify(session)
    start = f" from the anchor at seq {result.anchor_seq}" if result.anchor_seq is not None else ""
    if result.first_break is None:
        click.echo(f"audit trail intact: {result.rows} rows{start}")
        return
    broken = result.first_break
    where = f"row {broken.seq}" if broken.seq is not None else "a row"
    row_id = f" (id {broken.row_id})" if broken.row_id is not None else ""
    click.echo(
        f"audit trail broken at {where}{row_id}: {broken.reason}; {result.rows} rows before it hold{start}"
    )
    raise click.exceptions.Exit(1)


@click.group("incident")
def incident_group() -> None:
    """Incidents."""


@incident_group.command("export")
@click.argument("code")
def incident_export(code: str) -> None:
    """Print the review timeline of incident CODE: pages, channels, times, acknowledgements, prompts."""
    from store.db import session_scope
    from workers.incident_export import export_incident

    with session_scope(_database()) as session:
        lines = export_incident(session, code)
    if lines is None:
        raise click.ClickException(f"no incident {code!r}")
    for line in lines:
        click.echo(line)
