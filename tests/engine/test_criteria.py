"""Response criteria details the golden cases do not spell out: exactness, statuses, display."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from il2tui.case.model import MAX_DECIMAL_PLACES, MAX_DIAMETER_MM, Case
from il2tui.clinical.confirm import CONFIRMATION_DAYS
from il2tui.clinical.criteria import (
    MR_REDUCTION_PCT,
    PD_INCREASE_PCT,
    PR_REDUCTION_PCT,
    classify_case,
)
from il2tui.clinical.guideline import load_assumptions
from il2tui.clinical.model import AssessmentResult
from il2tui.clinical.review import review_case
from il2tui.core import display
from il2tui.report.to_json import render_json
from tests.engine.helpers import build


def _last(case: Case) -> AssessmentResult:
    return [a for c in review_case(case).courses for a in c.assessments][-1]


def test_products_of_the_finest_and_largest_diameters_stay_exact() -> None:
    finest = Decimal("399.9999")
    case = build({f"L{i}": [finest, finest] for i in range(1, 21)}, [{"L1": [0.0001, 0.0001]}])
    review = review_case(case)
    assert review.baseline_spd_mm2 == 20 * finest * finest
    assert review.courses[0].response == "NE"


def test_a_lesion_that_comes_back_is_marked_and_is_progression() -> None:
    result = _last(
        build(
            {"L1": [20, 20], "L2": [10, 10]},
            [{"L1": [0, 0], "L2": [10, 10]}],
            [{"L1": [1, 1], "L2": [5, 5]}],
        )
    )
    status = {row.id: row.status for row in result.lesions}
    assert status == {"L1": "reappeared", "L2": "measured"}
    assert result.response == "PD"
    assert result.basis == "L1 (site L1) had disappeared and is measurable again: PD"


def test_a_cr_needs_every_lesion_gone_and_no_new_lesion() -> None:
    new = {"measurements": {"L1": [0, 0]}, "new_lesions": [{"site": "skin"}]}
    assert _last(build({"L1": [20, 20]}, [new])).response == "PD"
    assert _last(build({"L1": [20, 20]}, [{"L1": [0, 0]}])).response == "CR"
    assert _last(build({"L1": [20, 20], "L2": [3, 3]}, [{"L1": [0, 0], "L2": None}])).response == (
        "NE"
    )


def test_each_lesion_row_has_its_diameters_product_and_status() -> None:
    """Found by mutation testing: the rows' diameters and the 'disappeared' status."""
    rows = _last(build({"L1": [20, 20], "L2": [10, 10]}, [{"L1": [0, 0], "L2": [10, 8]}])).lesions
    assert [(r.id, r.diameters, r.product_mm2, r.status) for r in rows] == [
        ("L1", (Decimal(0), Decimal(0)), Decimal(0), "disappeared"),
        ("L2", (Decimal(10), Decimal(8)), Decimal(80), "measured"),
    ]


def test_the_basis_of_ne_and_cr_names_the_lesions() -> None:
    """The line that decided, as the reports show it (mutation testing found it unchecked)."""
    two = {"L1": [20, 20], "L2": [10, 10], "L3": [5, 5]}
    assert _last(build(two, [{"L1": [0, 0], "L2": None, "L3": None}])).basis == (
        "Not assessed: L2 (site L2), L3 (site L3). NE (every baseline lesion must be measured)"
    )
    assert _last(build({"L1": [20, 20]}, [{"L1": [0, 0]}])).basis == (
        "The baseline lesion has disappeared, no new lesion: CR"
    )
    gone = {"L1": [0, 0], "L2": [0, 0], "L3": [0, 0]}
    assert _last(build(two, [gone])).basis == (
        "All 3 baseline lesions have disappeared, no new lesion: CR"
    )


def test_the_basis_of_a_growing_lesion_gives_its_numbers() -> None:
    """L1 from 10 x 10 to 12.5 x 10 mm (100 to 125 mm², +25%) while L2 holds: PD, and the
    line says which lesion, its product, the change and the nadir it is measured from."""
    found = {"L1": [Decimal("12.5"), 10], "L2": [20, 20]}
    assert _last(build({"L1": [10, 10], "L2": [20, 20]}, [found])).basis == (
        "L1 (site L1): 125 mm², +25.0% on its nadir of 100 mm²: PD "
        "(threshold: 25% increase on the lesion's nadir)"
    )


def test_classify_case_works_out_the_baseline_products_itself() -> None:
    """Called without the products (a script's call), one tuple per course, in order: 400 to
    100 mm² is a PR; 380 after that is +280% on the nadir, PD; course 3 is not restaged."""
    case = build({"L1": [20, 20]}, [{"L1": [10, 10]}], [{"L1": [19, 20]}], [])
    assert [[a.response for a in course] for course in classify_case(case)] == [
        ["PR"],
        ["PD"],
        [],
    ]


def test_a_new_lesion_keeps_its_diameters_and_product() -> None:
    """Found by mutation testing: a new lesion's measurements were never checked."""
    found = {
        "measurements": {"L1": [10, 10]},
        "new_lesions": [{"site": "skin", "diameters": [12, 10.5]}, {"site": "bone"}],
    }
    measured, unmeasured = _last(build({"L1": [20, 20]}, [found])).new_lesions
    assert (measured.site, measured.diameters, measured.product_mm2) == (
        "skin",
        (Decimal(12), Decimal("10.5")),
        Decimal(126),
    )
    assert (unmeasured.site, unmeasured.diameters, unmeasured.product_mm2) == ("bone", None, None)


def test_the_nadirs_are_those_before_the_evaluation() -> None:
    result = _last(build({"L1": [20, 20]}, [{"L1": [10, 10]}], [{"L1": [11, 11]}]))
    row = result.lesions[0]
    assert (row.nadir_before_mm2, row.product_mm2, row.change_from_nadir_pct) == (100, 121, 21)
    assert (result.spd_nadir_before_mm2, result.change_from_nadir_pct) == (100, Decimal("21.0"))
    assert result.response == "MR"  # 121 is above its nadir of 100: growing, so not a PR


@pytest.mark.parametrize(
    ("value", "reference", "shown"),
    [
        ("250.1", "500", "-49.9"),  # 49.98% reduction: not shown as reaching 50%
        ("250", "500", "-50.0"),
        ("249.9", "500", "-50.0"),  # 50.02% reduction: a PR, shown as -50.0
        ("375.1", "500", "-24.9"),
        ("124.96", "100", "24.9"),  # +24.96% on a nadir: not shown as reaching 25%
        ("125", "100", "25.0"),
        ("1124", "1532", "-26.6"),
    ],
)
def test_percentages_are_never_rounded_onto_a_threshold(
    value: str, reference: str, shown: str
) -> None:
    assert display.change_pct(Decimal(value), Decimal(reference)) == Decimal(shown)


def test_the_assumptions_file_states_the_engines_numbers() -> None:
    text = {a.id: a.text for a in load_assumptions().assumptions}
    assert f"{PD_INCREASE_PCT}% or more" in text["progression_who_1981"]
    assert f"at least {MR_REDUCTION_PCT}% and under {PR_REDUCTION_PCT}%" in text["mr_band"]
    assert f"{CONFIRMATION_DAYS} days" in text["confirmation_28_days"]
    assert f"above {MAX_DIAMETER_MM} mm" in text["plausible_diameters"]
    assert f"more than {MAX_DECIMAL_PLACES} decimal places" in text["plausible_diameters"]


def test_a_lesion_under_one_square_millimetre_can_still_grow() -> None:
    """L1 from 1 × 0.8 to 1 × 0.9 mm (0.8 to 0.9 mm², +12.5%) while the SPD is 74.8% down:
    a growing lesion however small, so MR, not PR."""
    result = _last(
        build(
            {"L1": [1, 1], "L2": [20, 20]},
            [{"L1": [1, Decimal("0.8")], "L2": [10, 10]}],
            [{"L1": [1, Decimal("0.9")], "L2": [10, 10]}],
        )
    )
    assert [row.growing for row in result.lesions] == [True, False]
    assert result.response == "MR"


def test_a_lesion_not_measured_keeps_its_nadir_diameters_in_the_json_report() -> None:
    """L2 went from 8 × 8 to 5 × 5 mm, then was not measured: its row still gives the nadir."""
    case = build(
        {"L1": [20, 20], "L2": [8, 8]}, [{"L1": [10, 10], "L2": [5, 5]}], [{"L1": [10, 10]}]
    )
    data = json.loads(render_json(review_case(case)))
    [_, l2] = data["courses"][1]["assessments"][0]["lesions"]
    assert (l2["id"], l2["status"], l2["nadir_before_mm2"]) == ("L2", "not_assessed", 25)
    assert l2["nadir_diameters"] == [5, 5]


def test_a_nadir_is_where_it_was_first_reached() -> None:
    """L1 at 10 × 1 mm (10 mm²), then 2.5 × 4 mm (10.0 mm², the same area), then 5 × 5: the
    nadir the third evaluation is measured from is the first one's, written as there (10,
    not 10.0) and with its diameters (10 × 1), so the JSON report does not change when a
    later evaluation only equals the nadir."""
    case = build({"L1": [20, 20]}, [{"L1": [10, 1]}], [{"L1": [2.5, 4]}], [{"L1": [5, 5]}])
    data = json.loads(render_json(review_case(case)), parse_float=Decimal)
    third = data["courses"][2]["assessments"][0]
    assert str(third["spd_nadir_before_mm2"]) == "10"
    assert str(third["lesions"][0]["nadir_before_mm2"]) == "10"
    assert third["lesions"][0]["nadir_diameters"] == [10, 1]
    assert third["response"] == "PD"  # 25 mm² is +150% on the nadir


def test_a_new_lesion_stays_part_of_the_disease_at_every_later_look() -> None:
    """Skin new on 2024-02-12 (PD); the next two looks do not list it (L1 unchanged, SD by
    size): still PD, saying why; a look with a new lesion of its own keeps its own line."""
    skin = {"measurements": {"L1": [19, 20]}, "new_lesions": [{"site": "skin"}]}
    liver = {"measurements": {"L1": [19, 20]}, "new_lesions": [{"site": "liver"}]}
    same = {"L1": [19, 20]}
    looks = review_case(build({"L1": [20, 20]}, [skin, same, same, liver])).courses[0]
    carried = (
        "New lesion (skin) first seen 2024-02-12 is part of the disease from then on, "
        "though not listed here: PD"
    )
    assert [(str(a.date), a.response, a.basis) for a in looks.assessments] == [
        ("2024-02-12", "PD", "New lesion (skin): PD (any new lesion counts as progression)"),
        ("2024-03-18", "PD", carried),
        ("2024-04-22", "PD", carried),
        ("2024-05-27", "PD", "New lesion (liver): PD (any new lesion counts as progression)"),
    ]
