"""Every whole-number threshold of the shipped guideline, tested at each side of it.

The numbers are the guideline's (guidelines/retreatment.toml), written out here
by hand: a bound moved by one fails a test on one side or the other.
"""

from __future__ import annotations

from typing import Any

import pytest

from il2tui.clinical.review import review_case
from tests.engine.helpers import build

SHRUNK = {"L1": [10, 10]}  # 100 of 400 mm²: -75%, PR
GONE = {"L1": [0, 0]}
SAME = {"L1": [19, 20]}  # 380 of 400 mm²: -5%, SD


def _warnings(**patient: Any) -> list[str]:
    return [note.id for note in review_case(build({"L1": [20, 20]}, **patient)).warnings]


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
