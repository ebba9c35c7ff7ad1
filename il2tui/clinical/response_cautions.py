"""Cautions about the response itself (issue 11): an evaluation too early, progression
called on small lesions only, growth under a PR that is retreated, a course after progression.

Each depends on the case's dates and sizes, so the engine writes them (the guideline's
own cautions are data in ``guidelines/retreatment.toml``).
"""

from __future__ import annotations

from decimal import Decimal

from il2tui.case.model import Course
from il2tui.clinical.arithmetic import lesion_name
from il2tui.clinical.guideline_checks import citation
from il2tui.clinical.model import AssessmentResult, Note
from il2tui.core import display

EARLY_DAYS = 28
SMALL_MM = 10


def early_evaluation(course: Course, results: tuple[AssessmentResult, ...]) -> list[Note]:
    """An evaluation less than 28 days after the course started: too early to judge."""
    early = [a for a in results if (a.date - course.start).days < EARLY_DAYS]
    if not early:
        return []
    days = (early[0].date - course.start).days
    return [
        Note(
            id="early_evaluation",
            text=(
                f"The evaluation of {early[0].date} is {days} days after course {course.number} "
                f"started (under {EARLY_DAYS}). The series restaged about two months after a "
                "course; a response or progression read this early may not hold."
            ),
            sources=(citation("methods.evaluation"),),
        )
    ]


def small_lesion_progression(results: tuple[AssessmentResult, ...]) -> list[Note]:
    """PD called only by lesions under 10 mm in both diameters at their nadir."""
    pd = next((a for a in results if a.response == "PD" and not a.after_progression), None)
    if pd is None or pd.new_lesions or any(s.status == "progressed" for s in pd.non_measurable):
        return []
    growing = [r for r in pd.lesions if r.progressing]
    if not growing or not all(_small(r.nadir_diameters) for r in growing):
        return []
    names = ", ".join(lesion_name(r.id, r.site) for r in growing)
    return [
        Note(
            id="pd_small_lesions",
            text=(
                f"The progression of {pd.date} rests only on {names}, under {SMALL_MM} mm in "
                f"both diameters at its nadir. On lesions this small a 25% rise in the product "
                "is within measurement error; confirm before stopping."
            ),
            sources=(citation("methods.evaluation"),),
        )
    ]


def _small(pair: tuple[Decimal, Decimal] | None) -> bool:
    return pair is not None and pair[0] < SMALL_MM and pair[1] < SMALL_MM


def growth_caution(
    results: tuple[AssessmentResult, ...], best: str | None, action: str
) -> tuple[Note, ...]:
    """Disease growing since its nadir while the best response is PR and retreat is advised."""
    if not results or best != "PR" or action != "retreat":
        return ()
    last = results[-1]
    what = [lesion_name(r.id, r.site) for r in last.lesions if r.growing]
    if last.spd_mm2 is not None and last.spd_mm2 > last.spd_nadir_before_mm2:
        what.append(
            f"the SPD ({display.area(last.spd_mm2)} against its nadir of "
            f"{display.area(last.spd_nadir_before_mm2)})"
        )
    if not what:
        return ()
    return (
        Note(
            id="growth_since_nadir",
            text=(
                f"Disease has grown since its nadir at the evaluation of {last.date}: "
                f"{', '.join(what)}. The series retreated partial responders only while their "
                "disease was stable or shrinking."
            ),
            sources=(citation("discussion"),),
        ),
    )


def after_progression(course: Course, progressed_after: int | None) -> tuple[Note, ...]:
    """A course given after progression: the series gave none."""
    if progressed_after is None or course.number <= progressed_after:
        return ()
    return (
        Note(
            id="course_after_progression",
            text=(
                f"Progression was seen after course {progressed_after}, and the series stopped "
                f"IL-2 at progression: it gave no course after it, so course {course.number} "
                "stands outside its experience whatever was decided at the time."
            ),
            sources=(citation("results.discontinuation"),),
        ),
    )
