"""A one-line input field: compact, and without a blinking cursor when the app says so."""

from __future__ import annotations

from textual.widgets import Input

#: The class Textual's ``Input.compact`` toggles (its compact style hangs on it).
COMPACT = "-textual-compact"


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
        self.add_class(COMPACT, update=False)

    def on_mount(self) -> None:
        """Follow the app's cursor-blink setting."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
