"""What the baseline and assessment steps share: a date, diameters in mm or cm, a live review.

As the clinician types, the form becomes a provisional case and the engine
reviews it in a worker; the screen shows the engine's products, SPD and
category. Nothing is computed here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from il2tui.tui.forms import FieldError, Unit
from il2tui.tui.reviewing import review_in_thread
from il2tui.tui.screens.step import StepScreen
from il2tui.tui.widgets.field import Field

W = TypeVar("W", bound=Widget)

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.clinical.model import Review


class MeasuringScreen(StepScreen):
    """A step with a date, rows of diameters, the unit switch and a live preview."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+t", "toggle_unit", "mm/cm", id="unit", tooltip="Switch the unit (stored in mm)"
        ),
        Binding("ctrl+n", "add_row", "Add lesion", id="add", tooltip="Add a lesion row"),
        Binding("ctrl+r", "remove_row", "Remove", id="remove", tooltip="Remove the lesion row"),
    ]
    DATE_LABEL = "Date"
    unit: Unit = "mm"

    def compose_date(self) -> ComposeResult:
        """The date row and the unit (as left on this step, else the baseline's)."""
        draft = self.saved_draft
        recorded = self.case.baseline.unit if self.case and self.case.baseline else None
        self.unit = (draft or {}).get("unit") or recorded or "mm"
        with Horizontal(classes="row"):
            yield Static(self.DATE_LABEL, classes="label")
            yield Field(id="date", placeholder="YYYY-MM-DD", classes="date")
            yield Static("", id="unit", markup=False)

    def mounted(self) -> None:
        """Show the unit, then preview what was filled in."""
        self._show_unit()
        self.call_after_refresh(self.preview)

    def diameter_fields(self) -> list[Field]:
        """Every diameter field of the form."""
        return [
            f
            for row in self.query(".lesion-row, .measure-row, .new-row")
            for f in row.diameter_fields()
        ]  # type: ignore[attr-defined]

    def action_toggle_unit(self) -> None:
        """Read the typed numbers in the other unit (3 stays 3, now cm): the switch is for a
        slip of unit, so nothing has to be typed again."""
        self.unit = "cm" if self.unit == "mm" else "mm"
        self._show_unit()
        typed = any(field.value.strip() for field in self.diameter_fields())
        if typed:
            self.notify(f"The numbers typed are now read in {self.unit}.", timeout=4)
        self.preview()

    async def add_row_to(self, container: str, row: Widget) -> None:
        """Mount ``row`` in ``container`` and focus its site.

        Adding and removing are awaited, so no key or preview that follows can meet a
        row whose fields are not mounted yet or are half removed.
        """
        await self.query_one(container).mount(row)
        self._show_unit()
        row.query_one(".site", Field).focus()

    async def remove_focused_row(self, kind: type[Widget], where: str) -> None:
        """Remove the ``kind`` of row that holds the focus, or say to move to one first."""
        row = self.focused_row(kind)
        if row is None:
            self.notify(f"Move to {where} first (tab), then ctrl+r.", timeout=3)
            return
        await row.remove()
        self.preview()

    def focused_row(self, kind: type[W]) -> W | None:
        """The row of type ``kind`` that holds the focus, if any."""
        focused = self.focused
        if focused is None:
            return None
        return next((a for a in focused.ancestors if isinstance(a, kind)), None)

    def _show_unit(self) -> None:
        other = "cm" if self.unit == "mm" else "mm"
        words = f"  diameters in {self.unit} (ctrl+t: read as {other})"
        self.query_one("#unit", Static).update(Text(words, style="dim"))
        for label in self.query(".unit-label").results(Static):
            label.update(self.unit)

    def on_input_changed(self) -> None:
        """Something was typed: preview again (the step lists its problems again too)."""
        self.preview()

    def field_for(self, path: str) -> Widget | None:
        """A checking error about a date is about the date field."""
        return self.query_one("#date", Field) if path.endswith(".date") else None

    def preview(self) -> None:
        """Ask the engine to review the form as it stands; say why it cannot when it cannot."""
        from il2tui.case.files import CaseError
        from il2tui.tui.edits import describe

        reason = next((p.message for p in self.problems() if p.typed), None)
        try:
            case = self.provisional()
        except FieldError as exc:
            case, reason = None, reason or str(exc)
        except CaseError as exc:
            case, reason = None, reason or describe(exc)
        if case is None:
            self.previewed(None, reason)
        else:
            review_in_thread(self, case, lambda r, e: self.previewed(r, e or reason), "preview")

    def provisional(self) -> Case | None:
        """The case as typed so far, with what can be read of this step."""
        raise NotImplementedError

    def previewed(self, review: Review | None, error: str | None) -> None:
        """Show the engine's products, SPD and category."""

    def draft(self) -> dict[str, Any]:
        """The date, the unit and the rows as typed."""
        return {"date": self.query_one("#date", Field).value, "unit": self.unit}

    def restore(self, draft: dict[str, Any]) -> None:
        """Put the date back (the unit was set when composing; the rows are the subclass's)."""
        self.query_one("#date", Field).value = draft.get("date", "")
