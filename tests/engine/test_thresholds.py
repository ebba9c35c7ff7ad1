"""Every whole-number threshold of the shipped guideline, tested at each side of it.

The numbers are the guideline's (guidelines/retreatment.toml), written out here
by hand: a bound moved by one fails a test on one side or the other.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from il2tui.clinical.review import review_case
from tests.engine.helpers import build

SHRUNK = {"L1": [10, 10]}  # 100 of 400 mm²: -75%, PR
GONE = {"L1": [0, 0]}
SAME = {"L1": [19, 20]}  # 380 of 400 mm²: -5%, SD


def _warnings(**patient: Any) -> list[str]:
    """The patient's flags, wherever the review keeps them (warnings, or the eligibility
    flags that issue 11 splits off them)."""
    review = review_case(build({"L1": [20, 20]}, **patient))
    notes = (*getattr(review, "eligibility", ()), *review.warnings)
    return [note.id for note in notes]


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0, ["age_below_series"]),
        (10, ["age_below_series"]),  # Table 1's youngest group is 11-20
        (11, []),
        (70, []),  # Table 1's oldest group is 61-70
        (71, ["age_outside_series"]),
        (120, ["age_outside_series"]),
    ],
)
def test_age_warnings_at_each_side_of_the_series_ages(age: int, expected: list[str]) -> None:
    assert _warnings(age=age) == expected


@pytest.mark.parametrize(("ecog", "expected"), [(2, []), (3, ["performance_status_3_or_more"])])
def test_performance_status_warning_starts_at_3(ecog: int, expected: list[str]) -> None:
    assert _warnings(performance_status=ecog) == expected


def _cautions(*courses: dict[str, Any]) -> list[list[str]]:
    review = review_case(build({"L1": [20, 20]}, *([found] for found in courses)))
    return [[note.id for note in course.recommendation.cautions] for course in review.courses]


def test_no_fifth_course_caution_after_course_4_only() -> None:
    """A PR after each course: retreat; only the 4th (next would be the 5th) is cautioned."""
    cautions = _cautions(SHRUNK, SHRUNK, SHRUNK, SHRUNK)
    assert len(cautions) == 4
    assert ["no_fifth_course" in ids for ids in cautions] == [False, False, False, True]


def test_the_fifth_course_caution_cites_its_pages() -> None:
    """The caution shows where the paper says it: Table 5 and the Results on tempo."""
    review = review_case(build({"L1": [20, 20]}, *([SHRUNK] for _ in range(4))))
    [caution] = [n for n in review.courses[3].recommendation.cautions if n.id == "no_fifth_course"]
    assert [(c.key, c.text) for c in caution.sources] == [
        ("table5", "Table 5 (reasons for discontinuing treatment), p. 1957"),
        ("results.tempo", "Results: Tempo of Response, p. 1956"),
    ]


def _rules(*courses: dict[str, Any]) -> list[str]:
    review = review_case(build({"L1": [20, 20]}, *([found] for found in courses)))
    return [course.recommendation.rule for course in review.courses]


def test_no_objective_response_rule_changes_between_course_1_and_course_2() -> None:
    assert _rules(SAME, SAME) == [
        "first_course_no_objective_response",
        "no_objective_response_after_two",
    ]


def test_cr_is_consolidated_once_then_stopped() -> None:
    """courses_since_cr 0: consolidate; 1: stop (the CR was consolidated)."""
    assert _rules(GONE, GONE) == ["cr_consolidate", "cr_consolidated"]


def test_an_unevaluable_course_does_not_restart_the_count_since_a_cr() -> None:
    """CR, NE, CR: the CR of course 1 still holds (NE neither ends nor extends it), so at
    course 3 it has been consolidated: stop, not a second consolidation."""
    assert _rules(GONE, {"L1": None}, GONE) == [
        "cr_consolidate",
        "not_evaluable",
        "cr_consolidated",
    ]


def _category(baseline: list[Any], found: list[Any]) -> str:
    return review_case(build({"L1": baseline}, [{"L1": found}])).courses[0].response


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ([20, 10], "PR"),  # 200 of 400 mm²: exactly -50%
        ([Decimal("20.04"), 10], "MR"),  # 200.4: -49.9%, just short of a PR
        ([30, 10], "MR"),  # 300: exactly -25%
        ([Decimal("30.04"), 10], "SD"),  # 300.4: -24.9%, just short of an MR
    ],
)
def test_reductions_at_and_just_short_of_the_pr_and_mr_thresholds(
    found: list[Any], expected: str
) -> None:
    assert _category([20, 20], found) == expected


@pytest.mark.parametrize(
    ("found", "expected"),
    # 125 and 124.8 mm² on a nadir (the baseline) of 100 mm²
    [([Decimal("12.5"), 10], "PD"), ([Decimal("12.48"), 10], "SD")],
)
def test_growth_at_and_just_short_of_the_pd_threshold(found: list[Any], expected: str) -> None:
    assert _category([10, 10], found) == expected


def test_confirmation_dates_of_a_pr_run() -> None:
    """PR on 2024-02-12 (course 1) and on 2024-04-22 (course 2, 70 days later): both are of
    the run first seen on 2024-02-12, confirmable from 2024-03-11 (28 days), confirmed on
    2024-04-22; the first is confirmed only as of that later date. Day counts from the first
    dose (course 1's start, 2024-01-08)."""
    review = review_case(build({"L1": [20, 20]}, [SHRUNK], [SHRUNK]))
    found = [a for course in review.courses for a in course.assessments]
    assert len(found) == 2
    assert [(str(a.date), a.day) for a in found] == [("2024-02-12", 35), ("2024-04-22", 105)]
    for a in found:
        assert (str(a.first_seen), str(a.confirmable_from), str(a.confirmed_on)) == (
            "2024-02-12",
            "2024-03-11",
            "2024-04-22",
        )
    assert [a.confirmed for a in found] == [False, True]


def test_an_unconfirmed_pr_still_says_when_it_was_first_seen_and_can_be_confirmed() -> None:
    only = review_case(build({"L1": [20, 20]}, [SHRUNK])).courses[0].assessments
    assert len(only) == 1
    found = only[0]
    assert (str(found.first_seen), str(found.confirmable_from)) == ("2024-02-12", "2024-03-11")
    assert (found.confirmed_on, found.confirmed) == (None, False)
