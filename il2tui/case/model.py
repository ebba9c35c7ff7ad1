"""The case file, format ``il2-case/1``: one patient's lesions, courses and assessments.

This module holds the case as the program uses it: frozen msgspec Structs, read from
parsed JSON by :func:`from_data` in C, with one Python call per pair of diameters and
per date. Reading, checking and writing files live in :mod:`il2tui.case.files`. The
same format as pydantic models, in :mod:`il2tui.case.checked`, is loaded only to say
what is wrong with a refused file and to write the JSON Schema; a test keeps the two
in step (same fields, defaults and limits; the same files accepted, with the same
values). The field names are a contract (issue 4, section 1): fields may be added, the
ones here keep their meaning. Diameters are exact decimals in millimetres; ``[0, 0]``
means the lesion has disappeared and ``null`` (or a missing key) that it was not
assessed.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import msgspec
from msgspec import Meta

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


class PairError(ValueError):
    """What is wrong with a pair of diameters: ``index`` names the diameter (0 or 1; ``None``
    for the pair as a whole) and ``found`` the value refused."""

    def __init__(self, message: str, index: int | None, found: object) -> None:
        super().__init__(message)
        self.index, self.found = index, found


_EXACT_NUMBERS = frozenset({int, Decimal})
_GONE = (Decimal(0), Decimal(0))


def checked_pair(values: Any) -> tuple[Decimal, Decimal]:
    """Two diameters in mm, each in its one written form: both 0 (the lesion has
    disappeared) or both above 0. Raises :class:`PairError`.

    Two values already checked (never zero, so both above 0) are looked up at once; an
    ``int`` finds the ``Decimal`` of the same value (equal numbers hash alike).
    """
    if type(values) in (list, tuple) and len(values) == 2:
        first, second = values
        if type(first) in _EXACT_NUMBERS and type(second) in _EXACT_NUMBERS:
            try:
                known = _CHECKED.get(first), _CHECKED.get(second)
            except TypeError:  # a signalling NaN cannot be hashed: checked below
                known = None, None
            if known[0] is not None and known[1] is not None:
                return known  # type: ignore[return-value]
            if type(first) is int is type(second) and first == 0 == second:
                return _GONE  # [0, 0] as JSON writes it: the lesion has disappeared
    return _checked_pair(values)


def _checked_pair(values: Any) -> tuple[Decimal, Decimal]:
    if type(values) not in (list, tuple) or len(values) != 2:
        raise PairError("must be a pair of diameters", None, values)
    pair = []
    for index, value in enumerate(values):
        try:
            pair.append(_diameter(value))
        except ValueError as exc:
            raise PairError(str(exc), index, value) from None
    if (pair[0] == 0) != (pair[1] == 0):
        raise PairError(BOTH_OR_NEITHER, None, tuple(pair))
    return pair[0], pair[1]


BOTH_OR_NEITHER = "both diameters must be 0 (the lesion has disappeared) or both above 0"


def _pairs(table: dict[str, Any]) -> None:
    """Check every pair of a table of measurements, writing each in its one form."""
    for key, value in table.items():
        if value is not None:
            table[key] = checked_pair(value)


def _in_range(*days: date | None) -> None:
    for day in days:
        if day is not None:
            _plausible_date(day)


if TYPE_CHECKING:
    Pair = tuple[Decimal, Decimal]
else:
    # Read as two values of any type, then checked by :func:`checked_pair` as the Struct is made: a
    # ``Decimal`` field would take the text "24" for 24 mm, which the format refuses.
    Pair = tuple[Any, Any]

#: A calendar date, written ``YYYY-MM-DD`` in the file, from 1900-01-01 to 2199-12-31
#: (checked as each part is made). Named apart from the field ``date`` it types.
IsoDate = date

Id = Annotated[str, Meta(min_length=1, max_length=40)]
Dose = Annotated[int, Meta(ge=0, le=15)]
Text = Annotated[str, Meta(max_length=200)]
Note = Annotated[str, Meta(max_length=2000)]
M = TypeVar("M", bound="_Model")
_ENCODE = msgspec.json.Encoder().encode


class _Model(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A part of a case: immutable; a change is a new object (:func:`msgspec.structs.replace`)."""


def from_data(kind: type[M], data: Any) -> M:
    """``data`` (parsed JSON, or the same built by the assistant) as ``kind``.

    Raises :class:`msgspec.ValidationError` when anything is wrong; the message for
    people comes from :mod:`il2tui.case.checked`. Text that is not Unicode (a lone
    surrogate, which JSON can write as ``\\ud800``) is refused too, as pydantic does:
    msgspec's encoder, in C, refuses it anywhere in the data.
    """
    try:
        _ENCODE(data)
    except UnicodeEncodeError:
        raise msgspec.ValidationError("text that is not Unicode (a lone surrogate)") from None
    except TypeError:
        pass  # a value JSON has no form for: the conversion names it
    return msgspec.convert(data, kind)


def to_data(value: Any) -> Any:
    """A part of a case as plain data (dicts, tuples, exact decimals, dates): a field that is
    ``None`` is left out, a ``null`` in a table of measurements (not assessed) is kept."""
    if isinstance(value, msgspec.Struct):
        found = ((k, getattr(value, k)) for k in value.__struct_fields__)
        return {k: to_data(v) for k, v in found if v is not None}
    if isinstance(value, tuple):
        return tuple(to_data(v) for v in value)
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    return value


class Patient(_Model, kw_only=True):
    """Who is treated: the diagnosis decides which table of the paper applies."""

    diagnosis: Diagnosis
    """``melanoma`` or ``renal_cell``: the two diagnoses of the series."""
    label: Text | None = None
    """A pseudonym; the app never needs a name or a record number."""
    sex: Literal["male", "female", "other"] | None = None
    """As recorded; shown only, never used by a rule."""
    age: Annotated[int, Meta(ge=0, le=120)] | None = None
    """Age in years at the start of course 1."""
    performance_status: Annotated[int, Meta(ge=0, le=4)] | None = None
    """ECOG performance status, 0 to 4."""
    prior_therapy: tuple[PriorTherapy, ...] = ()
    """Treatments before IL-2; prior immunotherapy makes a CR less likely."""
    exclusions: tuple[Exclusion, ...] = ()
    """The series' exclusion criteria that apply to this patient."""


class Lesion(_Model, kw_only=True):
    """A baseline lesion followed through the courses."""

    id: Id
    """A short unique id (``L1``), the key of every measurement of this lesion."""
    site: Text
    """Where it is, in the clinician's words."""
    method: Method = "ct"
    """How it is measured; the series used imaging or physical examination."""


class NonMeasurable(_Model, kw_only=True):
    """Disease present at baseline that cannot be measured (bone, effusion, marrow ...).

    It has no diameters and no place in the SPD, but a CR needs it gone and its
    unequivocal progression is PD (issue 11).
    """

    id: Id
    """A short id, unique together with the lesions' ids (``N1``)."""
    site: Text
    """Where it is, in the clinician's words."""
    method: Method = "ct"
    """How it is followed (a bone scan is ``other``)."""


class Baseline(_Model, kw_only=True):
    """The measurements before course 1."""

    date: IsoDate
    """The date of the baseline evaluation."""
    measurements: dict[str, Pair]
    """Lesion id to its two perpendicular diameters in mm, both above 0."""
    unit: Literal["mm", "cm"] | None = None
    """The unit the clinician typed the diameters in (they are stored in mm); the assistant
    reads every restaging in it too."""

    def __post_init__(self) -> None:
        _in_range(self.date)
        _pairs(self.measurements)


class NewLesion(_Model, kw_only=True):
    """A lesion not present at baseline: progression under the stated assumption."""

    site: Text
    """Where it appeared."""
    diameters: Pair | None = None
    """Its two diameters in mm, when measured; shown only (it is not in the SPD)."""

    def __post_init__(self) -> None:
        if self.diameters is not None:
            msgspec.structs.force_setattr(self, "diameters", checked_pair(self.diameters))


class Assessment(_Model, kw_only=True):
    """One restaging evaluation after a course."""

    date: IsoDate
    """The date of the restaging evaluation."""
    measurements: dict[str, Pair | None] = {}
    """Lesion id to diameters; ``null`` or a missing id means not assessed, ``[0, 0]`` gone."""
    new_lesions: tuple[NewLesion, ...] = ()
    """Lesions seen for the first time at this evaluation."""
    non_measurable: dict[str, NonMeasurableStatus] = {}
    """Non-measurable disease id to ``present``, ``absent`` or ``progressed`` (unequivocal
    progression); a missing id is not assessed."""

    def __post_init__(self) -> None:
        _in_range(self.date)
        _pairs(self.measurements)


class GuidelineVersion(_Model, kw_only=True):
    """Which guideline a recommendation came from."""

    id: Annotated[str, Meta(min_length=1, max_length=100)]
    """The guideline's id."""
    version: Annotated[str, Meta(min_length=1, max_length=40)]
    """Its version."""


class Seen(_Model, kw_only=True):
    """The recommendation the clinician was shown when deciding."""

    rule: Annotated[str, Meta(min_length=1, max_length=100)]
    """The id of the guideline rule that decided."""
    action: Literal["retreat", "consider_retreat", "consolidate", "stop", "reassess"]
    """What it recommended."""
    guideline: GuidelineVersion
    """The guideline's id and version."""


class EarlierDecision(_Model, kw_only=True):
    """A decision as it was recorded before the clinician decided again."""

    action: Literal["retreat", "stop"]
    """Give another course, or stop IL-2."""
    reason: Note | None = None
    """Why, in the clinician's words (required by the assistant for an override)."""
    seen: Seen | None = None
    """The recommendation this decision answered (absent in files written before it was
    recorded). When today's recommendation differs, the decision is stale."""


class Decision(EarlierDecision, kw_only=True):
    """What the clinician decided after the course's assessment."""

    earlier: Annotated[tuple[EarlierDecision, ...], Meta(max_length=100)] = ()
    """The decisions this one replaced, oldest first: the record keeps what was answered."""


class Course(_Model, kw_only=True):
    """One course of high-dose bolus IL-2: two cycles of up to 15 doses each."""

    number: Annotated[int, Meta(ge=1)]
    """1, 2, 3 ... in order."""
    start: IsoDate
    """The date of the first dose of the course."""
    doses: Annotated[tuple[Dose, ...], Meta(max_length=2)] | None = None
    """Doses received in each cycle (at most 15 per cycle, two cycles)."""
    toxicity: tuple[ToxicityCode, ...] = ()
    """Severe toxicities in this course; any of them stops retreatment."""
    toxicity_note: Note | None = None
    """Free text about toxicity, shown as written."""
    declined_further: bool = False
    """True when the patient refuses or cannot tolerate more IL-2."""
    assessments: tuple[Assessment, ...] = ()
    """The restaging evaluations after this course and before the next, in date order."""
    decision: Decision | None = None
    """What the clinician decided after this course, if recorded."""

    def __post_init__(self) -> None:
        _in_range(self.start)


class Case(_Model, kw_only=True):
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

    def __post_init__(self) -> None:
        _in_range(self.first_dose)

    def first_dose_date(self) -> date | None:
        """The date response durations count from (the paper's convention)."""
        if self.first_dose is not None:
            return self.first_dose
        return self.courses[0].start if self.courses else None
