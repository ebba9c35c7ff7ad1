"""``il2 evidence``: tables for people, CSV and JSON for scripts, and the lookup."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from il2tui.cli.main import app

runner = CliRunner()


def _run(*argv: str):
    result = runner.invoke(app, ["evidence", *argv], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_without_a_name_it_lists_the_tables() -> None:
    out = _run()
    for name in (
        "characteristics",
        "response",
        "tempo",
        "discontinuation",
        "facts",
        "discrepancies",
    ):
        assert name in out


def test_tempo_csv_has_exactly_the_contract_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(_run("tempo", "--format", "csv"))))
    assert list(rows[0]) == ["diagnosis", "course", "state_before", "state_after", "patients"]
    assert {
        "diagnosis": "renal_cell",
        "course": "3",
        "state_before": "PR",
        "state_after": "CR",
        "patients": "8",
    } in rows
    assert len(rows) == 15 + 20


@pytest.mark.parametrize(
    "name",
    [
        "characteristics",
        "response",
        "tempo",
        "discontinuation",
        "facts",
        "discrepancies",
        "cohorts",
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_script_formats_carry_no_styling_codes(name: str, fmt: str) -> None:
    out = _run(name, "--format", fmt)
    assert "\x1b" not in out
    if fmt == "json":
        assert isinstance(json.loads(out), list)


def test_table_format_shows_the_d5_note_on_renal_cell_responses() -> None:
    assert "see discrepancy D5" in _run("response")


def test_lookup_prints_counts_percentages_and_exact_intervals() -> None:
    out = _run("lookup", "--diagnosis", "renal_cell", "--course", "2", "--state", "PR")
    assert "28 renal cell cancer patients" in out
    assert "3 of 28" in out and "10.7%" in out and "2.3% to 28.2%" in out
    assert "25 of 28" in out and "Table 4" in out


def test_lookup_json_is_the_cohort_answer() -> None:
    out = _run("lookup", "--diagnosis", "melanoma", "--course", "3", "--state", "NR", "-f", "json")
    answer = json.loads(out)
    assert answer["treated"] == 8
    assert {o["state"]: o["patients"] for o in answer["outcomes"]}["NR"] == 8


def test_lookup_outside_the_data_says_so_and_succeeds() -> None:
    out = _run("lookup", "--diagnosis", "melanoma", "--course", "5", "--state", "PR")
    assert "No patient of the series was in this situation" in out


def test_unknown_table_exits_2_with_the_choices() -> None:
    result = runner.invoke(app, ["evidence", "table9"])
    assert result.exit_code == 2
    assert "no table 'table9'" in result.output and "tempo" in result.output


def test_lookup_without_course_exits_2() -> None:
    result = runner.invoke(app, ["evidence", "lookup", "--diagnosis", "melanoma"])
    assert result.exit_code == 2
