"""Step 1, the patient: the diagnosis first, then optional details and the exclusion checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from il2tui.tui import wording as w
from il2tui.tui.evidence_view import applicability_view, series_view
from il2tui.tui.forms import FieldError, parse_count
from il2tui.tui.reviewing import review_in_thread
from il2tui.tui.screens.step import StepScreen
from il2tui.tui.steps import Step
from il2tui.tui.widgets.checklist import Checklist
from il2tui.tui.widgets.choice import Choice
from il2tui.tui.widgets.field import Field

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.clinical.model import Note, Review

_DIAGNOSES = list(w.DIAGNOSES)
_ECOG = [("", "not recorded"), *((str(n), str(n)) for n in range(5))]
_FRAMES = ("characteristics", "response")


class PatientScreen(StepScreen):
    """Diagnosis, label, sex, age, ECOG, prior therapy, the series' exclusion criteria."""

    def __init__(self, step: Step) -> None:
        super().__init__(step)
        self._warnings: tuple[Note, ...] = ()
        self._flags: tuple[Note, ...] = ()

    def compose_form(self) -> ComposeResult:
        """The diagnosis list, the details row, and the two checklists."""
        yield Static("Diagnosis (↑/↓ to choose)", classes="section")
        yield OptionList(
            *(Option(w.DIAGNOSES[k], id=k) for k in _DIAGNOSES), id="diagnosis", compact=True
        )
        yield Static("", id="diagnosis-note", markup=False)
        yield Static("Optional details", classes="section")
        with Horizontal(classes="row"):
            yield Static("Label", classes="label")
            yield Field(id="label", placeholder="a pseudonym, never a name or record number")
        with Horizontal(classes="row"):
            yield Static("Sex", classes="label")
            yield Choice(list(w.SEX.items()), id="sex")
        with Horizontal(classes="row"):
            yield Static("Age (years)", classes="label")
            yield Field(id="age", classes="number")
        with Horizontal(classes="row"):
            yield Static("ECOG", classes="label")
            yield Choice(_ECOG, id="ecog")
        yield Static("Prior therapy (↑/↓ move, space ticks)", classes="section")
        yield Checklist(*((v, k) for k, v in w.PRIOR_THERAPY.items()), id="prior", compact=True)
        yield Static(
            "The series' exclusion criteria that apply (↑/↓ move, space ticks)", classes="section"
        )
        yield Checklist(*((v, k) for k, v in w.EXCLUSIONS.items()), id="exclusions", compact=True)

    def mounted(self) -> None:
        """Load Table 1 and Table 2 for the context panel; preview the warnings."""
        self.watch(self.app, "frames", lambda _: self.refresh_context(), init=False)
        self.app.need_frames(*_FRAMES)
        self.call_after_refresh(self._preview)

    def fill(self, case: Case | None) -> None:
        """The patient's details as recorded."""
        if case is None:
            self.query_one("#diagnosis", OptionList).highlighted = 0
            return
        p = case.patient
        self.query_one("#diagnosis", OptionList).highlighted = _DIAGNOSES.index(p.diagnosis)
        self.query_one("#label", Field).value = p.label or ""
        self.query_one("#sex", Choice).value = p.sex or ""
        self.query_one("#age", Field).value = "" if p.age is None else str(p.age)
        self.query_one("#ecog", Choice).value = (
            "" if p.performance_status is None else str(p.performance_status)
        )
        for name, chosen in (("#prior", p.prior_therapy), ("#exclusions", p.exclusions)):
            for value in chosen:
                self.query_one(name, SelectionList).select(value)

    def diagnosis(self) -> str:
        """The highlighted diagnosis: ``melanoma``, ``renal_cell`` or ``other``."""
        index = self.query_one("#diagnosis", OptionList).highlighted
        return _DIAGNOSES[index or 0]

    def patient_data(self) -> dict[str, Any]:
        """The form as the ``patient`` object of the case file."""
        if self.diagnosis() == "other":
            raise FieldError(w.OTHER_DIAGNOSIS)
        ecog = self.query_one("#ecog", Choice).value
        data = {
            "diagnosis": self.diagnosis(),
            "label": self.query_one("#label", Field).value.strip() or None,
            "sex": self.query_one("#sex", Choice).value or None,
            "age": parse_count(self.query_one("#age", Field).value, "Age", 0, 120),
            "performance_status": int(ecog) if ecog else None,
            "prior_therapy": list(self.query_one("#prior", SelectionList).selected),
            "exclusions": list(self.query_one("#exclusions", SelectionList).selected),
        }
        return {k: v for k, v in data.items() if v is not None}

    def answer(self) -> Case:
        """The case with this patient."""
        from il2tui.tui.edits import with_patient

        return with_patient(self.case, self.patient_data())

    def next_step(self, case: Case) -> Step:
        """The baseline comes next."""
        return Step("baseline")

    def on_option_list_option_highlighted(self) -> None:
        """A new diagnosis: say whether the evidence covers it, and update the context."""
        other = self.diagnosis() == "other"
        note = self.query_one("#diagnosis-note", Static)
        note.update(Text(w.OTHER_DIAGNOSIS, style="bold") if other else "")
        note.display = other
        self._preview()

    def on_selection_list_selected_changed(self) -> None:
        """Prior therapy or exclusions changed: the applicability warnings may change."""
        self._preview()

    def _preview(self) -> None:
        """Ask the engine for the warnings that apply to this patient as entered so far."""
        from il2tui.case.files import CaseError
        from il2tui.tui.edits import with_patient

        try:
            case = with_patient(None, self.patient_data())
        except (FieldError, CaseError):
            self._warnings = self._flags = ()
            self.refresh_context()
            return
        review_in_thread(self, case, self._previewed, "preview")

    def _previewed(self, review: Review | None, error: str | None) -> None:
        self._warnings = review.warnings if review else ()
        self._flags = review.eligibility if review else ()
        self.refresh_context()

    def context(self, review: Review | None) -> RenderableType | None:
        """Table 1 and Table 2 for the diagnosis, and the warnings that apply."""
        diagnosis = self.diagnosis()
        if diagnosis == "other":
            return Text(w.OTHER_DIAGNOSIS)
        frames = self.app.frames
        if not all(name in frames for name in _FRAMES):
            return None
        parts: list[RenderableType] = [
            series_view(frames["characteristics"], frames["response"], diagnosis)
        ]
        warnings = applicability_view(self._flags, self._warnings)
        return Group(*parts, *([warnings] if warnings else []))
