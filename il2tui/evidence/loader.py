"""Read the shipped data files and validate every row; a bad cell names file, row and field.

Rows are converted by msgspec (no pydantic on a review's path). A row the fast path
refuses is handed to its pydantic twin (:mod:`il2tui.evidence.rows_pydantic`, imported
only then), which either explains it with today's message or accepts it (the fast path
is the stricter: ``007`` for 7, a cell with spaces around it), and then its values are
the row.
"""

from __future__ import annotations

import csv
import io
import json
import re
import typing
from functools import cache

import msgspec

from il2tui.core.resources import read_shipped_text
from il2tui.evidence import rows as r

Row = msgspec.Struct
#: A whole number as the fast path takes it from a cell (pydantic's ``1e3`` is no number).
PLAIN_INT = re.compile(r"-?[0-9]+")


class EvidenceDataError(ValueError):
    """A data file of the evidence base does not match its schema."""


class DataFile(msgspec.Struct, frozen=True):
    """One file under ``data/`` and the model of its rows."""

    name: str
    model: type[Row]


FILES: dict[str, DataFile] = {
    "characteristics": DataFile("table1_characteristics.csv", r.CharacteristicRow),
    "response": DataFile("table2_response.csv", r.ResponseRow),
    "tempo_melanoma": DataFile("table3_melanoma.csv", r.TransitionRow),
    "tempo_renal_cell": DataFile("table4_renal_cell.csv", r.TransitionRow),
    "treated": DataFile("tempo_treated.csv", r.TreatedRow),
    "discontinuation": DataFile("table5_discontinuation.csv", r.DiscontinuationRow),
    "facts": DataFile("facts.csv", r.FactRow),
    "tempo_text": DataFile("tempo_text.csv", r.TempoTextRow),
    "sections": DataFile("sections.csv", r.SectionRow),
    "discrepancies": DataFile("discrepancies.json", r.DiscrepancyRow),
}


def parse_rows(name: str, text: str, model: type[Row]) -> tuple[Row, ...]:
    """Validate the rows of one file's text; errors say ``file, row N (line L), field F``."""
    if name.endswith(".json"):
        return _parse_json(name, text, model)
    reader = csv.DictReader(io.StringIO(text))
    unknown = set(reader.fieldnames or ()) - set(model.__struct_fields__)
    if unknown:
        raise EvidenceDataError(f"data/{name}: unknown column(s) {sorted(unknown)}")
    whole = whole_number_fields(model)
    out = []
    for index, raw in enumerate(reader, start=1):
        if None in raw:
            raise EvidenceDataError(
                f"data/{name}, row {index} (line {reader.line_num}): too many cells"
            )
        data = {k: v for k, v in raw.items() if v not in ("", None)}
        out.append(row(name, f"row {index} (line {reader.line_num})", data, model, whole))
    if not out:
        raise EvidenceDataError(f"data/{name}: no rows")
    return tuple(out)


def _parse_json(name: str, text: str, model: type[Row]) -> tuple[Row, ...]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvidenceDataError(f"data/{name}: not valid JSON ({exc})") from None
    items = document.get("discrepancies") if isinstance(document, dict) else None
    if not isinstance(items, list) or not items:
        raise EvidenceDataError(f"data/{name}: expected a non-empty 'discrepancies' list")
    return tuple(
        item(name, f"entry {i} ({entry.get('id', '?')})", entry, model)
        for i, entry in enumerate(items, start=1)
    )


@cache
def whole_number_fields(model: type[Row]) -> frozenset[str]:
    """The fields of ``model`` that hold a whole number."""
    return frozenset(
        field.name
        for field in msgspec.structs.fields(model)
        if int in (field.type, *typing.get_args(field.type))
    )


def _plain_cells(data: dict[str, str], whole: frozenset[str]) -> bool:
    """True when msgspec reads the cells as pydantic does: no spaces around a cell (which
    pydantic strips), whole numbers in plain digits."""
    return all(v == v.strip() for v in data.values()) and all(
        PLAIN_INT.fullmatch(data[k]) for k in whole & data.keys()
    )


def _stripped(value: object) -> bool:
    """True when no text in ``value`` has spaces around it (pydantic would strip them)."""
    if isinstance(value, str):
        return value == value.strip()
    if isinstance(value, list):
        return all(map(_stripped, value))
    if isinstance(value, dict):
        return all(map(_stripped, value.values()))
    return True


def row(
    name: str, where: str, data: dict[str, str], model: type[Row], whole: frozenset[str]
) -> Row:
    """One row of a CSV file (its non-blank cells) as ``model``; ``whole``: its fields that
    hold a whole number."""
    return _validate(name, where, data, model, _plain_cells(data, whole), strict=False)


def item(name: str, where: str, data: object, model: type[Row]) -> Row:
    """One entry of a JSON file as ``model``."""
    return _validate(name, where, data, model, _stripped(data))


def _validate(
    name: str, where: str, data: object, model: type[Row], quick: bool, strict: bool = True
) -> Row:
    if quick:
        try:
            return msgspec.convert(data, model, strict=strict)
        except msgspec.ValidationError:
            pass
    return _explained(name, where, data, model)


def _explained(name: str, where: str, data: object, model: type[Row]) -> Row:
    """The row as pydantic reads it, or its problem as pydantic words it."""
    from il2tui.evidence.rows_pydantic import checked

    try:
        values = checked(model.__name__, data)
    except ValueError as exc:
        raise EvidenceDataError(f"data/{name}, {where}, {exc}") from None
    return msgspec.convert(values, model)  # the Struct takes pydantic's values: test_rows_agree


@cache
def load(key: str) -> tuple[Row, ...]:
    """The validated rows of one shipped data file, read once."""
    spec = FILES[key]
    return parse_rows(spec.name, read_shipped_text("data", spec.name), spec.model)
