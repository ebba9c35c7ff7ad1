"""Walk the demo case through the assistant with the Pilot and print each step transition's time.

Run by bench/run.py as ``python bench/walk.py RUNS``: types the demo case in from
the start screen (as tests/tui/test_walk.py does) and times every answer, from
pressing Enter until the next screen is drawn and idle. One time per line, seconds.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from il2tui.demo import demo_case_text
from il2tui.tui.app import make_app
from tests.tui import driver

TIMES: list[float] = []
_untimed_answer = driver._answer


async def _timed_answer(pilot) -> None:
    start = time.perf_counter()
    await _untimed_answer(pilot)
    TIMES.append(time.perf_counter() - start)


async def _walk_once() -> None:
    app = make_app(cursor_blink=False, warm_delay=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await driver.enter_case(pilot, json.loads(demo_case_text()))


def main() -> None:
    driver._answer = _timed_answer  # time every "Enter answers and moves on"
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    asyncio.run(_walk_once())  # warm-up walk: imports, SciPy, evidence tables
    TIMES.clear()
    for _ in range(runs):
        asyncio.run(_walk_once())
    print("\n".join(f"{t:.6f}" for t in TIMES))


if __name__ == "__main__":
    main()
