"""F1: the keys of the screen underneath, with what each does."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from il2tui.tui.screens.fits import Fits
from il2tui.tui.text import literal
from il2tui.tui.widgets.keys_bar import described

ALWAYS = [
    ("space", "Tick a box; change a ‹ choice ›"),
    ("← / →", "Change a ‹ choice ›"),
]


class HelpScreen(Fits, ModalScreen[None]):
    """A table of keys: the screen's own bindings, the app's, and the common ones."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1", "close", "Close", id="close", tooltip="Close the help"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        """The title and the table of keys."""
        with Vertical(id="dialog"):
            yield Static(Text(f"Keys: {_screen_name(self.under)}", style="bold"), id="dialog-title")
            path = case_path(self.app)
            if path is not None:
                yield Static(literal(f"Case file: {path}"), id="help-path")
            clinic = _clinic_line(self.app)
            if clinic is not None:
                yield Static(literal(clinic), id="help-clinic")
            with VerticalScroll(id="help-keys"):
                yield Static(keys_table(self.app, self.under))

    def action_close(self) -> None:
        """Back to the screen."""
        self.dismiss(None)


def _clinic_line(app: App) -> str | None:
    """Which of a clinic's own files decide the reviews (``il2 assist --guideline``...)."""
    from il2tui.report.common import clinic_files_line
    from il2tui.tui.reviewing import clinic_files

    return clinic_files_line(*clinic_files(app))


def keys_table(app: App, screen: Screen) -> Table:
    """Every binding of ``screen`` and the app that has a description, then the common keys."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        if not isinstance(active.node, Screen | App) or not active.binding.description:
            continue
        shown = app.get_key_display(active.binding)
        if shown in seen:
            continue
        seen.add(shown)
        words = described(app, active.binding)
        tooltip = active.binding.tooltip if words == active.binding.description else None
        if tooltip and tooltip != words:
            words += f": {tooltip}"
        table.add_row(shown, Text(words, style="" if active.enabled else "dim"))
    for key, words in ALWAYS:
        table.add_row(key, words)
    return table


def case_path(app: App) -> str | None:
    """The full path of the open case's file, once it has one (``~`` for the home folder)."""
    session = getattr(app, "session", None)
    path = getattr(session, "path", None)
    if not isinstance(path, Path):
        return None
    full, home = path.resolve(), Path.home().resolve()
    return f"~/{full.relative_to(home)}" if full.is_relative_to(home) else str(full)


def _screen_name(screen: Screen) -> str:
    step = getattr(screen, "step", None)
    return step.title if step is not None else getattr(screen, "HELP_TITLE", "this screen")
