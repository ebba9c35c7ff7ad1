"""The case format ``il2-case/1`` as pydantic models: to say what is wrong, and the JSON Schema.

The program reads cases as the Structs of :mod:`il2tui.case.model`, without pydantic.
When one refuses a file, :func:`refusal` validates it again here, for the message
people read (field path, what is wrong, the value found); ``il2 schema`` prints these
models' JSON Schema. Each model takes its docstring (the schema's description) from
its Struct; the fields, defaults and limits are the same (a test compares them, and
that both accept the same files with the same values).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

import msgspec
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    WithJsonSchema,
)

from il2tui.case import model
from il2tui.case.model import (
    FIRST_DATE,
    FORMAT,
    LAST_DATE,
    MAX_DIAMETER_MM,
    Diagnosis,
    Exclusion,
    Method,
    NonMeasurableStatus,
    PriorTherapy,
    ToxicityCode,
    _diameter,
    _iso_date,
    _plausible_date,
)
from il2tui.core.errors import first_problem

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


#: Each diameter checked, then the pair by the Structs' own rule (both 0 or both above 0).
Pair = Annotated[tuple[Diameter, Diameter], AfterValidator(model.checked_pair)]


#: An empty table as default, made anew for each model (a shared ``{}`` default is deep-copied
#: by pydantic for every evaluation that omits it), and shown in the JSON Schema.
_EMPTY = {"default": {}}


class _Model(BaseModel):
    # Each model's validator is built when first used: a case is validated through
    # ``Case`` alone, so the twelve inner models never need one of their own there.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Patient(_Model):
    __doc__ = model.Patient.__doc__

    diagnosis: Diagnosis
    label: str | None = Field(default=None, max_length=200)
    sex: Literal["male", "female", "other"] | None = None
    age: Annotated[Count, Field(ge=0, le=120)] | None = None
    performance_status: Annotated[Count, Field(ge=0, le=4)] | None = None
    prior_therapy: tuple[PriorTherapy, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()


class Lesion(_Model):
    __doc__ = model.Lesion.__doc__

    id: str = Field(min_length=1, max_length=40)
    site: str = Field(max_length=200)
    method: Method = "ct"


class NonMeasurable(_Model):
    __doc__ = model.NonMeasurable.__doc__

    id: str = Field(min_length=1, max_length=40)
    site: str = Field(max_length=200)
    method: Method = "ct"


class Baseline(_Model):
    __doc__ = model.Baseline.__doc__

    date: IsoDate
    measurements: dict[str, Pair]
    unit: Literal["mm", "cm"] | None = None


class NewLesion(_Model):
    __doc__ = model.NewLesion.__doc__

    site: str = Field(max_length=200)
    diameters: Pair | None = None


class Assessment(_Model):
    __doc__ = model.Assessment.__doc__

    date: IsoDate
    measurements: dict[str, Pair | None] = Field(default_factory=dict, json_schema_extra=_EMPTY)
    new_lesions: tuple[NewLesion, ...] = ()
    non_measurable: dict[str, NonMeasurableStatus] = Field(
        default_factory=dict, json_schema_extra=_EMPTY
    )


class GuidelineVersion(_Model):
    __doc__ = model.GuidelineVersion.__doc__

    id: str = Field(min_length=1, max_length=100)
    version: str = Field(min_length=1, max_length=40)


class Seen(_Model):
    __doc__ = model.Seen.__doc__

    rule: str = Field(min_length=1, max_length=100)
    action: Literal["retreat", "consider_retreat", "consolidate", "stop", "reassess"]
    guideline: GuidelineVersion


class EarlierDecision(_Model):
    __doc__ = model.EarlierDecision.__doc__

    action: Literal["retreat", "stop"]
    reason: str | None = Field(default=None, max_length=2000)
    seen: Seen | None = None


class Decision(EarlierDecision):
    __doc__ = model.Decision.__doc__

    earlier: tuple[EarlierDecision, ...] = Field(default=(), max_length=100)


class Course(_Model):
    __doc__ = model.Course.__doc__

    number: Annotated[Count, Field(ge=1)]
    start: IsoDate
    doses: tuple[Annotated[Count, Field(ge=0, le=15)], ...] | None = Field(
        default=None, max_length=2
    )
    toxicity: tuple[ToxicityCode, ...] = ()
    toxicity_note: str | None = Field(default=None, max_length=2000)
    declined_further: Flag = False
    assessments: tuple[Assessment, ...] = ()
    decision: Decision | None = None


class Case(_Model):
    __doc__ = model.Case.__doc__

    format: Literal["il2-case/1"] = FORMAT
    patient: Patient
    first_dose: IsoDate | None = None
    lesions: tuple[Lesion, ...] = ()
    baseline: Baseline | None = None
    non_measurable: tuple[NonMeasurable, ...] = ()
    courses: tuple[Course, ...] = ()


def refusal(
    kind: type[msgspec.Struct], data: Any, found: msgspec.ValidationError
) -> tuple[str, str]:
    """The field path and what is wrong, for ``data`` that :func:`model.from_data` refused
    as ``kind``: pydantic's account of it, worded for people by :func:`first_problem`.

    Should pydantic accept what the Struct refused (the two disagree: a bug, which the
    tests look for), the Struct's own message is given, so nothing wrong is let through.
    """
    try:
        globals()[kind.__name__].model_validate(data)
    except ValidationError as exc:
        return first_problem(exc, FORMAT)
    return "", f"refused: {found}"
