"""The case file, format ``il2-case/1``: one patient's lesions, courses and assessments.

This module holds the pydantic models only; reading, checking and writing live
in :mod:`il2tui.caseio`. The field names are a contract (issue 4, section 1):
fields may be added, the ones here keep their meaning. Diameters are exact
decimals in millimetres; ``[0, 0]`` means the lesion has disappeared and
``null`` (or a missing key) that it was not assessed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

FORMAT = "il2-case/1"

#: The largest diameter accepted, in mm. No measurable metastasis of the series
#: would be near it; a larger value is almost surely a unit slip (cm typed as mm
#: times ten, or a stray digit). Stated in ``guidelines/assumptions.json``.
MAX_DIAMETER_MM = Decimal(400)

Diagnosis = Literal["melanoma", "renal_cell"]
ToxicityCode = Literal[
    "intubation", "severe_arrhythmia", "severe_renal_dysfunction", "other_severe"
]
PriorTherapy = Literal["surgery", "chemotherapy", "radiotherapy", "hormonal", "immunotherapy"]
Exclusion = Literal[
    "prior_il2",
    "cns_metastases",
    "cardiac_disease",
    "pulmonary_disease",
    "renal_disease",
    "therapy_within_30_days",
]
Method = Literal["ct", "mri", "xray", "ultrasound", "physical_exam", "other"]

Diameter = Annotated[
    Decimal,
    Field(ge=0, le=MAX_DIAMETER_MM, allow_inf_nan=False, description="A diameter in mm."),
]


def _both_or_neither(pair: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    if (pair[0] == 0) != (pair[1] == 0):
        raise ValueError("both diameters must be 0 (the lesion has disappeared) or both above 0")
    return pair


Pair = Annotated[tuple[Diameter, Diameter], AfterValidator(_both_or_neither)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Patient(_Model):
    """Who is treated: the diagnosis decides which table of the paper applies."""

    diagnosis: Diagnosis
    """``melanoma`` or ``renal_cell``: the two diagnoses of the series."""
    label: str | None = Field(default=None, max_length=200)
    """A pseudonym; the app never needs a name or a record number."""
    sex: Literal["male", "female", "other"] | None = None
    age: int | None = Field(default=None, ge=0, le=120)
    performance_status: int | None = Field(default=None, ge=0, le=4)
    """ECOG performance status, 0 to 4."""
    prior_therapy: tuple[PriorTherapy, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    """The series' exclusion criteria that apply to this patient."""


class Lesion(_Model):
    """A baseline lesion followed through the courses."""

    id: str = Field(min_length=1, max_length=40)
    site: str = Field(max_length=200)
    method: Method = "ct"


class Baseline(_Model):
    """The measurements before course 1."""

    date: date
    measurements: dict[str, Pair]
    """Lesion id to its two perpendicular diameters in mm, both above 0."""


class NewLesion(_Model):
    """A lesion not present at baseline: progression under the stated assumption."""

    site: str = Field(max_length=200)
    diameters: Pair | None = None


class Assessment(_Model):
    """One restaging evaluation after a course."""

    date: date
    measurements: dict[str, Pair | None] = {}
    """Lesion id to diameters; ``null`` or a missing id means not assessed."""
    new_lesions: tuple[NewLesion, ...] = ()


class Decision(_Model):
    """What the clinician decided after the course's assessment."""

    action: Literal["retreat", "stop"]
    reason: str | None = Field(default=None, max_length=2000)


class Course(_Model):
    """One course of high-dose bolus IL-2: two cycles of up to 15 doses each."""

    number: int = Field(ge=1)
    start: date
    doses: tuple[Annotated[int, Field(ge=0, le=15)], ...] | None = Field(default=None, max_length=2)
    """Doses received in each cycle (at most 15 per cycle, two cycles)."""
    toxicity: tuple[ToxicityCode, ...] = ()
    """Severe toxicities in this course; any of them stops retreatment."""
    toxicity_note: str | None = Field(default=None, max_length=2000)
    declined_further: bool = False
    """True when the patient refuses or cannot tolerate more IL-2."""
    assessments: tuple[Assessment, ...] = ()
    decision: Decision | None = None


class Case(_Model):
    """One patient's case, as stored in an ``il2-case/1`` file."""

    format: Literal["il2-case/1"] = FORMAT
    patient: Patient
    first_dose: date | None = None
    """Date of the first dose; defaults to the start of course 1."""
    lesions: tuple[Lesion, ...] = ()
    """The baseline lesions; a case being entered may have none yet."""
    baseline: Baseline | None = None
    """The baseline measurements; a case being entered may have none yet."""
    courses: tuple[Course, ...] = ()

    def first_dose_date(self) -> date | None:
        """The date response durations count from (the paper's convention)."""
        if self.first_dose is not None:
            return self.first_dose
        return self.courses[0].start if self.courses else None
