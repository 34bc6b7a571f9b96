"""The model lifecycle (issue 15): list, evaluate, promote, rollback. Candidates are built by
``stayline train --with-feedback FILE``. See docs/models.md."""

from __future__ import annotations

from pathlib import Path

import click


def _model_dir(model_dir: Path | None) -> Path:
    from config.settings import get_settings

    return model_dir or get_settings().model_dir


MODEL_DIR = click.option(
    "--model-dir", type=click.Path(file_okay=False, path_type=Path), help="Default: STAYLINE_MODEL_DIR"
)


@click.group("model")
def model_group() -> None:
    """Versioned detector models: candidates, the current one, promotion and rollback."""


@model_group.command("list")
@MODEL_DIR
def model_list(model_dir: Path | None) -> None:
    """Every artifact with what it was trained on; the current one and the candidate are marked."""
    from detector.artifacts import CANDIDATE, CURRENT, ArtifactError, ModelStore

    store = ModelStore(_model_dir(model_dir))
    current, candidate = store.pointer(CURRENT), store.pointer(CANDIDATE)
    if not store.ids():
        click.echo("no versioned models yet: the built-in model serves (stayline train --with-feedback FILE)")
    for model_id in store.ids():
        marks = [
            m for m, on in (("current", model_id == current), ("candidate", model_id == candidate)) if on
        ]
        try:
            m = store.manifest(model_id)
        except ArtifactError as error:
            click.echo(f"{model_id}  REFUSED: {error.reason}")
            continue
        rows = sum(f.rows for f in m.corpus)
        fed = f", feedback {m.feedback['trained_on']}+{m.feedback['held_out']} held out" if m.feedback else ""
        click.echo(
            f"{model_id}  {m.kind}  {m.created_at[:19]}  corpus {rows} rows in {len(m.corpus)} files{fed}"
            f"  sklearn {m.sklearn_version}{'  [' + ', '.join(marks) + ']' if marks else ''}"
        )


@model_group.command("evaluate")
@MODEL_DIR
@click.option("--candidate", "candidate_id", help="A model id (default: the latest candidate)")
@click.option(
    "--data",
    "data_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Labelled JSONL: messages (level per row) or conversations (turns, levels); repeatable",
)
@click.option(
    "--public",
    "public_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Public sets: <DIR>/<name>/data.jsonl and <DIR>/EXPECTATIONS.json",
)
@click.option("--public-rows", type=int, default=0, help="Use only the first N rows of each public set")
@click.option(
    "--suite",
    "suite_path",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="A behavioural suite directory (default: the shipped tests/behaviour)",
)
@click.option("--no-suite", is_flag=True, help="Leave the behavioural suite out")
def model_evaluate(
    model_dir: Path | None,
    candidate_id: str | None,
    data_paths: tuple[Path, ...],
    public_dir: Path | None,
    public_rows: int,
    suite_path: Path | None,
    no_suite: bool,
) -> None:
    """Candidate against current, side by side, on the given sets, the behavioural suite and the held-out
    slice of the candidate's own feedback. Prints one table; saves it for `model promote`."""
    from config.settings import get_settings
    from detector import Detector
    from detector.artifacts import CANDIDATE, ArtifactError, ModelStore
    from detector.comparison import (
        EvaluationSet,
        compare,
        data_set,
        public_sets,
        read_jsonl,
        suite_set,
        table,
    )
    from detector.comparison import message_set as messages
    from stayline_cli.detector_commands import _table
    from workers.models import current_or_builtin, save_evaluation

    settings = get_settings()
    directory = _model_dir(model_dir)
    store = ModelStore(directory)
    chosen = candidate_id or store.pointer(CANDIDATE)
    if chosen is None:
        raise click.ClickException("no candidate: run `stayline train --with-feedback FILE` first")
    in_force = current_or_builtin(directory, settings.corpus_dirs)
    try:
        candidate, _ = store.load(chosen)
        current, _ = store.load(in_force)
    except ArtifactError as error:
        raise click.ClickException(str(error)) from None
    sets: list[EvaluationSet] = [data_set(p) for p in data_paths]
    if public_dir is not None:
        sets.append(public_sets(public_dir, public_rows))
    if not no_suite:
        sets.append(suite_set(suite_path))
    heldout = store.heldout_path(chosen)
    if heldout.exists() and (rows := list(read_jsonl(heldout))):
        sets.append(messages("held-out feedback", rows))
    click.echo(f"current {in_force}\ncandidate {chosen}\nloading detector...", err=True)
    figures = compare(Detector(model=current), current, candidate, sets)
    _table(table(figures, settings.promote_tolerance))
    save_evaluation(store, chosen, in_force, figures)
    worse = [f for f in figures if f.worse_by > settings.promote_tolerance]
    verdict = f"worse on {len(worse)} gated figure(s): promotion will refuse" if worse else "no regression"
    click.echo(f"\n{verdict} (tolerance {settings.promote_tolerance:.3f}, STAYLINE_PROMOTE_TOLERANCE)")


@model_group.command("promote")
@MODEL_DIR
@click.option("--candidate", "candidate_id", help="A model id (default: the latest candidate)")
@click.option("--force", is_flag=True, help="Promote despite regressions or a missing evaluation (audited)")
def model_promote(model_dir: Path | None, candidate_id: str | None, force: bool) -> None:
    """Make the candidate the current model; workers pick it up without a restart."""
    from config.settings import get_settings
    from stayline_cli.keys_commands import _operator
    from stayline_cli.record_commands import _database
    from workers.models import PromotionRefused, promote

    settings = get_settings()
    try:
        change = promote(
            _database(),
            _model_dir(model_dir),
            settings.corpus_dirs,
            _operator(),
            candidate=candidate_id,
            tolerance=settings.promote_tolerance,
            force=force,
        )
    except PromotionRefused as refused:
        raise click.ClickException(f"refused: {refused}") from None
    forced = f" (FORCED over {len(change.overridden)} regression(s); audited)" if change.forced else ""
    click.echo(f"promoted {change.current}, was {change.previous}{forced}")
    click.echo(f"workers switch within {settings.model_reload_seconds:g} s")


@model_group.command("rollback")
@MODEL_DIR
def model_rollback(model_dir: Path | None) -> None:
    """Return to the model that was current before the current one was promoted (audited)."""
    from config.settings import get_settings
    from stayline_cli.keys_commands import _operator
    from stayline_cli.record_commands import _database
    from workers.models import PromotionRefused, rollback

    try:
        change = rollback(_database(), _model_dir(model_dir), _operator())
    except PromotionRefused as refused:
        raise click.ClickException(f"refused: {refused}") from None
    click.echo(f"rolled back to {change.current}, was {change.previous}")
    click.echo(f"workers switch within {get_settings().model_reload_seconds:g} s")
