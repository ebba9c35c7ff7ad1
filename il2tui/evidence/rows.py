"""One row of each data file, as a frozen msgspec ``Struct``: a typo fails loudly at load.

:mod:`il2tui.evidence.loader` converts each row with ``msgspec.convert``; a row it refuses
is explained by its pydantic twin in :mod:`il2tui.evidence.rows_pydantic` (imported only
then), which gives today's message. The loader hands msgspec only what it reads as
pydantic does (no text with spaces around it, whole numbers in plain digits), and a row
it refuses that the twin accepts is made from the twin's values;
``tests/evidence/test_rows_agree.py`` checks that the two agree.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from il2tui.evidence.answer import Diagnosis, StateAfter, StateBefore

DiagnosisOrTotal = Literal["melanoma", "renal_cell", "total"]
Count = Annotated[int, msgspec.Meta(ge=0)]
Course = Annotated[int, msgspec.Meta(ge=1, le=4)]
Text = Annotated[str, msgspec.Meta(min_length=1)]

# Each pattern is pydantic's with ``\A`` and ``\Z`` for ``^`` and ``$``: pydantic's regex
# engine ends ``$`` at the end of the text, Python's also before a final line break.
Printed = Annotated[str, msgspec.Meta(pattern=r"\A\d+\.\d\Z")]
Name = Annotated[str, msgspec.Meta(pattern=r"\A[a-z0-9_]+\Z")]
Key = Annotated[str, msgspec.Meta(pattern=r"\A[a-z0-9_.]+\Z")]
Pages = Annotated[str, msgspec.Meta(pattern=r"\A\d{4}(-\d{4})?\Z")]
DiscrepancyId = Annotated[str, msgspec.Meta(pattern=r"\AD\d+\Z")]


class _Row(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    pass


class Provenance(_Row, kw_only=True):
    """Where a count stands in the paper: table number, row and column labels."""

    table: Literal["1", "2", "3", "4", "5"]
    row_label: Text
    column_label: Text


class CharacteristicRow(Provenance, kw_only=True):
    """Table 1: a patient characteristic, its count and the percentage printed."""

    characteristic: Text
    group: Text
    diagnosis: DiagnosisOrTotal
    patients: Count
    percent_printed: Annotated[int, msgspec.Meta(ge=0, le=100)]


class ResponseRow(Provenance, kw_only=True):
    """Table 2: responses by diagnosis; a blank percentage was not printed."""

    diagnosis: DiagnosisOrTotal
    measure: Literal["patients", "CR", "PR", "responses"]
    patients: Count
    percent_printed: Printed | None = None


class TransitionRow(Provenance, kw_only=True):
    """Tables 3 and 4: patients in one state before a course and one state after it."""

    diagnosis: Diagnosis
    course: Course
    state_before: StateBefore
    state_after: StateAfter
    patients: Count


class TreatedRow(Provenance, kw_only=True):
    """Tables 3 and 4: the printed number treated with a course (``all`` = the n)."""

    diagnosis: Diagnosis
    course: Course
    state_before: Literal["all", "NR", "MR", "PR", "CR"]
    patients: Count


class DiscontinuationRow(Provenance, kw_only=True):
    """Table 5: patients who stopped after a number of courses, by reason."""

    reason: Literal["progression", "toxicity", "death", "complete_response", "other"]
    courses_completed: Course
    patients: Count
    placement: Literal["printed", "inferred"]
    """``inferred`` when the scan lost the cell's column (see discrepancy D3)."""


class FactRow(_Row, kw_only=True):
    """A figure stated only in the text, with the section it comes from."""

    id: Name
    diagnosis: Literal["melanoma", "renal_cell", "all"]
    value: Text
    unit: Text
    section: Text
    statement: Text


class TempoTextRow(_Row, kw_only=True):
    """A count the text states about Tables 3 and 4, checked against them in the audit."""

    diagnosis: Diagnosis
    course: Course
    state_before: StateBefore
    treated: Count
    state_after: Literal["NR", "MR", "PR", "CR", "objective"]
    patients: Count
    section: Text


class SectionRow(_Row, kw_only=True):
    """A part of the paper and its page(s), for citations."""

    key: Key
    label: Text
    pages: Pages


class Side(_Row, kw_only=True):
    """One side of a discrepancy: what a part of the paper says."""

    source: str
    claim: str
    value: int | str


class DiscrepancyRow(_Row, kw_only=True):
    """One internal contradiction (or gap) of the paper, with the arithmetic."""

    id: DiscrepancyId
    kind: Literal["contradiction", "tension", "rounding", "gap", "reading", "wording"]
    title: str
    sides: Annotated[tuple[Side, ...], msgspec.Meta(min_length=1)]
    arithmetic: str
    app_action: str
    affects: tuple[str, ...] = ()
