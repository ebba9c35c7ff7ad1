"""Audit of Tables 1 and 2: every printed percentage recomputed from its counts.

Each printed number is its own test case, so a failure names the cell.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from il2tui.evidence.arith import percent
from il2tui.evidence.loader import load

T1 = load("characteristics")
T2 = load("response")
T1_TOTAL = {r.diagnosis: r.patients for r in T1 if r.characteristic == "Total patients"}
T2_TOTAL = {r.diagnosis: r.patients for r in T2 if r.measure == "patients"}


def _id(row) -> str:
    return f"{row.characteristic}:{row.group}:{row.diagnosis}"


@pytest.mark.parametrize("row", T1, ids=_id)
def test_table1_percentage_matches_its_count(row) -> None:
    assert percent(row.patients, T1_TOTAL[row.diagnosis], 0) == row.percent_printed


GROUPS = sorted({(r.characteristic, r.group) for r in T1})


@pytest.mark.parametrize("key", GROUPS, ids=lambda k: f"{k[0]}:{k[1]}")
def test_table1_melanoma_plus_renal_cell_is_the_total(key) -> None:
    cells = {r.diagnosis: r.patients for r in T1 if (r.characteristic, r.group) == key}
    assert cells["melanoma"] + cells["renal_cell"] == cells["total"]


PARTITIONS = [
    (c, d)
    for c in ("Sex", "Age group", "Race", "Performance status")
    for d in ("melanoma", "renal_cell", "total")
]


@pytest.mark.parametrize("key", PARTITIONS, ids=lambda k: f"{k[0]}:{k[1]}")
def test_table1_groups_of_a_characteristic_add_up_to_all_patients(key) -> None:
    diagnosis = key[1]
    cells = [r.patients for r in T1 if (r.characteristic, r.diagnosis) == key]
    assert sum(cells) == T1_TOTAL[diagnosis]


def test_table1_totals_match_table2() -> None:
    assert T1_TOTAL == T2_TOTAL == {"melanoma": 149, "renal_cell": 201, "total": 350}


def test_text_most_patients_were_21_to_60_years_old() -> None:
    ages = {
        r.group: r.patients
        for r in T1
        if r.characteristic == "Age group" and r.diagnosis == "total"
    }
    middle = sum(ages[g] for g in ("21-30 years", "31-40 years", "41-50 years", "51-60 years"))
    assert middle == 312 and middle / 350 > 0.5


def test_text_male_to_female_ratio_is_about_two_to_one() -> None:
    sex = {r.group: r.patients for r in T1 if r.characteristic == "Sex" and r.diagnosis == "total"}
    assert round(sex["Male"] / sex["Female"], 1) == 2.1


@pytest.mark.parametrize(("group", "printed"), [("Any two or more", 38), ("Any three or more", 13)])
def test_text_share_of_pretreated_patients(group: str, printed: int) -> None:
    row = next(r for r in T1 if r.group == group and r.diagnosis == "total")
    assert percent(row.patients, 350, 0) == printed


T2_PRINTED = [r for r in T2 if r.percent_printed is not None]


@pytest.mark.parametrize("row", T2_PRINTED, ids=lambda r: f"{r.diagnosis}:{r.measure}")
def test_table2_percentage_matches_its_count(row) -> None:
    recomputed = percent(row.patients, T2_TOTAL[row.diagnosis], 1)
    if (row.diagnosis, row.measure) == ("renal_cell", "responses"):
        # Discrepancy D5: 38 / 201 = 18.9%, printed as 19.0% (9.0% + 10.0%).
        assert (recomputed, row.percent_printed) == (Decimal("18.9"), "19.0")
    else:
        assert recomputed == Decimal(row.percent_printed)


@pytest.mark.parametrize("diagnosis", ["melanoma", "renal_cell", "total"])
def test_table2_cr_plus_pr_is_the_number_of_responses(diagnosis: str) -> None:
    cells = {r.measure: r.patients for r in T2 if r.diagnosis == diagnosis}
    assert cells["CR"] + cells["PR"] == cells["responses"]


@pytest.mark.parametrize("measure", ["patients", "CR", "PR", "responses"])
def test_table2_total_row_is_the_sum_of_the_diagnoses(measure: str) -> None:
    cells = {r.diagnosis: r.patients for r in T2 if r.measure == measure}
    assert cells["melanoma"] + cells["renal_cell"] == cells["total"]


def test_renal_cell_d5_rounding_is_the_sum_of_rounded_parts() -> None:
    assert percent(18, 201, 1) + percent(20, 201, 1) == Decimal("19.0")
