"""Step 4, the restaging after course n: each lesion's diameters, new lesions, live category."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from il2tui.tui.checks import Problem, is_blank, read_pair
from il2tui.tui.evidence_view import cohort_view
from il2tui.tui.forms import FieldError, Unit, parse_date, parse_pair, show_diameter
from il2tui.tui.screens.course import this_course_cohort
from il2tui.tui.screens.measuring import MeasuringScreen
from il2tui.tui.steps import Step
from il2tui.tui.text import clean
from il2tui.tui.unit_slip import cm_suspects
from il2tui.tui.verdict import lesion_status, verdict_view
from il2tui.tui.widgets.field import Field
from il2tui.tui.widgets.measure_row import MeasureRow, NewLesionRow
from il2tui.tui.widgets.non_measurable import SiteStatuses

if TYPE_CHECKING:
    from il2tui.case.model import Assessment, Case
    from il2tui.clinical.model import AssessmentResult, Review


class AssessmentScreen(MeasuringScreen):
    """One row per baseline lesion (blank: not assessed; ctrl+g: gone), new lesions, verdict."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "gone", "Gone", id="gone", tooltip="The lesion has disappeared (0 × 0)"),
        Binding(
            "ctrl+l",
            "as_before",
            "As before",
            id="as-before",
            show=False,  # the keys bar is full; the section title names the key
            tooltip="Copy the lesion's latest diameters into its row (it has not changed)",
        ),
        Binding("ctrl+n", "add_row", "New lesion", id="add", tooltip="Record a new lesion"),
        Binding(
            "ctrl+r", "remove_row", "Remove new", id="remove", tooltip="Remove the new lesion row"
        ),
    ]
    DATE_LABEL = "Restaged on"

    def compose_form(self) -> ComposeResult:
        """Date and unit, the lesions, the new lesions, the engine's verdict."""
        yield from self.compose_date()
        yield Static("Baseline lesions (blank: not assessed)", classes="section")
        yield Static("ctrl+g: gone · ctrl+l: as before (the last diameters)", classes="keys-hint")
        yield Vertical(*self._measure_rows(), id="rows")
        yield Static("", id="unit-hint", markup=False)
        yield Static("New lesions (ctrl+n adds one)", classes="section")
        yield Vertical(*(NewLesionRow(v) for v in self._new_rows()), id="new-rows")
        yield SiteStatuses(self.case.non_measurable if self.case else (), self._statuses())
        yield Static("", id="verdict", markup=False)

    @property
    def index(self) -> int:
        """Which assessment of the course this screen edits (the latest, or a new one)."""
        found = self._course_assessments()
        return len(found) if self.step.later or not found else len(found) - 1

    def _course_assessments(self) -> tuple[Assessment, ...]:
        case = self.case
        if case is None or len(case.courses) < self.step.course:
            return ()
        return case.courses[self.step.course - 1].assessments

    def _measure_rows(self) -> list[MeasureRow]:
        case = self.case
        if case is None:
            return []
        latest = _latest_pairs(case, self.step.course, self.index)
        return [MeasureRow(x.id, x.site, _was(latest.get(x.id), self.unit)) for x in case.lesions]

    def _new_rows(self) -> list[dict[str, Any]]:
        """The new lesions as typed (draft) or recorded."""
        draft = self.saved_draft
        if draft is not None:
            return draft.get("new", [])
        found = self._course_assessments()
        if self.index >= len(found):
            return []
        return [
            {"site": new.site}
            | {f"d{i + 1}": show_diameter(d, self.unit) for i, d in enumerate(new.diameters or ())}
            for new in found[self.index].new_lesions
        ]

    def _statuses(self) -> dict[str, str]:
        """The non-measurable statuses as chosen (draft) or recorded."""
        draft = self.saved_draft
        if draft is not None:
            return draft.get("sites", {})
        found = self._course_assessments()
        return dict(found[self.index].non_measurable) if self.index < len(found) else {}

    def fill(self, case: Case | None) -> None:
        """The assessment being edited, if it was recorded."""
        found = self._course_assessments()
        if self.index >= len(found):
            return
        assessment = found[self.index]
        self.query_one("#date", Field).value = str(assessment.date)
        for row in self.query(MeasureRow):
            pair = assessment.measurements.get(row.lesion_id)
            if pair is not None:
                row.set_pair_text(*(show_diameter(d, self.unit) for d in pair))
        # The new lesions' rows were composed from the record (:meth:`_new_rows`).

    def draft(self) -> dict[str, Any]:
        """Date, unit, each lesion's diameters and the new lesions, as typed."""
        pairs = {row.lesion_id: row.pair_text() for row in self.query(MeasureRow)}
        new = [row.values() for row in self.query(NewLesionRow)]
        sites = self.query_one(SiteStatuses).statuses()
        return super().draft() | {"pairs": pairs, "new": new, "sites": sites}

    def restore(self, draft: dict[str, Any]) -> None:
        """Put the typed values back."""
        super().restore(draft)
        for row in self.query(MeasureRow):
            row.set_pair_text(*draft.get("pairs", {}).get(row.lesion_id, ("", "")))

    def action_gone(self) -> None:
        """Mark the focused lesion as disappeared."""
        row = self.focused_row(MeasureRow)
        if row is None:
            self.notify("Move to a baseline lesion's row first (tab), then ctrl+g.", timeout=3)
            return
        row.set_pair_text("0", "0")

    def action_as_before(self) -> None:
        """Copy the focused lesion's latest recorded diameters: a deliberate key, since the
        rows start blank (not pre-filled) so that an unchanged value is never saved by
        accident."""
        row = self.focused_row(MeasureRow)
        if row is None or self.case is None:
            self.notify("Move to a baseline lesion's row first (tab), then ctrl+l.", timeout=3)
            return
        pair = _latest_pairs(self.case, self.step.course, self.index).get(row.lesion_id)
        if pair is None:
            self.notify(f"{row.lesion_id} has no earlier measurement to copy.", timeout=3)
            return
        row.set_pair_text(*(show_diameter(d, self.unit) for d in pair))

    async def action_add_row(self) -> None:
        """A row for a new lesion, focused."""
        await self.add_row_to("#new-rows", NewLesionRow())

    async def action_remove_row(self) -> None:
        """Remove the focused new-lesion row."""
        await self.remove_focused_row(NewLesionRow, "a new lesion's row")

    def problems(self) -> list[Problem]:
        """The date, each lesion's diameters, each new lesion: every problem in its field."""
        date = self.query_one("#date", Field)
        out = []
        try:
            when = parse_date(date.value, "The restaging date")
        except FieldError as exc:
            out.append(Problem(date, str(exc), typed=bool(date.value.strip())))
        else:
            out += self._date_problems(date, when)
        for row in self.query(MeasureRow):
            out += read_pair(row.diameter_fields(), self.unit, row.lesion_id, required=False)[1]
        for i, row in enumerate(self._filled_new_rows(), start=1):
            name = f"New lesion {i}"
            if not row.site_field.value.strip():
                out.append(Problem(row.site_field, f"{name}: type where it is (its site)"))
            out += read_pair(row.diameter_fields(), self.unit, name, required=False)[1]
        return out

    def _date_problems(self, field: Field, when: date) -> list[Problem]:
        """The case model's checks of the date alone (after the course start, in order)."""
        from il2tui.case.files import CaseError
        from il2tui.tui.edits import describe, with_assessment

        if self.case is None:
            return []
        try:
            with_assessment(self.case, self.step.course, self.index, {"date": when})
        except CaseError as exc:
            return [Problem(field, describe(exc))]
        return []

    def _filled_new_rows(self) -> list[NewLesionRow]:
        """The new-lesion rows with anything typed (an empty one is dropped on Enter)."""
        rows = self.query(NewLesionRow)
        return [r for r in rows if not is_blank(r.site_field, *r.diameter_fields())]

    def assessment(self, strict: bool = True) -> dict[str, Any]:
        """The form as an assessment of the case file (``strict``: the date must be typed)."""
        text = self.query_one("#date", Field).value
        try:
            when = parse_date(text, "The restaging date")
        except FieldError:
            if strict:
                raise
            when = self._course_start() + timedelta(days=1)
        pairs = {
            row.lesion_id: parse_pair(*row.pair_text(), self.unit, row.lesion_id)
            for row in self.query(MeasureRow)
        }
        found = {"date": when, "measurements": pairs, "new_lesions": self._new_lesions()}
        return found | {"non_measurable": self.query_one(SiteStatuses).statuses()}

    def _new_lesions(self) -> list[dict[str, Any]]:
        out = []
        for i, row in enumerate(self._filled_new_rows(), start=1):
            values = row.values()
            if not values["site"].strip():
                raise FieldError(f"New lesion {i}: type where it is (its site).")
            pair = parse_pair(values["d1"], values["d2"], self.unit, f"New lesion {i}")
            out.append({"site": values["site"].strip()} | ({"diameters": pair} if pair else {}))
        return out

    def _course_start(self):  # type: ignore[no-untyped-def]
        assert self.case is not None
        return self.case.courses[self.step.course - 1].start

    def answer(self) -> Case:
        """The case with this assessment recorded."""
        from il2tui.tui.edits import with_assessment

        assert self.case is not None
        return with_assessment(self.case, self.step.course, self.index, self.assessment())

    def next_step(self, case: Case) -> Step:
        """The decision after this course comes next."""
        return Step("decision", self.step.course)

    def provisional(self) -> Case | None:
        """The case with this assessment as typed (a placeholder date until one is typed)."""
        from il2tui.tui.edits import with_assessment

        if self.case is None:
            return None
        return with_assessment(
            self.case, self.step.course, self.index, self.assessment(strict=False)
        )

    def previewed(self, review: Review | None, error: str | None) -> None:
        """Each lesion's product and change on its nadir; the SPD, changes and category."""
        result = self._result(review)
        by_id = {r.id: r for r in result.lesions} if result else {}
        for row in self.query(MeasureRow):
            found = by_id.get(row.lesion_id)
            row.show_status(lesion_status(found) if found else "")
        verdict = verdict_view(result, provisional=True)
        if error:
            problem = Text(f"⚠ Cannot compute yet: {clean(error)}", style="bold")
            verdict = Group(problem, verdict) if result is not None else problem
        self.query_one("#verdict", Static).update(verdict)
        self._show_unit_hint()

    def _show_unit_hint(self) -> None:
        """ "typed in cm?" before Enter, when the values read in mm look like centimetres."""
        hint = self.query_one("#unit-hint", Static)
        if self.unit != "mm" or self.case is None:
            hint.update("")
            return
        typed = {}
        for row in self.query(MeasureRow):
            typed[row.lesion_id] = read_pair(row.diameter_fields(), "mm", "", required=False)[0]
        last = _latest_pairs(self.case, self.step.course, self.index)
        suspects = cm_suspects(typed, last)
        if not suspects:
            hint.update("")
            return
        names = ", ".join(suspects)
        hint.update(
            Text(
                f"⚠ Typed in cm? {names}: far smaller than last time for a value in mm. "
                "If you measured in cm, ctrl+t reads the numbers as cm.",
                style="bold",
            )
        )

    def _result(self, review: Review | None) -> AssessmentResult | None:
        if review is None or len(review.courses) < self.step.course:
            return None
        found = review.courses[self.step.course - 1].assessments
        return found[self.index] if self.index < len(found) else None

    def context(self, review: Review | None) -> RenderableType | None:
        """What happened to the series' patients after this course, from the same state."""
        if review is None:
            return None
        answer, note = this_course_cohort(review, self.step.course)
        return cohort_view(answer, f"After course {self.step.course} in the series", note)


def _latest_pairs(case: Case, course: int, index: int) -> dict[str, Any]:
    """Each lesion's latest recorded diameters before this assessment (baseline first)."""
    latest: dict[str, Any] = dict(case.baseline.measurements) if case.baseline else {}
    earlier = [a for c in case.courses[: course - 1] for a in c.assessments]
    earlier += (
        list(case.courses[course - 1].assessments[:index]) if len(case.courses) >= course else []
    )
    for assessment in earlier:
        latest |= {k: v for k, v in assessment.measurements.items() if v is not None}
    return latest


def _was(pair: Any, unit: Unit) -> str:
    if pair is None:
        return ""
    if tuple(pair) == (0, 0):
        return "was gone"
    return f"was {show_diameter(pair[0], unit)} × {show_diameter(pair[1], unit)} {unit}"
