"""Failures inside the app: a full disk, a folder that vanished, a worker that raises.

Each is shown to the clinician with what to do, the app keeps running, and what
was entered stays in memory so that it can be saved, in place once the problem
is fixed or in another file.
"""

from __future__ import annotations

import asyncio
import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from il2tui.case.files import load_case
from il2tui.tui.app import AssistApp
from il2tui.tui.screens.message import MessageScreen
from il2tui.tui.screens.save_as import SaveAsScreen
from il2tui.tui.widgets.case_header import CaseHeader
from il2tui.tui.widgets.field import Field
from tests.tui import cases
from tests.tui.conftest import settle, typed

Build = Callable[..., AssistApp]


def dialog_text(app: AssistApp) -> str:
    """Every line of the dialog on top."""
    return "\n".join(str(s.content) for s in app.screen.query("#dialog Static"))


async def answer_course(pilot: Pilot) -> None:
    """Course 1 started on 2025-01-13 with 12 doses, answered with Enter."""
    await typed(pilot, "2025-01-13")
    await pilot.press("tab")
    await typed(pilot, "12")
    await pilot.press("enter")
    await settle(pilot)


async def save_to(pilot: Pilot, path: Path) -> None:
    """In the save-as dialog: put ``path`` in place of the suggested file and press Enter."""
    pilot.app.screen.query_one("#path", Field).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def test_a_full_disk_says_what_to_do_and_the_case_can_be_saved_later_or_elsewhere(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up as course 1 is saved: a dialog names the file, says the disk is full
    and offers another file; the file on disk is unchanged, the course is kept in memory;
    once space is freed ctrl+s writes it in place, and the dialog's file gets it too."""
    path = cases.write(tmp_path, "case", cases.BEFORE_COURSE)
    before = path.read_bytes()
    elsewhere = tmp_path / "other" / "copy.json"
    elsewhere.parent.mkdir()
    real_fsync, full = os.fsync, {"disk": True}

    def fsync(fd: int) -> None:
        if full["disk"]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    app = build(case_path=path)
    seen: dict[str, object] = {}

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await answer_course(pilot)
            seen["dialog"] = type(app.screen)
            seen["text"] = dialog_text(app)
            seen["on disk"] = path.read_bytes()
            seen["in memory"] = app.session.case.courses[0].doses  # type: ignore[union-attr]
            await pilot.press("escape")  # the dialog closes; the app keeps running
            await settle(pilot)
            seen["step"] = app.screen.step.key  # type: ignore[attr-defined]
            full["disk"] = False  # space freed
            await pilot.press("ctrl+s")
            await settle(pilot)
            seen["saved in place"] = load_case(path, draft=True).courses[0].doses
            await pilot.press("f6")
            await settle(pilot)
            await save_to(pilot, elsewhere)
            seen["header"] = app.screen.query_one(CaseHeader).facts.file_name

    asyncio.run(main())
    assert seen["dialog"] is SaveAsScreen
    text = str(seen["text"])
    assert f"{path} was not saved" in text and "the disk is full" in text, text
    assert "Everything you entered is kept in memory" in text, text
    assert seen["on disk"] == before
    assert seen["in memory"] == (12,)
    assert seen["step"] == "assessment-1"
    assert seen["saved in place"] == (12,)
    assert load_case(elsewhere, draft=True).courses[0].doses == (12,)
    assert seen["header"] == "copy.json"


def test_a_vanished_folder_says_what_to_do_and_the_case_is_saved_elsewhere(
    build: Build, tmp_path: Path
) -> None:
    """The case's folder is removed while the assistant runs: answering course 1 shows the
    dialog (the folder does not exist, save to another folder); the folder is not silently
    recreated; a file typed in the dialog receives the whole case with course 1."""
    folder = tmp_path / "usb"
    path = cases.write(folder, "case", cases.BEFORE_COURSE)
    elsewhere = tmp_path / "home-copy.json"
    app = build(case_path=path)
    seen: dict[str, object] = {}

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            shutil.rmtree(folder)
            await answer_course(pilot)
            seen["dialog"] = type(app.screen)
            seen["text"] = dialog_text(app)
            await save_to(pilot, elsewhere)
            seen["after"] = type(app.screen).__name__

    asyncio.run(main())
    assert seen["dialog"] is SaveAsScreen
    text = str(seen["text"])
    assert str(path) in text and "the folder does not exist" in text, text
    assert not folder.exists()
    saved = load_case(elsewhere, draft=True)
    assert saved.patient.label == "Test-01" and saved.courses[0].doses == (12,)
    assert seen["after"] == "AssessmentScreen"


def test_a_worker_that_raises_is_shown_and_the_case_can_still_be_saved(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading the engine fails (a broken installation): a dialog says what failed and what
    to do; the app keeps running and ctrl+s still saves the course typed meanwhile."""
    import il2tui.evidence

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("evidence tables missing")

    monkeypatch.setattr(il2tui.evidence, "cohort", broken)
    path = cases.write(tmp_path, "case", cases.BEFORE_COURSE)
    app = build(case_path=path)
    seen: dict[str, object] = {}

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            seen["dialog"] = type(app.screen)
            seen["text"] = str(app.screen.query_one("#dialog-body", Static).content)
            seen["title"] = str(app.screen.query_one("#dialog-title", Static).content)
            await pilot.press("enter")
            await settle(pilot)
            await typed(pilot, "2025-01-13")
            await pilot.press("ctrl+s")
            await settle(pilot)

    asyncio.run(main())
    assert seen["dialog"] is MessageScreen
    assert seen["title"] == "Something went wrong while loading the engine and the evidence"
    assert "RuntimeError: evidence tables missing" in str(seen["text"])
    assert "press ctrl+s to save the case, or F6" in str(seen["text"])
    assert str(load_case(path, draft=True).courses[0].start) == "2025-01-13"


def test_a_review_that_raises_is_shown_with_what_to_do(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine raises on this case: an error notification says the review failed, why,
    and how to keep the case; the decision screen stays open."""
    import il2tui.clinical.review

    def broken(*given: object) -> None:
        raise ValueError("unexpected state")

    path = cases.write_case(tmp_path, "retreat")
    app = build(case_path=path)
    seen: list[str] = []

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            monkeypatch.setattr(il2tui.clinical.review, "review_case", broken)
            await pilot.press("ctrl+n")  # a further restaging: the form is reviewed as typed
            await settle(pilot)
            await typed(pilot, "2025-04-14")
            await settle(pilot)
            seen.extend(n.message for n in app._notifications)
            seen.append(app.screen.step.key)  # type: ignore[attr-defined]

    asyncio.run(main())
    assert any(
        "The review failed (ValueError: unexpected state)" in m and "ctrl+s saves it" in m
        for m in seen
    ), seen
    assert seen[-1] == "assessment-1-later"
