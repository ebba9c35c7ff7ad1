"""The transcript: what the assistant asked, what the clinician answered, what followed.

It is rebuilt from the case (the answers) and its review (the conclusions) in
the order of the steps, so it is the same after a restart and never disagrees
with the file. Every piece of user text is cleaned for display.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from il2tui.clinical.wording import guideline_says
from il2tui.tui import wording as w
from il2tui.tui.text import clean

if TYPE_CHECKING:
    from il2tui.case.model import (
        Assessment,
        Case,
        Course,
        Decision,
        EarlierDecision,
        Patient,
        Seen,
    )
    from il2tui.clinical.model import CourseReview, Review

Role = Literal["assistant", "clinician", "result"]


@dataclass(frozen=True)
class Entry:
    """One line of the conversation."""

    role: Role
    text: str


def transcript(case: Case | None, review: Review | None) -> list[Entry]:
    """Every question, answer and conclusion so far, in order."""
    if case is None:
        return []
    return list(_entries(case, review))


def _entries(case: Case, review: Review | None) -> Iterator[Entry]:
    yield Entry("assistant", w.question("patient"))
    yield Entry("clinician", _patient(case.patient))
    if case.baseline is None or not case.lesions:
        return
    yield Entry("assistant", w.question("baseline"))
    yield Entry("clinician", _baseline(case))
    if review is not None and review.baseline_spd_mm2 is not None:
        yield Entry("result", f"Baseline SPD {_area(review.baseline_spd_mm2)}.")
    for i, course in enumerate(case.courses):
        result = review.courses[i] if review is not None else None
        yield from _course(course, result)


def _course(course: Course, result: CourseReview | None) -> Iterator[Entry]:
    n = course.number
    yield Entry("assistant", w.question("course", n))
    yield Entry("clinician", _course_answer(course))
    for j, assessment in enumerate(course.assessments):
        yield Entry("assistant", w.question("assessment", n))
        yield Entry("clinician", _assessment(assessment))
        if result is not None:
            yield Entry("result", clean(result.assessments[j].basis) + _confirmation(result, j))
    if course.decision is None:
        if result is not None and course.assessments:
            yield _recommended(result.recommendation.rule, result.recommendation.action, result)
        return
    yield from _decisions(course.decision, result, n)


def _decisions(decision: Decision, result: CourseReview | None, n: int) -> Iterator[Entry]:
    """Each decision of the course as it was answered: the recommendation shown then, the
    question, the answer; a change of recommendation since is a new entry after it."""
    answers = [*decision.earlier, decision]
    for i, answer in enumerate(answers):
        seen = answer.seen
        if seen is not None:
            yield _recommended(seen.rule, seen.action, None)
        elif result is not None:
            yield _recommended(result.recommendation.rule, result.recommendation.action, result)
        yield Entry("assistant", w.question("decision", n))
        yield Entry("clinician", _decision(answer, seen.action if seen else None, result))
        later = answers[i + 1].seen if i + 1 < len(answers) else None
        if later is not None and seen is not None and _changed(seen, later):
            yield _change(seen, w.recommendation(later.action), "the decision was asked again")
    current = result.clinician_decision if result is not None else None
    if result is not None and current is not None and current.stale and decision.seen:
        rec = result.recommendation
        now = w.recommendation(rec.action, rec.stop_reason)
        yield _change(decision.seen, now, "the decision needs confirming again")


def _recommended(rule: str, action: str, result: CourseReview | None) -> Entry:
    rec = result.recommendation if result is not None else None
    words = guideline_says(action, rec.stop_reason if rec is not None else None)
    return Entry("result", f"{words} (rule {clean(rule)}).")


def _changed(seen: Seen, later: Seen) -> bool:
    return (seen.rule, seen.action) != (later.rule, later.action)


def _change(seen: Seen, now: str, then: str) -> Entry:
    was = w.recommendation(seen.action)
    return Entry(
        "result",
        f"The recommendation changed since this decision (was: {was}, now: {now}); {then}.",
    )


def _patient(patient: Patient) -> str:
    parts = [w.DIAGNOSES[patient.diagnosis]]
    if patient.label:
        parts.append(f"label “{clean(patient.label)}”")
    details = [w.SEX[patient.sex] if patient.sex else "", _age(patient.age)]
    if patient.performance_status is not None:
        details.append(f"ECOG {patient.performance_status}")
    parts.extend(d for d in details if d)
    prior = ", ".join(w.PRIOR_THERAPY[p].lower() for p in patient.prior_therapy)
    parts.append(f"prior therapy: {prior or 'none recorded'}")
    excluded = ", ".join(w.EXCLUSIONS[e] for e in patient.exclusions)
    parts.append(f"exclusion criteria: {excluded or 'none apply'}")
    return "; ".join(parts) + "."


def _age(age: int | None) -> str:
    return "" if age is None else f"{age} years"


def _baseline(case: Case) -> str:
    assert case.baseline is not None
    found = case.baseline.measurements
    lesions = "; ".join(
        f"{clean(lesion.id)} {clean(lesion.site)} ({w.METHODS[lesion.method]}) "
        f"{_pair(found[lesion.id])}"
        for lesion in case.lesions
    )
    return f"{case.baseline.date}: {lesions}."


def _course_answer(course: Course) -> str:
    doses = " and ".join(str(d) for d in course.doses) if course.doses else "not recorded"
    stops = [w.TOXICITY[t].lower() for t in course.toxicity]
    if course.declined_further:
        stops.append(w.DECLINED.lower())
    text = f"Started {course.start}; doses per cycle: {doses}; "
    text += ("; ".join(stops) if stops else "no toxicity that stops retreatment") + "."
    if course.toxicity_note:
        text += f" Note: “{clean(course.toxicity_note)}”"
    return text


def _assessment(assessment: Assessment) -> str:
    found = assessment.measurements
    parts = [f"{clean(key)} {_pair(pair)}" for key, pair in found.items()]
    for new in assessment.new_lesions:
        size = f" {_pair(new.diameters)}" if new.diameters else ""
        parts.append(f"new lesion {clean(new.site)}{size}")
    parts += [f"{clean(key)} {status}" for key, status in assessment.non_measurable.items()]
    return f"{assessment.date}: " + ("; ".join(parts) or "no lesion assessed") + "."


def _pair(pair: object) -> str:
    from il2tui.core.display import diameters

    if pair is None:
        return "not assessed"
    if tuple(pair) == (0, 0):  # type: ignore[arg-type]
        return "gone"
    return f"{diameters(pair)} mm"  # type: ignore[arg-type]


def _confirmation(result: CourseReview, index: int) -> str:
    found = result.assessments[index]
    if found.confirmed is None:
        return "."
    if found.confirmed:
        return f" (confirmed on {found.confirmed_on})."
    if found.confirmed_on is not None:
        return f" (confirmed later, on {found.confirmed_on})."
    return f" (not yet confirmed; can be confirmed from {found.confirmable_from})."


def _decision(decision: EarlierDecision, seen: str | None, result: CourseReview | None) -> str:
    """The answer; an override of the recommendation ``seen`` then (or, when the file does
    not say what was seen, of today's)."""
    from il2tui.clinical.review import AGREES

    words = w.DECISIONS[decision.action]
    if seen is None and result is not None:
        seen = result.recommendation.action
    if seen is not None and seen not in AGREES[decision.action]:
        return f"Override: {words}. Reason: “{clean(decision.reason or '')}”"
    reason = f" Note: “{clean(decision.reason)}”" if decision.reason else ""
    return f"Accepted: {words}.{reason}"


def _area(value: object) -> str:
    from il2tui.core.display import area

    return area(value)  # type: ignore[arg-type]
