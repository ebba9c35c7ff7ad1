"""Benchmark harness: ratios against baselines measured in the same run, on the same machine.

    python bench/run.py [--quick] [--cases N] [--formats csv,json,text,markdown]

Prints one table. Absolute times on shared machines mean little; each figure
is paired with a baseline measured moments before or after it, and given as
wall-clock and CPU time (CPU time varies far less when the machine is shared):
  * in a real terminal (a pty), through the installed ``il2`` console script:
    ``il2 assist`` to its first frame and ``il2 assist --demo`` until the review
    is on screen, against a minimal Textual app (Header, Input, Footer);
  * the same start-ups headless and in-process (first screen ready for input);
  * ``il2 review DIR --format F`` as a whole process over N generated cases,
    against the engine in-process and plain ``json.loads`` of the same files;
  * step latency while the Pilot walks the demo case (median and p95);
  * the review of a case with 8,000 restagings against one with 800 (linear time).
  * the worklist over 500 case files: the engine's rows, and the assistant's screen
    from start to every row shown (issue 16: within a second).
Parts not built yet are reported as such. No test asserts on these numbers.
The package is byte-compiled first, as ``pip install`` does for a user: with
``PYTHONDONTWRITEBYTECODE`` set (as on the shared machines) an editable install
would otherwise compile il2tui from source at every start, and Textual not.
"""

from __future__ import annotations

import argparse
import compileall
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from gen_cases import write_cases
from measures import HEADER, Row, startup, step_latency, worklist_listing
from real import FORMATS, review_commands, terminal_startup
from restagings import restaging_scaling


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--cases", type=int, default=5000, help="cases for the review throughput")
    parser.add_argument(
        "--formats", default=",".join(FORMATS), help="il2 review formats to time (comma-separated)"
    )
    args = parser.parse_args()
    runs = 3 if args.quick else 9
    batch_runs = 1 if args.quick else 3
    rows: list[Row] = []
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "il2tui", quiet=1)
    with tempfile.TemporaryDirectory(prefix="il2-bench-") as tmp:
        rows += terminal_startup(runs, Path(tmp))
        rows += startup(runs)
        paths = write_cases(Path(tmp) / "cases", args.cases)
        formats = tuple(f for f in args.formats.split(",") if f)
        rows += review_commands(Path(tmp) / "cases", paths, batch_runs, formats)
        rows += step_latency(Path(tmp), 1 if args.quick else 5)
        rows += restaging_scaling(2 if args.quick else 7)
        rows += worklist_listing(Path(tmp), 500, 1 if args.quick else 3)
    _print(rows)


def _print(rows: list[Row]) -> None:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(4)]
    for row in [HEADER, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


if __name__ == "__main__":
    main()
