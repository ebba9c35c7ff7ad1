"""Exact decimal arithmetic for the criteria: products, sums and threshold tests.

Diameters have at most 4 decimal places and at most 400 mm, so every product
and sum fits in far fewer digits than the context holds; the context traps any
rounding anyway, so an inexact result raises instead of deciding a category.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded

_EXACT = Context(prec=60, traps=[Inexact, Rounded, InvalidOperation, Overflow])
ZERO = Decimal(0)
_ONE = Decimal(1)


def canonical(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form (``100``, not ``1E+2``).

    For a value with few digits (a checked diameter has at most 7): the context's
    precision is never reached, so nothing is rounded.
    """
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(_ONE) if isinstance(exponent, int) and exponent > 0 else normal


def mul(d1: Decimal, d2: Decimal) -> Decimal:
    """``d1 × d2``, exactly."""
    return _EXACT.multiply(d1, d2)


def add(values: Iterable[Decimal]) -> Decimal:
    """The exact sum."""
    total = ZERO
    for value in values:
        total = _EXACT.add(total, value)
    return total


def reaches_reduction(value: Decimal, reference: Decimal, pct: int) -> bool:
    """True when ``value`` is at least ``pct`` percent below ``reference``.

    Exactly: ``100 × (reference - value) >= pct × reference``.
    """
    drop = _EXACT.subtract(reference, value)
    return _EXACT.multiply(drop, 100) >= _EXACT.multiply(reference, pct)


def reaches_increase(value: Decimal, reference: Decimal, pct: int) -> bool:
    """True when ``value`` is at least ``pct`` percent above ``reference``.

    Exactly: ``100 × (value - reference) >= pct × reference``.
    """
    rise = _EXACT.subtract(value, reference)
    return _EXACT.multiply(rise, 100) >= _EXACT.multiply(reference, pct)


def exceeds(value: Decimal, reference: Decimal, pct: Decimal) -> bool:
    """True when ``value`` is more than ``pct`` percent above ``reference`` (strictly).

    Exactly: ``100 × value > (100 + pct) × reference``; with ``pct`` 0, ``value > reference``.
    """
    return _EXACT.multiply(value, 100) > _EXACT.multiply(reference, _EXACT.add(pct, 100))
