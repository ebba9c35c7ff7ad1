"""``il2 evidence``: tables for people, CSV and JSON for scripts, and the lookup."""

from __future__ import annotations

import csv
import io
import json
import re

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


TABLES = [
    "characteristics",
    "response",
    "tempo",
    "treated",
    "cohorts",
    "discontinuation",
    "facts",
    "tempo_text",
    "discrepancies",
    "sections",
]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("name", TABLES)
def test_every_table_is_readable_at_80_and_120_columns_with_no_cell_cut(
    name: str, width: int
) -> None:
    result = runner.invoke(app, ["evidence", name], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "…" not in result.output


def test_cohorts_at_80_columns_show_every_count_of_the_csv() -> None:
    table = runner.invoke(app, ["evidence", "cohorts"], env={"COLUMNS": "80"}).output
    rows = list(csv.DictReader(io.StringIO(_run("cohorts", "--format", "csv"))))
    for row in rows:
        for state in ("NR", "MR", "PR", "CR"):
            if row[state] == "":
                continue
            cells = [row["course"], row["state_before"], row["treated"], state, row[state]]
            cells += [row[f"{state}_pct"], row[f"{state}_ci95"]]
            pattern = r"\s*│\s*".join(map(re.escape, cells))
            assert re.search(pattern, table), cells


def test_the_csv_leaves_unrecordable_states_blank_and_says_why() -> None:
    rows = list(csv.DictReader(io.StringIO(_run("cohorts", "--format", "csv"))))
    pr = next(
        r
        for r in rows
        if (r["diagnosis"], r["course"], r["state_before"]) == ("melanoma", "2", "PR")
    )
    assert (pr["NR"], pr["MR"], pr["PR"], pr["CR"]) == ("", "", "16", "1")
    assert "best response so far" in pr["note"]
    data = json.loads(_run("cohorts", "--format", "json"))
    first = next(r for r in data if r["state_before"] == "PR")
    assert first["NR"] is None and first["MR"] is None


def test_lookup_for_a_pr_cohort_shows_no_nr_or_mr_and_says_why() -> None:
    out = _run("lookup", "--diagnosis", "melanoma", "--course", "2", "--state", "PR")
    assert "0 of 17" not in out and "NR" not in out and "rule of three" not in out
    assert "best response so far" in out
    rows = list(
        csv.DictReader(
            io.StringIO(
                _run(
                    "lookup",
                    "--diagnosis",
                    "melanoma",
                    "--course",
                    "2",
                    "--state",
                    "PR",
                    "-f",
                    "csv",
                )
            )
        )
    )
    assert [r["state_after"] for r in rows] == ["PR", "CR"]


def test_lookup_source_names_its_table_once() -> None:
    out = _run("lookup", "--diagnosis", "melanoma", "--course", "2", "--state", "PR")
    source = next(line for line in out.splitlines() if line.startswith("Source:"))
    assert source.count("Table 3") == 1 and "p. 1956" in source
    assert ".." not in out


@pytest.mark.parametrize("course", ["0", "-1"])
def test_lookup_course_below_1_exits_2_with_one_line(course: str) -> None:
    result = runner.invoke(
        app, ["evidence", "lookup", "--diagnosis", "melanoma", "--course", course]
    )
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "--course must be 1 or more" in result.output
