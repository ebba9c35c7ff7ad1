"""The work behind ``il2 review``: find the files, review each, print as it goes.

Reviews are made a few at a time (:data:`GROUP`), then rendered and written in order and
dropped, so an audit of thousands of files runs in constant memory.
"""

from __future__ import annotations

import codecs
import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from il2tui.case.files import CaseError, case_entries, load_case
from il2tui.case.model import Case
from il2tui.cli.common import error_line, output_failure, read_clinic_files, writing_output
from il2tui.clinical.model import Review
from il2tui.clinical.review import ClinicFiles, review_case
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
    output = Output(fmt, several=len(sources) > 1, emit=Stdout())
    clinic = (guideline, assumptions)
    # The first review alone: what the process holds is frozen after it, with no review in it.
    failed = _write_group(sources[:1], output, clinic)
    _keep_to_the_end()
    for start in range(1, len(sources), GROUP):
        failed |= _write_group(sources[start : start + GROUP], output, clinic)
    output.close()
    with writing_output():
        sys.stdout.flush()
    return failed


#: How many reviews are made before they are written. Reviewing a few cases in a row, then
#: rendering them, keeps more of each phase's code and tables in the processor's caches:
#: with groups of 16, audits of 5,000 cases took less CPU time than one review at a time
#: (paired runs of whole processes): Markdown 3-5%, JSON 2-6%, text 1-2%; the same output.
GROUP = 16


def _write_group(group: list[Source], output: Output, clinic: ClinicFiles) -> bool:
    """Review each case of ``group``, then write the reviews and the errors in order;
    return True when some file was invalid."""
    found = [_review(load, clinic) for _, load in group]
    failed = False
    for (name, _), review in zip(group, found, strict=True):
        if isinstance(review, InputFileError):
            error_line(str(review))
            failed = True
        else:
            output.add(name, review)
    return failed


def _review(load: Callable[[], Case], clinic: ClinicFiles) -> Review | InputFileError:
    try:
        return review_case(load(), *clinic)
    except InputFileError as exc:
        return exc


def _keep_to_the_end() -> None:
    """What the process holds after its first review (the modules, the guideline, the
    paper's tables) stays to the end: frozen, it is no longer walked by every full
    collection of a long audit. Only what later reviews make is collected."""
    gc.freeze()


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


class Stdout:
    """Plain writes (the text is already escaped: typer.echo's flush and ANSI scan per review
    cost a fifth of a CSV audit); a write that fails is one line, as for every command.

    Bytes (JSON, in UTF-8) go to the byte layer under standard output where the text layer
    would write the same bytes (it encodes in UTF-8 and leaves line breaks alone), after
    what the text layer still holds; elsewhere they are decoded and written as text.
    """

    def __init__(self) -> None:
        self.raw = _byte_layer()
        self.text_held = True  # what was written before this run may still be in the text layer

    def __call__(self, piece: str | bytes) -> None:
        # what writing_output() does, without a generator's context manager twice a review
        try:
            if self.raw is not None and type(piece) is bytes and not self.text_held:
                self.raw.write(piece)  # the usual write, after the first
            elif isinstance(piece, str):
                sys.stdout.write(piece)
                self.text_held = True
            elif self.raw is None:
                sys.stdout.write(piece.decode())
            else:
                sys.stdout.flush()
                self.text_held = False
                self.raw.write(piece)
        except (OSError, UnicodeEncodeError) as exc:
            raise output_failure(exc) from None


def _byte_layer() -> BinaryIO | None:
    """Standard output's byte layer, when writing UTF-8 there is what its text layer does."""
    raw = getattr(sys.stdout, "buffer", None)
    encoding = getattr(sys.stdout, "encoding", None)
    if raw is None or encoding is None or os.linesep != "\n":
        return None
    return raw if codecs.lookup(encoding).name == "utf-8" else None
