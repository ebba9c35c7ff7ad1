"""``il2 cohort``: the synthetic series gives back Tables 3 and 4, cell by cell."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from il2tui.case.demo import demo_case_text
from il2tui.centre.synthetic import plans
from il2tui.cli.main import app
from tests.conftest import REPO

runner = CliRunner()
FIRST_COLUMNS = [
    "diagnosis",
    "course",
    "state_before",
    "state_after",
    "patients",
    "series_patients",
    "p_value",
]
Key = tuple[str, int, str, str]


def _paper_cells() -> dict[Key, int]:
    """Tables 3 and 4 as transcribed in data/, read with the csv module alone."""
    cells: dict[Key, int] = {}
    for name in ("table3_melanoma.csv", "table4_renal_cell.csv"):
        with (REPO / "data" / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                course, before = int(row["course"]), row["state_before"]
                cells[(row["diagnosis"], course, before, row["state_after"])] = int(row["patients"])
    return cells


def _transitions(folder: Path) -> tuple[list[str], dict[Key, dict[str, str]]]:
    result = runner.invoke(app, ["cohort", str(folder), "--table", "transitions", "-f", "csv"])
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = {
        (r["diagnosis"], int(r["course"]), r["state_before"], r["state_after"]): r for r in reader
    }
    return list(reader.fieldnames or []), rows


def test_the_synthetic_series_gives_the_papers_cells_with_every_p_equal_to_1(
    series_dir: Path,
) -> None:
    columns, rows = _transitions(series_dir)
    assert columns[:7] == FIRST_COLUMNS
    paper = _paper_cells()
    assert set(rows) == set(paper)  # one row per cell either side has, no other
    for key, patients in paper.items():
        assert int(rows[key]["patients"]) == patients, key
        assert int(rows[key]["series_patients"]) == patients, key
        assert float(rows[key]["p_value"]) == 1.0, key
    assert {r["state_before"] for r in rows.values()} <= {"none", "NR", "MR", "PR", "CR"}


def test_perturbing_one_patient_moves_exactly_one_count_between_two_cells(
    series_dir: Path,
) -> None:
    _, before = _transitions(series_dir)
    # The one melanoma patient without a response through four courses.
    plan = next(p for p in plans() if p.diagnosis == "melanoma" and p.states == ("NR",) * 4)
    path = series_dir / f"{plan.name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for assessment in data["courses"][3]["assessments"]:
        # SPD 500 + 300 = 800 mm² from 1,200 + 600 = 1,800 mm²: a 55.6% reduction, a PR.
        assessment["measurements"] = {"L1": [25, 20], "L2": [20, 15]}
    path.write_text(json.dumps(data), encoding="utf-8")
    _, after = _transitions(series_dir)
    moved_from, moved_to = ("melanoma", 4, "NR", "NR"), ("melanoma", 4, "NR", "PR")
    assert int(after[moved_from]["patients"]) == int(before[moved_from]["patients"]) - 1 == 0
    assert moved_to not in before and int(after[moved_to]["patients"]) == 1
    assert after[moved_to]["series_patients"] == "0"
    for key in before:
        if key != moved_from:
            assert after[key]["patients"] == before[key]["patients"], key


def test_one_unreadable_file_is_reported_the_others_counted_and_the_exit_is_2(
    series_dir: Path,
) -> None:
    broken = series_dir / "zz-broken.json"
    broken.write_text('{"format": "il2-case/1", "patient": ', encoding="utf-8")
    result = runner.invoke(app, ["cohort", str(series_dir), "-f", "csv"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(broken) in result.stderr
    assert "Traceback" not in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    first = next(r for r in rows if (r["diagnosis"], r["state_after"]) == ("melanoma", "NR"))
    assert first["treated"] == "149"  # every valid file still counted


def test_no_folder_and_no_demo_is_an_error() -> None:
    result = runner.invoke(app, ["cohort"])
    assert result.exit_code == 2 and "--demo" in result.stderr


@pytest.mark.parametrize("table", ["response", "transitions", "stops", "durations"])
def test_every_table_fits_80_columns_and_says_the_demo_is_synthetic(table: str) -> None:
    result = runner.invoke(app, ["cohort", "--demo", "--table", table])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "SYNTHETIC" in result.stdout and "Small numbers decide little" in result.stdout


@pytest.mark.parametrize("table", ["response", "transitions", "stops", "durations"])
def test_every_table_is_csv_json_and_markdown(table: str) -> None:
    out = {
        fmt: runner.invoke(app, ["cohort", "--demo", "-t", table, "-f", fmt]).stdout
        for fmt in ("csv", "json", "markdown")
    }
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    document = json.loads(out["json"])
    assert document["table"] == table and len(document["rows"]) == len(rows) > 0
    assert out["markdown"].count("\n|---|") == (1 if table == "stops" else 2)


def test_the_demo_case_gives_its_own_path_through_the_tables(tmp_path: Path) -> None:
    # The demo case: MR after course 1, PR after course 2, CR after 3, CR held after 4.
    (tmp_path / "demo.json").write_text(demo_case_text(), encoding="utf-8")
    _, rows = _transitions(tmp_path)
    ours = {key for key, row in rows.items() if row["patients"] != "0"}
    assert ours == {
        ("renal_cell", 1, "none", "MR"),
        ("renal_cell", 2, "MR", "PR"),
        ("renal_cell", 3, "PR", "CR"),
        ("renal_cell", 4, "CR", "CR"),
    }


def test_a_difference_gets_a_plain_line_only_where_p_is_below_5_percent(tmp_path: Path) -> None:
    # Three melanoma patients, all in CR after course 1: 3 of 3 against 3 of 149.
    series = tmp_path / "series"
    from il2tui.centre.synthetic import write_series

    write_series(series)
    centre = tmp_path / "centre"
    centre.mkdir()
    picked = [p for p in plans() if p.diagnosis == "melanoma" and p.states[0] == "CR"]
    for plan in picked:
        (series / f"{plan.name}.json").rename(centre / f"{plan.name}.json")
    result = runner.invoke(app, ["cohort", str(centre), "-f", "json"])
    notes = json.loads(result.stdout)["notes"]
    plain = [n for n in notes if "Fisher's exact p" in n]
    # Course 1 -> CR: 3/3 vs 3/149 (p far below 0.05); -> NR: 0/3 vs 128/149 (p < 0.05);
    # -> PR: 0/3 vs 18/149 (p = 1); later courses: 3 of 3 stay CR as in the series (p = 1).
    assert any("course 1, CR after it: 3 of 3 here" in n for n in plain)
    assert any("course 1, NR after it: 0 of 3 here" in n for n in plain)
    assert not any("PR after it" in n for n in plain)
