"""New versions of the case from answered forms, checked by the case model itself.

Each function takes the case and the values of one step and returns a new,
validated :class:`~il2tui.case.model.Case` (a draft: later steps may still be
missing), or raises :class:`~il2tui.case.files.CaseError` with the field path.
These are data edits only; every clinical judgement is the engine's.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import msgspec

from il2tui.case.files import CaseError, case_from_data
from il2tui.case.model import FORMAT, Case, Decision, EarlierDecision, to_data

Pair = tuple[Decimal, Decimal]
_MEASURED = r"^(?:baseline|courses\[\d+\]\.assessments\[\d+\])\.measurements\."
_FIELD_WORDS = [
    (r"^patient\.(\w+)$", "patient, {0}"),
    (r"^baseline\.date$", "Baseline date"),
    (_MEASURED + r"(.+)\[0\]$", "{0}, first diameter"),
    (_MEASURED + r"(.+)\[1\]$", "{0}, second diameter"),
    (_MEASURED + r"(.+)$", "{0}"),
    (r"^lesions\[\d+\]", "baseline lesions"),
    (r"^courses\[(\d+)\]\.assessments\[\d+\]\.date$", "Restaging date"),
    (r"^courses\[(\d+)\]\.start$", "Start date"),
    (r"^courses\[(\d+)\]\.assessments\[\d+\]\.(.*)$", "assessment, {1}"),
    (r"^courses\[(\d+)\]\.(\w+)", "course, {1}"),
]


def dump(case: Case | None) -> dict[str, Any]:
    """The case as plain data to edit (empty for a new case)."""
    if case is None:
        return {"format": FORMAT}
    return _editable(to_data(case))


def _editable(value: Any) -> Any:
    """Tuples (lists in the model) as lists, so that a step can append to them."""
    if isinstance(value, dict):
        return {k: _editable(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_editable(v) for v in value]
    return value


def rebuild(data: dict[str, Any]) -> Case:
    """Validate edited data as a draft case."""
    return case_from_data(data, source="form", draft=True)


def with_patient(case: Case | None, patient: dict[str, Any]) -> Case:
    """The case with the patient's details replaced."""
    return rebuild(dump(case) | {"patient": patient})


def with_baseline(
    case: Case, when: date, lesions: list[dict[str, Any]], pairs: dict, unit: str = "mm"
) -> Case:
    """The case with its lesions and baseline replaced (typed in ``unit``); measurements of
    removed lesions go.

    The screen asks first when that deletes a measurement (:func:`measured_later`).
    """
    baseline = {"date": when, "measurements": pairs} | ({"unit": unit} if unit == "cm" else {})
    data = dump(case) | {"lesions": lesions, "baseline": baseline}
    kept = {lesion["id"] for lesion in lesions}
    for _, found in _restagings(data):
        for lesion_id in set(found) - kept:
            del found[lesion_id]
    return rebuild(data)


def with_non_measurable(case: Case, sites: list[dict[str, Any]]) -> Case:
    """The case with its non-measurable sites replaced (statuses of kept sites stay)."""
    return rebuild(dump(case) | {"non_measurable": sites})


def measured_later(case: Case | None, kept: Collection[str]) -> dict[str, list[int]]:
    """The lesions of ``case`` not ``kept`` that a restaging measured (``null`` is not a
    measurement), in the case's order: for each, the course number of every such restaging."""
    data = dump(case)
    found: dict[str, list[int]] = {}
    for number, measurements in _restagings(data):
        for lesion_id, pair in measurements.items():
            if lesion_id not in kept and pair is not None:
                found.setdefault(lesion_id, []).append(number)
    order = [lesion["id"] for lesion in data.get("lesions", [])]
    return {lesion_id: found[lesion_id] for lesion_id in order if lesion_id in found}


def _restagings(data: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each restaging of the case's data: its course number and its measurements (editable)."""
    for course in data.get("courses", []):
        for assessment in course.get("assessments", []):
            yield course["number"], assessment.setdefault("measurements", {})


def with_course(case: Case, number: int, values: dict[str, Any]) -> Case:
    """The case with course ``number`` added or its details replaced (assessments kept)."""
    data = dump(case)
    courses = data.setdefault("courses", [])
    if number <= len(courses):
        courses[number - 1] |= values
    else:
        courses.append({"number": number, **values})
    return rebuild(data)


def with_assessment(case: Case, number: int, index: int, assessment: dict[str, Any]) -> Case:
    """Course ``number`` with assessment ``index`` added or replaced.

    A decision that records what it answered (``seen``) stays: if the changed
    measurements change the recommendation, the review marks it stale and the
    assistant asks for it again, with the first answer kept. A decision that does not
    say what it answered is cleared when the measurements change, since nothing could
    tell whether it still holds.
    """
    data = dump(case)
    course = data["courses"][number - 1]
    found = course.setdefault("assessments", [])
    found[index : index + 1] = [assessment]
    edited = rebuild(data)
    if edited.courses[number - 1].assessments == case.courses[number - 1].assessments:
        return case
    if "seen" in course.get("decision", {}):
        return edited
    course.pop("decision", None)
    return rebuild(data)


def with_decision(case: Case, number: int, decision: Decision) -> Case:
    """Course ``number`` with the clinician's decision recorded.

    A decision that replaces a different one keeps it in ``earlier``: the record says
    what was answered then. The same answer given again changes nothing.
    """
    old = case.courses[number - 1].decision
    history = old.earlier if old is not None else ()
    if old is not None and not _same_answer(old, decision):
        fields = EarlierDecision.__struct_fields__  # all but ``earlier``
        history += (EarlierDecision(**{k: getattr(old, k) for k in fields}),)
    data = dump(case)
    new = msgspec.structs.replace(decision, earlier=history)
    data["courses"][number - 1]["decision"] = to_data(new)
    return rebuild(data)


def _same_answer(old: EarlierDecision, new: EarlierDecision) -> bool:
    """The same decision (a file that did not record what was seen gains it, no more)."""
    seen = old.seen is None or old.seen == new.seen
    return seen and (old.action, old.reason) == (new.action, new.reason)


def describe(error: CaseError) -> str:
    """A checking error in the words of the form: which field, and what is wrong."""
    for pattern, words in _FIELD_WORDS:
        match = re.match(pattern, error.path)
        if match:
            return f"{words.format(*match.groups())}: {error.message}"
    return f"{error.path}: {error.message}" if error.path else error.message
