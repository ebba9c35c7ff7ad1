"""One patient of a centre, as the cohort tables need them: read from the engine's review.

Nothing here classifies a response. The state after each course is the engine's
(:func:`state_after`, the one place this package reads it), so a change to how the
engine counts a state (confirmation, progression) changes every table with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from il2tui.case.model import Case
from il2tui.clinical.model import CourseReview, Review, State

StopReason = Literal[
    "progression", "toxicity", "complete_response", "declined_or_other", "still_on_treatment"
]
STOP_REASONS: tuple[StopReason, ...] = (
    "progression",
    "toxicity",
    "complete_response",
    "declined_or_other",
    "still_on_treatment",
)


def state_after(course: CourseReview) -> State | None:
    """The patient's state after ``course`` for Tables 3 and 4; ``None`` if not evaluated.

    This is the field the engine's review itself uses to look up the series' cohort
    for the next course (best response so far, under the engine's confirmation
    rules). Every count of this package goes through this function.
    """
    return course.state


def how_states_are_counted() -> str:
    """The engine's own statement of how it counts a state (assumption ``cohort_state``)."""
    from il2tui.clinical.guideline import assumption_notes

    stated = {note.id: note.text for note in assumption_notes()}
    return stated.get(
        "cohort_state", "the best response so far, under the engine's confirmation rules."
    )


@dataclass(frozen=True, slots=True)
class PatientRecord:
    """What one case file contributes to the tables."""

    diagnosis: Literal["melanoma", "renal_cell"]
    states: tuple[State | None, ...]
    """The state after each course, in order (``None``: the course was not evaluated)."""
    stop: StopReason
    """Why the courses ended, or ``still_on_treatment``."""
    duration_days: int | None
    """For a final state of PR or CR: days from the first dose to progression or last news."""
    ongoing: bool | None
    """For a final state of PR or CR: True when no progression is recorded (censored)."""

    @property
    def final(self) -> State | None:
        """The state after the last evaluated course: the patient's best response (Table 2)."""
        return next((s for s in reversed(self.states) if s is not None), None)


def patient_record(case: Case, review: Review) -> PatientRecord:
    """The record of one reviewed case."""
    states = tuple(state_after(course) for course in review.courses)
    record = PatientRecord(case.patient.diagnosis, states, _stop(case, review), None, None)
    if record.final in ("PR", "CR") and review.response_duration_days is not None:
        return PatientRecord(
            record.diagnosis,
            states,
            record.stop,
            review.response_duration_days,
            bool(review.response_ongoing),
        )
    return record


def _stop(case: Case, review: Review) -> StopReason:
    """Why the last course was the last, from the recorded toxicity, decision and category.

    Severe toxicity stops retreatment whatever was decided; otherwise a patient has
    stopped when the last course records a decision to stop or that the patient
    declines more IL-2. Among those, progression (the latest evaluation is PD) comes
    first, then a complete response (the engine's state CR), then everything else.
    """
    if not case.courses:
        return "still_on_treatment"
    last, reviewed = case.courses[-1], review.courses[-1]
    if last.toxicity:
        return "toxicity"
    decided_stop = last.decision is not None and last.decision.action == "stop"
    if not (decided_stop or last.declined_further):
        return "still_on_treatment"
    if reviewed.response == "PD":
        return "progression"
    if state_after(reviewed) == "CR":
        return "complete_response"
    return "declined_or_other"
