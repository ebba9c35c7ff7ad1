"""Hostile text in a case is shown literally by every engine output and message.

For the fixed list of issue 6 and for generated text, in the text, Markdown,
JSON and CSV renderings (the Markdown is also the assistant's exported report):
no exception, no character that acts on a terminal, the text as typed (control
characters as visible escapes, see :mod:`il2tui.core.textsafe`), and a Markdown
report whose structure no text can change.
"""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from il2tui.clinical.review import review_case
from il2tui.core.textsafe import markdown, plain, spreadsheet
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

BENIGN = markdown_skeleton(render_markdown(review_case(case_with("x")), "x"))


def _renderings(text: str) -> dict[str, str]:
    case = case_with(text)
    before = copy.deepcopy(case)
    review = review_case(case)
    out = {
        "text": render_text(review, text),
        "markdown": render_markdown(review, text),
        "json": render_json(review, text),
        "csv": render_csv([(text, review)]),
    }
    assert case == before, "rendering changed the case"
    return out


def _check_all(text: str) -> None:
    out = _renderings(text)
    for name, output in out.items():
        try:
            shown_in_terminal(output)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from None
    _check_text(out["text"], text)
    _check_markdown(out["markdown"], text)
    _check_json(out["json"], text)
    _check_csv(out["csv"], text)


def _typed(text: str) -> list[str]:
    """Each free-text field as it should be shown: the whole text, and its cut forms."""
    return [plain(text), plain(text[: LIMITS["note"]]), plain(text[: LIMITS["id"]])]


def _check_text(output: str, text: str) -> None:
    for shown in _typed(text):
        assert shown in output
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')  # the label's end is unambiguous
    assert f'Patient: "{plain(escaped)}"' in output
    assert f"Review of {plain(text)}" in output


def _check_markdown(output: str, text: str) -> None:
    readable = markdown_source(output)
    for shown in _typed(text):
        assert shown in readable
    assert f"# Review of {plain(text)}" in readable
    assert markdown_skeleton(output) == BENIGN, "the text changed the report's structure"


def _check_json(output: str, text: str) -> None:
    data = json.loads(output)
    assert (data["source"], data["label"]) == (text, text)
    assert {lesion["site"] for lesion in data["baseline"]} == {text}
    assert {lesion["id"][: -len("~0")] for lesion in data["baseline"]} == {text[: LIMITS["id"]]}
    reasons = {c["clinician_decision"]["reason"] for c in data["courses"]}
    assert reasons == {text[: LIMITS["note"]]}


def _check_csv(output: str, text: str) -> None:
    """The cell is the text as shown, with a quote in front exactly when it starts a formula
    (the literal cases are in test_csv_formulas.py)."""
    rows = list(csv.DictReader(io.StringIO(output)))
    assert len(rows) == 4, "a line break in the text split a row"
    shown = plain(text)
    cell = "'" + shown if shown[:1] in ("=", "+", "-", "@") else shown
    assert {(row["source"], row["label"]) for row in rows} == {(cell, cell)}


@pytest.mark.parametrize("name", FIXED)
def test_fixed_hostile_text_is_shown_literally(name: str) -> None:
    _check_all(FIXED[name])


@settings(deadline=None, max_examples=150)
@given(st.text(min_size=1, max_size=300))
@example("&#32;")  # found by hypothesis: a typed "&#32;" must not come back as a space
@example("  &#32; x")  # leading spaces (the renderer's &#32;) next to typed ones
def test_generated_text_is_shown_literally(text: str) -> None:
    _check_all(text)


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=" &#32;\\-+=>1.)`*_[]<>|~x", max_size=30) | st.text(max_size=30))
@example("&#32;")
@example("\\&#32;")
def test_the_markdown_helper_undoes_only_what_the_renderer_adds(text: str) -> None:
    """The checks above read Markdown through ``markdown_source``: it must give back the
    text exactly as typed (a typed ``&#32;`` or backslash included), or they test nothing."""
    assert markdown_source(markdown(text)) == plain(text)


PIECES = st.sampled_from(sorted(FIXED.values())) | st.text(max_size=5)


@settings(deadline=None, max_examples=100)
@given(st.lists(PIECES, min_size=2).map("".join).filter(bool))
def test_hostile_pieces_joined_are_shown_literally(text: str) -> None:
    """Sequences cut and joined: an escape split by other text, markup around an escape."""
    _check_all(text)


def test_the_fixed_list_is_escaped_as_the_readme_says() -> None:
    """The visible forms the README names, byte for byte."""
    assert plain(FIXED["ANSI CSI"]) == "\\x1b[31mred\\x1b[0m\\x1b[2J\\x1b[H"
    assert plain(FIXED["C1 CSI 0x9b"]) == "\\x9b31mred\\x9b0m"
    assert plain(FIXED["OSC 52 clipboard"]) == "\\x1b]52;c;cm0gLXJmIH4K\\x07"
    assert plain(FIXED["right-to-left override"]) == "liver \\u202eright\\u202c"
    assert plain("a\nb\tc") == "a\\x0ab\\x09c"
    for name in ("rich bold", "textual action", "wide", "combining", "no-break space"):
        assert plain(FIXED[name]) == FIXED[name]
    assert spreadsheet(FIXED["formula"]) == '\'=HYPERLINK("https://example.org","x")'
