"""Case files for the assistant's tests: one per kind of recommendation, built in code.

A renal cell patient with two lesions (SPD 1,230 mm² at baseline); each case
stops at the decision after its last course, so the assistant resumes there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from il2tui.clinical.guideline import load_guideline

BASELINE = {"L1": [24, 20], "L2": [30, 25]}
HALF = {"L1": [12, 10], "L2": [20, 15]}  # SPD 420: -65.9%, PR
SAME = {"L1": [23, 20], "L2": [30, 24]}  # SPD 1,180: -4.1%, SD
GONE = {"L1": [0, 0], "L2": [0, 0]}  # CR


def case(courses: list[dict[str, Any]], **patient: Any) -> dict[str, Any]:
    """A case with the standard patient, lesions and baseline, and these courses."""
    return {
        "format": "il2-case/1",
        "patient": {"diagnosis": "renal_cell", "label": "Test-01"} | patient,
        "lesions": [
            {"id": "L1", "site": "right lung", "method": "ct"},
            {"id": "L2", "site": "liver", "method": "ct"},
        ],
        "baseline": {"date": "2025-01-06", "measurements": BASELINE},
        "courses": courses,
    }


def course(number: int, start: str, restaged: str | None, found: dict | None, **extra: Any) -> dict:
    """A course and, when ``restaged``, one restaging with the measurements ``found``."""
    out: dict[str, Any] = {"number": number, "start": start, "doses": [12, 9]} | extra
    if restaged:
        out["assessments"] = [{"date": restaged, "measurements": found}]
    return out


RETREAT = "retreat"
CASES: dict[str, dict[str, Any]] = {
    "retreat": case([course(1, "2025-01-13", "2025-03-10", HALF)]),
    "consider_retreat": case([course(1, "2025-01-13", "2025-03-10", SAME)]),
    "consolidate": case([course(1, "2025-01-13", "2025-03-10", GONE)]),
    "stop_toxicity": case([course(1, "2025-01-13", "2025-03-10", HALF, toxicity=["intubation"])]),
    "stop_declined": case([course(1, "2025-01-13", "2025-03-10", HALF, declined_further=True)]),
    "stop_progression": case(
        [
            course(1, "2025-01-13", "2025-03-10", SAME)
            | {
                "assessments": [
                    {"date": "2025-03-10", "measurements": SAME, "new_lesions": [{"site": "brain"}]}
                ]
            }
        ]
    ),
    "stop_complete_response": case(
        [
            course(1, "2025-01-13", "2025-03-10", GONE, decision={"action": RETREAT}),
            course(2, "2025-03-24", "2025-05-19", GONE),
        ]
    ),
    "stop_no_objective_response": case(
        [
            course(1, "2025-01-13", "2025-03-10", SAME, decision={"action": RETREAT}),
            course(2, "2025-03-24", "2025-05-19", SAME),
        ]
    ),
    "reassess": case([course(1, "2025-01-13", "2025-03-10", {"L1": [12, 10]})]),
}
EXPECTED = {
    "retreat": ("retreat", None),
    "consider_retreat": ("consider_retreat", None),
    "consolidate": ("consolidate", None),
    "stop_toxicity": ("stop", "toxicity"),
    "stop_declined": ("stop", "declined"),
    "stop_progression": ("stop", "progression"),
    "stop_complete_response": ("stop", "complete_response"),
    "stop_no_objective_response": ("stop", "no_objective_response"),
    "reassess": ("reassess", None),
}


def write_case(folder: Path, name: str) -> Path:
    """Write ``CASES[name]`` to ``folder/name.json`` and return the path."""
    return write(folder, name, CASES[name])


SMALLER = {"L1": [8, 6], "L2": [10, 9]}  # SPD 138: -88.8%, PR
#: A PR after course 1, then L2 back to its baseline size after course 2: progression.
PR_THEN_PROGRESSION = case(
    [
        course(1, "2025-01-13", "2025-03-10", HALF, decision={"action": RETREAT}),
        course(2, "2025-03-24", "2025-05-19", {"L1": [12, 10], "L2": [30, 25]}),
    ]
)
#: The issue-12 patient: 74, performance status 3, prior IL-2 and CNS metastases, SD.
INELIGIBLE = case(
    [course(1, "2025-01-13", "2025-03-10", SAME)],
    age=74,
    performance_status=3,
    exclusions=["prior_il2", "cns_metastases"],
)
SUMMARY = case(
    [
        course(1, "2025-01-13", "2025-03-10", HALF, decision={"action": RETREAT}),
        course(2, "2025-03-24", "2025-05-19", SMALLER, decision={"action": RETREAT}),
        course(3, "2025-06-02", "2025-07-28", GONE, decision={"action": RETREAT}),
        course(
            4,
            "2025-08-11",
            "2025-10-06",
            GONE,
            decision={"action": "stop", "reason": "CR held; [bold]no more[/] IL-2"},
        ),
    ],
    label="Test-01",
    prior_therapy=["surgery", "immunotherapy"],
)
PATIENT_ONLY = {"format": "il2-case/1", "patient": {"diagnosis": "melanoma", "label": "Mel-02"}}
BEFORE_COURSE = case([])
BEFORE_RESTAGING = case([course(1, "2025-01-13", None, None)])


def write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    """Write ``data`` as ``folder/name.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


_SHIPPED = load_guideline(None)
#: The shipped guideline's id and version, as a decision's ``seen`` records them.
GUIDELINE = {"id": _SHIPPED.id, "version": _SHIPPED.version}
#: Course 1 decided on an MR (consider retreatment); the baseline was corrected since and
#: the same restaging is now a PR (SPD 420 of 1,230: -65.9%), so today's recommendation
#: is to retreat: the decision answered another recommendation and is stale.
STALE = case(
    [
        course(
            1,
            "2025-01-13",
            "2025-03-10",
            HALF,
            decision={
                "action": "retreat",
                "reason": "minor response, fit",
                "seen": {
                    "rule": "first_course_no_objective_response",
                    "action": "consider_retreat",
                    "guideline": GUIDELINE,
                },
            },
        )
    ]
)
