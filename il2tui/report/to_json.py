"""A review as JSON, format ``il2-review/1``: a documented shape for scripts and audits.

Areas are exact numbers (mm², the digits of the product of the diameters as
written); percentages are rounded to one decimal, never onto a threshold the
exact value misses. Characters that could act on a terminal are written as
``\\uXXXX`` escapes, which JSON readers turn back into the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any, get_args, get_origin, get_type_hints

from il2tui.case.model import to_data
from il2tui.clinical.arithmetic import assessment_lines
from il2tui.clinical.model import (
    AssessmentResult,
    Citation,
    ClinicianDecision,
    CourseReview,
    GuidelineRef,
    Note,
    Recommendation,
    Review,
)
from il2tui.clinical.wording import guideline_says
from il2tui.core.jsonio import (
    Block,
    Fragment,
    Raw,
    dumps_exact,
    dumps_fast_parts,
    raw_number,
    raw_numbers,
    splice,
)
from il2tui.core.textsafe import json_safe_utf8, json_string
from il2tui.evidence.answer import CohortAnswer
from il2tui.report import common


def render_json(review: Review, source: str | None = None) -> str:
    """The review as ``il2-review/1`` JSON text, escaped as :func:`json_safe` escapes a
    document; written by orjson, or by :func:`dumps_exact` where orjson cannot."""
    return render_json_utf8(review, source).decode()


def render_json_utf8(review: Review, source: str | None = None) -> bytes:
    """:func:`render_json` in UTF-8, as orjson writes it: ``il2 review`` writes these bytes
    as they are (decoding them for the text layer to encode them again took a sixth of the
    time of an audit in JSON)."""
    data = review_data(review, source)
    parts = dumps_fast_parts(data)
    if parts is None:
        return dumps_exact(data, strings=json_string).encode()
    pieces, blocks = parts  # the blocks are written with json_string: escaped already
    written = b"".join(pieces)
    if json_safe_utf8(written) != written:  # escaped piece by piece: json_safe is char by char
        pieces = [json_safe_utf8(piece) for piece in pieces]
    return splice(pieces, blocks)


#: The depth of a review's fields and of a course's: the blocks every review shares are
#: written ahead for where they go (:meth:`Fragment.at`).
TOP, COURSE = 1, 3


def _at(fragment: Fragment, level: int) -> Block:
    return fragment.at(2, level, json_string)


def review_data(review: Review, source: str | None = None) -> dict[str, Any]:
    """The ``il2-review/1`` object as Python data for :func:`dumps_exact` (Decimals and dates
    kept exact; the blocks every review shares as :class:`Block`, written once)."""
    data: dict[str, Any] = {"format": review.format}
    if source is not None:
        data["source"] = source
    return data | {
        "notice": review.notice,
        "guideline": _at(_shared(review.guideline), TOP),
        "diagnosis": review.diagnosis,
        "label": review.label,
        "first_dose": review.first_dose,
        "baseline_date": review.baseline_date,
        "baseline_spd_mm2": _number(review.baseline_spd_mm2),
        "baseline": [_data(lesion) for lesion in review.baseline],
        "non_measurable": [_data(site) for site in review.non_measurable],
        "best_response": review.best_response,
        "best_response_confirmed": review.best_response_confirmed,
        "best_response_first_seen": review.best_response_first_seen,
        "response_duration_days": review.response_duration_days,
        "response_ongoing": review.response_ongoing,
        "eligibility": _at(_notes(review.eligibility), TOP),
        "warnings": _at(_notes(review.warnings), TOP),
        "assumptions": _at(_notes(review.assumptions), TOP),
        "cohort_first_course": _cohort(review.cohort_first_course, TOP),
        "courses": [_course(c) for c in review.courses],
    }


def _course(course: CourseReview) -> dict[str, Any]:
    last = course.last
    arithmetic = [assessment_lines(a) for a in course.assessments]  # the latest's, used twice
    rec = course.recommendation
    decision = course.clinician_decision
    return {
        "number": course.number,
        "start": course.start,
        "doses": None if course.doses is None else raw_numbers(course.doses),
        "toxicity": course.toxicity,
        "declined_further": course.declined_further,
        "assessment_date": last.date if last else None,
        "spd_mm2": _number(last.spd_mm2) if last else None,
        "change_from_baseline_pct": _number(last.change_from_baseline_pct) if last else None,
        "change_from_nadir_pct": _number(last.change_from_nadir_pct) if last else None,
        "response": course.response,
        "confirmed": course.confirmed,
        "confirmable_from": last.confirmable_from if last else None,
        "best_response": course.best_response,
        "state": course.state,
        "eligibility": _at(_notes(course.eligibility), COURSE),
        "recommendation": rec.action,
        "recommendation_text": guideline_says(rec.action, rec.stop_reason),
        "stop_reason": rec.stop_reason,
        "rule": rec.rule,
        "rule_title": rec.title,
        "reasoning": rec.reasoning,
        "sources": _at(_sources(rec.sources), COURSE),
        "explanation": "\n".join(_explanation(rec, arithmetic[-1] if arithmetic else None)),
        "cautions": _at(_notes(rec.cautions), COURSE),
        "clinician_decision": _decision(decision, rec),
        "cohort": _cohort(course.cohort, COURSE),
        "cohort_note": course.cohort_note,
        "cohort_this_course": _cohort(course.cohort_this_course, COURSE),
        "cohort_this_course_note": course.cohort_this_course_note,
        "assessments": list(map(_assessment, course.assessments, arithmetic)),
    }


def _decision(decision: ClinicianDecision | None, now: Recommendation) -> dict[str, Any] | None:
    """The decision as recorded, ``stale`` and, when stale, the sentence that says so."""
    if decision is None:
        return None
    seen = None if decision.seen is None else to_data(decision.seen)
    return _data(decision) | {"seen": seen, "stale_note": common.stale_text(decision, now)}


#: The fields of a review's objects that hold lists of numbers (diameters): written as
#: :class:`Raw`, on one line, by orjson as by dumps_exact (tests/hardening/test_json_fast.py
#: checks that a review's data holds no other list of numbers, and no float or Decimal:
#: the fields typed ``Decimal`` are written as :class:`Raw` too).
NUMBER_LISTS = frozenset({"diameters", "nadir_diameters"})

#: A field's name and how it is written as :class:`Raw`.
Converter = tuple[str, Callable[[Any], Raw]]


def _data(obj: Any) -> dict[str, Any]:
    """A review object's fields, in their order (nested objects are left to the caller)."""
    names, values, converters = _shape(type(obj))
    data = dict(zip(names, values(obj), strict=True))
    for name, raw in converters:
        if data[name] is not None:
            data[name] = raw(data[name])
    return data


@cache
def _shape(
    kind: type,
) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]], tuple[Converter, ...]]:
    names = kind.__struct_fields__
    values = attrgetter(*names) if len(names) > 1 else lambda obj: (getattr(obj, names[0]),)
    hints = get_type_hints(kind)
    lists = [(name, raw_numbers) for name in names if name in NUMBER_LISTS]
    numbers = [(name, raw_number) for name in names if _is_decimal(hints[name])]
    return names, values, (*lists, *numbers)


def _is_decimal(hint: Any) -> bool:
    """``Decimal`` or ``Decimal | None`` (a tuple of them is a list of numbers)."""
    return hint is Decimal or (get_origin(hint) is not tuple and Decimal in get_args(hint))


def _number(value: Decimal | None) -> Raw | None:
    return None if value is None else raw_number(value)


def _explanation(rec: Recommendation, latest: Sequence[str] | None) -> list[str]:
    """The arithmetic of the latest evaluation (its basis line is in the rule's lines), then
    the rule's lines."""
    return [*(latest[:-1] if latest else ()), *rec.explanation]


def _assessment(result: AssessmentResult, arithmetic: Sequence[str]) -> dict[str, Any]:
    data = _data(result)
    del data["lesions"], data["new_lesions"]  # written last, after the evaluation's own fields
    data["non_measurable"] = [_data(site) for site in result.non_measurable]
    data["lesions"] = [_data(lesion) for lesion in result.lesions]
    data["new_lesions"] = [_data(lesion) for lesion in result.new_lesions]
    data["arithmetic"] = list(arithmetic)
    return data


# Notes, citations, the guideline and the cohorts come from the guideline file and the
# paper's tables: a few hundred distinct ones serve every review of a run, so each is
# written once (keyed by value: these models are frozen).


@common.by_identity
@lru_cache(maxsize=1024)
def _notes(notes: tuple[Note, ...]) -> Fragment:
    return Fragment([_note(n) for n in notes])


@common.by_identity
@lru_cache(maxsize=1024)
def _sources(sources: tuple[Citation, ...]) -> Fragment:
    return Fragment([_data(c) for c in sources])


@common.by_identity
@lru_cache(maxsize=16)
def _shared(guideline: GuidelineRef) -> Fragment:
    return Fragment(_data(guideline))


def _note(note: Note) -> dict[str, Any]:
    return {"id": note.id, "text": note.text, "sources": _sources(note.sources)}


def _cohort(answer: CohortAnswer | None, level: int) -> Block | None:
    return None if answer is None else _at(_cohort_block(answer), level)


@common.by_identity
@lru_cache(maxsize=1024)
def _cohort_block(answer: CohortAnswer) -> Fragment:
    return Fragment(
        {
            "course": answer.course,
            "state": answer.state,
            "treated": answer.treated,
            "has_data": answer.has_data,
            "outcomes": {
                o.state: {
                    "patients": o.patients,
                    "proportion": raw_number(o.proportion),
                    "ci95": raw_numbers([o.ci_low, o.ci_high]),
                    "note": o.note,
                }
                for o in answer.outcomes
            },
            "source": answer.source,
            "message": answer.message,
            "notes": list(answer.notes),
        }
    )
