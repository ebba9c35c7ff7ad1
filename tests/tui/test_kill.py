"""Killed with SIGKILL between steps or inside a save: the file is always a valid case.

Each test runs :mod:`tests.tui.kill_driver` in a child process, which answers
course 1 and its restaging and dies while or after saving the restaging (see the
driver for the four points). The case file must then load as a valid case holding the
last answered step or the one before it, never a partial or empty file, and the
assistant must reopen it at the step that follows.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from il2tui.case.files import load_case
from il2tui.tui.app import AssistApp
from il2tui.tui.steps import resume_step
from tests.conftest import REPO
from tests.tui import cases
from tests.tui.conftest import settle

Build = Callable[..., AssistApp]

#: Where each kill leaves the file: the restaging saved (the decision next), or not.
EXPECTED = {
    "between": "decision-1",
    "written": "assessment-1",
    "synced": "assessment-1",
    "renamed": "decision-1",
}


def start(path: Path, mode: str) -> subprocess.Popen[str]:
    """Start the driver on ``path`` in a child process."""
    env = os.environ | {"PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "tests.tui.kill_driver", str(path), mode]
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def until_killed(child: subprocess.Popen[str]) -> list[str]:
    """The child's ``DONE`` lines; it is killed after the last one if it has not died already."""
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        lines.append(line.strip())
        if line.startswith("DONE 2"):
            child.send_signal(signal.SIGKILL)
            break
    _, errors = child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL, errors[-2000:]
    return lines


@pytest.fixture(scope="module")
def killed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[str]]]:
    """The four children, run at the same time (each start takes seconds): file and lines."""
    runs = {}
    for mode in EXPECTED:
        path = cases.write(tmp_path_factory.mktemp(mode), "case", cases.BEFORE_COURSE)
        runs[mode] = (path, start(path, mode))
    return {mode: (path, until_killed(child)) for mode, (path, child) in runs.items()}


@pytest.mark.parametrize("mode", EXPECTED)
def test_a_killed_assistant_leaves_a_valid_case_that_resumes(
    build: Build, killed: dict[str, tuple[Path, list[str]]], mode: str
) -> None:
    """Killed at ``mode``: the file loads as a valid case with course 1 (12 and 9 doses) and,
    when the rename happened, its restaging; the assistant reopens it at the next step."""
    path, lines = killed[mode]
    assert lines[:1] == ["DONE 1 assessment-1"], lines

    case = load_case(path, draft=True)  # never partial or empty: it parses and validates
    assert case.courses[0].doses == (12, 9)
    assert resume_step(case).key == EXPECTED[mode]
    if EXPECTED[mode] == "decision-1":
        restaged = case.courses[0].assessments[0].measurements
        assert (restaged["L1"], restaged["L2"]) == ((12, 10), (20, 15))
    assert [p.name for p in path.parent.iterdir() if not p.name.startswith(".")] == ["case.json"]

    app = build(case_path=path)
    reopened: list[str] = []

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            reopened.append(app.screen.step.key)  # type: ignore[attr-defined]

    asyncio.run(main())
    assert reopened == [EXPECTED[mode]]
