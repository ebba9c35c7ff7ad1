"""``il2 assist`` on the command line: arguments reach the app factory; misuse exits 2."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from typer.testing import CliRunner

from il2tui.cli.assist import build_assistant
from il2tui.cli.main import app
from tests.tui.conftest import FakeApp

runner = CliRunner()


def test_collection_is_paused_only_until_the_first_screen_is_drawn() -> None:
    assert gc.isenabled()
    app = build_assistant(None, demo=False)
    assert not gc.isenabled()  # imports and the first screen run without collections

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()

    asyncio.run(main())
    assert gc.isenabled()


def test_a_case_file_is_opened(fake_app: type[FakeApp], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    result = runner.invoke(app, ["assist", str(path)])
    assert result.exit_code == 0, result.output
    assert fake_app.built == {"case_path": path, "demo": False, "ran": True}


def test_demo_opens_the_demo(fake_app: type[FakeApp]) -> None:
    result = runner.invoke(app, ["assist", "--demo"])
    assert result.exit_code == 0, result.output
    assert fake_app.built == {"case_path": None, "demo": True, "ran": True}


def test_a_clinics_own_files_reach_the_assistant(fake_app: type[FakeApp], tmp_path: Path) -> None:
    """``--assumptions`` is read before the assistant starts and handed to it; the guideline
    not given stays the shipped one (``None``)."""
    from tests.engine.test_growing_tolerance import _clinic

    own = _clinic(tmp_path, "24")
    result = runner.invoke(app, ["assist", "--demo", "--assumptions", str(own)])
    assert result.exit_code == 0, result.output
    guideline, assumptions = fake_app.built.pop("clinic")  # type: ignore[misc]
    assert guideline is None and str(assumptions.growing_lesion_tolerance_pct) == "24"
    assert fake_app.built == {"case_path": None, "demo": True, "ran": True}


def test_a_file_and_demo_together_are_refused(fake_app: type[FakeApp], tmp_path: Path) -> None:
    result = runner.invoke(app, ["assist", str(tmp_path / "x.json"), "--demo"])
    assert result.exit_code == 2, result.output
    assert "not both" in result.output
    assert fake_app.built.get("ran") is not True
