"""A clinic's folder of case files for the worklist tests, with today pinned to 2026-06-01.

Each case is built so that one thing is due, worked out by hand below (restaging: 60 days
after the course's first dose; confirmation: 28 days after the PR was first seen).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from il2tui.clinical.model import Review
from tests.tui.cases import BASELINE, HALF, SAME, case, course

RETREAT = {"action": "retreat"}
CLINIC: dict[str, dict[str, Any]] = {
    # PR on 2026-04-27, no decision: decision due since 04-27, confirmation from 05-25.
    "ada": case([course(1, "2026-03-02", "2026-04-27", HALF)], label="Ada", diagnosis="melanoma"),
    # Course 2 from 2026-05-04, not restaged: restaging due 2026-07-03 (later).
    "ben": case(
        [
            course(1, "2026-01-05", "2026-03-02", HALF, decision=RETREAT)
            | {
                "assessments": [
                    {"date": "2026-03-02", "measurements": HALF},
                    {"date": "2026-04-06", "measurements": HALF},
                ]
            },
            course(2, "2026-05-04", None, None),
        ],
        label="Ben",
    ),
    # Course 1 from 2026-02-02, not restaged: restaging due 2026-04-03, overdue.
    "cleo": case([course(1, "2026-02-02", None, None)], label="Cleo"),
    # SD after course 1, the clinician stopped: nothing due; CNS metastases: ineligible.
    "dan": case(
        [course(1, "2026-03-02", "2026-04-27", SAME, decision={"action": "stop"})],
        label="Dan",
        exclusions=["cns_metastases"],
    ),
    # Retreat decided after a confirmed PR: course 2 is next (undated). Made stale in tests.
    "eve": case(
        [
            course(1, "2025-11-03", "2025-12-29", HALF, decision=RETREAT)
            | {
                "assessments": [
                    {"date": "2025-12-29", "measurements": HALF},
                    {"date": "2026-02-02", "measurements": HALF},
                ]
            }
        ],
        label="Eve",
    ),
}
#: A diameter below zero: the file cannot be used.
BROKEN = case([])
BROKEN["baseline"] = {"date": "2026-01-05", "measurements": BASELINE | {"L1": [-1, 20]}}


def write_clinic(folder: Path) -> Path:
    """Write every case of the clinic, and the broken file, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in CLINIC.items():
        (folder / f"{name}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    (folder / "broken.json").write_text(json.dumps(BROKEN), encoding="utf-8")
    return folder


def mark_stale(review: Review) -> Review:
    """The review with its latest decision marked stale, as the engine marks a decision
    whose recorded ``seen`` differs from today's recommendation (only the flag matters to
    the worklist; the engine's own rule is tested in tests/engine/test_stale_decision.py)."""
    last = review.courses[-1]
    decision = replace(last.clinician_decision, stale=True)  # type: ignore[type-var]
    changed = replace(last, clinician_decision=decision)
    return replace(review, courses=(*review.courses[:-1], changed))
