"""``il2 assist``: the keyboard-driven assistant (Textual is imported only here, lazily)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from il2tui.cli.common import error_line, fail

if TYPE_CHECKING:
    from il2tui.tui.app import AssistApp


def assist(
    case: Annotated[
        Path | None,
        typer.Argument(
            help="A case file (il2-case/1) to open and resume, or a folder of them to list.",
            show_default=False,
        ),
    ] = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Open a copy of the built-in demo case.")
    ] = False,
) -> None:
    """Walk a patient's IL-2 courses screen by screen in the terminal."""
    if case is not None and demo:
        fail("il2 assist: give a case file or --demo, not both.")
    app = build_assistant(case, demo)
    app.run()
    say_saved(app)
    if app.exit_line:  # a file that could not be opened (2), or a crash (1): one line
        error_line(app.exit_line)
    if app.return_code:
        raise typer.Exit(app.return_code)


def build_assistant(case: Path | None, demo: bool) -> AssistApp:
    """The assistant, with garbage collection paused until its first screen is drawn.

    A folder opens as a worklist of its case files.
    """
    from il2tui.tui import memory

    memory.pause_for_start()
    from il2tui.tui.app import make_app

    if case is not None and case.is_dir():
        return make_app(folder=case)
    return make_app(case_path=case, demo=demo)


def say_saved(app: AssistApp) -> None:
    """Once the assistant has quit: the full path of every case file it wrote."""
    for path in getattr(app, "saved_paths", ()):
        typer.echo(f"Case saved to {path.resolve()}")
