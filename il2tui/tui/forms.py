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

Unit = Literal["mm", "cm"]
_TEN = Decimal(10)


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
    return plain(value * _TEN if unit == "cm" else value)


def parse_pair(first: str, second: str, unit: Unit, what: str) -> tuple[Decimal, Decimal] | None:
    """Two perpendicular diameters in mm; both blank gives ``None`` (not assessed)."""
    d1 = parse_diameter(first, unit, f"{what}, first diameter")
    d2 = parse_diameter(second, unit, f"{what}, second diameter")
    if d1 is None and d2 is None:
        return None
    if d1 is None or d2 is None:
        raise FieldError(f"{what}: type both diameters, or leave both blank")
    return d1, d2


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form (``100``, not ``1E+2``)."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normal


def show_diameter(value: Decimal | None, unit: Unit) -> str:
    """A stored diameter (mm) as the text to put back in a field typed in ``unit``."""
    if value is None:
        return ""
    shown = value / _TEN if unit == "cm" else value
    return format(plain(shown), "f")
