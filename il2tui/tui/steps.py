"""The steps of the conversation, and where a case resumes.

A step is a kind (patient, baseline, course, assessment, decision, summary)
and, for the per-course steps, a course number. Where to resume and what comes
before a step follow from the case alone, so reopening a file lands where the
clinician stopped. Which step follows a decision depends on the decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from il2tui.case.model import Case

Kind = Literal["patient", "baseline", "course", "assessment", "decision", "summary"]
_PER_COURSE = ("course", "assessment", "decision")
_TITLES = {
    "patient": "Patient",
    "baseline": "Baseline",
    "course": "Course {n}",
    "assessment": "Assessment after course {n}",
    "decision": "Decision after course {n}",
    "summary": "Summary",
}


@dataclass(frozen=True)
class Step:
    """One screen of the conversation."""

    kind: Kind
    course: int = 0
    later: bool = False
    """For an assessment: a further restaging after the recorded ones (to confirm a response)."""

    @property
    def key(self) -> str:
        """A stable name: ``patient``, ``course-2``, ``assessment-2-later`` ..."""
        if self.kind not in _PER_COURSE:
            return self.kind
        return f"{self.kind}-{self.course}" + ("-later" if self.later else "")

    @property
    def title(self) -> str:
        """The step in a few words, for the header and the command palette."""
        title = _TITLES[self.kind].format(n=self.course)
        return f"Further a{title[1:]}" if self.later else title


def resume_step(case: Case | None) -> Step:
    """The first step the case has not completed yet."""
    if case is None:
        return Step("patient")
    if not case.lesions or case.baseline is None:
        return Step("baseline")
    if not case.courses:
        return Step("course", 1)
    last = case.courses[-1]
    if not last.assessments:
        return Step("assessment", last.number)
    if last.decision is None:
        return Step("decision", last.number)
    if last.decision.action == "retreat":
        return Step("course", last.number + 1)
    return Step("summary")


def previous_step(step: Step, case: Case | None) -> Step | None:
    """The step before ``step`` (``None`` before the patient: back to the start screen)."""
    if step.kind == "patient":
        return None
    if step.kind == "baseline":
        return Step("patient")
    if step.kind == "course":
        return Step("baseline") if step.course == 1 else Step("decision", step.course - 1)
    if step.kind == "assessment":
        return Step("course", step.course)
    if step.kind == "decision":
        return Step("assessment", step.course)
    last = case.courses[-1].number if case and case.courses else 0
    return Step("decision", last) if last else Step("baseline")


def reachable_steps(case: Case | None) -> list[Step]:
    """Every step the clinician may jump to: the completed ones and the first open one."""
    target = resume_step(case)
    steps = [Step("patient")]
    if case is not None:
        steps.append(Step("baseline"))
    for course in case.courses if case else ():
        steps.append(Step("course", course.number))
        if course.assessments or target == Step("assessment", course.number):
            steps.append(Step("assessment", course.number))
        if course.assessments:
            steps.append(Step("decision", course.number))
    if target not in steps:
        steps.append(target)
    return steps
