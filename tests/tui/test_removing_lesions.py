"""Removing a baseline lesion that later restagings measured asks first; Escape loses nothing."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from il2tui.case.files import case_from_data, load_case
from il2tui.tui import wording
from il2tui.tui.app import AssistApp
from il2tui.tui.edits import measured_later
from il2tui.tui.screens.message import ConfirmScreen
from il2tui.tui.steps import Step
from il2tui.tui.widgets.field import Field
from il2tui.tui.widgets.lesion_row import LesionRow
from tests.tui import cases
from tests.tui.conftest import settle, typed

Build = Callable[..., AssistApp]
RETREAT = {"action": "retreat"}
#: L2 measured after courses 1 and 3 (twice after course 3), not assessed after course 2.
PATCHY = cases.case(
    [
        cases.course(1, "2025-01-13", "2025-03-10", cases.HALF, decision=RETREAT),
        cases.course(2, "2025-03-24", "2025-05-19", {"L1": [8, 6], "L2": None}, decision=RETREAT),
        cases.course(3, "2025-06-02", "2025-07-28", cases.GONE)
        | {
            "assessments": [
                {"date": "2025-07-28", "measurements": cases.GONE},
                {"date": "2025-08-29", "measurements": cases.GONE},
            ]
        },
    ]
)
#: L2 measured after each of courses 1 to 3.
MEASURED = cases.case(
    [
        cases.course(1, "2025-01-13", "2025-03-10", cases.HALF, decision=RETREAT),
        cases.course(2, "2025-03-24", "2025-05-19", cases.SMALLER, decision=RETREAT),
        cases.course(3, "2025-06-02", "2025-07-28", cases.GONE),
    ]
)


def test_measured_later_names_each_removed_lesion_and_its_restagings() -> None:
    """Only lesions that are not kept and that a restaging measured count ([0, 0] counts,
    null does not), once per restaging, in the case's order of lesions."""
    case = case_from_data(PATCHY, source="test", draft=True)
    assert measured_later(case, {"L1", "L2"}) == {}
    assert measured_later(case, {"L1"}) == {"L2": [1, 3, 3]}
    assert measured_later(case, set()) == {"L1": [1, 2, 3, 3], "L2": [1, 3, 3]}
    assert measured_later(None, set()) == {}
    before_courses = case_from_data(cases.BEFORE_COURSE, source="test", draft=True)
    assert measured_later(before_courses, set()) == {}


def test_the_dialog_counts_restagings_and_names_their_courses() -> None:
    """One sentence per lesion (singular for one restaging), then the two keys."""
    assert wording.lost_measurements({"L2": [1, 2, 3]}) == [
        "Removing L2 deletes its measurements in 3 later restagings (courses 1-3).",
        "Remove and save? Enter: remove · Escape: keep (its row comes back as recorded)",
    ]
    lines = wording.lost_measurements({"L1": [2], "L3": [1, 3, 3, 4]})
    assert lines[:2] == [
        "Removing L1 deletes its measurements in 1 later restaging (course 2).",
        "Removing L3 deletes its measurements in 4 later restagings (courses 1, 3 and 4).",
    ]
    assert "their rows come back" in lines[2]


def _rows(app: AssistApp) -> list[LesionRow]:
    return list(app.screen.query(LesionRow))


async def _remove(pilot: Pilot, lesion_id: str) -> None:
    """Focus the lesion's row and press ctrl+r."""
    row = next(r for r in _rows(pilot.app) if r.lesion_id == lesion_id)  # type: ignore[arg-type]
    row.query_one(".site", Field).focus()
    await pilot.press("ctrl+r")
    await settle(pilot)


def _dialog_text(app: AssistApp) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    return str(app.screen.query_one("#dialog-body", Static).content)


def _at_baseline(app: AssistApp, steps: Callable[[Pilot], Awaitable[None]]) -> None:
    """Run ``app`` at 100x30, open the baseline step, then await ``steps(pilot)``."""

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            app.jump(Step("baseline"))
            await settle(pilot)
            await steps(pilot)

    asyncio.run(main())


def test_removing_a_measured_lesion_asks_and_escape_keeps_everything(
    build: Build, tmp_path: Path
) -> None:
    """L2 is measured after courses 1-3. Removed and Enter: a dialog names L2 and its three
    restagings, nothing is saved. Escape: the file is unchanged, L2's row is back as
    recorded and L1's typed site is still there. Removed again, Enter, Enter: the file has
    no L2, at baseline or in any restaging, and the assistant goes on to course 1."""
    path = cases.write(tmp_path, "measured", MEASURED)
    on_disk = path.read_bytes()
    app = build(case_path=path)

    async def steps(pilot: Pilot) -> None:
        _rows(app)[0].query_one(".site", Field).focus()
        await pilot.press("end")
        await typed(pilot, " upper lobe")
        await _remove(pilot, "L2")
        assert [r.lesion_id for r in _rows(app)] == ["L1"]
        await pilot.press("enter")
        await settle(pilot)
        assert "Removing L2 deletes its measurements in 3 later restagings (courses 1-3)." in (
            _dialog_text(app)
        )
        await pilot.press("escape")
        await settle(pilot)
        assert path.read_bytes() == on_disk
        assert app.screen.step == Step("baseline")  # type: ignore[attr-defined]
        assert [r.values()["site"] for r in _rows(app)] == ["right lung upper lobe", "liver"]
        assert _rows(app)[1].values() == {
            "id": "L2",
            "site": "liver",
            "method": "ct",
            "d1": "30",
            "d2": "25",
        }
        await _remove(pilot, "L2")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.step == Step("course", 1)  # type: ignore[attr-defined]

    _at_baseline(app, steps)
    saved = load_case(path, draft=True)
    assert [(lesion.id, lesion.site) for lesion in saved.lesions] == [
        ("L1", "right lung upper lobe")
    ]
    assert list(saved.baseline.measurements) == ["L1"]  # type: ignore[union-attr]
    assert [course.number for course in saved.courses] == [1, 2, 3]  # no course lost
    assert [
        [{k: [str(d) for d in v] for k, v in a.measurements.items()} for a in course.assessments]
        for course in saved.courses
    ] == [[{"L1": ["12", "10"]}], [{"L1": ["8", "6"]}], [{"L1": ["0", "0"]}]]
    assert [course.decision.action for course in saved.courses[:2]] == ["retreat", "retreat"]  # type: ignore[union-attr]


def test_escape_puts_a_removed_first_lesion_back_first(build: Build, tmp_path: Path) -> None:
    """L1, the first of two measured lesions, removed then kept with Escape: the rows are
    L1 then L2 again, as recorded, and nothing is saved."""
    path = cases.write(tmp_path, "measured", MEASURED)
    on_disk = path.read_bytes()
    app = build(case_path=path)

    async def steps(pilot: Pilot) -> None:
        await _remove(pilot, "L1")
        assert [r.lesion_id for r in _rows(app)] == ["L2"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert [r.lesion_id for r in _rows(app)] == ["L1", "L2"]
        assert [r.values()["site"] for r in _rows(app)] == ["right lung", "liver"]

    _at_baseline(app, steps)
    assert path.read_bytes() == on_disk


def test_ctrl_s_asks_too_and_shows_the_lesion_id_as_typed(build: Build, tmp_path: Path) -> None:
    """ctrl+s stores the answer too, so it asks the same question; a lesion id that looks
    like markup is shown literally; ctrl+s again on the dialog does not stack a second one;
    Escape saves nothing."""
    hostile = "[bold]L2[/bold]"
    data = json.loads(json.dumps(MEASURED).replace('"L2"', json.dumps(hostile)))
    path = cases.write(tmp_path, "hostile", data)
    on_disk = path.read_bytes()
    app = build(case_path=path)

    async def steps(pilot: Pilot) -> None:
        await _remove(pilot, hostile)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert f"Removing {hostile} deletes its measurements" in _dialog_text(app)
        await pilot.press("ctrl+s")  # again, on the dialog: no second dialog on top
        await settle(pilot)
        assert sum(isinstance(s, ConfirmScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert [r.lesion_id for r in _rows(app)] == ["L1", hostile]

    _at_baseline(app, steps)
    assert path.read_bytes() == on_disk
