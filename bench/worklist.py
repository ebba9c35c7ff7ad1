"""Time the worklist over N generated case files (issue 16: 500 listed within a second).

Run by bench/run.py as ``python bench/worklist.py FOLDER RUNS``; also by hand. Prints,
per run, four times in seconds: the rows in the engine alone (read, review, row per
file), then in the assistant (headless, 120x40) from start to the first rows shown,
from start to every row shown and sorted, and from the worklist screen's mount to every
row shown and sorted (the listing itself; start-up is measured by bench/run.py apart).
The files are reviewed in a worker while the screen is up.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from il2tui.clinical.worklist import read_row
from il2tui.tui.app import make_app


def engine_rows(folder: Path) -> float:
    start = time.perf_counter()
    for path in sorted(folder.glob("*.json")):
        read_row(path)
    return time.perf_counter() - start


async def screen_rows(folder: Path, count: int) -> tuple[float, float, float]:
    from textual.widgets import DataTable

    from il2tui.tui.screens.worklist import WorklistScreen

    mounted: list[float] = []
    real_mount = WorklistScreen.on_mount

    def on_mount(screen: WorklistScreen) -> None:
        mounted.append(time.perf_counter())
        real_mount(screen)

    WorklistScreen.on_mount = on_mount  # type: ignore[method-assign]
    app = make_app(folder=folder, cursor_blink=False, warm_delay=0)
    start = time.perf_counter()
    first = None
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            await pilot.pause(0.005)
            tables = app.screen.query(DataTable)
            shown = tables.first().row_count if tables else 0
            if shown and first is None:
                first = time.perf_counter() - start
            if shown >= count and not app.screen.scanning:  # type: ignore[attr-defined]
                done = time.perf_counter()
                return first or 0.0, done - start, done - mounted[0]


def main() -> None:
    folder, runs = Path(sys.argv[1]), int(sys.argv[2])
    count = len(list(folder.glob("*.json")))
    engine_rows(folder)  # warm the engine's caches, as the assistant's warm-up does
    for _ in range(runs):
        first, every, listed = asyncio.run(screen_rows(folder, count))
        print(f"{engine_rows(folder):.4f} {first:.4f} {every:.4f} {listed:.4f}", flush=True)


if __name__ == "__main__":
    main()
