"""The cohort question, as the engine and the screens ask it."""

from __future__ import annotations

import pytest

from il2tui.evidence import cohort


def _counts(answer) -> dict[str, int]:
    return {o.state: o.patients for o in answer.outcomes}


def test_renal_cell_pr_after_course_1_given_course_2() -> None:
    answer = cohort("renal_cell", 2, "PR")
    assert answer.treated == 28
    assert _counts(answer) == {"PR": 25, "CR": 3}  # from a PR the table records PR or CR
    assert answer.source.startswith("Table 4")
    cr = next(o for o in answer.outcomes if o.state == "CR")
    assert cr.proportion == pytest.approx(3 / 28)
    assert (round(cr.ci_low, 4), round(cr.ci_high, 4)) == (0.0227, 0.2823)


def test_course_1_for_melanoma_is_the_whole_series() -> None:
    answer = cohort("melanoma", 1, "none")
    assert answer.treated == 149
    assert _counts(answer) == {"NR": 128, "MR": 0, "PR": 18, "CR": 3}


def test_proportions_of_an_answer_add_up_to_one() -> None:
    answer = cohort("renal_cell", 1, "none")
    assert sum(o.proportion for o in answer.outcomes) == pytest.approx(1.0)


def test_zero_of_n_gets_the_exact_one_sided_bound_naming_its_category() -> None:
    answer = cohort("renal_cell", 3, "NR")
    cr = next(o for o in answer.outcomes if o.state == "CR")
    assert (cr.patients, answer.treated, cr.ci_low) == (0, 9, 0.0)
    assert round(cr.ci_high, 4) == 0.3363  # 1 - 0.025 ** (1 / 9)
    # One-sided 95%: the rate p at which 0 of 9 happens with probability 5%: (1 - p)^9 = 0.05.
    assert cr.note == "CR 0 of 9: exact one-sided 95% upper bound 28.3%"
    assert "rule of three" not in cr.note


def test_one_patient_gets_an_honest_note_not_a_bound() -> None:
    answer = cohort("renal_cell", 3, "MR")
    assert _counts(answer) == {"MR": 0, "PR": 0, "CR": 1} and answer.treated == 1
    pr = next(o for o in answer.outcomes if o.state == "PR")
    assert pr.note == "PR 0 of 1: exact one-sided 95% upper bound 95.0%"
    assert any(n.startswith("D8") for n in answer.notes)
    assert any("Small numbers" in n for n in answer.notes)


def test_melanoma_answers_carry_the_cr_discrepancy() -> None:
    assert any(n.startswith("D1") for n in cohort("melanoma", 2, "PR").notes)
    assert not any(n.startswith("D1") for n in cohort("renal_cell", 2, "PR").notes)


@pytest.mark.parametrize(
    ("diagnosis", "course", "state"),
    [
        ("melanoma", 5, "PR"),  # no fifth course in the series
        ("renal_cell", 6, "CR"),
        ("melanoma", 2, "MR"),  # no melanoma patient had an MR after course 1
        ("melanoma", 4, "CR"),  # no melanoma patient in CR received course 4
        ("renal_cell", 4, "MR"),
        ("renal_cell", 1, "PR"),  # a state before course 1 does not exist
        ("renal_cell", 2, "none"),
    ],
)
def test_outside_the_data_the_answer_says_no_patient_was_there(
    diagnosis: str, course: int, state: str
) -> None:
    answer = cohort(diagnosis, course, state)
    assert answer.treated == 0 and answer.outcomes == () and not answer.has_data
    assert answer.message.startswith("No patient of the series was in this situation")


def test_fifth_course_says_the_series_stopped_at_four() -> None:
    assert "at most 4 courses" in cohort("renal_cell", 5, "PR").message


def test_unknown_diagnosis_is_refused() -> None:
    with pytest.raises(ValueError, match="melanoma and renal_cell"):
        cohort("lung", 1, "none")


def test_one_patient_is_named_in_the_singular():
    # Table 4: one renal cell cancer patient had MR after course 1 and received course 2.
    answer = cohort("renal_cell", 2, "MR")
    assert answer.treated == 1
    assert "1 renal cell cancer patient of the series with" in answer.message
    assert "Small numbers: 1 patient;" in " ".join(answer.notes)


#: What Tables 3 and 4 can record after a course, by the state before it (best so far).
RECORDABLE = {
    "none": {"NR", "MR", "PR", "CR"},
    "NR": {"NR", "MR", "PR", "CR"},
    "MR": {"MR", "PR", "CR"},
    "PR": {"PR", "CR"},
    "CR": {"CR"},
}
EVERY_COHORT = [
    (d, c, s)
    for d in ("melanoma", "renal_cell")
    for c in (1, 2, 3, 4)
    for s in ("none", "NR", "MR", "PR", "CR")
]


@pytest.mark.parametrize(("diagnosis", "course", "state"), EVERY_COHORT)
def test_an_answer_holds_only_what_its_column_can_record(
    diagnosis: str, course: int, state: str
) -> None:
    answer = cohort(diagnosis, course, state)
    if answer.has_data:
        assert set(_counts(answer)) == RECORDABLE[state]
        assert sum(_counts(answer).values()) == answer.treated
        for gone in {"NR", "MR", "PR", "CR"} - RECORDABLE[state]:
            assert f"{gone} 0" not in answer.message


def test_a_pr_cohort_says_why_nr_and_mr_are_missing() -> None:
    answer = cohort("melanoma", 2, "PR")
    assert _counts(answer) == {"PR": 16, "CR": 1}
    assert answer.notes[0] == (
        "The table records the best response so far: from a PR it can show only PR or CR."
    )
    assert "NR = no response" not in answer.message
    assert all("best response so far" not in n for n in cohort("melanoma", 2, "NR").notes)


@pytest.mark.parametrize(("diagnosis", "course", "state"), EVERY_COHORT)
def test_no_rule_of_three_below_30_and_no_bound_above_the_interval(
    diagnosis: str, course: int, state: str
) -> None:
    answer = cohort(diagnosis, course, state)
    for o in answer.outcomes:
        if o.patients:
            assert o.note is None
            continue
        assert o.note is not None and o.note.startswith(f"{o.state} 0 of {answer.treated}:")
        assert "rule of three" not in o.note
        shown = float(o.note.rsplit(" ", 1)[1].rstrip("%")) / 100
        # The bound p solves (1 - p)^n = 0.05 (to the printed 0.1%), below the two-sided end.
        assert abs((1 - shown) ** answer.treated - 0.05) < 0.01
        assert shown < o.ci_high


def test_notes_never_end_in_doubled_punctuation() -> None:
    for diagnosis, course, state in EVERY_COHORT:
        for note in cohort(diagnosis, course, state).notes:
            assert not note.endswith((". .", "..", ".)."))


def test_several_zeros_are_said_once_each_category_named() -> None:
    from il2tui.evidence.lookup import zero_notes

    # Table 4: 9 non-responders after two courses given a third: NR 9, no MR, PR or CR.
    assert zero_notes(cohort("renal_cell", 3, "NR")) == (
        "MR, PR and CR 0 of 9 each: exact one-sided 95% upper bound 28.3%",
    )
    assert zero_notes(cohort("melanoma", 2, "PR")) == ()  # CR 1, PR 16: no zero
    assert zero_notes(cohort("renal_cell", 2, "PR")) == ()
    assert zero_notes(cohort("melanoma", 4, "PR")) == (
        "CR 0 of 3: exact one-sided 95% upper bound 63.2%",
    )
