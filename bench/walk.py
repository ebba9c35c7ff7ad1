"""Walk the demo case through the assistant with the Pilot and time each step transition.

Run by bench/run.py as ``python bench/walk.py RUNS``. It types the demo case in
from the start screen (as tests/tui/test_walk.py does) and, for every answer
that moves to another step, prints two times in seconds: from the Enter key to
the first frame of the new screen, and to the last frame drawn before the app
went idle (reviews and evidence filled in). Frames are taken where Textual hands
a composed update to its driver (``App._display``), so the Pilot's own idle
polling (tens of milliseconds per key) is not counted. After each walk, as many
screen switches of a minimal app (``minimal_app.Switching``), timed the same
way, give the baseline: lines ending in ``baseline``. Each full garbage collection the
assistant makes while the clinician reads a step (``memory.collect``, half a second after
the step is drawn: a key pressed meanwhile waits for it) prints its duration twice, in a
line ending in ``collect``.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from minimal_app import Switching

from il2tui.case.demo import demo_case_text
from il2tui.tui import memory
from il2tui.tui.app import make_app
from tests.tui import driver

FRAMES: list[tuple[float, object]] = []
TIMES: list[tuple[float, float]] = []
COLLECTS: list[float] = []
_untimed_answer = driver._answer
_untimed_collect = memory.collect


def _timed_collect() -> None:
    start = time.perf_counter()
    _untimed_collect()
    COLLECTS.append(time.perf_counter() - start)


async def _timed_answer(pilot) -> None:
    before, start = pilot.app.screen, time.perf_counter()
    FRAMES.clear()
    await _untimed_answer(pilot)
    new = [t for t, screen in FRAMES if screen is not before]
    if new:  # an answer that stayed on its screen (an error) is not a transition
        TIMES.append((new[0] - start, FRAMES[-1][0] - start))


async def _walk_once() -> None:
    app = _recording(make_app(cursor_blink=False, warm_delay=0))
    async with app.run_test(size=(100, 30)) as pilot:
        await driver.enter_case(pilot, json.loads(demo_case_text()))


def _recording(app):
    """``app`` with every composed frame recorded in FRAMES, with its time and screen."""
    display = app._display

    def recording_display(screen, renderable) -> None:
        if renderable is not None:
            FRAMES.append((time.perf_counter(), screen))
        display(screen, renderable)

    app._display = recording_display  # type: ignore[method-assign]
    return app


async def _switch_pages(transitions: int) -> None:
    """The baseline: Enter replaces the minimal app's screen with a fresh one, timed alike."""
    async with _recording(Switching()).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(transitions):
            await _timed_answer(pilot)


def main() -> None:
    """Print a line per transition: seconds to the first and to the last frame of the new
    screen, and a third column ``baseline`` for the minimal app's page switches."""
    driver._answer = _timed_answer  # time every "Enter answers and moves on"
    memory.collect = _timed_collect  # and every collection while a step is read
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    asyncio.run(_walk_once())  # warm-up walk: imports, evidence tables
    asyncio.run(_switch_pages(5))
    TIMES.clear()
    COLLECTS.clear()
    for _ in range(runs):
        walked = len(TIMES)
        asyncio.run(_walk_once())
        ours = TIMES[walked:]
        asyncio.run(_switch_pages(len(ours)))  # as many switches, moments after
        print("\n".join(f"{first:.6f} {last:.6f}" for first, last in ours))
        print("\n".join(f"{a:.6f} {b:.6f} baseline" for a, b in TIMES[walked + len(ours) :]))
    print("\n".join(f"{t:.6f} {t:.6f} collect" for t in COLLECTS))


if __name__ == "__main__":
    main()
