"""A SYNTHETIC series: 350 case files whose courses reproduce Tables 3 and 4 exactly.

These are not patients. Each file's label says so. The series' transition counts
decide each patient's intended state after every course; the measurements are
chosen so that the engine classifies each course that way (SD for no response,
a 28% reduction for MR, 56% for PR, every lesion gone for CR), with a second
evaluation 35 days later so that every PR and CR is confirmed. The patients who
stop after course n are given Table 5's reasons for n courses where the counts
allow (toxicity, then other, the rest progression; those in CR stop for CR).

    python -m il2tui.centre.synthetic DIR    # writes DIR/synthetic-*.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from il2tui.case.files import case_from_data
from il2tui.case.model import Case
from il2tui.centre import series
from il2tui.core.storage import atomic_write_text
from il2tui.evidence.lookup import transitions

LABEL = "SYNTHETIC series (not a patient)"
LESIONS = [
    {"id": "L1", "site": "lung (synthetic)", "method": "ct"},
    {"id": "L2", "site": "liver (synthetic)", "method": "ct"},
]
#: Diameters in mm giving each category against the baseline SPD of 1,800 mm².
SIZES: dict[str, dict[str, list[int]]] = {
    "NR": {"L1": [40, 30], "L2": [30, 20]},  # SPD 1,800: no change, SD
    "MR": {"L1": [30, 28], "L2": [25, 18]},  # SPD 1,290: -28.3%, MR
    "PR": {"L1": [25, 20], "L2": [20, 15]},  # SPD 800: -55.6%, PR
    "CR": {"L1": [0, 0], "L2": [0, 0]},  # every lesion gone, CR
}
NEW_LESION = {"site": "new liver lesion (synthetic)", "diameters": [15, 12]}
FIRST_START = date(2021, 1, 4)
#: Days from a course's start to its two restagings, to the progression seen after the
#: last course, and to the next course.
RESTAGING, CONFIRMATION, PROGRESSION, NEXT_COURSE = 56, 91, 126, 105


@dataclass(frozen=True)
class Plan:
    """What one synthetic patient is meant to show."""

    name: str
    diagnosis: str
    states: tuple[str, ...]
    """The intended state after each course."""
    stop: str
    """progression, toxicity, complete_response, declined or other."""


def plans() -> list[Plan]:
    """The 350 synthetic patients, melanoma first, with their intended courses and stops."""
    patients = [(dx, p) for dx in ("melanoma", "renal_cell") for p in _paths(dx)]
    out, number = [], Counter[str]()
    for (diagnosis, states), stop in zip(patients, _stops(patients), strict=True):
        number[diagnosis] += 1
        name = f"synthetic-{diagnosis.replace('_', '-')}-{number[diagnosis]:03d}"
        out.append(Plan(name, diagnosis, tuple(states), stop))
    return out


def _paths(diagnosis: str) -> list[list[str]]:
    """Each patient's states, course by course, following the series' transition counts."""
    rows = [r for r in transitions() if r.diagnosis == diagnosis]
    patients: list[list[str]] = []
    for row in sorted(rows, key=lambda r: r.course):
        if row.course == 1:
            patients += [[row.state_after] for _ in range(row.patients)]
            continue
        waiting = [p for p in patients if len(p) == row.course - 1 and p[-1] == row.state_before]
        if len(waiting) < row.patients:
            raise ValueError(f"Table counts do not chain: {row}")
        for patient in waiting[: row.patients]:
            patient.append(row.state_after)
    return patients


def _stops(patients: list[tuple[str, list[str]]]) -> list[str]:
    """Table 5's reasons for those who stop after n courses, as far as its counts allow."""
    table5 = series.stop_counts()
    stops = ["complete_response" if p[-1] == "CR" else "" for _, p in patients]
    for courses in range(1, 5):
        left = [i for i, (_, p) in enumerate(patients) if len(p) == courses and not stops[i]]
        quota = ["toxicity"] * table5[("toxicity", courses)]
        others = table5[("declined_or_other", courses)]
        quota += ["declined" if k % 2 else "other" for k in range(others)]
        for i, reason in zip(left, quota + ["progression"] * len(left), strict=False):
            stops[i] = reason
    return stops


def case_data(plan: Plan, index: int) -> dict[str, Any]:
    """The il2-case/1 data of one synthetic patient."""
    start = FIRST_START + timedelta(days=3 * index)
    courses = []
    for number, state in enumerate(plan.states, start=1):
        last = number == len(plan.states)
        courses.append(_course(number, state, start, plan.stop if last else None))
        start += timedelta(days=NEXT_COURSE)
    return {
        "format": "il2-case/1",
        "patient": {"diagnosis": plan.diagnosis, "label": f"{LABEL} {plan.name}"},
        "lesions": LESIONS,
        "baseline": {
            "date": (FIRST_START + timedelta(days=3 * index - 14)).isoformat(),
            "measurements": SIZES["NR"],
        },
        "courses": courses,
    }


def _course(number: int, state: str, start: date, stop: str | None) -> dict[str, Any]:
    days = [RESTAGING, CONFIRMATION]
    assessments = [_assessment(start + timedelta(days=d), SIZES[state]) for d in days]
    course: dict[str, Any] = {"number": number, "start": start.isoformat(), "doses": [12, 10]}
    if stop == "progression":
        seen = _assessment(start + timedelta(days=PROGRESSION), SIZES[state])
        assessments.append(seen | {"new_lesions": [NEW_LESION]})
    if stop == "toxicity":
        course |= {"toxicity": ["other_severe"], "toxicity_note": "Synthetic severe toxicity."}
    if stop == "declined":
        course["declined_further"] = True
    course["assessments"] = assessments
    action = "retreat" if stop is None else "stop"
    course["decision"] = {"action": action, "reason": f"Synthetic: {stop or 'next course'}."}
    return course


def _assessment(when: date, sizes: dict[str, list[int]]) -> dict[str, Any]:
    return {"date": when.isoformat(), "measurements": sizes}


def synthetic_cases() -> list[tuple[str, Case]]:
    """The synthetic series in memory: (name, validated case) per patient."""
    return [
        (plan.name, case_from_data(case_data(plan, i), source=plan.name))
        for i, plan in enumerate(plans())
    ]


def write_series(folder: Path) -> list[Path]:
    """Write the synthetic series as ``folder/synthetic-*.json``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, plan in enumerate(plans()):
        path = folder / f"{plan.name}.json"
        atomic_write_text(path, json.dumps(case_data(plan, i), indent=1) + "\n")
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - a script entry point
    if len(sys.argv) != 2:
        sys.exit("usage: python -m il2tui.centre.synthetic DIR")
    print(f"{len(write_series(Path(sys.argv[1])))} synthetic case files written")
