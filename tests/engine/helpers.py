"""Small builders for case data, so each test shows only the numbers it is about."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

from il2tui.case.files import case_from_data
from il2tui.case.model import Case
from il2tui.core.jsonio import dumps_exact, loads_exact

START = date(2024, 1, 1)


def case_data(
    baseline: dict[str, list[Any]],
    courses: list[list[dict[str, Any]]] | None = None,
    *,
    diagnosis: str = "renal_cell",
    **patient: Any,
) -> dict[str, Any]:
    """A case as JSON-like data: one course per list of evaluations (measurement maps).

    Each evaluation is a measurement map, or ``{"measurements": ..., "new_lesions": ...}``.
    Course n starts 70 days after course n-1; its evaluations follow every 35 days.
    """
    data: dict[str, Any] = {
        "format": "il2-case/1",
        "patient": {"diagnosis": diagnosis, **patient},
        "lesions": [{"id": key, "site": f"site {key}"} for key in baseline],
        "baseline": {"date": str(START), "measurements": baseline},
        "courses": [],
    }
    day = START + timedelta(days=7)
    for number, evaluations in enumerate(courses or [], start=1):
        course: dict[str, Any] = {"number": number, "start": str(day), "assessments": []}
        for k, evaluation in enumerate(evaluations, start=1):
            found = evaluation if "measurements" in evaluation else {"measurements": evaluation}
            course["assessments"].append({"date": str(day + timedelta(days=35 * k)), **found})
        data["courses"].append(course)
        day += timedelta(days=35 * (len(evaluations) + 1))
    return data


def build(baseline: dict[str, list[Any]], *courses: list[dict[str, Any]], **kw: Any) -> Case:
    """A validated case (see :func:`case_data`)."""
    return case_from_data(_exact(case_data(baseline, list(courses), **kw)))


def _exact(data: dict[str, Any]) -> dict[str, Any]:
    """Floats written in a test become exact decimals, as the file reader gives them."""
    return loads_exact(dumps_exact(copy.deepcopy(data)))


def exact(data: dict[str, Any]) -> dict[str, Any]:
    """Public form of :func:`_exact` for tests that edit raw data."""
    return _exact(data)
