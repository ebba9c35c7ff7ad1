"""What every step screen shares: header, question, form, context, transcript, footer.

A step screen asks one question. Enter answers it (the form becomes a new
version of the case, checked by the case model; the app saves it and moves on),
Escape goes back one step keeping what was typed. The context and transcript
panels sit on the right; on a narrow terminal they hide behind F3 and F4.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from il2tui.tui import memory, wording
from il2tui.tui.checks import Problem
from il2tui.tui.forms import FieldError
from il2tui.tui.screens.fits import Fits
from il2tui.tui.text import clean, literal
from il2tui.tui.widgets.case_header import CaseHeader, HeaderFacts
from il2tui.tui.widgets.context_panel import ContextPanel
from il2tui.tui.widgets.keys_bar import KeysBar
from il2tui.tui.widgets.transcript_view import TranscriptView

if TYPE_CHECKING:
    from textual.widget import Widget

    from il2tui.case.model import Case
    from il2tui.clinical.model import Review
    from il2tui.tui.host import AssistHost, Saved
    from il2tui.tui.reviewing import ReviewState
    from il2tui.tui.steps import Step


class Form(VerticalScroll, can_focus=False):
    """The question and its fields; scrolls when the terminal is short."""


FORM_WIDGETS = "#main Field, #main Choice, #main SelectionList, #main OptionList"


class StepScreen(Fits, Screen[None]):
    """Base of the step screens; subclasses compose the form and turn it into a case."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "answer", "Answer", priority=True, id="answer", tooltip="Answer and go on"
        ),
        Binding(
            "escape", "back", "Back", id="back", tooltip="One step back; what you typed is kept"
        ),
        Binding(
            "f3", "flip('context')", "Context", id="context", tooltip="Show or hide the evidence"
        ),
        Binding(
            "f4",
            "flip('transcript')",
            "Transcript",
            id="transcript",
            tooltip="Show or hide the transcript",
        ),
    ]
    AUTO_FOCUS = "#main Field, #main Choice, #main SelectionList, #main OptionList"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (100, "-wide"),
    ]
    app: AssistHost

    def __init__(self, step: Step) -> None:
        super().__init__(classes="step")
        self.step = step
        self._focused_once = False

    def compose(self) -> ComposeResult:
        """Header, the question and its form beside the context and transcript, footer."""
        yield CaseHeader()
        with Horizontal(id="body"):
            with Form(id="main"):
                yield Static(
                    literal(wording.question(self.step.kind, self.step.course)), id="question"
                )
                yield from self.compose_form()
                yield Static("", id="errors", markup=False)
            with Vertical(id="side"):
                yield ContextPanel(id="context")
                yield TranscriptView(id="transcript")
        yield KeysBar()

    def compose_form(self) -> ComposeResult:
        """The widgets that answer the question."""
        yield from ()

    def on_mount(self) -> None:
        """Fill the form from the draft (or the case), and the review if it is ready.

        A review of this very case (an opened file, or a step jumped to) is in the
        first frame; one still to come follows it.
        """
        draft = self.saved_draft
        if draft is not None:
            self.restore(draft)
        else:
            self.fill(self.case)
        self.refresh_header()
        self.mounted()
        self.watch(self.app, "review_state", self._review_changed, init=False)
        if self.app.current_review() is not None:
            self._first_review()
        else:
            self.call_after_refresh(self._first_review)

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """Focus ``widget``; the first focus of the screen does not scroll the form.

        Textual scrolls a newly focused widget to the centre when it cannot see all of it,
        and the first field is focused before the form is laid out: at 80x24 that slid
        the patient step's question and first diagnosis out of sight. The first field is
        always just under the question, so the form is shown from its top.
        """
        first, self._focused_once = not self._focused_once, True
        super().set_focus(widget, scroll_visible and not first, from_app_focus)

    def _first_review(self) -> None:
        """Once the form is drawn: ask for the review if needed, and show what there is."""
        self.app.ensure_review()
        self._review_changed(self.app.review_state)

    def mounted(self) -> None:
        """Subclass hook: the form is filled; the review is not shown yet.

        (Textual calls every class's ``on_mount`` itself, so subclasses use this.)
        """

    @property
    def saved_draft(self) -> dict[str, Any] | None:
        """What was typed here before leaving the step unanswered, if anything."""
        session = self.app.session
        return session.drafts.get(self.step.key) if session else None

    @property
    def case(self) -> Case | None:
        """The case as last answered."""
        return self.app.session.case if self.app.session else None

    # Subclass hooks ------------------------------------------------------
    def fill(self, case: Case | None) -> None:
        """Put the case's answers to this step into the form."""

    def answer(self) -> Case:
        """The case with this step answered (raise FieldError or CaseError if not possible)."""
        raise NotImplementedError

    def next_step(self, case: Case) -> Step:
        """Where to go once this step is answered."""
        raise NotImplementedError

    def context(self, review: Review | None) -> RenderableType | None:
        """What the context panel shows; ``None`` keeps it as it is."""
        return None

    def review_changed(self, review: Review | None) -> None:
        """The review of the current case arrived (``None``: it is being computed)."""

    # Drafts --------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        """The raw values of the form, to come back to."""
        return {w.id: _value_of(w) for w in self.query(FORM_WIDGETS) if w.id}

    def restore(self, draft: dict[str, Any]) -> None:
        """Put raw values back into the form."""
        for widget in self.query(FORM_WIDGETS):
            if widget.id in draft:
                _set_value(widget, draft[widget.id])

    # Actions -------------------------------------------------------------
    def action_answer(self) -> None:
        """Check the form, store the answer and move on; show what is wrong otherwise."""
        memory.pause_until_drawn(self.app)  # the next step, or the problems, drawn first
        case = self._checked_answer()
        if case is not None:
            self.confirm(case, lambda: self.app.complete(self.step, case, self.next_step(case)))

    def save_answer(self, then: Saved | None = None) -> bool:
        """ctrl+s: store this step's answer without moving on; False if the form is incomplete."""
        case = self._checked_answer(quiet=True)
        if case is None:
            return False
        self.confirm(case, lambda: self._store(case, then))
        return True

    def _store(self, case: Case, then: Saved | None) -> None:
        self.app.session.drafts.pop(self.step.key, None)  # type: ignore[union-attr]
        self.app.store(case, then)

    def confirm(self, case: Case, proceed: Callable[[], None]) -> None:
        """Subclass hook: ``proceed`` with the answer ``case`` (Enter and ctrl+s), or ask first
        when it would delete something recorded."""
        proceed()

    def problems(self) -> list[Problem]:
        """Subclass hook: every problem of the form as typed, each with its field."""
        return []

    def field_for(self, path: str) -> Widget | None:
        """Subclass hook: the field a case-file path (of a checking error) was typed in."""
        return None

    _listing = False
    """True once Enter found problems: the list follows every change until none is left."""

    def _checked_answer(self, quiet: bool = False) -> Case | None:
        case, problems = self._answer_or_problems()
        if case is not None:
            self.show_problems([])
            return case
        if not quiet:
            self._listing = True
            self.show_problems(problems)
            first = next((p.field for p in problems if p.field is not None), None)
            if first is not None:
                first.focus()
                if isinstance(first, Input):  # Textual selects on gaining the focus only
                    first.select_all()
        return None

    def _answer_or_problems(self) -> tuple[Case | None, list[Problem]]:
        from il2tui.case.files import CaseError
        from il2tui.tui.edits import describe

        problems = self.problems()
        if problems:
            return None, problems
        try:
            return self.answer(), []
        except FieldError as exc:
            return None, [Problem(None, str(exc))]
        except CaseError as exc:
            return None, [Problem(self.field_for(exc.path), describe(exc))]

    def on_input_changed(self) -> None:
        """Something was typed: list the problems again if they are shown."""
        self.recheck()

    def recheck(self) -> None:
        """After a change: list the problems again if they are shown (a fixed one goes)."""
        if self._listing:
            problems = self._answer_or_problems()[1]
            self._listing = bool(problems)
            self.show_problems(problems)

    def show_problems(self, problems: list[Problem]) -> None:
        """List every problem under the form and mark their fields (or clear both)."""
        errors = self.query_one("#errors", Static)
        if not problems and not errors.has_class("-shown"):
            return  # nothing listed, no field marked (both are set together): nothing to clear
        errors.update(Text("\n".join(f"⚠ {clean(p.message)}" for p in problems)))
        errors.set_class(bool(problems), "-shown")
        bad = {id(p.field) for p in problems if p.field is not None}
        for widget in self.query(".-bad"):
            widget.set_class(id(widget) in bad, "-bad")
        for problem in problems:
            if problem.field is not None:
                problem.field.add_class("-bad")

    def show_error(self, message: str) -> None:
        """Show (or clear) one problem of the step as a whole."""
        self.show_problems([Problem(None, message)] if message else [])

    def action_back(self) -> None:
        """One step back, keeping what was typed here."""
        self.app.go_back(self.step)

    def action_flip(self, panel: str) -> None:
        """Show or hide a side panel (on a narrow screen, one at a time, in place of the form)."""
        other = "transcript" if panel == "context" else "context"
        if self.has_class("-narrow"):
            self.remove_class(f"-flip-{other}")
        self.toggle_class(f"-flip-{panel}")

    # Review --------------------------------------------------------------
    _drawn: object = ()
    """The review state the panels show (the empty tuple: none drawn yet)."""

    def _review_changed(self, state: ReviewState | None) -> None:
        if state is self._drawn:
            return
        self._drawn = state
        from il2tui.tui.transcript import transcript

        review = self.app.current_review()
        self.query_one(TranscriptView).show(transcript(self.case, review))
        self.refresh_context()
        self.review_changed(review)
        self.refresh_header()

    def refresh_context(self) -> None:
        """Redraw the context panel from the current review and form."""
        body = self.context(self.app.current_review())
        if body is not None:
            self.query_one(ContextPanel).show(body)

    def refresh_header(self) -> None:
        """Show the patient, the step and the case file in the header."""
        session = self.app.session
        case = session.case if session else None
        self.query_one(CaseHeader).facts = HeaderFacts(
            label=case.patient.label if case else None,
            diagnosis=case.patient.diagnosis if case else None,
            course=self.step.course,
            step=self.step.title,
            file_name=session.file_name if session else "not saved yet",
        )


@cache
def _form_types() -> tuple[tuple[type, ...], type, type]:
    """The form widgets' classes: those with a ``value``, SelectionList, OptionList.

    Imported when a draft is first taken or restored: the summary (the demo's first
    screen) has no form, and SelectionList alone took milliseconds to import.
    """
    from textual.widgets import OptionList, SelectionList

    from il2tui.tui.widgets.choice import Choice
    from il2tui.tui.widgets.field import Field

    return (Field, Choice), SelectionList, OptionList


def _value_of(widget: Any) -> Any:
    valued, selection_list, option_list = _form_types()
    if isinstance(widget, valued):
        return widget.value
    if isinstance(widget, selection_list):
        return list(widget.selected)
    if isinstance(widget, option_list):
        return widget.highlighted
    return None


def _set_value(widget: Any, value: Any) -> None:
    valued, selection_list, option_list = _form_types()
    if isinstance(widget, valued):
        widget.value = value
    elif isinstance(widget, selection_list):
        widget.deselect_all()
        for item in value:
            widget.select(item)
    elif isinstance(widget, option_list):
        widget.highlighted = value
