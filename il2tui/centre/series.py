"""The NCI series' side of every table, from the shipped data files (Tables 2-5, facts)."""

from __future__ import annotations

from collections import Counter
from functools import cache

from il2tui.evidence.loader import load
from il2tui.evidence.lookup import transitions
from il2tui.evidence.rows import DiscontinuationRow, FactRow, ResponseRow

#: Table 5's rows under the reasons a case file can record. Death has no field in
#: ``il2-case/1``, so it joins "other" (stated in the table's notes and the README).
STOP_OF_SERIES = {
    "progression": "progression",
    "toxicity": "toxicity",
    "complete_response": "complete_response",
    "death": "declined_or_other",
    "other": "declined_or_other",
}


@cache
def transition_counts() -> Counter[tuple[str, int, str, str]]:
    """Patients per cell of Tables 3 and 4: (diagnosis, course, before, after)."""
    counts: Counter[tuple[str, int, str, str]] = Counter()
    for row in transitions():
        counts[(row.diagnosis, row.course, row.state_before, row.state_after)] += row.patients
    return counts


@cache
def response_counts() -> dict[tuple[str, str], int]:
    """Table 2: (diagnosis, measure) to patients; measures patients, CR, PR, responses."""
    rows = [r for r in load("response") if isinstance(r, ResponseRow)]
    return {(r.diagnosis, r.measure): r.patients for r in rows}


@cache
def stop_counts() -> Counter[tuple[str, int]]:
    """Table 5: (reason, courses completed) to patients, reasons as a case file records them."""
    counts: Counter[tuple[str, int]] = Counter()
    for row in load("discontinuation"):
        assert isinstance(row, DiscontinuationRow)
        counts[(STOP_OF_SERIES[row.reason], row.courses_completed)] += row.patients
    return counts


def series_patients() -> int:
    """The series' patients (Table 2's total)."""
    return response_counts()[("total", "patients")]


@cache
def pr_median_months() -> dict[str, str]:
    """The series' median PR duration by diagnosis, in months as printed (Results)."""
    rows = [r for r in load("facts") if isinstance(r, FactRow)]
    return {r.diagnosis: r.value for r in rows if r.id == "pr_median_duration"}
