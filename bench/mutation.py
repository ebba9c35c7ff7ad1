"""Mutation testing of the clinical core: how many planted bugs do the tests catch?

    python bench/mutation.py [--max-children 2] [--report-only | --survivors] [MODULE ...]

Runs mutmut (configured in pyproject.toml, ``[tool.mutmut]``: the files of the
clinical core and the engine's tests) and prints one table: per file, the
mutants, how many the tests killed, how many README.md ("Mutation testing")
explains as equivalent (no input can tell them from the original), and how many
are neither, each by name; ``mutmut show NAME`` prints one's diff. It exits 1 if
any mutant is neither killed nor explained: a survivor, a mutant no test reaches
("no tests": nothing could kill it), or one not run. MODULE is a file's stem
(``criteria``, ``exact``...); none means all. ``--survivors`` runs again only the
mutants the last run did not kill (after adding tests: minutes, not the whole run).

Slow: minutes per module on a shared 2-core machine. Not part of CI.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# mutmut 3's exit codes (mutmut/stats.py, status_by_exit_code).
KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # test failure, pytest error, timeout, type check
SURVIVED = {0}
NO_TESTS = {5, 33}  # no test reaches the mutated function


def core_files() -> list[str]:
    """The files ``[tool.mutmut] only_mutate`` names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"]["only_mutate"])


def equivalent() -> set[str]:
    """The mutants README.md explains as equivalent: `name` in its mutation table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([\w.]+__mutmut_\d+)`", readme, re.MULTILINE))


def run(files: list[str], max_children: int, survivors: bool = False) -> None:
    if importlib.util.find_spec("mutmut") is None:
        sys.exit("mutmut is not installed: pip install -e '.[mutation]'")
    if survivors:
        names = [n for f in files for n, c in results(f).items() if status(c) != "killed"]
        if not names:
            return
    else:
        names = [file.removesuffix(".py").replace("/", ".") + ".*" for file in files]
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    subprocess.run([*command, *names], cwd=ROOT, check=False)


def status(code: int | None) -> str:
    if code in KILLED:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in NO_TESTS:
        return "no tests"
    return "not run" if code is None else f"other ({code})"


def results(file: str) -> dict[str, int | None]:
    """Each mutant of ``file`` and its exit code (``None``: not run yet)."""
    meta = ROOT / "mutants" / (file + ".meta")
    if not meta.exists():
        return {}
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def report(files: list[str]) -> int:
    """Print the table; the number of mutants neither killed nor explained in README."""
    known = equivalent()
    failures = 0
    print(f"{'file':34} {'mutants':>7} {'killed':>7} {'equivalent':>10} {'other':>6}")
    for file in files:
        codes = results(file)
        shown = {n: status(c) for n, c in codes.items()}
        shown = {n: "equivalent" if s == "survived" and n in known else s for n, s in shown.items()}
        count = Counter(shown.values())
        other = len(codes) - count["killed"] - count["equivalent"]
        print(f"{file:34} {len(codes):7} {count['killed']:7} {count['equivalent']:10} {other:6}")
        for name, state in sorted(shown.items()):
            if state not in ("killed", "equivalent"):
                print(f"    {name}: {state.upper()}")
        failures += other + (not codes)
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="file stems to mutate (default: all)")
    parser.add_argument("--max-children", type=int, default=2, help="parallel test runs")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--report-only", action="store_true", help="report the last run")
    what.add_argument("--survivors", action="store_true", help="re-run the last survivors")
    args = parser.parse_args()
    files = [f for f in core_files() if not args.modules or Path(f).stem in args.modules]
    if not files:
        parser.error(f"no such module in [tool.mutmut] only_mutate: {args.modules}")
    if not args.report_only:
        run(files, args.max_children, args.survivors)
    sys.exit(1 if report(files) else 0)


if __name__ == "__main__":
    main()
