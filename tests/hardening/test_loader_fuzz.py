"""Generated input at the loader: a valid case or the project's own error, nothing else.

Four sources of input: arbitrary JSON, arbitrary text, arbitrary bytes in a
file, and near-valid cases (the demo case with one field, anywhere in it,
replaced by arbitrary JSON, removed, or joined by an unknown one). A case that
loads must also review and render; an error must be one line naming the file.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from il2tui.case.demo import demo_case_text
from il2tui.case.files import CaseError, dump_case, load_case, parse_case
from il2tui.case.model import Case
from il2tui.case.rules import consistency_problems
from il2tui.clinical.review import review_case
from il2tui.report.to_json import render_json
from il2tui.report.to_markdown import render_markdown
from il2tui.report.to_text import render_text

SOURCE = "fuzz.json"
DEMO: dict[str, Any] = json.loads(demo_case_text())
FIELDS = ["format", "patient", "first_dose", "lesions", "baseline", "courses"]

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.decimals(allow_nan=False).map(float)
    | st.text(max_size=12)
    | st.sampled_from(["2024-01-01", "2024-02-30", "L1", "il2-case/1", "melanoma", ""])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=25,
)


def _outcome(load: Any) -> Case | CaseError:
    """Run ``load``; anything but a case or a :class:`CaseError` fails the test."""
    try:
        case = load()
    except CaseError as error:
        line = str(error)
        assert line.startswith(f"{error.source}: "), line
        assert "\n" not in line and len(line) < 600, line
        return error
    assert isinstance(case, Case)
    assert list(consistency_problems(case)) == [], "an inconsistent case was loaded"
    assert parse_case(dump_case(case)) == case, "the case does not survive saving"
    review = review_case(case)
    for render in (render_text, render_markdown, render_json):
        render(review, SOURCE)
    return case


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document, the document itself included."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


PLACES = _paths(DEMO)


def _mutated(place: tuple[Any, ...], how: str, value: Any) -> Any:
    """The demo case with the node at ``place`` replaced, removed or given a sibling."""
    document = copy.deepcopy(DEMO)
    if not place:
        return value
    parent = document
    for key in place[:-1]:
        parent = parent[key]
    if how == "remove":
        del parent[place[-1]]
    elif how == "add" and isinstance(parent, dict):
        parent["unexpected"] = value
    else:
        parent[place[-1]] = value
    return document


@settings(deadline=None, max_examples=400)
@given(st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=6))
def test_generated_json_gives_a_case_or_a_case_error(fields: dict[str, Any]) -> None:
    _outcome(lambda: parse_case(json.dumps({"format": "il2-case/1", **fields}), source=SOURCE))


@settings(deadline=None, max_examples=600)
@given(st.sampled_from(PLACES), st.sampled_from(["replace", "remove", "add"]), JSON)
def test_a_near_valid_case_gives_a_case_or_a_case_error(
    place: tuple[Any, ...], how: str, value: Any
) -> None:
    """One field of a valid case changed to anything: no crash, ever."""
    document = _mutated(place, how, value)
    _outcome(lambda: parse_case(json.dumps(document), source=SOURCE))


@settings(deadline=None, max_examples=300)
@given(st.text(max_size=200) | st.sampled_from([demo_case_text()[:n] for n in range(0, 400, 7)]))
def test_any_text_gives_a_case_or_a_case_error(text: str) -> None:
    _outcome(lambda: parse_case(text, source=SOURCE))


@settings(
    deadline=None, max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_any_bytes_in_a_file_give_a_case_or_a_case_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(content)
    outcome = _outcome(lambda: load_case(path))
    if isinstance(outcome, CaseError):
        assert outcome.source == str(path)
    assert path.read_bytes() == content
