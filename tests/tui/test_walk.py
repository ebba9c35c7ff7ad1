"""The whole conversation with the keyboard alone: start screen to exported report."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from il2tui.case.demo import demo_case, demo_case_text
from il2tui.case.files import load_case
from il2tui.tui.app import AssistApp
from tests.tui.conftest import settle
from tests.tui.driver import enter_case

Build = Callable[..., AssistApp]


def test_walk_the_demo_case_to_the_exported_report(
    build: Build, data_dir: Path, no_network: list[str]
) -> None:
    """The demo case typed in from the start screen (MR, PR, CR, CR held; four decisions with
    notes), with the network cut off: the walk completes without trying to reach it, the
    saved file is the demo case, and the report shows each course's category,
    recommendation and rule, and the series' cohort counts."""
    app = build()

    async def walk() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await enter_case(pilot, json.loads(demo_case_text()))
            assert app.screen.step.kind == "summary"  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)  # the report is written by a worker; the screen then says so
            exported = app.screen.query_one("#exported", Static).render()
            assert str(exported) == "Report written: case-20260601-093000-report.md"

    asyncio.run(walk())
    assert no_network == []
    saved = sorted(data_dir.glob("case-*.json"))
    assert [p.name for p in saved] == ["case-20260601-093000.json"]
    assert load_case(saved[0]) == demo_case()
    report = (data_dir / "case-20260601-093000-report.md").read_text(encoding="utf-8")
    for row in (
        "| 1 | 2024-01-22 | 2024-03-25 | 1,124 mm² | -26.6% | MR | — | consider another course |",
        "| 2 | 2024-04-08 | 2024-07-15 | 498 mm² | -67.5% | PR | yes | give another course |",
        "| 3 | 2024-07-29 | 2024-09-30 | 0 mm² | -100.0% | CR | on 2024-12-16 "
        "| give one consolidation course |",
        "| 4 | 2024-10-14 | 2024-12-16 | 0 mm² | -100.0% | CR | yes "
        "| stop IL-2 — complete response held through consolidation |",
        "Decision support from one retrospective series: 350 patients",
        "201 renal cell cancer patients of the series received course 1",
        "1 renal cell cancer patient of the series with a minor response (MR) after course 1",
        "CR: 8 of 21 = 38.1% (exact 95% CI 18.1%-61.6%)",  # course 3 after a PR
        "CR: 2 of 2 = 100.0%",  # course 4 after a CR
        "no one received a course 5",
        "## Transcript",
        "Accepted: stop IL-2. Note: “Complete response held after consolidation.”\n",
    ):
        assert row in report, row
    assert report.count("Decision support from one retrospective series") == 1
