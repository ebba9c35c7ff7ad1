"""Small helpers shared by the ``cli_*`` modules."""

from __future__ import annotations

from typing import NoReturn

import typer

from il2tui.core.textsafe import plain

EXIT_INVALID = 2


def error_line(message: str) -> None:
    """Print ``message`` to standard error as one line, file names and values shown literally."""
    typer.echo(plain(message), err=True)


def fail(message: str, code: int = EXIT_INVALID) -> NoReturn:
    """Print one line to standard error and exit with ``code``."""
    error_line(message)
    raise typer.Exit(code)
