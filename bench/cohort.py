"""``il2 cohort`` against ``il2 review`` on the same folder of generated case files.

    python bench/cohort.py [--cases 10000] [--runs 3]

Both commands run as whole processes on the same folder (bench/gen_cases.py); the
figure is the ratio of their best times. Target: under 5x. No test asserts on it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_cases import write_cases
from measures import Row, cli_time


def cohort_vs_review(tmp: Path, count: int, runs: int) -> list[Row]:
    """Best of ``runs`` for each command, alternating, on ``count`` cases."""
    folder = tmp / "cohort-cases"
    write_cases(folder, count)
    review = ["review", str(folder), "--format", "csv"]
    cohort = ["cohort", str(folder), "--table", "transitions", "--format", "csv"]
    times: dict[str, list[float]] = {"review": [], "cohort": []}
    for _ in range(runs):
        for name, argv in (("review", review), ("cohort", cohort)):
            elapsed = cli_time(argv)
            if elapsed is not None:
                times[name].append(elapsed)
    if not (times["review"] and times["cohort"]):
        return [Row("il2 cohort vs il2 review", "failed", "", "see stderr")]
    ours, base = min(times["cohort"]), min(times["review"])
    return [
        Row(
            f"il2 cohort DIR --table transitions ({count} cases, best of {runs})",
            f"{ours:.1f} s",
            f"{base:.1f} s (il2 review DIR --format csv)",
            f"{ours / base:.2f}x (target < 5x)",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="il2-bench-cohort-") as tmp:
        for row in cohort_vs_review(Path(tmp), args.cases, args.runs):
            print("  ".join(row))


if __name__ == "__main__":
    main()
