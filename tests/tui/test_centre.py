"""'Your centre' in the assistant: two trees with the same numbers as ``il2 cohort``."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Static, Tree
from typer.testing import CliRunner

from il2tui.cli.main import app as cli
from il2tui.tui.app import AssistApp
from il2tui.tui.screens.centre import CentreScreen
from tests.tui.conftest import settle

Build = Callable[..., AssistApp]
SMALL = (80, 24)


async def _open(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)


def _leaves(tree: Tree) -> dict[tuple, str]:
    found, stack = {}, [tree.root]
    while stack:
        node = stack.pop()
        stack += list(node.children)
        if node.data is not None and len(node.data) == 4:
            found[node.data] = str(node.label)
    return found


def test_the_trees_show_the_clis_numbers(build: Build) -> None:
    result = CliRunner().invoke(cli, ["cohort", "--demo", "-t", "transitions", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    app = build()

    async def main() -> tuple[dict, dict, str]:
        async with app.run_test(size=SMALL) as pilot:
            await _open(pilot)
            assert isinstance(app.screen, CentreScreen)
            return (
                _leaves(app.screen.query_one("#centre-tree", Tree)),
                _leaves(app.screen.query_one("#series-tree", Tree)),
                str(app.screen.query_one("#centre-title", Static).render()),
            )

    centre, series, title = asyncio.run(main())
    assert "SYNTHETIC" in title
    assert len(centre) == len(series) == len(rows)
    for row in rows:
        key = (row["diagnosis"], int(row["course"]), row["state_before"], row["state_after"])
        after = row["state_after"]
        assert centre[key].startswith(f"→ {after}: {row['patients']}/{row['treated']} ")
        assert series[key].startswith(
            f"→ {after}: {row['series_patients']}/{row['series_treated']} "
        )


def test_moving_in_one_tree_moves_the_other_and_escape_goes_back(build: Build) -> None:
    app = build()

    async def main() -> None:
        async with app.run_test(size=SMALL) as pilot:
            await _open(pilot)
            await pilot.press(*["down"] * 6)  # to melanoma, course 1, PR after it
            await settle(pilot)
            screen = app.screen
            centre = screen.query_one("#centre-tree", Tree)
            series = screen.query_one("#series-tree", Tree)
            assert centre.cursor_node is not None and series.cursor_node is not None
            assert centre.cursor_node.data == series.cursor_node.data
            assert centre.cursor_node.data == ("melanoma", 1, "none", "PR")
            details = str(screen.query_one("#centre-details", Static).render())
            assert "18/149 here, 18/149 in the series" in details and "p = 1." in details
            await pilot.press("tab", "down")
            await settle(pilot)
            assert centre.cursor_node.data == ("melanoma", 1, "none", "CR")
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, CentreScreen)

    asyncio.run(main())


def test_your_centre_at_80x24(snap_compare, build: Build) -> None:
    """F2, then c: the title says the centre is the SYNTHETIC demo series of 350 cases; two
    trees side by side, this centre and the series, both melanoma > course 1 > all: 149 >
    NR 128/149, MR 0/149, PR 18/149, CR 3/149; the cursor on PR after course 1 and the
    line below comparing 18/149 here with 18/149 in the series, p = 1."""

    async def before(pilot: Pilot) -> None:
        await _open(pilot)
        await pilot.press(*["down"] * 6)
        await settle(pilot)

    assert snap_compare(build(), terminal_size=SMALL, run_before=before)
