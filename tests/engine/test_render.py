"""The renderings say what a clinician checks, and show text from files literally."""

from __future__ import annotations

import csv
import io
import json

from il2tui.case.demo import demo_case
from il2tui.clinical.review import review_case
from il2tui.report.to_csv import COLUMNS, render_csv
from il2tui.report.to_json import render_json
from il2tui.report.to_markdown import render_markdown
from il2tui.report.to_text import render_text
from tests.engine.helpers import build

DEMO = review_case(demo_case())


def test_text_shows_the_arithmetic_the_threshold_and_the_source() -> None:
    text = render_text(DEMO, "demo")
    assert "L1 (right lower lobe of lung): 20 × 18 = 360 mm² (-25.0% on nadir 480 mm²)" in text
    assert "SPD = 360 + 572 + 192 = 1,124 mm²" in text
    assert "SPD 1,124 mm² from 1,532 mm²: -26.6%, MR (threshold: 25% reduction" in text
    assert "Guideline: consider another course (rule first_course_no_objective_response" in text
    assert "[Discussion, pp. 1957-1958" in text
    assert "Response: PR, confirmed on 2024-07-15" in text
    assert (
        "Guideline: stop IL-2 — complete response held through consolidation "
        "(rule cr_consolidated" in text
    )
    assert "No patient of the series was in this situation" in text


def test_a_pr_at_exactly_half_shows_the_example_line_of_the_issue() -> None:
    review = review_case(build({"L1": [38, 39]}, [{"L1": [19, 39]}]))
    assert "SPD 741 mm² from 1,482 mm²: -50.0%, PR (threshold: 50% reduction)" in render_text(
        review
    )


def test_markdown_has_a_timeline_and_the_same_verdicts() -> None:
    md = render_markdown(DEMO, "demo")
    assert (
        "| 2 | 2024-04-08 | 2024-07-15 | 498 mm² | -67.5% | PR | yes | give another course |" in md
    )
    assert "## Course 3, started 2024-07-29" in md
    assert "Caution (`consolidation_not_compared`)" in md


def test_a_cr_confirmed_only_after_the_next_course_says_when_in_the_timeline() -> None:
    # The demo's CR after course 3 (2024-09-30) is confirmed by the restaging after course 4
    # (2024-12-16): not "yes" at the decision after course 3, but not "no" either.
    md = render_markdown(DEMO, "demo")
    assert "| 3 | 2024-07-29 | 2024-09-30 | 0 mm² | -100.0% | CR | on 2024-12-16 |" in md


def test_json_has_the_fields_of_il2_review_1() -> None:
    data = json.loads(render_json(DEMO))
    assert data["format"] == "il2-review/1"
    assert data["guideline"]["id"] == "nci-sb-2000-retreatment"
    assert (data["diagnosis"], data["baseline_spd_mm2"], data["best_response"]) == (
        "renal_cell",
        1532,
        "CR",
    )
    course = data["courses"][1]
    for key in (
        "number",
        "assessment_date",
        "spd_mm2",
        "change_from_baseline_pct",
        "change_from_nadir_pct",
        "response",
        "confirmed",
        "recommendation",
        "stop_reason",
        "rule",
        "explanation",
        "cautions",
        "clinician_decision",
        "cohort",
    ):
        assert key in course, key
    assert (course["response"], course["confirmed"], course["recommendation"]) == (
        "PR",
        True,
        "retreat",
    )
    assert course["cohort"]["outcomes"]["CR"]["patients"] == 8
    assert course["cohort"]["treated"] == 21
    assert course["clinician_decision"] == {
        "action": "retreat",
        "reason": "Partial response: continue.",
        "differs": False,
        "seen": {
            "rule": "objective_response",
            "action": "retreat",
            "guideline": {"id": "nci-sb-2000-retreatment", "version": "1.1.0"},
        },
        "stale": False,
        "stale_note": None,
    }
    assert data["courses"][0]["confirmed"] is None
    assert data["courses"][3]["cohort"]["has_data"] is False


def test_json_areas_are_exact_decimals() -> None:
    review = review_case(build({"L1": [10.1, 10.1]}, [{"L1": [7.07, 7.07]}]))
    text = render_json(review)
    assert '"baseline_spd_mm2": 102.01' in text
    assert '"spd_mm2": 49.9849' in text


def test_csv_has_one_row_per_course() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv([("demo.json", DEMO)]))))
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["course"], r["response"], r["recommendation"]) for r in rows] == [
        ("1", "MR", "consider_retreat"),
        ("2", "PR", "retreat"),
        ("3", "CR", "consolidate"),
        ("4", "CR", "stop"),
    ]
    assert rows[3]["stop_reason"] == "complete_response"
