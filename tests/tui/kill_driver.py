"""A child process for the kill tests: the assistant answers steps, then dies by SIGKILL.

    python -m tests.tui.kill_driver CASE.json MODE

The app (built by :func:`il2tui.tui.app.make_app`, headless) opens ``CASE.json``
at course 1 and answers course 1 and its restaging, the two steps of
:data:`STEPS`, printing ``DONE n step`` once step ``n`` is answered and saved.
(The engine is never warmed up: these steps need no review, and the child
starts faster.) ``MODE`` says where the process is killed with SIGKILL, by
itself, during the save of the last step:

- ``between``: not during a save; the parent kills it after the last ``DONE``;
- ``written``: the temporary file is written, not yet fsynced;
- ``synced``: the temporary file is fsynced, not yet renamed over the case file;
- ``renamed``: the temporary file has replaced the case file, the folder is not synced.

The crash points are injected here, by wrapping :func:`os.fsync` and
:func:`os.replace` in this process; the production code has no test hooks.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from il2tui.tui.app import make_app
from tests.tui.conftest import settle, typed

#: What is typed for each step: course 1, then the restaging after it.
STEPS: list[list[str]] = [
    ["2025-01-13", "tab", "12", "tab", "9"],
    ["2025-03-10", "tab", "12", "tab", "10", "tab", "20", "tab", "15"],
]
LAST = len(STEPS)


def die() -> None:
    """SIGKILL this process: no handler, no flush, no cleanup."""
    os.kill(os.getpid(), signal.SIGKILL)


def arm(mode: str) -> Callable[[], None]:
    """Wrap ``os.fsync`` / ``os.replace`` so that the save of the last step dies at ``mode``.

    Returns the function that arms the trap once the last step is about to be answered
    (the saves of the steps before it go through untouched).
    """
    real_fsync, real_replace = os.fsync, os.replace
    armed = {"on": False, "fsyncs": 0}

    def fsync(fd: int) -> None:
        if armed["on"]:
            armed["fsyncs"] += 1
            if mode == "written" and armed["fsyncs"] == 1:
                die()  # the temporary file's bytes are written; nothing is synced
        real_fsync(fd)
        if armed["on"] and mode == "synced" and armed["fsyncs"] == 1:
            die()  # the temporary file is on disk; the case file is the old one

    def replace(src: Any, dst: Any) -> None:
        real_replace(src, dst)
        if armed["on"] and mode == "renamed":
            die()  # the new file is in place; its folder is not synced

    os.fsync, os.replace = fsync, replace  # type: ignore[assignment]
    return lambda: armed.update(on=mode != "between")


async def answer(pilot: Pilot, keys: list[str]) -> None:
    """Type one step's values (``tab`` moves on) and press Enter."""
    for key in keys:
        if key == "tab":
            await pilot.press("tab")
        else:
            await typed(pilot, key)
    await pilot.press("enter")


def main() -> None:
    """Answer the steps, arming the trap before the last one; wait to be killed."""
    case, mode = Path(sys.argv[1]), sys.argv[2]
    arm_last = arm(mode)
    app = make_app(case_path=case, cursor_blink=False, warm_delay=3600)

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            for number, keys in enumerate(STEPS, start=1):
                if number == LAST:
                    arm_last()
                await answer(pilot, keys)
                await settle(pilot)
                step = app.screen.step.key  # type: ignore[attr-defined]
                sys.__stdout__.write(f"DONE {number} {step}\n")  # Textual captures print()
                sys.__stdout__.flush()
            time.sleep(60)  # the parent kills the process before this ends

    asyncio.run(drive())


if __name__ == "__main__":
    main()
