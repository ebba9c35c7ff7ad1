"""Each object of a review is written with every one of its fields, in their order.

``to_json`` writes each kind of object field by field, as its type says, rather than by
walking any object's fields (which took a third of the time of a review's JSON). These
tests hold its writers to that walk: the lesions, the evaluations, the decisions, the
guideline and the notes read back exactly as the walk over the objects' own fields
writes them (numbers compared by their text, keys in their order), and every field of a
review and of a course is in the JSON but the ones left out on purpose.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import msgspec
from hypothesis import given, settings

from il2tui.case.files import case_from_data
from il2tui.case.model import to_data
from il2tui.clinical.arithmetic import assessment_lines
from il2tui.clinical.model import AssessmentResult, CourseReview, Review
from il2tui.clinical.review import review_case
from il2tui.core.jsonio import dumps_exact
from il2tui.core.textsafe import json_string
from il2tui.report import common
from il2tui.report.to_json import render_json
from tests.engine.helpers import exact
from tests.engine.test_properties import raw_cases
from tests.hardening.test_json_fast import REVIEWS
from tests.tui import cases


def _number(text: str) -> tuple[str, str]:
    return ("number", text)


#: JSON read back with its keys in order and its numbers as their text.
_read = json.JSONDecoder(object_pairs_hook=list, parse_float=_number, parse_int=_number).decode


def _walk(obj: Any) -> Any:
    """The walk ``to_json`` made before its writers: every field of an object, in order."""
    if isinstance(obj, msgspec.Struct):
        return {name: _walk(getattr(obj, name)) for name in obj.__struct_fields__}
    if isinstance(obj, tuple):
        return [_walk(value) for value in obj]
    return obj


def _as_read(value: Any) -> Any:
    """``value`` as :func:`dumps_exact` writes it, read back by :data:`_read`."""
    return _read(dumps_exact(value, strings=json_string))


def _evaluation(result: AssessmentResult) -> dict[str, Any]:
    """An evaluation: its fields, its lesions last, then its arithmetic lines."""
    data = _walk(result)
    lesions, new_lesions = data.pop("lesions"), data.pop("new_lesions")
    arithmetic = list(assessment_lines(result))
    return data | {"lesions": lesions, "new_lesions": new_lesions, "arithmetic": arithmetic}


def _objects(review: Review) -> Iterator[tuple[str, Any, Any]]:
    """Where each object written field by field is, and what the walk makes of it."""
    yield "guideline", _walk(review.guideline), None
    for key in ("baseline", "non_measurable", "eligibility", "warnings", "assumptions"):
        yield key, _walk(getattr(review, key)), None
    for i, course in enumerate(review.courses):
        rec, decision = course.recommendation, course.clinician_decision
        yield "eligibility", _walk(course.eligibility), ("courses", i)
        yield "sources", _walk(rec.sources), ("courses", i)
        yield "cautions", _walk(rec.cautions), ("courses", i)
        yield "assessments", [_evaluation(a) for a in course.assessments], ("courses", i)
        if decision is not None:
            seen = None if decision.seen is None else to_data(decision.seen)
            stale = common.stale_text(decision, rec)
            walked = _walk(decision) | {"seen": seen, "stale_note": stale}
            yield "clinician_decision", walked, ("courses", i)


def _check(review: Review) -> None:
    document = dict(_read(render_json(review, "case.json")))
    for key, walked, where in _objects(review):
        part = document if where is None else dict(document[where[0]][where[1]])
        assert part[key] == _as_read(walked), (where, key)
    top = set(Review.__struct_fields__)
    assert top - set(document) == set(), "a field of the review is not in its JSON"
    for course in document["courses"]:
        left_out = set(CourseReview.__struct_fields__) - {key for key, _ in course}
        assert left_out == {"courses_since_cr"}, "a field of a course is not in its JSON"


def test_golden_and_hostile_reviews_write_every_field_of_their_objects() -> None:
    for _, review in REVIEWS:
        _check(review)


def test_decisions_seen_and_not_write_every_field() -> None:
    """Stale and current decisions, with and without what was seen."""
    decisions = 0
    for data in [cases.STALE, *cases.CASES.values()]:
        review = review_case(case_from_data(data, source="test"))
        decisions += sum(c.clinician_decision is not None for c in review.courses)
        _check(review)
    assert decisions


@settings(deadline=None, max_examples=100)
@given(raw_cases())
def test_any_review_writes_every_field_of_its_objects(data: dict[str, Any]) -> None:
    _check(review_case(case_from_data(exact(data))))
