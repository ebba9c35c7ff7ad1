"""The question asked when another program changed the case file since it was opened here."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from il2tui.tui.screens.fits import Fits
from il2tui.tui.text import literal, paragraphs

#: Button id and label of each answer, in the order shown.
CHOICES = (
    ("theirs", "Keep theirs"),
    ("mine", "Save mine as a new file"),
    ("overwrite", "Overwrite"),
)


class ChangedScreen(Fits, ModalScreen[str | None]):
    """Keep theirs, save mine as a new file, or overwrite; Escape decides nothing (the case
    stays in memory, unsaved)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Decide later", id="later", tooltip="Write nothing now"),
    ]
    HELP_TITLE = "The file was changed elsewhere"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        """What happened, what each answer does, and the three buttons."""
        with Vertical(id="dialog"):
            title = literal("The case file was changed elsewhere", style="bold")
            yield Static(title, id="dialog-title")
            yield Static(
                paragraphs(
                    f"{self.path} no longer holds what was opened or last saved here: "
                    "another program (or another il2 assist) wrote it.",
                    "Keep theirs: open the file as it is now (what you entered here since "
                    "the last save is dropped). Save mine as a new file: your version goes "
                    "to a new file beside it. Overwrite: your version replaces theirs.",
                ),
                id="dialog-body",
            )
            with Horizontal(id="dialog-buttons"):
                for key, label in CHOICES:
                    yield Button(label, id=key, compact=True)

    def action_later(self) -> None:
        """Write nothing now."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The answer is the button's id."""
        self.dismiss(event.button.id)
