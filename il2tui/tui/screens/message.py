"""Dialogs with a plain message: a file that cannot be opened, a save that failed; and the
question asked before an answer deletes something recorded."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
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
            yield from _message(self.title_text, self.body)
            yield Button("OK", id="ok", compact=True)

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)

    def on_button_pressed(self) -> None:
        """OK closes."""
        self.dismiss(None)


class ConfirmScreen(Fits, ModalScreen[bool]):
    """A message that asks before something recorded is deleted: Enter (or the first button)
    goes ahead and gives ``True``; Escape (or the second button) gives ``False``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "confirm", "Go ahead", id="confirm", tooltip="Delete it and go on"),
        Binding("escape", "keep", "Keep", id="keep", tooltip="Delete nothing"),
    ]
    HELP_TITLE = "Confirm"

    def __init__(self, title: str, *body: str, buttons: tuple[str, str] = ("Yes", "No")) -> None:
        """``body`` as for :class:`MessageScreen`; ``buttons``: go ahead, keep."""
        super().__init__()
        self.title_text, self.body, self.buttons = title, body, buttons

    def compose(self) -> ComposeResult:
        """The box in the middle of the screen, with the two buttons."""
        with Vertical(id="dialog"):
            yield from _message(self.title_text, self.body)
            with Horizontal(id="dialog-buttons"):
                yield Button(self.buttons[0], id="confirm", compact=True)
                yield Button(self.buttons[1], id="keep", compact=True)

    def action_confirm(self) -> None:
        """Go ahead."""
        self.dismiss(True)

    def action_keep(self) -> None:
        """Delete nothing."""
        self.dismiss(False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The first button goes ahead, the second keeps."""
        self.dismiss(event.button.id == "confirm")


def _message(title: str, body: tuple[str, ...]) -> ComposeResult:
    """The title and the paragraphs, shown literally."""
    yield Static(literal(title, style="bold"), id="dialog-title")
    yield Static(paragraphs(*body), id="dialog-body")
