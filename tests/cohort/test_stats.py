"""Fisher's exact test and Kaplan-Meier, against SciPy and against hand arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from il2tui.centre.stats import fisher_two_sided, kaplan_meier, km_at, km_median


@st.composite
def _tables(draw: st.DrawFn) -> tuple[int, int, int, int]:
    n1 = draw(st.integers(1, 60))
    n2 = draw(st.integers(1, 200))
    return draw(st.integers(0, n1)), n1, draw(st.integers(0, n2)), n2


@settings(max_examples=200, deadline=None)
@given(_tables())
def test_fisher_agrees_with_scipy(table: tuple[int, int, int, int]) -> None:
    from scipy.stats import fisher_exact

    a, n1, b, n2 = table
    expected = fisher_exact([[a, n1 - a], [b, n2 - b]], alternative="two-sided").pvalue
    assert float(fisher_two_sided(a, n1, b, n2)) == pytest.approx(expected, rel=1e-6, abs=1e-12)


@pytest.mark.parametrize(("a", "n"), [(0, 1), (3, 149), (128, 149), (18, 149), (5, 7)])
def test_the_same_counts_on_both_sides_give_exactly_1(a: int, n: int) -> None:
    assert fisher_two_sided(a, n, a, n) == 1


def test_a_known_table_by_hand() -> None:
    # 3 of 3 against 0 of 3: the two extreme tables each have probability 1/20.
    assert fisher_two_sided(3, 3, 0, 3) == Fraction(1, 10)


def test_a_side_without_patients_cannot_differ() -> None:
    assert fisher_two_sided(0, 0, 12, 149) == 1


def test_kaplan_meier_by_hand() -> None:
    # Ends at 1, 2 and 3; censored at 2 and 4. At risk: 5, then 4, then 2.
    curve = kaplan_meier([1, 2, 2, 3, 4], [True, True, False, True, False])
    assert curve == [(1, Fraction(4, 5)), (2, Fraction(3, 5)), (3, Fraction(3, 10))]
    assert km_median(curve) == 3
    assert km_at(curve, 2) == Fraction(3, 5) and km_at(curve, 0) == 1


def test_a_curve_that_stays_above_a_half_has_no_median() -> None:
    assert km_median(kaplan_meier([5, 6, 7], [True, False, False])) is None
