"""Step 3, course n: start date, doses in each cycle, and what stops retreatment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import SelectionList, Static

from il2tui.tui import wording as w
from il2tui.tui.checks import Problem
from il2tui.tui.evidence_view import cohort_view
from il2tui.tui.forms import FieldError, parse_count, parse_date
from il2tui.tui.screens.step import StepScreen
from il2tui.tui.steps import Step
from il2tui.tui.widgets.checklist import Checklist
from il2tui.tui.widgets.field import Field

if TYPE_CHECKING:
    from textual.widget import Widget

    from il2tui.case.model import Case
    from il2tui.clinical.model import Review
    from il2tui.evidence.answer import CohortAnswer

DECLINED = "declined"
MAX_DOSES = 15


class CourseScreen(StepScreen):
    """Start date, doses per cycle (two cycles, at most 15 each), toxicity checklist, note."""

    def compose_form(self) -> ComposeResult:
        """The fields of a course."""
        for key, label, classes in (
            ("start", "Start date", "date"),
            ("cycle1", "Cycle 1 doses", "number"),
            ("cycle2", "Cycle 2 doses", "number"),
        ):
            with Horizontal(classes="row"):
                yield Static(label, classes="label")
                yield Field(id=key, placeholder=_placeholder(key), classes=classes)
        yield Static("What stops retreatment (↑/↓ move, space ticks)", classes="section")
        options = [(text, code) for code, text in w.TOXICITY.items()] + [(w.DECLINED, DECLINED)]
        yield Checklist(*options, id="stops", compact=True)
        with Horizontal(classes="row"):
            yield Static("Toxicity note", classes="label")
            yield Field(id="note", placeholder="optional, in your words")

    def fill(self, case: Case | None) -> None:
        """The course as recorded, if it was."""
        if case is None or len(case.courses) < self.step.course:
            return
        course = case.courses[self.step.course - 1]
        self.query_one("#start", Field).value = str(course.start)
        for i, doses in enumerate(course.doses or ()):
            self.query_one(f"#cycle{i + 1}", Field).value = str(doses)
        stops = self.query_one("#stops", SelectionList)
        for code in (*course.toxicity, *((DECLINED,) if course.declined_further else ())):
            stops.select(code)
        self.query_one("#note", Field).value = course.toxicity_note or ""

    def problems(self) -> list[Problem]:
        """The start date and each cycle's doses: every problem, each in its field."""
        out = []
        start = self.query_one("#start", Field)
        try:
            parse_date(start.value, "The start date")
        except FieldError as exc:
            out.append(Problem(start, str(exc)))
        counts = []
        for i in (1, 2):
            field = self.query_one(f"#cycle{i}", Field)
            try:
                counts.append(parse_count(field.value, f"Doses in cycle {i}", 0, MAX_DOSES))
            except FieldError as exc:
                counts.append(0)
                out.append(Problem(field, str(exc)))
        if counts[0] is None and counts[1] is not None:
            first = self.query_one("#cycle1", Field)
            out.append(Problem(first, "Doses in cycle 1: type them before those of cycle 2."))
        return out

    def field_for(self, path: str) -> Widget | None:
        """A checking error about the course's start (before the baseline, before the
        previous course) is about the start date field."""
        return self.query_one("#start", Field) if path.endswith(".start") else None

    def values(self) -> dict[str, Any]:
        """The form as the fields of a course in the case file."""
        doses = [
            parse_count(
                self.query_one(f"#cycle{i}", Field).value, f"Doses in cycle {i}", 0, MAX_DOSES
            )
            for i in (1, 2)
        ]
        if doses[0] is None and doses[1] is not None:
            raise FieldError("Doses in cycle 1: type them before those of cycle 2.")
        stops = list(self.query_one("#stops", SelectionList).selected)
        note = self.query_one("#note", Field).value.strip()
        return {
            "start": parse_date(self.query_one("#start", Field).value, "The start date"),
            "doses": [d for d in doses if d is not None] or None,
            "toxicity": [s for s in stops if s != DECLINED],
            "declined_further": DECLINED in stops,
            "toxicity_note": note or None,
        }

    def answer(self) -> Case:
        """The case with this course recorded."""
        from il2tui.tui.edits import with_course

        assert self.case is not None
        return with_course(self.case, self.step.course, self.values())

    def next_step(self, case: Case) -> Step:
        """The restaging after this course comes next."""
        return Step("assessment", self.step.course)

    def context(self, review: Review | None) -> RenderableType | None:
        """What happened to the series' patients given this course from the same state."""
        if review is None:
            return None
        answer, note = this_course_cohort(review, self.step.course)
        return Group(cohort_view(answer, f"Course {self.step.course} in the series", note))


def this_course_cohort(review: Review, number: int) -> tuple[CohortAnswer | None, str | None]:
    """The series' patients in the patient's state before course ``number`` who received it,
    and, when no cohort applies (a stop the series never went past), why."""
    if number == 1:
        return review.cohort_first_course, None
    before = review.courses[number - 2] if len(review.courses) >= number - 1 else None
    return (before.cohort, before.cohort_note) if before is not None else (None, None)


def _placeholder(key: str) -> str:
    return "YYYY-MM-DD" if key == "start" else f"0-{MAX_DOSES}"
