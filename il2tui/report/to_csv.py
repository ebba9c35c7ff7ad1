"""Reviews of many cases as one CSV table, one row per course, for audits.

A case without courses still gets a row, so every file reviewed appears. Every
text cell (file names, labels, and the ids a guideline file gives its rules,
cautions and itself) is escaped like every other output and is never read as
a formula by a spreadsheet (:func:`il2tui.core.textsafe.spreadsheet`); numbers
stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from operator import methodcaller
from typing import Any

from il2tui.clinical.model import CourseReview, Note, Review
from il2tui.core.textsafe import spreadsheet
from il2tui.report.common import stale_text

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
    "stale",
    "stale_note",
    "guideline",
    "eligibility",
)


def render_csv(reviews: list[tuple[str, Review]]) -> str:
    """One header line, then one row per course of every review."""
    return header() + "".join(render_rows(review, source) for source, review in reviews)


def header() -> str:
    """The header line."""
    return _lines([COLUMNS])


def render_rows(review: Review, source: str) -> str:
    """The CSV lines of one review (no header), escaped like every other output."""
    get = _SHOWN.get
    return _lines([[(get(type(v)) or _shown)(v) for v in row] for row in rows(source, review)])


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
        flags = _ids(review.eligibility)
        return [(*case, *([None] * (len(COLUMNS) - len(case) - 2)), guideline, flags)]
    return [
        (*case, *_course(course), guideline, _ids(course.eligibility)) for course in review.courses
    ]


def _ids(notes: tuple[Note, ...]) -> str:
    """The ids of notes, space-separated (the eligibility flags of a course)."""
    return " ".join(n.id for n in notes)


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
        _ids(rec.cautions),
        decision.action if decision else None,
        decision.differs if decision else None,
        decision.stale if decision else None,
        stale_text(decision, rec),
    )


def _shown(value: object) -> str:
    """A cell: a number or a date as it is, any text through the formula guard."""
    show = _SHOWN.get(type(value))
    if show is not None:
        return show(value)
    cell = _cell(value)
    return cell if isinstance(value, Decimal | int | date) else spreadsheet(cell)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):  # its exact digits, no separators or exponent
        return format(value, "f")
    return str(value)


class _Texts(dict[str, str]):
    """Text cells already guarded, by their text: an audit writes the same few hundred
    words (categories, actions, rule ids, the guideline) in every row; the table is
    emptied when it fills (file names and labels are mostly new)."""

    def __missing__(self, text: str) -> str:
        if len(self) >= _MAX_TEXTS:
            self.clear()
        shown = self[text] = spreadsheet(text)
        return shown


_MAX_TEXTS = 4096

#: :func:`_shown` of the common types, looked up by exact type (subclasses and the rest go
#: the long way), each a call in C unless a text is new: an audit writes millions of cells.
_SHOWN: dict[type, Callable[[Any], str]] = {
    str: _Texts().__getitem__,
    type(None): "".format,  # any argument: ""
    bool: {True: "true", False: "false"}.__getitem__,
    int: int.__str__,
    Decimal: methodcaller("__format__", "f"),  # its exact digits, no separators or exponent
    date: date.isoformat,
}
