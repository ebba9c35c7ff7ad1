"""The guideline and assumptions files as msgspec reads them (clinical/guideline.py) and as
their pydantic twins read them (clinical/guideline_pydantic.py) agree.

The loader converts with msgspec and hands pydantic only what msgspec refuses (to word
the problem as it always was, or to read what only pydantic accepts). So: the same
fields and defaults; the shipped files never reach pydantic; and for every file changed
in one place, whatever msgspec accepts pydantic accepts with equal values, and the
loader accepts exactly what pydantic accepts, or gives pydantic's path and message.
"""

from __future__ import annotations

import copy
import tomllib
from decimal import Decimal
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from il2tui.clinical import guideline, guideline_pydantic
from il2tui.clinical.guideline import Assumptions, Guideline, GuidelineError, validated
from il2tui.core.resources import read_shipped_text
from il2tui.evidence.sections import section_keys
from tests.twins import assert_same_fields

PAIRS = ["Guideline", "Rule", "Caution", "PatientWarning", "Assumptions", "Assumption"]
FILES: dict[type[Guideline] | type[Assumptions], str] = {
    Guideline: "retreatment.toml",
    Assumptions: "assumptions.toml",
}
WORDS = [
    *("stop", "retreat", "consolidate", "progression", "toxicity", "draft", "retired"),
    *("CR", "PR", "NR", "melanoma", "renal_cell", "surgery", "abc", "abc\n", "ABC", "a b"),
    *("", "a" * 81, "x" * 41, "1", "25", "{tolerance}", "discussion", "not_a_section"),
]
NUMBERS = [Decimal(v) for v in ("0", "-0", "0.0", "24.0", "24.999", "25", "-1", "1E+1")]
SPECIAL = [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("1E-5")]
FACTS = ["course", "state", "rule", "action", "age", "prior_therapy", "min", "max", "x"]
VALUES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(section_keys()),
    st.text(max_size=5),
    st.integers(-2, 30),
    st.booleans(),
    st.sampled_from(NUMBERS + SPECIAL),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(section_keys())), max_size=3),
    st.dictionaries(
        st.sampled_from(FACTS),
        st.one_of(st.integers(0, 5), st.sampled_from(WORDS), st.lists(st.sampled_from(WORDS))),
        max_size=2,
    ),
)


def _data(model: type[Guideline] | type[Assumptions]) -> dict[str, Any]:
    return tomllib.loads(read_shipped_text("guidelines", FILES[model]), parse_float=Decimal)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(value, dict):
        children = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    else:
        return []
    return [p for key, child in children for p in [(*path, key), *_paths(child, (*path, key))]]


def _twin(model: type[msgspec.Struct], data: dict[str, Any]) -> object:
    try:
        return msgspec.to_builtins(guideline_pydantic.checked(model.__name__, data))
    except guideline_pydantic.Refused as refused:
        return (refused.path, refused.message)


def _ours(model: type[Guideline] | type[Assumptions], data: dict[str, Any]) -> object:
    try:
        return msgspec.to_builtins(validated(model, copy.deepcopy(data), "f"))
    except GuidelineError as exc:
        return (exc.path, exc.message)


def _agree(model: type[Guideline] | type[Assumptions], data: dict[str, Any]) -> None:
    twin = _twin(model, copy.deepcopy(data))
    try:
        fast = msgspec.to_builtins(msgspec.convert(copy.deepcopy(data), model))
    except msgspec.ValidationError:
        pass
    else:
        if not isinstance(data.get("growing_lesion_tolerance_pct"), str):
            assert fast == twin
    assert _ours(model, data) == twin


@pytest.mark.parametrize("name", PAIRS)
def test_each_part_has_a_twin_with_the_same_fields_and_defaults(name: str) -> None:
    ours, twin = getattr(guideline, name), getattr(guideline_pydantic, name)
    assert_same_fields(ours, twin)
    assert getattr(ours, "facts", None) == getattr(twin, "facts", None)


@pytest.mark.parametrize("model", list(FILES), ids=lambda m: m.__name__)
def test_a_shipped_file_is_read_by_msgspec_alone_as_pydantic_reads_it(
    model: type[Guideline] | type[Assumptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError(f"the shipped {model.__name__} went to pydantic")

    monkeypatch.setattr(guideline, "_explained", refuse)
    data = _data(model)
    assert msgspec.to_builtins(validated(model, copy.deepcopy(data), "f")) == _twin(model, data)


@pytest.mark.parametrize(
    "value", [*NUMBERS, *SPECIAL, "5", " 5", "1_0", "nan", 5, True, [1]], ids=repr
)
def test_every_tolerance_is_read_as_pydantic_reads_it(value: object) -> None:
    data = _data(Assumptions)
    data["growing_lesion_tolerance_pct"] = value
    _agree(Assumptions, data)


def _edits(document: dict[str, Any], path: tuple[str | int, ...]) -> list[object]:
    """Edits at ``path`` that msgspec and pydantic could read apart: a final line break
    (``$`` of a pattern), an id its list already has, a stop rule without its reason."""
    *parents, last = path
    parent: Any = document
    for key in parents:
        parent = parent[key]
    value = parent[last]
    edits: list[object] = [value + "\n"] if isinstance(value, str) else []
    if last == "id" and len(parents) == 2:
        entries = document[parents[0]]
        edits.append(entries[1 if parents[1] == 0 else 0]["id"])
    if last == "action":
        edits.append("retreat" if value == "stop" else "stop")
    return edits


@pytest.mark.parametrize("model", list(FILES), ids=lambda m: m.__name__)
def test_every_edge_at_every_place_is_read_as_pydantic_reads_it(
    model: type[Guideline] | type[Assumptions],
) -> None:
    shipped = _data(model)
    for path in _paths(shipped):
        for edit in _edits(shipped, path):
            document = copy.deepcopy(shipped)
            *parents, last = path
            parent: Any = document
            for key in parents:
                parent = parent[key]
            parent[last] = edit
            _agree(model, document)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(FILES)), st.data(), VALUES, st.sampled_from(["set", "drop", "add"]))
def test_a_file_changed_in_one_place_is_read_as_pydantic_reads_it(
    model: type[Guideline] | type[Assumptions], data: st.DataObject, value: object, how: str
) -> None:
    document = _data(model)
    path = data.draw(st.sampled_from(_paths(document)))
    *parents, last = path
    parent: Any = document
    for key in parents:
        parent = parent[key]
    if how == "set" or isinstance(parent, list):
        parent[last] = value
    elif how == "drop":
        del parent[last]
    else:
        parent[str(value)] = value
    _agree(model, document)
