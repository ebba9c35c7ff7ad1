"""The one question the rest of the app asks the evidence, and the shape of its answer.

"For this diagnosis, the course about to be given and the patient's state before
it: how many patients of the series were in that situation and received that
course, and what was their response afterwards?" (Tables 3 and 4 of the paper.)
"""

from __future__ import annotations

from typing import Literal

import msgspec

Diagnosis = Literal["melanoma", "renal_cell"]
#: The patient's state before a course: ``none`` before course 1, otherwise the
#: best response after the previous courses (the paper's NR, MR, PR, CR).
StateBefore = Literal["none", "NR", "MR", "PR", "CR"]
StateAfter = Literal["NR", "MR", "PR", "CR"]
STATES_AFTER: tuple[StateAfter, ...] = ("NR", "MR", "PR", "CR")


class _Frozen(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Built by :mod:`il2tui.evidence.lookup` from validated rows, so not validated again
    (a msgspec ``Struct``, as the review's objects: no pydantic on a review's path)."""


class Outcome(_Frozen, kw_only=True):
    """How many of the treated patients were in one state after the course."""

    state: StateAfter
    patients: int
    """Count from the paper's table."""
    proportion: float
    """``patients / treated``, recomputed, never copied from the paper."""
    ci_low: float
    """Exact (Clopper-Pearson) 95% interval, lower bound, as a proportion."""
    ci_high: float
    """Exact (Clopper-Pearson) 95% interval, upper bound, as a proportion."""
    note: str | None = None
    """For 0 of n: the category, and the exact one-sided 95% upper bound of its rate."""


class CohortAnswer(_Frozen, kw_only=True):
    """What happened to the series' patients who stood where this patient stands."""

    diagnosis: Diagnosis
    course: int
    """The course about to be given (1 to 4 in the series)."""
    state: StateBefore
    """The patient's state before that course."""
    treated: int
    """Patients of the series in this state who received this course (0: no data)."""
    outcomes: tuple[Outcome, ...]
    """One entry per state the table can record after the course, zeros included (from
    none or NR: NR, MR, PR, CR; from MR: MR, PR, CR; from PR: PR, CR; from CR: CR); empty
    when no patient of the series was in this situation."""
    source: str
    """Where the counts come from, e.g. "Table 4, response to courses 1 and 2, column PR"."""
    message: str
    """One plain sentence; for no data, says no patient of the series was in this situation."""
    notes: tuple[str, ...] = ()
    """Cautions about the counts (small numbers, discrepancies of the paper that touch them)."""

    @property
    def has_data(self) -> bool:
        """True when at least one patient of the series was in this situation."""
        return self.treated > 0


def answer_json(answer: CohortAnswer) -> str:
    """The answer as JSON indented by two spaces, fields in their order (``il2 evidence
    --lookup ... --format json``)."""
    return msgspec.json.format(msgspec.json.encode(answer), indent=2).decode()
