"""Small terminals and hostile text: the screens keep working and show text literally."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from il2tui.tui.app import AssistApp
from il2tui.tui.widgets.case_header import CaseHeader
from il2tui.tui.widgets.transcript_view import TranscriptView
from tests.tui import cases
from tests.tui.conftest import settle

Build = Callable[..., AssistApp]


def as_text(renderable: object) -> str:
    """What a renderable shows, as plain text (120 columns)."""
    console = Console(width=120, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


HOSTILE = "[bold]x[/] \x1b[31mred\x1b]8;;https://example.org\x07 \u202eevil"


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


def test_hostile_text_is_shown_literally(build: Build, tmp_path: Path) -> None:
    """A label and a site full of markup, escape sequences and a right-to-left override are
    shown as typed, with the control characters made visible, in the header and transcript."""
    data = cases.case([cases.course(1, "2025-01-13", "2025-03-10", cases.HALF)], label=HOSTILE)
    data["lesions"][0]["site"] = HOSTILE
    path = cases.write(tmp_path, "hostile", data)
    app = build(case_path=path)
    shown: list[str] = []

    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            header = app.screen.query_one(CaseHeader)
            shown.append(as_text(header.render()))
            shown.append(str(app.screen.query_one(TranscriptView).query_one(Static).content))

    asyncio.run(main())
    for text in shown:  # the header cuts the label short; the transcript has all of it
        assert "[bold]x[/] \\x1b[31mred" in text
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "\\x07 \\u202eevil" in shown[1]
