"""Detector commands: scan, detect, evaluate, train.

The detector (spaCy, scikit-learn) is imported inside the commands, never at module level: `stayline
--help` and every other command's `--help` must not pay seconds for a model they do not use.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

if TYPE_CHECKING:
    from detector import Assessment, Detector, behaviour
    from detector.evaluation import LevelReport

BATCH = 256
LEVEL_COLOURS = {"none": "green", "low": "cyan", "moderate": "yellow", "high": "red", "imminent": "magenta"}


def _detector() -> Detector:
    from detector import Detector

    click.echo("loading detector...", err=True)
    return Detector()


def _rows(handle: TextIO, source: str) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise click.ClickException(f"{source}:{number}: not valid JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise click.ClickException(f"{source}:{number}: expected a JSON object")
        yield row


def _batches(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def highlight(text: str, assessment: Assessment) -> str:
    """The text with each piece of evidence underlined and coloured by whether it counts."""
    out, last = [], 0
    for signal in sorted(assessment.signals, key=lambda s: s.start):
        if signal.start < last:
            continue
        out.append(text[last : signal.start])
        colour = "red" if signal.counts else "bright_black"
        out.append(click.style(text[signal.start : signal.end], fg=colour, bold=True, underline=True))
        last = signal.end
    out.append(text[last:])
    return "".join(out)


@click.command()
@click.argument("text")
@click.option("--channel", type=click.Choice(["chat", "voice", "sms"]), default="chat")
@click.option("--json", "as_json", is_flag=True, help="Print the assessment as JSON")
@click.option("--explain", "explain_parts", is_flag=True, help="Also show what rules and model say alone")
def scan(text: str, channel: str, as_json: bool, explain_parts: bool) -> None:
    """Score one message and show the evidence."""
    from detector.explain import explain

    detector = _detector()
    assessment = detector.assess(text, channel=channel)
    explanation = explain(detector, text, channel) if explain_parts else None
    if as_json:
        body = assessment.to_dict()
        if explanation is not None:
            body["explain"] = explanation.to_dict()
        click.echo(json.dumps(body, indent=2))
        return
    level = assessment.level.label
    click.echo(
        f"level: {click.style(level, fg=LEVEL_COLOURS[level], bold=True)}  "
        f"category: {assessment.category.value}  score: {assessment.score:.2f}"
    )
    click.echo(highlight(text, assessment))
    for signal in assessment.signals:
        modifiers = ", ".join(sorted(m.value for m in signal.modifiers)) or "counts"
        click.echo(f"  {signal.kind.value:<20} {signal.text!r} [{modifiers}] ({signal.rule})")
    for note in assessment.notes:
        click.echo(f"  note: {note}")
    if explanation is not None:
        for part, level in explanation.levels.items():
            click.echo(f"  {part + ':':<12} {level}")
        shown = ", ".join(f"P(>= {level}) {p:.2f}" for level, p in explanation.at_least.items())
        click.echo(f"  model:       {shown}")


@click.command()
@click.option("--input", "input_path", type=click.File("r", encoding="utf-8"), required=True)
@click.option("--output", "output_path", type=click.File("w", encoding="utf-8"), default="-")
@click.option(
    "--conversations", is_flag=True, help='Rows are {"id", "turns": [...]}; write the level per turn'
)
def detect(input_path: TextIO, output_path: TextIO, conversations: bool) -> None:
    """Score a JSONL file of messages (or conversations)."""
    rows = list(_rows(input_path, input_path.name))
    detector = _detector()
    with click.progressbar(length=len(rows), label="scoring", file=sys.stderr) as bar:
        for batch in _batches(rows):
            if conversations:
                results = [_conversation_levels(detector, row) for row in batch]
            else:
                results = _score_batch(detector, batch)
            for result in results:
                output_path.write(json.dumps(result) + "\n")
            bar.update(len(batch))


def _score_batch(detector: Detector, batch: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    texts = [str(row.get("text", "")) for row in batch]
    channels = [_channel(row) for row in batch]
    results = []
    for row, assessment in zip(batch, detector.assess_many(texts, channel=channels), strict=True):
        data = assessment.to_dict()
        results.append(
            {"id": row.get("id"), **{k: data[k] for k in ("level", "category", "score", "signals")}}
        )
    return results


def _turns(row: dict[str, Any]) -> list[tuple[str, str]]:
    """(speaker, text) per turn: {"speaker", "text"} objects, or plain strings as customer turns."""
    turns = []
    for turn in row.get("turns") or []:
        if isinstance(turn, dict):
            speaker = "agent" if str(turn.get("speaker", "customer")).lower() == "agent" else "customer"
            turns.append((speaker, str(turn.get("text", ""))))
        else:
            turns.append(("customer", str(turn)))
    return turns


def _conversation_levels(detector: Detector, row: dict[str, Any]) -> dict[str, Any]:
    """The conversation's level after each customer turn (agent turns are context, never scored)."""
    from detector import ConversationState

    state = ConversationState()
    levels, categories = [], []
    channel = _channel(row)
    for speaker, text in _turns(row):
        assessment, state = detector.follow(text, state, channel=channel, speaker=speaker)
        if assessment is not None:
            levels.append(assessment.level.label)
            categories.append(assessment.category.value)
    return {
        "id": row.get("id"),
        "levels": levels,
        "categories": categories,
        "level": state.level.label,
        "category": state.category.value,
    }


def _channel(row: dict[str, Any]) -> str:
    channel = str(row.get("channel") or "chat")
    return channel if channel in ("chat", "voice", "sms") else "chat"


@click.command()
@click.option("--data", "data_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--suite",
    "suite_path",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[PATH]",
    help="Run the behavioural suite (CheckList-style templates x lexicons; default: the shipped "
    "tests/behaviour) and print pass rates per capability and test type",
)
@click.option(
    "--expect-map",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON mapping a data set's own labels to flag / escalate / no_escalation / ignore",
)
@click.option("--errors", type=int, default=0, help="Show up to N misclassified rows")
@click.option(
    "--conversations",
    is_flag=True,
    help='Rows are conversations {"id", "channel", "turns": [{"speaker", "text"}], "levels": [...]}',
)
@click.option(
    "--ablate",
    is_flag=True,
    help="Run each component alone and all together: rules only, model only, answers to questions, fused",
)
def evaluate(
    data_path: Path | None,
    suite_path: str | None,
    expect_map: Path | None,
    errors: int,
    conversations: bool,
    ablate: bool,
) -> None:
    """Measure the detector on labelled data (--data) or on the behavioural suite (--suite)."""
    if suite_path is not None:
        if data_path is not None or conversations or ablate or expect_map is not None:
            raise click.UsageError("--suite runs on its own: leave out --data, --conversations, --ablate")
        _evaluate_suite(Path(suite_path) if suite_path else None, errors)
        return
    if data_path is None:
        raise click.UsageError("give --data PATH (labelled JSONL) or --suite [PATH]")
    with data_path.open(encoding="utf-8") as handle:
        rows = list(_rows(handle, str(data_path)))
    detector = _detector()
    if ablate:
        full = detector.config
        for name, components in ABLATIONS.items():
            click.echo(f"\n== {name} ==")
            detector.config = replace(full, components=components)
            if conversations:
                _evaluate_conversations(detector, rows, 0)
            else:
                _evaluate_messages(detector, rows, data_path, expect_map, 0)
        detector.config = full
        return
    if conversations:
        _evaluate_conversations(detector, rows, errors)
        return
    _evaluate_messages(detector, rows, data_path, expect_map, errors)


ABLATIONS = {
    "rules only": frozenset({"rules"}),
    "model only": frozenset({"model"}),
    "rules + model (no answers to questions)": frozenset({"rules", "model"}),
    "rules + model + answers to questions": frozenset({"rules", "model", "conversation"}),
    "fused (+ the last turns read together)": frozenset({"rules", "model", "conversation", "window"}),
}


def _evaluate_messages(
    detector: Detector, rows: Sequence[dict[str, Any]], data_path: Path, expect_map: Path | None, errors: int
) -> None:
    from detector import RiskLevel
    from detector.evaluation import ExpectationReport, LevelReport, expectation_for

    expectations = json.loads(expect_map.read_text()) if expect_map else None
    levels, expected, mistakes = LevelReport(), ExpectationReport(), []
    with click.progressbar(length=len(rows), label="evaluating", file=sys.stderr) as bar:
        for batch in _batches(rows):
            texts = [str(r.get("text", "")) for r in batch]
            for row, result in zip(
                batch, detector.assess_many(texts, channel=[_channel(r) for r in batch]), strict=True
            ):
                if expectations is not None:
                    source = str(row.get("source") or data_path.parent.name)
                    rule = expectation_for(str(row.get("label")), source, expectations)
                    expected.add(source, str(row.get("label")), rule, result.level)
                elif "level" in row:
                    true = RiskLevel.parse(str(row["level"]))
                    groups = [f"category={row.get('category', 'none')}", f"channel={_channel(row)}"]
                    levels.add(true, result.level, groups)
                    if true != result.level:
                        mistakes.append((row, result))
            bar.update(len(batch))
    if expectations is not None:
        _table(expected.rows())
        return
    _print_levels(levels)
    for row, result in mistakes[:errors]:
        click.echo(
            f"  {row.get('id')}: true {row['level']}/{row.get('category')} got {result.level.label}/"
            f"{result.category.value}: {row.get('text', '')[:140]!r}"
        )


def _evaluate_conversations(detector: Detector, rows: Sequence[dict[str, Any]], errors: int) -> None:
    from detector import RiskLevel
    from detector.evaluation import ConversationReport

    report = ConversationReport()
    with click.progressbar(rows, label="evaluating", file=sys.stderr) as bar:
        for row in bar:
            result = _conversation_levels(detector, row)
            true = [
                RiskLevel.parse(str(level)) for level in row.get("levels") or [row.get("final_level", "none")]
            ]
            predicted = [RiskLevel.parse(level) for level in result["levels"]]
            groups = [f"channel={_channel(row)}"]
            if row.get("industry"):
                groups.append(f"industry={row['industry']}")
            report.add(str(row.get("id")), true, predicted, groups)
    _table(report.rows())
    if report.wrong and errors:
        click.echo("\nwrong final level (id: true -> predicted):")
        for conversation_id, true_final, predicted_final in report.wrong[:errors]:
            click.echo(f"  {conversation_id}: {true_final} -> {predicted_final}")


def _evaluate_suite(path: Path | None, errors: int) -> None:
    from detector import behaviour

    try:
        suite = behaviour.load_suite(path)
        broken = behaviour.check_split(suite)
    except (behaviour.SuiteError, OSError) as error:
        raise click.ClickException(str(error)) from None
    if broken:
        listed = "\n  ".join(broken[:20])
        raise click.ClickException(
            f"the suite's lexicons are not held out from the training corpus:\n  {listed}"
        )
    detector = _detector()
    click.echo(f"running {len(suite.cases)} behavioural cases from {suite.path}...", err=True)
    results = behaviour.run(detector, suite.cases)
    per_capability = behaviour.by_capability(results)
    per_type = behaviour.rates(results, lambda r: r.case.type)
    rows = [["type", "capability", "cases", "passed", "failed", "pass rate"]]
    for kind in behaviour.TYPES:
        for (row_type, capability), rate in per_capability.items():
            if row_type == kind:
                rows.append(_rate_row(kind, capability, rate))
    for kind in behaviour.TYPES:
        if kind in per_type:
            rows.append(_rate_row(kind, "(all)", per_type[kind]))
    overall = behaviour.rates(results, lambda r: "all")["all"]
    rows.append(_rate_row("all", "(all)", overall))
    _table(rows)
    if not errors:
        return
    patterns = behaviour.failure_patterns(results)
    click.echo(f"\nfailing templates (failed/cases), up to {errors}, most failures first:")
    for test, template, failed, total, example in patterns[:errors]:
        levels = " -> ".join(level.label for level in example.levels)
        described = " || ".join(probe.describe() for probe in example.case.probes)
        click.echo(f"  {failed}/{total} {test}: {template}")
        click.echo(
            f"      e.g. {example.case.id}: got {levels}, wanted {example.case.wanted()}: {described[:200]!r}"
        )


def _rate_row(kind: str, capability: str, rate: behaviour.Rate) -> list[str]:
    return [
        kind,
        capability,
        str(rate.total),
        str(rate.passed),
        str(rate.total - rate.passed),
        f"{rate.rate:.3f}",
    ]


def _print_levels(report: LevelReport) -> None:
    click.echo("confusion matrix (rows: true level, columns: predicted)")
    _table(report.confusion_rows())
    header = [
        "group",
        "n",
        "escalation_recall",
        "false_escalation_on_none",
        "flagged_on_none",
        "within_one",
        "exact",
    ]
    rows = [header]
    for group in sorted(report.by_group, key=lambda g: (g != "all", g)):
        f = report.figures(group)
        rows.append(
            [
                group,
                str(int(f["n"] or 0)),
                *(_fmt(f[k]) for k in header[2:5]),
                _fmt(f["level_within_one"]),
                _fmt(f["level_exact"]),
            ]
        )
    click.echo()
    _table(rows)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


@click.command()
@click.option(
    "--corpus",
    "corpora",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Extra labelled JSONL file or directory (text, level, category, channel); repeatable",
)
@click.option("--model-dir", type=click.Path(path_type=Path), help="Where to write the artifact")
@click.option(
    "--with-feedback",
    "feedback",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Build a versioned candidate with this `stayline feedback export` file (not promoted; "
    "docs/models.md)",
)
def train(corpora: tuple[Path, ...], model_dir: Path | None, feedback: Path | None) -> None:
    """Retrain the model on the built-in corpus plus a contact centre's own labelled data."""
    from config.settings import get_settings
    from detector.classifier import artifact_path, train_and_save

    directory = model_dir or get_settings().model_dir
    if feedback is not None:
        _train_candidate(directory, corpora, feedback)
        return
    click.echo(f"training on the built-in corpus plus {len(corpora)} extra corpora...")
    model = train_and_save(directory, corpora)
    click.echo(f"wrote {artifact_path(directory, model.corpus_digest)} ({model.version})")
    if corpora:
        click.echo("set STAYLINE_CORPUS_DIRS to the same corpora so the service loads this model")


def _train_candidate(directory: Path, corpora: tuple[Path, ...], feedback: Path) -> None:
    from config.settings import get_settings
    from detector.lifecycle import NotEnoughFeedback, train_candidate

    settings = get_settings()
    try:
        candidate = train_candidate(
            directory,
            feedback,
            extra_corpora=[*settings.corpus_dirs, *corpora],
            min_examples=settings.feedback_min_examples,
            holdout_fraction=settings.feedback_holdout_fraction,
            progress=lambda stage: click.echo(stage, err=True),
        )
    except (NotEnoughFeedback, ValueError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"candidate {candidate.id} written to {candidate.path} (not promoted)")
    click.echo("next: stayline model evaluate [--data FILE ...] [--public DIR], then stayline model promote")
