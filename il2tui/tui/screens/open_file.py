"""Ask for the path of a case file: to open one, or (see ``save_as``) to save to one."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from il2tui.tui.screens.fits import Fits
from il2tui.tui.widgets.field import Field


class PathDialog(Fits, ModalScreen[Path | None]):
    """A dialog around a ``#path`` field: Enter gives back the path, Escape ``None``."""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: give back the path (the app uses it and reports any problem)."""
        text = event.value.strip()
        if text:
            self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        """Escape: no file."""
        self.dismiss(None)


class OpenScreen(PathDialog):
    """A path field; Enter opens the file, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Do not open a file"),
    ]

    def compose(self) -> ComposeResult:
        """The question and the path field."""
        with Vertical(id="dialog"):
            yield Static(Text("Open a case file (il2-case/1)", style="bold"), id="dialog-title")
            yield Static(Text("Type its path; ~ means your home folder."))
            yield Field(id="path", placeholder="e.g. ~/cases/patient-07.json")
