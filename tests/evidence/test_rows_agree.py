"""The rows msgspec reads (evidence/rows.py) and their pydantic twins (rows_pydantic.py)
agree: the same fields and defaults, and the loader accepts a row exactly when pydantic
does, with pydantic's values, or refuses it with pydantic's words.

The loader converts with msgspec and hands pydantic only what msgspec refuses, so the
property that matters is: whatever msgspec accepts, pydantic accepts with equal values.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from il2tui.core.resources import read_shipped_text
from il2tui.evidence import loader, rows, rows_pydantic
from il2tui.evidence.loader import FILES, EvidenceDataError
from tests.twins import assert_same_fields

CLASSES = [
    name
    for name, value in vars(rows).items()
    if isinstance(value, type)
    and issubclass(value, msgspec.Struct)
    and value.__module__ == rows.__name__
]
CSV_FILES = sorted(key for key, spec in FILES.items() if spec.name.endswith(".csv"))
#: Cells that msgspec and pydantic read differently, or that sit at a constraint's edge.
EDGES = [
    *("007", "1e3", "+3", "-0", "3.0", "1_000", " 3", "3 ", "\u0663", "0x10", "-1", "0"),
    *("100", "101", "4", "5", "12.3", "12.3\n", "\uff11\uff12.3", "D1", "d1", "table4 "),
    *("melanoma", "melanoma ", "renal_cell", "total", "all", "NR", "CR", "objective"),
    *("1956", "1957-1958", "1957-58", "results.tempo", "A_key", "x\n", "\t", ""),
]


def _shipped(key: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(read_shipped_text("data", FILES[key].name)))
    return [{k: v for k, v in raw.items() if v} for raw in reader]


def _twin(model: type[msgspec.Struct], data: object) -> dict[str, Any] | str:
    """pydantic's values for the row, or its words for the problem."""
    try:
        return rows_pydantic.checked(model.__name__, data)
    except ValueError as exc:
        return str(exc)


def _ours(key: str, data: dict[str, str]) -> dict[str, Any] | str:
    model = FILES[key].model
    try:
        row = loader.row("f", "here", data, model, loader.whole_number_fields(model))
    except EvidenceDataError as exc:
        return str(exc).removeprefix("data/f, here, ")
    return msgspec.to_builtins(row)


def _fast(key: str, data: dict[str, str]) -> dict[str, Any] | None:
    """msgspec's values for what the loader hands it, or ``None``."""
    model = FILES[key].model
    if not loader._plain_cells(data, loader.whole_number_fields(model)):
        return None
    try:
        return msgspec.to_builtins(msgspec.convert(data, model, strict=False))
    except msgspec.ValidationError:
        return None


@pytest.mark.parametrize("name", CLASSES)
def test_each_row_has_a_twin_with_the_same_fields_and_defaults(name: str) -> None:
    assert_same_fields(getattr(rows, name), getattr(rows_pydantic, name))


@pytest.mark.parametrize("key", sorted(FILES))
def test_every_shipped_row_is_read_by_msgspec_alone_as_pydantic_reads_it(
    key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError(f"a shipped row of {key} went to pydantic: {args}")

    monkeypatch.setattr(loader, "_explained", refuse)
    spec = FILES[key]
    text = read_shipped_text("data", spec.name)
    parsed = loader.parse_rows(spec.name, text, spec.model)
    data = json.loads(text)["discrepancies"] if spec.name.endswith(".json") else _shipped(key)
    assert [msgspec.to_builtins(r) for r in parsed] == [
        msgspec.to_builtins(_twin(spec.model, d)) for d in data
    ]


def _agree(key: str, row: dict[str, str]) -> None:
    twin = _twin(FILES[key].model, row)
    fast = _fast(key, row)
    if fast is not None:
        assert fast == msgspec.to_builtins(twin), row
    assert _ours(key, row) == (twin if isinstance(twin, str) else msgspec.to_builtins(twin))


@pytest.mark.parametrize("key", CSV_FILES)
def test_every_edge_in_every_column_is_read_as_pydantic_reads_it(key: str) -> None:
    first = _shipped(key)[0]
    for column in [*FILES[key].model.__struct_fields__, "extra"]:
        for cell in EDGES:
            row = dict(first)
            if cell:
                row[column] = cell
            else:
                row.pop(column, None)
            _agree(key, row)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CSV_FILES),
    st.data(),
    st.one_of(st.sampled_from(EDGES), st.text(max_size=8)),
)
def test_a_changed_cell_is_read_as_pydantic_reads_it(
    key: str, data: st.DataObject, cell: str
) -> None:
    shipped = _shipped(key)
    row = dict(data.draw(st.sampled_from(shipped)))
    column = data.draw(st.sampled_from([*FILES[key].model.__struct_fields__, "extra"]))
    if cell:
        row[column] = cell
    else:
        row.pop(column, None)
    _agree(key, row)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(0, 12),
    st.sampled_from(["id", "kind", "title", "sides", "arithmetic", "app_action", "affects", "x"]),
    st.one_of(
        st.sampled_from(EDGES),
        st.text(max_size=6),
        st.integers(-3, 3),
        st.booleans(),
        st.floats(allow_nan=False),
        st.lists(st.sampled_from(EDGES), max_size=2),
        st.just([{"source": "a", "claim": "b", "value": 3.0}]),
        st.just([{"source": " a", "claim": "b", "value": True}]),
        st.just([{"source": "a", "claim": "b", "value": "3", "x": 1}]),
        st.none(),
    ),
)
def test_a_changed_discrepancy_is_read_as_pydantic_reads_it(
    index: int, field: str, value: object
) -> None:
    entry = json.loads(read_shipped_text("data", FILES["discrepancies"].name))["discrepancies"][
        index
    ]
    if value is None:
        entry.pop(field, None)
    else:
        entry[field] = value
    model = FILES["discrepancies"].model
    twin = _twin(model, entry)
    try:
        ours: object = msgspec.to_builtins(loader.item("f", "here", entry, model))
    except EvidenceDataError as exc:
        ours = str(exc).removeprefix("data/f, here, ")
    assert ours == (twin if isinstance(twin, str) else msgspec.to_builtins(twin))
