"""Issue 12 in every output of a review: the notice, eligibility flags, no cohort after a stop
the series never went past, recordable outcomes only, recommendations said as the guideline's."""

from __future__ import annotations

import csv
import io
import json

import pytest

from il2tui.case.files import case_from_data
from il2tui.clinical.applicability import is_cns_site
from il2tui.clinical.review import review_case
from il2tui.report.to_csv import render_csv
from il2tui.report.to_json import render_json
from il2tui.report.to_markdown import render_markdown
from il2tui.report.to_text import render_text
from tests.engine.helpers import build, case_data, exact

RENDER = {
    "text": render_text,
    # Markdown escapes _ * [ ...: read it as a person would, without the backslashes.
    "markdown": lambda review, source: render_markdown(review, source).replace("\\", ""),
}
#: A melanoma PR after course 1, then progression after course 2.
#: A PR confirmed within course 1 (two looks 35 days apart), then progression.
PR_THEN_PD = review_case(
    build(
        {"L1": [20, 20]},
        [{"L1": [10, 10]}, {"L1": [10, 10]}],
        [{"L1": [20, 20]}],
        diagnosis="melanoma",
    )
)
#: The issue's patient: 74, performance status 3, prior IL-2 and brain metastases.
INELIGIBLE = review_case(
    build(
        {"L1": [20, 20]},
        [{"L1": [19, 20]}],
        exclusions=["prior_il2", "cns_metastases"],
        performance_status=3,
        age=74,
    )
)


def _with_brain_lesion_after_course(number: int):
    evaluation = {
        "measurements": {"L1": [10, 10]},
        "new_lesions": [{"site": "Brain, left frontal"}],
    }
    courses = [[{"L1": [10, 10]}], [{"L1": [10, 10]}]]
    courses[number - 1] = [evaluation]
    return review_case(case_from_data(exact(case_data({"L1": [20, 20]}, courses))))


# --- the engine ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("site", "cns"),
    [
        ("brain, left frontal", True),
        ("Cerebellum", True),
        ("leptomeningeal", True),
        ("CNS", True),
        ("spinal cord T4", True),
        ("liver, segment VI", False),
        ("spine, L2 vertebra (bone)", False),
        ("adrenal medulla", False),
    ],
)
def test_a_site_in_the_central_nervous_system_is_recognised(site: str, cns: bool) -> None:
    assert is_cns_site(site) is cns


def test_a_new_brain_lesion_raises_the_cns_flag_from_that_evaluation_on() -> None:
    review = _with_brain_lesion_after_course(2)
    assert review.eligibility == ()
    first, second = review.courses
    assert first.eligibility == ()
    assert [n.id for n in second.eligibility] == ["cns_metastases"]
    assert "Raised by a new lesion at “Brain, left frontal”" in second.eligibility[0].text


def test_a_brain_lesion_at_the_first_restaging_flags_every_course_from_it() -> None:
    review = _with_brain_lesion_after_course(1)
    assert [[n.id for n in c.eligibility] for c in review.courses] == [
        ["cns_metastases"],
        ["cns_metastases"],
    ]


def test_every_review_carries_the_notice() -> None:
    notice = PR_THEN_PD.notice
    assert "350 patients" in notice and "1985–1996" in notice and "retrospective" in notice
    assert notice.endswith("The treating team decides.")


# --- text and Markdown -----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_notice_is_said_once(fmt: str) -> None:
    out = RENDER[fmt](PR_THEN_PD, "case.json")
    assert out.count("Decision support from one retrospective series") == 1
    assert out.index("Decision support from one retrospective series") < out.index(
        "Guideline: give another course"
    )


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_recommendations_read_as_the_guidelines_not_as_orders(fmt: str) -> None:
    out = RENDER[fmt](PR_THEN_PD, "case.json")
    assert "Guideline: stop IL-2 — progression (rule progression" in out
    for order in ("RETREAT", "STOP", "CONSOLIDATE", "Recommendation: "):
        assert order not in out


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_after_progression_the_note_replaces_the_next_cohort(fmt: str) -> None:
    out = RENDER[fmt](PR_THEN_PD, "case.json")
    assert "course 3 from state PR: No cohort applies" in out
    assert "received course 3" not in out  # Table 3's 11 patients in PR given course 3


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_pr_cohort_shows_no_nr_or_mr(fmt: str) -> None:
    out = RENDER[fmt](PR_THEN_PD, "case.json")
    course_1 = out[out.index("course 2 from state PR") :]
    course_1 = course_1[: course_1.index("Course 2, started")]
    assert "PR: 16 of 17" in course_1 and "CR: 1 of 17" in course_1
    assert "NR:" not in course_1 and "MR:" not in course_1 and "0 of 17" not in course_1
    assert "best response so far" in course_1


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_eligibility_flags_stand_above_the_recommendation(fmt: str) -> None:
    out = RENDER[fmt](INELIGIBLE, "case.json")
    flag = out.index("Would not have been eligible for the series: prior IL-2")
    assert flag < out.index("Guideline: consider another course")
    assert "Would not have been eligible for the series: CNS metastases" in out
    assert "Outside the series' patients: older than 70" in out
    course = out.index("Course 1, started")
    line = out.index("Eligibility flags as of this course: prior_il2, cns_metastases", course)
    assert line < out.index("Guideline: consider another course", course)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_flag_raised_by_a_brain_lesion_is_shown_in_full_at_its_course(fmt: str) -> None:
    out = RENDER[fmt](_with_brain_lesion_after_course(2), "case.json")
    course_2 = out[out.index("Course 2, started") :]
    assert "Raised by a new lesion" in course_2
    assert "Eligibility flags as of this course: cns_metastases" in course_2
    assert "Raised by a new lesion" not in out[: out.index("Course 2, started")]


def test_no_rule_of_three_anywhere_in_a_review() -> None:
    review = review_case(build({"L1": [20, 20]}, [{"L1": [19, 20]}], [{"L1": [19, 20]}]))
    for render in (render_text, render_markdown, render_json):
        assert "rule of three" not in render(review, "case.json")


# --- JSON and CSV ----------------------------------------------------------------


def test_json_has_the_notice_and_a_null_cohort_with_its_note_after_progression() -> None:
    data = json.loads(render_json(PR_THEN_PD, "case.json"))
    assert data["notice"] == PR_THEN_PD.notice
    first, second = data["courses"]
    assert list(first["cohort"]["outcomes"]) == ["PR", "CR"]
    assert first["cohort_note"] is None
    assert second["cohort"] is None
    assert second["cohort_note"].startswith("No cohort applies")
    assert second["recommendation_text"] == "Guideline: stop IL-2 — progression"


def test_json_carries_the_eligibility_flags_at_baseline_and_per_course() -> None:
    data = json.loads(render_json(INELIGIBLE, "case.json"))
    expected = ["prior_il2", "cns_metastases", "performance_status_3_or_more", "age_outside_series"]
    assert [n["id"] for n in data["eligibility"]] == expected
    assert [n["id"] for n in data["courses"][0]["eligibility"]] == expected
    assert [n["id"] for n in data["warnings"]] == []


def test_json_of_a_case_without_courses_still_has_the_notice() -> None:
    data = json.loads(render_json(review_case(build({"L1": [20, 20]})), "case.json"))
    assert data["notice"].startswith("Decision support from one retrospective series")


def test_csv_names_the_eligibility_flags_of_each_course() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv([("a.json", INELIGIBLE)]))))
    assert rows[0]["eligibility"] == (
        "prior_il2 cns_metastases performance_status_3_or_more age_outside_series"
    )
