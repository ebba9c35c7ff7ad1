"""Saving to another file: asked for with F6, or offered when a save failed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from il2tui.tui.screens.open_file import PathDialog
from il2tui.tui.text import literal, paragraphs
from il2tui.tui.widgets.field import Field

_PLAIN_NAME = re.compile(r"[^\w.-]+")
KEPT = (
    "Everything you entered is kept in memory. Free some space or fix the folder and "
    "press ctrl+s, or type another file below and press Enter to save the case there."
)


class SaveAsScreen(PathDialog):
    """A path field (filled with a suggestion); Enter saves there, Escape closes (the case
    stays in memory)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="cancel", tooltip="The case stays in memory"),
    ]
    HELP_TITLE = "Save to another file"

    def __init__(self, suggestion: Path, problem: str | None = None) -> None:
        """``problem``: why the last save failed (the dialog then says what to do)."""
        super().__init__()
        self.suggestion, self.problem = suggestion, problem

    def compose(self) -> ComposeResult:
        """The problem and what to do (after a failure), then the path field."""
        with Vertical(id="dialog"):
            title = "The case could not be saved" if self.problem else "Save to another file"
            yield Static(literal(title, style="bold"), id="dialog-title")
            if self.problem:
                yield Static(paragraphs(self.problem, KEPT), id="dialog-body")
            yield Static(Text("File (~ means your home folder):"))
            yield Field(str(self.suggestion), id="path", placeholder="e.g. ~/cases/patient-07.json")


def suggest(folder: Path, current: Path | None) -> Path:
    """A file to offer in ``folder``: the current file's name made plain (letters, digits,
    ``.``, ``_``, ``-``), with a number added until no file has it."""
    stem = _PLAIN_NAME.sub("-", current.stem if current else "il2-case").strip("-.") or "case"
    candidate = folder / f"{stem}.json"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate, number = folder / f"{stem}-{number}.json", number + 1
    return candidate


def describe_failure(exc: Exception) -> str:
    """One line: file, cause and (from the engine's ``SaveError``) what to do."""
    from il2tui.core.storage import SaveError

    if isinstance(exc, SaveError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"
