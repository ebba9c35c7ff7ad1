"""case -> criteria -> guideline + evidence -> :class:`Review`: the engine's one entry point.

:func:`review_case` is pure and fast (no pandas on this path; the guideline and
the cohort answers are cached), so the assistant can call it after every change
for the live provisional category.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from msgspec import Struct
from msgspec.structs import replace

from il2tui.case.model import Case, Course
from il2tui.clinical.applicability import Eligibility, cohort_note, no_cohort_reason
from il2tui.clinical.confirm import OBJECTIVE, run_start
from il2tui.clinical.criteria import baseline_products, classify_case
from il2tui.clinical.guideline import (
    Assumptions,
    Guideline,
    Plan,
    load_assumptions,
    load_guideline,
)
from il2tui.clinical.model import (
    AssessmentResult,
    BaselineLesion,
    Category,
    ClinicianDecision,
    CourseReview,
    NonMeasurableSite,
    Note,
    Recommendation,
    Review,
    State,
)
from il2tui.clinical.notes import (
    after_severe_toxicity,
    engine_cautions,
    explanation,
    fallback,
    record_cautions,
)
from il2tui.clinical.response_cautions import after_progression, growth_caution
from il2tui.clinical.state import Standing, standing
from il2tui.core.exact import add
from il2tui.evidence import cohort

__all__ = ["Review", "review_case"]

#: Which recommendations a clinician's decision agrees with.
AGREES = {
    "retreat": ("retreat", "consider_retreat", "consolidate"),
    "stop": ("stop", "consider_retreat"),
}


class _Point(Struct, frozen=True):
    """Where the patient stands after a course, from every evaluation so far."""

    now: Standing
    """The evaluations so far, counted (see :mod:`il2tui.clinical.state`)."""
    best: Category | None
    state: State | None
    courses_since_cr: int | None
    awaiting: bool = False
    progressed_after: int | None = None
    """The course after which progression was first seen (the response episode ended)."""


#: A clinic's own guideline and assumptions, as ``review_case`` takes them (``None``: the
#: shipped file); ``il2 review`` and ``il2 assist`` read them from ``--guideline`` and
#: ``--assumptions``.
ClinicFiles = tuple[Guideline | None, Assumptions | None]


def review_case(
    case: Case, guideline: Guideline | None = None, assumptions: Assumptions | None = None
) -> Review:
    """Review a case: classify every evaluation and apply the guideline after each course.

    ``assumptions`` is a clinic's own assumptions file (the shipped one by default);
    it sets the growing-lesion tolerance and is listed with the review.
    """
    plan = (guideline or load_guideline()).compiled()
    assumed = assumptions or load_assumptions()
    products = baseline_products(case)
    per_course = classify_case(case, products, tolerance_pct=assumed.growing_lesion_tolerance_pct)
    flat = [a for results in per_course for a in results]
    courses: list[CourseReview] = []
    seen, before, stopped = 0, "none", None
    following = (*case.courses[1:], None) if case.courses else ()
    patient = _patient_facts(case)
    flags = Eligibility(plan, case, patient)
    point: _Point | None = None
    for course, results, after in zip(case.courses, per_course, following, strict=True):
        seen += len(results)
        point = _point(flat[:seen], course.number, assessed=bool(results))
        found = _course(
            case,
            plan,
            course,
            results,
            point,
            before,
            following=after,
            flags=flags.as_of(course.number),
        )
        found, stopped = _applicable(found, stopped)
        courses.append(found)
        before = point.state
    baseline, baseline_spd = _baseline(case, products)
    return Review(
        guideline=plan.ref,
        diagnosis=case.patient.diagnosis,
        label=case.patient.label,
        first_dose=case.first_dose_date(),
        baseline_date=case.baseline.date if case.baseline else None,
        baseline=baseline,
        baseline_spd_mm2=baseline_spd,
        non_measurable=tuple(
            NonMeasurableSite(id=s.id, site=s.site, method=s.method) for s in case.non_measurable
        ),
        **_best(flat, case, point.now if point else standing(flat)),
        eligibility=flags.as_of(None),
        warnings=plan.warnings_for(patient),
        assumptions=assumed.notes(),
        cohort_first_course=cohort(case.patient.diagnosis, 1, "none"),
        courses=tuple(courses),
    )


def _point(flat: list[AssessmentResult], number: int, *, assessed: bool) -> _Point:
    """Best response that counts so far; the state and CR count only when this course was
    evaluated (see :mod:`il2tui.clinical.state`)."""
    now: Standing = standing(flat)
    pd = next((a.course for a in flat if a.response == "PD"), None)
    if not assessed:
        return _Point(now, now.best, None, None, now.awaiting, pd)
    categories = [a.response for a in flat]
    since = None
    if categories[-1] == "CR" and not flat[-1].after_progression:
        since = number - flat[run_start(categories, len(categories) - 1)].course
    return _Point(now, now.best, now.state, since, now.awaiting, pd)


def _course(
    case: Case,
    plan: Plan,
    course: Course,
    results: tuple[AssessmentResult, ...],
    point: _Point,
    before: State | Literal["none"] | None,
    *,
    following: Course | None,
    flags: tuple[Note, ...],
) -> CourseReview:
    """The review of ``course``; ``following`` is the course given after it, if any, and
    ``flags`` the eligibility flags as of it."""
    facts = _facts(case, course, results, point)
    rule = plan.decide(facts)
    diagnosis = case.patient.diagnosis
    record = after_severe_toxicity(case.courses[: course.number - 1])
    record += after_progression(course, point.progressed_after)
    record += record_cautions(course, following)
    if rule is None:
        recommendation = fallback(plan.ref, facts, record)
    else:
        facts |= {"rule": rule.id, "action": rule.action}
        recommendation = Recommendation(
            action=rule.action,
            stop_reason=rule.stop_reason,
            rule=rule.id,
            title=rule.title,
            reasoning=rule.reasoning,
            sources=rule.citations,
            explanation=explanation(
                course, results, point.best, point.state, rule, awaiting=point.awaiting
            ),
            cautions=plan.cautions_for(facts)
            + engine_cautions(course, results)
            + growth_caution(results, point.best, rule.action)
            + record,
        )
    return CourseReview(
        number=course.number,
        start=course.start,
        doses=course.doses,
        toxicity=course.toxicity,
        declined_further=course.declined_further,
        assessments=results,
        best_response=point.best,
        state=point.state,
        courses_since_cr=point.courses_since_cr,
        eligibility=flags,
        recommendation=recommendation,
        cohort_this_course=cohort(diagnosis, course.number, before) if before else None,
        cohort=cohort(diagnosis, course.number + 1, point.state) if point.state else None,
        clinician_decision=_decision(course, recommendation),
    )


def _applicable(found: CourseReview, stopped: str | None) -> tuple[CourseReview, str | None]:
    """No cohort applies from a stop the series never went past (progression, toxicity,
    refusal, relapse from CR) on: this course's next cohort, and every later course's."""
    update: dict[str, Any] = {}
    if stopped:
        update |= {"cohort_this_course": None, "cohort_this_course_note": cohort_note(stopped)}
    reason = stopped or no_cohort_reason(found.recommendation, found.state, found.response)
    if reason:
        update |= {"cohort": None, "cohort_note": cohort_note(reason)}
    return (replace(found, **update) if update else found), reason


def _facts(
    case: Case, course: Course, results: tuple[AssessmentResult, ...], point: _Point
) -> dict[str, Any]:
    last = results[-1] if results else None
    return {
        "course": course.number,
        "next_course": course.number + 1,
        "assessed": last is not None,
        "severe_toxicity": bool(course.toxicity),
        "declined": course.declined_further,
        "response": last.response if last else None,
        "best_response": point.best,
        "state": point.state,
        "courses_since_cr": point.courses_since_cr,
        "confirmed": last.confirmed if last else None,
        "progressed": point.progressed_after is not None,
        "diagnosis": case.patient.diagnosis,
    }


def _decision(course: Course, now: Recommendation) -> ClinicianDecision | None:
    decision = course.decision
    if decision is None:
        return None
    seen = decision.seen
    return ClinicianDecision(
        action=decision.action,
        reason=decision.reason,
        differs=now.action not in AGREES[decision.action],
        seen=seen,
        stale=None if seen is None else (seen.rule, seen.action) != (now.rule, now.action),
    )


def _baseline(
    case: Case, products: dict[str, Decimal]
) -> tuple[tuple[BaselineLesion, ...], Decimal | None]:
    """The baseline lesions with their products, and the SPD once every lesion is measured."""
    found = case.baseline.measurements if case.baseline else {}
    lesions = tuple(
        BaselineLesion(
            id=lesion.id,
            site=lesion.site,
            method=lesion.method,
            diameters=found[lesion.id],
            product_mm2=products[lesion.id],
        )
        for lesion in case.lesions
        if lesion.id in products
    )
    complete = bool(products) and len(products) == len(case.lesions)
    return lesions, add(products.values()) if complete else None


def _best(flat: list[AssessmentResult], case: Case, now: Standing) -> dict[str, Any]:
    """The best response over all evaluations; ``now`` is ``standing(flat)``."""
    shown = flat[now.best_index] if now.best_index is not None else None
    first_dose = case.first_dose_date()
    objective = now.best in OBJECTIVE and now.best_index is not None
    duration, ongoing = _duration(flat, now.best_index, first_dose) if objective else (None, None)
    return {
        "best_response": now.best,
        "best_response_first_seen": shown.date if shown else None,
        "best_response_confirmed": not now.awaiting if now.best in OBJECTIVE else None,
        "response_duration_days": duration,
        "response_ongoing": ongoing,
    }


def _duration(flat: list[AssessmentResult], start: Any, first_dose: Any) -> tuple[int | None, bool]:
    end = next((a for a in flat[start:] if a.response == "PD"), None)
    last = end or flat[-1]
    days = (last.date - first_dose).days if first_dose else None
    return days, end is None


def _patient_facts(case: Case) -> dict[str, Any]:
    patient = case.patient
    return {
        "diagnosis": patient.diagnosis,
        "age": patient.age,
        "performance_status": patient.performance_status,
        "prior_therapy": patient.prior_therapy,
        "exclusions": patient.exclusions,
    }
