"""The worklist's rows: what is due, in what order, and every file listed (issue 16).

Expected dates are worked out by hand in :mod:`tests.clinic` (today is 2026-06-01).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from il2tui.case.files import case_from_data
from il2tui.cli.main import app
from il2tui.clinical import worklist
from il2tui.clinical.guideline import load_assumptions
from il2tui.clinical.worklist import RESTAGING_DAYS, Due, attention, read_row, review_row
from il2tui.report.worklist import cells
from tests.clinic import mark_stale, write_clinic
from tests.engine.helpers import case_data, exact

TODAY = date(2026, 6, 1)
runner = CliRunner()


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    return write_clinic(tmp_path / "clinic")


def rows(folder: Path) -> dict[str, worklist.WorklistRow]:
    return {p.stem: read_row(p) for p in sorted(folder.glob("*.json"))}


def test_each_case_shows_what_is_due_next(clinic: Path) -> None:
    found = rows(clinic)
    assert found["ada"].due == (
        Due("decision", 1, date(2026, 4, 27)),
        Due("confirmation", 1, date(2026, 5, 25), "PR"),
    )
    assert found["ben"].due == (Due("restaging", 2, date(2026, 7, 3)),)
    assert found["cleo"].due == (Due("restaging", 1, date(2026, 4, 3)),)
    assert found["dan"].due == ()
    assert found["eve"].due == (Due("course", 2, None),)


def test_the_row_repeats_the_engines_review(clinic: Path) -> None:
    ada = rows(clinic)["ada"]
    assert (ada.course, ada.course_start, ada.category, ada.confirmed) == (
        1,
        date(2026, 3, 2),
        "PR",
        False,
    )
    assert (ada.recommendation, ada.rule, ada.decision_status) == (
        "retreat",
        "objective_response",
        "to_decide",
    )
    shown = cells(ada, TODAY)
    assert shown["latest"] == "PR awaiting"
    assert shown["decision"] == "to decide"
    assert shown["due"] == "decision since 2026-04-27 +1"


def test_ineligibility_is_flagged(clinic: Path) -> None:
    dan = rows(clinic)["dan"]
    assert dan.ineligible == ("cns_metastases",)
    assert cells(dan, TODAY)["flags"] == "ineligible: cns metastases"


def test_an_unreadable_file_is_listed_with_its_reason_not_skipped(clinic: Path) -> None:
    found = rows(clinic)
    assert len(found) == 6
    broken = found["broken"]
    assert broken.problem == "baseline.measurements.L1[0]: must not be negative (found -1)"
    assert cells(broken, TODAY)["label"] == "broken.json"


def test_a_stale_decision_reads_changed_since_decision(
    clinic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = worklist.review_case
    monkeypatch.setattr(worklist, "review_case", lambda *given: mark_stale(real(*given)))
    eve = read_row(clinic / "eve.json")
    assert eve.decision_status == "stale"
    assert cells(eve, TODAY)["decision"] == "changed since decision"
    assert eve.due == (Due("decision", 1, date(2026, 2, 2)),)


def test_the_order_puts_what_needs_attention_first(clinic: Path) -> None:
    found = sorted(rows(clinic).values(), key=lambda r: attention(r, TODAY))
    # unreadable, then due by today oldest first, then due later, undated, nothing due
    assert [r.name for r in found] == ["broken.json", "Cleo", "Ada", "Ben", "Eve", "Dan"]


def test_the_assumptions_file_states_the_restaging_day_count() -> None:
    text = {a.id: a.text for a in load_assumptions().assumptions}
    assert f"due {RESTAGING_DAYS} days after the first dose" in text["restaging_60_days"]


def test_review_dir_format_worklist_prints_the_same_rows(clinic: Path) -> None:
    result = runner.invoke(app, ["review", str(clinic), "--format", "worklist"])
    assert result.exit_code == 2  # an unreadable file, as for every il2 review
    assert f"{clinic / 'broken.json'}: baseline.measurements.L1[0]" in result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    starts = [line.split()[0] for line in lines if line[:1].isalpha() and " " in line[1:20]]
    assert [s for s in starts if s in ("Cleo", "Ada", "Ben", "Eve", "Dan")] == [
        "Cleo",
        "Ada",
        "Ben",
        "Eve",
        "Dan",
    ]
    assert "  UNREADABLE: baseline.measurements.L1[0]: must not be negative" in result.stdout
    assert "  ineligible: cns metastases" in result.stdout


def test_worklist_csv_and_json_have_one_row_per_file(clinic: Path) -> None:
    csv_out = runner.invoke(app, ["review", str(clinic), "-f", "worklist-csv"]).stdout
    lines = csv_out.strip().splitlines()
    assert lines[0].startswith("source,label,diagnosis,course,course_start,category")
    assert len(lines) == 1 + 6
    assert lines[2] == (
        f"{clinic / 'cleo.json'},Cleo,renal_cell,1,2026-02-02,,,reassess,,restage,,none,"
        "restaging,1,2026-04-03,true,,,"
    )
    data = json.loads(runner.invoke(app, ["review", str(clinic), "-f", "worklist-json"]).stdout)
    assert data["format"] == "il2-worklist/1" and data["as_of"] == "2026-06-01"
    ada = next(r for r in data["rows"] if r["label"] == "Ada")
    assert ada["due"] == "decision" and ada["due_date"] == "2026-04-27"
    assert ada["also_due"] == ["confirmation 2026-05-25"]


def test_a_draft_without_any_lesion_yet_is_never_called_a_cr() -> None:
    """A case still being entered: an evaluation is recorded but no lesion yet. No lesion
    measured is not all lesions gone: no category, and the row asks to restage."""
    data = case_data({"L1": [20, 20]}, [[{"L1": [10, 10]}]])
    data["lesions"], data["baseline"]["measurements"] = [], {}
    data["courses"][0]["assessments"][0]["measurements"] = {}
    row = review_row("draft.json", case_from_data(exact(data), draft=True))
    assert (row.category, row.recommendation, row.rule) == (None, "reassess", "restage")
