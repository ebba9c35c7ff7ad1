"""Tables 2 and 5 from the synthetic series, the engine's states, and what is imported."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections import Counter

from typer.testing import CliRunner

from il2tui.centre.synthetic import plans, synthetic_cases
from il2tui.cli.main import app
from il2tui.clinical.review import review_case
from tests.conftest import REPO

runner = CliRunner()


def _csv(table: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["cohort", "--demo", "-t", table, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_renal_cell_best_responses_are_table_2s() -> None:
    # Table 2: renal cell cancer 18 CR, 20 PR, 38 responses of 201; Table 4 agrees.
    rows = {r["response"]: r for r in _csv("response") if r["diagnosis"] == "renal_cell"}
    for label, count in (("CR", 18), ("PR", 20), ("CR+PR", 38)):
        assert (rows[label]["patients"], rows[label]["total"]) == (str(count), "201")
        assert rows[label]["series_patients"] == str(count)
        assert float(rows[label]["p_value"]) == 1.0
    assert rows["NR"]["series_patients"] == ""  # Table 2 prints no NR count


def test_melanoma_crs_follow_table_3_not_table_2() -> None:
    # D1: Table 3 places 3 + 1 + 1 = 5 melanoma CRs; Table 2 reports 10.
    rows = {r["response"]: r for r in _csv("response") if r["diagnosis"] == "melanoma"}
    assert (rows["CR"]["patients"], rows["CR"]["series_patients"]) == ("5", "10")
    assert rows["CR+PR"]["patients"] == rows["CR+PR"]["series_patients"] == "23"


def test_stops_are_the_reasons_each_file_records() -> None:
    words = {"declined": "declined_or_other", "other": "declined_or_other"}
    planned = Counter((words.get(p.stop, p.stop), str(len(p.states))) for p in plans())
    rows = _csv("stops")
    found = Counter({(r["reason"], r["courses_completed"]): int(r["patients"]) for r in rows})
    assert +found == planned
    assert {r["total"] for r in rows} == {"350"}
    assert {r["series_total"] for r in rows} == {"350"}


def test_the_states_counted_are_the_engines() -> None:
    from il2tui.centre.record import patient_record

    for (_, case), plan in zip(synthetic_cases(), plans(), strict=True):
        review = review_case(case)
        states = patient_record(case, review).states
        assert states == tuple(course.state for course in review.courses) == plan.states


def test_the_cohort_command_imports_no_textual_and_the_cli_no_pandas() -> None:
    probe = (
        "import sys\n"
        "import il2tui.cli.main\n"
        "early = [m for m in ('pandas', 'scipy', 'il2tui.centre') if m in sys.modules]\n"
        "sys.argv = ['il2', 'cohort', '--demo', '-f', 'csv']\n"
        "try:\n"
        "    il2tui.cli.main.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('EARLY:', early, 'TEXTUAL:', 'textual' in sys.modules, file=sys.stderr)\n"
    )
    env = os.environ | {"PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert "EARLY: [] TEXTUAL: False" in result.stderr, result.stderr[-2000:]
    assert result.stdout.startswith("diagnosis,course,state_before,state_after,")
