"""The transcript panel: what the assistant asked, what was answered, what it concluded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

if TYPE_CHECKING:
    from il2tui.tui.transcript import Entry

#: The panel shows the newest entries; the whole transcript is in the exported report.
SHOWN = 24
_ROLE = {"assistant": ("Assistant ", "bold"), "clinician": ("You ", "bold"), "result": ("→ ", "")}


class TranscriptView(VerticalScroll, can_focus=True):
    """The conversation so far, newest at the bottom (scrolled into view)."""

    BORDER_TITLE = "Transcript"

    def compose(self):  # type: ignore[no-untyped-def]
        """One static body holding every line (filled once the screen is drawn)."""
        yield Static("", markup=False)

    def show(self, entries: Sequence[Entry]) -> None:
        """Replace the lines and scroll to the newest."""
        if not entries:
            self.query_one(Static).update(Text("Nothing answered yet.", style="italic"))
            return
        hidden = max(len(entries) - SHOWN, 0)
        text = render_entries(entries[hidden:])
        if hidden:
            note = Text(f"({hidden} earlier lines are in the exported report)\n", style="dim")
            text = note + text
        self.query_one(Static).update(text)
        self.call_after_refresh(self.scroll_end, animate=False)


def render_entries(entries: Sequence[Entry]) -> Text:
    """Every entry as a line: the speaker, then the words (already cleaned)."""
    out = Text(end="")
    for i, entry in enumerate(entries):
        prefix, style = _ROLE[entry.role]
        if i:
            out.append("\n")
        out.append(prefix, style=style)
        out.append(entry.text, style="italic" if entry.role == "result" else "")
    return out
