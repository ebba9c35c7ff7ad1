"""What ``il2 assist`` does, with or without Typer: build the assistant, run it, say how it ended.

:func:`il2tui.cli.assist.assist` (through Typer) and :func:`il2tui.cli.launch.main`
(plain command lines, without Typer) both call :func:`start`, so what happens after
the app ends is written once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from il2tui.clinical.review import ClinicFiles
    from il2tui.tui.app import AssistApp


def build_assistant(case: Path | None, demo: bool, clinic: ClinicFiles | None = None) -> AssistApp:
    """The assistant, with garbage collection paused until its first screen is drawn.

    A folder opens as a worklist of its case files.
    """
    from il2tui.tui import memory

    memory.pause_for_start()
    from il2tui.tui.app import make_app

    own = {"clinic": clinic} if clinic and any(clinic) else {}  # a clinic's own files
    if case is not None and case.is_dir():
        return make_app(folder=case, **own)
    return make_app(case_path=case, demo=demo, **own)


def start(case: Path | None, demo: bool, clinic: ClinicFiles | None = None) -> int:
    """Run the assistant until it ends; the exit status of ``il2 assist``. ``clinic``: a
    clinic's own guideline and assumptions, already read (``il2 assist --guideline``)."""
    app = build_assistant(case, demo, clinic)
    app.run()
    say_saved(app)
    if app.exit_line:  # a file that could not be opened (2), or a crash (1): one line
        from il2tui.cli.common import error_line

        error_line(app.exit_line)
    return app.return_code


def say_saved(app: AssistApp) -> None:
    """Once the assistant has quit: the full path of every case file it wrote."""
    for path in getattr(app, "saved_paths", ()):
        print(f"Case saved to {path.resolve()}")
