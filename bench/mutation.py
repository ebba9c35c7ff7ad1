"""Mutation testing of the clinical core: how many planted bugs do the tests catch?

    python bench/mutation.py [--max-children 2] [--report-only] [MODULE ...]

Runs mutmut (configured in pyproject.toml, ``[tool.mutmut]``: the files of the
clinical core and the engine's tests) and prints one table: per file, the
mutants, how many the tests killed, how many survived, and each survivor's name.
``mutmut show NAME`` prints a survivor's diff. A survivor that is equivalent (no
behaviour can tell it from the original) is listed in README.md, "Mutation
testing", with the reason; this report marks those and exits 1 if any other
survives. MODULE is a file's stem (``criteria``, ``exact``...); none means all.

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
KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # test failure, pytest error, timeout, type check
SURVIVED = {0}


def core_files() -> list[str]:
    """The files ``[tool.mutmut] only_mutate`` names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"]["only_mutate"])


def equivalent() -> set[str]:
    """The mutants README.md explains as equivalent: `name` in its mutation table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([\w.]+__mutmut_\d+)`", readme, re.MULTILINE))


def run(files: list[str], max_children: int) -> None:
    if importlib.util.find_spec("mutmut") is None:
        sys.exit("mutmut is not installed: pip install -e '.[mutation]'")
    globs = [file.removesuffix(".py").replace("/", ".") + ".*" for file in files]
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    subprocess.run([*command, *globs], cwd=ROOT, check=False)


def results(file: str) -> dict[str, int | None]:
    """Each mutant of ``file`` and its exit code (``None``: not run yet)."""
    meta = ROOT / "mutants" / (file + ".meta")
    if not meta.exists():
        return {}
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def report(files: list[str]) -> int:
    """Print the table; the number of survivors that README does not explain."""
    known = equivalent()
    unexplained = 0
    print(f"{'file':40} {'mutants':>8} {'killed':>7} {'survived':>9} {'not run':>8}")
    for file in files:
        codes = results(file)
        count = Counter(
            "killed" if c in KILLED else "survived" if c in SURVIVED else "not run"
            for c in codes.values()
        )
        print(
            f"{file:40} {len(codes):8} {count['killed']:7} {count['survived']:9}"
            f" {count['not run']:8}"
        )
        for name, code in sorted(codes.items()):
            if code in SURVIVED:
                why = "equivalent, see README" if name in known else "SURVIVED"
                unexplained += name not in known
                print(f"    {name}: {why}")
    return unexplained


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="file stems to mutate (default: all)")
    parser.add_argument("--max-children", type=int, default=2, help="parallel test runs")
    parser.add_argument("--report-only", action="store_true", help="report the last run")
    args = parser.parse_args()
    files = [f for f in core_files() if not args.modules or Path(f).stem in args.modules]
    if not files:
        parser.error(f"no such module in [tool.mutmut] only_mutate: {args.modules}")
    if not args.report_only:
        run(files, args.max_children)
    sys.exit(1 if report(files) else 0)


if __name__ == "__main__":
    main()
