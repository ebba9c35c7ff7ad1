"""Small helpers shared by the ``cli_*`` modules.

None of them imports Typer: a plain ``il2 review`` reaches the engine and prints without
it (:mod:`il2tui.cli.launch`). They write as ``typer.echo`` wrote (the text, a line
break, a flush); its one other step, removing ANSI escape sequences when the stream is
not a terminal, has nothing to do, since every text they print is escaped for the
terminal already (:mod:`il2tui.core.textsafe`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from il2tui.core.textsafe import plain

if TYPE_CHECKING:
    from il2tui.clinical.review import ClinicFiles

EXIT_INVALID = 2
#: Something failed that is not the input's fault: an assistant crash, output that cannot
#: be written.
EXIT_FAILED = 1


class OutputFailed(Exception):
    """Standard output could not be written (a closed pipe, a full disk, an encoding without
    a character of the text); not an OSError, so Click does not swallow a broken pipe
    silently."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"il2: the output could not be written: {reason}")


@contextlib.contextmanager
def writing_output() -> Iterator[None]:
    """Around code that prints: a write that fails becomes :class:`OutputFailed`."""
    try:
        yield
    except (OSError, UnicodeEncodeError) as exc:
        raise output_failure(exc) from None


def output_failure(exc: OSError | UnicodeEncodeError) -> OutputFailed:
    """What a failed write means, in the words :class:`OutputFailed` gives."""
    if isinstance(exc, OSError):
        return OutputFailed(exc.strerror or str(exc))
    # never written as something else: it is clinical text
    code = ord(exc.object[exc.start]) if isinstance(exc.object, str) else 0
    return OutputFailed(
        f"its encoding ({exc.encoding}) has no character U+{code:04X}; "
        "use a UTF-8 locale or set PYTHONIOENCODING=utf-8"
    )


def echo(text: str, nl: bool = True) -> None:
    """Write ``text`` to standard output; a failure becomes :class:`OutputFailed`."""
    with writing_output():
        _write(sys.stdout, text + "\n" if nl else text)


def output_failed(exc: OutputFailed) -> NoReturn:
    """One line on standard error, and standard output closed so that nothing else fails."""
    error_line(str(exc))
    with contextlib.suppress(OSError, ValueError):  # what is still buffered cannot be written
        os.close(sys.stdout.fileno())
    raise SystemExit(EXIT_FAILED)


def error_line(message: str) -> None:
    """Print ``message`` to standard error as one line, file names and values shown literally."""
    _write(sys.stderr, plain(message) + "\n")


def _write(stream: TextIO | None, text: str) -> None:
    if stream is not None:  # no console at all (as typer.echo allows)
        stream.write(text)
        stream.flush()


def fail(message: str, code: int = EXIT_INVALID) -> NoReturn:
    """Print one line to standard error and exit with ``code``."""
    error_line(message)
    raise SystemExit(code)  # as typer.Exit(code) ends a command, with or without Typer


def read_clinic_files(guideline_path: Path | None, assumptions_path: Path | None) -> ClinicFiles:
    """A clinic's own guideline and assumptions, read and checked (``None`` where no file is
    given: the shipped one); a file that cannot be used ends the command with one line."""
    from il2tui.clinical.guideline import load_assumptions, load_guideline
    from il2tui.core.errors import InputFileError

    try:
        return (
            None if guideline_path is None else load_guideline(guideline_path),
            None if assumptions_path is None else load_assumptions(assumptions_path),
        )
    except InputFileError as exc:
        fail(str(exc))
