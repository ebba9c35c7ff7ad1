"""Percentages recomputed from counts, rounded half up as a printed table would be."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def percent(count: int, total: int, places: int = 1) -> Decimal:
    """``count / total`` as a percentage with ``places`` decimals, rounded half up, exactly."""
    if total <= 0:
        raise ValueError("a percentage needs a positive total")
    exact = Fraction(100 * int(count), int(total))
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        quantum, rounding=ROUND_HALF_UP
    )
