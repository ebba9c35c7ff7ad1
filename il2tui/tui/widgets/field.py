"""A one-line input field: compact, and without a blinking cursor when the app says so."""

from __future__ import annotations

from textual.widgets import Input


class Field(Input):
    """A compact :class:`~textual.widgets.Input` for forms.

    Snapshot tests build the app with ``cursor_blink=False`` so every picture
    is the same; the field reads that setting from the app when it mounts.
    """

    def __init__(self, value: str = "", placeholder: str = "", **kwargs: object) -> None:
        super().__init__(value=value, placeholder=placeholder, compact=True, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        """Follow the app's cursor-blink setting."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
