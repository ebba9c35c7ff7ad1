"""Confirmation of a PR or CR: the paper requires a response to last at least 1 month.

Assumption (``guidelines/assumptions.toml``, ``confirmation_28_days``): a PR or CR
is confirmed once an evaluation at least 28 days after the first one of its run
still shows that category or better, in the same course or a later one. A run
is the evaluations, in date order, that show the category or better; a worse
evaluable category ends it, an evaluation that is not evaluable (NE) neither
extends nor ends it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from msgspec import Struct

CONFIRMATION_DAYS = 28
RANK = {"NE": 0, "PD": 1, "SD": 2, "MR": 3, "PR": 4, "CR": 5}
OBJECTIVE = ("PR", "CR")


class Confirmation(Struct, frozen=True):
    """The confirmation state of one evaluation (all ``None`` unless PR or CR)."""

    first_seen: date | None = None
    """The first evaluation of the run that shows this category or better."""
    due: date | None = None
    """The first date an evaluation can confirm it: ``first_seen`` + 28 days."""
    confirmed_on: date | None = None
    """The evaluation that confirmed it, possibly later than this one."""

    def as_of(self, when: date) -> bool | None:
        """Confirmed by an evaluation on or before ``when``; ``None`` unless PR or CR."""
        if self.due is None:
            return None
        return self.confirmed_on is not None and self.confirmed_on <= when


NOT_APPLICABLE = Confirmation()


def run_start(categories: Sequence[str], index: int) -> int:
    """The first evaluation of the run that ``categories[index]`` belongs to."""
    level = RANK[categories[index]]
    start = index
    for j in range(index - 1, -1, -1):
        if categories[j] == "NE":
            continue
        if RANK[categories[j]] < level:
            break
        start = j
    return start


def confirmations(categories: Sequence[str], dates: Sequence[date]) -> list[Confirmation]:
    """The confirmation state of every evaluation, given all of them in date order.

    Linear in the number of evaluations: the runs are found in one pass per level,
    and each run is searched for its confirming evaluation once (every evaluation of
    a run shares its first date, so its confirmation too).
    """
    starts = {level: _run_starts(categories, level) for level in map(RANK.get, OBJECTIVE)}
    found: dict[tuple[int, int], Confirmation] = {}
    out: list[Confirmation] = []
    for i, category in enumerate(categories):
        if category not in OBJECTIVE:
            out.append(NOT_APPLICABLE)
            continue
        level = RANK[category]
        key = (starts[level][i], level)
        if key not in found:
            found[key] = _confirmation(categories, dates, *key)
        out.append(found[key])
    return out


def _run_starts(categories: Sequence[str], level: int) -> list[int]:
    """For each evaluation, the first one of the current run at ``level`` or better (what
    :func:`run_start` gives, for every index in one pass; -1 outside a run)."""
    out, start = [], -1
    for i, category in enumerate(categories):
        if category != "NE":
            start = (i if start < 0 else start) if RANK[category] >= level else -1
        out.append(start)
    return out


def _confirmation(
    categories: Sequence[str], dates: Sequence[date], start: int, level: int
) -> Confirmation:
    due = dates[start] + timedelta(days=CONFIRMATION_DAYS)
    for k in range(start, len(categories)):
        if categories[k] == "NE":
            continue
        if RANK[categories[k]] < level:
            break
        if dates[k] >= due:
            return Confirmation(dates[start], due, dates[k])
    return Confirmation(dates[start], due, None)
