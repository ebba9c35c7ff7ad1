"""The review of one case: a plain, frozen object that every front end only renders.

:func:`il2tui.clinical.review.review_case` builds it; the CLI renders it as text, JSON,
Markdown or CSV, and the assistant as screens. Areas are exact (``Decimal``,
mm²); percentages are rounded for display by :mod:`il2tui.core.display`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

import msgspec

from il2tui.case.model import Seen
from il2tui.clinical.wording import NOTICE
from il2tui.evidence.answer import CohortAnswer

Category = Literal["CR", "PR", "MR", "SD", "PD", "NE"]
State = Literal["NR", "MR", "PR", "CR"]
Action = Literal["retreat", "consider_retreat", "consolidate", "stop", "reassess"]
StopReason = Literal[
    "toxicity", "declined", "progression", "complete_response", "no_objective_response"
]
LesionStatus = Literal["measured", "disappeared", "reappeared", "not_assessed"]
SiteStatus = Literal["present", "absent", "progressed", "not_assessed"]
REVIEW_FORMAT = "il2-review/1"


class _Frozen(msgspec.Struct, frozen=True, gc=False):
    """Every object of a review: plain, frozen, keyword-only and slotted.

    A msgspec ``Struct`` rather than a dataclass: a review of a long case holds thousands
    of them, and a Struct is made about ten times as fast (and its class some ten times as
    fast at import, which the assistant's first screen waits for). The engine builds them
    from data the case model has already validated, so they are not validated again
    (pydantic stays at the edges, only to explain a refused case, guideline or table file).

    Not tracked by the garbage collector (``gc=False``): frozen, and holding only tuples,
    text, numbers, dates and other such objects, a review cannot form a reference cycle,
    and is freed by its reference count alone (tests/engine/test_review_objects.py checks
    the fields). Each object is then 16 bytes smaller (no collector header) and is never
    linked into the collector's lists or out of them: a Markdown audit took some 5% less
    CPU time, text 3%, JSON 1% (paired runs of whole processes).
    """


class Citation(_Frozen, kw_only=True):
    """A place in the paper, through a key of ``data/sections.csv``."""

    key: str
    """The section or table key, e.g. ``discussion`` or ``table4``."""
    text: str
    """Label and page(s), e.g. "Discussion, pp. 1957-1958"."""


class Note(_Frozen, kw_only=True):
    """A caution, a warning or an assumption, with where it comes from."""

    id: str
    """A stable id (``nr_third_course_melanoma``, ``prior_immunotherapy_renal_cell``)."""
    text: str
    """One or two plain sentences, paraphrasing the paper with its numbers."""
    sources: tuple[Citation, ...] = ()
    """The places in the paper that support it."""


class BaselineLesion(_Frozen, kw_only=True):
    """A baseline lesion and its product."""

    id: str
    """The lesion id of the case file."""
    site: str
    """Where it is, as the case file says."""
    method: str
    """How it is measured."""
    diameters: tuple[Decimal, Decimal]
    """The two perpendicular diameters in mm."""
    product_mm2: Decimal
    """``d1 × d2``, exact."""


class LesionResult(_Frozen, kw_only=True):
    """One baseline lesion at one assessment."""

    id: str
    """The lesion id."""
    site: str
    """Where it is."""
    status: LesionStatus
    """Measured, disappeared (``[0, 0]``), reappeared after disappearing, or not assessed."""
    diameters: tuple[Decimal, Decimal] | None
    """The two diameters in mm; ``None`` when not assessed."""
    product_mm2: Decimal | None
    """``d1 × d2``, exact; ``None`` when not assessed."""
    nadir_before_mm2: Decimal
    """The smallest product of this lesion before this assessment, baseline included."""
    change_from_nadir_pct: Decimal | None
    """The change of the product on that nadir, rounded for display; ``None`` from 0."""
    progressing: bool
    """True when the product rose 25% or more on its nadir, or reappeared after 0."""
    growing: bool = False
    """True when the product is above its nadir (beyond the clinic's tolerance, default 0):
    a growing lesion rules out a PR (issue 11)."""
    nadir_diameters: tuple[Decimal, Decimal] | None = None
    """The diameters at that nadir (the baseline's until the lesion shrank)."""


class NewLesionResult(_Frozen, kw_only=True):
    """A lesion seen for the first time at this assessment."""

    site: str
    """Where it appeared."""
    diameters: tuple[Decimal, Decimal] | None
    """Its diameters in mm, when measured."""
    product_mm2: Decimal | None
    """Its product, when measured (never part of the SPD)."""


class NonMeasurableSite(_Frozen, kw_only=True):
    """Disease present at baseline that cannot be measured (bone, effusion ...)."""

    id: str
    """Its id in the case file."""
    site: str
    """Where it is."""
    method: str
    """How it is followed."""


class NonMeasurableResult(_Frozen, kw_only=True):
    """One non-measurable site at one evaluation."""

    id: str
    """Its id."""
    site: str
    """Where it is."""
    status: SiteStatus
    """present, absent, progressed (unequivocal progression), or not assessed."""


class AssessmentResult(_Frozen, kw_only=True):
    """One restaging evaluation, classified, with its arithmetic."""

    course: int
    """The course it follows."""
    date: date
    """The date of the evaluation."""
    day: int | None
    """Days since the first dose (response durations count from it); ``None`` if unknown."""
    lesions: tuple[LesionResult, ...]
    """Every baseline lesion, in the order of the case file."""
    new_lesions: tuple[NewLesionResult, ...]
    """Lesions not present at baseline."""
    non_measurable: tuple[NonMeasurableResult, ...] = ()
    """Every non-measurable site, in the order of the case file."""
    after_progression: bool = False
    """True when an earlier evaluation was PD: the response episode had ended, so this one
    is shown but raises neither the best response nor the series state."""
    spd_mm2: Decimal | None
    """The sum of products over the baseline lesions; ``None`` when one was not assessed."""
    spd_nadir_before_mm2: Decimal
    """The smallest SPD before this evaluation, baseline included."""
    change_from_baseline_pct: Decimal | None
    """The SPD's change from baseline, rounded for display."""
    change_from_nadir_pct: Decimal | None
    """The SPD's change from its nadir before this evaluation, rounded for display."""
    response: Category
    """The category under the criteria (PD, NE, CR, PR, MR, SD, tested in that order)."""
    basis: str
    """The one line that decided the category, with the arithmetic and the threshold."""
    first_seen: date | None
    """For PR or CR: the first evaluation of the unbroken run showing it or better."""
    confirmable_from: date | None
    """For PR or CR: the first date on which an evaluation can confirm it (first seen + 28)."""
    confirmed_on: date | None
    """For PR or CR: the date of the evaluation that confirmed it, possibly a later one."""
    confirmed: bool | None
    """For PR or CR: confirmed as of this evaluation's date; ``None`` for other categories."""


class Recommendation(_Frozen, kw_only=True):
    """What the guideline says after a course, and why."""

    action: Action
    """retreat, consider_retreat, consolidate, stop or reassess."""
    stop_reason: StopReason | None
    """Why to stop, when the action is stop."""
    rule: str
    """The id of the guideline rule that decided (the first that matched)."""
    title: str
    """The rule in a few words."""
    reasoning: str
    """The paper's reasoning behind the rule, paraphrased."""
    sources: tuple[Citation, ...]
    """Where in the paper the rule comes from."""
    explanation: tuple[str, ...]
    """The arithmetic and the rule in plain words, one line each."""
    cautions: tuple[Note, ...]
    """Where the data speak against the rule, or are thin; and where the record contradicts
    itself (``course_after_stop``, ``course_after_declined``, ``course_after_severe_toxicity``:
    a later course was given after a reason to stop)."""


class ClinicianDecision(_Frozen, kw_only=True):
    """What the clinician decided after the course, from the case file."""

    action: Literal["retreat", "stop"]
    """Give another course, or stop."""
    reason: str | None
    """The clinician's words."""
    differs: bool
    """True when the decision departs from the recommendation."""
    seen: Seen | None = None
    """The recommendation the clinician was shown when deciding, as the file records it."""
    stale: bool | None = None
    """True when today's recommendation (rule or action) is not the one ``seen``: the
    decision answered something else and needs confirming again; ``None`` when the file
    does not record what was seen."""


class CourseReview(_Frozen, kw_only=True):
    """One course: its assessments, the response, the recommendation and the evidence."""

    number: int
    """1, 2, 3 ..."""
    start: date
    """The date of the first dose of the course."""
    doses: tuple[int, ...] | None
    """Doses received in each cycle, when recorded."""
    toxicity: tuple[str, ...]
    """Severe toxicity codes recorded for the course."""
    declined_further: bool
    """The patient declines or cannot tolerate more IL-2."""
    assessments: tuple[AssessmentResult, ...]
    """Every restaging evaluation after this course, in date order."""
    best_response: Category | None
    """The best category so far, this course included; ``None`` before any evaluation."""
    state: State | None
    """The patient's state for the cohort tables: best response as CR, PR, MR or NR."""
    courses_since_cr: int | None
    """For a CR: courses given since the CR was first seen (0: none yet)."""
    eligibility: tuple[Note, ...] = ()
    """The eligibility flags as of this course's evaluations ("would not have been eligible
    for the series"), shown above the recommendation; a brain lesion raises CNS metastases."""
    recommendation: Recommendation
    """What the guideline says now."""
    cohort_this_course: CohortAnswer | None
    """What happened to the series' patients who received this course from the same state;
    ``None`` before the state is known, or when no cohort applies (see the note)."""
    cohort_this_course_note: str | None = None
    """Why no cohort applies to this course: it follows a stop the series never went past."""
    cohort: CohortAnswer | None
    """What happened to the series' patients in this state who received the next course;
    ``None`` before the state is known, or when no cohort applies (see ``cohort_note``)."""
    cohort_note: str | None = None
    """Why no next-course cohort applies: after a stop for progression, toxicity or refusal,
    or a relapse from CR, the series gave no further course."""
    clinician_decision: ClinicianDecision | None
    """What the clinician decided, from the file."""

    @property
    def last(self) -> AssessmentResult | None:
        """The latest evaluation: the one the course's response and recommendation rest on."""
        return self.assessments[-1] if self.assessments else None

    @property
    def response(self) -> Category | None:
        """The category of the latest evaluation; ``None`` before any."""
        return self.assessments[-1].response if self.assessments else None

    @property
    def confirmed(self) -> bool | None:
        """For a PR or CR: whether an evaluation (this course's or later) confirmed it."""
        last = self.last
        if last is None or last.response not in ("PR", "CR"):
            return None
        return last.confirmed_on is not None


class GuidelineRef(_Frozen, kw_only=True):
    """Which guideline file decided."""

    id: str
    """The guideline's id."""
    version: str
    """Its version."""
    status: str
    """Its lifecycle status (draft, active, retired)."""
    title: str
    """Its title."""


class Review(_Frozen, kw_only=True):
    """The review of one case: the input of every renderer."""

    format: Literal["il2-review/1"] = REVIEW_FORMAT
    """The output format and its version."""
    notice: str = NOTICE
    """Decision support from one retrospective series; the treating team decides."""
    guideline: GuidelineRef
    """The guideline that decided."""
    diagnosis: Literal["melanoma", "renal_cell"]
    """The patient's diagnosis."""
    label: str | None
    """The patient's pseudonym, as the case file says."""
    first_dose: date | None
    """The date response durations count from."""
    baseline_date: date | None
    """The date of the baseline evaluation."""
    baseline: tuple[BaselineLesion, ...]
    """The baseline lesions and their products."""
    baseline_spd_mm2: Decimal | None
    """The baseline sum of products; ``None`` while the baseline is incomplete."""
    non_measurable: tuple[NonMeasurableSite, ...] = ()
    """Disease present at baseline that cannot be measured."""
    best_response: Category | None
    """The best category over all evaluations (NE only if nothing was evaluable)."""
    best_response_first_seen: date | None
    """The first evaluation that showed the best response."""
    best_response_confirmed: bool | None
    """For a best response of PR or CR: whether it was confirmed."""
    response_duration_days: int | None
    """For an objective response: days from the first dose to progression or, if it is
    ongoing, to the latest evaluation."""
    response_ongoing: bool | None
    """For an objective response: True when no progression has been recorded since."""
    eligibility: tuple[Note, ...] = ()
    """The series' exclusion criteria (and age or performance status outside its patients)
    the case records at baseline: "would not have been eligible for the series"."""
    warnings: tuple[Note, ...]
    """Where else the patient differs from the series (prior immunotherapy ...)."""
    assumptions: tuple[Note, ...]
    """The assumptions that fill the paper's gaps, shown with every review."""
    cohort_first_course: CohortAnswer | None
    """What happened to the series' patients with this diagnosis after course 1."""
    courses: tuple[CourseReview, ...]
    """One entry per course, in order."""

    @property
    def current(self) -> CourseReview | None:
        """The latest course: what to do now."""
        return self.courses[-1] if self.courses else None
