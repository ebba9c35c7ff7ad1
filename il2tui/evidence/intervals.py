"""Exact binomial confidence intervals (Clopper-Pearson) from SciPy, imported on first use."""

from __future__ import annotations

from functools import cache


@cache
def clopper_pearson(successes: int, trials: int, level: float = 0.95) -> tuple[float, float]:
    """The exact two-sided interval for ``successes`` of ``trials``, as proportions."""
    if trials < 1 or not 0 <= successes <= trials:
        raise ValueError(f"no interval for {successes} of {trials}")
    from scipy.stats import binomtest  # lazy: SciPy is never on the start-up path

    ci = binomtest(successes, trials).proportion_ci(confidence_level=level, method="exact")
    return float(ci.low), float(ci.high)


def rule_of_three(trials: int) -> float:
    """The approximate 95% upper bound for 0 events in ``trials``: 3 / n."""
    if trials < 1:
        raise ValueError("the rule of three needs at least one trial")
    return 3 / trials
