"""Does the series apply? Eligibility flags as of a course, and when no cohort applies.

The series excluded patients with CNS metastases (Patients and Methods), so a brain
lesion in the case (at baseline, or new at an evaluation) raises the flag from the
evaluation that shows it, whatever the patient's checklist says. After a stop for
progression, toxicity or refusal, and after a relapse from a complete response, the
series gave no further course, so no cohort of Tables 3 and 4 applies.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from il2tui.case.model import Case
from il2tui.clinical.guideline import Plan
from il2tui.clinical.model import Category, Note, Recommendation
from il2tui.evidence.stops import no_cohort_note

#: Words of a lesion's site that place it in the central nervous system (the stated
#: assumption ``cns_site_words``; a site is free text, so this reads it, never guesses more).
CNS_SITE = re.compile(
    r"\b(brain\w*|cerebr\w*|cerebell\w*|cns|intracranial|(lepto)?mening\w*|spinal cord|"
    r"frontal lobe|parietal lobe|temporal lobe|occipital lobe|pons|medulla oblongata)\b",
    re.IGNORECASE,
)
#: The stops after which the series gave no further course.
NO_FURTHER_COURSE = ("progression", "toxicity", "declined")


class BrainLesion(Struct, frozen=True):
    """Where the case first shows a lesion in the CNS."""

    site: str
    seen: date
    new: bool


def is_cns_site(site: str) -> bool:
    """True when the site's words place the lesion in the brain or elsewhere in the CNS."""
    return CNS_SITE.search(site) is not None


def first_brain_lesion(case: Case) -> tuple[int, BrainLesion] | None:
    """The first CNS lesion the case shows, with the course it shows by (0: at baseline).

    Courses are read in order, so a lesion after course ``k`` shows by any course from
    the highest number among the courses up to ``k`` on.
    """
    if case.baseline is not None:
        for lesion in case.lesions:
            if is_cns_site(lesion.site):
                return 0, BrainLesion(lesion.site, case.baseline.date, new=False)
    by = 0
    for course in case.courses:
        by = max(by, course.number)
        for assessment in course.assessments:
            for found in assessment.new_lesions:
                if is_cns_site(found.site):
                    return by, BrainLesion(found.site, assessment.date, new=True)
    return None


class Eligibility:
    """One case's eligibility flags as of each course; each distinct set is made once.

    The flags change only where a CNS lesion first shows, so a review looks for it
    once and asks the guideline once or twice per case rather than once per course.
    """

    def __init__(self, plan: Plan, case: Case, patient: dict[str, Any]) -> None:
        self._plan, self._patient = plan, patient
        self._brain = first_brain_lesion(case)
        self._made: dict[BrainLesion | None, tuple[Note, ...]] = {}

    def as_of(self, through_course: int | None) -> tuple[Note, ...]:
        """The flags as of a course (``None``: at baseline)."""
        seen = None
        if self._brain is not None and self._brain[0] <= (through_course or 0):
            seen = self._brain[1]
        if seen not in self._made:
            self._made[seen] = _flags(self._plan, self._patient, seen)
        return self._made[seen]


def _flags(plan: Plan, patient: dict[str, Any], seen: BrainLesion | None) -> tuple[Note, ...]:
    if seen is None or "cns_metastases" in patient["exclusions"]:
        return plan.eligibility_for(patient)
    facts = patient | {"exclusions": (*patient["exclusions"], "cns_metastases")}
    flags = []
    for note in plan.eligibility_for(facts):
        if note.id == "cns_metastases":
            how = "a new lesion" if seen.new else "a baseline lesion"
            note = replace(
                note, text=f"{note.text} Raised by {how} at “{seen.site}” ({seen.seen})."
            )
        flags.append(note)
    return tuple(flags)


def no_cohort_reason(
    rec: Recommendation, state: str | None, response: Category | None
) -> str | None:
    """Why no next-course cohort applies (a key of :mod:`il2tui.evidence.stops`), or ``None``."""
    if state == "CR" and response == "PD":
        return "relapse_from_cr"
    if rec.action == "stop" and rec.stop_reason in NO_FURTHER_COURSE:
        return rec.stop_reason
    return None


def cohort_note(reason: str | None) -> str | None:
    """The note shown instead of a cohort, or ``None`` when the cohort applies."""
    return no_cohort_note(reason) if reason else None
