"""A recorded reason to stop, quoted in the ``course_after_stop`` caution, is shown literally.

The reason is the clinician's text; the caution is the engine's. In the text,
Markdown and JSON renderings the reason appears as typed (control characters as
visible escapes, see :mod:`il2tui.core.textsafe`), no text changes the Markdown
report's structure, and the CSV lists the caution by its id only.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from il2tui.case.model import Case, Decision
from il2tui.clinical.review import review_case
from il2tui.core.textsafe import plain
from il2tui.report.to_csv import render_csv
from il2tui.report.to_json import render_json
from il2tui.report.to_markdown import render_markdown
from il2tui.report.to_text import render_text
from tests.hardening.hostile_text import (
    FIXED,
    LIMITS,
    case_with,
    markdown_skeleton,
    markdown_source,
    shown_in_terminal,
)


def _stopped_after_course_1(text: str) -> Case:
    """The hostile demo case, with its first decision turned into "stop" (course 2 follows)."""
    case = case_with(text)
    first = case.courses[0]
    decision = Decision(action="stop", reason=text[: LIMITS["note"]])
    courses = (replace(first, decision=decision), *case.courses[1:])
    return replace(case, courses=courses)


BENIGN = markdown_skeleton(render_markdown(review_case(_stopped_after_course_1("x")), "x"))


def _check(text: str) -> None:
    review = review_case(_stopped_after_course_1(text))
    reason = text[: LIMITS["note"]]
    said = f'The decision after course 1 was to stop IL-2 (reason: "{reason}"), yet course 2'
    out = {
        "text": render_text(review, text),
        "markdown": render_markdown(review, text),
        "json": render_json(review, text),
        "csv": render_csv([(text, review)]),
    }
    for name, output in out.items():
        try:
            shown_in_terminal(output)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from None
    assert f"Caution (course_after_stop): {plain(said)}" in out["text"]
    assert f"Caution (`course_after_stop`): {plain(said)}" in markdown_source(out["markdown"])
    assert markdown_skeleton(out["markdown"]) == BENIGN, "the reason changed the report"
    caution = json.loads(out["json"])["courses"][0]["cautions"][-1]
    assert caution["id"] == "course_after_stop" and caution["text"].startswith(said)
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    assert len(rows) == 4 and rows[0]["cautions"] == "course_after_stop"


@pytest.mark.parametrize("name", FIXED)
def test_a_hostile_reason_to_stop_is_quoted_literally(name: str) -> None:
    _check(FIXED[name])


@settings(deadline=None, max_examples=60)
@given(st.text(min_size=1, max_size=300))
def test_a_generated_reason_to_stop_is_quoted_literally(text: str) -> None:
    _check(text)
