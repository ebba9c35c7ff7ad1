"""The line at the top of every step: patient, diagnosis, course, step and case file."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from il2tui.tui.text import literal

DIAGNOSIS_WORDS = {"melanoma": "Metastatic melanoma", "renal_cell": "Metastatic renal cell cancer"}


@dataclass(frozen=True)
class HeaderFacts:
    """What the header shows; every field is optional while a case is being entered."""

    label: str | None = None
    diagnosis: str | None = None
    course: int = 0
    step: str = ""
    file_name: str = "not saved yet"


class CaseHeader(Widget):
    """Patient label, diagnosis and course on the left; the case file on the right."""

    DEFAULT_CSS = "CaseHeader { height: 1; dock: top; background: $panel; }"
    facts: reactive[HeaderFacts] = reactive(HeaderFacts, layout=False)

    def render(self) -> Table:
        """Two columns: who and where in the course on the left, the file on the right."""
        facts = self.facts
        left = Text(end="", no_wrap=True, overflow="ellipsis")
        left.append(literal(facts.label or "(no label)", style="bold", limit=30))
        left.append(" · " + DIAGNOSIS_WORDS.get(facts.diagnosis or "", "diagnosis not set"))
        if facts.course:
            left.append(f" · course {facts.course}")
        left.append(f" · {facts.step}", style="italic")
        right = Text("file: ", end="", no_wrap=True, overflow="ellipsis")
        right.append(literal(facts.file_name))
        grid = Table.grid(expand=True, padding=(0, 1))  # a space before "file:"
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True, overflow="ellipsis", max_width=42)
        grid.add_row(left, right)
        return grid
