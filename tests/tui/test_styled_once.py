"""A new screen is styled once (:mod:`il2tui.tui.screens.styled`), and still looks right.

The pictures of ``test_snapshots.py`` show the first frames; these pin the two cases
the shortcut must not break: a step opened at a width already has the layout of that
width, and a step shown again after an overlay (the help) on a terminal resized
meanwhile is laid out for the new width.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from il2tui.tui.app import AssistApp
from il2tui.tui.steps import Step
from tests.tui.conftest import settle


def _side_shown(app: AssistApp) -> bool:
    return bool(app.screen.query_one("#side").display)


@pytest.mark.parametrize(("width", "wide"), [(80, False), (120, True)])
def test_a_step_opens_with_the_layout_of_the_terminal_s_width(
    build: Callable[..., AssistApp], width: int, wide: bool
) -> None:
    app = build(demo=True)

    async def run() -> None:
        async with app.run_test(size=(width, 30)) as pilot:
            app.jump(Step("decision", 1))
            await settle(pilot)
            assert app.screen.has_class("-wide") is wide
            assert app.screen.has_class("-narrow") is not wide
            assert _side_shown(app) is wide  # the context and transcript beside the form

    asyncio.run(run())


def test_a_step_shown_again_after_the_help_follows_a_resize_made_meanwhile(
    build: Callable[..., AssistApp],
) -> None:
    app = build(demo=True)

    async def run() -> None:
        async with app.run_test(size=(80, 30)) as pilot:
            app.jump(Step("decision", 1))
            await settle(pilot)
            assert not _side_shown(app)
            await pilot.press("f1")
            await settle(pilot)
            await pilot.resize_terminal(120, 30)
            await pilot.press("escape")  # the help closes: the step is shown again
            await settle(pilot)
            assert app.screen.has_class("-wide")
            assert _side_shown(app)

    asyncio.run(run())
