"""``settle``, which every Pilot and snapshot test waits on, waits for what it says.

A snapshot taken before the timeline's DataTable has measured its columns shows
the columns at their old widths (test_summary failed so once in a full run).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable

from il2tui.tui.app import AssistApp
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
