"""Restaging values that look typed in cm while the form reads mm: a hint, never a change.

Two signs, from issue 13: every measured lesion under a quarter of its last value in both
diameters at once (a whole restaging typed in the wrong unit), or a diameter under 10 mm
where the lesion's was over 20 mm (one value). Exact decimal comparisons; data entry only,
no clinical rule: the values stay as typed and the clinician decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

Pair = tuple[Decimal, Decimal]
#: A diameter under this (mm) where the lesion was over :data:`WAS_OVER_MM` looks like cm.
SMALL_MM = Decimal(10)
WAS_OVER_MM = Decimal(20)
#: A restaging where every lesion is under this fraction of its last value looks like cm.
QUARTER = Decimal(4)


def cm_suspects(typed: Mapping[str, Pair | None], last: Mapping[str, Pair]) -> list[str]:
    """The lesions whose typed diameters (mm) look like cm, in ``typed``'s order; empty when
    nothing does. A lesion marked gone (0 × 0) or not assessed is no sign either way."""
    measured = {
        key: pair
        for key, pair in typed.items()
        if pair is not None and 0 not in pair and key in last and 0 not in last[key]
    }
    if measured and all(_under_quarter(pair, last[key]) for key, pair in measured.items()):
        return list(measured)
    return [key for key, pair in measured.items() if _small_after_large(pair, last[key])]


def _under_quarter(pair: Pair, before: Pair) -> bool:
    return all(now * QUARTER < was for now, was in zip(pair, before, strict=True))


def _small_after_large(pair: Pair, before: Pair) -> bool:
    return any(now < SMALL_MM and was > WAS_OVER_MM for now, was in zip(pair, before, strict=True))
