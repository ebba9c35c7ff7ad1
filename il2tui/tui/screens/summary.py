"""The summary: every course on a timeline, the SPD chart, the best response, the export."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from il2tui.tui.evidence_view import cohort_view, eligibility_view, notice_view
from il2tui.tui.screens.step import StepScreen
from il2tui.tui.timeline import COLUMNS, best_response_text, timeline_rows
from il2tui.tui.widgets.spd_chart import SpdChart

if TYPE_CHECKING:
    from pathlib import Path

    from il2tui.case.model import Case
    from il2tui.clinical.model import Review


class SummaryScreen(StepScreen):
    """Timeline, chart and best response; Enter exports the report."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "answer",
            "Export",
            priority=True,
            id="answer",
            tooltip="Write the Markdown report",
        ),
    ]
    AUTO_FOCUS = "#timeline"
    #: The timeline needs the width: the panels stay behind F3 / F4 at every size.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-narrow")]

    def compose_form(self) -> ComposeResult:
        """The notice, the best response, the timeline table, the chart, the export line."""
        yield Static("", id="notice", markup=False)
        yield Static(Text("Reviewing…", style="italic"), id="best", markup=False)
        yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Static(
            "↑/↓ move · * after PD · ! override · ? changed since decided (confirm it)",
            classes="keys-hint",
        )
        yield Static("SPD change from baseline at each restaging", classes="section")
        yield SpdChart(id="chart")
        yield Static("", id="exported", markup=False)

    def on_mount(self) -> None:
        """Set the table's columns (before the base class fills it from the review)."""
        self.query_one(DataTable).add_columns(*map(Text, COLUMNS))

    def review_changed(self, review: Review | None) -> None:
        """Fill the timeline, chart and best response from the review."""
        if review is None:
            return
        rows = list(timeline_rows(review))
        table = self.query_one(DataTable).clear(columns=True)
        # Widths given, not measured later: Textual measures on idle and keeps cells drawn
        # before that, so a frame drawn in between left the header at its first widths.
        for label, *cells in zip(COLUMNS, *rows, strict=True):
            width = max([cell_len(label), *(c.cell_len for c in cells)])
            table.add_column(Text(label), width=width)  # Text: a str label is parsed as markup
        table.add_rows(rows)
        self.query_one("#best", Static).update(Text(best_response_text(review), style="bold"))
        self.query_one("#notice", Static).update(notice_view(review))
        points = [
            (f"C{course.number} {found.date}", found.change_from_baseline_pct, found.response)
            for course in review.courses
            for found in course.assessments
        ]
        self.query_one(SpdChart).set_points(points)

    def context(self, review: Review | None) -> RenderableType | None:
        """The eligibility flags as of the latest course, then what happened after course 1 to
        the series' patients with this diagnosis."""
        if review is None:
            return None
        first = cohort_view(review.cohort_first_course, "After course 1 in the series")
        current = review.current
        flags = eligibility_view(current.eligibility if current else review.eligibility)
        return Group(*((flags, Text()) if flags else ()), first)

    def action_answer(self) -> None:
        """Export the review and the transcript as a Markdown report."""
        self.app.action_export(self._exported)

    def _exported(self, path: Path) -> None:
        for line in self.query("#exported").results(Static):  # none once the screen is gone
            line.update(Text(f"Report written: {path.name}", style="bold"))

    def answer(self) -> Case:  # pragma: no cover - the summary records nothing
        raise NotImplementedError

    def save_answer(self, then: object = None) -> bool:
        """Nothing to answer here; ctrl+s saves the case as it is."""
        return False
