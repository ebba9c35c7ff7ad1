"""The confirmation search in one pass gives what the assumption says, evaluation by
evaluation (issue 14 made it linear; the results must not change).

The reference below reads ``confirmation_28_days`` literally for one evaluation
at a time: walk back over the run, then forward for an evaluation 28 days on.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from il2tui.clinical.confirm import RANK, confirmations, run_start

CATEGORIES = list(RANK)


def _reference(categories: list[str], dates: list[date], i: int) -> tuple[object, ...]:
    """(first seen, due, confirmed on) for evaluation ``i``, or Nones unless PR or CR."""
    if categories[i] not in ("PR", "CR"):
        return (None, None, None)
    level = RANK[categories[i]]
    start = i
    for j in range(i - 1, -1, -1):  # back: NE neither extends nor ends the run
        if categories[j] == "NE":
            continue
        if RANK[categories[j]] < level:
            break
        start = j
    due = dates[start] + timedelta(days=28)
    for k in range(start, len(categories)):  # forward from the run's first evaluation
        if categories[k] == "NE":
            continue
        if RANK[categories[k]] < level:
            break
        if dates[k] >= due:
            return (dates[start], due, dates[k])
    return (dates[start], due, None)


@st.composite
def evaluations(draw: st.DrawFn) -> tuple[list[str], list[date]]:
    categories = draw(st.lists(st.sampled_from(CATEGORIES), max_size=16))
    gaps = draw(st.lists(st.integers(0, 30), min_size=len(categories), max_size=len(categories)))
    dates, day = [], date(2024, 1, 1)
    for gap in gaps:
        day += timedelta(days=gap)
        dates.append(day)
    return categories, dates


@settings(max_examples=400, deadline=None)
@given(evaluations())
def test_every_evaluation_gets_what_the_assumption_says(
    drawn: tuple[list[str], list[date]],
) -> None:
    categories, dates = drawn
    found = confirmations(categories, dates)
    for i, state in enumerate(found):
        assert (state.first_seen, state.due, state.confirmed_on) == _reference(categories, dates, i)


def test_a_long_run_is_confirmed_by_the_first_evaluation_28_days_on() -> None:
    """8,000 PRs two days apart (the shape that was quadratic): every one shares the first
    date of the run and is confirmed by the evaluation on day 28."""
    count = 8_000
    dates = [date(1950, 1, 1) + timedelta(days=2 * i) for i in range(count)]
    found = confirmations(["PR"] * count, dates)
    assert {(s.first_seen, s.confirmed_on) for s in found} == {(dates[0], dates[14])}


def test_a_run_starts_at_its_first_evaluation_at_that_level_or_better() -> None:
    """Walking back from the last evaluation: NE is skipped, a worse category ends the run."""
    assert run_start(["SD", "CR", "CR", "CR"], 3) == 1
    assert run_start(["CR", "NE", "CR"], 2) == 0
    assert run_start(["PR", "CR", "NE", "MR", "CR"], 4) == 4
    assert run_start(["CR", "PR", "CR"], 2) == 2  # a PR is worse than the CR's level
    assert run_start(["CR", "PR", "CR"], 1) == 0  # a CR is at least the PR's level
