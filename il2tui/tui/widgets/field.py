"""A one-line input field: compact, literal, and without a blinking cursor when the app says so.

Textual's ``Input`` sends its value to the terminal as it is, so an escape
sequence in a site read from a file (or pasted) would reach the terminal. A
field holds text through :func:`il2tui.core.textsafe.plain`: control, bidi and
other invisible characters become visible escapes (``\\x1b``) in the value
itself, so what is shown is what is edited and what a step saves.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from il2tui.core.textsafe import plain

#: The class Textual's ``Input.compact`` toggles (its compact style hangs on it).
COMPACT = "-textual-compact"
#: The class Textual's ``Input.validate`` gives a field without validators.
VALID = "-valid"


class Field(Input):
    """A compact :class:`~textual.widgets.Input` for forms.

    Snapshot tests build the app with ``cursor_blink=False`` so every picture
    is the same; the field reads that setting from the app when it mounts.
    """

    def __init__(self, value: str = "", placeholder: str = "", **kwargs: object) -> None:
        super().__init__(value=value, placeholder=placeholder, **kwargs)  # type: ignore[arg-type]
        # Compact without ``compact=True``, which restyles the widget before it is
        # even mounted (a few milliseconds per field on every step transition).
        self.set_reactive(Input.compact, True)
        # Valid from the start: without validators, Textual marks an Input ``-valid`` the
        # first time its value changes, and restyles it for that (no rule uses the class);
        # a step filled from the case did so for every field it filled.
        self.add_class(COMPACT, VALID, update=False)

    def validate_value(self, value: str) -> str:
        """Every value (typed, pasted, from a file) with invisible characters made visible."""
        return plain(value)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste keeps every line (line breaks shown as escapes), not only the first."""
        event.prevent_default()  # Textual's Input would keep the first line only
        event.stop()
        text = plain(event.text)
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)

    def on_blur(self) -> None:
        """Show the start of the value once the field is left: Textual keeps it scrolled to
        the cursor, so a long site read "ight lung" in a narrow column."""
        self.cursor_position = 0

    def on_mount(self) -> None:
        """Follow the app's cursor-blink setting."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
