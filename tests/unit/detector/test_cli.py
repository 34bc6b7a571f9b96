from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from stayline_cli.main import cli


def test_scan_prints_level_and_evidence() -> None:
    result = CliRunner().invoke(cli, ["scan", "--json", "i have been hoarding my tablets"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{") :])
    assert data["level"] == "high" and data["signals"][0]["text"] == "hoarding my tablets"


def test_scan_explain_shows_each_part_alone() -> None:
    # Harmless: every part alone says none; the model's probabilities are cumulative, so never increase.
    result = CliRunner().invoke(cli, ["scan", "--json", "--explain", "what's the price of a fleece jacket"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output[result.output.index("{") :])
    assert body["explain"]["levels"] == {"rules only": "none", "model only": "none", "fused": "none"}
    at_least = body["explain"]["model_at_least"]
    assert list(at_least) == ["low", "moderate", "high", "imminent"]
    assert at_least["low"] >= at_least["moderate"] >= at_least["high"] >= at_least["imminent"]

    result = CliRunner().invoke(cli, ["scan", "--explain", "i swallowed thirty of my quetiapine an hour ago"])
    assert "rules only:  imminent" in result.output and "fused:       imminent" in result.output


def test_detect_writes_one_row_per_message(tmp_path: Path) -> None:
    rows = tmp_path / "in.jsonl"
    rows.write_text(
        json.dumps({"id": "a", "text": "where is my refund"})
        + "\n"
        + json.dumps({"id": "b", "text": "i want to kill myself", "channel": "voice"})
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["detect", "--input", str(rows), "--output", str(out)])
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], r["level"]) for r in written] == [("a", "none"), ("b", "high")]
    assert set(written[1]) == {"id", "level", "category", "score", "signals"}


def test_detect_conversations_gives_the_level_after_every_turn(tmp_path: Path) -> None:
    rows = tmp_path / "conv.jsonl"
    turns = ["hi, quick question about my bill", "i've been saving my pills", "tonight is the night"]
    rows.write_text(json.dumps({"id": "c1", "turns": turns}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli, ["detect", "--conversations", "--input", str(rows), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["levels"] == ["none", "high", "imminent"]


def test_detect_refuses_malformed_rows_with_the_line_number(tmp_path: Path) -> None:
    rows = tmp_path / "bad.jsonl"
    rows.write_text('{"id": "ok", "text": "fine"}\n{not json\n')
    result = CliRunner().invoke(cli, ["detect", "--input", str(rows)])
    assert result.exit_code != 0 and "bad.jsonl:2" in result.output


def test_evaluate_reports_escalation_recall(tmp_path: Path) -> None:
    rows = tmp_path / "labelled.jsonl"
    data = [("my router keeps dropping", "none"), ("i swallowed the whole bottle of pills", "imminent")]
    rows.write_text(
        "".join(json.dumps({"id": i, "text": t, "level": lvl}) + "\n" for i, (t, lvl) in enumerate(data))
    )
    result = CliRunner().invoke(cli, ["evaluate", "--data", str(rows)])
    assert result.exit_code == 0, result.output
    overall = next(line for line in result.output.splitlines() if line.startswith("all "))
    assert overall.split()[1:4] == ["2", "1.000", "0.000"]


def test_evaluate_with_an_expectation_map(tmp_path: Path) -> None:
    rows = tmp_path / "data.jsonl"
    rows.write_text(
        json.dumps({"id": 1, "text": "I want to end my life", "label": "risk", "source": "mine"})
        + "\n"
        + json.dumps({"id": 2, "text": "book me a table for two", "label": "calm", "source": "mine"})
        + "\n"
    )
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"mine": {"risk": "flag", "calm": "no_escalation"}}))
    result = CliRunner().invoke(cli, ["evaluate", "--data", str(rows), "--expect-map", str(mapping)])
    assert result.exit_code == 0, result.output
    assert "mine    risk   flag" in result.output and "1.0000" in result.output


def test_evaluate_suite_prints_pass_rates_per_capability(tmp_path: Path) -> None:
    (tmp_path / "lexicons.yaml").write_text(
        "closed_class: [the]\nlexicons:\n  company: [Quillfield, Hartmoor]\n", encoding="utf-8"
    )
    (tmp_path / "templates.yaml").write_text(
        """
tests:
  - {id: harmless, capability: harmless_service, type: MFT, expect: none,
     text: "why did {company} charge me twice?"}
  - {id: swap, capability: inv_entities, type: INV, perturb: "swap:company", pool: p, max: 2}
  - id: direction
    capability: dir_negation
    type: DIR
    relation: "<="
    pairs: [{base: "i want to kill myself, {company}", variant: "i don't want to kill myself, {company}"}]
pools:
  p: ["my {company} bill is wrong"]
""",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["evaluate", "--suite", str(tmp_path), "--errors", "3"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.split()[:3] == ["MFT", "harmless_service", "2"] for line in lines), result.output
    assert any(line.split()[:3] == ["INV", "inv_entities", "2"] for line in lines), result.output
    assert any(line.split()[:3] == ["all", "(all)", "6"] for line in lines), result.output


def test_evaluate_suite_refuses_a_lexicon_word_from_the_training_corpus(tmp_path: Path) -> None:
    (tmp_path / "lexicons.yaml").write_text("lexicons:\n  medicine: [paracetamol]\n", encoding="utf-8")
    (tmp_path / "templates.yaml").write_text(
        "tests:\n  - {id: t, capability: c, type: MFT, expect: imminent, text: 'took 40 {medicine}'}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["evaluate", "--suite", str(tmp_path)])
    assert result.exit_code != 0
    assert "'paracetamol' appears in the training corpus" in result.output


def test_evaluate_needs_data_or_suite() -> None:
    result = CliRunner().invoke(cli, ["evaluate"])
    assert result.exit_code != 0 and "--suite" in result.output
