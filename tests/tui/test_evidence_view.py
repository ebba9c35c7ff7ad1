"""The evidence panel's renderings, as plain text: recordable outcomes, notes, flags."""

from __future__ import annotations

import asyncio

import pandas as pd
from rich.console import Console
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from il2tui.clinical.review import review_case
from il2tui.evidence import cohort
from il2tui.tui.evidence_view import cohort_view, eligibility_view
from il2tui.tui.recommendation_view import recommendation_headline
from il2tui.tui.screens.evidence import fill_table
from tests.engine.helpers import build


def _text(renderable: object, width: int = 80) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_a_pr_cohort_panel_has_only_cr_and_pr_rows() -> None:
    text = _text(cohort_view(cohort("renal_cell", 2, "PR"), "Course 2 in the series"))
    rows = [line.split()[0] for line in text.splitlines() if "/28" in line]
    assert rows == ["CR", "PR"]
    assert "best response so far" in text


def test_a_panel_without_a_cohort_shows_why() -> None:
    text = _text(cohort_view(None, "Course 3 in the series", "No cohort applies: because."))
    assert "No cohort applies: because." in text
    assert "Not known until" not in text


def test_zero_rates_are_said_once_with_their_categories() -> None:
    text = _text(cohort_view(cohort("melanoma", 3, "NR"), "Course 3 in the series"))
    assert "MR, PR and CR 0 of 8 each: exact one-sided 95% upper bound 31.2%" in text
    assert "rule of three" not in text


def test_flags_stand_above_the_guidelines_words() -> None:
    review = review_case(build({"L1": [20, 20]}, [{"L1": [19, 20]}], exclusions=["prior_il2"]))
    text = _text(recommendation_headline(review.courses[0]))
    assert text.index("⚑ Would not have been eligible for the series: prior IL-2") < text.index(
        "Guideline:  consider another course"
    )
    assert "CONSIDER" not in text
    assert eligibility_view(()) is None


def test_the_timeline_says_what_the_guideline_says_in_words() -> None:
    from il2tui.case.demo import demo_case
    from il2tui.tui.timeline import COLUMNS, timeline_rows

    column = COLUMNS.index("Guideline")
    cells = [
        str(row[column]) for row in timeline_rows(review_case(demo_case())) if str(row[column])
    ]
    # Short cells, so the timeline fits 80 columns; the heading says whose words they are.
    assert cells == ["consider retreat", "retreat", "consolidate", "stop: CR held"]


def test_a_table_s_column_names_and_cells_are_shown_as_written() -> None:
    """A data file's column named like Rich markup shows its brackets, not bold text."""
    frame = pd.DataFrame({"[bold]n[/bold]": [1], "note": ["[red]x"]})

    class Tables(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

    async def shown() -> tuple[list[str], list[str]]:
        async with Tables().run_test(size=(80, 10)) as pilot:
            table = pilot.app.query_one(DataTable)
            fill_table(table, frame)
            labels = [column.label.plain for column in table.columns.values()]
            return labels, [str(cell) for cell in table.get_row_at(0)]

    labels, cells = asyncio.run(shown())
    assert labels == ["[bold]n[/bold]", "note"]
    assert cells == ["1", "[red]x"]
