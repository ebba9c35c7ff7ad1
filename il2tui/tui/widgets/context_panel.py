"""The right-hand panel: what the series shows for the patient's current situation."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static


class ContextPanel(VerticalScroll, can_focus=True):
    """Evidence for this step: counts, percentages, exact intervals, source, warnings.

    It is filled after the screen is shown (the evidence loads in a worker);
    until then it says so.
    """

    BORDER_TITLE = "What the series shows"

    def compose(self):  # type: ignore[no-untyped-def]
        """One static body, replaced as the evidence arrives."""
        yield Static(Text("Loading the evidence…", style="italic"), markup=False)

    def show(self, body: RenderableType) -> None:
        """Replace the body."""
        self.query_one(Static).update(body)
