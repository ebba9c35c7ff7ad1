"""The case as Structs (what the program reads) and as pydantic models (what explains a
refused file and writes the JSON Schema) are one format: same fields, same defaults, the
same data accepted, with the same values."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from il2tui.case import checked, model
from il2tui.case.demo import demo_case_text
from il2tui.core.jsonio import JSONInputError, loads_exact
from tests.twins import assert_same_fields

STRUCTS = [
    value
    for value in vars(model).values()
    if isinstance(value, type) and issubclass(value, model._Model) and value is not model._Model
]


def test_every_struct_has_its_pydantic_model_with_the_same_fields_and_defaults() -> None:
    assert len(STRUCTS) == 12
    for struct in STRUCTS:
        pydantic_model = getattr(checked, struct.__name__)
        assert struct.__struct_fields__ == tuple(pydantic_model.model_fields), struct
        assert_same_fields(struct, pydantic_model)
        assert pydantic_model.__doc__ == struct.__doc__


def _both(data: Any) -> tuple[Any, Any]:
    """What each model makes of ``data``: its plain data, or ``None`` when refused."""
    try:
        fast = model.to_data(model.from_data(model.Case, data))
    except msgspec.ValidationError:
        fast = None
    try:
        slow = checked.Case.model_validate(data).model_dump(mode="python", exclude_none=True)
    except ValidationError:
        slow = None
    return fast, slow


def _fixtures() -> list[Any]:
    found = [loads_exact(demo_case_text())]
    for path in sorted(Path(__file__).parents[1].rglob("*.json")):
        try:
            data = loads_exact(path.read_text(encoding="utf-8"))
        except (JSONInputError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and isinstance(data.get("case"), dict):
            data = data["case"]  # a golden case: its title, why and expected outputs around it
        if isinstance(data, dict) and data.get("format") == model.FORMAT:
            found.append(data)
    return found


FIXTURES = _fixtures()


def test_the_case_files_of_the_tests_are_read_alike() -> None:
    assert len(FIXTURES) > 10
    for data in FIXTURES:
        fast, slow = _both(data)
        assert fast == slow


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the data that holds a value (keys of objects, items of lists)."""
    found = [at] if at else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*at, index))
    return found


ODD = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            False,
            0,
            -0,
            1,
            2,
            15,
            16,
            120,
            121,
            400,
            401,
            -1,
            1.5,
            0.1,
            1e300,
            Decimal("-0"),
            Decimal("0.00"),
            Decimal("24.0000"),
            Decimal("24.00001"),
            Decimal("400.0001"),
            Decimal("1E+2"),
            Decimal("0E-999999"),
            Decimal("NaN"),
            "",
            "x",
            "24",
            "2024-01-01",
            "2024-02-30",
            "1899-12-31",
            "2200-01-01",
            "2024-1-1",
            "2024-01-01T00:00",
            "\ud800",
            "x" * 41,
            "x" * 201,
            "melanoma",
            "renal_cell",
            "ct",
            "present",
            "absent",
            "progressed",
            "retreat",
            "stop",
            "mm",
            "cm",
            "male",
            [],
            [0, 0],
            [0, 5],
            [24, 18],
            [24],
            [24, 18, 3],
            ["24", 18],
            [True, 1],
            {},
            {"x": 1},
            date(2024, 1, 1),
        ]
    ),
    st.text(max_size=3),
    st.integers(-3, 500),
    st.decimals(min_value=-1, max_value=500, places=5, allow_nan=False),
)


def _change(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    data = copy.deepcopy(data)
    *parents, last = path
    holder = data
    for step in parents:
        holder = holder[step]
    if action == "set":
        holder[last] = value
    elif action == "drop" and isinstance(holder, dict):
        del holder[last]
    elif action == "add" and isinstance(holder, dict):
        holder["extra" if isinstance(value, str | None) else "L9"] = value
    return data


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_any_change_to_a_case_is_accepted_or_refused_alike(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from(FIXTURES))
    paths = _paths(base)
    path = data.draw(st.sampled_from(paths))
    action = data.draw(st.sampled_from(["set", "set", "drop", "add"]))
    changed = _change(base, path, action, data.draw(ODD))
    fast, slow = _both(changed)
    assert fast == slow


@pytest.mark.parametrize(
    ("values", "index"), [([Decimal("sNaN"), 1], 0), ((1, Decimal("Infinity")), 1), ([0, "0"], 1)]
)
def test_a_pair_that_cannot_be_a_measurement_is_refused_with_the_diameter_named(
    values: Any, index: int
) -> None:
    with pytest.raises(model.PairError) as caught:
        model.checked_pair(values)
    assert caught.value.index == index
