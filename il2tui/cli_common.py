"""Small helpers shared by the ``cli_*`` modules."""

from __future__ import annotations

from typing import NoReturn

import typer

from il2tui.textsafe import plain

EXIT_INVALID = 2
EXIT_NOT_BUILT = 3


def error_line(message: str) -> None:
    """Print ``message`` to standard error as one line, file names and values shown literally."""
    typer.echo(plain(message), err=True)


def fail(message: str, code: int = EXIT_INVALID) -> NoReturn:
    """Print one line to standard error and exit with ``code``."""
    error_line(message)
    raise typer.Exit(code)


def not_built(command: str, issue: int) -> NoReturn:
    """Say plainly that a subcommand does not exist yet, and exit non-zero."""
    fail(
        f"il2 {command} is not built yet (tracked in issue {issue}); nothing was done.",
        EXIT_NOT_BUILT,
    )
