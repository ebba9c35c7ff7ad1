"""A decision records the recommendation it answered; when today's differs it is stale, and
every output says so (issue 13, point 2)."""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import pytest

from il2tui.case.files import case_from_data
from il2tui.clinical.review import review_case
from il2tui.report.to_csv import render_csv
from il2tui.report.to_json import render_json
from il2tui.report.to_markdown import render_markdown
from il2tui.report.to_text import render_text
from tests.tui import cases

CHANGED = (
    "the recommendation changed since this decision (was consider another course, rule "
    "first_course_no_objective_response, now give another course, rule objective_response)"
)


def _review(data: dict[str, Any]):  # type: ignore[no-untyped-def]
    return review_case(case_from_data(data, source="test"))


def _with_seen(seen: dict[str, Any] | None) -> dict[str, Any]:
    """The stale case with its decision's ``seen`` replaced (``None``: not recorded)."""
    data = copy.deepcopy(cases.STALE)
    decision = data["courses"][0]["decision"]
    decision.pop("seen")
    if seen is not None:
        decision["seen"] = seen
    return data


@pytest.mark.parametrize(
    ("seen", "stale"),
    [
        # The restaging is a PR (-65.9%): today the rule objective_response says retreat.
        ({"rule": "objective_response", "action": "retreat"}, False),
        ({"rule": "first_course_no_objective_response", "action": "consider_retreat"}, True),
        ({"rule": "objective_response", "action": "consider_retreat"}, True),
        (None, None),
    ],
)
def test_stale_compares_what_was_seen_with_today(seen: dict | None, stale: bool | None) -> None:
    """``stale`` is true when the rule or the action differ, false when both agree, and null
    when the file does not record what was seen."""
    data = _with_seen(None if seen is None else seen | {"guideline": cases.GUIDELINE})
    decision = _review(data).courses[0].clinician_decision
    assert decision is not None
    assert decision.stale is stale
    assert decision.differs is False  # retreat agrees with today's retreat


def test_every_output_says_the_recommendation_changed() -> None:
    """Text, Markdown, JSON and CSV each carry the was/now sentence for the stale decision."""
    review = _review(cases.STALE)
    assert CHANGED in render_text(review, "stale.json")
    markdown = render_markdown(review, "stale.json").replace("\\_", "_")
    assert CHANGED in markdown
    assert "retreat (STALE: the recommendation changed)" in markdown
    decision = json.loads(render_json(review, "stale.json"))["courses"][0]["clinician_decision"]
    assert decision["stale"] is True
    assert decision["seen"] == {
        "rule": "first_course_no_objective_response",
        "action": "consider_retreat",
        "guideline": cases.GUIDELINE,
    }
    assert decision["stale_note"].startswith(CHANGED)
    row = next(csv.DictReader(io.StringIO(render_csv([("stale.json", review)]))))
    assert row["stale"] == "true"
    assert row["stale_note"].startswith(CHANGED)


def test_a_current_decision_says_nothing_changed() -> None:
    """A decision that answered today's recommendation: stale false, no sentence anywhere."""
    seen = {"rule": "objective_response", "action": "retreat", "guideline": cases.GUIDELINE}
    review = _review(_with_seen(seen))
    assert "changed since this decision" not in render_text(review)
    assert "changed since this decision" not in render_markdown(review)
    decision = json.loads(render_json(review))["courses"][0]["clinician_decision"]
    assert (decision["stale"], decision["stale_note"]) == (False, None)


def test_an_old_file_without_seen_stays_valid() -> None:
    """Files written before ``seen`` load and review as before (stale null)."""
    decision = json.loads(render_json(_review(_with_seen(None))))["courses"][0]
    assert decision["clinician_decision"]["stale"] is None
