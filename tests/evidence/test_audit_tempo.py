"""Audit of Tables 3, 4 and 5 and of the text's statements about them.

Every row and column sum of the course-to-course tree is checked against the
printed numbers of patients treated with each course; where the paper
disagrees with itself the test asserts the disagreement as documented in
``data/discrepancies.json``.
"""

from __future__ import annotations

from collections import Counter

import pytest

from il2tui.evidence.arith import percent
from il2tui.evidence.intervals import clopper_pearson, upper_bound_none_seen
from il2tui.evidence.loader import load
from il2tui.evidence.lookup import transitions

TREE = transitions()
TREATED = load("treated")
FACTS = {(f.id, f.diagnosis): f.value for f in load("facts")}
TABLE2 = {(r.diagnosis, r.measure): r.patients for r in load("response")}
DIAGNOSES = ("melanoma", "renal_cell")


def _sum(diagnosis: str, course: int, before: str | None = None, after: str | None = None) -> int:
    return sum(
        r.patients
        for r in TREE
        if (r.diagnosis, r.course) == (diagnosis, course)
        and before in (None, r.state_before)
        and after in (None, r.state_after)
    )


def _new_cr(diagnosis: str) -> list[int]:
    return [
        sum(
            r.patients
            for r in TREE
            if (r.diagnosis, r.course) == (diagnosis, c)
            and r.state_after == "CR"
            and r.state_before != "CR"
        )
        for c in (1, 2, 3, 4)
    ]


@pytest.mark.parametrize(
    "row", TREATED, ids=lambda r: f"{r.diagnosis}:c{r.course}:{r.state_before}"
)
def test_tree_column_sums_to_the_printed_number_treated(row) -> None:
    before = None if row.state_before == "all" else row.state_before
    assert _sum(row.diagnosis, row.course, before=before) == row.patients


NEXT = [r for r in TREATED if r.state_before != "all"]


@pytest.mark.parametrize("row", NEXT, ids=lambda r: f"{r.diagnosis}:c{r.course}:{r.state_before}")
def test_patients_treated_in_a_state_were_in_that_state_after_the_previous_course(row) -> None:
    """Row sums of a block bound the next course's column: no one is treated twice."""
    in_state = _sum(row.diagnosis, row.course - 1, after=row.state_before)
    assert in_state >= row.patients


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_course_1_is_given_to_every_patient_of_table_2(diagnosis: str) -> None:
    assert _sum(diagnosis, 1) == TABLE2[(diagnosis, "patients")]


@pytest.mark.parametrize(
    ("diagnosis", "expected"), [("melanoma", [149, 63, 20, 4]), ("renal_cell", [201, 96, 38, 10])]
)
def test_patients_treated_with_each_course(diagnosis: str, expected: list[int]) -> None:
    assert [_sum(diagnosis, c) for c in (1, 2, 3, 4)] == expected


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_responders_after_course_1_match_the_abstract(diagnosis: str) -> None:
    responders = _sum(diagnosis, 1, after="PR") + _sum(diagnosis, 1, after="CR")
    assert responders == int(FACTS[("responders_after_course_1", diagnosis)])


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_all_responders_of_table_2_appear_in_the_tree(diagnosis: str) -> None:
    """A responder enters the tree once, when first at least PR (from NR, MR or none)."""
    new = sum(
        r.patients
        for r in TREE
        if r.diagnosis == diagnosis
        and r.state_after in ("PR", "CR")
        and r.state_before in ("none", "NR", "MR")
    )
    assert new == TABLE2[(diagnosis, "responses")] == int(FACTS[("responders_total", diagnosis)])


def test_renal_cell_tree_accounts_for_every_cr_of_table_2() -> None:
    assert _new_cr("renal_cell") == [4, 3, 9, 2]
    assert sum(_new_cr("renal_cell")) == TABLE2[("renal_cell", "CR")] == 18


def test_melanoma_tree_places_only_5_of_10_cr_discrepancy_d1() -> None:
    assert _new_cr("melanoma") == [3, 1, 1, 0]
    assert (sum(_new_cr("melanoma")), TABLE2[("melanoma", "CR")]) == (5, 10)


@pytest.mark.parametrize(("diagnosis", "expected"), [("melanoma", 23), ("renal_cell", 37)])
def test_responders_with_at_least_pr_after_two_courses(diagnosis: str, expected: int) -> None:
    after_two = sum(
        r.patients
        for r in TREE
        if r.diagnosis == diagnosis
        and r.course <= 2
        and r.state_after in ("PR", "CR")
        and r.state_before in ("none", "NR", "MR")
    )
    assert after_two == expected == int(FACTS[("responders_at_least_pr_after_course_2", diagnosis)])


def test_share_of_responders_identified_after_course_1_is_90_percent() -> None:
    first = sum(int(FACTS[("responders_after_course_1", d)]) for d in DIAGNOSES)
    total = sum(int(FACTS[("responders_total", d)]) for d in DIAGNOSES)
    assert (first, total) == (55, 61)
    assert percent(first, total, 0) == int(FACTS[("responders_share_after_course_1", "all")])


@pytest.mark.parametrize(
    ("diagnosis", "printed"), [("melanoma", "15.4"), ("renal_cell", "19.0"), ("total", "17.4")]
)
def test_abstract_response_rates(diagnosis: str, printed: str) -> None:
    key = "all" if diagnosis == "total" else diagnosis
    assert FACTS[("response_rate_printed", key)] == printed
    recomputed = str(percent(TABLE2[(diagnosis, "responses")], TABLE2[(diagnosis, "patients")], 1))
    expected = "18.9" if diagnosis == "renal_cell" else printed  # D5
    assert recomputed == expected


def test_abstract_counts_of_cr_and_pr_across_the_series() -> None:
    assert TABLE2[("melanoma", "CR")] + TABLE2[("renal_cell", "CR")] == 28
    assert TABLE2[("melanoma", "PR")] + TABLE2[("renal_cell", "PR")] == 33


@pytest.mark.parametrize(
    "row",
    load("tempo_text"),
    ids=lambda r: f"{r.section}:{r.diagnosis}:c{r.course}:{r.state_before}->{r.state_after}",
)
def test_text_statement_matches_the_table(row) -> None:
    assert _sum(row.diagnosis, row.course, before=row.state_before) == row.treated
    if row.state_after == "objective":
        got = _sum(row.diagnosis, row.course, row.state_before, "PR") + _sum(
            row.diagnosis, row.course, row.state_before, "CR"
        )
    else:
        got = _sum(row.diagnosis, row.course, row.state_before, row.state_after)
    assert got == row.patients


def test_no_response_after_two_courses_zero_of_17_discrepancy_d8() -> None:
    treated = _sum("melanoma", 3, "NR") + _sum("renal_cell", 3, "NR")
    responded = sum(_sum(d, 3, "NR", s) for d in DIAGNOSES for s in ("MR", "PR", "CR"))
    assert (responded, treated) == (0, 17)
    assert round(clopper_pearson(0, 17)[1], 3) == 0.195
    # D8 quotes the exact one-sided bound, 1 - 0.05^(1/17), not the rule of three's 3/17.
    assert round(upper_bound_none_seen(17), 3) == 0.162
    assert _sum("renal_cell", 3, "MR", "CR") == _sum("renal_cell", 3, "MR") == 1


# --- Table 5 -----------------------------------------------------------------
T5 = load("discontinuation")


def _stopped_after(course: int) -> int:
    treated = sum(_sum(d, course) for d in DIAGNOSES)
    following = sum(_sum(d, course + 1) for d in DIAGNOSES) if course < 4 else 0
    return treated - following


def _table5_column(course: int) -> int:
    return sum(r.patients for r in T5 if r.courses_completed == course)


@pytest.mark.parametrize(("course", "stopped"), [(1, 191), (2, 101), (3, 44), (4, 14)])
def test_patients_who_stopped_after_each_course(course: int, stopped: int) -> None:
    assert _stopped_after(course) == stopped


@pytest.mark.parametrize(("course", "column"), [(1, 191), (2, 101), (3, 43), (4, 15)])
def test_table5_column_totals_discrepancy_d2(course: int, column: int) -> None:
    """Columns 1 and 2 agree with the tree; 3 is one short and 4 one over (D2)."""
    assert _table5_column(course) == column


def test_table5_accounts_for_all_350_patients() -> None:
    assert sum(r.patients for r in T5) == 350 == sum(_stopped_after(c) for c in (1, 2, 3, 4))


@pytest.mark.parametrize(
    ("reason", "total"),
    [
        ("progression", 276),
        ("toxicity", 15),
        ("death", 3),
        ("complete_response", 24),
        ("other", 32),
    ],
)
def test_table5_row_totals(reason: str, total: int) -> None:
    assert sum(r.patients for r in T5 if r.reason == reason) == total


def test_table5_deaths_match_the_text() -> None:
    assert sum(r.patients for r in T5 if r.reason == "death") == int(
        FACTS[("treatment_related_deaths", "all")]
    )


def test_table5_other_row_equals_the_unknown_reasons_discrepancy_d7() -> None:
    other = sum(r.patients for r in T5 if r.reason == "other")
    assert other == int(FACTS[("other_reason_unknown", "all")]) == 32


def test_table5_cr_stops_against_the_tree_discrepancy_d4() -> None:
    left_in_cr = Counter()
    for course in (2, 3, 4):
        for d in DIAGNOSES:
            nxt = _sum(d, course + 1, before="CR") if course < 4 else 0
            left_in_cr[course] += _sum(d, course, after="CR") - nxt
    table5 = {r.courses_completed: r.patients for r in T5 if r.reason == "complete_response"}
    assert dict(left_in_cr) == {2: 3, 3: 16, 4: 4}
    assert table5 == {2: 4, 3: 19, 4: 1}


def test_table5_majority_stopped_for_progression() -> None:
    assert sum(r.patients for r in T5 if r.reason == "progression") / 350 > 0.5


def _given_from_cr(diagnosis: str) -> list[int]:
    """Patients in CR after course k given course k + 1 (k = 1, 2, 3); none had a fifth."""
    return [_sum(diagnosis, k + 1, before="CR") for k in (1, 2, 3)] + [0]


def test_consolidation_against_the_tree_discrepancy_d12() -> None:
    """At least 10 of the 23 CRs reached on treatment had no further course."""
    reached = {d: _new_cr(d) for d in DIAGNOSES}
    given = {d: _given_from_cr(d) for d in DIAGNOSES}
    assert reached == {"melanoma": [3, 1, 1, 0], "renal_cell": [4, 3, 9, 2]}
    assert given == {"melanoma": [3, 1, 0, 0], "renal_cell": [4, 7, 2, 0]}
    pairs = [pair for d in DIAGNOSES for pair in zip(reached[d], given[d], strict=True)]
    without = sum(max(0, new - next_course) for new, next_course in pairs)
    assert (sum(map(sum, reached.values())), without) == (23, 10)


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
@pytest.mark.parametrize("course", [1, 2, 3])
def test_the_consolidation_cautions_quote_the_tables(diagnosis: str, course: int) -> None:
    """Each cr_consolidate caution quotes, for its diagnosis and course, the patients in CR
    after the course and how many of them were given the next one."""
    from il2tui.clinical.guideline import load_guideline

    in_cr = _sum(diagnosis, course, after="CR")
    given = _sum(diagnosis, course + 1, before="CR")
    caution = next(
        c for c in load_guideline().cautions if c.id == f"consolidation_{diagnosis}_course_{course}"
    )
    assert caution.when == {"rule": "cr_consolidate", "diagnosis": diagnosis, "course": course}
    quoted = f"all {in_cr} " if given == in_cr else f"{given or 'none'} of the {in_cr} "
    assert quoted in caution.text


def test_table5_cr_stops_against_table2_discrepancy_d13() -> None:
    table5 = sum(r.patients for r in T5 if r.reason == "complete_response")
    table2 = sum(TABLE2[(d, "CR")] for d in DIAGNOSES)
    assert (table5, table2) == (24, 28)
