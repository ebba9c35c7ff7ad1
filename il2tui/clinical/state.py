"""What a patient's evaluations count for: the best response and the series state.

One definition, used by the review's best response, by the guideline's facts after
each course, and by the series' cohort tables (issue 11, points 2 and 4):

- a PR or CR counts when it is confirmed (held at an evaluation 28 or more days
  after it was first seen) or still held at the latest evaluation (awaiting
  confirmation); one that was never confirmed and is no longer held counts for
  nothing, and the best response falls back to what does count;
- once an evaluation is PD the response episode has ended: later evaluations
  (marked ``after_progression``) count for nothing;
- NE counts only when nothing else was evaluable.

:func:`series_states` gives the state after each course of a case, for callers
that need the series' tables without the rest of a review.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from msgspec import Struct

from il2tui.case.model import Case
from il2tui.clinical.confirm import OBJECTIVE, RANK
from il2tui.clinical.model import AssessmentResult, Category, State

#: The patient's state for the series' tables, from the best response that counts.
STATE_OF: dict[str, State] = {"CR": "CR", "PR": "PR", "MR": "MR", "SD": "NR", "PD": "NR"}


class Standing(Struct, frozen=True):
    """What the evaluations so far count for, as of the latest of them."""

    best: Category | None
    """The best category that counts; ``None`` before any evaluation."""
    best_index: int | None
    """The first evaluation (index in the list given) that shows it and counts."""
    awaiting: bool
    """True when the best is a PR or CR not yet confirmed but held at the latest evaluation."""
    progressed: bool
    """True when an evaluation so far was PD."""

    @property
    def state(self) -> State | None:
        """CR, PR, MR or the paper's NR; ``None`` while nothing was evaluable."""
        return STATE_OF.get(self.best or "NE")


def counted(evaluations: Sequence[AssessmentResult]) -> list[Category | None]:
    """What each evaluation counts for as of the latest one (``None``: nothing).

    A PR or CR counts when confirmed by then or still held at the latest evaluation
    (the latest is that category or better, and so is every evaluable one between).
    Linear time.
    """
    out: list[Category | None] = [None] * len(evaluations)
    if not evaluations:
        return out
    latest = evaluations[-1].date
    # The lowest rank of the evaluable evaluations after this one; a latest evaluation
    # that is NE shows nothing held (an NE in between neither holds nor breaks a run).
    floor = RANK["NE"] if evaluations[-1].response == "NE" else RANK["CR"]
    for i in range(len(evaluations) - 1, -1, -1):
        result = evaluations[i]
        category = result.response
        if not result.after_progression and (
            category not in OBJECTIVE
            or RANK[category] <= floor
            or (result.confirmed_on is not None and result.confirmed_on <= latest)
        ):
            out[i] = category
        if category != "NE":
            level = RANK["PD"] if result.after_progression else RANK[category]
            floor = min(floor, level)
    return out


def standing(evaluations: Sequence[AssessmentResult]) -> Standing:
    """The best response that counts, as of the latest evaluation given."""
    counts = counted(evaluations)
    progressed = any(r.response == "PD" for r in evaluations)
    evaluable = [(i, c) for i, c in enumerate(counts) if c is not None and c != "NE"]
    if not evaluable:
        nothing: Category | None = "NE" if evaluations else None
        return Standing(nothing, None, False, progressed)
    index, best = max(evaluable, key=lambda pair: (RANK[pair[1]], -pair[0]))
    result = evaluations[index]
    latest = evaluations[-1].date
    awaiting = best in OBJECTIVE and not (
        result.confirmed_on is not None and result.confirmed_on <= latest
    )
    return Standing(best, index, awaiting, progressed)


def series_states(case: Case, *, tolerance_pct: Decimal = Decimal(0)) -> tuple[State | None, ...]:
    """The patient's state for the series' tables after each course of ``case``.

    ``None`` for a course not yet evaluated (or evaluated NE only): such a course
    has no place in the tables yet.
    """
    from il2tui.clinical.criteria import classify_case

    per_course = classify_case(case, tolerance_pct=tolerance_pct)
    states: list[State | None] = []
    seen: list[AssessmentResult] = []
    for results in per_course:
        seen += results
        states.append(standing(seen).state if results else None)
    return tuple(states)
