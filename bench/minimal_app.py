"""The baseline of the start-up figures: a minimal Textual app (Header, Input, Footer).

``python bench/minimal_app.py`` runs it in the terminal; bench/ready_probe.py
runs the same app headless.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
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


if __name__ == "__main__":
    Minimal().run()
