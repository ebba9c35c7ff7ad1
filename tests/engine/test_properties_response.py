"""Properties of the paper's response definitions (issue 11), on generated cases."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from il2tui.case.files import case_from_data
from il2tui.clinical.confirm import RANK
from il2tui.clinical.criteria import classify_case
from il2tui.clinical.review import review_case
from il2tui.clinical.state import standing
from tests.engine.helpers import exact
from tests.engine.test_properties import PROPERTIES, raw_cases


def _evaluations(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [found for course in data["courses"] for found in course["assessments"]]


def _product(pair: list[Decimal]) -> Decimal:
    return pair[0] * pair[1]


@PROPERTIES
@given(raw_cases())
def test_a_growing_lesion_never_yields_a_pr(data: dict) -> None:
    """Every PR evaluation has each lesion at or below its nadir so far, worked out here
    from the raw diameters (the paper's PR: no new or growing lesion)."""
    nadir = {k: _product(v) for k, v in data["baseline"]["measurements"].items()}
    results = [a for c in classify_case(case_from_data(exact(data))) for a in c]
    for found, result in zip(_evaluations(data), results, strict=True):
        products = {k: _product(v) for k, v in found["measurements"].items() if v is not None}
        if result.response == "PR" and not result.after_progression:
            assert all(p <= nadir[k] for k, p in products.items()), (products, nadir)
            assert not found["new_lesions"]
        for key, value in products.items():
            nadir[key] = min(nadir[key], value)


def _verdicts(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    review = review_case(case_from_data(exact(data)))
    return [a.response for c in review.courses for a in c.assessments] + [
        (c.state, c.best_response, c.recommendation.action, c.recommendation.rule)
        for c in review.courses
    ]


@PROPERTIES
@given(raw_cases(), st.data())
def test_omitting_a_new_lesion_at_a_later_look_changes_nothing(
    data: dict, draw: st.DataObject
) -> None:
    """A new lesion is part of the disease from where it appears: a later look listing it
    again or not gives the same categories, states and recommendations."""
    looks = _evaluations(data)
    if len(looks) < 2:
        return
    first = draw.draw(st.integers(0, len(looks) - 2))
    looks[first]["new_lesions"] = [{"site": "new", "diameters": None}]
    later = draw.draw(st.integers(first + 1, len(looks) - 1))
    listed = copy.deepcopy(data)
    _evaluations(listed)[later]["new_lesions"] = [{"site": "new", "diameters": None}]
    omitted = copy.deepcopy(data)
    _evaluations(omitted)[later]["new_lesions"] = []
    assert _verdicts(omitted) == _verdicts(listed)


@PROPERTIES
@given(raw_cases(missing=False), st.data())
def test_omitting_a_lesion_never_improves_the_best_response(
    data: dict, draw: st.DataObject
) -> None:
    """Leaving a lesion (or a new lesion) out of an evaluation never makes the best response
    that counts, as of that evaluation, any better."""
    looks = _evaluations(data)
    if not looks:
        return
    index = draw.draw(st.integers(0, len(looks) - 1))
    omitted = copy.deepcopy(data)
    found = _evaluations(omitted)[index]
    if found["new_lesions"] and draw.draw(st.booleans()):
        found["new_lesions"] = []
    else:
        found["measurements"][draw.draw(st.sampled_from(sorted(found["measurements"])))] = None

    def best(case: dict) -> str | None:
        results = [a for c in classify_case(case_from_data(exact(case))) for a in c]
        return standing(results[: index + 1]).best

    full, partial = best(data), best(omitted)
    assert RANK[partial or "NE"] <= RANK[full or "NE"], (full, partial)


@PROPERTIES
@given(raw_cases())
def test_evaluations_after_a_pd_never_change_the_recommendation_at_the_pd_course(
    data: dict,
) -> None:
    looks = _evaluations(data)
    review = review_case(case_from_data(exact(data)))
    flat = [a for c in review.courses for a in c.assessments]
    pd = next((i for i, a in enumerate(flat) if a.response == "PD"), None)
    if pd is None:
        return
    course = flat[pd].course
    cut = copy.deepcopy(data)
    kept = 0
    for c in cut["courses"]:
        room = max(0, pd + 1 - kept)
        kept += len(c["assessments"])
        c["assessments"] = c["assessments"][:room]
    assert sum(len(c["assessments"]) for c in cut["courses"]) == pd + 1 <= len(looks)
    before = review.courses[course - 1].recommendation
    after = review_case(case_from_data(exact(cut))).courses[course - 1].recommendation
    assert (after.action, after.stop_reason, after.rule) == (
        before.action,
        before.stop_reason,
        before.rule,
    )
    assert before.rule == "progression" or before.stop_reason in ("toxicity", "declined")
