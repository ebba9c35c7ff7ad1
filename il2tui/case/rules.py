"""Checks across the fields of a case that a field type alone cannot express.

Each check yields ``(field path, what is wrong)``; :mod:`il2tui.case.files` turns
the first into a :class:`~il2tui.case.files.CaseError`. Paths use list indexes
from 0, as JSON tools do; messages name the course by its number.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from il2tui.case.model import Case
from il2tui.core.errors import format_path, show

Problem = tuple[str, str]


def consistency_problems(case: Case, *, draft: bool = False) -> Iterator[Problem]:
    """Yield every inconsistency of the case, in the order of the file."""
    yield from _lesion_problems(case, draft)
    yield from _baseline_problems(case, draft)
    yield from _course_problems(case)
    yield from _date_problems(case)


def _lesion_problems(case: Case, draft: bool) -> Iterator[Problem]:
    if not case.lesions and not draft:
        yield "lesions", "no lesion at all; at least one measurable lesion is needed"
    seen: set[str] = set()
    for i, lesion in enumerate(case.lesions):
        if lesion.id in seen:
            yield f"lesions[{i}].id", f"the lesion id {lesion.id!r} is used twice"
        seen.add(lesion.id)
    for i, site in enumerate(case.non_measurable):
        if site.id in seen:
            yield (
                f"non_measurable[{i}].id",
                f"the id {site.id!r} is used twice (lesions and non-measurable disease share ids)",
            )
        seen.add(site.id)


def _baseline_problems(case: Case, draft: bool) -> Iterator[Problem]:
    if case.baseline is None:
        if not draft:
            yield "baseline", "is required: the baseline measurements before course 1"
        return
    ids = {lesion.id for lesion in case.lesions}
    for key, (d1, d2) in case.baseline.measurements.items():
        if key not in ids:
            yield (
                format_path(("baseline", "measurements", key)),
                f"{show(key)} is not one of the lesions",
            )
        elif d1 == 0 or d2 == 0:
            yield (
                format_path(("baseline", "measurements", key)),
                "a baseline lesion must be measurable: both diameters above 0",
            )
    for i, lesion in enumerate(case.lesions):
        if lesion.id not in case.baseline.measurements:
            yield f"lesions[{i}]", f"lesion {lesion.id!r} has no baseline measurement"


def _course_problems(case: Case) -> Iterator[Problem]:
    ids = {lesion.id for lesion in case.lesions}
    other = {site.id for site in case.non_measurable}
    for i, course in enumerate(case.courses):
        if course.number != i + 1:
            yield (
                f"courses[{i}].number",
                f"is {course.number}; courses are numbered 1, 2, 3 ... in order (expected {i + 1})",
            )
        for j, assessment in enumerate(course.assessments):
            for key in assessment.measurements:
                if key not in ids:
                    yield (
                        format_path(("courses", i, "assessments", j, "measurements", key)),
                        f"{show(key)} is not one of the baseline lesions",
                    )
            for key in assessment.non_measurable:
                if key not in other:
                    yield (
                        format_path(("courses", i, "assessments", j, "non_measurable", key)),
                        f"{show(key)} is not one of the non-measurable sites",
                    )
    if case.courses and case.baseline is None:
        yield "baseline", "courses are recorded but the baseline is missing"


def _date_problems(case: Case) -> Iterator[Problem]:
    last: tuple[str, date] | None = None
    if case.baseline is not None:
        last = ("the baseline", case.baseline.date)
    if case.first_dose is not None and last and case.first_dose < last[1]:
        yield "first_dose", f"{case.first_dose} is before {last[0]} ({last[1]})"
    if case.first_dose is not None and case.courses and case.first_dose > case.courses[0].start:
        yield (
            "first_dose",
            f"{case.first_dose} is after the start of course 1 ({case.courses[0].start})",
        )
    for i, course in enumerate(case.courses):
        if last and course.start < last[1]:
            yield (
                f"courses[{i}].start",
                f"course {course.number} starts {course.start}, before {last[0]} ({last[1]})",
            )
        last = (f"the start of course {course.number}", course.start)
        for j, assessment in enumerate(course.assessments):
            if assessment.date <= last[1]:
                yield (
                    f"courses[{i}].assessments[{j}].date",
                    f"{assessment.date} is not after {last[0]} ({last[1]})",
                )
            last = (f"assessment {j + 1} after course {course.number}", assessment.date)
