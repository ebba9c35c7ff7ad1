"""A dialog with a plain message: a file that cannot be opened, a save that failed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from il2tui.tui.screens.fits import Fits
from il2tui.tui.text import literal, paragraphs


class MessageScreen(Fits, ModalScreen[None]):
    """Title, message (shown literally) and an OK button; Enter or Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Close", id="close", tooltip="Close this message"),
    ]

    def __init__(self, title: str, *body: str) -> None:
        """``body``: one or more paragraphs, each shown on its own line, literally."""
        super().__init__()
        self.title_text, self.body = title, body

    def compose(self) -> ComposeResult:
        """The box in the middle of the screen."""
        with Vertical(id="dialog"):
            yield Static(literal(self.title_text, style="bold"), id="dialog-title")
            yield Static(paragraphs(*self.body), id="dialog-body")
            yield Button("OK", id="ok", compact=True)

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)

    def on_button_pressed(self) -> None:
        """OK closes."""
        self.dismiss(None)
