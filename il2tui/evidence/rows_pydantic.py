"""The rows of :mod:`il2tui.evidence.rows` as pydantic models, to explain a refused row.

Imported only when the fast path refuses a row (a shipped file never is): the message
names the field and the input as pydantic words it. Each class has the name, fields and
defaults of its twin in ``rows``; ``tests/evidence/test_rows_agree.py`` checks it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from il2tui.evidence.answer import Diagnosis, StateAfter, StateBefore

DiagnosisOrTotal = Literal["melanoma", "renal_cell", "total"]
Count = int


class _Row(BaseModel):
    # Each row model's validator is built when a row of its file is first refused.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Provenance(_Row):
    """Where a count stands in the paper: table number, row and column labels."""

    table: Literal["1", "2", "3", "4", "5"]
    row_label: str = Field(min_length=1)
    column_label: str = Field(min_length=1)


class CharacteristicRow(Provenance):
    """Table 1: a patient characteristic, its count and the percentage printed."""

    characteristic: str = Field(min_length=1)
    group: str = Field(min_length=1)
    diagnosis: DiagnosisOrTotal
    patients: Count = Field(ge=0)
    percent_printed: int = Field(ge=0, le=100)


class ResponseRow(Provenance):
    """Table 2: responses by diagnosis; a blank percentage was not printed."""

    diagnosis: DiagnosisOrTotal
    measure: Literal["patients", "CR", "PR", "responses"]
    patients: Count = Field(ge=0)
    percent_printed: str | None = Field(default=None, pattern=r"^\d+\.\d$")


class TransitionRow(Provenance):
    """Tables 3 and 4: patients in one state before a course and one state after it."""

    diagnosis: Diagnosis
    course: int = Field(ge=1, le=4)
    state_before: StateBefore
    state_after: StateAfter
    patients: Count = Field(ge=0)


class TreatedRow(Provenance):
    """Tables 3 and 4: the printed number treated with a course (``all`` = the n)."""

    diagnosis: Diagnosis
    course: int = Field(ge=1, le=4)
    state_before: Literal["all", "NR", "MR", "PR", "CR"]
    patients: Count = Field(ge=0)


class DiscontinuationRow(Provenance):
    """Table 5: patients who stopped after a number of courses, by reason."""

    reason: Literal["progression", "toxicity", "death", "complete_response", "other"]
    courses_completed: int = Field(ge=1, le=4)
    patients: Count = Field(ge=0)
    placement: Literal["printed", "inferred"]
    """``inferred`` when the scan lost the cell's column (see discrepancy D3)."""


class FactRow(_Row):
    """A figure stated only in the text, with the section it comes from."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    diagnosis: Literal["melanoma", "renal_cell", "all"]
    value: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    section: str = Field(min_length=1)
    statement: str = Field(min_length=1)


class TempoTextRow(_Row):
    """A count the text states about Tables 3 and 4, checked against them in the audit."""

    diagnosis: Diagnosis
    course: int = Field(ge=1, le=4)
    state_before: StateBefore
    treated: Count = Field(ge=0)
    state_after: Literal["NR", "MR", "PR", "CR", "objective"]
    patients: Count = Field(ge=0)
    section: str = Field(min_length=1)


class SectionRow(_Row):
    """A part of the paper and its page(s), for citations."""

    key: str = Field(pattern=r"^[a-z0-9_.]+$")
    label: str = Field(min_length=1)
    pages: str = Field(pattern=r"^\d{4}(-\d{4})?$")


class Side(_Row):
    """One side of a discrepancy: what a part of the paper says."""

    source: str
    claim: str
    value: int | str


class DiscrepancyRow(_Row):
    """One internal contradiction (or gap) of the paper, with the arithmetic."""

    id: str = Field(pattern=r"^D\d+$")
    kind: Literal["contradiction", "tension", "rounding", "gap", "reading", "wording"]
    title: str
    sides: tuple[Side, ...] = Field(min_length=1)
    arithmetic: str
    app_action: str
    affects: tuple[str, ...] = ()


def checked(model: str, data: object) -> dict[str, Any]:
    """The values of a row as the model ``model`` (a class name) validates them.

    A refused row raises ``ValueError("field F: message (found X)")``, naming the first
    problem as pydantic words it.
    """
    try:
        return globals()[model].model_validate(data).model_dump()  # type: ignore[no-any-return]
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        field = ".".join(str(part) for part in error["loc"]) or "(row)"
        raise ValueError(f"field {field}: {error['msg']} (found {error.get('input')!r})") from None
