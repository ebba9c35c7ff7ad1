"""The batch ratios in instructions, which a shared machine does not change: callgrind.

    python bench/instructions.py [--cases N] [--formats csv,json,text,markdown]

CPU time on these machines drifts from run to run: three runs of ``bench/run.py`` on
one day put a text audit at 1.44x, 1.46x and 1.69x the engine, so a 1.5x target cannot
be judged from one of them. Counted instructions repeat to within a fraction of a
percent. For each format this counts a whole ``il2 review DIR --format F`` process over
one case and over N, and the engine in-process (``review_case(load_case(path))``) over
the same one and N; the difference gives the cost of a case and of the start, and the
ratio is projected to 5,000 cases (the batch of ``bench/run.py``):

    (start + 5,000 x per case of the process) / (5,000 x per case of the engine)

It needs valgrind (``apt-get install valgrind``) and says so, exiting 2, without it.
Each count runs the program under callgrind, some fifty times slower: about a minute
for each of the 2 + 2 x formats runs at the default 600 cases. The package is
byte-compiled first, as ``bench/run.py`` does (compiling it in every process would add
some 270M instructions to each start).
"""

from __future__ import annotations

import argparse
import compileall
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from gen_cases import write_cases
from measures import env
from restagings import LARGE, SMALL

HERE = Path(__file__).resolve().parent
PROJECTED = 5_000
_ENGINE = """
import sys
from pathlib import Path
from il2tui.case.files import load_case
from il2tui.clinical.review import review_case
for path in sorted(Path(sys.argv[1]).glob("*.json")):
    review_case(load_case(path))
"""
_RESTAGINGS = """
import gc
import sys
from il2tui.case.files import case_from_data
from il2tui.clinical.review import review_case
from restagings import case_with_restagings
review_case(case_from_data(case_with_restagings(1)))  # the guideline and tables load here
case = case_from_data(case_with_restagings(int(sys.argv[1])))
gc.collect()
if sys.argv[3] == "off":
    gc.disable()  # as bench/restagings.py times it
if sys.argv[2] == "review":
    review_case(case)
"""
_REFS = re.compile(r"refs:\s*([\d,]+)")


def instructions(argv: list[str]) -> int:
    """The instructions callgrind counts for ``argv``, run to its end."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv]
    done = subprocess.run(cmd, env=env(), capture_output=True, text=True, check=False)
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind failed on {argv}: {done.stderr[-400:]}")
    return int(found.group(1).replace(",", ""))


def per_case(argv_for: list[str], one: Path, many: Path, count: int) -> tuple[int, int]:
    """Instructions a case, and of the start (the count for one case less one case)."""
    small, large = instructions([*argv_for, str(one)]), instructions([*argv_for, str(many)])
    each = (large - small) // (count - 1)
    return each, small - each


def restagings_ratio(collection: str) -> float:
    """Instructions of the review of 8,000 restagings over those of 800 (issue 14: < 10x
    the time), with automatic garbage collection ``on`` (as a user runs it) or ``off``
    (as ``bench/restagings.py`` times it). CPU time adds the caches' misses on the larger
    case's results, some 8 MB."""
    script = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(HERE)!r})" + _RESTAGINGS]

    def review(count: int) -> int:
        run = [*script, str(count)]
        return instructions([*run, "review", collection]) - instructions([*run, "-", collection])

    return review(LARGE) / review(SMALL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=600, help="cases in the larger run")
    parser.add_argument("--formats", default="csv,json,text,markdown")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: apt-get install valgrind", file=sys.stderr)
        raise SystemExit(2)
    compileall.compile_dir(HERE.parent / "il2tui", quiet=1)
    with tempfile.TemporaryDirectory(prefix="il2-instr-") as tmp:
        one, many = Path(tmp, "one"), Path(tmp, "many")
        write_cases(one, 1)
        write_cases(many, args.cases)  # the same seed: its first case is the one above
        engine, _ = per_case([sys.executable, "-c", _ENGINE], one, many, args.cases)
        print(f"engine in-process: {engine:,} instructions a case ({args.cases} cases)")
        for fmt in filter(None, args.formats.split(",")):
            review = [sys.executable, "-m", "il2tui", "review", "--format", fmt]
            each, start = per_case(review, one, many, args.cases)
            ratio = (start + PROJECTED * each) / (PROJECTED * engine)
            print(
                f"il2 review --format {fmt}: {each:,} a case ({each - engine:,} beyond the "
                f"engine), start {start / 1e6:,.0f}M; at {PROJECTED:,} cases {ratio:.3f}x "
                "the engine (target <= 1.5x)"
            )
    for collection in ("off", "on"):
        ratio = restagings_ratio(collection)
        print(
            f"review of {LARGE:,} restagings against {SMALL}, automatic collection "
            f"{collection}: {ratio:.2f}x (target < 10x)"
        )


if __name__ == "__main__":
    main()
