"""``stayline keys``: create, list, revoke and rotate the API keys kept in the database.

A revoked key stops working on every API process at its next request: the API reads stored keys from the
database on each request (``api.auth``), with no cache to wait out. Keys in ``STAYLINE_API_KEYS`` are
listed too, but they are changed by editing that variable and restarting.
"""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from pathlib import Path

import click

from stayline_cli.ops_commands import config_dir_option, escalation_config

ROLES = ["ingest", "agent", "responder", "admin"]
PEOPLE_ROLES = ("agent", "responder")  # keys people hold; ingest and admin automation are service keys


def _database() -> str:
    from config.settings import get_settings
    from store.db import migrate

    url = get_settings().database_url
    migrate(url)
    return url


def _operator() -> str:
    """Who ran the command, for the audit trail (the operating-system account)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _check_person(role: str, person: str | None, config_dir: Path | None) -> str | None:
    person = " ".join((person or "").split()) or None
    if role == "ingest" and person:
        raise click.BadParameter("ingest keys belong to channels, not people", param_hint="--person")
    if role in PEOPLE_ROLES and not person:
        raise click.BadParameter(f"a {role} key belongs to a person: give --person", param_hint="--person")
    if role == "responder" and person:
        from escalation.config_loader import ConfigInvalid

        try:
            roster = escalation_config(config_dir).roster.responders
        except ConfigInvalid as invalid:
            raise click.ClickException(
                f"configuration invalid (see `stayline config check`):\n{invalid}"
            ) from None
        if person not in roster:
            raise click.BadParameter(f"{person!r} is not on the on-call roster", param_hint="--person")
    return person


@click.group("keys")
def keys_group() -> None:
    """API keys: each is bound to a person, or is a service key (ingest, admin automation)."""


@keys_group.command("create")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--person", help="Whose key it is (required for agent and responder keys)")
@click.option("--label", default="", help="What the key is for")
@config_dir_option
def keys_create(role: str, person: str | None, label: str, config_dir: Path | None) -> None:
    """Create an API key; it is printed once and stored only as a SHA-256 digest."""
    from store import keys, repository
    from store.db import session_scope

    person = _check_person(role, person, config_dir)
    url = _database()
    now = datetime.now(UTC)
    with session_scope(url) as session:
        key, row = keys.create(session, role, person, label, now)
        repository.audit(
            session, _operator(), "key_created", at=now, key=keys.key_id(row.digest), role=role, person=person
        )
    click.echo(key)
    whose = f"for {person}" if person else "a service key (no person)"
    click.echo(
        f"{keys.key_id(row.digest)}: role {role}, {whose}; store it now, it cannot be shown again", err=True
    )


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "never"


@keys_group.command("list")
def keys_list() -> None:
    """Every key: id, prefix, role, person, created, last used, and whether it is revoked."""
    from api.auth import KeyRing
    from config.settings import get_settings
    from store import keys
    from store.db import session_scope

    with session_scope(_database()) as session:
        rows = keys.listing(session)
    header = f"{'ID':<15} {'PREFIX':<9} {'ROLE':<10} {'PERSON':<22} {'CREATED':<17} {'LAST USED':<17} STATE"
    click.echo(header)
    for row in rows:
        state = f"revoked {_when(row.revoked_at)}" if row.revoked_at else "active"
        click.echo(
            f"{keys.key_id(row.digest):<15} {row.prefix or '-':<9} {row.role:<10} "
            f"{row.person or '(service key)':<22} {_when(row.created_at):<17} {_when(row.last_used_at):<17} "
            f"{state}{'  ' + row.label if row.label else ''}"
        )
    for principal in KeyRing(get_settings().api_keys).principals():
        click.echo(
            f"{principal.key_id:<15} {'-':<9} {principal.role.value:<10} "
            f"{principal.person or '(service key)':<22} {'-':<17} {'-':<17} in STAYLINE_API_KEYS"
        )


@keys_group.command("revoke")
@click.argument("reference")
def keys_revoke(reference: str) -> None:
    """Revoke a key (by its id, e.g. key-0123456789, or its prefix) and end its console sessions."""
    from store import keys, repository
    from store.db import session_scope

    now, operator = datetime.now(UTC), _operator()
    with session_scope(_database()) as session:
        try:
            row = keys.find(session, reference)
        except LookupError as problem:
            raise click.ClickException(str(problem)) from None
        ended = keys.revoke(session, row, now, operator)
        repository.audit(
            session, operator, "key_revoked", at=now, key=keys.key_id(row.digest), sessions_ended=ended
        )
    click.echo(f"{keys.key_id(row.digest)} revoked; {ended} console session(s) ended")


@keys_group.command("rotate")
@click.argument("reference")
def keys_rotate(reference: str) -> None:
    """Replace a key: a new one with the same role, person and label; the old one is revoked at once."""
    from store import keys, repository
    from store.db import session_scope

    now, operator = datetime.now(UTC), _operator()
    with session_scope(_database()) as session:
        try:
            row = keys.find(session, reference)
        except LookupError as problem:
            raise click.ClickException(str(problem)) from None
        if row.revoked_at is not None:
            raise click.ClickException(f"{keys.key_id(row.digest)} is already revoked: create a new key")
        key, fresh, ended = keys.rotate(session, row, now, operator)
        repository.audit(
            session,
            operator,
            "key_rotated",
            at=now,
            key=keys.key_id(row.digest),
            replaced_by=keys.key_id(fresh.digest),
            sessions_ended=ended,
        )
    click.echo(key)
    click.echo(
        f"{keys.key_id(fresh.digest)} replaces {keys.key_id(row.digest)} (revoked; {ended} console "
        "session(s) ended); store the new key now, it cannot be shown again",
        err=True,
    )
