"""Small terminals: the screens keep working."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from il2tui.tui.app import AssistApp
from tests.tui import cases
from tests.tui.conftest import settle

Build = Callable[..., AssistApp]


@pytest.mark.parametrize("size", [(20, 5), (40, 12), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_small_terminals_do_not_break_the_decision(build: Build, tmp_path: Path, size) -> None:
    """At 20x5, 40x12 and 80x24 the decision screen opens, the panels toggle, Enter accepts
    and the next step (course 2) opens: no exception, the decision is saved."""
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
