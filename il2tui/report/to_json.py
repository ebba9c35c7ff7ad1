"""A review as JSON, format ``il2-review/1``: a documented shape for scripts and audits.

Areas are exact numbers (mm², the digits of the product of the diameters as
written); percentages are rounded to one decimal, never onto a threshold the
exact value misses. Characters that could act on a terminal are written as
``\\uXXXX`` escapes, which JSON readers turn back into the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from il2tui.case.model import to_data
from il2tui.clinical.arithmetic import assessment_lines
from il2tui.clinical.model import (
    AssessmentResult,
    BaselineLesion,
    Citation,
    ClinicianDecision,
    CourseReview,
    GuidelineRef,
    LesionResult,
    NewLesionResult,
    NonMeasurableResult,
    NonMeasurableSite,
    Note,
    Recommendation,
    Review,
)
from il2tui.clinical.wording import guideline_says
from il2tui.core.jsonio import (
    HOLE_BYTE,
    Fragment,
    Raw,
    dumps_holes,
    exact_holes,
    number_text,
    raw_number,
    raw_numbers,
    splice,
)
from il2tui.core.textsafe import json_safe_utf8, json_string
from il2tui.evidence.answer import CohortAnswer
from il2tui.report import common
from il2tui.report.json_blocks import Runs, Shared


def render_json(review: Review, source: str | None = None) -> str:
    """The review as ``il2-review/1`` JSON text, escaped as :func:`json_safe` escapes a
    document; written by orjson, or by :func:`dumps_exact` where orjson cannot."""
    return render_json_utf8(review, source).decode()


def render_json_utf8(review: Review, source: str | None = None) -> bytes:
    """:func:`render_json` in UTF-8, as orjson writes it: ``il2 review`` writes these bytes
    as they are (decoding them for the text layer to encode them again took a sixth of the
    time of an audit in JSON)."""
    data, blocks = review_data(review, source)
    document = dumps_holes(data)
    if document is None:
        return exact_holes(data, blocks, json_string)
    if not _nothing_to_escape(document):  # escaped piece by piece: json_safe is char by char
        document = HOLE_BYTE.join(map(json_safe_utf8, document.split(HOLE_BYTE)))
    return splice(document, blocks)  # the blocks are written with json_string


#: What :func:`json_safe_utf8` leaves as it is without a look, and the holes' NUL bytes.
_PLAIN_OR_HOLE = bytes(range(0x20, 0x7F)) + b"\n" + HOLE_BYTE


def _nothing_to_escape(document: bytes) -> bool:
    """Whether :func:`json_safe_utf8` leaves the text around the holes as it is, checked
    with the holes in (taking them out first copied the document): only its bytes that
    are not printable ASCII are looked at, a few dozen in a review."""
    others = document.translate(None, _PLAIN_OR_HOLE)
    return not others or others.decode().isprintable()


def review_data(review: Review, source: str | None = None) -> tuple[dict[str, Any], list[bytes]]:
    """The ``il2-review/1`` object as Python data for :func:`dumps_holes`, with each block
    that reviews share (the guideline, notes, sources, cohorts) left out as a
    :data:`HOLE`, and the blocks' texts in the document's order.

    Each object is written field by field, as its type says (tests/hardening/
    test_json_shapes.py checks every field against the objects' own): a walk over any
    object's fields took a third of the time of a review's JSON.
    """
    blocks: list[bytes] = []
    head = (review.notice, review.guideline)
    notes = (review.eligibility, review.warnings, review.assumptions, review.cohort_first_course)
    data: dict[str, Any] = {
        "format": review.format,
        "source": source,  # left out below when there is none
        "notice": _HEAD.hole(head, head, blocks),  # and "guideline"
        "diagnosis": review.diagnosis,
        "label": review.label,
        "first_dose": review.first_dose,
        "baseline_date": review.baseline_date,
        "baseline_spd_mm2": _number(review.baseline_spd_mm2),
        "baseline": list(map(_baseline, review.baseline)),
        "non_measurable": list(map(_site, review.non_measurable)),
        "best_response": review.best_response,
        "best_response_confirmed": review.best_response_confirmed,
        "best_response_first_seen": review.best_response_first_seen,
        "response_duration_days": review.response_duration_days,
        "response_ongoing": review.response_ongoing,
        "eligibility": _NOTES.hole(tuple(map(id, notes)), notes, blocks),  # to the cohort
        "courses": [_course(course, blocks) for course in review.courses],  # blocks in order
    }
    if source is None:
        del data["source"]
    return data, blocks


def _course(course: CourseReview, blocks: list[bytes]) -> dict[str, Any]:
    arithmetic = list(map(assessment_lines, course.assessments))  # the latest's, used twice
    assessments = list(map(_assessment, course.assessments, arithmetic))  # holds no block
    last = assessments[-1] if assessments else _NOT_EVALUATED  # its numbers written once
    rec = course.recommendation
    cohorts = (course.cohort, course.cohort_note, course.cohort_this_course)
    cohorts += (course.cohort_this_course_note,)
    return {
        "number": course.number,
        "start": course.start,
        "doses": None if course.doses is None else raw_numbers(course.doses),
        "toxicity": course.toxicity,
        "declined_further": course.declined_further,
        "assessment_date": last["date"],
        "spd_mm2": last["spd_mm2"],
        "change_from_baseline_pct": last["change_from_baseline_pct"],
        "change_from_nadir_pct": last["change_from_nadir_pct"],
        "response": last["response"],
        "confirmed": course.confirmed,
        "confirmable_from": last["confirmable_from"],
        "best_response": course.best_response,
        "state": course.state,
        "eligibility": _course_notes(course.eligibility, blocks),
        "recommendation": _RULE.hole(_rule_key(rec), rec, blocks),  # to "sources"
        "explanation": "\n".join(_explanation(rec, arithmetic[-1] if arithmetic else None)),
        "cautions": _course_notes(rec.cautions, blocks),
        "clinician_decision": _decision(course.clinician_decision, rec),
        "cohort": _COHORTS.hole(_cohorts_key(cohorts), cohorts, blocks),  # and the three after
        "assessments": assessments,
    }


#: What a course before its first evaluation says of it.
_NOT_EVALUATED: dict[str, Any] = dict.fromkeys(
    [
        "date",
        "spd_mm2",
        "change_from_baseline_pct",
        "change_from_nadir_pct",
        "response",
        "confirmable_from",
    ]
)


def _head(head: tuple[str, GuidelineRef]) -> dict[str, Any]:
    return {"notice": head[0], "guideline": _guideline(head[1])}


def _notes_run(notes: tuple[Any, ...]) -> dict[str, Any]:
    """A review's notes and the cohort of its first course: the same for many reviews."""
    eligibility, warnings, assumptions, cohort = notes
    return {
        "eligibility": _notes(eligibility),
        "warnings": _notes(warnings),
        "assumptions": _notes(assumptions),
        "cohort_first_course": None if cohort is None else _cohort_block(cohort),
    }


def _cohorts_key(cohorts: tuple[Any, ...]) -> tuple[object, ...]:
    return (id(cohorts[0]), cohorts[1], id(cohorts[2]), cohorts[3])


def _cohorts_run(cohorts: tuple[Any, ...]) -> dict[str, Any]:
    """A course's cohorts and the notes that say why there is none: the same for many
    courses."""
    cohort, note, this_course, this_course_note = cohorts
    return {
        "cohort": None if cohort is None else _cohort_block(cohort),
        "cohort_note": note,
        "cohort_this_course": None if this_course is None else _cohort_block(this_course),
        "cohort_this_course_note": this_course_note,
    }


def _rule_key(rec: Recommendation) -> tuple[object, ...]:
    return (rec.action, rec.stop_reason, rec.rule, rec.title, rec.reasoning, id(rec.sources))


def _rule(rec: Recommendation) -> dict[str, Any]:
    """What the guideline says and why: the same for every course the rule decides."""
    return {
        "recommendation": rec.action,
        "recommendation_text": guideline_says(rec.action, rec.stop_reason),
        "stop_reason": rec.stop_reason,
        "rule": rec.rule,
        "rule_title": rec.title,
        "reasoning": rec.reasoning,
        "sources": _sources(rec.sources),
    }


def _decision(decision: ClinicianDecision | None, now: Recommendation) -> dict[str, Any] | None:
    """The decision as recorded, ``stale`` and, when stale, the sentence that says so."""
    if decision is None:
        return None
    return {
        "action": decision.action,
        "reason": decision.reason,
        "differs": decision.differs,
        "seen": None if decision.seen is None else to_data(decision.seen),
        "stale": decision.stale,
        "stale_note": common.stale_text(decision, now),
    }


def _explanation(rec: Recommendation, latest: Sequence[str] | None) -> list[str]:
    """The arithmetic of the latest evaluation (its basis line is in the rule's lines), then
    the rule's lines."""
    return [*(latest[:-1] if latest else ()), *rec.explanation]


def _assessment(result: AssessmentResult, arithmetic: Sequence[str]) -> dict[str, Any]:
    return {
        "course": result.course,
        "date": result.date,
        "day": result.day,
        "non_measurable": list(map(_site_result, result.non_measurable)),
        "after_progression": result.after_progression,
        "spd_mm2": _number(result.spd_mm2),
        "spd_nadir_before_mm2": raw_number(result.spd_nadir_before_mm2),
        "change_from_baseline_pct": _number(result.change_from_baseline_pct),
        "change_from_nadir_pct": _number(result.change_from_nadir_pct),
        "response": result.response,
        "basis": result.basis,
        "first_seen": result.first_seen,
        "confirmable_from": result.confirmable_from,
        "confirmed_on": result.confirmed_on,
        "confirmed": result.confirmed,
        "lesions": list(map(_lesion, result.lesions)),
        "new_lesions": list(map(_new_lesion, result.new_lesions)),
        "arithmetic": arithmetic,
    }


def _baseline(lesion: BaselineLesion) -> dict[str, Any]:
    return {
        "id": lesion.id,
        "site": lesion.site,
        "method": lesion.method,
        "diameters": _pair(lesion.diameters),
        "product_mm2": raw_number(lesion.product_mm2),
    }


def _lesion(lesion: LesionResult) -> Raw:
    """A lesion at an evaluation, as its dict of fields would be written at its depth, in
    one text (with a dict of ten fields and five Raws for its numbers, which orjson then
    wrote, a review took some 26K instructions more, of 884K); tests/hardening/
    test_json_lesions.py checks it against the dict written by
    :func:`~il2tui.core.jsonio.dumps_exact`."""
    product, change = lesion.product_mm2, lesion.change_from_nadir_pct
    return Raw(
        f"{_lesion_head(lesion.id, lesion.site, lesion.status)}"
        f'{_pair_text(lesion.diameters)},{_FIELD}"product_mm2": '
        f'{"null" if product is None else number_text(product)},{_FIELD}"nadir_before_mm2": '
        f'{number_text(lesion.nadir_before_mm2)},{_FIELD}"change_from_nadir_pct": '
        f'{"null" if change is None else number_text(change)},{_FIELD}"progressing": '
        f'{_LITERALS[lesion.progressing]},{_FIELD}"growing": {_LITERALS[lesion.growing]},'
        f'{_FIELD}"nadir_diameters": {_pair_text(lesion.nadir_diameters)}{_LESION_END}'
    )


#: Where a lesion's fields go (an evaluation's lesion is at depth 6: review, courses,
#: course, assessments, assessment, lesions), and how it ends.
_LESION_LEVEL = 6
_FIELD = "\n" + "  " * (_LESION_LEVEL + 1)
_LESION_END = "\n" + "  " * _LESION_LEVEL + "}"
_LITERALS = {True: "true", False: "false"}


@lru_cache(maxsize=4096)
def _lesion_head(lesion_id: str, site: str, status: str) -> str:
    """A lesion's text up to its diameters, the same at every evaluation of a lesion."""
    return (
        f'{{{_FIELD}"id": {json_string(lesion_id)},{_FIELD}"site": {json_string(site)},'
        f'{_FIELD}"status": {json_string(status)},{_FIELD}"diameters": '
    )


def _site(site: NonMeasurableSite) -> dict[str, Any]:
    return {"id": site.id, "site": site.site, "method": site.method}


def _site_result(site: NonMeasurableResult) -> dict[str, Any]:
    return {"id": site.id, "site": site.site, "status": site.status}


def _new_lesion(lesion: NewLesionResult) -> dict[str, Any]:
    return {
        "site": lesion.site,
        "diameters": _pair(lesion.diameters),
        "product_mm2": _number(lesion.product_mm2),
    }


def _number(value: Decimal | None) -> Raw | None:
    return None if value is None else Raw(number_text(value))


def _pair(pair: tuple[Decimal, Decimal] | None) -> Raw | None:
    """Two diameters, on one line."""
    return None if pair is None else Raw(_pair_text(pair))


def _pair_text(pair: tuple[Decimal, Decimal] | None) -> str:
    """Two diameters on one line (``null`` without them)."""
    if pair is None:
        return "null"
    return f"[{_diameter(pair[0])}, {_diameter(pair[1])}]"


#: Diameters already written, by value, each with the very object written: the loader
#: keeps one object per value (``case.model._CHECKED``), so that a batch's diameters are
#: found again, their hash kept in the object (writing a Decimal took some 2,000
#: instructions; a review writes some forty diameters). Another object of the same value
#: is written anew (``1.0`` and ``1`` are equal, but written apart). Emptied when it fills.
_DIAMETERS: dict[Decimal, tuple[Decimal, str]] = {}
_MAX_DIAMETERS = 8192


def _diameter(value: Decimal) -> str:
    try:
        found = _DIAMETERS.get(value)
    except TypeError:  # a signalling NaN cannot be hashed
        return number_text(value)
    if found is None or found[0] is not value:
        if len(_DIAMETERS) >= _MAX_DIAMETERS:
            _DIAMETERS.clear()
        found = _DIAMETERS[value] = (value, number_text(value))
    return found[1]


# Notes, citations, the guideline and the cohorts come from the guideline file and the
# paper's tables: a few hundred distinct ones serve every review of a run, so each is
# written once for each depth where it goes (json_blocks.py).


@common.by_identity
@lru_cache(maxsize=1024)
def _notes(notes: tuple[Note, ...]) -> Fragment:
    return Fragment([_note(n) for n in notes])


@common.by_identity
@lru_cache(maxsize=1024)
def _sources(sources: tuple[Citation, ...]) -> Fragment:
    return Fragment([{"key": c.key, "text": c.text} for c in sources])


def _guideline(guideline: GuidelineRef) -> Fragment:
    g = guideline
    return Fragment({"id": g.id, "version": g.version, "status": g.status, "title": g.title})


def _note(note: Note) -> dict[str, Any]:
    return {"id": note.id, "text": note.text, "sources": _sources(note.sources)}


def _course_notes(notes: tuple[Note, ...], blocks: list[bytes]) -> list[dict[str, Any]]:
    """A course's notes, written with it: most of them are made for the case (a date, a
    size), and writing each new set of them as a block took longer than orjson does."""
    if not notes:  # most: a comprehension is a call of its own
        return []
    return [
        {"id": note.id, "text": note.text, "sources": SOURCES_NOTE.hole(note.sources, blocks)}
        for note in notes
    ]


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


#: The depth of a review's fields, of a course's and of a course's notes'.
TOP, COURSE, COURSE_NOTE = 1, 3, 5
_HEAD = Runs(_head, TOP, limit=16)
_RULE = Runs(_rule, COURSE)
_NOTES = Runs(_notes_run, TOP)
_COHORTS = Runs(_cohorts_run, COURSE)
SOURCES_NOTE = Shared(_sources, COURSE_NOTE, by_items=True)
