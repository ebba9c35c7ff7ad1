"""The worklist screen: filter, sort, open a case and come back with its row updated (issue 16)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable

from il2tui.cli import assist as cli_assist
from il2tui.tui.app import AssistApp
from il2tui.tui.screens.worklist import WorklistScreen
from il2tui.tui.widgets.field import Field
from il2tui.tui.widgets.keys_bar import shown_keys
from tests.clinic import CLINIC, write_clinic
from tests.tui.conftest import settle, typed
from tests.tui.test_conversation import run as run_at

Build = Callable[..., AssistApp]


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    return write_clinic(tmp_path / "clinic")


def run(app: AssistApp, steps: Callable) -> None:
    """Run ``steps(pilot)`` headless at 120x40 (every column of the table in sight)."""
    run_at(app, steps, size=(120, 40))


def labels(app: AssistApp) -> list[str]:
    """The Label column as shown, top to bottom."""
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def test_every_file_is_listed_the_unreadable_one_first(build: Build, clinic: Path) -> None:
    app = build(folder=clinic)
    seen: list[list[str]] = []

    async def look(pilot) -> None:
        assert isinstance(app.screen, WorklistScreen)
        seen.append(labels(app))

    run(app, look)
    assert seen == [["broken.json", "Cleo", "Ada", "Ben", "Eve", "Dan"]]


def test_typing_filters_on_label_diagnosis_and_due(build: Build, clinic: Path) -> None:
    app = build(folder=clinic)
    seen: list[list[str]] = []

    async def filter_(pilot) -> None:
        await typed(pilot, "dan")  # the first letter counts: "an" is in "renal" too
        seen.append(labels(app))
        await pilot.press("escape")  # clears the filter
        await typed(pilot, "melanoma")  # Ada is the one melanoma patient
        seen.append(labels(app))
        await pilot.press("escape")
        await typed(pilot, "restaging")
        seen.append(labels(app))

    run(app, filter_)
    assert seen == [["Dan"], ["Ada"], ["Cleo", "Ben"]]


def test_a_digit_sorts_by_that_column_and_again_reverses(build: Build, clinic: Path) -> None:
    app = build(folder=clinic)
    seen: list[list[str]] = []

    async def sort(pilot) -> None:
        await pilot.press("1")  # Label
        seen.append(labels(app))
        await pilot.press("1")
        seen.append(labels(app))

    run(app, sort)
    by_name = ["Ada", "Ben", "broken.json", "Cleo", "Dan", "Eve"]
    assert seen == [by_name, by_name[::-1]]


def test_enter_opens_at_the_first_open_step_and_escape_returns_updated(
    build: Build, clinic: Path
) -> None:
    """Cleo's course 1 is not restaged: Enter opens the restaging; once it is answered,
    Escape returns to the list, where Cleo now waits for a decision."""
    app = build(folder=clinic)
    seen: list[object] = []

    async def visit(pilot) -> None:
        await pilot.press("down")  # the cursor starts on the unreadable file
        await pilot.press("enter")
        await settle(pilot)
        seen.append(app.screen.step.key)  # type: ignore[attr-defined]
        keys = dict(shown_keys(app, app.screen))
        assert keys["esc"] == "Worklist"  # the key line says where Escape goes
        await typed(pilot, "2026-04-06")
        for value in ("12", "10", "20", "15"):
            await pilot.press("tab")
            await typed(pilot, value)
        await pilot.press("enter")
        await settle(pilot)
        seen.append(app.screen.step.key)  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WorklistScreen)
        row = screen.worklist.rows[str(clinic / "cleo.json")]
        seen.append((row.category, row.decision_status, row.next_due))
        seen.append(screen.highlighted.name if screen.highlighted else None)

    run(app, visit)
    assert seen[:2] == ["assessment-1", "decision-1"]
    category, status, due = seen[2]  # type: ignore[misc]
    assert (category, status, due.kind) == ("PR", "to_decide", "decision")
    assert str(due.on) == "2026-04-06"
    assert seen[3] == "Cleo"


def test_a_file_changed_on_disk_updates_its_row(build: Build, clinic: Path) -> None:
    app = build(folder=clinic)
    seen: list[object] = []

    async def change(pilot) -> None:
        path = clinic / "dan.json"
        path.write_text(path.read_text().replace('"Dan"', '"Daniel"'), encoding="utf-8")
        stamp = path.stat()
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
        app.screen.rescan()  # type: ignore[attr-defined]  (the timer does this every 2 s)
        await settle(pilot)
        seen.append(labels(app))

    run(app, change)
    assert "Daniel" in seen[0] and "Dan" not in seen[0]


def test_a_long_label_is_cut_in_the_table_and_shown_whole_under_it(
    build: Build, clinic: Path
) -> None:
    """A 45-character label takes 24 columns ("…" marks the cut), so the columns after it
    stay on a 120-column screen; the line under the table gives it whole."""
    long = "Daniel Worthington-Smythe, bed 14, ward 7B-2"
    path = clinic / "dan.json"
    path.write_text(path.read_text().replace('"Dan"', f'"{long}"'), encoding="utf-8")
    app = build(folder=clinic)
    seen: list[object] = []

    async def look(pilot) -> None:
        shown = labels(app)
        row = next(i for i, label in enumerate(shown) if label.startswith("Daniel"))
        seen.append(shown[row])
        app.screen.query_one(DataTable).move_cursor(row=row)
        await settle(pilot)
        seen.append(str(app.screen.query_one("#worklist-detail").render()).splitlines()[0])

    run(app, look)
    assert seen == [
        "Daniel Worthington-Smyt…",
        f"label: {long} · file: {path}",
    ]


def test_n_starts_a_new_case_in_the_folder(build: Build, clinic: Path) -> None:
    app = build(folder=clinic)

    async def new(pilot) -> None:
        await pilot.press("n")
        await settle(pilot)

    run(app, new)
    assert app.session is not None and app.session.data_dir == clinic


def test_il2_assist_dir_opens_the_worklist_and_names_saved_files(
    monkeypatch: pytest.MonkeyPatch, clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built: dict[str, object] = {}

    class Fake:
        exit_line = None  # what il2 assist reads from an app that ended normally
        return_code = 0

        def __init__(self) -> None:
            self.saved_paths = [clinic / "ada.json"]

        def run(self) -> None:
            built["ran"] = True

    def make_app(**kw: object) -> Fake:
        built.update(kw)
        return Fake()

    monkeypatch.setattr("il2tui.tui.app.make_app", make_app)
    cli_assist.assist(clinic, demo=False)
    assert built["folder"] == clinic and built["ran"] is True
    assert capsys.readouterr().out == f"Case saved to {(clinic / 'ada.json').resolve()}\n"


def test_the_data_folder_with_cases_starts_on_the_worklist(build: Build, data_dir: Path) -> None:
    write_clinic(data_dir)
    app = build()
    names: list[int] = []

    async def look(pilot) -> None:
        assert isinstance(app.screen, WorklistScreen)
        names.append(app.screen.query_one(DataTable).row_count)

    run(app, look)
    assert names == [len(CLINIC) + 1]


def test_a_vanished_file_leaves_the_list_and_an_empty_folder_says_so(
    build: Build, tmp_path: Path
) -> None:
    folder = tmp_path / "one"
    write_clinic(folder)
    for path in folder.glob("*.json"):
        if path.name != "ada.json":
            path.unlink()
    app = build(folder=folder)
    seen: list[object] = []

    async def remove(pilot) -> None:
        seen.append(labels(app))
        (folder / "ada.json").unlink()
        app.screen.rescan()  # type: ignore[attr-defined]
        await settle(pilot)
        seen.append(labels(app))
        seen.append(str(app.screen.query_one("#worklist-detail").render()))

    run(app, remove)
    assert seen[:2] == [["Ada"], []]
    assert "No case files in this folder yet" in str(seen[2])


def test_what_was_typed_is_still_there_after_a_visit_to_the_list(
    build: Build, clinic: Path
) -> None:
    """Typing half a restaging, Escape to the list, Enter on the same case: nothing is lost,
    and the file was not written (nothing was answered)."""
    app = build(folder=clinic)
    before = (clinic / "cleo.json").read_bytes()
    seen: list[object] = []

    async def visit(pilot) -> None:
        await pilot.press("down", "enter")
        await settle(pilot)
        await typed(pilot, "2026-04-06")
        await pilot.press("tab")
        await typed(pilot, "12")
        await pilot.press("escape")
        await settle(pilot)
        seen.append(type(app.screen).__name__)
        await pilot.press("enter")
        await settle(pilot)
        seen.append([f.value for f in app.screen.query(Field)][:2])

    run(app, visit)
    assert seen == ["WorklistScreen", ["2026-04-06", "12"]]
    assert (clinic / "cleo.json").read_bytes() == before


def test_enter_in_the_filter_opens_the_case_it_found(build: Build, clinic: Path) -> None:
    app = build(folder=clinic)
    seen: list[object] = []

    async def find(pilot) -> None:
        await typed(pilot, "Ben")
        await pilot.press("enter")
        await settle(pilot)
        seen.append(app.session.path if app.session else None)
        seen.append(app.screen.step.key)  # type: ignore[attr-defined]

    run(app, find)
    assert seen == [clinic / "ben.json", "assessment-2"]
