"""How `stayline config check` and a refused start-up print a configuration report."""

from __future__ import annotations

import click

from config.files import PACKAGED_CONFIG_DIR
from workers.config_check import ConfigReport, label


def print_report(report: ConfigReport) -> None:
    """What was read, part by part and file by file with what it holds; then every error on stderr."""
    if report.base.resolve() == PACKAGED_CONFIG_DIR:
        click.echo("configuration: the shipped files")
    else:
        click.echo(f"configuration: {report.base}, over the shipped files for anything it does not hold")
    width = max((len(label(f.path, report.base)) for part in report.parts for f in part.files), default=0)
    for part in report.parts:
        verdict = f"{len(part.errors)} problem(s)" if part.errors else "ok"
        files = f"{len(part.files)} file(s), " if part.files else ""
        click.echo(f"{part.name}: {files}{verdict}")
        for checked in part.files:
            click.echo(f"  {label(checked.path, report.base):<{width}}  {checked.holds}".rstrip())
    for problem in report.problems:
        click.echo(problem, err=True)
    if report.problems:
        found = f"{len(report.problems)} problem(s) in {report.file_count} files checked"
        click.echo(f"configuration INVALID: {found}", err=True)
    else:
        click.echo(f"configuration OK: {report.file_count} files checked")


def refusal(report: ConfigReport) -> str:
    """Why a service process will not start: the problems that would stop it paging, one per line."""
    lines = "\n".join(report.fatal)
    return f"configuration invalid, not starting (`stayline config check` lists every file):\n{lines}"
