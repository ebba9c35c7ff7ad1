"""Fisher's exact test and the Kaplan-Meier estimate, in plain Python and exact arithmetic."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import comb

SIGNIFICANT = Fraction(5, 100)


def fisher_two_sided(a: int, n1: int, b: int, n2: int) -> Fraction:
    """Two-sided p of Fisher's exact test on ``a`` of ``n1`` against ``b`` of ``n2``.

    The 2x2 table ``[[a, n1 - a], [b, n2 - b]]`` with its margins fixed: the sum of
    the hypergeometric probabilities of every table no more likely than the one
    observed. Probabilities are compared as exact integers (no tolerance), so two
    identical proportions give exactly 1. A side with no patients gives 1.
    """
    if not (0 <= a <= n1 and 0 <= b <= n2):
        raise ValueError(f"no test for {a} of {n1} against {b} of {n2}")
    k, total = a + b, n1 + n2
    if n1 == 0 or n2 == 0 or k in (0, total):
        return Fraction(1)
    observed = comb(n1, a) * comb(n2, b)
    weights = (comb(n1, x) * comb(n2, k - x) for x in range(max(0, k - n2), min(k, n1) + 1))
    return Fraction(sum(w for w in weights if w <= observed), comb(total, k))


def kaplan_meier(times: Sequence[int], events: Sequence[bool]) -> list[tuple[int, Fraction]]:
    """The Kaplan-Meier curve: ``(time, survival just after it)`` at each event time.

    ``events[i]`` is True when the response ended at ``times[i]`` (progression) and
    False when it was still going on then (censored). At a time with both, events
    are counted before censorings, as usual.
    """
    pairs = sorted(zip(times, events, strict=True), key=lambda p: (p[0], not p[1]))
    at_risk, survival, curve = len(pairs), Fraction(1), []
    i = 0
    while i < len(pairs):
        time = pairs[i][0]
        same = [e for t, e in pairs[i:] if t == time]
        ended = sum(same)
        if ended:
            survival *= Fraction(at_risk - ended, at_risk)
            curve.append((time, survival))
        at_risk -= len(same)
        i += len(same)
    return curve


def km_median(curve: list[tuple[int, Fraction]]) -> int | None:
    """The first time the curve reaches one half or below; ``None`` if it never does."""
    return next((t for t, s in curve if s <= Fraction(1, 2)), None)


def km_at(curve: list[tuple[int, Fraction]], time: int) -> Fraction:
    """The estimated share still responding at ``time``."""
    survival = Fraction(1)
    for t, s in curve:
        if t > time:
            break
        survival = s
    return survival
