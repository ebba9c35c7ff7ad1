"""The start screen: a new case, a case file, the demo case, or the evidence browser."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from il2tui.tui.screens.fits import Fits
from il2tui.tui.widgets.keys_bar import KeysBar

if TYPE_CHECKING:
    from il2tui.tui.host import AssistHost

INTRO = (
    "Decision support for high-dose bolus IL-2 in metastatic melanoma and renal cell cancer, "
    "after the NCI Surgery Branch series of 350 patients (J Clin Oncol 2000;18(9):1954-1959). "
    "It classifies each restaging by the sum of products of perpendicular diameters, applies "
    "the series' retreatment guideline, and shows what happened to the patients of the series "
    "who stood at the same point. It supports the treating team's judgement; it does not "
    "replace it."
)
CHOICES = [
    ("new", "New case", "n"),
    ("open", "Open a case file…", "o"),
    ("demo", "Demo case (a renal cell patient, opened as a copy)", "d"),
    ("evidence", "Evidence browser: the paper's tables", "e"),
]


class StartScreen(Fits, Screen[None]):
    """What to do first; Enter picks the highlighted choice, or press its letter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('new')", "New case", id="new", tooltip="Start a new case"),
        Binding("o", "choose('open')", "Open", id="open", tooltip="Open a case file"),
        Binding("d", "choose('demo')", "Demo", id="demo", tooltip="Open a copy of the demo case"),
        Binding(
            "e", "choose('evidence')", "Evidence", id="browse", tooltip="Browse the paper's tables"
        ),
    ]
    HELP_TITLE = "Start"
    app: AssistHost

    def compose(self) -> ComposeResult:
        """The title, a few words on what the assistant does, the choices."""
        with Vertical(id="start-page"):
            yield Static(Text("il2 assist", style="bold"), id="start-title")
            yield Static(Text(INTRO), id="start-intro")
            yield OptionList(
                *(Option(f"[{key}] {label}", id=value) for value, label, key in CHOICES),
                id="start-choices",
                markup=False,
            )
        yield KeysBar()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a choice."""
        self.action_choose(event.option.id or "")

    def action_choose(self, what: str) -> None:
        """Do what was chosen."""
        if what == "new":
            self.app.new_case()
        elif what == "open":
            from il2tui.tui.screens.open_file import OpenScreen

            self.app.push_screen(OpenScreen(), self._opened)
        elif what == "demo":
            self.app.open_demo()
        elif what == "evidence":
            self.app.action_evidence()

    def _opened(self, path: object) -> None:
        from pathlib import Path

        if isinstance(path, Path):
            self.app.open_path(path)
