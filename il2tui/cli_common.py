"""Small helpers shared by the ``cli_*`` modules."""

from __future__ import annotations

from typing import NoReturn

import typer

EXIT_INVALID = 2
EXIT_NOT_BUILT = 3


def fail(message: str, code: int = EXIT_INVALID) -> NoReturn:
    """Print one line to standard error and exit with ``code``."""
    typer.echo(message, err=True)
    raise typer.Exit(code)


def not_built(command: str, issue: int) -> NoReturn:
    """Say plainly that a subcommand does not exist yet, and exit non-zero."""
    fail(
        f"il2 {command} is not built yet (tracked in issue {issue}); nothing was done.",
        EXIT_NOT_BUILT,
    )
