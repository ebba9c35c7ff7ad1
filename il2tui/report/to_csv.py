"""Reviews of many cases as one CSV table, one row per course, for audits.

A case without courses still gets a row, so every file reviewed appears. Text
from the files (file names, labels) is escaped like every other output and is
never read as a formula by a spreadsheet (:func:`il2tui.core.textsafe.spreadsheet`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from il2tui.clinical.model import CourseReview, Review
from il2tui.core.textsafe import plain, spreadsheet

COLUMNS = (
    "source",
    "label",
    "diagnosis",
    "baseline_spd_mm2",
    "best_response",
    "best_response_confirmed",
    "course",
    "start",
    "assessment_date",
    "spd_mm2",
    "change_from_baseline_pct",
    "change_from_nadir_pct",
    "response",
    "confirmed",
    "state",
    "after_progression",
    "non_measurable",
    "recommendation",
    "stop_reason",
    "rule",
    "cautions",
    "clinician_decision",
    "differs",
    "guideline",
)
#: The columns that hold text from the files rather than numbers or codes.
TEXT_COLUMNS = frozenset({"source", "label", "non_measurable"})
_SHOW = tuple(spreadsheet if name in TEXT_COLUMNS else plain for name in COLUMNS)


def render_csv(reviews: list[tuple[str, Review]]) -> str:
    """One header line, then one row per course of every review."""
    return header() + "".join(render_rows(review, source) for source, review in reviews)


def header() -> str:
    """The header line."""
    return _lines([COLUMNS])


def render_rows(review: Review, source: str) -> str:
    """The CSV lines of one review (no header), escaped like every other output."""
    table = rows(source, review)
    return _lines(
        [show(_cell(value)) for show, value in zip(_SHOW, row, strict=True)] for row in table
    )


def _lines(table: Iterable[Iterable[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue()


def rows(source: str, review: Review) -> list[tuple[object, ...]]:
    """The rows of one review, in the order of :data:`COLUMNS`."""
    case = (
        source,
        review.label,
        review.diagnosis,
        review.baseline_spd_mm2,
        review.best_response,
        review.best_response_confirmed,
    )
    guideline = f"{review.guideline.id} {review.guideline.version}"
    if not review.courses:
        return [(*case, *([None] * (len(COLUMNS) - len(case) - 1)), guideline)]
    return [(*case, *_course(course), guideline) for course in review.courses]


def _course(course: CourseReview) -> tuple[object, ...]:
    last = course.last
    rec = course.recommendation
    decision = course.clinician_decision
    return (
        course.number,
        course.start,
        last.date if last else None,
        last.spd_mm2 if last else None,
        last.change_from_baseline_pct if last else None,
        last.change_from_nadir_pct if last else None,
        course.response,
        course.confirmed,
        course.state,
        last.after_progression if last else None,
        " ".join(f"{s.id}={s.status}" for s in last.non_measurable) if last else None,
        rec.action,
        rec.stop_reason,
        rec.rule,
        " ".join(c.id for c in rec.cautions),
        decision.action if decision else None,
        decision.differs if decision else None,
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):  # its exact digits, no separators or exponent
        return format(value, "f")
    return str(value)
