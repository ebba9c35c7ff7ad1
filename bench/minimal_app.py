"""The baselines: a minimal Textual app (Header, Input, Footer), and the same widgets as
screens that Enter replaces.

``python bench/minimal_app.py`` runs it in the terminal; bench/ready_probe.py
runs the same app headless, and bench/walk.py times ``Switching`` beside the assistant's
step transitions.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Input

#: Text of its first frame that bench/run.py waits for.
PLACEHOLDER = "type here"


class Minimal(App[None]):
    """Header, one Input, Footer; ctrl+q quits (Textual's default)."""

    def compose(self) -> ComposeResult:
        """The three widgets."""
        yield Header()
        yield Input(placeholder=PLACEHOLDER)
        yield Footer()


class Page(Screen[None]):
    """The minimal app's three widgets as a screen of their own."""

    def compose(self) -> ComposeResult:
        """Header, one Input, Footer."""
        yield Header()
        yield Input(placeholder=PLACEHOLDER)
        yield Footer()


class Switching(App[None]):
    """The baseline of a step transition: Enter replaces the screen with a fresh ``Page``."""

    def on_mount(self) -> None:
        """Start on a page."""
        self.push_screen(Page())

    def on_input_submitted(self) -> None:
        """A new page in place of the current one, as the assistant's steps replace theirs."""
        self.switch_screen(Page())


if __name__ == "__main__":
    Minimal().run()
