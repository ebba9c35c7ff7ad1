"""What the series did after a reason to stop: the note shown instead of a cohort.

After progression, a severe toxicity or the patient's refusal, the series gave no
further course (Results, Indications for Discontinuing Treatment; Table 5), so no
column of Tables 3 and 4 holds such patients. The counts come from Table 5.
"""

from __future__ import annotations

from functools import cache

from il2tui.evidence.loader import load
from il2tui.evidence.rows import DiscontinuationRow
from il2tui.evidence.sections import pages

#: The stops after which no cohort applies, and the relapse from a complete response.
NO_COHORT = ("progression", "toxicity", "declined", "relapse_from_cr")


@cache
def stopped(reason: str) -> int:
    """Patients of Table 5 who stopped for ``reason`` (summed over courses 1 to 4)."""
    return sum(
        row.patients
        for row in load("discontinuation")
        if isinstance(row, DiscontinuationRow) and row.reason == reason
    )


def no_cohort_note(why: str) -> str:
    """Why no cohort of the series applies after ``why`` (one of :data:`NO_COHORT`)."""
    where = f"Results and Table 5, {pages('table5')}"
    if why == "progression":
        return (
            f"No cohort applies: the series stopped IL-2 once disease progressed "
            f"({stopped('progression')} patients in Table 5), so none of its patients "
            f"received a further course after progression [{where}]."
        )
    if why == "relapse_from_cr":
        return (
            "No cohort applies: the tables record the best response so far, so their CR "
            "column cannot tell a relapse from a held complete response, and the series "
            f"stopped IL-2 at any progression [{where}]."
        )
    if why == "toxicity":
        return (
            f"No cohort applies: the series gave no further IL-2 after a severe toxicity "
            f"that supportive care could not readily reverse ({stopped('toxicity')} "
            f"patients in Table 5) [{where}]."
        )
    if why == "declined":
        return (
            "No cohort applies: in the series, refusal or intolerance ended treatment "
            "(counted under Other in Table 5); no patient received a further course after "
            f"it [{where}]."
        )
    raise ValueError(f"{why!r}: no note; expected one of {', '.join(NO_COHORT)}")
