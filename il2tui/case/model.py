"""The case file, format ``il2-case/1``: one patient's lesions, courses and assessments.

This module holds the pydantic models only; reading, checking and writing live
in :mod:`il2tui.case.files`. The field names are a contract (issue 4, section 1):
fields may be added, the ones here keep their meaning. Diameters are exact
decimals in millimetres; ``[0, 0]`` means the lesion has disappeared and
``null`` (or a missing key) that it was not assessed.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
)

from il2tui.core.exact import canonical

FORMAT = "il2-case/1"

#: The largest diameter accepted, in mm. No measurable metastasis of the series
#: would be near it; a larger value is almost surely a unit slip (cm typed as mm
#: times ten, or a stray digit). Stated in ``guidelines/assumptions.toml``.
MAX_DIAMETER_MM = Decimal(400)
#: The finest diameter accepted: 0.0001 mm. Finer digits cannot come from a
#: measurement, and the bound keeps every product exact in 28 digits.
MAX_DECIMAL_PLACES = 4
_FINEST = Decimal(1).scaleb(-MAX_DECIMAL_PLACES)
#: The dates accepted: any date a course of IL-2 could plausibly carry, with room on
#: both sides; a date outside is a typing slip (and 9999-12-31 + 28 days is no date).
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2199, 12, 31)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

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
NonMeasurableStatus = Literal["present", "absent", "progressed"]


#: Diameters already checked, by value: a batch repeats the same few hundred values, and
#: the check and the written form depend on the value only. Zero is never kept (``0`` and
#: ``-0`` are equal but written apart); the table is emptied when it fills.
_CHECKED: dict[Decimal, Decimal] = {}
_MAX_CHECKED = 8192


def _diameter(value: Any) -> Decimal:
    """One validator for a diameter: a finite JSON number, 0 to 400 mm, at most 4 places.

    A single Python call per diameter keeps loading fast; it refuses text and
    booleans (a JSON number is an ``int`` or an exact ``Decimal`` here), and a
    float from a script is taken with the shortest digits that give it back.
    """
    if type(value) is not Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise ValueError("must be a number of millimetres, not text or true/false")
        value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not value.is_finite():
        raise ValueError("must be a finite number")
    known = _CHECKED.get(value)
    if known is not None:
        return known
    checked = _checked_diameter(value)
    if checked:
        if len(_CHECKED) >= _MAX_CHECKED:
            _CHECKED.clear()
        _CHECKED[value] = checked
    return checked


def _checked_diameter(value: Decimal) -> Decimal:
    """A finite diameter checked against its bounds, in its one written form."""
    if value < 0:
        raise ValueError("must not be negative")
    if value > MAX_DIAMETER_MM:
        raise ValueError(f"is implausibly large: above {MAX_DIAMETER_MM} mm (a unit slip?)")
    if value.quantize(_FINEST) != value:  # exact: the value is at most 400
        raise ValueError(f"has more than {MAX_DECIMAL_PLACES} decimal places")
    # One written form: ``24.000`` (any number of zeros) is 24, ``0e-999999999`` is 0, so
    # the digits and the exponent stay small, products exact and a saved file small.
    return canonical(value.quantize(_FINEST))


def _iso_date(value: Any) -> Any:
    """Accept a date or text ``YYYY-MM-DD``; refuse numbers and timestamps."""
    if isinstance(value, date) and type(value) is date:
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


def _plausible_date(value: date) -> date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(f"must be a date from {FIRST_DATE} to {LAST_DATE}")
    return value


Diameter = Annotated[
    Decimal,
    PlainValidator(_diameter),
    WithJsonSchema(
        {"type": "number", "minimum": 0, "maximum": int(MAX_DIAMETER_MM)},
        mode="validation",
    ),
]
"""A diameter in mm, exactly as written (trailing zeros dropped: ``24.0`` is ``24``)."""

IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    AfterValidator(_plausible_date),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "formatMinimum": FIRST_DATE.isoformat(),
            "formatMaximum": LAST_DATE.isoformat(),
            "description": f"A date written YYYY-MM-DD, from {FIRST_DATE} to {LAST_DATE}.",
        },
        mode="validation",
    ),
]
"""A calendar date, written ``YYYY-MM-DD`` in the file, from 1900-01-01 to 2199-12-31."""

Count = Annotated[int, Field(strict=True)]
Flag = Annotated[bool, Field(strict=True)]


def _both_or_neither(pair: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    if (pair[0] == 0) != (pair[1] == 0):
        raise ValueError("both diameters must be 0 (the lesion has disappeared) or both above 0")
    return pair


Pair = Annotated[tuple[Diameter, Diameter], AfterValidator(_both_or_neither)]


#: An empty table as default, made anew for each model (a shared ``{}`` default is deep-copied
#: by pydantic for every evaluation that omits it), and shown in the JSON Schema.
_EMPTY = {"default": {}}


class _Model(BaseModel):
    # Each model's validator is built when first used: a case is validated through
    # ``Case`` alone, so the twelve inner models never need one of their own there.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Patient(_Model):
    """Who is treated: the diagnosis decides which table of the paper applies."""

    diagnosis: Diagnosis
    """``melanoma`` or ``renal_cell``: the two diagnoses of the series."""
    label: str | None = Field(default=None, max_length=200)
    """A pseudonym; the app never needs a name or a record number."""
    sex: Literal["male", "female", "other"] | None = None
    """As recorded; shown only, never used by a rule."""
    age: Annotated[Count, Field(ge=0, le=120)] | None = None
    """Age in years at the start of course 1."""
    performance_status: Annotated[Count, Field(ge=0, le=4)] | None = None
    """ECOG performance status, 0 to 4."""
    prior_therapy: tuple[PriorTherapy, ...] = ()
    """Treatments before IL-2; prior immunotherapy makes a CR less likely."""
    exclusions: tuple[Exclusion, ...] = ()
    """The series' exclusion criteria that apply to this patient."""


class Lesion(_Model):
    """A baseline lesion followed through the courses."""

    id: str = Field(min_length=1, max_length=40)
    """A short unique id (``L1``), the key of every measurement of this lesion."""
    site: str = Field(max_length=200)
    """Where it is, in the clinician's words."""
    method: Method = "ct"
    """How it is measured; the series used imaging or physical examination."""


class NonMeasurable(_Model):
    """Disease present at baseline that cannot be measured (bone, effusion, marrow ...).

    It has no diameters and no place in the SPD, but a CR needs it gone and its
    unequivocal progression is PD (issue 11).
    """

    id: str = Field(min_length=1, max_length=40)
    """A short id, unique together with the lesions' ids (``N1``)."""
    site: str = Field(max_length=200)
    """Where it is, in the clinician's words."""
    method: Method = "ct"
    """How it is followed (a bone scan is ``other``)."""


class Baseline(_Model):
    """The measurements before course 1."""

    date: IsoDate
    """The date of the baseline evaluation."""
    measurements: dict[str, Pair]
    """Lesion id to its two perpendicular diameters in mm, both above 0."""
    unit: Literal["mm", "cm"] | None = None
    """The unit the clinician typed the diameters in (they are stored in mm); the assistant
    reads every restaging in it too."""


class NewLesion(_Model):
    """A lesion not present at baseline: progression under the stated assumption."""

    site: str = Field(max_length=200)
    """Where it appeared."""
    diameters: Pair | None = None
    """Its two diameters in mm, when measured; shown only (it is not in the SPD)."""


class Assessment(_Model):
    """One restaging evaluation after a course."""

    date: IsoDate
    """The date of the restaging evaluation."""
    measurements: dict[str, Pair | None] = Field(default_factory=dict, json_schema_extra=_EMPTY)
    """Lesion id to diameters; ``null`` or a missing id means not assessed, ``[0, 0]`` gone."""
    new_lesions: tuple[NewLesion, ...] = ()
    """Lesions seen for the first time at this evaluation."""
    non_measurable: dict[str, NonMeasurableStatus] = Field(
        default_factory=dict, json_schema_extra=_EMPTY
    )
    """Non-measurable disease id to ``present``, ``absent`` or ``progressed`` (unequivocal
    progression); a missing id is not assessed."""


class GuidelineVersion(_Model):
    """Which guideline a recommendation came from."""

    id: str = Field(min_length=1, max_length=100)
    """The guideline's id."""
    version: str = Field(min_length=1, max_length=40)
    """Its version."""


class Seen(_Model):
    """The recommendation the clinician was shown when deciding."""

    rule: str = Field(min_length=1, max_length=100)
    """The id of the guideline rule that decided."""
    action: Literal["retreat", "consider_retreat", "consolidate", "stop", "reassess"]
    """What it recommended."""
    guideline: GuidelineVersion
    """The guideline's id and version."""


class EarlierDecision(_Model):
    """A decision as it was recorded before the clinician decided again."""

    action: Literal["retreat", "stop"]
    """Give another course, or stop IL-2."""
    reason: str | None = Field(default=None, max_length=2000)
    """Why, in the clinician's words (required by the assistant for an override)."""
    seen: Seen | None = None
    """The recommendation this decision answered (absent in files written before it was
    recorded). When today's recommendation differs, the decision is stale."""


class Decision(EarlierDecision):
    """What the clinician decided after the course's assessment."""

    earlier: tuple[EarlierDecision, ...] = Field(default=(), max_length=100)
    """The decisions this one replaced, oldest first: the record keeps what was answered."""


class Course(_Model):
    """One course of high-dose bolus IL-2: two cycles of up to 15 doses each."""

    number: Annotated[Count, Field(ge=1)]
    """1, 2, 3 ... in order."""
    start: IsoDate
    """The date of the first dose of the course."""
    doses: tuple[Annotated[Count, Field(ge=0, le=15)], ...] | None = Field(
        default=None, max_length=2
    )
    """Doses received in each cycle (at most 15 per cycle, two cycles)."""
    toxicity: tuple[ToxicityCode, ...] = ()
    """Severe toxicities in this course; any of them stops retreatment."""
    toxicity_note: str | None = Field(default=None, max_length=2000)
    """Free text about toxicity, shown as written."""
    declined_further: Flag = False
    """True when the patient refuses or cannot tolerate more IL-2."""
    assessments: tuple[Assessment, ...] = ()
    """The restaging evaluations after this course and before the next, in date order."""
    decision: Decision | None = None
    """What the clinician decided after this course, if recorded."""


class Case(_Model):
    """One patient's case, as stored in an ``il2-case/1`` file."""

    format: Literal["il2-case/1"] = FORMAT
    """The format and its version; a reader refuses any other."""
    patient: Patient
    """Diagnosis and the optional details of the patient."""
    first_dose: IsoDate | None = None
    """Date of the first dose; defaults to the start of course 1."""
    lesions: tuple[Lesion, ...] = ()
    """The baseline lesions; a case being entered may have none yet."""
    baseline: Baseline | None = None
    """The baseline measurements; a case being entered may have none yet."""
    non_measurable: tuple[NonMeasurable, ...] = ()
    """Disease present at baseline that cannot be measured; optional."""
    courses: tuple[Course, ...] = ()
    """The courses given, in order."""

    def first_dose_date(self) -> date | None:
        """The date response durations count from (the paper's convention)."""
        if self.first_dose is not None:
            return self.first_dose
        return self.courses[0].start if self.courses else None
