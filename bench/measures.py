"""The in-process measurements of bench/run.py (headless start-up, step latency) and the table."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from gen_cases import write_cases

HERE = Path(__file__).resolve().parent


class Row(NamedTuple):
    """One line of the table: what, measured, baseline, ratio or note."""

    what: str
    measured: str
    baseline: str
    ratio: str


HEADER = Row("measure", "il2tui", "baseline", "ratio / note")


def env() -> dict[str, str]:
    """The environment of every measured process: this checkout, a fixed clock."""
    return os.environ | {"PYTHONPATH": str(HERE.parent), "IL2TUI_FIXED_NOW": "2026-06-01T09:30"}


def _time_to_ready(kind: str, environment: dict[str, str]) -> float | None:
    start = time.perf_counter()
    cmd = [sys.executable, str(HERE / "ready_probe.py"), kind]
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    ) as proc:
        line = proc.stdout.readline() if proc.stdout else ""
        elapsed = time.perf_counter() - start
        _, err = proc.communicate(timeout=60)
    if line.strip() != "READY":
        print(f"  ({kind} did not become ready: {err.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return elapsed


def _built(module: str) -> bool:
    probe = f"import importlib.util as u, sys; sys.exit(0 if u.find_spec('{module}') else 1)"
    return subprocess.run([sys.executable, "-c", probe], env=env(), check=False).returncode == 0


def startup(runs: int) -> list[Row]:
    """Median time to the first screen ready for input, headless, alternating the three apps.

    ``il2 assist`` shows the start screen; ``il2 assist --demo`` also validates
    the demo case, reviews it and draws the step it resumes at. Both import the
    console script's entry point first, as the command does; neither runs in a
    terminal (bench/real.py does that).
    """
    if not _built("il2tui.tui.app"):
        return [Row("start-up, il2 assist", "not built yet", "", "issue 5")]
    kinds = ("minimal", "start", "demo")
    times: dict[str, list[float | None]] = {kind: [] for kind in kinds}
    for kind in kinds:  # warm the file cache for all three
        _time_in_empty_folder(kind)
    for _ in range(runs):
        for kind in kinds:
            times[kind].append(_time_in_empty_folder(kind))
    if any(None in runs_ for runs_ in times.values()):
        return [Row("start-up, il2 assist", "failed", "", "see stderr")]
    base = statistics.median(times["minimal"])  # type: ignore[type-var]
    return [
        _startup_row(f"headless: first input, {what} (median of {runs})", times[kind], base, goal)
        for kind, what, goal in (("start", "il2 assist", 1.2), ("demo", "il2 assist --demo", 1.5))
    ]


def _time_in_empty_folder(kind: str) -> float | None:
    """:func:`_time_to_ready` with a data folder of its own, empty: a folder that holds
    cases (the demo saves a copy at every run) opens ``il2 assist`` on its worklist."""
    with tempfile.TemporaryDirectory(prefix="il2-bench-data-") as folder:
        return _time_to_ready(kind, env() | {"IL2TUI_DATA_DIR": folder})


def _startup_row(what: str, runs: list[float | None], base: float, goal: float) -> Row:
    ours = statistics.median(runs)  # type: ignore[type-var]
    return Row(
        what,
        f"{ours * 1000:.0f} ms",
        f"{base * 1000:.0f} ms (minimal Textual app)",
        f"{ours / base:.2f}x (target <= {goal}x)",
    )


def cli_time(argv: list[str]) -> float | None:
    """Seconds for ``il2 ARGV`` as a whole process; ``None`` (and a line) if it failed."""
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "il2tui", *argv]
    result = subprocess.run(cmd, env=env(), capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(f"  (il2 {argv[0]} failed: {result.stderr.strip()[-300:]})", file=sys.stderr)
        return None
    return elapsed


def step_latency(tmp: Path, runs: int) -> list[Row]:
    """Median and p95 of each step transition while the Pilot walks the demo case, beside a
    minimal app's screen switches timed the same way moments after each walk."""
    if not (HERE / "walk.py").exists() or not _built("il2tui.tui.app"):
        return [Row("step latency (Pilot walk of the demo)", "not built yet", "", "issue 5")]
    cmd = [sys.executable, str(HERE / "walk.py"), str(runs)]
    environment = env() | {"IL2TUI_DATA_DIR": str(tmp / "walk-data")}
    result = subprocess.run(cmd, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return [Row("step latency (Pilot walk of the demo)", "failed", "", result.stderr[-200:])]
    lines = [line.split() for line in result.stdout.splitlines() if line.strip()]
    ours = [(float(a), float(b)) for a, b, *rest in lines if not rest]
    base = sorted(float(a) for a, _, *rest in lines if rest == ["baseline"])
    collects = sorted(float(a) for a, _, *rest in lines if rest == ["collect"])
    first, last = sorted(a for a, _ in ours), sorted(b for _, b in ours)
    ratio = statistics.median(first) / statistics.median(base)
    return [
        Row(
            f"step transition, Enter to new screen drawn ({len(first)} over {runs} walks)",
            _median_p95(first),
            f"{_median_p95(base)} (minimal app, new screen)",
            f"{ratio:.2f}x the median; targets: median <= 50 ms, p95 <= 150 ms (issue 5)",
        ),
        Row("step transition, Enter to screen settled (reviews shown)", _median_p95(last), "", ""),
        Row(
            f"full collection while a step is read ({len(collects)}, 0.5 s after it is drawn)",
            _median_p95(collects) if collects else "none ran",
            "",
            "a key pressed meanwhile waits for it",
        ),
    ]


def _median_p95(times: list[float]) -> str:
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return f"median {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


def worklist_listing(tmp: Path, count: int, runs: int) -> list[Row]:
    """The worklist over ``count`` case files: engine alone, and the assistant's screen."""
    if not (HERE / "worklist.py").exists() or not _built("il2tui.clinical.worklist"):
        return [Row("worklist listing", "not built yet", "", "issue 16")]
    paths = write_cases(tmp / "worklist", count, seed=16)
    base = min(_json_loads_time(paths) for _ in range(runs))
    cmd = [sys.executable, str(HERE / "worklist.py"), str(tmp / "worklist"), str(runs)]
    result = subprocess.run(cmd, env=env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return [Row("worklist listing", "failed", "", result.stderr[-200:])]
    times = [[float(x) for x in line.split()] for line in result.stdout.splitlines() if line]
    engine, first, every, listed = (min(t[i] for t in times) for i in range(4))
    baseline = f"{base * 1000:.0f} ms (json.loads of the files)"
    return [
        Row(
            f"worklist rows, engine ({count} files, best of {runs})",
            f"{engine * 1000:.0f} ms",
            baseline,
            f"{engine / base:.1f}x json.loads time",
        ),
        Row(
            f"il2 assist DIR, start to first rows ({count} files)", f"{first * 1000:.0f} ms", "", ""
        ),
        Row(f"il2 assist DIR, start to all {count} rows", f"{every * 1000:.0f} ms", "", ""),
        Row(
            f"worklist screen shown to all {count} rows sorted",
            f"{listed * 1000:.0f} ms",
            baseline,
            "target <= 1000 ms",
        ),
    ]


def _json_loads_time(paths: list[Path]) -> float:
    """Seconds to read and ``json.loads`` every file: the floor any reader of them pays."""
    import json

    start = time.perf_counter()
    for path in paths:
        json.loads(path.read_text(encoding="utf-8"))
    return time.perf_counter() - start
