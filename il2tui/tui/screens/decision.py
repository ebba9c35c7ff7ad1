"""Step 5, the decision after course n: the engine's category and recommendation, and yours."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Static

from il2tui.tui.evidence_view import applicability_view, cohort_view
from il2tui.tui.recommendation_view import (
    decision_prompt,
    keeps_recorded,
    recommendation_headline,
    recommendation_view,
)
from il2tui.tui.screens.step import StepScreen
from il2tui.tui.steps import Step
from il2tui.tui.verdict import verdict_view
from il2tui.tui.widgets.field import Field

if TYPE_CHECKING:
    from il2tui.case.model import Case, Decision
    from il2tui.clinical.model import CourseReview, Review

#: The decision that follows the recommendation: the case file records retreat or stop.
ACCEPT = {
    "retreat": "retreat",
    "consider_retreat": "retreat",
    "consolidate": "retreat",
    "stop": "stop",
}


class DecisionScreen(StepScreen):
    """Category, recommendation, reasoning, cautions; Enter accepts, ctrl+o overrides."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "answer",
            "Accept",
            priority=True,
            id="answer",
            tooltip="Accept the recommendation",
        ),
        Binding(
            "ctrl+o",
            "override",
            "Override",
            id="override",
            tooltip="Decide otherwise, with a reason",
        ),
        Binding(
            "ctrl+n",
            "later",
            "Restage again",
            id="later",
            tooltip="Add a later restaging (to confirm)",
        ),
    ]
    AUTO_FOCUS = "#note"

    def compose_form(self) -> ComposeResult:
        """The recommendation and what Enter does, the note (visible without scrolling at
        80x24), then the engine's verdict and the recommendation's reasoning."""
        yield Static(Text("Reviewing…", style="italic"), id="decision-head", markup=False)
        with Horizontal(classes="row"):
            yield Static("Note", classes="label")
            yield Field(id="note", placeholder="optional, kept with the decision")
        yield Static("", id="decision-body", markup=False)

    def fill(self, case: Case | None) -> None:
        """The note on file, if the decision was recorded."""
        recorded = self._recorded()
        if recorded is not None and recorded.reason:
            self.query_one("#note", Field).value = recorded.reason

    def course_review(self) -> CourseReview | None:
        """This course in the current review (``None`` while it is computed)."""
        review = self.app.current_review()
        if review is None or len(review.courses) < self.step.course:
            return None
        return review.courses[self.step.course - 1]

    def review_changed(self, review: Review | None) -> None:
        """Show the verdict, the recommendation and what Enter will do."""
        found = self.course_review()
        head = self.query_one("#decision-head", Static)
        body = self.query_one("#decision-body", Static)
        if found is None or found.last is None:
            head.update(Text("Reviewing…", style="italic"))
            body.update("")
            return
        head.update(Group(recommendation_headline(found), decision_prompt(found, self._recorded())))
        body.update(
            Group(Text(), verdict_view(found.last, provisional=False), recommendation_view(found))
        )

    def _recorded(self) -> Decision | None:
        case = self.case
        return case.courses[self.step.course - 1].decision if case else None

    def context(self, review: Review | None) -> RenderableType | None:
        """The series' patients in this state who received the next course (or why none
        applies); the eligibility flags and the warnings."""
        found = self.course_review()
        if review is None or found is None:
            return None
        n = self.step.course
        if found.cohort is None and found.cohort_note is None:  # no state yet (not evaluable)
            series = cohort_view(
                found.cohort_this_course, f"Course {n} in the series", found.cohort_this_course_note
            )
        else:
            series = cohort_view(found.cohort, f"Course {n + 1} in the series", found.cohort_note)
        warnings = applicability_view(found.eligibility, review.warnings)
        return Group(series, *([Text(), warnings] if warnings else []))

    def action_answer(self) -> None:
        """Accept: record the recommended decision (or, for reassess, complete the measurements)."""
        found = self.course_review()
        if found is None:
            self.notify("The review is still being computed; try again in a moment.", timeout=3)
            return
        note = self.query_one("#note", Field).value.strip()[:2000] or None
        recorded = self._recorded()
        if keeps_recorded(found, recorded):
            assert recorded is not None
            decided = found.clinician_decision
            if note is None and decided is not None and decided.differs:
                self.show_error("Note: an override keeps its reason; type it, or ctrl+o.")
                return
            self._record(recorded.action, note)
            return
        action = found.recommendation.action
        if action == "reassess":
            self.app.jump(Step("assessment", self.step.course))
            return
        self._record(ACCEPT[action], note)

    def action_override(self) -> None:
        """Decide otherwise: the dialog asks for the decision and a reason (required)."""
        from il2tui.tui.screens.override import OverrideScreen

        found = self.course_review()
        if found is None:
            return
        self.app.push_screen(OverrideScreen(found.recommendation.action), self._overridden)

    def _overridden(self, decision: Decision | None) -> None:
        if decision is not None:
            self._record(decision.action, decision.reason)

    def _record(self, action: str, reason: str | None) -> None:
        from il2tui.case.model import Decision, from_data
        from il2tui.tui.edits import with_decision

        assert self.case is not None
        found, review = self.course_review(), self.app.current_review()
        assert found is not None and review is not None
        rec, ref = found.recommendation, review.guideline
        seen = {
            "rule": rec.rule,
            "action": rec.action,
            "guideline": {"id": ref.id, "version": ref.version},
        }
        decision = from_data(Decision, {"action": action, "reason": reason, "seen": seen})
        case = with_decision(self.case, self.step.course, decision)
        after = Step("course", self.step.course + 1) if action == "retreat" else Step("summary")
        self.app.complete(self.step, case, after)

    def action_later(self) -> None:
        """Record a further restaging after this course (e.g. to confirm a response)."""
        self.app.jump(Step("assessment", self.step.course, later=True))

    def answer(self) -> Case:  # pragma: no cover - the decision is recorded by its actions
        raise NotImplementedError

    def save_answer(self, then: object = None) -> bool:
        """ctrl+s saves the case as it is: the decision is only recorded by Enter or ctrl+o."""
        return False

    def draft(self) -> dict[str, str]:
        """The note as typed."""
        return {"note": self.query_one("#note", Field).value}
