"""A course given after a reason to stop: a caution on that course, never an error.

The three reasons are the clinician's recorded decision to stop, the patient
declining, and severe toxicity (the series retreated no such patient). Each is a
note of the course's recommendation with a stable id, shown by every rendering
and listed in the CSV's cautions column; the file stays valid.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from il2tui.case.demo import demo_case
from il2tui.case.files import case_from_data
from il2tui.cli.main import app
from il2tui.clinical.guideline import load_guideline
from il2tui.clinical.model import Review
from il2tui.clinical.review import review_case
from il2tui.core.jsonio import dumps_exact
from il2tui.report.to_csv import render_csv
from il2tui.report.to_json import render_json
from il2tui.report.to_markdown import render_markdown
from il2tui.report.to_text import render_text
from tests.engine.helpers import case_data, exact

RECORD_IDS = {"course_after_stop", "course_after_declined", "course_after_severe_toxicity"}
#: Course 1 SD (consider another course), course 2 SD; course 2 starts 2024-03-18.
TWO_COURSES = ({"L1": [20, 20]}, [[{"L1": [19, 20]}], [{"L1": [19, 20]}]])


def _two_courses(**first: Any) -> dict[str, Any]:
    data = case_data(*TWO_COURSES)
    data["courses"][0].update(first)
    return exact(data)


def _review(**first: Any) -> Review:
    return review_case(case_from_data(_two_courses(**first)))


def _ids(review: Review, index: int) -> list[str]:
    return [c.id for c in review.courses[index].recommendation.cautions]


def test_a_course_after_a_decision_to_stop_is_a_caution_on_the_stopped_course() -> None:
    review = _review(decision={"action": "stop", "reason": "Patient prefers to stop"})
    caution = review.courses[0].recommendation.cautions[-1]
    assert caution.id == "course_after_stop"
    assert caution.text == (
        'The decision after course 1 was to stop IL-2 (reason: "Patient prefers to stop"), '
        "yet course 2 was started on 2024-03-18."
    )
    assert caution.sources == ()  # the clinician's record, not the paper
    assert review.courses[0].clinician_decision.differs is False  # stop agrees with "consider"
    assert not RECORD_IDS & set(_ids(review, 1))
    assert not RECORD_IDS & {w.id for w in review.warnings}  # not a review-level warning


def test_a_decision_to_stop_without_a_reason_says_so() -> None:
    review = _review(decision={"action": "stop"})
    assert review.courses[0].recommendation.cautions[-1].text == (
        "The decision after course 1 was to stop IL-2 (no reason recorded), "
        "yet course 2 was started on 2024-03-18."
    )


def test_a_decision_to_stop_after_the_last_course_or_to_retreat_is_no_contradiction() -> None:
    data = case_data(*TWO_COURSES)
    data["courses"][0]["decision"] = {"action": "retreat"}
    data["courses"][1].update(decision={"action": "stop"}, declined_further=True)
    data["courses"][1]["toxicity"] = ["intubation"]
    review = review_case(case_from_data(exact(data)))
    assert not RECORD_IDS & {
        c.id for course in review.courses for c in course.recommendation.cautions
    }
    demo = review_case(demo_case())  # ends on a decision to stop, after course 4
    assert not RECORD_IDS & {
        c.id for course in demo.courses for c in course.recommendation.cautions
    }


def test_declining_and_severe_toxicity_cite_the_rules_that_stop_for_them() -> None:
    review = _review(declined_further=True, toxicity=["intubation", "severe_renal_dysfunction"])
    cautions = {c.id: c for c in review.courses[0].recommendation.cautions}
    rules = {rule.id: rule for rule in load_guideline().rules}
    toxicity = cautions["course_after_severe_toxicity"]
    assert toxicity.sources == rules["severe_toxicity"].citations
    assert toxicity.text == (
        "Severe toxicity was recorded in course 1 (intubation, severe renal dysfunction), after "
        "which the series gave no further IL-2, yet course 2 was started on 2024-03-18."
    )
    declined = cautions["course_after_declined"]
    assert declined.sources == rules["declined"].citations
    assert declined.text == (
        "The patient declined or could not tolerate more IL-2 after course 1, "
        "yet course 2 was started on 2024-03-18."
    )


def test_every_reason_to_stop_gets_its_own_caution_in_the_guideline_order() -> None:
    review = _review(
        toxicity=["other_severe"], declined_further=True, decision={"action": "stop", "reason": "x"}
    )
    assert review.courses[0].recommendation.rule == "severe_toxicity"
    assert _ids(review, 0)[-3:] == [
        "course_after_severe_toxicity",
        "course_after_declined",
        "course_after_stop",
    ]


def test_a_clinic_guideline_with_no_matching_rule_still_shows_the_contradiction(
    tmp_path: Path,
) -> None:
    text = (
        'id = "clinic"\nversion = "1"\nstatus = "draft"\ntitle = "t"\nsource = "s"\n'
        '[[rules]]\nid = "only_pd"\ntitle = "PD"\nwhen = { response = "PD" }\n'
        'action = "stop"\nstop_reason = "progression"\nreasoning = "r"\n'
        'sources = ["methods.evaluation"]\n'
    )
    path = tmp_path / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    case = case_from_data(_two_courses(decision={"action": "stop"}))
    rec = review_case(case, load_guideline(path)).courses[0].recommendation
    assert rec.rule == "no_rule_matched" and [c.id for c in rec.cautions] == ["course_after_stop"]


def test_every_rendering_shows_the_caution_and_the_csv_lists_its_id() -> None:
    review = _review(decision={"action": "stop", "reason": "x"})
    words = 'The decision after course 1 was to stop IL-2 (reason: "x")'
    assert f"Caution (course_after_stop): {words}" in render_text(review)
    assert "Caution (`course_after_stop`): " in render_markdown(review)
    course = json.loads(render_json(review))["courses"][0]
    assert course["cautions"][-1]["id"] == "course_after_stop"
    assert course["cautions"][-1]["text"].startswith(words)
    rows = list(csv.DictReader(io.StringIO(render_csv([("f.json", review)]))))
    assert [row["cautions"] for row in rows] == ["course_after_stop", "nr_third_course_renal_cell"]


def test_il2_review_of_a_folder_lists_the_contradiction_and_exits_0(tmp_path: Path) -> None:
    data = _two_courses(decision={"action": "stop", "reason": "x"}, declined_further=True)
    (tmp_path / "a.json").write_text(dumps_exact(data), encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["cautions"] == "course_after_declined course_after_stop"
    result = CliRunner().invoke(app, ["review", str(tmp_path / "a.json"), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_every_course_after_severe_toxicity_says_the_series_has_no_such_patient() -> None:
    # Intubation in course 1 of three: courses 2 and 3 each carry the caution, course 1
    # (whose own rule stops for toxicity) does not, and a case without toxicity never does.
    data = case_data({"L1": [20, 20]}, [[{"L1": [19, 20]}], [{"L1": [19, 20]}], []])
    data["courses"][0]["toxicity"] = ["intubation"]
    review = review_case(case_from_data(exact(data)))
    assert ["after_severe_toxicity" in _ids(review, i) for i in range(3)] == [False, True, True]
    note = next(c for c in review.courses[2].recommendation.cautions if c.id.startswith("after_"))
    assert note.text.startswith("Severe toxicity was recorded in course 1 (intubation).")
    assert [s.key for s in note.sources] == ["results.discontinuation"]
    plain = review_case(case_from_data(_two_courses()))
    assert all("after_severe_toxicity" not in _ids(plain, i) for i in range(2))
