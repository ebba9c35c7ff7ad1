"""What a clinician types, read strictly: dates, whole numbers and diameters.

Each parser returns the value or raises :class:`FieldError` with a sentence for
the form. Diameters are read as exact decimals and stored in millimetres; a
value typed in centimetres is multiplied by ten exactly (2.45 cm is 24.5 mm).
No clinical rule lives here: this is data entry only.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Literal

from il2tui.core.exact import canonical as plain

Unit = Literal["mm", "cm"]
_TEN = Decimal(10)
#: Diameters are at most 400 mm and 4 decimal places (:mod:`il2tui.case.model`).
MAX_DECIMAL_PLACES = 4
_FINEST = Decimal(1).scaleb(-MAX_DECIMAL_PLACES)
#: A typed value of a million or more is refused before it is multiplied or rounded.
_LARGEST_EXPONENT = 5


class FieldError(ValueError):
    """A value the form cannot accept, with what to type instead."""


def parse_date(text: str, what: str = "the date") -> date:
    """``YYYY-MM-DD`` as a date."""
    raw = text.strip()
    if not raw:
        raise FieldError(f"{what} is required (YYYY-MM-DD)")
    try:
        if len(raw) != 10:
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise FieldError(f"{what}: type a date as YYYY-MM-DD") from None


def parse_count(text: str, what: str, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high``; blank gives ``None``."""
    raw = text.strip()
    if not raw:
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise FieldError(f"{what}: type a whole number from {low} to {high}")
    return int(raw)


def parse_diameter(text: str, unit: Unit, what: str) -> Decimal | None:
    """A diameter typed in ``unit``, in mm; blank gives ``None``."""
    raw = text.strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise FieldError(f"{what}: type a number of {unit}") from None
    if not value.is_finite() or value < 0:
        raise FieldError(f"{what}: type a number of {unit}, 0 or more")
    if value.adjusted() > _LARGEST_EXPONENT:  # said before any arithmetic on it
        raise FieldError(f"{what}: {raw} {unit} is implausibly large (at most 400 mm)")
    mm = _times_ten(value) if unit == "cm" else value
    if mm.quantize(_FINEST) != mm:  # exact: mm is below a million
        raise FieldError(f"{what}: type at most {MAX_DECIMAL_PLACES} decimal places of mm")
    return plain(mm)


def _times_ten(value: Decimal) -> Decimal:
    """``value`` × 10 exactly, however many digits it has (no context rounding)."""
    sign, digits, exponent = value.as_tuple()
    return Decimal((sign, digits, int(exponent) + 1))


def parse_pair(first: str, second: str, unit: Unit, what: str) -> tuple[Decimal, Decimal] | None:
    """Two perpendicular diameters in mm; both blank gives ``None`` (not assessed)."""
    d1 = parse_diameter(first, unit, f"{what}, first diameter")
    d2 = parse_diameter(second, unit, f"{what}, second diameter")
    if d1 is None and d2 is None:
        return None
    if d1 is None or d2 is None:
        raise FieldError(f"{what}: type both diameters, or leave both blank")
    return d1, d2


def show_diameter(value: Decimal | None, unit: Unit) -> str:
    """A stored diameter (mm) as the text to put back in a field typed in ``unit``."""
    if value is None:
        return ""
    shown = value / _TEN if unit == "cm" else value
    return format(plain(shown), "f")
