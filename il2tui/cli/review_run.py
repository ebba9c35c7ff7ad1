"""The work behind ``il2 review``: find the files, review each, print as it goes.

Each review is rendered and written as soon as it is made and then dropped, so
an audit of thousands of files runs in constant memory.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from il2tui.case.files import load_case
from il2tui.case.model import Case
from il2tui.cli.common import error_line, fail
from il2tui.clinical.guideline import load_guideline
from il2tui.clinical.review import review_case
from il2tui.core.errors import InputFileError
from il2tui.report.out import Output

Source = tuple[str, Callable[[], Case]]


def run_review(paths: list[Path], fmt: str, guideline_path: Path | None, demo: bool) -> bool:
    """Review every case and print the results; return True when some file was invalid."""
    try:
        guideline = load_guideline(guideline_path)
    except InputFileError as exc:
        fail(str(exc))
    sources = list(_sources(paths, demo))
    # Plain writes: the text is already escaped, so typer.echo's flush and ANSI scan per
    # review (a fifth of the time of a CSV audit) buy nothing.
    output = Output(fmt, several=len(sources) > 1, emit=sys.stdout.write)
    failed = False
    for name, load in sources:
        try:
            output.add(name, review_case(load(), guideline))
        except InputFileError as exc:
            error_line(str(exc))
            failed = True
    output.close()
    return failed


def _sources(paths: list[Path], demo: bool) -> Iterator[Source]:
    if demo:
        from il2tui.case.demo import DEMO_SOURCE, demo_case

        yield DEMO_SOURCE, demo_case
    for path in _case_files(paths):
        yield str(path), lambda path=path: load_case(path)


def _case_files(paths: list[Path]) -> list[Path]:
    """Each file as given; each folder as its ``*.json`` files, sorted, subfolders included."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.json") if p.is_file())
            files += found or [path]  # an empty folder is reported by load_case
        else:
            files.append(path)
    return files
