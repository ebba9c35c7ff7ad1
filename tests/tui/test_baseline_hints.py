"""The baseline's SPD line: lesions counted in words, and a hint for a likely cm-as-mm slip."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from il2tui.tui.app import AssistApp
from tests.tui import cases
from tests.tui.conftest import settle, typed, typed_lesion

Build = Callable[..., AssistApp]


def spd_lines(build: Build, tmp_path: Path, *keys: str, lesions: list[tuple[str, ...]]) -> str:
    """The SPD line after typing ``lesions`` (site, d1, d2), pressing ``keys`` first."""
    app = build(case_path=cases.write(tmp_path, "patient", cases.PATIENT_ONLY))
    shown: list[str] = []

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press(*keys)
            await typed(pilot, "2025-01-06")
            await pilot.press("tab")
            for index, lesion in enumerate(lesions):
                if index:
                    await pilot.press("ctrl+n")
                    await settle(pilot)
                await typed_lesion(pilot, *lesion)
            await settle(pilot)
            shown.append(str(app.screen.query_one("#spd", Static).content))

    asyncio.run(main())
    return shown[0]


def test_lesions_under_10_mm_both_ways_get_a_hint_about_the_unit(
    build: Build, tmp_path: Path
) -> None:
    """24 × 8 mm is a plausible lesion; 3.1 × 2.5 mm looks like centimetres typed as mm:
    only that one gets the hint, and the values are kept as typed (SPD 199.75 mm²)."""
    line = spd_lines(build, tmp_path, lesions=[("lung", "24", "8"), ("liver", "3.1", "2.5")])
    assert line.startswith("SPD 199.75 mm² over 2 lesions")
    assert "L2: 3.1 × 2.5 mm is under 10 mm both ways" in line
    assert "L1:" not in line


def test_no_hint_when_the_diameters_are_typed_in_cm(build: Build, tmp_path: Path) -> None:
    """3.1 × 2.5 typed in cm is 31 × 25 mm: one lesion, in the singular, and no hint."""
    line = spd_lines(build, tmp_path, "ctrl+t", lesions=[("liver", "3.1", "2.5")])
    assert line == "SPD 775 mm² over 1 lesion"


def test_the_unit_hint_boundary_is_10_mm_both_ways(build: Build, tmp_path: Path) -> None:
    """10 × 10 mm is not under 10 mm: no hint. 9.9 × 9.9 is: a hint. 9.9 × 10 is under
    10 mm one way only: no hint. Only L2 is named."""
    line = spd_lines(
        build, tmp_path, lesions=[("a", "10", "10"), ("b", "9.9", "9.9"), ("c", "9.9", "10")]
    )
    assert line.startswith("SPD 297.01 mm² over 3 lesions")  # 100 + 98.01 + 99
    assert "L2: 9.9 × 9.9 mm is under 10 mm both ways" in line
    assert line.count("under 10 mm both ways") == 1
