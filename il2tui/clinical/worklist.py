"""The clinic's worklist: one row per case file, from the engine's review, and what is due.

Every value of a row comes from :func:`il2tui.clinical.review.review_case` (the latest
course, its latest category and confirmation, the guideline's recommendation, the
clinician's decision, the eligibility warnings); no clinical rule is applied here.
What is due next follows from that review and two dates:

* restaging, :data:`RESTAGING_DAYS` after the course started (the series measured
  "2 months after treatment"; the day count is the assumption ``restaging_60_days``
  of ``guidelines/assumptions.toml``);
* confirmation of a PR or CR, from the date the engine gives (first seen + 28 days);
* a decision not yet recorded (or to look at again because the case changed after it),
  due since the restaging it rests on.

A file that cannot be read or reviewed is a row too, with the reason: never skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal, get_args

from il2tui.case.files import load_case
from il2tui.case.model import Case, Exclusion
from il2tui.clinical.guideline import Assumptions, Guideline
from il2tui.clinical.model import Action, Category, CourseReview, Note, Review, StopReason
from il2tui.clinical.review import review_case
from il2tui.core.errors import InputFileError

#: Days from the start of a course to its restaging (assumption ``restaging_60_days``).
RESTAGING_DAYS = 60
DueKind = Literal["restaging", "confirmation", "decision", "baseline", "course"]
DecisionStatus = Literal["none", "to_decide", "agrees", "differs", "stale"]
#: The eligibility warnings of the guideline: the series' exclusion criteria.
EXCLUSIONS = frozenset(get_args(Exclusion))


@dataclass(frozen=True, slots=True)
class Due:
    """One thing the case waits for."""

    kind: DueKind
    course: int
    """The course it belongs to (0 for the baseline)."""
    on: date | None
    """When it is due (a decision: since the restaging it rests on); ``None``: undated."""
    category: Category | None = None
    """For a confirmation: the category to confirm."""


@dataclass(frozen=True, slots=True)
class WorklistRow:
    """One case file as the worklist shows it."""

    source: str
    """The file, as found."""
    label: str | None = None
    diagnosis: str | None = None
    course: int | None = None
    """The latest course's number; ``None`` before course 1."""
    course_start: date | None = None
    category: Category | None = None
    """The latest evaluation's category; ``None`` before any after the latest course."""
    confirmed: bool | None = None
    """For a PR or CR: confirmed (True) or awaiting confirmation (False)."""
    recommendation: Action | None = None
    stop_reason: StopReason | None = None
    rule: str | None = None
    """The guideline rule that decided (the recommendation's basis)."""
    decision: Literal["retreat", "stop"] | None = None
    decision_status: DecisionStatus = "none"
    due: tuple[Due, ...] = ()
    """What is due, earliest first (undated items last)."""
    ineligible: tuple[str, ...] = ()
    """The ids of the series' exclusion criteria that apply (the review's eligibility flags,
    as of the latest course: a brain lesion found at a restaging counts)."""
    problem: str | None = None
    """Why the file cannot be read or reviewed; ``None`` for a readable case."""

    @property
    def next_due(self) -> Due | None:
        """The first thing due."""
        return self.due[0] if self.due else None

    @property
    def name(self) -> str:
        """The label, or the file name when there is none."""
        return self.label or Path(self.source).name


def read_row(
    path: Path, guideline: Guideline | None = None, assumptions: Assumptions | None = None
) -> WorklistRow:
    """The row of one case file; a file that cannot be used gives a row naming the reason.

    Cases still being entered (no baseline yet) are read too: they are on the clinic's list.
    """
    try:
        case = load_case(path, draft=True)
    except InputFileError as exc:
        return WorklistRow(source=str(path), problem=_where(exc))
    return review_row(str(path), case, guideline, assumptions)


def review_row(
    source: str,
    case: Case,
    guideline: Guideline | None = None,
    assumptions: Assumptions | None = None,
) -> WorklistRow:
    """The row of a case already in memory (the assistant's open case, the demo)."""
    try:
        review = review_case(case, guideline, assumptions)
    except Exception as exc:  # an engine failure must not hide the other cases
        return WorklistRow(source, problem=f"the review failed ({type(exc).__name__}: {exc})")
    return row_from_review(source, review)


def row_from_review(source: str, review: Review) -> WorklistRow:
    """The row of a reviewed case."""
    current = review.current
    fields: dict = {}
    if current is not None:
        rec = current.recommendation
        fields = {
            "course": current.number,
            "course_start": current.start,
            "category": current.response,
            "confirmed": current.confirmed,
            "recommendation": rec.action,
            "stop_reason": rec.stop_reason,
            "rule": rec.rule,
        }
        if current.clinician_decision is not None:
            fields["decision"] = current.clinician_decision.action
    status = _status(current)
    return WorklistRow(
        source=source,
        label=review.label,
        diagnosis=review.diagnosis,
        decision_status=status,
        due=_sorted(_due(review, current, status)),
        ineligible=tuple(n.id for n in _latest_eligibility(review) if n.id in EXCLUSIONS),
        **fields,
    )


def _status(course: CourseReview | None) -> DecisionStatus:
    if course is None:
        return "none"
    decision = course.clinician_decision
    if decision is None:
        return "to_decide" if course.assessments else "none"
    if decision.stale is True:  # the recommendation changed since the decision
        return "stale"
    return "differs" if decision.differs else "agrees"


def _due(review: Review, course: CourseReview | None, status: DecisionStatus) -> list[Due]:
    if review.baseline_spd_mm2 is None:
        return [Due("baseline", 0, None)]
    if course is None:
        return [Due("course", 1, None)]
    found: list[Due] = []
    last = course.last
    if last is None:
        found.append(Due("restaging", course.number, course.start + timedelta(RESTAGING_DAYS)))
    elif course.confirmed is False:
        found.append(Due("confirmation", course.number, last.confirmable_from, last.response))
    if last is not None and status in ("to_decide", "stale"):
        found.append(Due("decision", course.number, last.date))
    decided = course.clinician_decision
    if status != "stale" and decided is not None and decided.action == "retreat":
        found.append(Due("course", course.number + 1, None))
    return found


def _sorted(due: list[Due]) -> tuple[Due, ...]:
    return tuple(sorted(due, key=lambda d: (d.on is None, d.on or date.max)))


def attention(row: WorklistRow, today: date) -> tuple:
    """Sort key, what needs attention first: unreadable files, decisions to look at again,
    items due by ``today`` (oldest first), items due later, undated ones, then nothing due."""
    due = row.next_due
    if row.problem is not None:
        rank = 0
    elif row.decision_status == "stale":
        rank = 1
    elif due is None:
        rank = 5
    elif due.on is None:
        rank = 4
    else:
        rank = 2 if due.on <= today else 3
    when = due.on if due is not None and due.on is not None else date.max
    return (rank, when, row.name.casefold(), row.source)


def _where(exc: InputFileError) -> str:
    """The field path and the message (the row already names the file)."""
    return f"{exc.path}: {exc.message}" if exc.path else exc.message


def _latest_eligibility(review: Review) -> tuple[Note, ...]:
    """The eligibility flags as of the latest course (the patient's own before any course)."""
    return review.courses[-1].eligibility if review.courses else review.eligibility
