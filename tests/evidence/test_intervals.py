"""The plain-Python Clopper-Pearson bounds against SciPy's, the oracle kept for the tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

from il2tui.evidence.intervals import clopper_pearson, upper_bound_none_seen
from il2tui.evidence.loader import load
from il2tui.evidence.lookup import MAX_COURSE, cohort
from il2tui.evidence.rows import ResponseRow, TransitionRow

#: The bounds are shown to 0.1%; agreement with SciPy is asked to far better.
CLOSE = 1e-9
STATES = ("none", "NR", "MR", "PR", "CR")


def _scipy(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    ci = binomtest(k, n).proportion_ci(confidence_level=level, method="exact")
    return float(ci.low), float(ci.high)


def _totals_in_the_data() -> set[int]:
    """Every denominator an interval is drawn over: each cohort of Tables 3-4, Table 2."""
    groups: dict[tuple[str, int, str], int] = {}
    for row in load("tempo_melanoma") + load("tempo_renal_cell"):
        assert isinstance(row, TransitionRow)
        key = (row.diagnosis, row.course, row.state_before)
        groups[key] = groups.get(key, 0) + row.patients
    response = [row for row in load("response") if isinstance(row, ResponseRow)]
    return {n for n in groups.values() if n} | {
        r.patients for r in response if r.measure == "patients"
    }


def test_the_data_has_denominators_from_one_patient_to_the_whole_series() -> None:
    totals = _totals_in_the_data()
    assert {1, 149, 201, 350} <= totals


@pytest.mark.parametrize("n", sorted(_totals_in_the_data()))
def test_every_interval_over_a_denominator_of_the_data_matches_scipy(n: int) -> None:
    for k in range(n + 1):
        low, high = clopper_pearson(k, n)
        want_low, want_high = _scipy(k, n)
        assert low == pytest.approx(want_low, abs=CLOSE), (k, n)
        assert high == pytest.approx(want_high, abs=CLOSE), (k, n)


def test_every_cohort_answer_carries_scipy_s_interval() -> None:
    checked = 0
    for diagnosis in ("melanoma", "renal_cell"):
        for course in range(1, MAX_COURSE + 1):
            for state in STATES:
                answer = cohort(diagnosis, course, state)
                for outcome in answer.outcomes:
                    want = _scipy(outcome.patients, answer.treated)
                    assert outcome.ci_low == pytest.approx(want[0], abs=CLOSE)
                    assert outcome.ci_high == pytest.approx(want[1], abs=CLOSE)
                    checked += 1
    assert checked >= 40  # every cohort of Tables 3 and 4 with patients in it


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 1000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_random_counts_up_to_a_thousand_match_scipy(counts: tuple[int, int]) -> None:
    k, n = counts
    low, high = clopper_pearson(k, n)
    want_low, want_high = _scipy(k, n)
    assert low == pytest.approx(want_low, abs=CLOSE)
    assert high == pytest.approx(want_high, abs=CLOSE)
    assert 0 <= low <= k / n <= high <= 1


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 300), st.sampled_from([0.8, 0.9, 0.99]))
def test_other_levels_match_scipy(n: int, level: float) -> None:
    k = n // 3
    got, want = clopper_pearson(k, n, level), _scipy(k, n, level)
    assert got == pytest.approx(want, abs=CLOSE)


@pytest.mark.parametrize("n", [1, 2, 17, 149, 1000])
def test_none_or_all_have_closed_forms(n: int) -> None:
    """0 of n: the upper bound solves (1 - p)^n = 0.025; n of n mirrors it."""
    closed = 0.025 ** (1 / n)
    assert clopper_pearson(0, n) == pytest.approx((0.0, 1 - closed), abs=CLOSE)
    assert clopper_pearson(n, n) == pytest.approx((closed, 1.0), abs=CLOSE)


@pytest.mark.parametrize(
    ("k", "n", "level"), [(-1, 5, 0.95), (6, 5, 0.95), (0, 0, 0.95), (1, 5, 1)]
)
def test_impossible_counts_are_refused(k: int, n: int, level: float) -> None:
    with pytest.raises(ValueError):
        clopper_pearson(k, n, level)


def test_a_bound_for_no_patient_is_refused_with_the_reason() -> None:
    """0 of 0 says nothing: no bound, and the message says why (n = 1 is the smallest)."""
    with pytest.raises(ValueError) as caught:
        upper_bound_none_seen(0)
    assert str(caught.value) == "a bound needs at least one patient"
    assert upper_bound_none_seen(1) == pytest.approx(0.95)  # 1 - 0.05^(1/1)


@pytest.mark.parametrize(("level", "most"), [(0.5, 10), (0.8, 10), (0.95, 10), (0.99, 10)])
def test_each_bound_takes_a_few_tail_sums_not_a_bisection_s_forty(
    monkeypatch: pytest.MonkeyPatch, level: float, most: int
) -> None:
    """Newton's method inside its bracket: at most 10 tail sums a bound for every count of
    the data and of n up to 150 (bisection alone took 41), each bound still exact."""
    _bounds_within(monkeypatch, level, most)


def test_at_an_extreme_level_the_bracket_keeps_each_bound_within_bisection_s_sums(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A tail of 5e-7 is where Newton overshoots most and the bracket is halved most often:
    never more sums than bisection alone (41), and the same bounds as SciPy."""
    _bounds_within(monkeypatch, 0.999999, 41)
    for n in (1, 7, 40, 149):
        for k in range(n + 1):
            got, want = clopper_pearson(k, n, 0.999999), _scipy(k, n, 0.999999)
            assert got == pytest.approx(want, abs=CLOSE), (k, n)


def _bounds_within(monkeypatch: pytest.MonkeyPatch, level: float, most: int) -> None:
    from il2tui.evidence import intervals

    sums: list[tuple[int, int, float]] = []
    counted = intervals._at_least

    def counting(k: int, n: int, p: float) -> float:
        sums.append((k, n, p))
        return counted(k, n, p)

    monkeypatch.setattr(intervals, "_at_least", counting)
    tail = (1 - level) / 2
    for n in sorted(_totals_in_the_data() | set(range(1, 151))):
        for k in range(1, n + 1):
            sums.clear()
            bound = intervals._lower_bound(k, n, tail)
            assert 1 <= len(sums) <= most, (k, n, len(sums))
            assert 0 < bound < 1, (k, n)
            assert counted(k, n, bound) == pytest.approx(tail, rel=1e-6, abs=1e-12), (k, n)


def test_a_search_that_cannot_close_says_so_naming_the_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No bound is ever returned unfound: given too few tail sums, the search stops with
    an error that names the counts (the real limit, 100, is never reached: see above)."""
    from il2tui.evidence import intervals

    monkeypatch.setattr(intervals, "MAX_SUMS", 2)
    with pytest.raises(ArithmeticError) as caught:
        intervals._lower_bound(3, 10, 0.025)
    assert str(caught.value) == "no bound found for 3 of 10"
