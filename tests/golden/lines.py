"""The lines a golden case expects, made from a review in the same plain form."""

from __future__ import annotations

from il2tui.clinical.model import AssessmentResult, CourseReview, Review
from il2tui.core import display


def review_lines(review: Review) -> list[str]:
    """One line per evaluation and one per course, in order."""
    lines: list[str] = []
    for course in review.courses:
        lines += [assessment_line(result) for result in course.assessments]
        lines.append(course_line(course))
    return lines


def assessment_line(result: AssessmentResult) -> str:
    """``2024-03-04 after course 1: PR, confirmed (SPD 250 mm², -50.0% from baseline)``."""
    confirmation = ""
    if result.confirmed is True:
        confirmation = ", confirmed"
    elif result.confirmed is False:
        confirmation = f", unconfirmed (confirmable from {result.confirmable_from})"
    if result.after_progression:
        confirmation += ", after progression"
    spd = display.area(result.spd_mm2)
    change = display.pct(result.change_from_baseline_pct)
    return (
        f"{result.date} after course {result.course}: {result.response}{confirmation} "
        f"(SPD {spd}, {change} from baseline)"
    )


def course_line(course: CourseReview) -> str:
    """``course 2: stop: progression, rule progression; state PR; cautions …; decision …``."""
    rec = course.recommendation
    reason = f": {rec.stop_reason}" if rec.stop_reason else ""
    state = course.state or "—"
    line = f"course {course.number}: {rec.action}{reason}, rule {rec.rule}; state {state}"
    if rec.cautions:
        line += "; cautions " + " ".join(c.id for c in rec.cautions)
    decision = course.clinician_decision
    if decision:
        line += f"; decision {decision.action}" + (" (differs)" if decision.differs else "")
    return line
