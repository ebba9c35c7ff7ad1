"""The cohort question: who in the series stood where this patient stands, and what followed.

Answers come from the transition counts of Tables 3 and 4 only; every
proportion is recomputed from those counts, with an exact 95% interval. The
tables record the best response so far, so an answer holds only the states its
column can record (from a PR: PR or CR), never a 0 of n the table could not fill.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from il2tui.evidence.answer import STATES_AFTER, CohortAnswer, Outcome
from il2tui.evidence.intervals import clopper_pearson, upper_bound_none_seen
from il2tui.evidence.loader import load
from il2tui.evidence.rows import DiscrepancyRow, TransitionRow
from il2tui.evidence.sections import sentence

TABLE = {"melanoma": "3", "renal_cell": "4"}
DIAGNOSIS_WORDS = {"melanoma": "melanoma", "renal_cell": "renal cell cancer"}
STATE_WORDS = {
    "NR": "no response",
    "MR": "a minor response (MR)",
    "PR": "a partial response (PR)",
    "CR": "a complete response (CR)",
}
MAX_COURSE = 4
#: What each column of Tables 3 and 4 can record after the course: the best response so
#: far never falls, so from a PR only PR or CR can follow (the issue-12 contract).
RECORDABLE: dict[str, tuple[str, ...]] = {
    "none": STATES_AFTER,
    "NR": STATES_AFTER,
    "MR": ("MR", "PR", "CR"),
    "PR": ("PR", "CR"),
    "CR": ("CR",),
}


def transitions() -> tuple[TransitionRow, ...]:
    """Every transition row of Tables 3 and 4, melanoma first."""
    return load("tempo_melanoma") + load("tempo_renal_cell")  # type: ignore[return-value]


@cache
def _index() -> dict[tuple[str, int, str], Counter[str]]:
    index: dict[tuple[str, int, str], Counter[str]] = {}
    for row in transitions():
        key = (row.diagnosis, row.course, row.state_before)
        index.setdefault(key, Counter())[row.state_after] += row.patients
    return index


def after_courses(course: int) -> str:
    """``after course 1`` / ``after courses 1 and 2`` / ``after courses 1-3``."""
    if course <= 1:
        return "after course 1"
    return "after courses 1 and 2" if course == 2 else f"after courses 1-{course}"


@cache
def cohort(diagnosis: str, course: int, state: str) -> CohortAnswer:
    """What happened to the series' patients with this diagnosis and state given this course."""
    if diagnosis not in TABLE:
        raise ValueError(f"{diagnosis!r}: the series covers only melanoma and renal_cell")
    counts = _index().get((diagnosis, course, state))
    treated = sum(counts.values()) if counts else 0
    if not treated:
        return _no_data(diagnosis, course, state)
    shown = [s for s in STATES_AFTER if s in RECORDABLE[state] or counts[s]]  # type: ignore[index]
    outcomes = tuple(_outcome(s, counts[s], treated) for s in shown)  # type: ignore[index]
    return CohortAnswer(
        diagnosis=diagnosis,  # type: ignore[arg-type]
        course=course,
        state=state,  # type: ignore[arg-type]
        treated=treated,
        outcomes=outcomes,
        source=_source(diagnosis, course, state),
        message=_message(diagnosis, course, state, treated, outcomes),
        notes=_notes(diagnosis, course, state, treated),
    )


def _outcome(state: str, patients: int, treated: int) -> Outcome:
    low, high = clopper_pearson(patients, treated)
    return Outcome(
        state=state,  # type: ignore[arg-type]
        patients=patients,
        proportion=patients / treated,
        ci_low=low,
        ci_high=high,
        note=zero_note(state, treated) if patients == 0 else None,
    )


def zero_note(state: str, treated: int) -> str:
    """``CR 0 of 17: exact one-sided 95% upper bound 16.2%``: the category is always named."""
    bound = upper_bound_none_seen(treated)
    return f"{state} 0 of {treated}: exact one-sided 95% upper bound {bound:.1%}"


def zero_notes(answer: CohortAnswer) -> tuple[str, ...]:
    """The 0-of-n notes of an answer as one line: ``MR, PR and CR 0 of 9 each: ...``."""
    zeros = [o.state for o in answer.outcomes if o.patients == 0]
    if len(zeros) < 2:
        return tuple(o.note for o in answer.outcomes if o.note)
    names = f"{', '.join(zeros[:-1])} and {zeros[-1]}"
    bound = upper_bound_none_seen(answer.treated)
    return (f"{names} 0 of {answer.treated} each: exact one-sided 95% upper bound {bound:.1%}",)


def best_so_far_note(state: str) -> str | None:
    """Why some states are missing from an answer: the tables record the best response so far."""
    shown = RECORDABLE.get(state, STATES_AFTER)
    if shown == STATES_AFTER:
        return None
    article = "an" if state == "MR" else "a"
    words = " or ".join(shown) if len(shown) < 3 else f"{shown[0]}, {shown[1]} or {shown[2]}"
    return (
        f"The table records the best response so far: from {article} {state} it can show "
        f"only {words}."
    )


def _who(diagnosis: str, course: int, state: str, count: int) -> str:
    people = f"{DIAGNOSIS_WORDS[diagnosis]} {_patients(count)} of the series"
    if state == "none":
        return people
    return f"{people} with {STATE_WORDS[state]} {after_courses(course - 1)}"


def _patients(count: int) -> str:
    return "patient" if count == 1 else "patients"


def _message(
    diagnosis: str, course: int, state: str, treated: int, outcomes: tuple[Outcome, ...]
) -> str:
    parts = ", ".join(f"{o.state} {o.patients}" for o in reversed(outcomes))
    legend = " (NR = no response)" if any(o.state == "NR" for o in outcomes) else ""
    return (
        f"{treated} {_who(diagnosis, course, state, treated)} received course {course}; "
        f"after it: {parts}{legend}."
    )


def _source(diagnosis: str, course: int, state: str) -> str:
    row = next(r for r in transitions() if (r.diagnosis, r.course) == (diagnosis, course))
    block = row.row_label.split(":")[0]
    column = "all patients" if state == "none" else f"column {state} {after_courses(course - 1)}"
    return f"Table {row.table}, {block}, {column}"


def _no_data(diagnosis: str, course: int, state: str) -> CohortAnswer:
    if course > MAX_COURSE:
        message = (
            f"No patient of the series was in this situation: no one received a course "
            f"{course} (the series gave at most {MAX_COURSE} courses, Tables 3 and 4)."
        )
    elif (course == 1) != (state == "none"):
        message = (
            "No patient of the series was in this situation: a state before the course "
            "exists only from course 2 on."
        )
    else:
        message = (
            f"No patient of the series was in this situation: no "
            f"{_who(diagnosis, course, state, 1)} received course {course}."
        )
    return CohortAnswer(
        diagnosis=diagnosis,  # type: ignore[arg-type]
        course=course,
        state=state,  # type: ignore[arg-type]
        treated=0,
        outcomes=(),
        source=f"Table {TABLE[diagnosis]}",
        message=message,
        notes=_notes(diagnosis, course, state, 0),
    )


def _notes(diagnosis: str, course: int, state: str, treated: int) -> tuple[str, ...]:
    notes = []
    recordable = best_so_far_note(state) if treated else None
    if recordable:
        notes.append(recordable)
    if 0 < treated < 10:
        notes.append(f"Small numbers: {treated} {_patients(treated)}; the intervals are wide.")
    keys = {f"tempo:{diagnosis}", f"tempo:{diagnosis}:{course}:{state}"}
    for item in load("discrepancies"):
        assert isinstance(item, DiscrepancyRow)
        if keys & set(item.affects):
            notes.append(sentence(f"{item.id}: {item.title}"))
    return tuple(notes)
