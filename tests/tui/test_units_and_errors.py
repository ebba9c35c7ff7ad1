"""Units carried from the baseline, unit slips caught before Enter, and every problem of a
step shown where it is (issue 13, points 3 and 4)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from il2tui.case.files import CaseError
from il2tui.tui.app import AssistApp
from il2tui.tui.edits import describe
from il2tui.tui.unit_slip import cm_suspects
from tests.tui import cases
from tests.tui.conftest import settle, typed

Build = Callable[..., AssistApp]
D = Decimal


def _run(app: AssistApp, steps: Callable[[Pilot], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await steps(pilot)

    asyncio.run(main())


def _saved(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _errors(app: AssistApp) -> list[str]:
    text = str(app.screen.query_one("#errors", Static).content)
    return [line for line in text.splitlines() if line]


LAST = {"L1": (D(24), D(20)), "L2": (D(30), D(25))}


@pytest.mark.parametrize(
    ("typed", "suspects"),
    [
        # 2.2 × 2 and 2.9 × 2.4: under a quarter of 24 × 20 and 30 × 25 (6 × 5, 7.5 × 6.25).
        ({"L1": (D("2.2"), D(2)), "L2": (D("2.9"), D("2.4"))}, ["L1", "L2"]),
        # 5.9 × 4.9 is under a quarter of 24 × 20, but L2 shrank only to 20 × 15: no whole
        # restaging in cm; 5.9 is under 10 where L1 was 24 (over 20): L1 alone.
        ({"L1": (D("5.9"), D("4.9")), "L2": (D(20), D(15))}, ["L1"]),
        # 12 × 10 and 20 × 15: a real response, no sign of cm.
        ({"L1": (D(12), D(10)), "L2": (D(20), D(15))}, []),
        # Exactly a quarter (6 × 5 of 24 × 20) is not under it; 10 is not under 10.
        ({"L1": (D(6), D(5)), "L2": (D(10), D(10))}, ["L1"]),
        # Gone (0 × 0) and not assessed say nothing either way.
        ({"L1": (D(0), D(0)), "L2": None}, []),
    ],
)
def test_cm_suspects(typed: dict, suspects: list[str]) -> None:
    """The two signs of the issue, on the boundaries, computed by hand above."""
    assert cm_suspects(typed, LAST) == suspects


def test_a_diameter_is_named_as_people_name_it() -> None:
    """A checking error about a diameter says which lesion and which diameter."""
    error = CaseError("form", "baseline.measurements.L3[0]", "is implausibly large")
    assert describe(error) == "L3, first diameter: is implausibly large"
    error = CaseError("form", "courses[0].assessments[0].measurements.L2[1]", "is too big")
    assert describe(error) == "L2, second diameter: is too big"


def test_the_baseline_unit_carries_to_the_restaging(build: Build, tmp_path: Path) -> None:
    """A baseline typed in cm: the restaging reads cm too (shown beside each field), so 1.2 ×
    1 and 2 × 1.5 are saved as 12 × 10 and 20 × 15 mm."""
    baseline = cases.BEFORE_RESTAGING["baseline"] | {"unit": "cm"}
    data = cases.BEFORE_RESTAGING | {"baseline": baseline}
    path = cases.write(tmp_path, "cm", data)
    app = build(case_path=path)
    labels: list[str] = []

    async def steps(pilot: Pilot) -> None:
        labels.extend(str(s.content) for s in app.screen.query(".unit-label").results(Static))
        await typed(pilot, "2025-03-10")
        for value in ("1.2", "1", "2", "1.5"):
            await pilot.press("tab")
            await typed(pilot, value)
        await pilot.press("enter")
        await settle(pilot)

    _run(app, steps)
    assert labels == ["cm", "cm"]
    found = _saved(path)["courses"][0]["assessments"][0]["measurements"]
    assert found == {"L1": [12, 10], "L2": [20, 15]}


def test_the_unit_switch_reads_the_numbers_in_the_other_unit(build: Build, tmp_path: Path) -> None:
    """Typed 2.2 × 2 and 2.9 × 2.4 in mm, the hint asks "Typed in cm?"; ctrl+t keeps the
    numbers (2.2 stays 2.2, now cm), the hint goes, and 22 × 20 and 29 × 24 mm are saved."""
    path = cases.write(tmp_path, "slip", cases.BEFORE_RESTAGING)
    app = build(case_path=path)
    hints: list[str] = []

    async def steps(pilot: Pilot) -> None:
        await typed(pilot, "2025-03-10")
        for value in ("2.2", "2", "2.9", "2.4"):
            await pilot.press("tab")
            await typed(pilot, value)
        await settle(pilot)
        hints.append(str(app.screen.query_one("#unit-hint", Static).content))
        await pilot.press("ctrl+t")
        await settle(pilot)
        hints.append(str(app.screen.query_one("#unit-hint", Static).content))
        await pilot.press("enter")
        await settle(pilot)

    _run(app, steps)
    assert hints[0].startswith("⚠ Typed in cm? L1, L2")
    assert hints[1] == ""
    found = _saved(path)["courses"][0]["assessments"][0]["measurements"]
    assert found == {"L1": [22, 20], "L2": [29, 24]}


def test_every_problem_is_listed_and_a_fixed_one_goes_at_once(build: Build, tmp_path: Path) -> None:
    """Enter with a date before the course start and L2's first diameter "abc": both are
    listed, the date field gets the focus; fixing the date removes its line at once, before
    Enter; fixing L2 empties the list, and Enter then records the restaging."""
    path = cases.write(tmp_path, "errors", cases.BEFORE_RESTAGING)
    app = build(case_path=path)
    seen: list[Any] = []

    async def steps(pilot: Pilot) -> None:
        await typed(pilot, "2025-01-10")
        await pilot.press("tab", "tab", "tab")
        await typed(pilot, "abc")
        await pilot.press("enter")
        await settle(pilot)
        seen.append((_errors(app), app.focused.id if app.focused else None))
        date = app.screen.query_one("#date")
        date.value = "2025-03-10"  # type: ignore[attr-defined]
        await settle(pilot)
        seen.append(_errors(app))
        await pilot.press("tab", "tab", "tab", *["backspace"] * 3)
        await typed(pilot, "20")
        await pilot.press("tab")
        await typed(pilot, "15")
        await settle(pilot)
        seen.append(_errors(app))
        await pilot.press("enter")
        await settle(pilot)

    _run(app, steps)
    assert seen[0] == (
        [
            "⚠ Restaging date: 2025-01-10 is not after the start of course 1 (2025-01-13)",
            "⚠ L2, first diameter: type a number of mm",
        ],
        "date",
    )
    assert seen[1] == ["⚠ L2, first diameter: type a number of mm"]
    assert seen[2] == []
    found = _saved(path)["courses"][0]["assessments"][0]["measurements"]
    assert found == {"L1": None, "L2": [20, 15]}


def test_a_course_starting_before_the_baseline_points_at_its_start_date(
    build: Build, tmp_path: Path
) -> None:
    """The check of the whole case (not the form's own) finds the start before the baseline
    (2025-01-06): it is said in the form's words and the start date gets the focus, with
    everything typed kept; a start after the baseline then records the course."""
    path = cases.write(tmp_path, "early", cases.BEFORE_COURSE)
    app = build(case_path=path)
    seen: list[Any] = []

    async def steps(pilot: Pilot) -> None:
        await typed(pilot, "2025-01-02")
        await pilot.press("tab")
        await typed(pilot, "14")
        await pilot.press("tab")  # away from the start date, as a clinician moves on
        await pilot.press("enter")
        await settle(pilot)
        focused = app.focused.id if app.focused else None
        seen.append((_errors(app), focused, app.screen.query_one("#cycle1").value))  # type: ignore[attr-defined]
        await typed(pilot, "2025-01-13")  # the focus selects the date: typing replaces it
        await pilot.press("enter")
        await settle(pilot)

    _run(app, steps)
    assert seen == [
        (
            ["⚠ Start date: course 1 starts 2025-01-02, before the baseline (2025-01-06)"],
            "start",
            "14",
        )
    ]
    assert _saved(path)["courses"][0]["start"] == "2025-01-13"


def test_a_refused_date_that_kept_the_focus_is_selected_for_retyping(
    build: Build, tmp_path: Path
) -> None:
    """Enter pressed while still on the start date: the error points at the field that has
    the focus already, and its text is selected, so the date typed next replaces the wrong
    one instead of being appended to it."""
    path = cases.write(tmp_path, "early-here", cases.BEFORE_COURSE)
    app = build(case_path=path)

    async def steps(pilot: Pilot) -> None:
        await typed(pilot, "2025-01-02")
        await pilot.press("enter")  # on the start date itself
        await settle(pilot)
        await typed(pilot, "2025-01-13")
        await pilot.press("enter")
        await settle(pilot)

    _run(app, steps)
    assert _saved(path)["courses"][0]["start"] == "2025-01-13"


def test_an_empty_new_lesion_row_is_dropped(build: Build, tmp_path: Path) -> None:
    """ctrl+n adds a new-lesion row; left empty, Enter records the restaging without it."""
    path = cases.write(tmp_path, "empty-row", cases.BEFORE_RESTAGING)
    app = build(case_path=path)

    async def steps(pilot: Pilot) -> None:
        await typed(pilot, "2025-03-10")
        await pilot.press("tab")
        await typed(pilot, "12")
        await pilot.press("tab")
        await typed(pilot, "10")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    _run(app, steps)
    assessment = _saved(path)["courses"][0]["assessments"][0]
    assert assessment["new_lesions"] == []
    assert assessment["measurements"]["L1"] == [12, 10]


def test_the_course_step_lists_every_problem(build: Build, tmp_path: Path) -> None:
    """A start date that does not exist and 16 doses in a cycle (at most 15): both are
    listed at once and the start date, the first, has the focus."""
    path = cases.write(tmp_path, "course", cases.BEFORE_COURSE)
    app = build(case_path=path)
    seen: list[Any] = []

    async def steps(pilot: Pilot) -> None:
        await typed(pilot, "2025-02-30")
        await pilot.press("tab")
        await typed(pilot, "16")
        await pilot.press("enter")
        await settle(pilot)
        seen.append((_errors(app), app.focused.id if app.focused else None))

    _run(app, steps)
    assert seen == [
        (
            [
                "⚠ The start date: type a date as YYYY-MM-DD",
                "⚠ Doses in cycle 1: type a whole number from 0 to 15",
            ],
            "start",
        )
    ]
