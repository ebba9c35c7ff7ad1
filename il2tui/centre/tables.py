"""The centre's Tables 2-5 beside the series', as pandas DataFrames with their notes.

Every row carries the centre's count, the series' count for the same cell and the
two-sided p of Fisher's exact test on the two 2x2 counts (this cell against the
rest of the same denominator). A plain-language line is added only where p < 0.05.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from il2tui.centre import series
from il2tui.centre.record import STOP_REASONS, PatientRecord, how_states_are_counted
from il2tui.centre.stats import SIGNIFICANT, fisher_two_sided
from il2tui.evidence.arith import percent

if TYPE_CHECKING:
    import pandas as pd

DIAGNOSES = ("melanoma", "renal_cell")
DX_WORDS = {"melanoma": "Melanoma", "renal_cell": "Renal cell cancer"}
ORDER = {"none": 0, "NR": 1, "MR": 2, "PR": 3, "CR": 4}
TRANSITION_COLUMNS = [
    "diagnosis",
    "course",
    "state_before",
    "state_after",
    "patients",
    "series_patients",
    "p_value",
    "treated",
    "series_treated",
    "percent",
    "series_percent",
]
SMALL_NUMBERS = (
    "Small numbers decide little: with a few patients per cell even a real difference "
    "rarely reaches p < 0.05, and among many cells one may reach it by chance. The series "
    "is one centre's patients of 1985-1996, not a standard."
)


@dataclass(frozen=True)
class CohortTable:
    """One table: its rows, its title and what to read beside it."""

    name: str
    title: str
    frame: pd.DataFrame
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Cell:
    """One comparison: ``a`` of ``n1`` here against ``b`` of ``n2`` in the series."""

    a: int
    n1: int
    b: int
    n2: int

    @property
    def p(self) -> Fraction:
        return fisher_two_sided(self.a, self.n1, self.b, self.n2)

    def columns(self) -> dict[str, Any]:
        return {
            "patients": self.a,
            "series_patients": self.b,
            "p_value": float(self.p),
            "treated": self.n1,
            "series_treated": self.n2,
            "percent": _pct(self.a, self.n1),
            "series_percent": _pct(self.b, self.n2),
        }

    def significant(self) -> bool:
        return self.p < SIGNIFICANT

    def sentence(self, what: str) -> str:
        return (
            f"{what}: {self.a} of {self.n1} here ({_pct(self.a, self.n1) or '-'}%) against "
            f"{self.b} of {self.n2} in the series ({_pct(self.b, self.n2) or '-'}%); "
            f"Fisher's exact p = {float(self.p):.2g}: a difference this large would be "
            "unusual if the two had the same underlying rate."
        )


def _pct(count: int, total: int) -> str | None:
    return str(percent(count, total, 1)) if total else None


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


# --- Tables 3 and 4 -----------------------------------------------------------------------


def centre_transitions(records: Iterable[PatientRecord]) -> tuple[Counter, Counter]:
    """The centre's cells, and the courses that fit no cell (``awaiting`` or ``unplaced``)."""
    cells: Counter[tuple[str, int, str, str]] = Counter()
    left_out: Counter[str] = Counter()
    for record in records:
        before: str | None = "none"
        for course, after in enumerate(record.states, start=1):
            if before is None:
                left_out["unplaced"] += 1
            elif after is None:
                left_out["awaiting"] += 1
            else:
                cells[(record.diagnosis, course, before, after)] += 1
            before = after
    return cells, left_out


def _treated(cells: Counter) -> Counter[tuple[str, int, str]]:
    treated: Counter[tuple[str, int, str]] = Counter()
    for (dx, course, before, _), n in cells.items():
        treated[(dx, course, before)] += n
    return treated


def transitions_table(records: Sequence[PatientRecord]) -> CohortTable:
    """Tables 3 and 4: per course and state before it, the state after it."""
    ours, left_out = centre_transitions(records)
    theirs = series.transition_counts()
    ours_n, theirs_n = _treated(ours), _treated(theirs)
    rows, notes = [], []
    keys = sorted(set(ours) | set(theirs), key=_transition_order)
    for key in keys:
        dx, course, before, after = key
        cell = _Cell(ours[key], ours_n[key[:3]], theirs[key], theirs_n[key[:3]])
        rows.append(dict(zip(TRANSITION_COLUMNS[:4], key, strict=True)) | cell.columns())
        if cell.significant():
            where = "course 1" if before == "none" else f"course {course} from {before}"
            notes.append(cell.sentence(f"{DX_WORDS[dx]}, {where}, {after} after it"))
    notes += _left_out_notes(left_out)
    if any(course > 4 for _, course, _, _ in ours):
        notes.append("The series gave at most 4 courses: later courses have no series count.")
    notes.append(f"State after a course, as the engine counts it: {how_states_are_counted()}")
    title = "Courses and best response so far, here and in the series (Tables 3 and 4)"
    frame = _frame(rows, TRANSITION_COLUMNS)
    return CohortTable("transitions", title, frame, (*notes, SMALL_NUMBERS))


def _transition_order(key: tuple[str, int, str, str]) -> tuple[int, int, int, int]:
    dx, course, before, after = key
    return DIAGNOSES.index(dx), course, ORDER[before], ORDER[after]


def _left_out_notes(left_out: Counter[str]) -> list[str]:
    notes = []
    if left_out["awaiting"]:
        notes.append(f"{left_out['awaiting']} course(s) not evaluated yet: in no cell.")
    if left_out["unplaced"]:
        notes.append(
            f"{left_out['unplaced']} course(s) given after a course that was not evaluated: "
            "with no state before them they are in no cell."
        )
    return notes


# --- Table 2 ------------------------------------------------------------------------------

RESPONSE_COLUMNS = [
    "diagnosis",
    "response",
    "patients",
    "total",
    "percent",
    "ci_low",
    "ci_high",
    "series_patients",
    "series_total",
    "series_percent",
    "p_value",
]
#: Each row of Table 2 as the final states it counts, and its measure in the series' Table 2.
RESPONSE_ROWS = {
    "CR": (("CR",), "CR"),
    "PR": (("PR",), "PR"),
    "CR+PR": (("CR", "PR"), "responses"),
    "MR": (("MR",), None),
    "NR": (("NR",), None),
    "not_evaluated": ((None,), None),
}


def response_table(records: Sequence[PatientRecord]) -> CohortTable:
    """Table 2: the best response per patient, with exact 95% intervals."""
    from il2tui.evidence.intervals import clopper_pearson

    finals = Counter((r.diagnosis, r.final) for r in records)
    counts = series.response_counts()
    rows, notes = [], []
    for dx in DIAGNOSES:
        total = sum(n for (d, _), n in finals.items() if d == dx)
        for label, (states, measure) in RESPONSE_ROWS.items():
            count = sum(finals[(dx, s)] for s in states)
            if label == "not_evaluated" and not count:
                continue
            low, high = clopper_pearson(count, total) if total else (None, None)
            row = {"diagnosis": dx, "response": label, "patients": count, "total": total}
            row |= {"percent": _pct(count, total), "ci_low": _share(low), "ci_high": _share(high)}
            if measure is not None:
                cell = _Cell(count, total, counts[(dx, measure)], counts[(dx, "patients")])
                row |= {
                    "series_patients": cell.b,
                    "series_total": cell.n2,
                    "series_percent": _pct(cell.b, cell.n2),
                    "p_value": float(cell.p),
                }
                if cell.significant():
                    notes.append(cell.sentence(f"{DX_WORDS[dx]}, {label}"))
            rows.append(row)
    notes += [
        "Best response: the state after the last evaluated course, as in Tables 3 and 4.",
        "Table 2 of the paper gives no MR or NR counts; D1: its 10 melanoma CRs are 5 in "
        "Table 3, so a series rebuilt from Table 3 differs from Table 2 there.",
    ]
    title = "Best response per patient, here and in the series (Table 2)"
    return CohortTable(
        "response", title, _ints(_frame(rows, RESPONSE_COLUMNS)), (*notes, SMALL_NUMBERS)
    )


def _share(value: float | None) -> str | None:
    return None if value is None else f"{value * 100:.1f}"


def _ints(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("series_patients", "series_total"):
        frame[column] = frame[column].astype("Int64")
    return frame


# --- Table 5 ------------------------------------------------------------------------------

STOP_COLUMNS = [
    "reason",
    "courses_completed",
    "patients",
    "total",
    "percent",
    "series_patients",
    "series_total",
    "series_percent",
    "p_value",
]


def stops_table(records: Sequence[PatientRecord]) -> CohortTable:
    """Table 5: courses completed before stopping, by reason (both diagnoses together)."""
    ours = Counter((r.stop, len(r.states)) for r in records)
    theirs = series.stop_counts()
    total, series_total = len(records), series.series_patients()
    rows, notes = [], []
    for key in sorted(set(ours) | set(theirs), key=lambda k: (STOP_REASONS.index(k[0]), k[1])):
        cell = _Cell(ours[key], total, theirs[key], series_total)
        rows.append(
            {"reason": key[0], "courses_completed": key[1], "patients": cell.a, "total": total}
            | {"percent": _pct(cell.a, total), "series_patients": cell.b}
            | {"series_total": cell.n2, "series_percent": _pct(cell.b, cell.n2)}
            | {"p_value": float(cell.p)}
        )
        if cell.significant():
            what = f"Stopped for {key[0].replace('_', ' ')} after {key[1]} course(s)"
            notes.append(cell.sentence(what))
    notes += [
        "Table 5 is not split by diagnosis: both diagnoses are counted together.",
        "Reasons: severe toxicity first; then, for a decision to stop or a patient who "
        "declines, progression (latest evaluation PD), complete response (state CR), else "
        "declined or other. The series' 3 treatment deaths count as other (no field for "
        "death in a case file). D2-D4: Table 5's columns do not add up to Tables 3 and 4.",
    ]
    title = "Courses completed before stopping, by reason, here and in the series (Table 5)"
    return CohortTable("stops", title, _frame(rows, STOP_COLUMNS), (*notes, SMALL_NUMBERS))


# --- Durations ----------------------------------------------------------------------------

DURATION_COLUMNS = [
    "diagnosis",
    "response",
    "patients",
    "progressed",
    "ongoing",
    "median_months",
    "km_12_months",
    "km_24_months",
    "series_median_months",
]
DAYS_PER_MONTH = Fraction(146097, 4800)  # 365.2425 / 12


def durations_table(records: Sequence[PatientRecord]) -> CohortTable:
    """Response duration from the first dose: Kaplan-Meier median, ongoing ones censored."""
    from il2tui.centre.stats import kaplan_meier, km_median

    rows = []
    medians = series.pr_median_months()
    for dx in DIAGNOSES:
        for state in ("PR", "CR"):
            group = [
                r for r in records if (r.diagnosis, r.final) == (dx, state) and r.duration_days
            ]
            times = [r.duration_days or 0 for r in group]
            curve = kaplan_meier(times, [not r.ongoing for r in group])
            last = max(times, default=0)
            median = km_median(curve)
            rows.append(
                {"diagnosis": dx, "response": state, "patients": len(group)}
                | {"progressed": sum(not r.ongoing for r in group)}
                | {"ongoing": sum(bool(r.ongoing) for r in group)}
                | {"median_months": None if median is None else _months(median)}
                | {"km_12_months": _km(curve, 12, last), "km_24_months": _km(curve, 24, last)}
                | {"series_median_months": medians.get(dx) if state == "PR" else None}
            )
    notes = (
        "Duration: days from the first dose to progression, or to the latest evaluation "
        "while the response goes on (censored); months of 30.44 days.",
        "median_months: Kaplan-Meier median (blank: not reached); km_12/24_months: share "
        "still responding, % (blank: no follow-up that long).",
        "The series prints only median PR durations (Results): no test is possible without "
        "its patients' times.",
        SMALL_NUMBERS,
    )
    title = "Response duration from the first dose, here and in the series"
    return CohortTable("durations", title, _frame(rows, DURATION_COLUMNS), notes)


def _months(days: int) -> str:
    return f"{float(Fraction(days) / DAYS_PER_MONTH):.1f}"


def _km(curve: list, months: int, last: int) -> str | None:
    from il2tui.centre.stats import km_at

    day = int(months * DAYS_PER_MONTH)
    if last < day:
        return None
    return f"{float(km_at(curve, day)) * 100:.1f}"


TABLES: dict[str, Callable[[Sequence[PatientRecord]], CohortTable]] = {
    "response": response_table,
    "transitions": transitions_table,
    "stops": stops_table,
    "durations": durations_table,
}
