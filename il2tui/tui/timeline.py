"""The summary's timeline: one row per restaging (or per course not yet restaged)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.text import Text

from il2tui.clinical.wording import recommendation_cell
from il2tui.tui import wording as w
from il2tui.tui.text import literal

if TYPE_CHECKING:
    from il2tui.clinical.model import AssessmentResult, CourseReview, Review

#: Short headings and cells, so the table fits 80 columns without scrolling sideways; the
#: course starts, confirmation dates and reasons are in the transcript and the report.
COLUMNS = ("#", "Restaged", "SPD mm²", "Change", "Cat", "Confirmed", "Guideline", "Decision")


def timeline_rows(review: Review) -> Iterator[tuple[Text, ...]]:
    """Every row of the timeline, as literal text cells."""
    from il2tui.core.display import number, pct

    for course in review.courses:
        last = len(course.assessments) - 1
        if last < 0:
            yield _row(course.number, "not yet", "", "", "", "", "", "")
        for i, found in enumerate(course.assessments):
            yield _row(
                course.number if i == 0 else "",
                str(found.date),
                "—" if found.spd_mm2 is None else number(found.spd_mm2),
                pct(found.change_from_baseline_pct),
                found.response + ("*" if found.after_progression else ""),
                _confirmed(found),
                _advice(course) if i == last else "",
                _decision(course) if i == last else "",
            )


def _row(*cells: object) -> tuple[Text, ...]:
    return tuple(literal(cell, limit=48) for cell in cells)


def _confirmed(found: AssessmentResult) -> str:
    """``yes`` by then, ``later`` by a later restaging, ``not yet``, or ``—``."""
    if found.confirmed is None:
        return "—"
    if found.confirmed:
        return "yes"
    return "later" if found.confirmed_on else "not yet"


def _advice(course: CourseReview) -> str:
    rec = course.recommendation
    return recommendation_cell(rec.action, rec.stop_reason)


def _decision(course: CourseReview) -> str:
    """The decision; ``!`` marks an override, ``?`` a decision to confirm again."""
    decision = course.clinician_decision
    if decision is None:
        return "—"
    marks = ("!" if decision.differs else "") + ("?" if decision.stale else "")
    return decision.action + marks


def best_response_text(review: Review) -> str:
    """The best response, whether it was confirmed, and its duration from the first dose."""
    if review.best_response is None:
        return "Best response: none yet (no restaging recorded)."
    text = f"Best response: {w.category(review.best_response)}"
    if review.best_response_first_seen:
        text += f", first seen {review.best_response_first_seen}"
    if review.best_response_confirmed is not None:
        text += ", confirmed" if review.best_response_confirmed else ", awaiting confirmation"
    if review.response_duration_days is not None:
        months = review.response_duration_days / 30.4375
        state = (
            "ongoing at the latest restaging" if review.response_ongoing else "until progression"
        )
        text += (
            f". Duration {review.response_duration_days} days (about {months:.1f} months) from the "
            f"first dose on {review.first_dose}, {state}"
        )
    return text + "."
