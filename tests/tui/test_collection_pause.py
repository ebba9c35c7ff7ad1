"""A step transition runs without automatic garbage collection until the new step is drawn,
and collection is on again once it is (:func:`il2tui.tui.memory.pause_until_drawn`)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

import pytest

from il2tui.tui.app import AssistApp
from il2tui.tui.screens.baseline import BaselineScreen
from tests.tui.conftest import settle


def test_collection_is_off_while_the_next_step_is_built_and_on_once_it_is_drawn(
    build: Callable[..., AssistApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter on the patient step: the baseline screen is filled with collection off; once
    the app is idle it is on again, and stays on after an Enter that only lists problems."""
    seen: list[bool] = []
    mounted = BaselineScreen.mounted

    def recording(screen: BaselineScreen) -> None:
        seen.append(gc.isenabled())
        mounted(screen)

    monkeypatch.setattr(BaselineScreen, "mounted", recording)
    app = build()

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("n")
            await settle(pilot)
            assert gc.isenabled()
            await pilot.press("enter")  # melanoma, the first diagnosis: on to the baseline
            await settle(pilot)
            assert isinstance(app.screen, BaselineScreen)
            assert seen == [False]
            assert gc.isenabled()
            await pilot.press("enter")  # nothing typed: the problems are listed
            await settle(pilot)
            assert "-shown" in app.screen.query_one("#errors").classes
            assert gc.isenabled()

    asyncio.run(run())
