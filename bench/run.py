"""Benchmark harness: ratios against baselines measured in the same run, on the same machine.

    python bench/run.py [--quick]

Prints one table. Absolute times on shared machines mean little; each figure
is paired with a baseline measured moments before or after it:
  * start-up of ``il2 assist --demo`` (process start to first screen ready for
    input) against a minimal Textual app with a Header, a Footer and one Input;
  * ``il2 review`` over N generated cases against plain ``json.loads`` of them;
  * step latency while the Pilot walks the demo case (median and p95);
  * the review of a case with 8,000 restagings against one with 800 (linear time).
  * the worklist over 500 case files: the engine's rows, and the assistant's screen
    from start to every row shown (issue 16: within a second).
Parts not built yet are reported as such. No test asserts on these numbers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measures import HEADER, Row, review_throughput, startup, step_latency, worklist_listing
from restagings import restaging_scaling


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--cases", type=int, default=5000, help="cases for the review throughput")
    args = parser.parse_args()
    runs = 3 if args.quick else 9
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="il2-bench-") as tmp:
        rows += startup(runs)
        rows += review_throughput(Path(tmp), args.cases, 1 if args.quick else 3)
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
