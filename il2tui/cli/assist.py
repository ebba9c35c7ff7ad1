"""``il2 assist``: the keyboard-driven assistant (Textual is imported only here, lazily)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from il2tui.cli.assistant import build_assistant, start
from il2tui.cli.common import fail, read_clinic_files
from il2tui.cli.options import AssumptionsOption, GuidelineOption


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
    guideline: GuidelineOption = None,
    assumptions: AssumptionsOption = None,
) -> None:
    """Walk a patient's IL-2 courses screen by screen in the terminal."""
    if case is not None and demo:
        fail("il2 assist: give a case file or --demo, not both.")
    status = start(case, demo, read_clinic_files(guideline, assumptions))
    if status:
        raise typer.Exit(status)


__all__ = ["assist", "build_assistant"]
