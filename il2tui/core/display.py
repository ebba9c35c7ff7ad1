"""Numbers for people: areas, diameters and percentage changes, rounded only here.

The criteria compare exact values; this module rounds for display, and never
so that a shown percentage seems to reach a threshold the exact value misses
(a reduction of 49.96% is shown as -49.9%, not -50.0%).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

_TENTH = Decimal("0.1")
#: The signed thresholds of the criteria, in percent: PR, MR (reductions of the
#: SPD) and PD (increase of a lesion on its nadir).
THRESHOLDS_PCT = (-50, -25, 25)


def change_pct(value: Decimal, reference: Decimal) -> Decimal | None:
    """The change from ``reference`` to ``value`` in percent, to one decimal place.

    ``None`` when the reference is 0 (a change from nothing has no percentage).
    """
    if reference == 0:
        return None
    delta = value - reference
    shown = (delta * 100 / reference).quantize(_TENTH, ROUND_HALF_UP)
    # Rounding moves a value by under 0.05, so it can only seem to reach a
    # threshold the exact value misses by landing on the threshold itself.
    if shown in THRESHOLDS_PCT and not _exactly_reaches(delta, reference, int(shown)):
        return _toward_zero(delta, reference)
    return shown


def _exactly_reaches(delta: Decimal, reference: Decimal, limit: int) -> bool:
    if limit < 0:
        return delta * 100 <= limit * reference
    return delta * 100 >= limit * reference


def _toward_zero(delta: Decimal, reference: Decimal) -> Decimal:
    tenths = Fraction(delta) * 1000 / Fraction(reference)
    return (Decimal(int(tenths)) / 10).quantize(_TENTH, ROUND_DOWN)


_ZERO = Decimal(0)


def pct(value: Decimal | None) -> str:
    """``-50.0%``, ``+12.5%``, ``0.0%``; an em dash when there is no value."""
    if value is None:
        return "—"
    # str() rather than an f-string: a Decimal's __format__ writes the same (str's) at
    # a quarter of the speed; and a Decimal compared with a Decimal, at half the time.
    return ("+" if value > _ZERO else "") + str(value) + "%"


@lru_cache(maxsize=8192, typed=True)
def date_text(value: date) -> str:
    """``2024-01-08``: what ``f"{value}"`` writes, remembered (a review writes the same
    few dates many times, and writing a date in an f-string takes some 0.8 µs)."""
    return str(value)


def area(value: Decimal | None) -> str:
    """An area in mm² with thousands separators and its exact digits: ``1,037.4 mm²``."""
    return "—" if value is None else f"{number(value)} mm²"


#: Each decimal already written, by its ``str()``: a batch of reviews writes the same few
#: thousand products and sums again and again (formatting a decimal was a sixth of a text
#: review). Keyed by ``str()``, which fixes a decimal's sign, digits and exponent and so how
#: it is written, and costs less than a decimal's hash: most are new objects (a product, a
#: sum), whose hash is computed afresh (some 700 ns against 300). The table is emptied
#: when it fills.
_WRITTEN: dict[str, str] = {}
_MAX_WRITTEN = 8192


def number(value: Decimal) -> str:
    """An exact decimal without trailing zeros, with thousands separators."""
    key = str(value)
    text = _WRITTEN.get(key)
    if text is None:
        if len(_WRITTEN) >= _MAX_WRITTEN:
            _WRITTEN.clear()
        text = _WRITTEN[key] = _number(value)
    return text


def _number(value: Decimal) -> str:
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def diameters(pair: tuple[Decimal, Decimal]) -> str:
    """``24 × 20`` (mm)."""
    return f"{number(pair[0])} × {number(pair[1])}"
