"""Saves run in a worker: an older case never overwrites a newer one, and quitting saves first."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from il2tui.case.files import load_case
from il2tui.tui.app import AssistApp
from tests.tui import cases
from tests.tui.conftest import settle, typed

Build = Callable[..., AssistApp]


def test_an_older_case_never_overwrites_a_newer_one(build: Build, tmp_path: Path) -> None:
    """Two saves of the same file finishing out of order (the newer first): the file keeps
    the newer case, the one with the recorded decision."""
    path = cases.write_case(tmp_path, "retreat")
    app = build(case_path=path)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            older = app.session.case  # type: ignore[union-attr]
            await pilot.press("enter")  # accept: the decision is recorded and saved
            await settle(pilot)
            newer = app.session.case  # type: ignore[union-attr]
            assert newer != older
            late, early = next(app._tickets), next(app._tickets)
            app._write(app.session, newer, early, path)  # type: ignore[arg-type]
            app._write(app.session, older, late, path)  # type: ignore[arg-type]  # requested first

    asyncio.run(main())
    assert load_case(path, draft=True).courses[0].decision is not None


def test_quitting_writes_what_is_not_saved_yet(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step answered and ctrl+q pressed before the save worker wrote anything (here it
    never runs): the course is in the file when the app has closed."""
    path = cases.write(tmp_path, "before-course", cases.BEFORE_COURSE)
    app = build(case_path=path)
    monkeypatch.setattr(AssistApp, "save_soon", lambda self, then=None: None)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await typed(pilot, "2025-01-13")
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.step.key == "assessment-1"  # type: ignore[attr-defined]
            assert load_case(path, draft=True).courses == ()
            await pilot.press("ctrl+q")
            await settle(pilot)

    asyncio.run(main())
    assert [c.number for c in load_case(path, draft=True).courses] == [1]
