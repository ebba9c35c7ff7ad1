"""The work behind ``il2 review``: find the files, review each, print as it goes.

Each review is rendered and written as soon as it is made and then dropped, so
an audit of thousands of files runs in constant memory.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from il2tui.case.files import CaseError, case_entries, load_case
from il2tui.case.model import Case
from il2tui.cli.common import error_line, read_clinic_files, writing_output
from il2tui.clinical.review import review_case
from il2tui.core.errors import InputFileError
from il2tui.report.out import Output

Source = tuple[str, Callable[[], Case]]


def run_review(
    paths: list[Path],
    fmt: str,
    guideline_path: Path | None,
    demo: bool,
    assumptions_path: Path | None = None,
) -> bool:
    """Review every case and print the results; return True when some file was invalid."""
    guideline, assumptions = read_clinic_files(guideline_path, assumptions_path)
    sources = list(case_sources(paths, demo))
    output = Output(fmt, several=len(sources) > 1, emit=_write)
    failed = False
    for name, load in sources:
        try:
            output.add(name, review_case(load(), guideline, assumptions))
        except InputFileError as exc:
            error_line(str(exc))
            failed = True
    output.close()
    with writing_output():
        sys.stdout.flush()
    return failed


def case_sources(paths: list[Path], demo: bool) -> Iterator[Source]:
    """Each case to read, by name, with the function that loads it (or raises the
    :class:`CaseError` naming why it cannot be read); shared with ``il2 cohort``."""
    if demo:
        from il2tui.case.demo import DEMO_SOURCE, demo_case

        yield DEMO_SOURCE, demo_case
    for path, problem in case_entries(paths):
        if problem:
            yield str(path), lambda path=path, problem=problem: _unreadable(path, problem)
        else:
            yield str(path), lambda path=path: load_case(path)


def _unreadable(path: Path, problem: str) -> Case:
    raise CaseError(str(path), "", problem)


def _write(text: str) -> None:
    """Plain writes (the text is already escaped: typer.echo's flush and ANSI scan per review
    cost a fifth of a CSV audit); a write that fails is one line, as for every command."""
    with writing_output():
        sys.stdout.write(text)
