"""Hostile case files in ``il2 assist``: a dialog with the loader's line, never a change.

The files are the engine's (:mod:`tests.hardening.test_hostile_files`), one row
for each kind the issue lists. Each is opened from the command line and from the
start screen's open dialog. From the command line the assistant ends with exit
status 2 and the loader's one line (issue 14: ``il2 assist`` prints it); from the
dialog, a dialog shows the same line and the assistant keeps running, on the
start screen. Either way the line names the file and the field path, and the
file keeps its bytes and its modification time. (The engine is not needed, so
these apps never warm it up.)
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from il2tui.tui.app import AssistApp
from il2tui.tui.screens.message import MessageScreen
from il2tui.tui.widgets.field import Field
from tests.hardening.hostile import fingerprint, names, text
from tests.hardening.test_hostile_files import HOSTILE, VALID_TEXT, _unprivileged
from tests.tui.conftest import settle

Build = Callable[..., AssistApp]

#: The issue's list, by the names of the engine's table.
ROWS = [
    "truncated JSON",
    "a future format",
    "patient as a list",
    "diameter as text",
    "unknown lesion assessed",
    "duplicate lesion id",
    "negative",
    "zero at baseline",
    "NaN",
    "Infinity",
    "1e999999999 mm",
    "assessment before its course",
    "courses 1, 3",
    "50 MB",
    "Latin-1",
    "a folder",
    "a FIFO",
]


def shown(app: AssistApp) -> str:
    """The dialog's message, as one string (it is one line, maybe wrapped by the screen)."""
    assert isinstance(app.screen, MessageScreen), type(app.screen).__name__
    return str(app.screen.query_one("#dialog-body", Static).content)


async def open_from_start_screen(pilot: Pilot, path: Path) -> None:
    """``o`` on the start screen, the path in the field, Enter."""
    await pilot.press("o")
    await settle(pilot)
    pilot.app.screen.query_one("#path", Field).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def open_both_ways(build: Build, path: Path) -> list[str]:
    """Open ``path`` from the command line, then from the open dialog of another app.

    Returns the line the first app ended with, its exit status, the second app's
    dialog message and the screen under the dialog once it is closed.
    """
    from_cli = build(case_path=path, warm_delay=3600)
    app = build(warm_delay=3600)
    seen: list[str] = []

    async def main() -> None:
        async with from_cli.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
        seen.extend([str(from_cli.exit_line), str(from_cli.return_code)])
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await open_from_start_screen(pilot, path)
            seen.append(shown(app))
            await pilot.press("enter")
            await settle(pilot)
            seen.append(type(app.screen).__name__)

    asyncio.run(main())
    return seen


@pytest.mark.parametrize("name", ROWS)
def test_a_hostile_file_shows_the_loaders_line_and_is_left_unchanged(
    build: Build, tmp_path: Path, name: str
) -> None:
    """The loader's line (file and field path): printed with exit status 2 from the command
    line, in a dialog from the open dialog (the app goes on); the file is unchanged."""
    make, field, words = HOSTILE[name]
    path = make(tmp_path)
    before = fingerprint(path)
    from_cli, status, from_dialog, then = open_both_ways(build, path)
    names(from_cli, path, field, words)
    assert status == "2"
    assert from_dialog == from_cli
    assert then == "StartScreen"
    assert fingerprint(path) == before


def test_a_file_without_read_permission_shows_the_loaders_line(build: Build) -> None:
    """A file the user may not read (chmod 000, opened by a user who is not root): the dialog
    names it and says it cannot be read; the file is unchanged."""
    with tempfile.TemporaryDirectory() as shared:
        os.chmod(shared, 0o755)
        path = text(VALID_TEXT)(Path(shared))
        path.chmod(0o000)
        before = fingerprint(path)
        app = build(warm_delay=3600)

        async def main() -> list[str]:
            async with app.run_test(size=(100, 30)) as pilot:
                await settle(pilot)
                with _unprivileged():
                    await open_from_start_screen(pilot, path)
                return [shown(app)]

        (line,) = asyncio.run(main())
        names(line, path, "", "cannot be read (permission denied)")
        assert fingerprint(path) == before
