"""Building the assistant app, for ``il2 assist`` both with and without Typer."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from il2tui.tui.app import AssistApp


def build_assistant(case: Path | None, demo: bool) -> AssistApp:
    """The assistant, with garbage collection paused until its first screen is drawn."""
    from il2tui.tui import memory

    memory.pause_for_start()
    from il2tui.tui.app import make_app

    return make_app(case_path=case, demo=demo)
