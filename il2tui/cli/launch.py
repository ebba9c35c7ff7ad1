"""The ``il2`` console script's entry point: the assistant starts without Typer.

``il2 assist`` in its plain forms (no argument, ``--demo``, or one existing case
file) reaches :func:`il2tui.cli.assistant.start` straight from :func:`main`, as
:func:`il2tui.cli.assist.assist` does through Typer; Typer and Click (some 60-80 ms of imports,
a fifth of the time to the first frame) load only for every other command line,
including ``--help`` and every mistake, so their messages stay Typer's
(``tests/tui/test_lean_start.py`` runs the plain forms both ways).
"""

from __future__ import annotations

import sys
from pathlib import Path

from il2tui.cli.assistant import start


def main() -> None:
    """Entry point of the ``il2`` console script and of ``python -m il2tui``."""
    plain = plain_assist(sys.argv[1:])
    if plain is None:
        from il2tui.cli.main import main as typer_main

        typer_main()
    else:
        status = start(*plain)
        if status:
            raise SystemExit(status)


def plain_assist(argv: list[str]) -> tuple[Path | None, bool] | None:
    """``(case, demo)`` when ``argv`` is a plain ``assist`` command line, else ``None``.

    Plain: ``assist``, ``assist --demo``, or ``assist FILE`` for an existing
    regular file whose name does not start with ``-``. A folder, a missing file,
    any other option or a second argument is left to Typer.
    """
    if argv == ["assist"]:
        return None, False
    if argv == ["assist", "--demo"]:
        return None, True
    if len(argv) == 2 and argv[0] == "assist" and not argv[1].startswith("-"):
        path = Path(argv[1])
        if path.is_file():
            return path, False
    return None
