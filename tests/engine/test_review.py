"""review_case: the state for the series' tables, the cohorts, decisions, warnings, drafts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from il2tui.case.demo import demo_case
from il2tui.case.files import case_from_data
from il2tui.case.model import Baseline, Case, Course, Lesion, Patient, to_data
from il2tui.clinical.review import review_case
from tests.engine.helpers import build, case_data, exact


def test_the_cohort_is_the_next_course_from_the_best_response_so_far() -> None:
    """A PR still held after course 2: the state is PR, and the cohort is course 3 from PR."""
    review = review_case(
        build({"L1": [20, 20]}, [{"L1": [10, 10]}], [{"L1": [10, 10]}], diagnosis="melanoma")
    )
    second = review.courses[1]
    assert (second.response, second.best_response, second.state) == ("PR", "PR", "PR")
    assert (second.cohort.course, second.cohort.state) == (3, "PR")
    assert second.cohort.treated == 11  # Table 3: PR after courses 1 and 2, given course 3
    assert (second.cohort_this_course.course, second.cohort_this_course.state) == (2, "PR")
    assert second.cohort_note is None


def test_after_progression_no_next_course_cohort_applies() -> None:
    """PD after a confirmed PR: the state stays PR, but the series stopped at progression,
    so no course-3 cohort is shown."""
    pr = {"L1": [10, 10]}  # two looks 35 days apart: the PR is confirmed
    review = review_case(
        build({"L1": [20, 20]}, [pr, pr], [{"L1": [20, 20]}], diagnosis="melanoma")
    )
    second = review.courses[1]
    assert (second.response, second.state, second.recommendation.stop_reason) == (
        "PD",
        "PR",
        "progression",
    )
    assert second.cohort is None
    assert second.cohort_note.startswith("No cohort applies: the series stopped IL-2 once")
    # Table 5: 176 + 77 + 17 + 6 patients stopped for progression.
    assert "(276 patients in Table 5)" in second.cohort_note
    assert second.cohort_this_course is not None  # course 2 itself followed a PR


def test_a_course_given_after_progression_has_no_cohort_either() -> None:
    review = review_case(
        build({"L1": [20, 20]}, [{"L1": [30, 30]}], [{"L1": [30, 30]}], diagnosis="melanoma")
    )
    first, second = review.courses
    assert first.cohort is None and "progressed" in first.cohort_note
    assert second.cohort_this_course is None and second.cohort is None
    assert second.cohort_this_course_note == first.cohort_note == second.cohort_note


def test_a_relapse_from_cr_has_no_cohort() -> None:
    cr = {"L1": [0, 0]}  # two looks 35 days apart: the CR is confirmed
    review = review_case(build({"L1": [20, 20]}, [cr, cr], [{"L1": [5, 5]}]))
    second = review.courses[1]
    assert (second.state, second.response) == ("CR", "PD")
    assert second.cohort is None and "relapse" in second.cohort_note


def test_severe_toxicity_and_refusal_have_no_cohort() -> None:
    data = case_data({"L1": [20, 20]}, [[{"L1": [10, 10]}], [{"L1": [10, 10]}]])
    data["courses"][0]["toxicity"] = ["intubation"]
    data["courses"][1]["declined_further"] = True
    first, second = review_case(case_from_data(exact(data))).courses
    assert first.recommendation.stop_reason == "toxicity" and first.cohort is None
    assert "(15 patients in Table 5)" in first.cohort_note  # 8 + 5 + 1 + 1
    assert second.cohort is None and second.cohort_this_course is None


def test_the_two_course_stop_keeps_its_zero_of_17_cohort() -> None:
    review = review_case(build({"L1": [20, 20]}, [{"L1": [19, 20]}], [{"L1": [19, 20]}]))
    second = review.courses[1]
    assert second.recommendation.stop_reason == "no_objective_response"
    assert (second.cohort.course, second.cohort.state, second.cohort.treated) == (3, "NR", 9)
    assert second.cohort_note is None


def test_stable_and_progressive_disease_are_the_papers_no_response() -> None:
    review = review_case(build({"L1": [20, 20]}, [{"L1": [19, 20]}]))
    assert review.courses[0].state == "NR"
    assert review.courses[0].cohort.state == "NR" and review.courses[0].cohort.course == 2
    assert review.cohort_first_course.state == "none" and review.cohort_first_course.treated == 201


def test_an_evaluation_that_is_not_evaluable_gives_no_state_and_no_cohort() -> None:
    review = review_case(build({"L1": [20, 20], "L2": [5, 5]}, [{"L1": [19, 20]}]))
    course = review.courses[0]
    assert (course.response, course.state, course.cohort) == ("NE", None, None)


def test_a_course_not_yet_restaged_has_no_response_but_keeps_the_cohort_it_came_from() -> None:
    review = review_case(build({"L1": [20, 20]}, [{"L1": [10, 10]}], []))
    course = review.courses[1]
    assert (course.response, course.confirmed, course.state, course.cohort) == (
        None,
        None,
        None,
        None,
    )
    assert course.best_response == "PR"
    assert (course.cohort_this_course.course, course.cohort_this_course.state) == (2, "PR")


def test_a_decision_agrees_or_differs_with_the_recommendation() -> None:
    data = case_data({"L1": [20, 20]}, [[{"L1": [19, 20]}], [{"L1": [19, 20]}], [{"L1": [5, 5]}]])
    data["courses"][0]["decision"] = {"action": "stop"}  # consider_retreat: either agrees
    data["courses"][1]["decision"] = {"action": "retreat", "reason": "patient's wish"}
    data["courses"][2]["decision"] = {"action": "retreat"}  # PR: retreat agrees
    decisions = [c.clinician_decision for c in review_case(case_from_data(exact(data))).courses]
    assert [d.differs for d in decisions] == [False, True, False]
    assert decisions[1].reason == "patient's wish"


def test_a_reassess_recommendation_makes_any_decision_differ() -> None:
    data = case_data({"L1": [20, 20], "L2": [5, 5]}, [[{"L1": [10, 10]}]])
    data["courses"][0]["decision"] = {"action": "retreat"}
    course = review_case(case_from_data(exact(data))).courses[0]
    assert course.recommendation.action == "reassess" and course.clinician_decision.differs


def test_applicability_warnings_and_eligibility_flags_come_from_the_patient() -> None:
    case = build(
        {"L1": [20, 20]},
        [{"L1": [19, 20]}],
        exclusions=["cns_metastases", "prior_il2"],
        prior_therapy=["immunotherapy"],
        performance_status=3,
        age=74,
    )
    review = review_case(case)
    assert [note.id for note in review.warnings] == ["prior_immunotherapy_renal_cell"]
    flags = [
        "prior_il2",
        "cns_metastases",
        "performance_status_3_or_more",
        "age_outside_series",
    ]
    assert [note.id for note in review.eligibility] == flags
    assert [note.id for note in review.courses[0].eligibility] == flags
    assert review.eligibility[0].text.startswith("Would not have been eligible for the series")
    assert review.eligibility[3].text.startswith("Outside the series' patients: older than 70")
    plain = review_case(build({"L1": [20, 20]}, age=60, performance_status=1))
    assert plain.warnings == () and plain.eligibility == ()


def test_every_review_lists_the_assumptions() -> None:
    ids = {note.id for note in review_case(build({"L1": [20, 20]})).assumptions}
    assert {"progression_who_1981", "mr_band", "confirmation_28_days"} <= ids


def test_the_best_response_and_its_duration_count_from_the_first_dose() -> None:
    data = case_data({"L1": [20, 20]}, [[{"L1": [10, 10]}, {"L1": [10, 10]}], [{"L1": [30, 30]}]])
    data["first_dose"] = "2024-01-05"
    review = review_case(case_from_data(exact(data)))
    pd_date = review.courses[1].assessments[0].date
    assert (review.best_response, review.best_response_confirmed) == ("PR", True)
    assert review.response_ongoing is False
    assert review.response_duration_days == (pd_date - date(2024, 1, 5)).days


def test_a_draft_without_baseline_or_lesions_reviews_without_error() -> None:
    draft = Case(patient=Patient(diagnosis="melanoma"))
    review = review_case(draft)
    assert (review.baseline_spd_mm2, review.best_response, review.courses) == (None, None, ())
    partial = Case(
        patient=Patient(diagnosis="melanoma"),
        lesions=(Lesion(id="L1", site="lung"), Lesion(id="L2", site="liver")),
        baseline=Baseline(date=date(2024, 1, 1), measurements={"L1": (Decimal(3), Decimal(4))}),
        courses=(Course(number=1, start=date(2024, 1, 8)),),
    )
    review = review_case(partial)
    assert review.baseline_spd_mm2 is None and len(review.baseline) == 1
    assert review.courses[0].recommendation.action == "reassess"


def test_reviewing_never_changes_the_case() -> None:
    case = demo_case()
    before = to_data(case)
    review_case(case)
    assert to_data(case) == before


def test_the_demo_case_walks_several_rules() -> None:
    review = review_case(demo_case())
    assert review.diagnosis == "renal_cell"
    assert [c.recommendation.rule for c in review.courses] == [
        "first_course_no_objective_response",
        "objective_response",
        "cr_consolidate",
        "cr_consolidated",
    ]
    assert [c.response for c in review.courses] == ["MR", "PR", "CR", "CR"]
    assert review.courses[-1].cohort.treated == 0  # no fifth course in the series
    assert [w.id for w in review.warnings] == ["prior_immunotherapy_renal_cell"]
