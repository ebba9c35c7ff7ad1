"""Read the shipped data files and validate every row; a bad cell names file, row and field."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ValidationError

from il2tui.core.resources import read_shipped_text
from il2tui.evidence import rows as r


class EvidenceDataError(ValueError):
    """A data file of the evidence base does not match its schema."""


@dataclass(frozen=True)
class DataFile:
    """One file under ``data/`` and the model of its rows."""

    name: str
    model: type[BaseModel]


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


def parse_rows(name: str, text: str, model: type[BaseModel]) -> tuple[BaseModel, ...]:
    """Validate the rows of one file's text; errors say ``file, row N (line L), field F``."""
    if name.endswith(".json"):
        return _parse_json(name, text, model)
    reader = csv.DictReader(io.StringIO(text))
    unknown = set(reader.fieldnames or ()) - set(model.model_fields)
    if unknown:
        raise EvidenceDataError(f"data/{name}: unknown column(s) {sorted(unknown)}")
    out = []
    for index, raw in enumerate(reader, start=1):
        if None in raw:
            raise EvidenceDataError(
                f"data/{name}, row {index} (line {reader.line_num}): too many cells"
            )
        data = {k: v for k, v in raw.items() if v not in ("", None)}
        out.append(_validate(name, f"row {index} (line {reader.line_num})", data, model))
    if not out:
        raise EvidenceDataError(f"data/{name}: no rows")
    return tuple(out)


def _parse_json(name: str, text: str, model: type[BaseModel]) -> tuple[BaseModel, ...]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvidenceDataError(f"data/{name}: not valid JSON ({exc})") from None
    items = document.get("discrepancies") if isinstance(document, dict) else None
    if not isinstance(items, list) or not items:
        raise EvidenceDataError(f"data/{name}: expected a non-empty 'discrepancies' list")
    return tuple(
        _validate(name, f"entry {i} ({item.get('id', '?')})", item, model)
        for i, item in enumerate(items, start=1)
    )


def _validate(name: str, where: str, data: object, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        field = ".".join(str(part) for part in error["loc"]) or "(row)"
        raise EvidenceDataError(
            f"data/{name}, {where}, field {field}: {error['msg']} (found {error.get('input')!r})"
        ) from None


@cache
def load(key: str) -> tuple[BaseModel, ...]:
    """The validated rows of one shipped data file, read once."""
    spec = FILES[key]
    return parse_rows(spec.name, read_shipped_text("data", spec.name), spec.model)
