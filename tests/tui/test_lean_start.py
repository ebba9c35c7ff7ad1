"""Issue 15: an opened case shows its review on the first screen; ``il2 assist`` starts lean.

The speed itself is measured by ``bench/run.py``; these tests pin what makes it:
the review is made before the first screen is drawn (not after a warm-up), the
plain ``il2 assist`` command lines never build the Typer app, and the start
screen loads neither the case model nor the engine nor pandas.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static
from typer.testing import CliRunner

from il2tui.case.demo import demo_case_text
from il2tui.cli import launch
from il2tui.cli.main import app as typer_app
from il2tui.tui.app import AssistApp
from tests.conftest import REPO
from tests.tui.conftest import FakeApp


def _texts(app: AssistApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


@pytest.mark.parametrize("how", ["demo", "file"])
def test_an_opened_case_shows_its_review_without_waiting_for_the_warm_up(
    build: Callable[..., AssistApp], tmp_path: Path, how: str
) -> None:
    # The warm-up (engine, then pandas) is an hour away: the review cannot come from it.
    if how == "demo":
        opened = build(demo=True, warm_delay=3600)
    else:
        opened = build(case_path=_case_file(tmp_path), warm_delay=3600)

    async def first_screen() -> None:
        async with opened.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            shown = _texts(pilot.app)
            assert "Best response: CR (complete response)" in shown
            assert "Reviewing" not in shown
            assert not pilot.app.is_warm  # pandas is still to come, after the first screen

    asyncio.run(first_screen())


def _case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(demo_case_text(), encoding="utf-8")
    return path


@pytest.mark.parametrize("argv", [["assist"], ["assist", "--demo"], ["assist", "CASE"]])
def test_plain_command_lines_start_the_app_typer_would_start(
    fake_app: type[FakeApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]
) -> None:
    argv = [str(_case_file(tmp_path)) if a == "CASE" else a for a in argv]
    assert launch.plain_assist(argv) is not None
    result = CliRunner().invoke(typer_app, argv)
    assert result.exit_code == 0, result.output
    through_typer = dict(fake_app.built)
    monkeypatch.setattr(sys, "argv", ["il2", *argv])
    launch.main()
    assert fake_app.built == through_typer
    assert through_typer["ran"] is True


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["assist", "--help"],
        ["assist", "FOLDER"],
        ["assist", "missing.json"],
        ["assist", "CASE", "--demo"],
        ["assist", "--demo", "--demo"],
        ["assist", "-x"],
        ["review", "--demo"],
    ],
)
def test_every_other_command_line_is_left_to_typer(tmp_path: Path, argv: list[str]) -> None:
    swap = {"CASE": str(_case_file(tmp_path)), "FOLDER": str(tmp_path)}
    assert launch.plain_assist([swap.get(a, a) for a in argv]) is None


def test_a_command_line_for_typer_gets_typer_s_answer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["il2", "--version"])
    with pytest.raises(SystemExit) as exited:
        launch.main()
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("il2 ")


# The first frame of the real app, headless, in a fresh interpreter: which packages it loaded.
PROBE = """
import sys
from il2tui.tui import app as tui_app

real = tui_app.make_app
WATCHED = ("typer", "click", "pydantic", "pandas", "numpy", "scipy", "il2tui.clinical")

async def first_frame(pilot):
    await pilot.pause()
    loaded = {w for w in WATCHED for m in sys.modules if m == w or m.startswith(w + ".")}
    print("LOADED", sorted(loaded))
    print("SHOWN", type(pilot.app.screen).__name__)
    pilot.app.exit()

class Headless:
    def __init__(self, **kw):
        self.app = real(**kw, warm_delay=3600)  # no warm-up: only what the first frame needs

    def run(self):
        self.app.run(headless=True, size=(100, 30), auto_pilot=first_frame)

    def __getattr__(self, name):  # what il2 assist reads from the app once it has ended
        return getattr(self.app, name)

tui_app.make_app = lambda **kw: Headless(**kw)
sys.argv = ["il2", *sys.argv[1:]]
from il2tui.cli.launch import main
main()
"""


def _first_frame(*argv: str) -> tuple[str, str]:
    env = os.environ | {"PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    return lines["LOADED"], lines["SHOWN"]


@pytest.mark.slow
def test_the_start_screen_loads_no_typer_no_case_model_no_engine_no_pandas() -> None:
    assert _first_frame("assist") == ("[]", "StartScreen")


@pytest.mark.slow
def test_the_demo_s_first_screen_loads_the_engine_but_no_typer_no_pydantic_no_pandas() -> None:
    assert _first_frame("assist", "--demo") == ("['il2tui.clinical']", "SummaryScreen")
