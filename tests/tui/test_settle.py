"""``settle``, which every Pilot and snapshot test waits on, waits for what it says.

A snapshot taken before the timeline's DataTable has measured its columns shows
the columns at their old widths (test_summary failed so once in a full run).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path

from textual.widgets import DataTable

from il2tui.tui.app import AssistApp
from il2tui.tui.timeline import COLUMNS
from tests.tui import cases
from tests.tui.conftest import pending, settle

LONG_CELL = "a reason much wider than any other cell in the timeline"


def test_settle_waits_for_the_timeline_to_measure_a_new_row(
    build: Callable[..., AssistApp], tmp_path: Path
) -> None:
    """A row added to the summary's timeline is pending until the table has measured it;
    after settle the last column is exactly as wide as the new, longest cell."""
    path = cases.write(tmp_path, "summary", cases.SUMMARY)
    app = build(case_path=path)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert pending(app) == []
            table = app.screen.query_one("#timeline", DataTable)
            assert table.row_count == 4  # four restagings in cases.SUMMARY
            last = table.ordered_columns[-1]
            before = last.content_width
            assert before < len(LONG_CELL)
            table.add_row(*[""] * (len(table.ordered_columns) - 1), LONG_CELL)
            assert "the layout of table #timeline" in pending(app)
            await settle(pilot)
            assert pending(app) == []
            assert last.content_width == len(LONG_CELL)

    asyncio.run(run())


def test_the_timeline_header_lines_up_with_its_columns_even_if_drawn_early(
    build: Callable[..., AssistApp], tmp_path: Path
) -> None:
    """A frame can be drawn after the rows are added and before Textual measures them (the
    table is then one line high: only the header is drawn). The header must still line up
    with the rows once they are measured: 'Restaging' over the restaging dates, and so on.
    (test_summary caught a header left at its first widths, one run in about ten.)"""
    path = cases.write(tmp_path, "summary", cases.SUMMARY)
    app = build(case_path=path)
    lines: list[str] = []

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            table = screen.query_one("#timeline", DataTable)
            table.clear(columns=True)
            table.add_columns(*COLUMNS)  # as when the screen is mounted
            screen.review_changed(app.current_review())  # type: ignore[attr-defined]
            table.render_line(0)  # the early frame: only the header
            await settle(pilot)
            lines.extend(table.render_line(y).text for y in range(2))

    asyncio.run(run())
    header, first = lines
    cells = ["1", "2025-03-10", "420", "-65.9%", "PR", "later", "retreat", "retreat"]
    assert _starts(header, COLUMNS) == _starts(first, cells), (header, first)


def _starts(line: str, words: Sequence[str]) -> list[int]:
    """Where each word starts in ``line``, searching left to right."""
    out: list[int] = []
    for word in words:
        out.append(line.index(word, out[-1] + 1 if out else 0))
    return out
