"""Tiny terminals: every screen at every size, and a half-filled form resized, loses nothing.

Below the smallest usable size (:data:`~il2tui.tui.screens.fits.MIN_WIDTH` ×
:data:`~il2tui.tui.screens.fits.MIN_HEIGHT`) each screen shows the plain "terminal
too small" notice and its keys are off, so nothing is answered blind; at or above
it the screen is there as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from il2tui.case.files import load_case
from il2tui.tui.app import AssistApp
from il2tui.tui.screens.fits import MIN_HEIGHT, MIN_WIDTH, TooSmall
from il2tui.tui.steps import Step
from il2tui.tui.widgets.field import Field
from il2tui.tui.widgets.lesion_row import LesionRow
from il2tui.tui.widgets.measure_row import NewLesionRow
from tests.tui import cases
from tests.tui.conftest import settle, typed

Build = Callable[..., AssistApp]
SIZES = [(1, 1), (10, 3), (20, 5), (40, 12), (80, 24), (200, 60)]


def notice(screen: Screen) -> str | None:
    """The too-small notice's words on ``screen``, or ``None`` when it is not shown."""
    found = list(screen.query(TooSmall))
    return str(found[0].content) if found else None


async def every_size(pilot: Pilot, seen: list[tuple[str, tuple[int, int], str | None]]) -> None:
    """Resize through :data:`SIZES` (and back to 100x30), noting the notice each time."""
    for size in [*SIZES, (100, 30)]:
        await pilot.resize_terminal(*size)  # waits until the app is idle again
        seen.append((type(pilot.app.screen).__name__, size, notice(pilot.app.screen)))


def screens(app: AssistApp) -> list[tuple[str, Callable[[Pilot], Awaitable[None]]]]:
    """How to reach each screen of the assistant, from the case at its first decision."""

    def jump(step: Step) -> Callable[[Pilot], Awaitable[None]]:
        async def go(pilot: Pilot) -> None:
            app.jump(step)

        return go

    def keys(*pressed: str) -> Callable[[Pilot], Awaitable[None]]:
        async def go(pilot: Pilot) -> None:
            await pilot.press(*pressed)

        return go

    async def start(pilot: Pilot) -> None:
        app.show_start()

    async def message(pilot: Pilot) -> None:
        await pilot.press("escape")  # the help closes
        app.show_message("A message", "with a body")

    return [
        ("start", start),
        ("open", keys("o")),
        ("evidence", keys("escape", "e")),
        ("patient", jump(Step("patient"))),
        ("baseline", jump(Step("baseline"))),
        ("course", jump(Step("course", 1))),
        ("assessment", jump(Step("assessment", 1))),
        ("decision", jump(Step("decision", 1))),
        ("override", keys("ctrl+o")),
        ("help", keys("escape", "f1")),
        ("message", message),
        ("save as", keys("escape", "f6")),
        ("summary", jump(Step("summary"))),
    ]


def test_every_screen_at_every_size(build: Build, tmp_path: Path) -> None:
    """Each screen (start, open, evidence, every step, override, help, a message, save as,
    the summary) at 1x1, 10x3, 20x5, 40x12, 80x24 and 200x60: no exception; the notice with
    the current and the smallest usable size below 60x16, none from 80x24 up."""
    app = build(case_path=cases.write_case(tmp_path, "retreat"))
    seen: list[tuple[str, tuple[int, int], str | None]] = []

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            for _name, reach in screens(app):
                await reach(pilot)
                await settle(pilot)
                await every_size(pilot, seen)

    asyncio.run(main())
    assert len({name for name, _, _ in seen}) == 13
    for name, (width, height), words in seen:
        if width < MIN_WIDTH or height < MIN_HEIGHT:
            assert words is not None, (name, width, height)
            assert f"Terminal too small ({width} × {height})" in words
            assert f"at least {MIN_WIDTH} × {MIN_HEIGHT}" in words
        else:
            assert words is None, (name, width, height)


def test_a_half_filled_form_survives_resizing_and_nothing_is_answered_blind(
    build: Build, tmp_path: Path
) -> None:
    """Course 1 half typed (start date and the first cycle's doses), then the terminal shrinks
    to 20x5: Enter and typing do nothing; back at 80x24 the fields hold what was typed, the
    focus is where it was, and Enter answers the step with those values."""
    path = cases.write(tmp_path, "before-course", cases.BEFORE_COURSE)
    app = build(case_path=path)
    seen: list[object] = []

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await typed(pilot, "2025-01-13")
            await pilot.press("tab")
            await typed(pilot, "14")
            for size in ((20, 5), (1, 1), (40, 12)):
                await pilot.resize_terminal(*size)
                await settle(pilot)
                await pilot.press("9", "enter")
                await settle(pilot)
                seen.append((app.screen.step.key, notice(app.screen) is not None))  # type: ignore[attr-defined]
            await pilot.resize_terminal(80, 24)
            await settle(pilot)
            seen.append([f.value for f in app.screen.query(Field)][:3])
            seen.append(app.screen.focused.id if app.screen.focused else None)
            await pilot.press("enter")
            await settle(pilot)
            seen.append(app.screen.step.key)  # type: ignore[attr-defined]

    asyncio.run(main())
    assert seen[:3] == [("course-1", True)] * 3
    assert seen[3] == ["2025-01-13", "14", ""]
    assert seen[4] == "cycle1"
    assert seen[5] == "assessment-1"
    course = load_case(path, draft=True).courses[0]
    assert (str(course.start), course.doses) == ("2025-01-13", (14,))


@pytest.mark.parametrize("size", [(60, 16), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_decision_works_at_the_smallest_usable_size(build: Build, tmp_path: Path, size) -> None:
    """At 60x16 (the smallest usable size) and 80x24 the decision screen opens, the panels
    toggle, Enter accepts and course 2 opens; the decision is saved."""
    path = cases.write_case(tmp_path, "retreat")
    app = build(case_path=path)
    steps: list[str] = []

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("f3", "f4", "f3")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            steps.append(app.screen.step.key)  # type: ignore[attr-defined]

    asyncio.run(main())
    assert steps == ["course-2"]
    assert '"action": "retreat"' in path.read_text(encoding="utf-8")


STEPS = [
    Step("patient"),
    Step("baseline"),
    Step("course", 1),
    Step("assessment", 1),
    Step("decision", 1),
    Step("summary"),
]


def visit_steps(app: AssistApp, size: tuple[int, int], look: Callable[[Pilot, Step], Any]) -> None:
    """Open each of :data:`STEPS` in turn at ``size`` and await ``look(pilot, step)`` there."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            for step in STEPS:
                app.jump(step)
                await settle(pilot)
                await look(pilot, step)

    asyncio.run(main())


@pytest.mark.parametrize("size", [(60, 16), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_step_opens_at_its_question(build: Build, tmp_path: Path, size) -> None:
    """Each step opens with its form at the top, so the question is on screen (Textual used
    to scroll to the first field before the form was laid out, which hid the patient step's
    question and first diagnosis at 80x24); the patient step's diagnosis list is in view."""
    app = build(case_path=cases.write_case(tmp_path, "retreat"))
    seen: dict[str, tuple[float, bool]] = {}

    async def look(pilot: Pilot, step: Step) -> None:
        form, focused = app.screen.query_one("#main"), app.screen.focused
        in_view = focused is not None and form.region.contains_region(focused.region)
        seen[step.key] = (form.scroll_offset.y, in_view)

    visit_steps(app, size, look)
    assert {key: offset for key, (offset, _) in seen.items()} == dict.fromkeys(seen, 0)
    assert seen["patient"][1], "the diagnosis list is not in view"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_field_of_every_step_is_one_line_high_and_shows_its_placeholder(
    build: Build, tmp_path: Path, size
) -> None:
    """Every input field of every step is one line high and wide enough for its placeholder,
    and every label leaves a gap before its field ("Doses, cycle 1" ran into "0-15"). A style
    for the start screen's ``#start`` box once gave the course's start-date field, also
    ``#start``, a padding that left it 0 lines high: the date typed was invisible."""
    app = build(case_path=cases.write_case(tmp_path, "retreat"))
    bad: list[tuple[str, str | None, tuple[int, int]]] = []

    async def look(pilot: Pilot, step: Step) -> None:
        if step.kind in ("baseline", "assessment"):
            await pilot.press("ctrl+n")  # a new (empty) lesion row too
            await settle(pilot)
        for field in app.screen.query(Field):
            wide = field.content_size.width >= len(field.placeholder)
            if field.content_size.height != 1 or not wide:
                bad.append((step.key, field.id, tuple(field.content_size)))
        for label in app.screen.query(".label").results(Static):
            if len(str(label.content)) >= label.content_size.width:  # no gap before its field
                bad.append((step.key, str(label.content), tuple(label.content_size)))

    visit_steps(app, size, look)
    assert bad == [], bad


def test_a_long_site_shows_its_start_once_the_field_is_left(build: Build, tmp_path: Path) -> None:
    """A site longer than its column reads from its first letter after tab, not from where
    the cursor was ("ight lung upper lobe")."""
    app = build(case_path=cases.write(tmp_path, "patient", cases.PATIENT_ONLY))
    shown: list[str] = []

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("tab")
            await typed(pilot, "right lung upper lobe, posterior segment")
            await pilot.press("tab")
            await settle(pilot)
            site = app.screen.query(".site").first(Field)
            shown.append("".join(segment.text for segment in site.render_line(0)))

    asyncio.run(main())
    assert shown[0].startswith("right lung")


@pytest.mark.parametrize(
    ("name", "data", "rows"),
    [
        ("baseline", cases.PATIENT_ONLY, LesionRow),
        ("restaging", cases.BEFORE_RESTAGING, NewLesionRow),
    ],
)
def test_adding_and_removing_rows_as_fast_as_keys_come_never_crashes(
    build: Build, tmp_path: Path, name: str, data: dict, rows: type
) -> None:
    """ctrl+n, typing, ctrl+r and ctrl+s with no pause between them (on the baseline's lesions
    and the restaging's new lesions): a preview used to meet a row whose fields were not
    mounted yet, or were half removed, and the assistant stopped with NoMatches (8 runs out
    of 8 on the baseline). Every row added is removed again, so the rows end as they began."""
    app = build(case_path=cases.write(tmp_path, name, data))
    burst = ["ctrl+n", "x", "ctrl+r", "ctrl+n", "y", "tab", "tab", "5", "ctrl+r"] * 3
    counts: list[int] = []

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            counts.append(len(app.screen.query(rows)))
            await pilot.press(*burst, "ctrl+s")
            await settle(pilot)
            counts.append(len(app.screen.query(rows)))

    asyncio.run(main())
    assert counts[0] == counts[1]
